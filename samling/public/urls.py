from django.urls import path

from . import registration, views
from .announcement_urls import urlpatterns as announcement_urlpatterns
from .outputs_urls import urlpatterns as output_urlpatterns
from .privacy_urls import urlpatterns as privacy_urlpatterns

app_name = "public"

urlpatterns = [
    path("", views.front, name="front"),
    path("networks/<slug:network>/", views.network, name="network"),
    path("events/<slug:slug>/", views.event, name="event"),
    path("events/<slug:slug>/preview/<str:token>/", views.event_preview, name="event-preview"),
    path("events/<slug:slug>/register/", registration.register_view, name="register"),
    path("events/<slug:slug>/register/link/", registration.request_link_view, name="request-link"),
    path("r/<str:token>/", registration.registration_view, name="registration"),
    path("r/<str:token>/cancel/", registration.cancel_view, name="cancel"),
    path("r/<str:token>/agenda.ics", registration.agenda_view, name="agenda"),
    *output_urlpatterns,
    *privacy_urlpatterns,
    *announcement_urlpatterns,
]
