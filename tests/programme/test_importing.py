import datetime as dt
import zoneinfo
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from samling.events.models import Event
from samling.networks.models import Person
from samling.programme.importer import parse
from samling.programme.importing import replace_programme, text_from_file
from samling.programme.models import Day, Item, SpeakerRole, Track
from samling.programme.queries import programme_for_event
from tests.factories import EventFactory, ItemFactory, PersonFactory, SpeakerRoleFactory

pytestmark = pytest.mark.integration

# A copy of shared/seeds/001_24760f5993204b02.txt, the Skellefteå seed.
SEED_TEXT = (
    Path(__file__).parent / "importer" / "examples" / "sv_industrikommuner_skelleftea.txt"
).read_text(encoding="utf-8")
STO = zoneinfo.ZoneInfo("Europe/Stockholm")

SKELLEFTEA_TIMES = [
    ("09:00", None, False, "transport"),
    ("09:30", None, True, "transport"),
    ("12:00", None, False, "meal"),
    ("13:00", None, False, "welcome"),
    ("13:15", "14:00", False, "talk"),
    ("14:00", "14:40", False, "talk"),
    ("14:40", "15:15", False, "panel"),
    ("15:15", "15:40", False, "break"),
    ("15:40", "16:15", False, "talk"),
    ("16:15", "17:00", False, "talk"),
    ("18:00", None, False, "meal"),
    ("09:00", "09:45", False, "talk"),
    ("09:45", "10:15", False, "panel"),
    ("10:15", "11:15", False, "group_work"),
    ("11:15", "12:00", False, "business"),
    ("12:00", "13:00", False, "meal"),
]


def skelleftea_event(**kwargs) -> Event:
    return EventFactory(
        language="sv",
        timezone="Europe/Stockholm",
        starts_at=dt.datetime(2027, 11, 25, 9, 0, tzinfo=STO),
        ends_at=dt.datetime(2027, 11, 26, 13, 0, tzinfo=STO),
        **kwargs,
    )


def seed_programme() -> dict:
    return parse(SEED_TEXT, language="sv", year=2027)


def _hhmm(value):
    return value.strftime("%H:%M") if value else None


def test_replace_programme_builds_the_skelleftea_programme_from_the_seed(db):
    event = skelleftea_event()
    summary = replace_programme(event, seed_programme())
    assert (summary.days, summary.items) == (2, 16)
    days = programme_for_event(event)
    assert [d.day.date for d in days] == [dt.date(2027, 11, 25), dt.date(2027, 11, 26)]
    items = [item for day in days for item in day.items]
    assert [
        (_hhmm(i.start_time), _hhmm(i.end_time), i.approximate, i.kind) for i in items
    ] == SKELLEFTEA_TIMES
    assert [len(day.items) for day in days] == [11, 5]


def test_replace_programme_creates_speakers_with_roles_and_functions(db):
    event = skelleftea_event()
    summary = replace_programme(event, seed_programme())
    dialog = Item.objects.get(day__event=event, title="Dialog")
    roles = [(r.person.name, r.function, r.role_text) for r in dialog.roles.all()]
    assert roles == [
        ("Ellen Heldahl", "speaker", ""),
        ("Klas Danerlov", "speaker", ""),
        ("Christer Asplund", "moderator", "moderator"),
    ]
    dinner = Item.objects.get(day__event=event, title="Gemensam middag på hotellet")
    assert [(r.person.name, r.function) for r in dinner.roles.all()] == [
        ("Kristina Sundin Jonsson", "host"),
        ("Peter J. Burman", "dinner_speaker"),
    ]
    talk = Item.objects.get(day__event=event, start_time=dt.time(16, 15))
    role = talk.roles.get()
    assert role.person.name == "Marie Fossum Strannegård"
    assert role.shown_role == "VD IVL, Svenska Miljöinstitutet"
    # Ten different people, each a person of the event's network.
    assert summary.people_created == 10
    assert Person.objects.filter(network=event.network).count() == 10
    assert summary.speakers == SpeakerRole.objects.filter(item__day__event=event).count() == 12


