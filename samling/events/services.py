"""Actions on events that span several rows: each writes the event's history."""

import datetime as dt

from django.db import transaction

from samling.core import audit

from .models import Event, EventChange, OnlineMeeting

# Changes that registrants must hear about: saving one proposes a notification.
KINDS_TO_NOTIFY = {
    EventChange.Kind.RESCHEDULED,
    EventChange.Kind.POSTPONED,
    EventChange.Kind.CANCELLED,
    EventChange.Kind.VENUE,
    EventChange.Kind.MODE,
    EventChange.Kind.PROGRAMME,
}


def has_registrants(event: Event) -> bool:
    return event.registrations.filter(status__in=["confirmed", "waitlisted"]).exists()


def record_change(event: Event, kind: str, *, changed_by=None, **fields) -> EventChange:
    """Write one entry of the event's history; a change that matters to registrants waits
    for the organiser to send or skip a notification."""
    notify = kind in KINDS_TO_NOTIFY and has_registrants(event)
    return EventChange.objects.create(
        event=event,
        kind=kind,
        changed_by=changed_by,
        notification=EventChange.Notification.PENDING if notify else "",
        **fields,
    )


@transaction.atomic
def reschedule_event(
    event: Event,
    *,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    note: str = "",
    changed_by=None,
    changed_at: dt.datetime | None = None,
) -> EventChange:
    """Move the event, keep where it was in its public history."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    previous = {"previous_starts_at": event.starts_at, "previous_ends_at": event.ends_at}
    before = {"starts_at": event.starts_at, "ends_at": event.ends_at, "status": event.status}
    event.starts_at, event.ends_at = starts_at, ends_at
    event.status = Event.Status.RESCHEDULED
    event.save(update_fields=["starts_at", "ends_at", "status", "updated_at"])
    after = {"starts_at": event.starts_at, "ends_at": event.ends_at, "status": event.status}
    audit.record(
        "event.updated",
        event=event,
        actor=changed_by,
        target=event.title,
        changes=audit.diff(before, after),
    )
    extra = {"changed_at": changed_at} if changed_at else {}
    return record_change(
        event,
        EventChange.Kind.RESCHEDULED,
        changed_by=changed_by,
        new_starts_at=starts_at,
        new_ends_at=ends_at,
        note=note,
        **previous,
        **extra,
    )


STATUS_CHANGE_KINDS = {
    Event.Status.POSTPONED: EventChange.Kind.POSTPONED,
    Event.Status.CANCELLED: EventChange.Kind.CANCELLED,
}


@transaction.atomic
def set_event_status(event: Event, *, status: str, note: str = "", changed_by=None) -> EventChange:
    """Postpone or cancel an event (or schedule it again), recording the change."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    before = {"status": event.status, "status_note": event.status_note}
    event.status = status
    event.status_note = note
    event.save(update_fields=["status", "status_note", "updated_at"])
    audit.record(
        "event.updated",
        event=event,
        actor=changed_by,
        target=event.title,
        changes=audit.diff(before, {"status": event.status, "status_note": event.status_note}),
    )
    kind = STATUS_CHANGE_KINDS.get(status, EventChange.Kind.OTHER)
    return record_change(event, kind, note=note, changed_by=changed_by)


# The fields of an event an organiser edits in one form; the rest has its own pages.
EDITABLE_FIELDS = (
    "title",
    "subtitle",
    "summary",
    "description",
    "highlights",
    "audience",
    "starts_at",
    "ends_at",
    "times_announced",
    "mode",
    "venue",
    "status",
    "status_note",
    "registration_note",
)


def _place(venue) -> str:
    return ", ".join(filter(None, [venue.name, venue.address])) if venue else ""


@transaction.atomic
def update_event(event: Event, *, changed_by=None, note: str = "", **values) -> list[EventChange]:
    """Save the organiser's edits and record what registrants must hear about.

    Dates and times, place, mode and status each become an entry of the history; a new title
    or a corrected typo does not (it is saved without proposing a notification).
    """
    unknown = set(values) - set(EDITABLE_FIELDS)
    assert not unknown, f"not editable here: {unknown}"
    event = Event.objects.select_for_update().get(pk=event.pk)
    before = {name: getattr(event, name) for name in EDITABLE_FIELDS}
    for name, value in values.items():
        setattr(event, name, value)
    changes = []

    def record(kind, **fields):
        changes.append(record_change(event, kind, changed_by=changed_by, note=note, **fields))

    moved = (event.starts_at, event.ends_at) != (before["starts_at"], before["ends_at"])
    if moved and event.status == before["status"] == Event.Status.SCHEDULED:
        event.status = Event.Status.RESCHEDULED
    event.full_clean()
    event.save()
    edited = audit.diff(before, {name: getattr(event, name) for name in EDITABLE_FIELDS})
    if edited:
        audit.record(
            "event.updated", event=event, actor=changed_by, target=event.title, changes=edited
        )
    if moved:
        record(
            EventChange.Kind.RESCHEDULED,
            previous_starts_at=before["starts_at"],
            previous_ends_at=before["ends_at"],
            new_starts_at=event.starts_at,
            new_ends_at=event.ends_at,
        )
    if event.venue != before["venue"] and event.mode != Event.Mode.ONLINE:
        record(
            EventChange.Kind.VENUE,
            details={
                "before": _place(before["venue"]),
                "after": _place(event.venue),
            },
        )
    if event.mode != before["mode"]:
        record(EventChange.Kind.MODE, details={"before": before["mode"], "after": event.mode})
    if event.status != before["status"] and event.status in STATUS_CHANGE_KINDS:
        record(STATUS_CHANGE_KINDS[event.status])
    elif before["status"] in STATUS_CHANGE_KINDS and event.status not in STATUS_CHANGE_KINDS:
        record(EventChange.Kind.OTHER, details={"status": event.status})
    return changes


@transaction.atomic
def copy_event(
    source: Event,
    *,
    slug: str,
    starts_on: dt.date,
    title: str | None = None,
    subtitle: str | None = None,
    copied_by=None,
) -> Event:
    """Copy an event with its programme, tracks and contacts to a new first day.

    Times of day stay the same in the event's time zone; the copy starts as a draft with no
    history, attachments or online link.
    """
    from samling.programme.services import copy_programme

    tz = source.tz
    shift = starts_on - source.local_start.date()

    def moved(value: dt.datetime) -> dt.datetime:
        local = value.astimezone(tz).replace(tzinfo=None) + shift
        return local.replace(tzinfo=tz)

    copy = Event.objects.create(
        network=source.network,
        series=None,
        slug=slug,
        title=title or source.title,
        subtitle=source.subtitle if subtitle is None else subtitle,
        summary=source.summary,
        description=source.description,
        highlights=source.highlights,
        language=source.language,
        timezone=source.timezone,
        starts_at=moved(source.starts_at),
        ends_at=moved(source.ends_at),
        times_announced=source.times_announced,
        mode=source.mode,
        venue=source.venue,
        audience=source.audience,
        registration_note="",
        is_published=False,
    )
    for contact in source.contacts.all():
        contact.pk = None
        contact.event = copy
        contact.save()
    if hasattr(source, "online_meeting"):
        meeting = source.online_meeting
        OnlineMeeting.objects.create(
            event=copy, platform=meeting.platform, platform_name=meeting.platform_name
        )
    copy_programme(source, copy, shift=shift)
    audit.record("event.copied", event=copy, actor=copied_by, target=source.title)
    return copy
