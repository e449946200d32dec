import csv
import datetime as dt
import io

import pytest
from django.utils import translation

from samling.exports.spreadsheets import FORMATS, SHEETS, export
from samling.registration.models import Option, Question, Registration
from samling.registration.services import cancel_registration, register
from tests.factories import CPH, MunicipalityFactory, open_event, registration_data

pytestmark = pytest.mark.integration

NAMES = ["Åsa Ångström", "Søren Ødegård 🙂", "Ærø Ærlig"]


def read_csv(content: bytes) -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for UTF-8
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def read_xlsx(content: bytes):
    from openpyxl import load_workbook

    worksheet = load_workbook(io.BytesIO(content)).active
    return worksheet, [list(row) for row in worksheet.iter_rows(values_only=True)]


@pytest.fixture
def event(db):
    """An English event with a bus, an airport pick-up, two meals and a question."""
    event = open_event(capacity=10, language="en")
    event.aero = MunicipalityFactory(name="Ærø")
    event.network.members.add(event.aero)
    event.bus = Option.objects.create(
        event=event, key="bus", kind="bus", label="Bus to the plant", capacity=2, position=0
    )
    event.pickup = Option.objects.create(
        event=event, key="fly", kind="pickup", label="Airport", asks_arrival=True, position=1
    )
    event.lunch = Option.objects.create(
        event=event, key="lunch", kind="meal", label="Lunch", position=2
    )
    event.dinner = Option.objects.create(
        event=event, key="dinner", kind="meal", label="Dinner", position=3
    )
    Question.objects.create(event=event, key="tour", kind="yes_no", label="Join the tour?")
    return event


def at(event, hour, minute):
    return dt.datetime.combine(event.local_start.date(), dt.time(hour, minute), tzinfo=CPH)


def add(event, n, **fields):
    return register(event, registration_data(n, language="en", **fields))[0]


@pytest.fixture
def registered(event):
    category = event.categories.get(key="politician")
    add(
        event,
        0,
        name=NAMES[0],
        organisation="Ærø Kommune",
        municipality=event.aero,
        category=category,
        phone="+45 20 12 34 56",
        dietary_needs="Vegetarian",
        arrival=at(event, 11, 5),
        flight="SK 123",
        answers={"tour": True},
        options=[event.bus, event.pickup, event.lunch, event.dinner],
    )
    add(
        event,
        1,
        name=NAMES[1],
        title='=HYPERLINK("http://evil.example")',
        dietary_needs=" vegetarian. ",
        arrival=at(event, 8, 40),
        options=[event.bus, event.pickup, event.lunch],
    )
    add(
        event,
        2,
        name=NAMES[2],
        dietary_needs="Nut allergy 🥜",
        options=[event.bus, event.pickup, event.lunch, event.dinner],
    )
    gone = add(event, 3, name="Cancelled Person", options=[event.lunch])
    cancel_registration(gone)
    return event


def test_every_list_is_produced_in_both_formats(event):
    for kind in SHEETS:
        for fmt in FORMATS:
            content = export(event, kind, fmt)
            rows = read_csv(content) if fmt == "csv" else read_xlsx(content)[1]
            assert rows and rows[0][0]  # at least the header


def test_participants_csv(registered):
    rows = read_csv(export(registered, "participants", "csv"))
    header, *data = rows
    assert header[:8] == [
        "Name",
        "E-mail address",
        "Phone",
        "Title",
        "Organisation",
        "Municipality",
        "Category",
        "Status",
    ]
    assert header[-1] == "Join the tour?"
    assert [row[0] for row in data] == NAMES  # no cancelled registration
    first = dict(zip(header, data[0], strict=True))
    assert first["Municipality"] == "Ærø"
    assert first["Phone"] == "+45 20 12 34 56"  # a phone number is not taken for a formula
    assert first["Arrival"] == f"{registered.local_start.date().isoformat()} 11:05"
    assert first["Join the tour?"] == "Yes"
    assert first["Choices"] == "Bus to the plant; Airport; Lunch; Dinner"
    third = dict(zip(header, data[2], strict=True))
    assert third["Choices"].startswith("Bus to the plant (waiting list)")
    # A formula typed into a field stays text.
    assert data[1][header.index("Title")] == '\'=HYPERLINK("http://evil.example")'


