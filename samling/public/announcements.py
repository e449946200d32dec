"""Public pages of a network's news: one post, and the network's news feed (Atom).

Both are cached like the other public pages: per language and per version of what they show.
Drafts and posts dated in the future are not found.
"""

from django.db.models import Max
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from samling.announcements.models import Announcement
from samling.announcements.queries import (
    announcement_detail,
    news_version,
    published_announcement,
)
from samling.core.pagecache import cached_response
from samling.events.queries import absolute_url
from samling.exports.feeds import network_news_feed
from samling.networks.models import Network

from .views import _use_language

ATOM = "application/atom+xml; charset=utf-8"


@require_safe
def announcement(request, network, slug):
    network = get_object_or_404(Network, slug=network)
    try:
        post = published_announcement(network, slug)
    except Announcement.DoesNotExist:
        raise Http404 from None
    _use_language(request, network.language)
    # Linked events show their title and date: a rescheduled event makes a new page too.
    events_version = post.events.aggregate(v=Max("updated_at"))["v"]
    stamps = [post.updated_at, network.updated_at, events_version]
    version = max(stamp for stamp in stamps if stamp).timestamp()

    def render_page():
        context = {
            "network": network,
            "announcement": post,
            **announcement_detail(post),
            "json_ld": _json_ld(post),
        }
        return render(request, "public/announcement.html", context)

    return cached_response(request, f"announcement:{post.pk}:{version}", render_page)


@require_safe
def news_feed(request, network):
    network = get_object_or_404(Network, slug=network)
    _use_language(request, network.language)
    now = timezone.now()
    version = max(network.updated_at.timestamp(), news_version(network, now=now))
    return cached_response(
        request,
        f"news-feed:{network.pk}:{version}",
        lambda: _feed_response(request, network, now),
        content_type=ATOM,
    )


def _feed_response(request, network, now):
    return HttpResponse(network_news_feed(network, request, now=now), content_type=ATOM)


def _json_ld(post: Announcement) -> dict:
    """schema.org NewsArticle for search engines."""
    network = post.network
    publisher = {
        "@type": "Organization",
        "name": network.name,
        "url": network.website or absolute_url(network.get_absolute_url()),
    }
    return {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": post.title,
        "description": post.lead,
        "inLanguage": network.language,
        "url": absolute_url(post.get_absolute_url()),
        "datePublished": post.local_published_at().isoformat(),
        "dateModified": timezone.localtime(post.updated_at, post.local_published_at().tzinfo)
        .replace(microsecond=0)
        .isoformat(),
        "author": publisher,
        "publisher": publisher,
    }
