"""Organiser pages for a network's news posts; included by orga/urls.py (namespace `orga`)."""

from django.urls import path

from . import announcements as views

urlpatterns = [
    path("networks/<slug:network>/news/", views.list_view, name="announcement-list"),
    path("networks/<slug:network>/news/new/", views.create_view, name="announcement-create"),
    path("networks/<slug:network>/news/<int:pk>/", views.edit_view, name="announcement-edit"),
    path(
        "networks/<slug:network>/news/<int:pk>/delete/",
        views.delete_view,
        name="announcement-delete",
    ),
]
