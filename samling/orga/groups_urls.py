"""Organiser pages for group discussions (owned by the groups work); included by orga/urls.py."""

from django.urls import path

from . import groups

urlpatterns = [
    path("events/<slug:slug>/groups/", groups.discussion_list, name="groups"),
    path(
        "events/<slug:slug>/groups/<int:pk>/",
        groups.discussion_detail,
        name="group-discussion",
    ),
    path(
        "events/<slug:slug>/groups/<int:pk>/settings/",
        groups.discussion_settings,
        name="group-discussion-settings",
    ),
    path(
        "events/<slug:slug>/groups/<int:pk>/groups/<int:group>/",
        groups.group_edit,
        name="group-edit",
    ),
    path(
        "events/<slug:slug>/groups/<int:pk>/export.<str:format>",
        groups.export,
        name="groups-export",
    ),
]
