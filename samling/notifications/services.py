"""Queueing and sending mail through the outbox."""

import datetime as dt
import logging
import time

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Count, Prefetch, QuerySet
from django.utils import timezone, translation

from samling.core import audit
from samling.core.cache import add_or_get
from samling.registration.models import RegistrationOption

from .composing import default_text, render_for
from .models import EventMessage, OutboxMessage

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 20


def queue_mail(
    *, to: str, subject: str, body: str = "", body_source=None, kind: str, attachments=(), **links
):
    """Store the message and hand it to the sending task once the transaction commits.

    `body_source` instead of `body`: the text is written when the message is sent.
    """
    message = OutboxMessage.objects.create(
        to=to,
        subject=subject,
        body=body,
        body_source=body_source,
        kind=kind,
        attachments=[list(a) for a in attachments],
        **links,
    )
    transaction.on_commit(lambda: schedule_delivery(message.pk))
    return message


# With a worker, a burst of mail (a hundred registrations a second) is sent by one task a
# moment later, not by a task per message: one publish to Redis per burst instead of hundreds.
BATCH_DELAY = 1
SCHEDULED_KEY = "outbox:delivery-scheduled"  # holds when the scheduled task runs
# Each process also remembers when that task runs: a message queued before then is sent by
# it, so during a burst even Redis is asked only about once a second per process.
_covered_until = 0.0


def schedule_delivery(message_id: int) -> None:
    global _covered_until
    from django.core.cache import cache

    from .tasks import send_outbox_message, send_pending_mail

    if settings.CELERY_TASK_ALWAYS_EAGER:
        send_outbox_message.delay(message_id)  # no worker: sent now, in this process
        return
    now = time.time()
    if now < _covered_until:
        return
    runs_at = now + BATCH_DELAY
    held = add_or_get(cache, SCHEDULED_KEY, runs_at, BATCH_DELAY + 4)
    if held is None:
        send_pending_mail.apply_async(countdown=BATCH_DELAY)
    else:
        # Scheduled by another process and not started yet: the task deletes the key first.
        runs_at = held
    # A small margin, so that the message is committed well before the task looks.
    _covered_until = float(runs_at) - 0.1


def invitation_attachment(registration_id: int, *, method: str = "REQUEST"):
    """The registrant's calendar entry for an e-mail, made when the mail is sent (so it shows
    the event as it is then): METHOD:REQUEST, or CANCEL for a cancellation."""
    return (
        "invitation.ics",
        {"make": "registration-invitation", "id": registration_id, "method": method},
        "text/calendar",
    )


def body_content(message: OutboxMessage) -> str | None:
    """The text of a message queued with a `body_source`, written now; None when what it is
    about no longer exists."""
    source = message.body_source
    if source["make"] == "registration-mail":
        from samling.registration.mail import registration_mail_body

        if message.registration_id is None:
            return None
        return registration_mail_body(
            message.registration, source["kind"], position=source.get("position")
        )
    raise ValueError(f"Unknown body source: {source['make']}")


def attachment_content(content):
    """An attachment's text, or, for {"make": …, "id": …}, the file made now from the database."""
    if not isinstance(content, dict):
        return content
    from samling.exports.ical import registration_agenda, registration_calendar
    from samling.registration.models import Registration

    registration = (
        Registration.objects.select_related("event__online_meeting", "event__network")
        .filter(pk=content["id"])
        .first()
    )
    if registration is None:  # deleted since: the mail goes without the file
        return None
    if content["make"] == "registration-agenda":
        return registration_agenda(registration).decode()
    # "registration-calendar" is the name rows queued before version 0.2 carry.
    return registration_calendar(registration, method=content.get("method", "REQUEST")).decode()


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
        if message.body_source and not message.body:
            message.body = body_content(message)
            if message.body is None:  # what it was about is gone (its event deleted)
                message.status = OutboxMessage.Status.FAILED
                message.body = ""
                message.last_error = "Nothing to write about any more."
                message.save(update_fields=["status", "last_error"])
                return True  # nothing to retry
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
            message.save(update_fields=["attempts", "last_error", "status", "body"])
            logger.warning("Mail %s not sent: %s", message.pk, message.last_error)
            return False
        message.status = OutboxMessage.Status.SENT
        message.sent_at = timezone.now()
        message.last_error = ""
        message.save(update_fields=["attempts", "last_error", "status", "sent_at", "body"])
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


# Messages to an event's registrants: change notifications, reminders, messages by hand.

ACTIVE = ("confirmed", "waitlisted")
# Reminders every event with registration gets, as (kind, days before, time of day). The
# meeting link only for events held (also) online.
DEFAULT_REMINDERS = (
    (EventMessage.Kind.REMINDER, 2, dt.time(9, 0)),
    (EventMessage.Kind.MEETING_LINK, 1, dt.time(9, 0)),
)


