"""What Samling holds about a registrant, and erasing it.

A participant downloads their data, or has it deleted, through their private link; a daily task
(`tasks.anonymise_past_registrations`) anonymises the registrations of events that ended more
than SAMLING_ANONYMISE_AFTER_DAYS days ago. Anonymising erases what tells who a person is and
keeps what is counted (status, category, municipality, chosen options, group places), so the
figures of past events stay right. The private link stops working: its key is replaced.
"""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone, translation
from django.utils.translation import pgettext

from samling.core import audit
from samling.core.models import AuditEntry
from samling.events.queries import absolute_url
from samling.notifications.models import OutboxMessage

from .models import Question, Registration, new_token
from .services import cancel_registration, waitlist_position

ANONYMISED_DOMAIN = "anonymised.invalid"  # RFC 2606: never delivered, yet a valid address
CHUNK = 200


def anonymised_email(pk: int) -> str:
    """Unique per registration, so the (event, e-mail) constraint holds for every erased row."""
    return f"anonymised-{pk}@{ANONYMISED_DOMAIN}"


def _messages_to(registration: Registration) -> QuerySet:
    """The e-mails about this registration: linked to it, or sent to its address for its event."""
    return OutboxMessage.objects.filter(
        Q(registration=registration)
        | Q(event_id=registration.event_id, to__iexact=registration.email)
    )


def registration_data(registration: Registration) -> dict:
    """Everything Samling holds about one registration, for the registrant to download.

    Times are given in the event's time zone, as ISO 8601 with the offset.
    """
    event = registration.event

    def when(value):
        if value is None:
            return None
        return timezone.localtime(value, event.tz).isoformat()

    labels = dict(Question.objects.filter(event=event).values_list("key", "label"))
    chosen = registration.chosen_options.select_related("option").order_by("option__position")
    memberships = registration.group_memberships.select_related("discussion__item", "group")
    facilitated = registration.facilitated_groups.select_related("discussion__item")
    messages = _messages_to(registration).order_by("created_at", "pk")
    return {
        "event": {
            "title": event.title,
            "network": event.network.name,
            "starts_at": when(event.starts_at),
            "ends_at": when(event.ends_at),
            "page": absolute_url(event.get_absolute_url()),
        },
        "registration": {
            "name": registration.name,
            "email": registration.email,
            "phone": registration.phone,
            "title": registration.title,
            "organisation": registration.organisation,
            "municipality": registration.municipality.name if registration.municipality else None,
            "category": registration.category.name if registration.category else None,
            "status": registration.status,
            "waitlist_position": waitlist_position(registration),
            "language": registration.language,
            "dietary_needs": registration.dietary_needs,
            "arrival": when(registration.arrival),
            "flight": registration.flight,
            "registered_at": when(registration.created_at),
            "updated_at": when(registration.updated_at),
            "cancelled_at": when(registration.cancelled_at),
            "checked_in_at": when(registration.checked_in_at),
            "private_link": absolute_url(registration.get_absolute_url()),
        },
        "answers": [
            {"question": labels.get(key, key), "answer": value}
            for key, value in registration.answers.items()
        ],
        "options": [
            {
                "option": item.option.label,
                "kind": item.option.kind,
                "status": item.status,
                "chosen_at": when(item.created_at),
            }
            for item in chosen
        ],
        "groups": [
            {
                "discussion": member.discussion.item.title,
                "group": member.group.name,
                "track": member.group.track,
                "room": member.group.room,
            }
            for member in memberships
        ],
        "facilitating": [
            {"discussion": group.discussion.item.title, "group": group.name}
            for group in facilitated
        ],
        "emails": [
            {
                "subject": message.subject,
                "kind": message.kind,
                "status": message.status,
                "created_at": when(message.created_at),
                "sent_at": when(message.sent_at),
            }
            for message in messages
        ],
    }


def _is_a_choice(question: Question, value) -> bool:
    choices = question.choice_list()
    if question.kind == Question.Kind.YES_NO:
        return isinstance(value, bool)
    if question.kind == Question.Kind.MULTIPLE:
        return isinstance(value, list) and all(v in choices for v in value)
    return question.kind == Question.Kind.SINGLE and value in choices


def _kept_answers(answers: dict, questions: dict) -> dict:
    """The answers that are a choice among the question's own choices; free text goes."""
    return {
        key: value
        for key, value in answers.items()
        if key in questions and _is_a_choice(questions[key], value)
    }


