"""Who may do what: predicates shared by the organiser area, the admin and the API."""

from django.db.models import Q, QuerySet

from .models import Network, TeamMembership

Role = TeamMembership.Role


def networks_administered(user) -> QuerySet:
    if user.is_superuser:
        return Network.objects.all()
    return Network.objects.filter(team_memberships__user=user, team_memberships__role=Role.ADMIN)


def organising_networks(user) -> QuerySet:
    """Networks in which the user administers or organises events."""
    if not user.is_authenticated:
        return Network.objects.none()
    if user.is_superuser:
        return Network.objects.all()
    return Network.objects.filter(
        team_memberships__user=user, team_memberships__role__in=[Role.ADMIN, Role.ORGANISER]
    ).distinct()


def manageable_events(user) -> QuerySet:
    """Events the user may change: all of a network they administer, or those they are given."""
    from samling.events.models import Event

    if not user.is_authenticated:
        return Event.objects.none()
    if user.is_superuser:
        return Event.objects.all()
    return Event.objects.filter(
        Q(network__team_memberships__user=user, network__team_memberships__role=Role.ADMIN)
        | Q(
            organisers=user,
            network__team_memberships__user=user,
            network__team_memberships__role=Role.ORGANISER,
        )
    ).distinct()


def checkin_events(user) -> QuerySet:
    """Events whose arrival lists the user may see: check-in staff see their network's events."""
    from samling.events.models import Event

    if not user.is_authenticated:
        return Event.objects.none()
    if user.is_superuser:
        return Event.objects.all()
    return Event.objects.filter(
        network__team_memberships__user=user, network__team_memberships__role=Role.CHECKIN
    ).distinct()


def can_manage_event(user, event) -> bool:
    return manageable_events(user).filter(pk=event.pk).exists()
