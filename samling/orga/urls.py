from django.contrib.auth import views as auth_views
from django.urls import path

from . import programme_import, views
from .accounts_urls import urlpatterns as account_urlpatterns
from .announcements_urls import urlpatterns as announcement_urlpatterns
from .audit_urls import urlpatterns as audit_urlpatterns
from .checkin_urls import urlpatterns as checkin_urlpatterns
from .groups_urls import urlpatterns as group_urlpatterns
from .messages_urls import urlpatterns as message_urlpatterns
from .programme_editor_urls import urlpatterns as programme_editor_urlpatterns
from .registrations_urls import urlpatterns as registration_urlpatterns
from .wizard_urls import urlpatterns as wizard_urlpatterns

app_name = "orga"

urlpatterns = [
    # First: "events/new/" must not be taken for an event called "new".
    *wizard_urlpatterns,
    path("", views.dashboard, name="dashboard"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(next_page="orga:login"), name="logout"),
    path("events/<slug:slug>/", views.event_overview, name="event"),
    path(
        "events/<slug:slug>/programme/import/",
        programme_import.import_view,
        name="programme-import",
    ),
    *registration_urlpatterns,
    *group_urlpatterns,
    *checkin_urlpatterns,
    *message_urlpatterns,
    *programme_editor_urlpatterns,
    *audit_urlpatterns,
    *account_urlpatterns,
    *announcement_urlpatterns,
]