def test_replace_programme_keeps_agenda_description_and_notes(db):
    event = skelleftea_event()
    replace_programme(event, seed_programme())
    business = Item.objects.get(day__event=event, title="Gemensamma angelägenheter")
    assert business.agenda_points() == [
        "Medlemsfrågor",
        "Framtida temata",
        "Sponsorer",
        "Stärkt synlighet för nätverket",
        "Sammanfattning",
    ]
    assert business.description == "Första mötet efter pandemin och de digitala mötena"
    talks = Item.objects.get(day__event=event, start_time=dt.time(10, 15))
    assert talks.notes == "Kaffe serveras i anslutning till denna punkts start."


def test_replacing_twice_does_not_duplicate_people_or_items(db):
    event = skelleftea_event()
    replace_programme(event, seed_programme())
    second = replace_programme(event, seed_programme())
    assert second.people_created == 0
    assert second.items_replaced == 16
    assert Person.objects.filter(network=event.network).count() == 10
    assert Item.objects.filter(day__event=event).count() == 16
    assert Day.objects.filter(event=event).count() == 2


def test_existing_people_keep_their_title_and_organisation(db):
    event = skelleftea_event()
    known = PersonFactory(
        network=event.network, name="Karin Bodin", title="Koncern-VD", organisation="Polarbröd"
    )
    replace_programme(event, seed_programme())
    known.refresh_from_db()
    assert (known.title, known.organisation) == ("Koncern-VD", "Polarbröd")
    assert known.roles.get().role_text == "Koncern-VD Polarbröd i Älvsbyn"
    new = Person.objects.get(network=event.network, name="Bengt Ivansson")
    assert new.title == "f d näringslivschef i Skellefteå"


def test_people_of_another_network_are_not_used(db):
    event = skelleftea_event()
    stranger = PersonFactory(name="Karin Bodin")
    replace_programme(event, seed_programme())
    assert not stranger.roles.exists()
    assert Person.objects.filter(network=event.network, name="Karin Bodin").exists()


def test_replace_programme_removes_the_old_programme_and_tracks(db):
    event = skelleftea_event()
    old = ItemFactory(day__event=event, title="Gammalt", day__date=dt.date(2027, 11, 25))
    Track.objects.create(event=event, name="Gammalt spor")
    replace_programme(event, seed_programme())
    assert not Item.objects.filter(pk=old.pk).exists()
    assert not Track.objects.filter(event=event, name="Gammalt spor").exists()


def test_keep_people_false_deletes_people_only_on_the_old_programme(db):
    event = skelleftea_event()
    old_item = ItemFactory(day__event=event, day__date=dt.date(2027, 11, 25))
    role = SpeakerRoleFactory(item=old_item)
    elsewhere = SpeakerRoleFactory(item=old_item).person
    SpeakerRoleFactory(
        item__day__event=EventFactory(network=event.network), person=elsewhere
    )  # also speaks at another event
    replace_programme(event, seed_programme(), keep_people=False)
    assert not Person.objects.filter(pk=role.person_id).exists()
    assert Person.objects.filter(pk=elsewhere.pk).exists()


def test_replace_programme_marks_the_event_changed(db):
    event = skelleftea_event()
    before = Event.objects.get(pk=event.pk).revision
    replace_programme(event, seed_programme())
    assert Event.objects.get(pk=event.pk).revision > before


def test_days_without_a_date_take_the_event_days_in_order(db):
    event = skelleftea_event()
    programme = {
        "days": [
            {"date": None, "items": [{"start": "10:00", "title": "Första", "kind": "talk"}]},
            {"date": None, "items": [{"start": "09:00", "title": "Andra", "kind": "talk"}]},
        ]
    }
    replace_programme(event, programme)
    assert [(i.day.date, i.title) for i in Item.objects.filter(day__event=event)] == [
        (dt.date(2027, 11, 25), "Första"),
        (dt.date(2027, 11, 26), "Andra"),
    ]


