"""Organiser pages for registrations (owned by the registrations work); included by orga/urls.py."""

urlpatterns = []
