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
