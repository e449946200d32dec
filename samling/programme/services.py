"""Actions on a programme."""

import datetime as dt

from django.db import transaction
from django.db.models import F

from samling.events.models import Event, EventChange

from .models import Day, Item, SpeakerRole, Track


@transaction.atomic
def copy_programme(source: Event, target: Event, *, shift: dt.timedelta) -> None:
    """Copy days, tracks, items, parallel sessions and speaker roles, days moved by `shift`."""
    tracks = {}
    for track in source.tracks.all():
        tracks[track.pk] = Track.objects.create(
            event=target,
            name=track.name,
            kind=track.kind,
            description=track.description,
            position=track.position,
        )
    for day in source.days.all():
        new_day = Day.objects.create(
            event=target, date=day.date + shift, label=day.label, intro=day.intro
        )
        copies = {}
        # Parents before their parallel sessions, so each session finds its parent's copy.
        for item in day.items.order_by(F("parent_id").asc(nulls_first=True), "pk").prefetch_related(
            "roles"
        ):
            roles = list(item.roles.all())
            old_pk = item.pk
            item.pk = None
            item.day = new_day
            item.parent = copies.get(item.parent_id)
            item.track = tracks.get(item.track_id)
            item.save()
            copies[old_pk] = item
            SpeakerRole.objects.bulk_create(
                SpeakerRole(
                    item=item,
                    person_id=role.person_id,
                    function=role.function,
                    role_text=role.role_text,
                    position=role.position,
                )
                for role in roles
            )
    target.touch()


def _item_state(item: Item) -> dict:
    return {
        "date": item.day.date.isoformat(),
        "start": item.start_time.strftime("%H:%M") if item.start_time else None,
        "end": item.end_time.strftime("%H:%M") if item.end_time else None,
    }


@transaction.atomic
def update_item(item: Item, *, changed_by=None, note: str = "", **values) -> EventChange | None:
    """Save edits to a programme item; a new day or time, or a cancellation, goes into the
    event's history (and so to the registrants it concerns); other edits do not."""
    from samling.events.services import record_change

    before_state, was_cancelled = _item_state(item), item.is_cancelled
    for name, value in values.items():
        setattr(item, name, value)
    item.full_clean()
    item.save()
    item.day = Day.objects.get(pk=item.day_id)
    after_state = _item_state(item)
    event = item.day.event
    details = {"title": item.title, "before": before_state, "after": after_state}
    if item.is_cancelled != was_cancelled:
        details["change"] = "cancelled" if item.is_cancelled else "restored"
    elif after_state != before_state and not item.is_cancelled:
        details["change"] = "moved"
    else:
        return None
    return record_change(
        event,
        EventChange.Kind.PROGRAMME,
        changed_by=changed_by,
        note=note,
        item=item,
        details=details,
    )
