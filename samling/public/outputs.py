"""Take-away outputs: an event's calendar files and printed programme, a network's feeds.

Each output is made once per version of its content and language (see
samling.exports.responses); a repeat request costs the lookup of the event or network.
Outputs open in the content's own language; `?lang=` chooses another.
"""

from django.db.models import Count, Max, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone, translation
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from samling.core.pagecache import cached_response
from samling.events.models import Event
from samling.exports import ical
from samling.exports.feeds import network_feed as build_network_feed
from samling.exports.feeds import upcoming_events
from samling.exports.pdf import render_programme_pdf
from samling.exports.responses import cached_export, event_version
from samling.networks.models import Network
from samling.programme.queries import programme_for_event

EMBED_LIMIT_DEFAULT = 10
EMBED_LIMIT_MAX = 50


def _use_language(request, default: str) -> None:
    """?lang= (already active, see LanguageParameterMiddleware) wins; else the content's own."""
    if getattr(request, "language_chosen", False):
        return
    translation.activate(default)
    request.LANGUAGE_CODE = default


def _published_event(request, slug: str) -> Event:
    """The event with what the cached outputs are keyed by (see `_whole` for the rest)."""
    event = get_object_or_404(
        Event.objects.only("slug", "language", "updated_at"), slug=slug, is_published=True
    )
    _use_language(request, event.language)
    return event


def _whole(event: Event) -> Event:
    """The event with its relations, read only when an output is made."""
    return Event.objects.select_related("network", "venue", "series", "online_meeting").get(
        pk=event.pk
    )


def _programme_or_404(event: Event):
    programme = programme_for_event(event)
    if not programme:
        raise Http404
    return programme


@require_safe
def event_ical(request, slug):
    event = _published_event(request, slug)
    return cached_export(
        "event-ical",
        slug=event.slug,
        version=event_version(event),
        render=lambda: ical.event_calendar(whole := _whole(event), programme_for_event(whole)),
    )


@require_safe
def programme_ical(request, slug):
    event = _published_event(request, slug)
    return cached_export(
        "programme-ical",
        slug=event.slug,
        version=event_version(event),
        render=lambda: ical.programme_calendar(whole := _whole(event), _programme_or_404(whole)),
    )


@require_safe
def programme_pdf(request, slug):
    event = _published_event(request, slug)

    def render_pdf():
        whole = _whole(event)
        return render_programme_pdf(whole, _programme_or_404(whole))

    # The same cache entry as samling.exports.pdf.programme_pdf(event).
    return cached_export(
        "programme-pdf", slug=event.slug, version=event_version(event), render=render_pdf
    )


def _network_and_version(request, slug: str) -> tuple[Network, str]:
    """The network and a version that changes with what its upcoming events show."""
    network = get_object_or_404(Network, slug=slug)
    _use_language(request, network.language)
    figures = (
        Event.objects.published()
        .for_network(network)
        .aggregate(
            latest=Max("updated_at"), upcoming=Count("pk", filter=Q(ends_at__gt=timezone.now()))
        )
    )
    latest = figures["latest"]
    stamps = [network.updated_at.timestamp(), latest.timestamp() if latest else 0]
    # A new or changed event moves the latest stamp. One that ends, or is unpublished or
    # deleted, leaves "upcoming" without moving it: the number of upcoming events changes.
    return network, f"{network.pk}:{max(stamps)}:{figures['upcoming']}"


@require_safe
def network_ical(request, network):
    network, version = _network_and_version(request, network)
    return cached_export(
        "network-ical",
        slug=network.slug,
        version=version,
        render=lambda: ical.network_calendar(network, upcoming_events(network)),
    )


@require_safe
def network_feed(request, network):
    network, version = _network_and_version(request, network)
    return cached_export(
        "network-feed",
        slug=network.slug,
        version=version,
        render=lambda: build_network_feed(network, request),
    )


@require_safe
@xframe_options_exempt
def network_embed(request, network):
    """A small list of upcoming events for an <iframe> on a municipality's website."""
    network, version = _network_and_version(request, network)
    try:
        limit = int(request.GET.get("limit", EMBED_LIMIT_DEFAULT))
    except ValueError:
        limit = EMBED_LIMIT_DEFAULT
    limit = max(1, min(limit, EMBED_LIMIT_MAX))

    def render_page():
        events = list(upcoming_events(network)[: limit + 1])
        return render(
            request,
            "public/embed.html",
            {"network": network, "events": events[:limit], "more": len(events) > limit},
        )

    return cached_response(request, f"embed:{version}:{limit}", render_page)
