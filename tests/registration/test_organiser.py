import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from samling.events.models import Event
from samling.registration.models import Option, Registration, RegistrationOption
from samling.registration.organiser import (
    AlreadyRegistered,
    EventCancelled,
    add_registration,
    confirm_from_waitlist,
    move_to_waitlist,
)
from samling.registration.services import (
    RegistrationFull,
    cancel_registration,
    register,
    waitlist_position,
    waitlist_size,
)
from tests.factories import open_event, registration_data

pytestmark = pytest.mark.integration

CONFIRMED = Registration.Status.CONFIRMED
WAITLISTED = Registration.Status.WAITLISTED
CANCELLED = Registration.Status.CANCELLED


def counts(event):
    settings = event.registration_settings
    settings.refresh_from_db()
    return settings.confirmed_count, waitlist_size(settings.event)


def option_counts(option):
    option.refresh_from_db()
    return option.confirmed_count, option.waitlisted_count


def close(event):
    settings = event.registration_settings
    settings.opens_at = timezone.now() - dt.timedelta(days=10)
    settings.closes_at = timezone.now() - dt.timedelta(days=1)
    settings.save()


def test_add_registration_works_after_the_deadline(db, django_capture_on_commit_callbacks):
    event = open_event(capacity=1)
    close(event)
    with django_capture_on_commit_callbacks(execute=True):
        first = add_registration(event, registration_data(0, email=" Ødegård@Example.org "))
        second = add_registration(event, registration_data(1, language="en"))
    assert (first.status, second.status) == (CONFIRMED, WAITLISTED)
    assert first.email == "ødegård@example.org"
    assert counts(event) == (1, 1)
    assert [m.to for m in mail.outbox] == [["ødegård@example.org"], ["deltager1@example.org"]]
    assert "waiting list" in mail.outbox[1].subject


def test_add_registration_before_opening(db):
    event = open_event(capacity=5)
    settings = event.registration_settings
    settings.opens_at = timezone.now() + dt.timedelta(days=2)
    settings.save()
    assert add_registration(event, registration_data(0)).status == CONFIRMED


def test_add_registration_refuses_an_address_already_registered(db):
    event = open_event(capacity=5)
    register(event, registration_data(0))
    with pytest.raises(AlreadyRegistered):
        add_registration(event, registration_data(0, email="DELTAGER0@example.org"))
    assert counts(event) == (1, 0)


def test_add_registration_brings_back_a_cancelled_registrant(db):
    event = open_event(capacity=5)
    registration, _created = register(event, registration_data(0))
    cancel_registration(registration)
    again = add_registration(event, registration_data(0, name="Ny Navn"))
    assert again.pk == registration.pk
    assert again.status == CONFIRMED and again.name == "Ny Navn"
    assert counts(event) == (1, 0)


def test_add_registration_without_waitlist_refuses_when_full(db):
    event = open_event(capacity=1, waitlist=False)
    add_registration(event, registration_data(0))
    with pytest.raises(RegistrationFull):
        add_registration(event, registration_data(1))
    assert Registration.objects.count() == 1
    assert counts(event) == (1, 0)


def test_add_registration_to_a_cancelled_event_is_refused(db):
    event = open_event(capacity=5)
    event.status = Event.Status.CANCELLED
    event.save()
    with pytest.raises(EventCancelled):
        add_registration(event, registration_data(0))
    assert not Registration.objects.exists()


def test_add_registration_takes_option_places(db):
    event = open_event(capacity=5)
    bus = Option.objects.create(event=event, key="bus", kind="bus", label="Bus", capacity=1)
    add_registration(event, registration_data(0, options=[bus]))
    add_registration(event, registration_data(1, options=[bus]))
    assert option_counts(bus) == (1, 1)


def test_confirm_from_waitlist_takes_a_free_place_out_of_turn(
    db, django_capture_on_commit_callbacks
):
    event = open_event(capacity=1)
    bus = Option.objects.create(event=event, key="bus", kind="bus", label="Bus", capacity=5)
    first, _c = register(event, registration_data(0))
    second, _c = register(event, registration_data(1, options=[bus]))
    third, _c = register(event, registration_data(2, options=[bus], language="en"))
    assert not confirm_from_waitlist(third)  # full: nothing changes
    assert counts(event) == (1, 2)
    move_to_waitlist(first)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert confirm_from_waitlist(third)
    third.refresh_from_db()
    assert third.status == CONFIRMED
    assert counts(event) == (1, 2)
    assert option_counts(bus) == (1, 1)
    assert third.chosen_options.get().status == RegistrationOption.Status.CONFIRMED
    assert [m.to for m in mail.outbox] == [["deltager2@example.org"]]
    assert "You have a place" in mail.outbox[0].subject
    assert waitlist_position(Registration.objects.get(pk=first.pk)) == 1
    assert waitlist_position(Registration.objects.get(pk=second.pk)) == 2


