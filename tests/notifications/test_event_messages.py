"""Change notifications, reminders and messages reach exactly the registrants concerned, once."""

import datetime as dt
import email
import uuid

import pytest
from django.db import transaction
from icalendar import Calendar

from samling.events.models import Event, EventChange
from samling.events.services import update_event
from samling.notifications.models import EventMessage, OutboxMessage
from samling.notifications.services import (
    deliver_pending,
    due_reminders,
    pending_changes,
    propose_change_notification,
    send_change_notification,
    send_due_reminders,
    send_message,
    skip_change_notification,
)
from samling.programme.services import update_item
from samling.registration.models import Option
from samling.registration.services import cancel_registration, register
from tests.factories import DayFactory, ItemFactory, open_event, registration_data

pytestmark = pytest.mark.integration


def received(smtp) -> dict[str, list[email.message.Message]]:
    """The SMTP server's inbox by recipient."""
    inbox: dict[str, list] = {}
    for envelope in smtp.inbox.messages:
        inbox.setdefault(envelope.rcpt_tos[0], []).append(
            email.message_from_bytes(envelope.content)
        )
    return inbox


def calendar_of(message) -> Calendar:
    (part,) = [p for p in message.walk() if p.get_filename() == "invitation.ics"]
    return Calendar.from_ical(part.get_payload(decode=True))


def subject(message) -> str:
    return str(email.header.make_header(email.header.decode_header(message["Subject"])))


def text(message) -> str:
    return (
        next(p for p in message.walk() if p.get_content_type() == "text/plain")
        .get_payload(decode=True)
        .decode()
    )


def notify(event, **fields):
    proposal = propose_change_notification(event)
    from django.utils import translation

    from samling.notifications.composing import default_text

    with translation.override(event.language):
        default = default_text(EventMessage.Kind.CHANGE, event, proposal.proposed_changes)
    return send_change_notification(
        event,
        token=fields.pop("token", uuid.uuid4()),
        subject=fields.pop("subject", default.subject),
        body=fields.pop("body", default.body),
    )


def test_reschedule_reaches_every_registrant_once_with_an_updated_invitation(
    transactional_db, smtp
):
    smtp.start()
    event = open_event(capacity=2, mode=Event.Mode.ON_SITE)
    for n, language in enumerate(["da", "sv", "en"]):
        register(event, registration_data(n, language=language))
    cancelled, _ = register(event, registration_data(9))
    cancel_registration(cancelled)
    confirmation = calendar_of(received(smtp)["deltager0@example.org"][0])
    smtp.inbox.messages.clear()

    changes = update_event(
        event,
        starts_at=event.starts_at + dt.timedelta(days=1),
        ends_at=event.ends_at + dt.timedelta(days=1),
    )
    assert [c.kind for c in changes] == ["rescheduled"]
    assert list(pending_changes(event)) == changes
    token = uuid.uuid4()
    message = notify(event, token=token)
    notify(event, token=token)  # a second click on "Send"

    inbox = received(smtp)
    assert sorted(inbox) == [f"deltager{n}@example.org" for n in range(3)]
    assert all(len(mails) == 1 for mails in inbox.values())
    assert "Moved from" in text(inbox["deltager2@example.org"][0])  # English reader
    assert "Flyttad från" in text(inbox["deltager1@example.org"][0])  # Swedish reader
    assert subject(inbox["deltager0@example.org"][0]).startswith("Ændring")
    update = calendar_of(inbox["deltager0@example.org"][0])
    assert str(update["METHOD"]) == "REQUEST"
    (before,), (after,) = confirmation.walk("VEVENT"), update.walk("VEVENT")
    assert after["UID"] == before["UID"]
    assert after["SEQUENCE"] > before["SEQUENCE"]
    assert after["DTSTART"].dt == before["DTSTART"].dt + dt.timedelta(days=1)
    assert "deltager0@example.org" in str(after["ATTENDEE"])
    waiting = calendar_of(inbox["deltager2@example.org"][0]).walk("VEVENT")[0]
    assert str(waiting["STATUS"]) == "TENTATIVE"
    assert message.recipient_count == 3
    assert not pending_changes(event).exists()
    assert EventChange.objects.get(pk=changes[0].pk).notification == "sent"


