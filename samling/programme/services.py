"""Actions on a programme."""

import datetime as dt

from django.db import transaction
from django.db.models import F

from samling.events.models import Event

from .models import Day, SpeakerRole, Track


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