def test_participants_xlsx(registered):
    worksheet, rows = read_xlsx(export(registered, "participants", "xlsx"))
    header, *data = rows
    assert header[0] == "Name" and header[-1] == "Join the tour?"
    assert [row[0] for row in data] == NAMES
    assert worksheet.freeze_panes == "A2"
    assert worksheet["A1"].font.bold
    assert not worksheet["A2"].font.bold
    assert worksheet.column_dimensions["A"].width >= len("Søren Ødegård 🙂")
    arrival = data[0][header.index("Arrival")]
    assert arrival == dt.datetime.combine(registered.local_start.date(), dt.time(11, 5))
    title_cell = worksheet.cell(row=3, column=header.index("Title") + 1)
    assert title_cell.data_type == "s"
    assert title_cell.value == '=HYPERLINK("http://evil.example")'


def test_pickup_list_is_in_order_of_arrival(registered):
    header, *data = read_csv(export(registered, "pickup", "csv"))
    assert header[:3] == ["Arrival", "Flight", "Name"]
    assert [row[2] for row in data] == [NAMES[1], NAMES[0], NAMES[2]]
    assert data[0][0].endswith("08:40") and data[2][0] == ""
    _worksheet, rows = read_xlsx(export(registered, "pickup", "xlsx"))
    assert [row[2] for row in rows[1:]] == [NAMES[1], NAMES[0], NAMES[2]]
    assert rows[1][0].time() == dt.time(8, 40)


def test_bus_list_shows_who_has_a_seat(registered):
    header, *data = read_csv(export(registered, "bus", "csv"))
    seat = header.index("Seat")
    assert [(row[1], row[seat]) for row in data] == [
        (NAMES[1], "yes"),  # by name: S before Å
        (NAMES[0], "yes"),
        (NAMES[2], "waiting list"),
    ]
    assert {row[0] for row in data} == {"Bus to the plant"}


def test_meal_counts_per_dietary_need(registered):
    for rows in (
        read_csv(export(registered, "meals", "csv")),
        read_xlsx(export(registered, "meals", "xlsx"))[1],
    ):
        header, *data = rows
        assert header == ["Meal", "Dietary needs", "Number"]
        table = [[str(value) for value in row] for row in data]
        assert table == [
            ["Lunch", "All", "3"],
            ["Lunch", "Vegetarian", "2"],
            ["Lunch", "Nut allergy 🥜", "1"],
            ["Lunch", "No special needs", "0"],
            ["Dinner", "All", "2"],
            ["Dinner", "Nut allergy 🥜", "1"],
            ["Dinner", "Vegetarian", "1"],
            ["Dinner", "No special needs", "0"],
        ]


def test_badges(registered):
    header, *data = read_csv(export(registered, "badges", "csv"))
    assert header == ["Name", "Title", "Organisation", "Municipality", "Category"]
    assert [row[0] for row in data] == sorted(NAMES)
    by_name = {row[0]: row for row in data}
    assert by_name[NAMES[0]] == [NAMES[0], "", "Ærø Kommune", "Ærø", "Politician"]


def test_headers_and_words_are_in_the_event_language(db):
    event = open_event(capacity=1, language="da")
    register(event, registration_data(0))
    register(event, registration_data(1))
    header, *data = read_csv(export(event, "participants", "csv"))
    assert header[0] == "Navn"
    with translation.override("da"):
        statuses = [
            str(s.label) for s in (Registration.Status.CONFIRMED, Registration.Status.WAITLISTED)
        ]
    assert statuses != ["confirmed", "on the waiting list"]
    assert [row[header.index("Status")] for row in data] == statuses
    assert [row[header.index("Status") + 1] for row in data] == ["", "1"]  # waiting list position


def test_control_characters_do_not_break_the_xlsx(event):
    add(event, 0, name="Tab\tand\x0bvertical")
    _worksheet, rows = read_xlsx(export(event, "badges", "xlsx"))
    assert rows[1][0] == "Tab\tandvertical"
