"""Check-in at the door: marking confirmed registrants as arrived, and the arrival counts.

A mark is one conditional UPDATE (`... SET checked_in_at = now WHERE checked_in_at IS NULL`),
so a mark sent twice over a poor connection, or by two people at once, records the first
arrival time and is otherwise harmless.
"""

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from samling.events.models import Event

from .models import Registration

CONFIRMED = Registration.Status.CONFIRMED


class CheckinRefused(Exception):
    """The registration cannot be marked as arrived (it is not a confirmed place)."""


def mark_arrived(registration: Registration, *, by=None) -> bool:
    """Mark a confirmed registration as arrived; False if it was marked already.

    Raises `CheckinRefused` for a cancelled or waiting-list registration. `by` is the staff
    user who marked it (for a future change log; not stored yet). The registration object is
    given the stored arrival time either way.
    """
    if registration.status != CONFIRMED:
        raise CheckinRefused(
            _("%(name)s does not have a confirmed place (%(status)s).")
            % {"name": registration.name, "status": registration.get_status_display()}
        )
    now = timezone.now()
    updated = Registration.objects.filter(
        pk=registration.pk, status=CONFIRMED, checked_in_at__isnull=True
    ).update(checked_in_at=now)
    if updated:
        registration.checked_in_at = now
    elif registration.checked_in_at is None:
        registration.checked_in_at = (
            Registration.objects.filter(pk=registration.pk)
            .values_list("checked_in_at", flat=True)
            .first()
        )
    return bool(updated)


def unmark_arrived(registration: Registration) -> bool:
    """Take back an arrival mark; False if there was none."""
    updated = Registration.objects.filter(pk=registration.pk, checked_in_at__isnull=False).update(
        checked_in_at=None
    )
    registration.checked_in_at = None
    return bool(updated)


def arrival_counts(event: Event) -> dict:
    """{"confirmed": confirmed registrants, "arrived": those of them marked as arrived}."""
    counts = Registration.objects.filter(event=event, status=CONFIRMED).aggregate(
        confirmed=Count("pk"), arrived=Count("pk", filter=Q(checked_in_at__isnull=False))
    )
    return {"confirmed": counts["confirmed"], "arrived": counts["arrived"]}


def arrival_list(event: Event, *, search: str = "") -> QuerySet:
    """The event's confirmed registrants by name, for the list at the door.

    `search` looks in name, organisation, municipality and e-mail address, word by word.
    One query, whatever the number of registrants.
    """
    registrations = (
        Registration.objects.filter(event=event, status=CONFIRMED)
        .select_related("municipality")
        .order_by("name", "pk")
    )
    for word in search.split():
        registrations = registrations.filter(
            Q(name__icontains=word)
            | Q(organisation__icontains=word)
            | Q(municipality__name__icontains=word)
            | Q(email__icontains=word)
        )
    return registrations