def test_cancelling_the_event_sends_a_cancelled_calendar_entry(transactional_db, smtp):
    smtp.start()
    event = open_event(capacity=5)
    register(event, registration_data(0))
    smtp.inbox.messages.clear()
    update_event(event, status=Event.Status.CANCELLED, status_note="Aflyst")
    notify(event)
    (mail,) = received(smtp)["deltager0@example.org"]
    calendar = calendar_of(mail)
    assert str(calendar["METHOD"]) == "CANCEL"
    assert str(calendar.walk("VEVENT")[0]["STATUS"]) == "CANCELLED"


def test_a_cancelled_item_only_reaches_those_who_chose_it(transactional_db, smtp):
    smtp.start()
    event = open_event(capacity=10)
    day = DayFactory(event=event)
    bus_trip = ItemFactory(day=day, title="Bustur", kind="transport")
    ItemFactory(day=day, title="Velkomst", start_time=dt.time(8, 0), end_time=dt.time(8, 30))
    bus = Option.objects.create(event=event, key="bus", kind="bus", label="Bus", item=bus_trip)
    register(event, registration_data(0, options=[bus]))
    register(event, registration_data(1))
    smtp.inbox.messages.clear()

    change = update_item(bus_trip, is_cancelled=True)
    assert change.details["change"] == "cancelled"
    assert propose_change_notification(event).audience["options"] == [bus.pk]
    notify(event)
    inbox = received(smtp)
    assert list(inbox) == ["deltager0@example.org"]
    assert "“Bustur” er aflyst" in text(inbox["deltager0@example.org"][0])


def test_moving_an_item_for_everyone_reaches_everyone(transactional_db, smtp):
    smtp.start()
    event = open_event(capacity=10)
    welcome = ItemFactory(day=DayFactory(event=event), title="Velkomst")
    register(event, registration_data(0))
    register(event, registration_data(1))
    smtp.inbox.messages.clear()
    update_item(welcome, start_time=dt.time(10, 0), end_time=dt.time(10, 30))
    assert update_item(welcome, title="Velkommen") is None  # a new title is no news
    notify(event)
    assert sorted(received(smtp)) == ["deltager0@example.org", "deltager1@example.org"]


def test_a_typo_is_saved_without_proposing_a_notification(db):
    event = open_event(capacity=5)
    register(event, registration_data(0))
    assert update_event(event, title="Netværksmøde (rettet)") == []
    assert not pending_changes(event).exists()


def test_changes_before_anyone_registered_need_no_notification(db):
    event = open_event(capacity=5)
    (change,) = update_event(event, starts_at=event.starts_at + dt.timedelta(hours=1))
    assert change.notification == ""


def test_skipping_leaves_the_changes_in_the_history_without_mail(db):
    event = open_event(capacity=5)
    register(event, registration_data(0))
    OutboxMessage.objects.all().delete()
    update_event(event, mode=Event.Mode.HYBRID)
    assert skip_change_notification(event) == 1
    assert not pending_changes(event).exists()
    assert event.changes.get().notification == "skipped"
    assert OutboxMessage.objects.count() == 0


def test_an_edited_notification_is_sent_as_written(transactional_db, smtp):
    smtp.start()
    event = open_event(capacity=5)
    register(event, registration_data(0, language="en"))
    smtp.inbox.messages.clear()
    update_event(event, starts_at=event.starts_at + dt.timedelta(hours=1))
    notify(event, subject="Ny tid", body="Vi starter en time senere.")
    (mail,) = received(smtp)["deltager0@example.org"]
    assert subject(mail) == "Ny tid"
    assert "Vi starter en time senere." in text(mail)


