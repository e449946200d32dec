"""Public pages: the front page, a network's page and an event's page."""

from django.conf import settings
from django.db.models import Max, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone, translation

from samling.core.pagecache import cached_response
from samling.events.models import Event, EventChange
from samling.events.queries import event_json_ld
from samling.networks.models import Network
from samling.programme.queries import programme_for_event, speakers_for_event


def _use_language(request, default: str) -> None:
    """An explicit choice (?lang= or the cookie) wins; otherwise the content's own language."""
    if getattr(request, "language_chosen", False):
        return
    codes = {code for code, _name in settings.LANGUAGES}
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    language = chosen if chosen in codes else default
    translation.activate(language)
    request.LANGUAGE_CODE = language


def _event_list(queryset):
    return queryset.published().select_related("network", "venue", "online_meeting")


def front(request):
    version = Event.objects.published().aggregate(v=Max("updated_at"))["v"]
    now = timezone.now()

    def render_page():
        networks = Network.objects.filter(events__is_published=True).distinct()
        upcoming = list(_event_list(Event.objects.upcoming(now)))
        past = list(_event_list(Event.objects.past(now))[:20])
        sections = [
            {
                "network": network,
                "upcoming": [e for e in upcoming if e.network_id == network.pk],
                "past": [e for e in past if e.network_id == network.pk][:5],
            }
            for network in networks
        ]
        return render(request, "public/front.html", {"sections": sections})

    # The day matters too: an event moves from "upcoming" to "past" without being changed.
    return cached_response(
        request, f"front:{version.timestamp() if version else 0}:{now.date()}", render_page
    )


def network(request, network):
    from samling.announcements.queries import NETWORK_PAGE_LIMIT, latest_announcements, news_version

    network = get_object_or_404(Network, slug=network)
    _use_language(request, network.language)
    events = Event.objects.published().for_network(network)
    version = max(filter(None, [network.updated_at, events.aggregate(v=Max("updated_at"))["v"]]))
    now = timezone.now()
    # Saving a news post moves the network's updated_at; one dated later appears when it is due.
    news = news_version(network, now=now)

    def render_page():
        return render(
            request,
            "public/network.html",
            {
                "network": network,
                "upcoming": _event_list(events.upcoming(now)),
                "past": _event_list(events.past(now)),
                "announcements": latest_announcements(network, NETWORK_PAGE_LIMIT, now=now),
            },
        )

    return cached_response(
        request, f"network:{network.pk}:{version.timestamp()}:{news}:{now.date()}", render_page
    )


# What the cached page depends on: read for every view of it, so without the rest of the
# event and its relations (those are read only when the page is made).
PAGE_VERSION_FIELDS = (
    "is_published",
    "language",
    "updated_at",
    "status",
    "ends_at",
    "registration_settings__is_enabled",
    "registration_settings__opens_at",
    "registration_settings__closes_at",
    "registration_settings__confirmed_count",
)


def event(request, slug):
    version = get_object_or_404(
        Event.objects.select_related("registration_settings").only(*PAGE_VERSION_FIELDS),
        slug=slug,
    )
    if not version.is_published:
        raise Http404
    _use_language(request, version.language)
    registration = getattr(version, "registration_settings", None)
    # Places left show on the page: the counts belong to the version of the page.
    counts = f"{registration.confirmed_count}:{registration.is_open()}" if registration else "-"

    def render_page():
        event = Event.objects.select_related(
            "network", "venue", "series", "online_meeting", "registration_settings"
        ).get(pk=version.pk)
        return _render_event(request, event, getattr(event, "registration_settings", None))

    return cached_response(
        request, f"event:{version.pk}:{version.updated_at.timestamp()}:{counts}", render_page
    )


def event_preview(request, slug, token):
    """A draft's page for those given the preview link: never cached, never indexed."""
    from samling.events.publishing import event_from_preview_token

    event = event_from_preview_token(slug, token)
    if event is None:
        raise Http404
    _use_language(request, event.language)
    response = _render_event(
        request, event, getattr(event, "registration_settings", None), preview=True
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def _render_event(request, event, registration, *, preview=False):
    programme = programme_for_event(event)
    related = event.related_events.published().prefetch_related(
        Prefetch("changes", queryset=EventChange.objects.filter(is_public=True))
    )
    context = {
        "event": event,
        "programme": programme,
        "speakers": speakers_for_event(programme),
        "contacts": event.contacts.select_related("person", "venue"),
        "attachments": event.attachments.all(),
        "changes": event.changes.filter(is_public=True),
        "related": related,
        "series_events": (
            event.series.events.published().exclude(pk=event.pk) if event.series else []
        ),
        "json_ld": event_json_ld(event, programme),
        "registration": registration,
        "registration_open": bool(registration and registration.is_open() and not preview),
        "preview": preview,
    }
    return render(request, "public/event.html", context)
