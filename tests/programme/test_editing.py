import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from samling.core.models import AuditEntry
from samling.events.models import EventChange
from samling.programme import editing
from samling.programme.models import Day, Item, SpeakerRole
from samling.registration.models import Option
from samling.registration.services import register
from tests.factories import (
    DayFactory,
    EventFactory,
    ItemFactory,
    PersonFactory,
    SpeakerRoleFactory,
    TeamMembershipFactory,
    TrackFactory,
    open_event,
    registration_data,
)

pytestmark = pytest.mark.integration


@pytest.fixture
def admin(db):
    return TeamMembershipFactory(role="admin").user


def titles(day):
    items = Item.objects.filter(day=day, parent__isnull=True)
    return [i.title for i in sorted(items, key=editing._programme_key)]


def actions(event):
    return list(
        AuditEntry.objects.filter(event=event).order_by("pk").values_list("action", "target")
    )


def test_add_item_places_it_by_time_and_writes_the_log(admin):
    day = DayFactory()
    ItemFactory(day=day, title="Morgen", start_time=dt.time(9), end_time=dt.time(10))
    ItemFactory(day=day, title="Frokost", start_time=dt.time(12), end_time=dt.time(13))
    item = editing.add_item(
        day,
        changed_by=admin,
        title="Formiddag",
        start_time=dt.time(10, 30),
        end_time=dt.time(11),
        kind=Item.Kind.TALK,
    )
    assert titles(day) == ["Morgen", "Formiddag", "Frokost"]
    assert [i.position for i in Item.objects.filter(day=day).order_by("position")] == [0, 1, 2]
    entry = AuditEntry.objects.get(action="programme.item-added")
    assert entry.target == "Formiddag" and entry.actor == admin and entry.event == day.event
    assert item.pk


def test_add_item_refuses_an_end_before_the_start(admin):
    day = DayFactory()
    with pytest.raises(ValidationError) as error:
        editing.add_item(
            day, changed_by=admin, title="Baglæns", start_time=dt.time(10), end_time=dt.time(9)
        )
    assert "end_time" in error.value.error_dict
    assert not Item.objects.exists()
    assert not AuditEntry.objects.exists()


def test_set_speakers_picks_network_people_and_adds_new_ones(admin):
    item = ItemFactory()
    network = item.day.event.network
    known = PersonFactory(network=network, name="Kendt Person")
    editing.set_speakers(
        item,
        [
            {"person": known, "function": "moderator", "role_text": ""},
            {"name": "Ny Person", "title": "Borgmester", "organisation": "Ærø Kommune"},
        ],
    )
    roles = list(item.roles.order_by("position"))
    assert [(r.person.name, r.function) for r in roles] == [
        ("Kendt Person", "moderator"),
        ("Ny Person", "speaker"),
    ]
    assert roles[1].person.network == network
    assert roles[1].person.organisation == "Ærø Kommune"
    other = PersonFactory()
    with pytest.raises(ValidationError):
        editing.set_speakers(item, [{"person": other}])


def test_edit_item_goes_through_the_change_flow(admin):
    event = open_event()
    register(event, registration_data(0))
    day = DayFactory(event=event)
    item = ItemFactory(day=day, title="Oplæg", start_time=dt.time(9), end_time=dt.time(10))
    change = editing.edit_item(
        Item.objects.get(pk=item.pk),
        changed_by=admin,
        start_time=dt.time(9, 30),
        end_time=dt.time(10, 30),
    )
    assert change.kind == EventChange.Kind.PROGRAMME
    assert change.notification == EventChange.Notification.PENDING
    assert change.details["change"] == "moved"
    entry = AuditEntry.objects.get(action="programme.item-updated")
    assert entry.changes["start_time"] == ["09:00:00", "09:30:00"]


def test_edit_item_title_only_records_no_change_for_registrants(admin):
    item = ItemFactory(title="Før")
    change = editing.edit_item(Item.objects.get(pk=item.pk), changed_by=admin, title="Efter")
    assert change is None
    assert AuditEntry.objects.get().changes["title"] == ["Før", "Efter"]


def test_duplicate_item_copies_people_and_sessions_right_after(admin):
    day = DayFactory()
    first = ItemFactory(day=day, title="Parallelt", start_time=dt.time(9))
    ItemFactory(day=day, title="Senere", start_time=dt.time(11), end_time=None)
    SpeakerRoleFactory(item=first)
    track = TrackFactory(event=day.event)
    ItemFactory(day=day, parent=first, title="Spor A", track=track)
    editing.place_item(first)
    first.is_cancelled = True
    first.save()
    copy = editing.duplicate_item(first, changed_by=admin)
    assert titles(day) == ["Parallelt", "Parallelt", "Senere"]
    assert copy.pk != first.pk and not copy.is_cancelled
    assert copy.roles.count() == 1
    assert [s.title for s in copy.sessions.all()] == ["Spor A"]
    assert copy.sessions.get().track == track
    assert actions(day.event) == [("programme.item-added", "Parallelt")]


