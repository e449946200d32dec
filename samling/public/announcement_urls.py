"""Public addresses of a network's news; added to samling.public.urls (namespace `public`)."""

from django.urls import path

from . import announcements

urlpatterns = [
    path(
        "networks/<slug:network>/news/<slug:slug>/",
        announcements.announcement,
        name="announcement",
    ),
    path("networks/<slug:network>/news.atom", announcements.news_feed, name="network-news-feed"),
]