def test_confirm_from_waitlist_leaves_a_full_option_waiting(db):
    event = open_event(capacity=2)
    bus = Option.objects.create(event=event, key="bus", kind="bus", label="Bus", capacity=1)
    register(event, registration_data(0, options=[bus]))
    mover, _c = register(event, registration_data(1))
    waiting, _c = register(event, registration_data(2, options=[bus]))
    move_to_waitlist(mover)
    assert confirm_from_waitlist(waiting)
    assert RegistrationOption.objects.get(registration=waiting).status == "waitlisted"
    assert option_counts(bus) == (1, 1)


def test_confirm_from_waitlist_refuses_who_is_not_waiting(db):
    event = open_event(capacity=5)
    registration, _c = register(event, registration_data(0))
    assert not confirm_from_waitlist(registration)
    cancel_registration(registration)
    assert not confirm_from_waitlist(registration)
    assert counts(event) == (0, 0)


def test_move_to_waitlist_frees_the_place_and_promotes_nobody(
    db, django_capture_on_commit_callbacks
):
    event = open_event(capacity=1)
    first, _c = register(event, registration_data(0, language="en"))
    second, _c = register(event, registration_data(1))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert move_to_waitlist(first)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (WAITLISTED, WAITLISTED)
    assert counts(event) == (0, 2)
    # The one moved keeps their place in the queue: they registered first.
    assert waitlist_position(first) == 1
    assert [m.to for m in mail.outbox] == [["deltager0@example.org"]]
    assert "waiting list" in mail.outbox[0].subject
    assert not move_to_waitlist(first)
    assert counts(event) == (0, 2)


def test_move_to_waitlist_gives_option_places_to_confirmed_participants_waiting(db):
    event = open_event(capacity=5)
    bus = Option.objects.create(event=event, key="bus", kind="bus", label="Bus", capacity=1)
    meal = Option.objects.create(event=event, key="lunch", kind="meal", label="Frokost")
    mover, _c = register(event, registration_data(0, options=[bus, meal]))
    other, _c = register(event, registration_data(1, options=[bus]))
    assert option_counts(bus) == (1, 1)
    move_to_waitlist(mover)
    assert option_counts(bus) == (1, 1)
    assert option_counts(meal) == (0, 1)
    assert RegistrationOption.objects.get(registration=other).status == "confirmed"
    mover_options = RegistrationOption.objects.filter(registration=mover)
    assert set(mover_options.values_list("status", flat=True)) == {"waitlisted"}


def test_cancel_after_a_move_promotes_into_every_free_place(db):
    event = open_event(capacity=2)
    first, _c = register(event, registration_data(0))
    second, _c = register(event, registration_data(1))
    third, _c = register(event, registration_data(2))
    move_to_waitlist(second)
    promoted = cancel_registration(first)
    assert [r.pk for r in promoted] == [second.pk, third.pk]
    assert counts(event) == (2, 0)


def test_counters_match_the_rows_after_a_mix_of_actions(db):
    event = open_event(capacity=3)
    bus = Option.objects.create(event=event, key="bus", kind="bus", label="Bus", capacity=2)
    regs = [register(event, registration_data(n, options=[bus]))[0] for n in range(6)]
    move_to_waitlist(regs[0])
    confirm_from_waitlist(regs[4])
    cancel_registration(regs[1])
    add_registration(event, registration_data(9, options=[bus]))
    move_to_waitlist(regs[2])
    confirm_from_waitlist(regs[0])
    rows = Registration.objects.filter(event=event)
    assert counts(event) == (
        rows.filter(status=CONFIRMED).count(),
        rows.filter(status=WAITLISTED).count(),
    )
    chosen = RegistrationOption.objects.filter(option=bus)
    assert option_counts(bus) == (
        chosen.filter(status="confirmed").count(),
        chosen.filter(status="waitlisted").count(),
    )
    assert bus.confirmed_count <= 2
