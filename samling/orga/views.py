"""The organiser area. For now: log-in, the list of one's events and an overview of each."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _

from samling.events.models import Series
from samling.networks.permissions import (
    checkin_events,
    manageable_events,
    networks_administered,
    organising_networks,
)
from samling.notifications.services import pending_changes
from samling.orga.registrations import export_links
from samling.programme.queries import programme_for_event
from samling.registration.queries import dashboard_figures, with_registration_figures


class LoginView(auth_views.LoginView):
    template_name = "orga/login.html"
    redirect_authenticated_user = True
    extra_context = {"title": _("Log in")}


@login_required
def dashboard(request):
    manageable = with_registration_figures(
        manageable_events(request.user).select_related("network").order_by("-starts_at")
    )
    checkin_only = (
        checkin_events(request.user)
        .exclude(pk__in=manageable.values("pk"))
        .select_related("network")
        .order_by("-starts_at")
    )
    return render(
        request,
        "orga/dashboard.html",
        {
            "events": manageable,
            "checkin_events": checkin_only,
            "series": Series.objects.filter(network__in=organising_networks(request.user))
            .annotate(event_count=Count("events"))
            .order_by("title"),
            "news_networks": organising_networks(request.user).order_by("name"),
            "log_networks": networks_administered(request.user).distinct().order_by("name"),
        },
    )


@login_required
def event_overview(request, slug):
    event = get_object_or_404(
        manageable_events(request.user).select_related("network", "venue", "registration_settings"),
        slug=slug,
    )
    registration_settings = getattr(event, "registration_settings", None)
    return render(
        request,
        "orga/event.html",
        {
            "event": event,
            "programme": programme_for_event(event),
            "registration_settings": registration_settings,
            "pending_changes": pending_changes(event).exists(),
            "figures": dashboard_figures(event) if registration_settings else None,
            "exports": export_links(event) if registration_settings else [],
            "administers_network": networks_administered(request.user)
            .filter(pk=event.network_id)
            .exists(),
        },
    )
