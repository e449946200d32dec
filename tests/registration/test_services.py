import pytest
from django.core import mail

from samling.registration.models import Option, Registration, RegistrationOption
from samling.registration.services import (
    RegistrationClosed,
    RegistrationFull,
    cancel_registration,
    register,
    update_registration,
    waitlist_position,
    waitlist_size,
)
from tests.factories import open_event, registration_data

pytestmark = pytest.mark.integration

CONFIRMED = Registration.Status.CONFIRMED
WAITLISTED = Registration.Status.WAITLISTED


def counts(event):
    settings = event.registration_settings
    settings.refresh_from_db()
    return settings.confirmed_count, waitlist_size(settings.event)


def test_register_confirms_until_full_then_waitlists(db):
    event = open_event(capacity=2)
    statuses = [register(event, registration_data(n))[0].status for n in range(4)]
    assert statuses == [CONFIRMED, CONFIRMED, WAITLISTED, WAITLISTED]
    assert counts(event) == (2, 2)
    last = Registration.objects.get(email="deltager3@example.org")
    assert waitlist_position(last) == 2


def test_register_without_waitlist_refuses_when_full(db):
    event = open_event(capacity=1, waitlist=False)
    register(event, registration_data(0))
    with pytest.raises(RegistrationFull):
        register(event, registration_data(1))
    assert Registration.objects.count() == 1
    assert counts(event) == (1, 0)


def test_same_email_twice_is_one_registration(db, django_capture_on_commit_callbacks):
    event = open_event(capacity=10)
    with django_capture_on_commit_callbacks(execute=True):
        first, created = register(event, registration_data(0, email="Ærø@Example.org"))
        again, created_again = register(event, registration_data(0, email=" ærø@example.ORG "))
    assert created and not created_again
    assert first.pk == again.pk
    assert counts(event) == (1, 0)
    assert len(mail.outbox) == 1


def test_closed_registration_is_refused(db):
    import datetime as dt

    from django.utils import timezone

    event = open_event(capacity=10)
    settings = event.registration_settings
    settings.closes_at = timezone.now() - dt.timedelta(minutes=1)
    settings.opens_at = timezone.now() - dt.timedelta(days=1)
    settings.save()
    with pytest.raises(RegistrationClosed):
        register(event, registration_data(0))


def test_cancel_promotes_the_first_on_the_waiting_list(db, django_capture_on_commit_callbacks):
    event = open_event(capacity=1)
    first, _ = register(event, registration_data(0))
    second, _ = register(event, registration_data(1))
    third, _ = register(event, registration_data(2))
    with django_capture_on_commit_callbacks(execute=True):
        promoted = cancel_registration(first)
    assert promoted == [second]
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.status == CONFIRMED
    assert waitlist_position(third) == 1
    assert counts(event) == (1, 1)
    subjects = sorted(message.subject for message in mail.outbox)
    assert len(subjects) == 2  # the cancellation and the promotion
    assert {message.to[0] for message in mail.outbox} == {first.email, second.email}


def test_cancelling_twice_changes_nothing(db):
    event = open_event(capacity=1)
    registration, _ = register(event, registration_data(0))
    cancel_registration(registration)
    assert cancel_registration(registration) == []
    assert counts(event) == (0, 0)


def test_cancelled_registrant_can_register_again(db):
    event = open_event(capacity=5)
    registration, _ = register(event, registration_data(0))
    cancel_registration(registration)
    again, created = register(event, registration_data(0))
    assert created and again.pk == registration.pk
    assert again.status == CONFIRMED
    assert counts(event) == (1, 0)


def test_option_capacity_waitlists_the_option_only(db):
    event = open_event(capacity=10)
    bus = Option.objects.create(event=event, key="bus", kind="bus", label="Bus", capacity=1)
    first, _ = register(event, registration_data(0, options=[bus]))
    second, _ = register(event, registration_data(1, options=[bus]))
    assert second.status == CONFIRMED
    assert first.chosen_options.get().status == RegistrationOption.Status.CONFIRMED
    assert second.chosen_options.get().status == RegistrationOption.Status.WAITLISTED
    cancel_registration(first)
    assert second.chosen_options.get().status == RegistrationOption.Status.CONFIRMED
    bus.refresh_from_db()
    assert (bus.confirmed_count, bus.waitlisted_count) == (1, 0)


