"""The audit log of a network; included by orga/urls.py (namespace `orga`)."""

from django.urls import path

from . import audit

urlpatterns = [
    path("networks/<slug:network>/log/", audit.audit_log_view, name="audit-log"),
]
