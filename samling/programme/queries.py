"""Reads of a programme shared by the event page, the API and the exports."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch

from samling.events.models import Event

from .models import Day, Item, SpeakerRole


@dataclass
class ProgrammeDay:
    day: Day
    items: list[Item] = field(default_factory=list)


def programme_for_event(event: Event) -> list[ProgrammeDay]:
    """The event's days, each with its top-level items; parallel sessions in `item.session_list`.

    Three queries whatever the size: days, items (with track), roles (with person).
    """
    roles = SpeakerRole.objects.select_related("person").order_by("position", "pk")
    items = (
        Item.objects.filter(day__event=event)
        .select_related("track")
        .prefetch_related(Prefetch("roles", queryset=roles))
        .order_by("start_time", "position", "pk")
    )
    by_day: dict[int, list[Item]] = {}
    children: dict[int, list[Item]] = {}
    for item in items:
        if item.parent_id:
            children.setdefault(item.parent_id, []).append(item)
        else:
            by_day.setdefault(item.day_id, []).append(item)
    programme = []
    for day in Day.objects.filter(event=event).order_by("date"):
        day_items = by_day.get(day.pk, [])
        for item in day_items:
            item.session_list = sorted(
                children.get(item.pk, []),
                key=lambda s: (s.track.position if s.track else 0, s.position, s.pk),
            )
        programme.append(ProgrammeDay(day=day, items=_in_programme_order(day_items)))
    return programme


def _in_programme_order(items: list[Item]) -> list[Item]:
    """Written order first (position), then the clock; untimed items after timed ones."""
    return sorted(
        items,
        key=lambda i: (i.position, i.start_time is None, i.start_time or dt.time.min, i.pk),
    )


def speakers_for_event(programme: list[ProgrammeDay]) -> list[SpeakerRole]:
    """Everyone on stage once, each with the role of their first appearance, in programme order."""
    seen: dict[int, SpeakerRole] = {}
    for day in programme:
        for item in day.items:
            for sub in [item, *item.session_list]:
                for role in sub.roles.all():
                    seen.setdefault(role.person_id, role)
    return list(seen.values())


def _time(value):
    return value.strftime("%H:%M") if value else None


def item_json(item: Item) -> dict:
    return {
        "id": item.pk,
        "start": _time(item.start_time),
        "end": _time(item.end_time),
        "approximate": item.approximate,
        "title": item.title,
        "kind": item.kind,
        "speakers": [
            {"name": role.person.name, "role": role.shown_role or None, "function": role.function}
            for role in item.roles.all()
        ],
        "track": item.track.name if item.track else None,
        "description": item.description or None,
        "location": item.location or None,
        "subpoints": item.agenda_points(),
        "notes": item.notes or None,
        "sessions": [item_json(session) for session in getattr(item, "session_list", [])],
    }


def programme_json(event: Event, programme: list[ProgrammeDay] | None = None) -> dict:
    """The Programme JSON of GUIDE section 3, with the API's additions."""
    programme = programme_for_event(event) if programme is None else programme
    return {
        "title": event.title,
        "language": event.language,
        "timezone": event.timezone,
        "days": [
            {
                "date": pday.day.date.isoformat(),
                "label": pday.day.label or None,
                "items": [item_json(item) for item in pday.items],
            }
            for pday in programme
        ],
    }
