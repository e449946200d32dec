"""Read-only event endpoints."""

import datetime as dt

from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from ninja import Query, Router, Schema
from ninja.renderers import JSONRenderer

from samling.core.timefmt import change_summary
from samling.events.models import Event
from samling.events.queries import absolute_url
from samling.exports.links import output_urls
from samling.programme.queries import programme_json
from samling.registration.services import waitlist_size

from .schemas import EventDetailOut, EventSummaryOut, NotFoundOut, ValidationErrorOut

router = Router(tags=["events"])


class EventFilters(Schema):
    network: str | None = None
    starts_after: dt.date | None = None
    starts_before: dt.date | None = None
    mode: Event.Mode | None = None
    upcoming: bool | None = None


def _registration(event: Event) -> dict:
    settings = getattr(event, "registration_settings", None)
    if settings is None or not settings.is_enabled:
        # Registration elsewhere (a link out), or none at all.
        return {
            "open": bool(event.registration_url) and event.status != Event.Status.CANCELLED,
            "deadline": None,
            "capacity": None,
            "confirmed": 0,
            "available": None,
            "waitlisted": 0,
            "url": event.registration_url or None,
            "options": [],
        }
    return {
        "open": settings.is_open(),
        "deadline": settings.closes_at or event.ends_at,
        "capacity": settings.capacity,
        "confirmed": settings.confirmed_count,
        "available": settings.available,
        "waitlisted": waitlist_size(event),
        "url": absolute_url(reverse("public:register", args=[event.slug])),
        "options": [
            {
                "key": option.key,
                "label": option.label,
                "kind": option.kind,
                "choice_group": option.choice_group or None,
                "capacity": option.capacity,
                "available": option.available,
            }
            for option in event.options.all()
        ],
    }


def event_summary(event: Event) -> dict:
    meeting = getattr(event, "online_meeting", None) if event.is_online else None
    return {
        "slug": event.slug,
        "title": event.title,
        "subtitle": event.subtitle,
        "summary": event.summary,
        "network": {
            "slug": event.network.slug,
            "name": event.network.name,
            "country": event.network.country,
            "page_url": absolute_url(event.network.get_absolute_url()),
        },
        "language": event.language,
        "timezone": event.timezone,
        "starts_at": event.local_start,
        "ends_at": event.local_end,
        "times_announced": event.times_announced,
        "status": event.status,
        "mode": event.mode,
        "venue": event.venue,
        "online_platform": meeting.display_platform if meeting else None,
        "page_url": absolute_url(event.get_absolute_url()),
        **output_urls(event),
        "registration": _registration(event),
    }


def event_detail(event: Event) -> dict:
    with translation.override(event.language):
        changes = [
            {
                "kind": change.kind,
                "summary": change_summary(change),
                "note": change.note,
                "changed_at": change.changed_at,
                "previous_starts_at": change.previous_starts_at,
                "previous_ends_at": change.previous_ends_at,
                "new_starts_at": change.new_starts_at,
                "new_ends_at": change.new_ends_at,
            }
            for change in event.changes.filter(is_public=True)
        ]
    return {
        **event_summary(event),
        "description": event.description,
        "highlights": event.highlight_lines(),
        "audience": event.audience,
        "series": {
            "slug": event.series.slug,
            "title": event.series.title,
            "position": event.series_position,
            "planned_count": event.series.planned_count,
        }
        if event.series
        else None,
        "contacts": [
            {
                "name": contact.name,
                "function": contact.function,
                "email": contact.email,
                "phone": contact.phone,
            }
            for contact in event.contacts.select_related("person", "venue")
        ],
        "attachments": [
            {
                "title": attachment.title,
                "url": absolute_url(attachment.file.url),
                "is_programme": attachment.is_programme,
            }
            for attachment in event.attachments.all()
        ],
        "changes": changes,
        "related_events": list(event.related_events.published().values_list("slug", flat=True)),
        "programme": programme_json(event),
    }


BASE = (
    Event.objects.published()
    .select_related("network", "venue", "online_meeting", "series", "registration_settings")
    .prefetch_related("options", "days")
)


@router.get(
    "/events",
    response={200: list[EventSummaryOut], 422: ValidationErrorOut},
    summary="List published events",
)
def list_events(request, filters: Query[EventFilters]):
    events = BASE.order_by("starts_at")
    if filters.network:
        events = events.filter(network__slug=filters.network)
    if filters.starts_after:
        events = events.filter(starts_at__date__gte=filters.starts_after)
    if filters.starts_before:
        events = events.filter(starts_at__date__lte=filters.starts_before)
    if filters.mode:
        events = events.filter(mode=filters.mode)
    if filters.upcoming:
        events = events.upcoming()
    return [event_summary(event) for event in events]


@router.get(
    "/events/{slug}",
    response={200: EventDetailOut, 404: NotFoundOut},
    summary="One event with its programme",
)
def get_event(request, slug: str):
    # What the cached answer depends on, read without the event's relations (asked often).
    version = (
        Event.objects.published()
        .filter(slug=slug)
        .values_list("pk", "updated_at", "registration_settings__confirmed_count")
        .first()
    )
    if version is None:
        raise Http404
    pk, updated_at, confirmed = version
    counts = "-" if confirmed is None else f"{confirmed}:{waitlist_size(pk)}"
    key = f"api:event-json:{pk}:{updated_at.timestamp()}:{counts}"
    content = cache.get(key)
    if content is None:
        event = get_object_or_404(BASE, pk=pk)
        content = _rendered(request, EventDetailOut, event_detail(event))
        cache.set(key, content, 60 * 60 * 24)
    return HttpResponse(content, content_type=JSON)


JSON = "application/json; charset=utf-8"


def _rendered(request, schema, data) -> bytes:
    """The answer's bytes as django-ninja makes them (checked against the schema, then JSON):
    cached so, a repeated request skips checking and encoding the whole programme again."""
    checked = schema.model_validate(data).model_dump()
    return JSONRenderer().render(request, checked, response_status=200)
