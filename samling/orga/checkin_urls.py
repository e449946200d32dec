"""Check-in pages (owned by the check-in work); included by orga/urls.py."""

from django.urls import path

from . import checkin as views

urlpatterns = [
    path("events/<slug:slug>/checkin/", views.checkin_view, name="checkin"),
    path("events/<slug:slug>/checkin/mark/", views.mark_view, name="checkin-mark"),
    path("events/<slug:slug>/checkin/undo/", views.undo_view, name="checkin-undo"),
    path("events/<slug:slug>/checkin/counts.json", views.counts_view, name="checkin-counts"),
]
