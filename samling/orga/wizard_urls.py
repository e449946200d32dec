from django.urls import path

from . import wizard

urlpatterns = [
    path("events/new/", wizard.new_event, name="event-new"),
    path("events/<slug:slug>/setup/place/", wizard.place, name="event-setup-place"),
    path("events/<slug:slug>/setup/about/", wizard.about, name="event-setup-about"),
    path("events/<slug:slug>/setup/programme/", wizard.programme, name="event-setup-programme"),
    path(
        "events/<slug:slug>/setup/registration/",
        wizard.registration,
        name="event-setup-registration",
    ),
    path("events/<slug:slug>/setup/publish/", wizard.publish, name="event-setup-publish"),
    path("events/<slug:slug>/copy/", wizard.copy, name="event-copy"),
    path("series/<slug:series>/copy/", wizard.copy_whole_series, name="series-copy"),
]
