"""Absolute addresses of an event's take-away outputs, for the API and the event page."""

from django.urls import reverse

from samling.events.models import Event
from samling.events.queries import absolute_url


def has_programme(event: Event) -> bool:
    """Whether the event has programme days; uses prefetched `days` when present (no query)."""
    prefetched = getattr(event, "_prefetched_objects_cache", {})
    if "days" in prefetched:
        return bool(prefetched["days"])
    return event.days.exists()


def output_urls(event: Event, *, programme: bool | None = None) -> dict[str, str | None]:
    """{"ical_url", "programme_ical_url", "pdf_url"}; the last two are None without a programme.

    Pass `programme=` when the caller already knows whether the event has programme days (a
    list page), or prefetch `days`; otherwise this costs one query.
    """
    if programme is None:
        programme = has_programme(event)
    kwargs = {"slug": event.slug}

    def url(name: str) -> str:
        return absolute_url(reverse(f"public:{name}", kwargs=kwargs))

    return {
        "ical_url": url("event-ical"),
        "programme_ical_url": url("programme-ical") if programme else None,
        "pdf_url": url("programme-pdf") if programme else None,
    }
