"""Registering, cancelling and the waiting list: one short transaction each.

Places are taken with conditional updates on counters (`confirmed_count < capacity`), so the
database decides who gets the last place. Existing rows are always locked in the same order
(settings, then options by primary key, then registrations) to keep concurrent transactions
from deadlocking; a new registration writes its own row (which only a second click of the same
person can wait for, before taking any lock) ahead of taking its place. Mail is stored in the
same transaction and handed on with `transaction.on_commit`, so a rolled-back registration
sends nothing.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db import IntegrityError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from samling.core import audit
from samling.events.models import Event

from .models import Option, Registration, RegistrationOption, RegistrationSettings


class RegistrationError(Exception):
    """A registration that cannot be made; `message` is shown to the registrant."""

    message = _("The registration could not be made.")

    def __init__(self, message=None):
        super().__init__(message or self.message)
        if message:
            self.message = message


class RegistrationClosed(RegistrationError):
    message = _("Registration for this event is closed.")


class RegistrationFull(RegistrationError):
    message = _("The event is full.")


@dataclass
class RegistrationData:
    name: str
    email: str
    language: str
    phone: str = ""
    title: str = ""
    organisation: str = ""
    municipality: object = None
    category: object = None
    dietary_needs: str = ""
    arrival: dt.datetime | None = None
    flight: str = ""
    answers: dict = field(default_factory=dict)
    options: list = field(default_factory=list)
    idempotency_key: str = ""


def normalise_email(email: str) -> str:
    return email.strip().lower()


def _take(model, pk) -> bool:
    """Take one place on a settings or option row if one is free; True when taken."""
    taken = model.objects.filter(
        Q(capacity__isnull=True) | Q(confirmed_count__lt=F("capacity")), pk=pk
    ).update(confirmed_count=F("confirmed_count") + 1)
    return bool(taken)


def _count(model, pk, field_name: str, delta: int) -> None:
    model.objects.filter(pk=pk).update(**{field_name: F(field_name) + delta})


def _choose_options(registration: Registration, options, *, confirmed: bool) -> list:
    """Record the options; a confirmed registrant takes their places, or waits for them."""
    chosen = []
    for option in sorted(options, key=lambda o: o.pk):
        if confirmed and _take(Option, option.pk):
            status = RegistrationOption.Status.CONFIRMED
        else:
            status = RegistrationOption.Status.WAITLISTED
            _count(Option, option.pk, "waitlisted_count", 1)
        chosen.append(
            RegistrationOption.objects.create(
                registration=registration, option=option, status=status
            )
        )
    return chosen


def register(event: Event, data: RegistrationData, *, now=None) -> tuple[Registration, bool]:
    """Register for the event; returns (registration, created).

    The same address again (a double click, a retried request) or the same Idempotency-Key
    returns the existing registration. A cancelled registrant who registers again gets a new
    place in the queue.
    """
    email = normalise_email(data.email)
    try:
        # Most registrations are new: try at once, and let the unique constraints on
        # (event, e-mail) and (event, idempotency key) catch the rest instead of asking first.
        with transaction.atomic():
            registration = _register(event, data, email, None, now=now)
    except RegistrationError:
        # Closed or full, but perhaps this is the second click of someone who got the place.
        existing = earlier_registration(event, email, data.idempotency_key)
        if existing and existing.status != Registration.Status.CANCELLED:
            return existing, False
        raise
    except IntegrityError:
        existing = earlier_registration(event, email, data.idempotency_key)
        if existing is None:
            raise
        if existing.status != Registration.Status.CANCELLED or existing.email != email:
            return existing, False  # a double click, a retried request
        try:
            with transaction.atomic():
                registration = _register(event, data, email, existing, now=now)
        except IntegrityError:
            # Brought back in the same moment by another request: theirs stands.
            return Registration.objects.get(event=event, email=email), False
    if registration.status == Registration.Status.WAITLISTED and _fill_freed_places(event):
        registration.refresh_from_db(fields=["status"])
        registration.position_when_registered = None  # others moved up, or this one did
    return registration, True


def earlier_registration(
    event: Event, email: str, idempotency_key: str = ""
) -> Registration | None:
    """The registration a repeated request meant: the one made with the same Idempotency-Key
    (it promises the first answer), else the one with the same address."""
    match = Q(email=normalise_email(email))
    if idempotency_key:
        match |= Q(idempotency_key=idempotency_key)
    rows = list(Registration.objects.filter(match, event=event))
    rows.sort(key=lambda row: not (idempotency_key and row.idempotency_key == idempotency_key))
    return rows[0] if rows else None


def _fill_freed_places(event: Event) -> list[Registration]:
    """A place freed while someone joined the waiting list goes to the first in the queue."""
    # Asked after every registration that went onto the waiting list: plain SQL, because
    # composing the query costs more than the database takes to answer it.
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT 1 FROM {RegistrationSettings._meta.db_table} WHERE event_id = %s"
            " AND (capacity IS NULL OR confirmed_count < capacity)",
            [event.pk],
        )
        has_room = cursor.fetchone() is not None
    if not has_room:
        return []
    with transaction.atomic():
        return promote_from_waitlist(event)


def waitlist_size(event: Event) -> int:
    return Registration.objects.filter(event=event, status=Registration.Status.WAITLISTED).count()


def _register(event, data, email, existing, *, now) -> Registration:
    settings = event.registration_settings
    if not settings.is_open(now):
        raise RegistrationClosed
    # Full a moment ago: straight to the waiting list, without queueing on the settings row
    # that confirmed registrations lock. (A place freed meanwhile: see _fill_freed_places.)
    hoping = not settings.is_full
    if not hoping and not settings.waitlist_enabled:
        raise RegistrationFull
    if existing:
        # Bringing a cancelled registration back locks its row: take the place first, so
        # rows are locked in the usual order (settings, then registrations).
        confirmed = hoping and _take(RegistrationSettings, settings.pk)
        if not confirmed and not settings.waitlist_enabled:
            raise RegistrationFull
        registration = _save_registration(event, email, data, existing, confirmed=confirmed)
        _queue_confirmation(registration)
    else:
        # A new row locks nothing others wait for, so the row and its mail are written first
        # and the place is taken last: every confirmation in a rush queues on the settings
        # row, which is then held only for the update and the commit.
        registration = _save_registration(event, email, data, None, confirmed=hoping)
        mail = _queue_confirmation(registration)
        confirmed = hoping and _take(RegistrationSettings, settings.pk)
        if hoping and not confirmed:  # the last place went a moment ago
            if not settings.waitlist_enabled:
                raise RegistrationFull
            registration.status = Registration.Status.WAITLISTED
            registration.save(update_fields=["status"])
            mail.delete()
            _queue_confirmation(registration)
    _choose_options(registration, data.options, confirmed=confirmed)
    return registration


def _save_registration(event, email, data, existing, *, confirmed: bool) -> Registration:
    """Create the row, or bring a cancelled one back (it joins the end of the queue)."""
    fields = {
        "status": Registration.Status.CONFIRMED if confirmed else Registration.Status.WAITLISTED,
        "name": data.name.strip(),
        "phone": data.phone,
        "title": data.title.strip(),
        "organisation": data.organisation.strip(),
        "municipality": data.municipality,
        "category": data.category,
        "dietary_needs": data.dietary_needs.strip(),
        "arrival": data.arrival,
        "flight": data.flight.strip(),
        "answers": data.answers,
        "language": data.language,
        "idempotency_key": data.idempotency_key,
        "created_at": timezone.now(),
        "cancelled_at": None,
    }
    if not existing:
        return Registration.objects.create(event=event, email=email, **fields)
    registration = Registration.objects.select_for_update().get(pk=existing.pk)
    if registration.status != Registration.Status.CANCELLED:
        # Re-activated by a concurrent request: let the caller return it.
        raise IntegrityError("registration already active")
    for name, value in fields.items():
        setattr(registration, name, value)
    registration.save()
    return registration


def _queue_confirmation(registration: Registration, kind: str = "confirmation"):
    """The mail is stored in the same transaction as the change, so neither exists alone."""
    from .mail import queue_registration_mail

    return queue_registration_mail(registration, kind)


def waitlist_position(registration: Registration) -> int | None:
    """1 for the first on the waiting list; None when not waiting."""
    if registration.status != Registration.Status.WAITLISTED:
        return None
    # Counted for every registration that goes onto the waiting list (its answer and its
    # mail): plain SQL for the same reason as in _fill_freed_places. The queue's order is
    # (created_at, id), as in Registration.Meta.ordering.
    created_at = connection.ops.adapt_datetimefield_value(registration.created_at)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COUNT(*) FROM {Registration._meta.db_table} WHERE event_id = %s"
            " AND status = %s AND (created_at < %s OR (created_at = %s AND id < %s))",
            [
                registration.event_id,
                Registration.Status.WAITLISTED.value,
                created_at,
                created_at,
                registration.pk,
            ],
        )
        return cursor.fetchone()[0] + 1


@transaction.atomic
def cancel_registration(
    registration: Registration, *, cancelled_by=None, logged: bool = True
) -> list[Registration]:
    """Cancel; a freed place goes to the first on the waiting list. Returns those promoted.

    `cancelled_by`: the organiser who cancelled (None: the registrant). `logged=False` leaves
    the audit log to the caller (deleting one's data logs that, without the name).
    """
    settings = RegistrationSettings.objects.select_for_update().get(event_id=registration.event_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == Registration.Status.CANCELLED:
        return []
    previous = registration.status
    was_confirmed = previous == Registration.Status.CONFIRMED
    if was_confirmed:
        _count(RegistrationSettings, settings.pk, "confirmed_count", -1)
    freed_options = []
    for chosen in registration.chosen_options.select_related("option").order_by("option_id"):
        if chosen.status == RegistrationOption.Status.CONFIRMED:
            _count(Option, chosen.option_id, "confirmed_count", -1)
            freed_options.append(chosen.option_id)
        else:
            _count(Option, chosen.option_id, "waitlisted_count", -1)
    registration.chosen_options.all().delete()
    registration.status = Registration.Status.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at", "updated_at"])
    if logged:
        audit.record(
            "registration.cancelled",
            event=registration.event,
            actor=cancelled_by,
            target=registration.name,
            target_key=registration.audit_key,
            changes=audit.diff({"status": previous}, {"status": registration.status}),
        )
    _queue_confirmation(registration, "cancelled")
    promoted = promote_from_waitlist(registration.event) if was_confirmed else []
    for option_id in freed_options:
        _promote_option(option_id)
    return promoted


def promote_from_waitlist(event: Event) -> list[Registration]:
    """Confirm waiting registrants, first come first served, while places are free."""
    promoted = []
    settings = RegistrationSettings.objects.get(event=event)
    while True:
        candidate = (
            Registration.objects.select_for_update()
            .filter(event=event, status=Registration.Status.WAITLISTED)
            .order_by("created_at", "pk")
            .first()
        )
        if candidate is None or not _take(RegistrationSettings, settings.pk):
            return promoted
        candidate.status = Registration.Status.CONFIRMED
        candidate.save(update_fields=["status", "updated_at"])
        for chosen in candidate.chosen_options.order_by("option_id"):
            if _take(Option, chosen.option_id):
                _count(Option, chosen.option_id, "waitlisted_count", -1)
                chosen.status = RegistrationOption.Status.CONFIRMED
                chosen.save(update_fields=["status"])
        _queue_confirmation(candidate, "promoted")
        promoted.append(candidate)


def _promote_option(option_id: int) -> None:
    """Give a freed option place to the first confirmed registrant waiting for it."""
    chosen = (
        RegistrationOption.objects.select_for_update()
        .filter(
            option_id=option_id,
            status=RegistrationOption.Status.WAITLISTED,
            registration__status=Registration.Status.CONFIRMED,
        )
        .order_by("created_at", "pk")
        .first()
    )
    if chosen and _take(Option, option_id):
        _count(Option, option_id, "waitlisted_count", -1)
        chosen.status = RegistrationOption.Status.CONFIRMED
        chosen.save(update_fields=["status"])


@transaction.atomic
def update_registration(
    registration: Registration, data: RegistrationData, *, updated_by=None
) -> Registration:
    """Change one's details and options; options dropped free their places for others.

    The audit log gets what changed; of personal details (phone, diet, travel, answers) only
    that they changed, not their values.
    """
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    before = _logged_details(registration)
    for name in ("name", "phone", "title", "organisation", "dietary_needs", "flight"):
        setattr(registration, name, getattr(data, name).strip())
    registration.municipality = data.municipality
    registration.category = data.category
    registration.arrival = data.arrival
    registration.answers = data.answers
    registration.save()
    wanted = {option.pk: option for option in data.options}
    current = {c.option_id: c for c in registration.chosen_options.select_related("option")}
    before["options"] = ", ".join(sorted(c.option.label for c in current.values()))
    for option_id in sorted(set(current) - set(wanted)):
        chosen = current[option_id]
        field_name = (
            "confirmed_count"
            if chosen.status == RegistrationOption.Status.CONFIRMED
            else "waitlisted_count"
        )
        _count(Option, option_id, field_name, -1)
        chosen.delete()
        if field_name == "confirmed_count":
            _promote_option(option_id)
    added = [wanted[pk] for pk in sorted(set(wanted) - set(current))]
    _choose_options(
        registration, added, confirmed=registration.status == Registration.Status.CONFIRMED
    )
    after = _logged_details(registration)
    after["options"] = ", ".join(sorted(option.label for option in wanted.values()))
    changes = audit.diff(before, after)
    for name in PRIVATE_DETAILS:
        if name in changes:
            changes[name] = ["", ""]  # changed; the values stay out of the log
    if changes:
        audit.record(
            "registration.updated",
            event=registration.event,
            actor=updated_by,
            target=registration.name,
            target_key=registration.audit_key,
            changes=changes,
        )
    return registration


# Details whose change is logged without the values (see `update_registration`).
PRIVATE_DETAILS = ("phone", "dietary_needs", "flight", "arrival", "answers")


def _logged_details(registration: Registration) -> dict:
    return {
        "name": registration.name,
        "title": registration.title,
        "organisation": registration.organisation,
        "municipality": registration.municipality,
        "category": registration.category,
        **{name: getattr(registration, name) for name in PRIVATE_DETAILS},
    }


DEFAULT_CATEGORIES = [
    ("politician", pgettext_lazy("participant category", "Politician")),
    ("official", pgettext_lazy("participant category", "Official")),
    ("other", pgettext_lazy("participant category", "Other")),
]


@transaction.atomic
def open_registration(event: Event, **settings_fields) -> RegistrationSettings:
    """Switch on registration for an event, with the default categories in its language."""
    from .models import Category

    settings, _created = RegistrationSettings.objects.update_or_create(
        event=event, defaults=settings_fields
    )
    if not event.categories.exists():
        with translation.override(event.language):
            Category.objects.bulk_create(
                Category(event=event, key=key, name=str(name), position=index)
                for index, (key, name) in enumerate(DEFAULT_CATEGORIES)
            )
    from samling.notifications.services import ensure_default_reminders

    ensure_default_reminders(event)
    return settings