def test_move_item_swaps_with_its_neighbour_and_normalises(admin):
    day = DayFactory()
    for n, title in enumerate(["A", "B", "C"]):
        ItemFactory(day=day, title=title, start_time=dt.time(9 + n), end_time=None, position=0)
    b = Item.objects.get(title="B")
    assert editing.move_item(b, direction="up", changed_by=admin)
    assert titles(day) == ["B", "A", "C"]
    assert sorted(Item.objects.values_list("position", flat=True)) == [0, 1, 2]
    assert editing.move_item(b, direction="down", changed_by=admin)
    assert editing.move_item(b, direction="down", changed_by=admin)
    assert titles(day) == ["A", "C", "B"]
    assert not editing.move_item(b, direction="down", changed_by=admin)
    assert titles(day) == ["A", "C", "B"]
    assert AuditEntry.objects.filter(action="programme.item-updated").count() == 3


def test_move_item_stays_among_the_sessions_of_its_parent(admin):
    day = DayFactory()
    parent = ItemFactory(day=day, title="Parallelle spor")
    one = ItemFactory(day=day, parent=parent, title="Spor 1")
    ItemFactory(day=day, parent=parent, title="Spor 2")
    ItemFactory(day=day, title="Efter", start_time=dt.time(12), end_time=None)
    editing.move_item(one, direction="down", changed_by=admin)
    sessions = sorted(parent.sessions.all(), key=editing._programme_key)
    assert [s.title for s in sessions] == ["Spor 2", "Spor 1"]
    assert titles(day) == ["Parallelle spor", "Efter"]


def test_delete_item_keeps_its_option_and_writes_the_log(admin):
    event = open_event()
    item = ItemFactory(day__event=event, title="Workshop")
    ItemFactory(day=item.day, parent=item, title="Session")
    option = Option.objects.create(
        event=event, key="ws", kind="programme", label="Workshop", item=item
    )
    editing.delete_item(item, changed_by=admin)
    assert not Item.objects.exists()
    option.refresh_from_db()
    assert option.item is None
    assert actions(event) == [("programme.item-deleted", "Workshop")]


def test_add_day_within_the_event_and_not_twice(admin):
    event = EventFactory(
        starts_at=dt.datetime(2030, 5, 14, 9, tzinfo=dt.UTC),
        ends_at=dt.datetime(2030, 5, 15, 15, tzinfo=dt.UTC),
    )
    day = editing.add_day(event, date=dt.date(2030, 5, 15), label="Dag 2", changed_by=admin)
    assert day.label == "Dag 2"
    with pytest.raises(ValidationError) as twice:
        editing.add_day(event, date=dt.date(2030, 5, 15), changed_by=admin)
    assert "date" in twice.value.error_dict
    with pytest.raises(ValidationError) as outside:
        editing.add_day(event, date=dt.date(2030, 5, 17), changed_by=admin)
    assert "date" in outside.value.error_dict
    assert actions(event) == [("programme.day-added", "2030-05-15")]


def test_delete_day_only_when_empty(admin):
    day = DayFactory()
    item = ItemFactory(day=day)
    with pytest.raises(ValidationError):
        editing.delete_day(day, changed_by=admin)
    item.delete()
    editing.delete_day(day, changed_by=admin)
    assert not Day.objects.exists()
    assert actions(day.event) == [("programme.day-deleted", day.date.isoformat())]


def test_set_speakers_replaces_the_list_without_duplicates(admin):
    role = SpeakerRoleFactory()
    item = role.item
    editing.set_speakers(
        item,
        [
            {"person": role.person, "function": "speaker"},
            {"person": role.person, "function": "speaker"},
        ],
    )
    assert SpeakerRole.objects.filter(item=item).count() == 1


def test_edit_item_to_another_day_takes_its_sessions_along(admin):
    event = EventFactory(
        starts_at=dt.datetime(2030, 5, 14, 9, tzinfo=dt.UTC),
        ends_at=dt.datetime(2030, 5, 15, 15, tzinfo=dt.UTC),
    )
    first = DayFactory(event=event, date=dt.date(2030, 5, 14))
    second = DayFactory(event=event, date=dt.date(2030, 5, 15))
    parent = ItemFactory(day=first, title="Spor")
    session = ItemFactory(day=first, parent=parent)
    editing.edit_item(Item.objects.get(pk=parent.pk), changed_by=admin, day=second)
    session.refresh_from_db()
    assert session.day == second
    assert AuditEntry.objects.get().changes["day"] == ["2030-05-14", "2030-05-15"]
