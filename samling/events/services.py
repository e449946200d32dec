"""Actions on events that span several rows: each writes the event's history."""

import datetime as dt

from django.db import transaction

from .models import Event, EventChange, OnlineMeeting


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
    change = EventChange(
        event=event,
        kind=EventChange.Kind.RESCHEDULED,
        previous_starts_at=event.starts_at,
        previous_ends_at=event.ends_at,
        new_starts_at=starts_at,
        new_ends_at=ends_at,
        note=note,
        changed_by=changed_by,
    )
    if changed_at:
        change.changed_at = changed_at
    event.starts_at, event.ends_at = starts_at, ends_at
    event.status = Event.Status.RESCHEDULED
    event.save(update_fields=["starts_at", "ends_at", "status", "updated_at"])
    change.save()
    return change


@transaction.atomic
def set_event_status(event: Event, *, status: str, note: str = "", changed_by=None) -> EventChange:
    """Postpone or cancel an event (or schedule it again), recording the change."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    kind = {
        Event.Status.POSTPONED: EventChange.Kind.POSTPONED,
        Event.Status.CANCELLED: EventChange.Kind.CANCELLED,
    }.get(status, EventChange.Kind.OTHER)
    event.status = status
    event.status_note = note
    event.save(update_fields=["status", "status_note", "updated_at"])
    return EventChange.objects.create(event=event, kind=kind, note=note, changed_by=changed_by)


@transaction.atomic
def copy_event(
    source: Event,
    *,
    slug: str,
    starts_on: dt.date,
    title: str | None = None,
    subtitle: str | None = None,
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
    return copy
