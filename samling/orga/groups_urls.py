"""Organiser pages for group discussions (owned by the groups work); included by orga/urls.py."""

urlpatterns = []
