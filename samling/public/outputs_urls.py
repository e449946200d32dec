"""Addresses of the take-away outputs; added to samling.public.urls (namespace `public`)."""

from django.urls import path

from . import outputs

urlpatterns = [
    path("events/<slug:slug>/event.ics", outputs.event_ical, name="event-ical"),
    path("events/<slug:slug>/programme.ics", outputs.programme_ical, name="programme-ical"),
    path("events/<slug:slug>/programme.pdf", outputs.programme_pdf, name="programme-pdf"),
    path("networks/<slug:network>/events.ics", outputs.network_ical, name="network-ical"),
    path("networks/<slug:network>/feed.atom", outputs.network_feed, name="network-feed"),
    path("networks/<slug:network>/embed/", outputs.network_embed, name="network-embed"),
]
