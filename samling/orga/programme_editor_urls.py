from django.urls import path

from . import programme_editor as views

urlpatterns = [
    path("events/<slug:slug>/programme/", views.programme, name="programme"),
    path("events/<slug:slug>/programme/items/new/", views.item_add, name="programme-item-add"),
    path("events/<slug:slug>/programme/items/<int:pk>/", views.item_edit, name="programme-item"),
    path(
        "events/<slug:slug>/programme/items/<int:pk>/duplicate/",
        views.item_duplicate,
        name="programme-item-duplicate",
    ),
    path(
        "events/<slug:slug>/programme/items/<int:pk>/move/",
        views.item_move,
        name="programme-item-move",
    ),
    path(
        "events/<slug:slug>/programme/items/<int:pk>/delete/",
        views.item_delete,
        name="programme-item-delete",
    ),
    path("events/<slug:slug>/programme/days/new/", views.day_add, name="programme-day-add"),
    path(
        "events/<slug:slug>/programme/days/<int:pk>/delete/",
        views.day_delete,
        name="programme-day-delete",
    ),
]