def test_waitlisted_registrant_takes_option_places_when_promoted(db):
    event = open_event(capacity=1)
    dinner = Option.objects.create(event=event, key="dinner", kind="meal", label="Dinner")
    first, _ = register(event, registration_data(0))
    second, _ = register(event, registration_data(1, options=[dinner]))
    assert second.chosen_options.get().status == RegistrationOption.Status.WAITLISTED
    cancel_registration(first)
    assert second.chosen_options.get().status == RegistrationOption.Status.CONFIRMED


def test_update_registration_frees_dropped_options(db):
    event = open_event(capacity=10)
    bus = Option.objects.create(event=event, key="bus", kind="bus", label="Bus", capacity=1)
    first, _ = register(event, registration_data(0, options=[bus]))
    second, _ = register(event, registration_data(1, options=[bus]))
    update_registration(first, registration_data(0, name="Åse Ødegård 🎉", options=[]))
    first.refresh_from_db()
    assert first.name == "Åse Ødegård 🎉"
    assert not first.chosen_options.exists()
    assert second.chosen_options.get().status == RegistrationOption.Status.CONFIRMED


def test_confirmation_mail_is_in_the_registrants_language_with_the_private_link(
    db, django_capture_on_commit_callbacks
):
    event = open_event(capacity=10)
    with django_capture_on_commit_callbacks(execute=True):
        registration, _ = register(event, registration_data(0, language="sv"))
    (message,) = mail.outbox
    assert registration.token in message.body
    assert message.subject.startswith("Anmälan bekräftad")


def test_second_click_on_the_last_place_returns_the_registration_not_an_error(db):
    event = open_event(capacity=1, waitlist=False)
    first, created = register(event, registration_data(0))
    event.registration_settings.refresh_from_db()
    again, created_again = register(event, registration_data(0))
    assert created and not created_again and again.pk == first.pk
    with pytest.raises(RegistrationFull):
        register(event, registration_data(1))


def test_the_last_place_taken_a_moment_ago_puts_the_registrant_on_the_waiting_list(
    db, django_capture_on_commit_callbacks
):
    # The event was read while a place was free; another registrant took it before this one
    # reached the database: the database decides, and the mail says "waiting list".
    event = open_event(capacity=1)
    read_before = type(event).objects.select_related("registration_settings").get(pk=event.pk)
    register(event, registration_data(0))
    assert not read_before.registration_settings.is_full
    with django_capture_on_commit_callbacks(execute=True):
        late, created = register(read_before, registration_data(1))
    assert created and late.status == WAITLISTED and waitlist_position(late) == 1
    assert counts(event) == (1, 1)
    (message,) = [m for m in mail.outbox if "deltager1@example.org" in m.to]
    assert message.subject.startswith("Du er på ventelisten")
    assert late.messages.get().kind == "registration-waitlisted"


def test_the_last_place_taken_a_moment_ago_without_a_waiting_list_keeps_nothing(db):
    event = open_event(capacity=1, waitlist=False)
    read_before = type(event).objects.select_related("registration_settings").get(pk=event.pk)
    register(event, registration_data(0))
    with pytest.raises(RegistrationFull):
        register(read_before, registration_data(1))
    assert Registration.objects.count() == 1
    assert counts(event) == (1, 0)


def test_waiting_list_positions_follow_registration_time_then_id(db):
    event = open_event(capacity=0)
    waiting = [register(event, registration_data(n))[0] for n in range(4)]
    # Two registered in the same microsecond: the smaller id is ahead.
    Registration.objects.filter(pk__in=[w.pk for w in waiting[1:3]]).update(
        created_at=waiting[1].created_at
    )
    for registration in waiting:
        registration.refresh_from_db()
    assert [waitlist_position(w) for w in waiting] == [1, 2, 3, 4]
    cancel_registration(waiting[0])
    waiting[3].refresh_from_db()
    assert waitlist_position(waiting[3]) == 3


def test_a_cancelled_registrant_who_comes_back_joins_the_end_of_the_queue(db):
    event = open_event(capacity=0)
    first, _ = register(event, registration_data(0))
    register(event, registration_data(1))
    cancel_registration(first)
    back, created = register(event, registration_data(0))
    assert created and back.pk == first.pk and waitlist_position(back) == 2
