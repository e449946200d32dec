"""What an organiser does to registrations beyond what a registrant can: add someone by hand,
confirm someone from the waiting list, move someone to the waiting list.

Built on `services.py`: places are taken and given back only through its conditional updates
(`_take`, `_count`), rows are locked in the same order (settings, options by primary key,
registrations), and the registrant gets the same mails. Cancelling is `cancel_registration`
itself: the freed place goes to the first on the waiting list.

Moving someone to the waiting list promotes nobody to the event: the organiser usually does it to
make room for a particular person, whom they then confirm from the waiting list; and the person
moved, who registered early, would otherwise get their own place straight back. The bus seats,
meals and other options they held go, as when a participant drops an option, to confirmed
participants waiting for that option.
"""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from samling.core import audit
from samling.events.models import Event

from .models import Option, Registration, RegistrationOption, RegistrationSettings
from .services import (
    RegistrationClosed,
    RegistrationData,
    RegistrationError,
    RegistrationFull,
    _choose_options,
    _count,
    _promote_option,
    _queue_confirmation,
    _save_registration,
    _take,
    normalise_email,
)


class AlreadyRegistered(RegistrationError):
    message = _("This e-mail address is already registered for the event.")


class EventCancelled(RegistrationClosed):
    message = _("The event is cancelled: nobody can be added.")


@transaction.atomic
def add_registration(event: Event, data: RegistrationData, *, added_by=None) -> Registration:
    """Register someone on the organiser's behalf, also before opening and after the deadline.

    The same rules as `register` otherwise: a confirmed place while there is one, then the
    waiting list (or `RegistrationFull` without one); a cancelled registrant comes back with a new
    place in the queue; an address already registered raises `AlreadyRegistered`.
    """
    if event.status == Event.Status.CANCELLED:
        raise EventCancelled
    email = normalise_email(data.email)
    existing = Registration.objects.filter(event=event, email=email).first()
    if existing and existing.status != Registration.Status.CANCELLED:
        raise AlreadyRegistered
    try:
        with transaction.atomic():
            registration = _add(event, data, email, existing)
    except IntegrityError:
        # The same address was registered in the same moment by someone else.
        raise AlreadyRegistered from None
    audit.record(
        "registration.added",
        event=event,
        actor=added_by,
        target=registration.name,
        target_key=registration.audit_key,
        changes={"status": ["", registration.status]},
    )
    return registration


def _moved(registration: Registration, before: str, *, moved_by) -> None:
    audit.record(
        "registration.moved",
        event=registration.event,
        actor=moved_by,
        target=registration.name,
        target_key=registration.audit_key,
        changes=audit.diff({"status": before}, {"status": registration.status}),
    )


def _add(event, data, email, existing) -> Registration:
    settings = RegistrationSettings.objects.select_for_update().get(event=event)
    confirmed = _take(RegistrationSettings, settings.pk)
    if not confirmed and not settings.waitlist_enabled:
        raise RegistrationFull
    registration = _save_registration(event, email, data, existing, confirmed=confirmed)
    _choose_options(registration, data.options, confirmed=confirmed)
    _queue_confirmation(registration)
    return registration


@transaction.atomic
def confirm_from_waitlist(registration: Registration, *, moved_by=None) -> bool:
    """Confirm one waiting registrant, whatever their place in the queue, if a place is free.

    Their options are confirmed where a place is free and stay on the option's waiting list
    otherwise. False, and nothing changed, when no place is free or they are not waiting.
    """
    settings = RegistrationSettings.objects.select_for_update().get(event_id=registration.event_id)
    locked = Registration.objects.select_for_update().get(pk=registration.pk)
    if locked.status != Registration.Status.WAITLISTED:
        return False
    if not _take(RegistrationSettings, settings.pk):
        return False
    locked.status = Registration.Status.CONFIRMED
    locked.save(update_fields=["status", "updated_at"])
    for chosen in locked.chosen_options.order_by("option_id"):
        if chosen.status == RegistrationOption.Status.WAITLISTED and _take(
            Option, chosen.option_id
        ):
            _count(Option, chosen.option_id, "waitlisted_count", -1)
            chosen.status = RegistrationOption.Status.CONFIRMED
            chosen.save(update_fields=["status"])
    _queue_confirmation(locked, "promoted")
    _moved(locked, Registration.Status.WAITLISTED, moved_by=moved_by)
    registration.status = locked.status
    return True


@transaction.atomic
def move_to_waitlist(registration: Registration, *, moved_by=None) -> bool:
    """Put a confirmed registrant back on the waiting list (in their original place in the queue).

    The event place stays free for the organiser to give (see the module's note); the option
    places go to confirmed participants waiting for them. The registrant gets the waiting-list
    mail. False, and nothing changed, when they were not confirmed.
    """
    settings = RegistrationSettings.objects.select_for_update().get(event_id=registration.event_id)
    locked = Registration.objects.select_for_update().get(pk=registration.pk)
    if locked.status != Registration.Status.CONFIRMED:
        return False
    _count(RegistrationSettings, settings.pk, "confirmed_count", -1)
    locked.status = Registration.Status.WAITLISTED
    locked.save(update_fields=["status", "updated_at"])
    freed = []
    for chosen in locked.chosen_options.filter(status=RegistrationOption.Status.CONFIRMED).order_by(
        "option_id"
    ):
        _count(Option, chosen.option_id, "confirmed_count", -1)
        _count(Option, chosen.option_id, "waitlisted_count", 1)
        chosen.status = RegistrationOption.Status.WAITLISTED
        chosen.save(update_fields=["status"])
        freed.append(chosen.option_id)
    for option_id in freed:
        _promote_option(option_id)
    _queue_confirmation(locked)  # a waiting registrant's "confirmation" is the waiting-list mail
    _moved(locked, Registration.Status.CONFIRMED, moved_by=moved_by)
    registration.status = locked.status
    return True