def anonymise_registrations(registrations: QuerySet, *, now=None) -> int:
    """Erase the personal data of these registrations; returns how many were anonymised.

    Erased: name (replaced by a word in the event's language), e-mail address (replaced by a
    unique address that cannot receive mail), phone, title, organisation, dietary needs,
    arrival, flight, answers in free text, the private link's key, and the address, text and
    attachments of the e-mails about the registration (those not yet sent are not sent).
    Kept: status, category, municipality, language, dates, chosen options, group places.
    Registrations anonymised before are left alone, so running it twice changes nothing.
    """
    now = now or timezone.now()
    ids = list(
        registrations.filter(anonymised_at__isnull=True).order_by("pk").values_list("pk", flat=True)
    )
    done = 0
    for start in range(0, len(ids), CHUNK):
        done += _anonymise_chunk(ids[start : start + CHUNK], now)
    return done


@transaction.atomic
def _anonymise_chunk(ids: list[int], now) -> int:
    rows = list(
        Registration.objects.select_for_update(of=("self",))
        .select_related("event")
        .filter(pk__in=ids, anonymised_at__isnull=True)
        .order_by("pk")
    )
    if not rows:
        return 0
    questions = {}
    for question in Question.objects.filter(event_id__in={r.event_id for r in rows}):
        questions.setdefault(question.event_id, {})[question.key] = question
    messages = Q()
    logged = Q()
    for registration in rows:
        messages |= Q(registration=registration) | Q(
            event_id=registration.event_id, to__iexact=registration.email
        )
        # Entries written before entries had keys are found by the name it has now.
        logged |= Q(event_id=registration.event_id, target_key="", target=registration.name)
        with translation.override(registration.event.language):
            registration.name = pgettext(
                "the name of a registrant whose data is deleted", "Anonymised participant"
            )
        registration.email = anonymised_email(registration.pk)
        for name in ("phone", "title", "organisation", "dietary_needs", "flight"):
            setattr(registration, name, "")
        registration.arrival = None
        registration.idempotency_key = ""
        registration.answers = _kept_answers(
            registration.answers, questions.get(registration.event_id, {})
        )
        registration.token = new_token()
        registration.anonymised_at = now
        registration.updated_at = now
    Registration.objects.bulk_update(
        rows,
        [
            "name",
            "email",
            "phone",
            "title",
            "organisation",
            "dietary_needs",
            "flight",
            "arrival",
            "idempotency_key",
            "answers",
            "token",
            "anonymised_at",
            "updated_at",
        ],
    )
    outbox = OutboxMessage.objects.filter(messages)
    outbox.filter(status=OutboxMessage.Status.PENDING).update(status=OutboxMessage.Status.FAILED)
    outbox.update(to="", body="", attachments=[], last_error="")
    keys = [registration.audit_key for registration in rows]
    _erase_from_audit_log(
        AuditEntry.objects.filter(
            Q(target_key__in=keys) | logged, action__startswith="registration."
        )
    )
    return len(rows)


# What an audit entry about a registration may hold of the person (see _logged_details).
PERSONAL_IN_LOG = ("name", "title", "organisation")


def _erase_from_audit_log(entries: QuerySet) -> None:
    """The log names registrants and keeps a changed name, title or organisation before and
    after: those go; what happened (registered, moved, cancelled, which fields) stays."""
    entries = list(entries.only("pk", "changes"))
    for entry in entries:
        entry.target = "—"
        entry.changes = {
            field: ["", ""] if field in PERSONAL_IN_LOG else values
            for field, values in entry.changes.items()
        }
    AuditEntry.objects.bulk_update(entries, ["target", "changes"])


@transaction.atomic
def delete_registration_data(registration: Registration, *, now=None) -> list[Registration]:
    """The registrant's "delete my data": cancel if still to come, then anonymise.

    Cancelling frees the place for the first on the waiting list (returned, as by
    `cancel_registration`). A registration for an event that is over keeps its status, so the
    event's figures stay as they were. The cancellation mail is not sent: its address is gone.
    """
    now = now or timezone.now()
    promoted = []
    if registration.status != Registration.Status.CANCELLED and registration.event.ends_at > now:
        promoted = cancel_registration(registration, logged=False)
    anonymise_registrations(Registration.objects.filter(pk=registration.pk), now=now)
    # Who asked is gone with the data: the log keeps that someone's data was deleted.
    audit.record("registration.deleted", event=registration.event, target="—")
    return promoted


def registrations_to_anonymise(*, now=None) -> QuerySet:
    """Registrations of events that ended more than SAMLING_ANONYMISE_AFTER_DAYS days ago."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=settings.ANONYMISE_AFTER_DAYS)
    return Registration.objects.filter(event__ends_at__lt=cutoff, anonymised_at__isnull=True)