def test_reminders_go_out_once_when_due_even_across_a_worker_restart(transactional_db, smtp):
    smtp.start()
    event = open_event(capacity=5)  # online: a reminder and the meeting link
    from samling.events.models import OnlineMeeting

    OnlineMeeting.objects.create(event=event, platform="teams", join_url="https://teams.example/j")
    register(event, registration_data(0))
    register(event, registration_data(1, language="sv"))
    smtp.inbox.messages.clear()
    kinds = set(event.event_messages.values_list("kind", flat=True))
    assert kinds == {"reminder", "meeting-link"}

    three_days_before = event.starts_at - dt.timedelta(days=3)
    assert send_due_reminders(now=three_days_before) == 0
    # An hour before the start both are due, whatever the time of day the test runs.
    day_before = event.starts_at - dt.timedelta(hours=1)
    # A worker dies in the middle: its transaction is rolled back, nothing was sent.
    with pytest.raises(RuntimeError), transaction.atomic():
        send_due_reminders(now=day_before)
        raise RuntimeError("worker killed")
    assert OutboxMessage.objects.filter(message__isnull=False).count() == 0
    assert send_due_reminders(now=day_before) == 4
    assert send_due_reminders(now=day_before) == 0  # the restarted worker's next round
    assert due_reminders(now=day_before) == []
    inbox = received(smtp)
    assert sorted(len(mails) for mails in inbox.values()) == [2, 2]
    link_mail = next(m for m in inbox["deltager1@example.org"] if "Länk" in subject(m))
    assert "https://teams.example/j" in text(link_mail)


def test_reminders_follow_the_event_when_it_moves(db):
    event = open_event(capacity=5)
    reminder = event.event_messages.get(kind="reminder")
    first = reminder.due_at()
    update_event(
        event,
        starts_at=event.starts_at + dt.timedelta(days=7),
        ends_at=event.ends_at + dt.timedelta(days=7),
    )
    reminder.refresh_from_db()
    assert reminder.due_at().date() - first.date() == dt.timedelta(days=7)


def test_a_switched_off_reminder_is_not_sent(db):
    event = open_event(capacity=5)
    register(event, registration_data(0))
    event.event_messages.update(is_enabled=False)
    assert send_due_reminders(now=event.starts_at - dt.timedelta(hours=1)) == 0


def test_message_to_the_bus_list_reaches_only_the_bus(transactional_db, smtp):
    smtp.start()
    event = open_event(capacity=10)
    bus = Option.objects.create(event=event, key="bus", kind="bus", label="Bus")
    register(event, registration_data(0, options=[bus]))
    register(event, registration_data(1))
    smtp.inbox.messages.clear()
    token = uuid.uuid4()
    for _click in range(2):
        send_message(
            event,
            token=token,
            subject="Bussen",
            body="Bussen kører kl. 8 fra hotellet.",
            audience={"statuses": ["confirmed"], "options": [bus.pk]},
        )
    inbox = received(smtp)
    assert list(inbox) == ["deltager0@example.org"]
    assert len(inbox["deltager0@example.org"]) == 1


def test_smtp_outage_then_recovery_delivers_each_message_once(transactional_db, smtp):
    event = open_event(capacity=10)
    for n in range(3):
        register(event, registration_data(n))  # SMTP is down
    update_event(event, starts_at=event.starts_at + dt.timedelta(hours=2))
    notify(event)
    assert OutboxMessage.objects.filter(status="pending").count() == 6
    smtp.start()
    assert deliver_pending() == 6
    assert deliver_pending() == 0
    inbox = received(smtp)
    assert sorted(len(mails) for mails in inbox.values()) == [2, 2, 2]


def test_a_new_place_is_recorded_with_before_and_after(db):
    from django.utils import translation

    from samling.core.timefmt import change_summary
    from samling.events.models import Venue

    event = open_event(capacity=5, mode=Event.Mode.ON_SITE)
    old = Venue.objects.create(network=event.network, name="Rådhuset", city="Umeå", country="SE")
    new = Venue.objects.create(
        network=event.network, name="Campus", city="Skellefteå", country="SE"
    )
    update_event(event, venue=old)
    register(event, registration_data(0))
    (change,) = update_event(event, venue=new)
    assert change.kind == "venue" and change.notification == "pending"
    with translation.override("en"):
        assert change_summary(change) == "New place: Campus, Skellefteå (before: Rådhuset, Umeå)"
