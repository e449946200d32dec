"""A registrant's own data: download and deletion; added to samling.public.urls (`public`)."""

from django.urls import path

from . import privacy

urlpatterns = [
    path("r/<str:token>/data.json", privacy.data_view, name="registration-data"),
    path("r/<str:token>/delete/", privacy.delete_view, name="registration-delete"),
    path("events/<slug:slug>/data-deleted/", privacy.deleted_view, name="registration-deleted"),
]