def recipients(message: EventMessage) -> QuerySet:
    """The registrations a message goes to, by its audience (statuses, categories, options)."""
    from samling.registration.models import Registration

    audience = message.audience or {}
    registrations = Registration.objects.filter(
        event_id=message.event_id, status__in=audience.get("statuses") or ACTIVE
    )
    if audience.get("categories"):
        registrations = registrations.filter(category_id__in=audience["categories"])
    if audience.get("options"):
        registrations = registrations.filter(
            pk__in=RegistrationOption.objects.filter(
                option_id__in=audience["options"], status__in=ACTIVE
            ).values("registration_id")
        )
    return registrations


@transaction.atomic
def queue_event_message(message: EventMessage, *, now: dt.datetime | None = None) -> int:
    """Put one e-mail per recipient in the outbox; returns how many were added.

    The message row is locked and marked queued in the same transaction, and a unique
    constraint allows one outbox row per registrant: running this twice, or after a worker
    died half-way (the transaction is then rolled back), never sends anyone two copies.
    """
    message = (
        EventMessage.objects.select_for_update(of=("self",))
        .select_related("event__network", "event__venue", "event__online_meeting")
        .get(pk=message.pk)
    )
    if message.queued_at:
        return 0
    changes = list(message.changes.select_related("event").order_by("changed_at", "pk"))
    chosen = Prefetch(
        "chosen_options",
        queryset=RegistrationOption.objects.filter(status__in=ACTIVE)
        .select_related("option__item__day")
        .order_by("option__position", "option_id"),
    )
    registrations = recipients(message).prefetch_related(chosen).order_by("pk")
    already = set(message.deliveries.values_list("registration_id", flat=True))
    method = "CANCEL" if message.calendar == EventMessage.Calendar.CANCEL else "REQUEST"
    rows = []
    for registration in registrations:
        if registration.pk in already:
            continue
        registration.event = message.event
        text = render_for(
            message, registration, changes=changes, options=list(registration.chosen_options.all())
        )
        attachments = (
            [list(invitation_attachment(registration.pk, method=method))]
            if message.calendar
            else []
        )
        rows.append(
            OutboxMessage(
                event=message.event,
                registration=registration,
                message=message,
                kind=f"message-{message.kind}",
                to=registration.email,
                subject=text.subject,
                body=text.body,
                attachments=attachments,
            )
        )
    OutboxMessage.objects.bulk_create(rows, batch_size=500)
    message.queued_at = now or timezone.now()
    message.recipient_count = len(already) + len(rows)
    message.save(update_fields=["queued_at", "recipient_count"])
    transaction.on_commit(lambda: schedule_message_delivery(message.pk))
    return len(rows)


def schedule_message_delivery(message_id: int) -> None:
    from .tasks import send_pending_mail

    if settings.CELERY_TASK_ALWAYS_EAGER:
        pending = OutboxMessage.objects.filter(
            message_id=message_id, status=OutboxMessage.Status.PENDING
        ).order_by("pk")
        for outbox_id in pending.values_list("pk", flat=True):
            if not deliver(outbox_id):
                break  # the server is down: the rest waits in the outbox
    else:
        send_pending_mail.delay()


def delivery_counts(messages) -> dict[int, dict[str, int]]:
    """{message id: {"pending": n, "sent": n, "failed": n}} in one query."""
    counts: dict[int, dict[str, int]] = {}
    rows = (
        OutboxMessage.objects.filter(message__in=messages)
        .values("message_id", "status")
        .annotate(n=Count("pk"))
    )
    for row in rows:
        counts.setdefault(row["message_id"], {})[row["status"]] = row["n"]
    return counts


# Change notifications.


def pending_changes(event) -> QuerySet:
    from samling.events.models import EventChange

    return event.changes.filter(notification=EventChange.Notification.PENDING).order_by(
        "changed_at", "pk"
    )


def change_audience(event, changes) -> dict:
    """Everyone registered, unless every change is to programme items that some registrants
    chose (a session, the bus): then only those who chose them."""
    from samling.events.models import EventChange
    from samling.registration.models import Option

    audience = {"statuses": list(ACTIVE)}
    if not changes or any(c.kind != EventChange.Kind.PROGRAMME or not c.item_id for c in changes):
        return audience
    options = Option.objects.filter(event=event, item_id__in={c.item_id for c in changes})
    option_ids, items_with_options = set(), set()
    for option_id, item_id in options.values_list("pk", "item_id"):
        option_ids.add(option_id)
        items_with_options.add(item_id)
    if any(c.item_id not in items_with_options for c in changes):
        return audience  # an item for everyone
    return {**audience, "options": sorted(option_ids)}


