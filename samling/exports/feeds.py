"""Atom feeds of a network, for municipal websites and feed readers: its upcoming events
(`feed.atom`) and its news posts (`news.atom`)."""

from urllib.parse import urlsplit

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from samling.core import timefmt
from samling.events.models import Event
from samling.events.queries import absolute_url
from samling.networks.models import Network

from .ical import event_location, event_summary


def upcoming_events(network: Network, now=None):
    """The network's published events that have not ended, soonest first (one query)."""
    return (
        Event.objects.published()
        .for_network(network)
        .upcoming(now)
        .select_related("network", "venue", "online_meeting")
    )


class NetworkEventsFeed(Feed):
    """`get_feed(network, request)` gives the feed; the view caches and serves its bytes."""

    feed_type = Atom1Feed
    item_guid_is_permalink = False

    def get_object(self, request, network):
        return get_object_or_404(Network, slug=network)

    def title(self, network):
        return _("Upcoming events: %(network)s") % {"network": network.name}

    def subtitle(self, network):
        return network.description or None

    def link(self, network):
        return absolute_url(network.get_absolute_url())

    def feed_url(self, network):
        return absolute_url(reverse("public:network-feed", kwargs={"network": network.slug}))

    def feed_guid(self, network):
        return f"tag:{_tag_authority()},2025:network-{network.pk}"

    def author_name(self, network):
        return network.name

    def author_link(self, network):
        return network.website or absolute_url(network.get_absolute_url())

    def items(self, network):
        return upcoming_events(network)

    def item_title(self, event):
        return event_summary(event)

    def item_description(self, event):
        facts = [fact for fact in (timefmt.event_when(event), event_location(event)) if fact]
        html = format_html("<p>{}</p>", mark_safe("<br>").join(escape(fact) for fact in facts))
        intro = event.summary or event.subtitle
        if intro:
            html += format_html("<p>{}</p>", intro)
        return html

    def item_link(self, event):
        return absolute_url(event.get_absolute_url())

    def item_guid(self, event):
        # Stable when the slug changes: the key, not the address.
        return f"tag:{_tag_authority()},{event.created_at.year}:event-{event.pk}"

    def item_pubdate(self, event):
        return event.created_at

    def item_updateddate(self, event):
        return event.updated_at

    def item_categories(self, event):
        return [event.get_mode_display()]


def _tag_authority() -> str:
    from django.conf import settings

    return urlsplit(settings.BASE_URL).hostname or "samling"


def network_feed(network: Network, request) -> bytes:
    return NetworkEventsFeed().get_feed(network, request).writeString("utf-8").encode()


class NetworkNewsFeed(NetworkEventsFeed):
    """The network's published news posts, newest first: `network_news_feed(network, request)`."""

    limit = 50
    now = None

    def title(self, network):
        return _("News: %(network)s") % {"network": network.name}

    def feed_url(self, network):
        return absolute_url(reverse("public:network-news-feed", kwargs={"network": network.slug}))

    def feed_guid(self, network):
        return f"tag:{_tag_authority()},2025:network-{network.pk}-news"

    def items(self, network):
        from samling.announcements.queries import latest_announcements

        return latest_announcements(network, self.limit, now=self.now)

    def item_title(self, announcement):
        return announcement.title

    def item_description(self, announcement):
        html = format_html("<p>{}</p>", announcement.lead) if announcement.lead else ""
        links = format_html_join(
            ", ",
            '<a href="{}">{}</a>',
            (
                (absolute_url(event.get_absolute_url()), event.title)
                for event in announcement.events.all()
            ),
        )
        if links:
            html += format_html("<p>{} {}</p>", pgettext("news post about events", "About:"), links)
        return html or None

    def item_link(self, announcement):
        return absolute_url(announcement.get_absolute_url())

    def item_guid(self, announcement):
        # Stable when the title or slug changes: the key, not the address.
        year = announcement.created_at.year
        return f"tag:{_tag_authority()},{year}:announcement-{announcement.pk}"

    def item_pubdate(self, announcement):
        return announcement.published_at

    def item_updateddate(self, announcement):
        return max(announcement.updated_at, announcement.published_at)

    def item_categories(self, announcement):
        return []


def network_news_feed(network: Network, request, *, now=None) -> bytes:
    feed = NetworkNewsFeed()
    feed.now = now
    return feed.get_feed(network, request).writeString("utf-8").encode()
