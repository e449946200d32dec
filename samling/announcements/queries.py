"""Reads of news posts shared by the public pages, the feed and the organiser area."""

from django.db.models import Count, Max, Prefetch

from samling.events.models import Event

from .models import Announcement

# How many posts the network's page shows; the news feed holds more.
NETWORK_PAGE_LIMIT = 5


def _linked_events():
    return Prefetch(
        "events",
        queryset=Event.objects.published().select_related("network").order_by("starts_at"),
    )


def latest_announcements(network, limit: int | None = None, *, now=None):
    """The network's published posts, newest first, with their linked (published) events and
    documents prefetched: a template may loop over both without a query."""
    queryset = (
        Announcement.objects.for_network(network)
        .published(now)
        .select_related("network")
        .prefetch_related(_linked_events(), "attachments")
        .order_by("-published_at", "-pk")
    )
    return queryset[:limit] if limit else queryset


def published_announcement(network, slug: str, *, now=None) -> Announcement:
    """One published post of the network (Announcement.DoesNotExist otherwise)."""
    return (
        Announcement.objects.for_network(network)
        .published(now)
        .select_related("network")
        .get(slug=slug)
    )


def announcement_detail(announcement: Announcement) -> dict:
    """What the public page of a post shows besides the post itself."""
    return {
        "events": list(
            announcement.events.published().select_related("network", "venue", "online_meeting")
        ),
        "attachments": list(announcement.attachments.all()),
    }


def news_version(network, *, now=None) -> float:
    """A number that changes when the network's published news changes or a dated post falls due.

    Saving a post moves the network's `updated_at`; a post dated later appears without being
    saved again, so the newest due publication date is part of the version too.
    """
    latest = (
        Announcement.objects.for_network(network)
        .published(now)
        .aggregate(v=Max("published_at"))["v"]
    )
    return latest.timestamp() if latest else 0


def announcements_for_event(event, *, now=None):
    """Published posts linked to an event, newest first (the event page's news box)."""
    return (
        event.announcements.published(now)
        .select_related("network")
        .order_by("-published_at", "-pk")
    )


def announcements_for_organiser(network):
    """All of a network's posts, drafts first, with the counts the organiser list shows."""
    return (
        Announcement.objects.for_network(network)
        .select_related("network", "created_by")
        .annotate(event_count=Count("events", distinct=True))
        .annotate(attachment_count=Count("attachments", distinct=True))
    )
