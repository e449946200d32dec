from django.urls import path

from . import messages

urlpatterns = [
    path("events/<slug:slug>/edit/", messages.edit_event, name="event-edit"),
    path("events/<slug:slug>/notify/", messages.notify, name="event-notify"),
    path("events/<slug:slug>/messages/", messages.message_list, name="event-messages"),
    path("events/<slug:slug>/messages/new/", messages.new_message, name="event-message-new"),
    path("events/<slug:slug>/messages/<int:pk>/", messages.message_detail, name="event-message"),
    path(
        "events/<slug:slug>/messages/<int:pk>/edit/",
        messages.edit_reminder,
        name="event-reminder",
    ),
]
