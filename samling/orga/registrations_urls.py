"""Organiser pages for registrations (owned by the registrations work); included by orga/urls.py."""

from django.urls import path

from . import registrations as views

urlpatterns = [
    path(
        "events/<slug:slug>/registrations/",
        views.registrations_view,
        name="registrations",
    ),
    path(
        "events/<slug:slug>/registrations/add/",
        views.add_view,
        name="registration-add",
    ),
    path(
        "events/<slug:slug>/registrations/waitlist/",
        views.waitlist_view,
        name="waitlist",
    ),
    path(
        "events/<slug:slug>/registrations/export/<slug:kind>.<slug:fmt>",
        views.export_view,
        name="registrations-export",
    ),
    path("events/<slug:slug>/badges.pdf", views.badges_view, name="badges"),
    path(
        "events/<slug:slug>/registrations/<int:pk>/",
        views.registration_view,
        name="registration",
    ),
    path(
        "events/<slug:slug>/registrations/<int:pk>/cancel/",
        views.cancel_view,
        name="registration-cancel",
    ),
    path(
        "events/<slug:slug>/registrations/<int:pk>/move-to-waitlist/",
        views.move_to_waitlist_view,
        name="registration-move-to-waitlist",
    ),
    path(
        "events/<slug:slug>/registrations/<int:pk>/confirm/",
        views.confirm_view,
        name="registration-confirm",
    ),
]
