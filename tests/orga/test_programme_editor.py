"""The organiser edits a programme by hand: list, add, edit, copy, move, delete, days."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samling.core.models import AuditEntry
from samling.events.models import EventChange
from samling.networks.models import Person
from samling.programme.models import Day, Item
from samling.registration.models import Option
from samling.registration.services import register
from tests.factories import (
    DayFactory,
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
def organiser(db):
    return TeamMembershipFactory(role="admin")


@pytest.fixture
def event(organiser):
    return open_event(network=organiser.network, title="Netværksmødet")


@pytest.fixture
def day(event):
    return DayFactory(event=event)


@pytest.fixture
def orga(client, organiser):
    client.force_login(organiser.user)
    return client


def url(name, event, **kwargs):
    return reverse(f"orga:{name}", kwargs={"slug": event.slug, **kwargs})


def item_data(day, speakers=(), initial_speakers=0, **fields):
    data = {
        "day": day.pk,
        "start_time": "10:00",
        "end_time": "10:45",
        "kind": "talk",
        "title": "Oplæg om innovation",
        "description": "",
        "location": "",
        "track": "",
        "parent": "",
        "agenda": "",
        "notes": "",
        "speakers-TOTAL_FORMS": str(max(3, len(speakers))),
        "speakers-INITIAL_FORMS": str(initial_speakers),
        "speakers-MIN_NUM_FORMS": "0",
        "speakers-MAX_NUM_FORMS": "50",
    }
    for n in range(max(3, len(speakers))):
        data[f"speakers-{n}-function"] = "speaker"
    for n, speaker in enumerate(speakers):
        for key, value in speaker.items():
            data[f"speakers-{n}-{key}"] = value
    data.update(fields)
    return data


def test_list_shows_days_items_and_sessions_in_constant_queries(orga, event, day):
    track = TrackFactory(event=event, name="Spor Nord")
    parent = ItemFactory(day=day, title="Parallelle spor", start_time=dt.time(13), end_time=None)
    ItemFactory(day=day, parent=parent, track=track, title="Session Nord", end_time=None)
    cancelled = ItemFactory(day=day, title="Aflyst oplæg", is_cancelled=True)
    SpeakerRoleFactory(item=cancelled, person__name="Anne Taler")

    def count():
        with CaptureQueriesContext(connection) as queries:
            response = orga.get(url("programme", event))
        assert response.status_code == 200
        return len(queries), response.content.decode()

    few, html = count()
    for title in ("Parallelle spor", "Session Nord", "Spor Nord", "Aflyst oplæg", "Anne Taler"):
        assert title in html
    assert "Cancelled" in html
    assert url("programme-import", event) in html
    assert 'class="pe-sessions"' in html
    for n in range(3):
        item = ItemFactory(day=day, title=f"Ekstra {n}", start_time=dt.time(15, n), end_time=None)
        SpeakerRoleFactory(item=item)
        ItemFactory(day=day, parent=item, track=track, title=f"Ekstra session {n}")
    many, html = count()
    assert "Ekstra session 2" in html
    assert many == few


def test_event_page_links_to_the_editor(orga, event):
    html = orga.get(url("event", event)).content.decode()
    assert url("programme", event) in html


def test_add_an_item_with_a_known_and_a_new_speaker(orga, event, day):
    known = PersonFactory(network=event.network, name="Kendt Borgmester")
    response = orga.get(url("programme-item-add", event) + f"?day={day.pk}")
    assert response.status_code == 200
    assert "Kendt Borgmester" in response.content.decode()
    data = item_data(
        day,
        speakers=[
            {"person": known.pk, "function": "moderator"},
            {"name": "Ny Direktør", "title": "Direktør", "organisation": "Ærø Kommune"},
        ],
    )
    response = orga.post(url("programme-item-add", event), data)
    item = Item.objects.get(title="Oplæg om innovation")
    assert response.status_code == 302
    assert response["Location"].endswith(f"#item-{item.pk}")
    assert item.start_time == dt.time(10) and item.day == day
    assert [(r.person.name, r.function) for r in item.roles.order_by("position")] == [
        ("Kendt Borgmester", "moderator"),
        ("Ny Direktør", "speaker"),
    ]
    assert Person.objects.get(name="Ny Direktør").network == event.network
    assert AuditEntry.objects.filter(action="programme.item-added", event=event).count() == 1


def test_an_invalid_time_keeps_the_input_and_says_why(orga, event, day):
    response = orga.post(
        url("programme-item-add", event),
        item_data(day, start_time="11:00", end_time="10:30", title="Baglæns"),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "The item must end after it starts." in html
    assert 'value="Baglæns"' in html and 'value="10:30"' in html
    response = orga.post(url("programme-item-add", event), item_data(day, start_time="25:99"))
    assert "Enter a valid time." in response.content.decode()
    assert not Item.objects.exists()


def test_both_a_person_and_a_new_name_in_one_row_is_refused(orga, event, day):
    known = PersonFactory(network=event.network)
    response = orga.post(
        url("programme-item-add", event),
        item_data(day, speakers=[{"person": known.pk, "name": "Nogen Andre"}]),
    )
    assert response.status_code == 200
    assert "Choose a person or write a new name, not both." in response.content.decode()
    assert not Item.objects.exists()


def test_moving_an_item_sends_the_organiser_to_the_notification(orga, event, day):
    register(event, registration_data(0))
    item = ItemFactory(day=day, title="Oplæg", start_time=dt.time(9), end_time=dt.time(10))
    SpeakerRoleFactory(item=item, person__name="Bliver På")
    response = orga.get(url("programme-item", event, pk=item.pk))
    assert 'value="Bliver På"' not in response.content.decode()  # chosen in the select
    data = item_data(
        day,
        speakers=[{"person": item.roles.get().person_id, "function": "speaker"}],
        initial_speakers=1,
        title="Oplæg",
        start_time="09:30",
        end_time="10:30",
    )
    response = orga.post(url("programme-item", event, pk=item.pk), data)
    assert response.status_code == 302
    assert response["Location"] == url("event-notify", event)
    change = EventChange.objects.get(event=event)
    assert change.kind == "programme"
    assert change.details["change"] == "moved"
    item.refresh_from_db()
    assert item.start_time == dt.time(9, 30)
    assert item.roles.get().person.name == "Bliver På"
    assert AuditEntry.objects.filter(action="programme.item-updated").exists()


def test_editing_a_title_goes_back_to_the_list(orga, event, day):
    item = ItemFactory(day=day, title="Gammel titel")
    SpeakerRoleFactory(item=item)
    data = item_data(
        day,
        speakers=[{"person": item.roles.get().person_id, "DELETE": "on"}],
        initial_speakers=1,
        title="Ny titel",
        start_time="09:00",
        end_time="09:45",
    )
    response = orga.post(url("programme-item", event, pk=item.pk), data)
    assert response.status_code == 302
    assert response["Location"].startswith(url("programme", event))
    item.refresh_from_db()
    assert item.title == "Ny titel"
    assert not item.roles.exists()
    assert not EventChange.objects.filter(event=event).exists()


def test_duplicate_and_move(orga, event, day):
    first = ItemFactory(day=day, title="Første", start_time=dt.time(9), end_time=None)
    ItemFactory(day=day, title="Anden", start_time=dt.time(10), end_time=None)
    assert orga.get(url("programme-item-duplicate", event, pk=first.pk)).status_code == 405
    response = orga.post(url("programme-item-duplicate", event, pk=first.pk))
    assert response.status_code == 302
    assert Item.objects.filter(title="Første").count() == 2
    second = Item.objects.get(title="Anden")
    response = orga.post(url("programme-item-move", event, pk=second.pk), {"direction": "up"})
    assert response.status_code == 302
    html = orga.get(url("programme", event)).content.decode()
    assert html.index("Første") < html.index("Anden") < html.rindex("Første")


def test_delete_asks_first_and_warns_about_options(orga, event, day):
    item = ItemFactory(day=day, title="Workshop om affald")
    Option.objects.create(
        event=event,
        key="affald",
        kind="programme",
        label="Jeg vil til affaldsworkshoppen",
        item=item,
    )
    response = orga.get(url("programme-item-delete", event, pk=item.pk))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Jeg vil til affaldsworkshoppen" in html
    assert Item.objects.filter(pk=item.pk).exists()
    response = orga.post(url("programme-item-delete", event, pk=item.pk))
    assert response.status_code == 302
    assert not Item.objects.filter(pk=item.pk).exists()
    assert Option.objects.get(key="affald").item is None


def test_add_and_delete_a_day(orga, event):
    date = event.local_start.date()
    response = orga.post(url("programme-day-add", event), {"date": date.isoformat()})
    assert response.status_code == 302
    day = Day.objects.get(event=event)
    response = orga.post(url("programme-day-add", event), {"date": "2001-01-01"})
    assert response.status_code == 200
    assert "A programme day must lie within the event" in response.content.decode()
    ItemFactory(day=day)
    orga.post(url("programme-day-delete", event, pk=day.pk))
    assert Day.objects.filter(pk=day.pk).exists()
    day.items.all().delete()
    assert orga.get(url("programme-day-delete", event, pk=day.pk)).status_code == 200
    orga.post(url("programme-day-delete", event, pk=day.pk))
    assert not Day.objects.filter(pk=day.pk).exists()
    assert list(AuditEntry.objects.order_by("pk").values_list("action", flat=True)) == [
        "programme.day-added",
        "programme.day-deleted",
    ]


def test_another_networks_admin_gets_404_everywhere(client, event, day):
    item = ItemFactory(day=day, title="Hemmeligt")
    outsider = TeamMembershipFactory(role="admin").user
    client.force_login(outsider)
    urls = [
        url("programme", event),
        url("programme-item-add", event) + f"?day={day.pk}",
        url("programme-item", event, pk=item.pk),
        url("programme-item-duplicate", event, pk=item.pk),
        url("programme-item-move", event, pk=item.pk),
        url("programme-item-delete", event, pk=item.pk),
        url("programme-day-add", event),
        url("programme-day-delete", event, pk=day.pk),
    ]
    for address in urls:
        assert client.post(address, item_data(day, direction="up")).status_code == 404, address
        if "duplicate" not in address and "move" not in address:
            assert client.get(address).status_code == 404, address
    assert Item.objects.get().title == "Hemmeligt"
    assert Day.objects.filter(pk=day.pk).exists()
    assert not AuditEntry.objects.exists()


def test_an_item_of_another_event_is_not_found(orga, event, day):
    other = ItemFactory()
    assert orga.get(url("programme-item", event, pk=other.pk)).status_code == 404
    assert orga.post(url("programme-item-delete", event, pk=other.pk)).status_code == 404
    assert Item.objects.filter(pk=other.pk).exists()


def test_a_parallel_session_joins_its_parent_on_the_same_day(orga, event, day):
    parent = ItemFactory(day=day, title="Parallelle spor", start_time=dt.time(10), end_time=None)
    track = TrackFactory(event=event, name="Spor Syd")
    other_track = TrackFactory(name="Fremmed spor")
    response = orga.get(url("programme-item-add", event))
    assert "Spor Syd" in response.content.decode()
    assert "Fremmed spor" not in response.content.decode()
    data = item_data(day, title="Session Syd", parent=parent.pk, track=track.pk)
    assert orga.post(url("programme-item-add", event), data).status_code == 302
    assert [s.title for s in parent.sessions.all()] == ["Session Syd"]
    response = orga.post(
        url("programme-item-add", event), item_data(day, title="Forkert", track=other_track.pk)
    )
    assert response.status_code == 200
    response = orga.post(
        url("programme-item-add", event),
        item_data(day, title="Uden navn", speakers=[{"organisation": "Ærø Kommune"}]),
    )
    assert "Write the new person&#x27;s name." in response.content.decode()
    assert not Item.objects.filter(title__in=["Forkert", "Uden navn"]).exists()


def test_the_same_person_twice_and_nesting_sessions_are_refused(orga, event, day):
    known = PersonFactory(network=event.network)
    twice = [{"person": known.pk}, {"person": known.pk}]
    response = orga.post(url("programme-item-add", event), item_data(day, speakers=twice))
    assert "The same person is listed twice with the same function." in response.content.decode()
    parent = ItemFactory(day=day, title="Har sessioner")
    ItemFactory(day=day, parent=parent)
    other = ItemFactory(day=day, title="Andet")
    data = item_data(day, title="Har sessioner", parent=other.pk, start_time="09:00")
    response = orga.post(url("programme-item", event, pk=parent.pk), data)
    assert response.status_code == 200
    assert "cannot be part of another" in response.content.decode()
