"""Queueing and sending mail through the outbox."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from .models import OutboxMessage

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 20


def queue_mail(*, to: str, subject: str, body: str, kind: str, attachments=(), **links):
    """Store the message and hand it to the sending task once the transaction commits."""
    message = OutboxMessage.objects.create(
        to=to,
        subject=subject,
        body=body,
        kind=kind,
        attachments=[list(a) for a in attachments],
        **links,
    )
    transaction.on_commit(lambda: schedule_delivery(message.pk))
    return message


# With a worker, a burst of mail (a hundred registrations a second) is sent by one task a
# moment later, not by a task per message: one publish to Redis per burst instead of hundreds.
BATCH_DELAY = 1


def schedule_delivery(message_id: int) -> None:
    from django.conf import settings
    from django.core.cache import cache

    from .tasks import send_outbox_message, send_pending_mail

    if settings.CELERY_TASK_ALWAYS_EAGER:
        send_outbox_message.delay(message_id)  # no worker: sent now, in this process
    elif cache.add("outbox:delivery-scheduled", True, BATCH_DELAY + 4):
        send_pending_mail.apply_async(countdown=BATCH_DELAY)


def attachment_content(content):
    """An attachment's text, or, for {"make": …, "id": …}, the file made now from the database."""
    if not isinstance(content, dict):
        return content
    from samling.exports.ical import registration_agenda, registration_calendar
    from samling.registration.models import Registration

    makers = {
        "registration-agenda": registration_agenda,
        "registration-calendar": registration_calendar,
    }
    registration = (
        Registration.objects.select_related("event__online_meeting")
        .filter(pk=content["id"])
        .first()
    )
    if registration is None:  # deleted since: the mail goes without the file
        return None
    return makers[content["make"]](registration).decode()


def deliver(message_id: int) -> bool:
    """Send one pending message; True when it is (or already was) sent.

    The row is locked while sending, so two workers never send the same message; a message
    whose sending fails stays pending with its error, to be tried again.
    """
    with transaction.atomic():
        message = (
            OutboxMessage.objects.select_for_update(skip_locked=True)
            .filter(pk=message_id, status=OutboxMessage.Status.PENDING)
            .first()
        )
        if message is None:
            return OutboxMessage.objects.filter(
                pk=message_id, status=OutboxMessage.Status.SENT
            ).exists()
        email = EmailMessage(
            subject=message.subject,
            body=message.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[message.to],
            headers={"X-Samling-Message": str(message.pk)},
        )
        for filename, content, mimetype in message.attachments:
            content = attachment_content(content)
            if content is not None:
                email.attach(filename, content, mimetype)
        message.attempts += 1
        try:
            email.send()
        except Exception as error:
            message.last_error = f"{type(error).__name__}: {error}"[:2000]
            if message.attempts >= MAX_ATTEMPTS:
                message.status = OutboxMessage.Status.FAILED
            message.save(update_fields=["attempts", "last_error", "status"])
            logger.warning("Mail %s not sent: %s", message.pk, message.last_error)
            return False
        message.status = OutboxMessage.Status.SENT
        message.sent_at = timezone.now()
        message.last_error = ""
        message.save(update_fields=["attempts", "last_error", "status", "sent_at"])
        return True


def deliver_pending(limit: int = 200, *, retries_only: bool = False) -> int:
    """Try every pending message once, oldest first; returns how many were sent.

    `retries_only`: just those that failed before (left by an outage), not fresh ones that a
    task is about to send anyway.
    """
    pending = OutboxMessage.objects.filter(status=OutboxMessage.Status.PENDING)
    if retries_only:
        pending = pending.filter(attempts__gt=0)
    ids = list(pending.order_by("created_at", "pk").values_list("pk", flat=True)[:limit])
    sent = 0
    for message_id in ids:
        if deliver(message_id):
            sent += 1
        else:
            break  # the server is still down: leave the rest for the next round
    return sent
