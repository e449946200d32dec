"""Editing a programme by hand: items added, changed, copied, moved and deleted, days added and
removed. Each action writes the audit log; a changed item goes through `services.update_item`,
which records moves and cancellations for the registrants."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samling.core.audit import diff, record
from samling.events.models import Event, EventChange
from samling.networks.models import Person

from .models import Day, Item, SpeakerRole
from .services import update_item

# The fields an organiser edits on an item, in the order of the form.
ITEM_FIELDS = [
    "day",
    "start_time",
    "end_time",
    "approximate",
    "kind",
    "title",
    "description",
    "location",
    "track",
    "parent",
    "agenda",
    "notes",
    "is_cancelled",
]


def _programme_key(item: Item):
    """The order of the programme pages: written order, then the clock (see queries)."""
    return (item.position, item.start_time is None, item.start_time or dt.time.min, item.pk or 0)


def _siblings(item: Item) -> list[Item]:
    """The items next to `item` in the list: same day, same parent; in programme order."""
    siblings = Item.objects.filter(day_id=item.day_id, parent_id=item.parent_id)
    if item.pk:
        siblings = siblings.exclude(pk=item.pk)
    return sorted(siblings, key=_programme_key)


def _renumber(items: list[Item], event_id: int) -> None:
    changed = []
    for position, item in enumerate(items):
        if item.position != position:
            item.position = position
            changed.append(item)
    if changed:
        Item.objects.bulk_update(changed, ["position"])
        Event(pk=event_id).touch()


def place_item(item: Item) -> None:
    """Put `item` where its start time belongs among its siblings; untimed items go last."""
    siblings = _siblings(item)
    index = len(siblings)
    if item.start_time:
        for number, sibling in enumerate(siblings):
            if sibling.start_time and sibling.start_time > item.start_time:
                index = number
                break
    siblings.insert(index, item)
    _renumber(siblings, item.day.event_id)


def _roles_text(item: Item) -> str:
    return ", ".join(
        f"{role.person.name} ({role.function})"
        for role in item.roles.select_related("person").order_by("position", "pk")
    )


def _snapshot(item: Item) -> dict:
    values = {name: getattr(item, name) for name in ITEM_FIELDS if name not in ("day", "track")}
    values["day"] = item.day.date if item.day_id else None
    values["track"] = item.track.name if item.track_id else None
    values["parent"] = item.parent.title if item.parent_id else None
    values["speakers"] = _roles_text(item) if item.pk else ""
    return values


@transaction.atomic
def set_speakers(item: Item, roles: list[dict]) -> None:
    """Replace the people on an item. Each role: `person` (one of the network's people) or
    `name` (with `title`, `organisation`) for someone new, `function`, `role_text`."""
    network_id = item.day.event.network_id
    item.roles.all().delete()
    seen = set()
    new_roles = []
    for role in roles:
        person = role.get("person")
        if person is None:
            name = (role.get("name") or "").strip()
            if not name:
                continue
            person, _created = Person.objects.get_or_create(
                network_id=network_id,
                name=name,
                defaults={
                    "title": (role.get("title") or "").strip(),
                    "organisation": (role.get("organisation") or "").strip(),
                },
            )
        elif person.network_id != network_id:
            raise ValidationError(_("Choose a person of this network."))
        function = role.get("function") or SpeakerRole.Function.SPEAKER
        if (person.pk, function) in seen:
            continue
        seen.add((person.pk, function))
        new_roles.append(
            SpeakerRole(
                item=item,
                person=person,
                function=function,
                role_text=(role.get("role_text") or "").strip(),
                position=len(new_roles),
            )
        )
    SpeakerRole.objects.bulk_create(new_roles)
    item.day.event.touch()


@transaction.atomic
def add_item(day: Day, *, changed_by, speakers: list[dict] | None = None, **values) -> Item:
    """A new item on `day`, placed by its start time among the others."""
    values.pop("is_cancelled", None)
    item = Item(day=day, **values)
    item.full_clean()
    item.save()
    place_item(item)
    if speakers:
        set_speakers(item, speakers)
    record(
        "programme.item-added",
        event=day.event,
        actor=changed_by,
        target=item.title,
        changes=diff({}, _snapshot(item)),
    )
    return item


@transaction.atomic
def edit_item(
    item: Item, *, changed_by, speakers: list[dict] | None = None, **values
) -> EventChange | None:
    """Save an organiser's edits through `update_item` (which records a move or a cancellation
    for the registrants) and write the audit log. `item` holds the values before the edit."""
    before = _snapshot(item)
    old_place = (item.day_id, item.parent_id, item.start_time)
    change = update_item(item, changed_by=changed_by, **values)
    if item.day_id != old_place[0]:
        # Parallel sessions belong to their item's day.
        for session in item.sessions.all():
            session.day_id = item.day_id
            session.save(update_fields=["day"])
    if (item.day_id, item.parent_id, item.start_time) != old_place:
        place_item(item)
    if speakers is not None:
        set_speakers(item, speakers)
    changes = diff(before, _snapshot(item))
    if changes:
        record(
            "programme.item-updated",
            event=item.day.event,
            actor=changed_by,
            target=item.title,
            changes=changes,
        )
    return change


@transaction.atomic
def duplicate_item(item: Item, *, changed_by) -> Item:
    """A copy right after the original, with its people and its parallel sessions."""
    original = Item.objects.select_related("day__event").get(pk=item.pk)
    sessions = list(original.sessions.prefetch_related("roles")) if not original.parent_id else []

    def copy(source: Item, *, parent: Item | None) -> Item:
        roles = list(source.roles.all())
        clone = Item.objects.get(pk=source.pk)
        clone.pk = None
        clone.parent = parent
        clone.is_cancelled = False
        clone.save()
        SpeakerRole.objects.bulk_create(
            SpeakerRole(
                item=clone,
                person_id=role.person_id,
                function=role.function,
                role_text=role.role_text,
                position=role.position,
            )
            for role in roles
        )
        return clone

    clone = copy(original, parent=original.parent)
    for session in sessions:
        copy(session, parent=clone)
    siblings = _siblings(clone)
    index = next((n for n, s in enumerate(siblings) if s.pk == original.pk), len(siblings) - 1)
    siblings.insert(index + 1, clone)
    _renumber(siblings, original.day.event_id)
    clone.refresh_from_db()
    record(
        "programme.item-added",
        event=original.day.event,
        actor=changed_by,
        target=clone.title,
        changes={"copy of": [str(original.pk), str(clone.pk)]},
    )
    return clone


@transaction.atomic
def delete_item(item: Item, *, changed_by) -> None:
    """Delete an item with its parallel sessions and people; options tied to it stay, untied."""
    item = Item.objects.select_related("day__event").get(pk=item.pk)
    event = item.day.event
    before = _snapshot(item)
    item.delete()
    record(
        "programme.item-deleted",
        event=event,
        actor=changed_by,
        target=before["title"],
        changes=diff(before, {}),
    )


@transaction.atomic
def move_item(item: Item, *, direction: str, changed_by) -> bool:
    """Swap `item` with its neighbour above ("up") or below ("down") among the items of its day
    and parent. False when it is already first or last."""
    if direction not in ("up", "down"):
        raise ValueError(direction)
    item = Item.objects.select_related("day").get(pk=item.pk)
    siblings = sorted(
        Item.objects.select_for_update().filter(day_id=item.day_id, parent_id=item.parent_id),
        key=_programme_key,
    )
    index = next(n for n, sibling in enumerate(siblings) if sibling.pk == item.pk)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(siblings):
        _renumber(siblings, item.day.event_id)
        return False
    siblings[index], siblings[other] = siblings[other], siblings[index]
    _renumber(siblings, item.day.event_id)
    record(
        "programme.item-updated",
        event=item.day.event,
        actor=changed_by,
        target=item.title,
        changes={"position": [str(index + 1), str(other + 1)]},
    )
    return True


@transaction.atomic
def add_day(event: Event, *, date: dt.date, changed_by, label: str = "") -> Day:
    if Day.objects.filter(event=event, date=date).exists():
        raise ValidationError({"date": _("The programme already has this day.")})
    day = Day(event=event, date=date, label=label)
    day.full_clean()
    day.save()
    record(
        "programme.day-added",
        event=event,
        actor=changed_by,
        target=date.isoformat(),
        changes={"date": ["", date.isoformat()]},
    )
    return day


@transaction.atomic
def delete_day(day: Day, *, changed_by) -> None:
    """Delete a day without items; a day with items is refused."""
    if day.items.exists():
        raise ValidationError(
            _("Only an empty day can be deleted: move or delete its items first.")
        )
    event = day.event
    target = day.date.isoformat()
    day.delete()
    record(
        "programme.day-deleted",
        event=event,
        actor=changed_by,
        target=target,
        changes={"date": [target, ""]},
    )
