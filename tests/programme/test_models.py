import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from samling.programme.models import Item
from samling.programme.queries import programme_for_event, programme_json
from tests.factories import DayFactory, EventFactory, ItemFactory, SpeakerRoleFactory, TrackFactory

pytestmark = pytest.mark.integration


def test_item_end_before_start_is_refused_by_the_database(db):
    with pytest.raises(IntegrityError):
        ItemFactory(start_time=dt.time(14, 0), end_time=dt.time(13, 0))


def test_item_end_without_start_is_refused_by_the_database(db):
    with pytest.raises(IntegrityError):
        ItemFactory(start_time=None, end_time=dt.time(13, 0))


def test_item_open_end_and_untimed_items_are_allowed(db):
    ItemFactory(start_time=dt.time(18, 0), end_time=None)
    ItemFactory(start_time=None, end_time=None)
    assert Item.objects.count() == 2


def test_item_clean_explains_a_wrong_end(db):
    item = ItemFactory.build(day=DayFactory(), start_time=dt.time(14, 0), end_time=dt.time(13, 0))
    with pytest.raises(ValidationError) as error:
        item.clean()
    assert "end_time" in error.value.message_dict


def test_day_outside_the_event_is_refused(db):
    event = EventFactory()
    day = DayFactory.build(event=event, date=dt.date(2031, 1, 1))
    with pytest.raises(ValidationError) as error:
        day.clean()
    assert "date" in error.value.message_dict


def test_day_date_is_unique_per_event(db):
    day = DayFactory()
    with pytest.raises(IntegrityError):
        DayFactory(event=day.event, date=day.date)


def test_programme_for_event_nests_parallel_sessions_under_their_item(db):
    item = ItemFactory(kind=Item.Kind.GROUP_WORK, title="Gruppedrøftelse")
    event = item.day.event
    a = TrackFactory(event=event, name="Innovation", position=0)
    b = TrackFactory(event=event, name="Landdistrikter", position=1)
    ItemFactory(day=item.day, parent=item, track=b, title="Spor B")
    ItemFactory(day=item.day, parent=item, track=a, title="Spor A")
    (day,) = programme_for_event(event)
    assert [i.title for i in day.items] == ["Gruppedrøftelse"]
    assert [s.title for s in day.items[0].session_list] == ["Spor A", "Spor B"]


def test_programme_json_has_the_guide_shape(db):
    role = SpeakerRoleFactory(role_text="CEO, LINX")
    ItemFactory(day=role.item.day, start_time=dt.time(8, 0), end_time=None, approximate=True)
    data = programme_json(role.item.day.event)
    assert set(data) >= {"title", "language", "timezone", "days"}
    first, second = data["days"][0]["items"]
    assert first["start"] == "08:00" and first["end"] is None and first["approximate"] is True
    assert second["speakers"] == [
        {"name": role.person.name, "role": "CEO, LINX", "function": "speaker"}
    ]
    assert set(second) >= {"start", "end", "approximate", "title", "kind", "speakers", "track"}


def test_programme_for_event_uses_a_fixed_number_of_queries(db, django_assert_num_queries):
    for count in (1, 3):
        event = EventFactory()
        day = DayFactory(event=event)
        for _ in range(count):
            SpeakerRoleFactory(item=ItemFactory(day=day))
        with django_assert_num_queries(3):
            programme_for_event(event)