def test_tracks_are_created_by_name(db):
    event = skelleftea_event()
    items = [
        {"start": "10:00", "title": "A1", "kind": "group_work", "track": "Spor 1"},
        {"start": "10:00", "title": "B1", "kind": "group_work", "track": "Spor 2"},
        {"start": "11:00", "title": "A2", "kind": "group_work", "track": "Spor 1"},
    ]
    replace_programme(event, {"days": [{"date": "2027-11-25", "items": items}]})
    assert list(Track.objects.filter(event=event).values_list("name", "kind")) == [
        ("Spor 1", "parallel"),
        ("Spor 2", "parallel"),
    ]
    assert Item.objects.get(title="A2").track.name == "Spor 1"


def _errors(event, items, date="2027-11-25") -> list[str]:
    with pytest.raises(ValidationError) as caught:
        replace_programme(event, {"days": [{"date": date, "items": items}]})
    return caught.value.messages


def test_validation_errors_name_each_bad_item_and_write_nothing(db):
    event = skelleftea_event()
    ItemFactory(day__event=event, day__date=dt.date(2027, 11, 25), title="Kvar")
    messages = _errors(
        event,
        [
            {"start": "10:00", "end": "09:00", "title": "Baklänges", "kind": "talk"},
            {"start": "25:99", "title": "Omöjlig tid", "kind": "talk"},
            {"start": "11:00", "title": "x" * 501, "kind": "talk"},
            {"start": None, "end": "12:00", "title": "Slut utan start", "kind": "talk"},
            {"start": "12:00", "title": "", "kind": "talk"},
            {"start": "13:00", "title": "Okänd sort", "kind": "party"},
        ],
    )
    assert len(messages) == 6
    assert messages[0].startswith("Item 1 on ") and "must end after it starts" in messages[0]
    assert "“25:99” is not a time" in messages[1]
    assert "longer than 500 characters" in messages[2]
    assert "an item with an end needs a start" in messages[3]
    assert "the title is empty" in messages[4]
    assert "“party” is not a kind" in messages[5]
    # Nothing was written: the old programme is still there.
    assert list(Item.objects.filter(day__event=event).values_list("title", flat=True)) == ["Kvar"]


def test_a_day_outside_the_event_is_refused(db):
    event = skelleftea_event()
    messages = _errors(event, [{"start": "10:00", "title": "För tidigt"}], date="2021-11-25")
    assert len(messages) == 1 and "lies outside the event" in messages[0]


def test_an_empty_programme_is_refused(db):
    event = skelleftea_event()
    with pytest.raises(ValidationError, match="no items"):
        replace_programme(event, {"days": []})


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("programme.exe", b"MZ", "Upload a .txt, .docx or .pdf file."),
        ("programme.txt", b"", "The file is empty."),
        ("programme.txt", b"\x00\x01\x02binary", "not plain text"),
        ("programme.pdf", b"%PDF-1.4 broken", "This PDF cannot be read"),
        ("programme.docx", b"PK\x03\x04broken", "This Word file cannot be read"),
    ],
)
def test_text_from_file_refuses_what_it_cannot_read(name, data, message):
    with pytest.raises(ValidationError, match=message):
        text_from_file(name, data)


def test_text_from_file_reads_utf8_and_windows_text():
    assert text_from_file("p.txt", "09.00 Välkommen".encode()) == "09.00 Välkommen"
    assert text_from_file("p.txt", "09.00 Välkommen".encode("cp1252")) == "09.00 Välkommen"
    assert text_from_file("p.txt", "09.00 Välkommen".encode("utf-16")) == "09.00 Välkommen"
