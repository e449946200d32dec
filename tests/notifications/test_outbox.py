import pytest

from samling.notifications.models import OutboxMessage
from samling.notifications.services import deliver_pending
from samling.registration.services import register
from tests.factories import open_event, registration_data

pytestmark = pytest.mark.integration


def test_confirmation_reaches_a_real_smtp_server(transactional_db, smtp):
    smtp.start()
    event = open_event(capacity=5)
    registration, _ = register(event, registration_data(0, email="ase@example.org"))
    (envelope,) = smtp.inbox.messages
    assert envelope.rcpt_tos == ["ase@example.org"]
    content = envelope.content.decode()
    assert registration.token in content
    assert "BEGIN:VCALENDAR" in content and 'filename="invitation.ics"' in content
    assert OutboxMessage.objects.get().status == OutboxMessage.Status.SENT


def test_smtp_outage_loses_nothing_and_sends_once_on_recovery(transactional_db, smtp):
    event = open_event(capacity=5)
    for n in range(3):
        register(event, registration_data(n))  # the server is down
    pending = OutboxMessage.objects.filter(status=OutboxMessage.Status.PENDING)
    assert pending.count() == 3
    assert all(message.last_error for message in pending)
    smtp.start()
    assert deliver_pending() == 3
    assert deliver_pending() == 0
    received = sorted(envelope.rcpt_tos[0] for envelope in smtp.inbox.messages)
    assert received == [f"deltager{n}@example.org" for n in range(3)]
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {"sent"}


def test_registration_rolled_back_sends_nothing(transactional_db, smtp):
    from django.db import transaction

    smtp.start()
    event = open_event(capacity=5)
    with pytest.raises(RuntimeError), transaction.atomic():
        register(event, registration_data(0))
        raise RuntimeError("something later failed")
    assert OutboxMessage.objects.count() == 0
    assert smtp.inbox.messages == []


def test_send_mail_command_delivers_what_waited(transactional_db, smtp):
    from io import StringIO

    from django.core.management import call_command

    event = open_event(capacity=5)
    register(event, registration_data(0))
    smtp.start()
    out = StringIO()
    call_command("send-mail", stdout=out)
    assert out.getvalue().strip() == "sent: 1"
    assert len(smtp.inbox.messages) == 1


def test_the_next_mail_takes_older_waiting_ones_along(transactional_db, smtp):
    event = open_event(capacity=5)
    register(event, registration_data(0))
    smtp.start()
    register(event, registration_data(1))
    received = sorted(envelope.rcpt_tos[0] for envelope in smtp.inbox.messages)
    assert received == ["deltager0@example.org", "deltager1@example.org"]


def test_a_registration_mail_is_written_when_sent_with_what_was_true_when_queued(db, smtp):
    # The request stores who, which mail and the waiting-list position; the text is written
    # by whoever sends it (the worker), in the registrant's language. (With `db`, nothing is
    # sent when the registration commits.)
    event = open_event(capacity=0)
    register(event, registration_data(0))
    registration, _ = register(event, registration_data(1, language="sv", name="Åsa Öberg"))
    queued = OutboxMessage.objects.get(registration=registration)
    assert queued.body == "" and queued.subject.startswith("Du står på väntelistan")
    assert queued.body_source == {"make": "registration-mail", "kind": "waitlisted", "position": 2}
    smtp.start()
    assert deliver_pending() == 2
    queued.refresh_from_db()
    assert "Åsa Öberg" in queued.body and "2" in queued.body
    assert registration.token in queued.body
    (sent,) = [e for e in smtp.inbox.messages if e.rcpt_tos == ["deltager1@example.org"]]
    assert "=C3=85sa" in sent.content.decode() or "Åsa" in sent.content.decode("utf-8")


def test_a_mail_about_something_deleted_is_dropped_not_retried(db, smtp):
    event = open_event(capacity=5)
    register(event, registration_data(0))  # not sent yet
    event.delete()
    message = OutboxMessage.objects.get()
    assert message.registration is None
    smtp.start()
    assert deliver_pending() == 1  # done with, so the batch goes on
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.FAILED and message.last_error
    assert smtp.inbox.messages == []


def test_a_burst_of_mail_schedules_one_sending_task(db, settings, monkeypatch):
    from django.core.cache import cache

    from samling.notifications import services, tasks

    settings.CELERY_TASK_ALWAYS_EAGER = False
    scheduled = []
    monkeypatch.setattr(tasks.send_pending_mail, "apply_async", lambda **kw: scheduled.append(kw))
    clock = [1000.0]
    monkeypatch.setattr(services.time, "time", lambda: clock[0])
    monkeypatch.setattr(services, "_covered_until", 0.0)
    cache.delete(services.SCHEDULED_KEY)

    for _ in range(50):  # a burst in this process: the task scheduled first sends them all
        services.schedule_delivery(1)
        clock[0] += 0.01
    assert scheduled == [{"countdown": services.BATCH_DELAY}]

    # Another process scheduled it: this one learns when it runs, and asks no more till then.
    monkeypatch.setattr(services, "_covered_until", 0.0)
    services.schedule_delivery(1)
    assert len(scheduled) == 1 and services._covered_until == pytest.approx(1000.9)

    # Past that time, the task has started (it deletes the key): the next mail needs a new one.
    clock[0] = 1001.0
    tasks.send_pending_mail()
    services.schedule_delivery(1)
    assert len(scheduled) == 2

    # A task that is late (no worker free) still holds the key: it will send what comes now.
    clock[0] = 1004.0
    services.schedule_delivery(1)
    assert len(scheduled) == 2