def propose_change_notification(event, changes=None) -> EventMessage:
    """An unsaved change notification for the pending changes, with Samling's summary."""
    from samling.events.models import Event

    changes = list(pending_changes(event) if changes is None else changes)
    cancelled = event.status == Event.Status.CANCELLED
    message = EventMessage(
        event=event,
        kind=EventMessage.Kind.CHANGE,
        audience=change_audience(event, changes),
        calendar=EventMessage.Calendar.CANCEL if cancelled else EventMessage.Calendar.REQUEST,
    )
    message.proposed_changes = changes
    return message


@transaction.atomic
def send_change_notification(
    event, *, token, subject: str, body: str, changed_by=None, changes=None
) -> EventMessage:
    """Send the notification of the pending changes (a second click finds the first)."""
    from samling.events.models import EventChange

    existing = EventMessage.objects.filter(token=token).first()
    if existing:
        return existing
    proposal = propose_change_notification(event, changes)
    with translation.override(event.language):
        default = default_text(EventMessage.Kind.CHANGE, event, proposal.proposed_changes)

    # Left as proposed, each registrant reads Samling's text in their own language.
    def plain(text: str) -> str:  # browsers send a textarea's lines ending in CR LF
        return text.replace("\r\n", "\n").strip()

    edited = (plain(subject), plain(body)) != (plain(default.subject), plain(default.body))
    proposal.texts = {event.language: {"subject": subject, "body": body}} if edited else {}
    proposal.token = token
    proposal.created_by = changed_by
    proposal.save()
    proposal.changes.set(proposal.proposed_changes)
    EventChange.objects.filter(pk__in=[c.pk for c in proposal.proposed_changes]).update(
        notification=EventChange.Notification.SENT
    )
    queue_event_message(proposal)
    proposal.refresh_from_db()
    _log_sent(proposal, subject=subject, sent_by=changed_by)
    return proposal


def _log_sent(message: EventMessage, *, subject: str, sent_by) -> None:
    """The audit entry of a message sent: its subject as written in the event's language."""
    audit.record(
        "message.sent",
        event=message.event,
        actor=sent_by,
        target=subject.strip(),
        changes={"recipients": ["", str(message.recipient_count)]},
    )


def skip_change_notification(event, changes=None) -> int:
    """The organiser decided the changes need no e-mail (a typo, an internal detail)."""
    from samling.events.models import EventChange

    changes = pending_changes(event) if changes is None else changes
    return EventChange.objects.filter(pk__in=[c.pk for c in changes]).update(
        notification=EventChange.Notification.SKIPPED
    )


# Messages written by the organiser.


@transaction.atomic
def send_message(
    event, *, token, subject: str, body: str, audience: dict, sent_by=None
) -> EventMessage:
    existing = EventMessage.objects.filter(token=token).first()
    if existing:
        return existing
    message = EventMessage.objects.create(
        event=event,
        kind=EventMessage.Kind.MESSAGE,
        token=token,
        texts={event.language: {"subject": subject, "body": body}},
        audience=audience,
        created_by=sent_by,
    )
    queue_event_message(message)
    message.refresh_from_db()
    _log_sent(message, subject=subject, sent_by=sent_by)
    return message


# Reminders.


def ensure_default_reminders(event) -> list[EventMessage]:
    """Create the reminders an event gets unless it has them (switched off ones included)."""
    have = set(
        event.event_messages.filter(kind__in=EventMessage.SCHEDULED_KINDS).values_list(
            "kind", flat=True
        )
    )
    created = []
    for kind, days_before, at in DEFAULT_REMINDERS:
        if kind in have or (kind == EventMessage.Kind.MEETING_LINK and not event.is_online):
            continue
        created.append(
            EventMessage.objects.create(
                event=event,
                kind=kind,
                days_before=days_before,
                send_time=at,
                audience={"statuses": ["confirmed"]},
            )
        )
    return created


def due_reminders(now: dt.datetime | None = None) -> list[EventMessage]:
    """Enabled reminders not yet sent whose time has come, of events that have not begun."""
    from samling.events.models import Event

    now = now or timezone.now()
    candidates = (
        EventMessage.objects.filter(
            kind__in=EventMessage.SCHEDULED_KINDS,
            is_enabled=True,
            queued_at__isnull=True,
            event__starts_at__gt=now,
            event__is_published=True,
        )
        .exclude(event__status=Event.Status.CANCELLED)
        .select_related("event")
    )
    return [message for message in candidates if message.due_at() <= now]


def send_due_reminders(now: dt.datetime | None = None) -> int:
    """Queue every reminder that is due; returns how many e-mails were added. Safe to run
    again at any moment, also after a crash: each registrant gets each reminder once."""
    from samling.events.models import Event

    now = now or timezone.now()
    soon = Event.objects.filter(
        is_published=True,
        starts_at__gt=now,
        starts_at__lt=now + dt.timedelta(days=14),
        registration_settings__is_enabled=True,
    ).exclude(event_messages__kind__in=EventMessage.SCHEDULED_KINDS)
    for event in soon:
        ensure_default_reminders(event)
    return sum(queue_event_message(message, now=now) for message in due_reminders(now))
