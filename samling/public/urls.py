from django.urls import path

from . import views

app_name = "public"

urlpatterns = [
    path("", views.front, name="front"),
    path("networks/<slug:network>/", views.network, name="network"),
    path("events/<slug:slug>/", views.event, name="event"),
]
