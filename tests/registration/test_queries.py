import datetime as dt

import pytest

from samling.registration.models import Option, Registration
from samling.registration.organiser import move_to_waitlist
from samling.registration.queries import (
    ACTIVE,
    badge_names,
    bus_list,
    counts_for_event,
    meal_counts,
    normalise_need,
    pickup_list,
    published_event_to_register_for,
    registrations_for_organiser,
    waiting_list,
)
from samling.registration.services import cancel_registration, register, waitlist_position
from tests.factories import CPH, MunicipalityFactory, open_event, registration_data

pytestmark = pytest.mark.integration


@pytest.fixture
def event(db):
    event = open_event(capacity=3)
    event.aero = MunicipalityFactory(name="Ærø")
    event.odense = MunicipalityFactory(name="Odense")
    event.network.members.add(event.aero, event.odense)
    event.politician, event.official, _other = event.categories.all()
    event.bus = Option.objects.create(
        event=event, key="bus", kind="bus", label="Bus", capacity=1, position=0
    )
    event.lunch = Option.objects.create(
        event=event, key="lunch", kind="meal", label="Frokost", position=1
    )
    return event


def add(event, n, **fields):
    return register(event, registration_data(n, **fields))[0]


def test_registrations_for_organiser_filters(event):
    add(
        event,
        0,
        name="Anne Ångström",
        organisation="Ærø Kommune",
        municipality=event.aero,
        category=event.politician,
        options=[event.bus],
    )
    bo = add(event, 1, name="Bo Berg", municipality=event.odense, category=event.official)
    add(event, 2, name="Cai Dahl", email="cai@odense.dk", options=[event.lunch])
    dora = add(event, 3, name="Dora Eng", category=event.politician)  # waiting list
    cancel_registration(bo)  # Dora moves up

    def names(**filters):
        return [r.name for r in registrations_for_organiser(event, **filters)]

    assert names() == ["Anne Ångström", "Bo Berg", "Cai Dahl", "Dora Eng"]
    assert names(status=ACTIVE) == ["Anne Ångström", "Cai Dahl", "Dora Eng"]
    assert names(status="cancelled") == ["Bo Berg"]
    assert names(search="odense.DK") == ["Cai Dahl"]
    assert names(search="kommune anne") == ["Anne Ångström"]
    assert names(category=event.politician) == ["Anne Ångström", "Dora Eng"]
    assert names(category=event.politician.pk, status="confirmed") == [
        "Anne Ångström",
        "Dora Eng",
    ]
    assert names(municipality=event.odense) == ["Bo Berg"]
    assert names(option=event.bus.pk) == ["Anne Ångström"]
    dora.refresh_from_db()
    assert dora.status == Registration.Status.CONFIRMED


def test_registrations_for_organiser_reads_in_a_fixed_number_of_queries(
    event, django_assert_num_queries
):
    for n in range(3):
        add(event, n, municipality=event.aero, category=event.official, options=[event.bus])
    with django_assert_num_queries(2):
        rows = list(registrations_for_organiser(event))
        for registration in rows:
            assert registration.category.name and registration.municipality.name
            assert [c.option.label for c in registration.chosen_options.all()] == ["Bus"]


def test_counts_for_event(event):
    add(event, 0, category=event.politician, municipality=event.aero, options=[event.bus])
    add(event, 1, category=event.politician, municipality=event.aero, options=[event.bus])
    add(event, 2, category=event.official, options=[event.lunch])
    add(event, 3, category=event.official, municipality=event.odense)  # waiting
    add(event, 4)  # waiting, no category
    counts = counts_for_event(event)
    assert (counts.confirmed, counts.waitlisted, counts.capacity, counts.available) == (3, 2, 3, 0)
    categories = [(t.obj, t.confirmed, t.waitlisted) for t in counts.categories]
    other = event.categories.get(key="other")
    assert categories == [
        (event.politician, 2, 0),
        (event.official, 1, 1),
        (other, 0, 0),
        (None, 0, 1),  # no category given
    ]
    municipalities = [(t.label, t.confirmed, t.waitlisted) for t in counts.municipalities]
    assert municipalities == [("Odense", 0, 1), ("Ærø", 2, 0), ("", 1, 1)]
    options = {
        t.label: (t.confirmed, t.waitlisted, t.capacity, t.available) for t in counts.options
    }
    assert options == {"Bus": (1, 1, 1, 0), "Frokost": (1, 0, None, None)}


def test_waiting_list_positions_match_the_service(event):
    for n in range(6):
        add(event, n)
    first = Registration.objects.get(email="deltager0@example.org")
    move_to_waitlist(first)
    waiting = waiting_list(event)
    assert [(p, r.name) for p, r in waiting] == [
        (1, "Deltager 0"),
        (2, "Deltager 3"),
        (3, "Deltager 4"),
        (4, "Deltager 5"),
    ]
    assert all(waitlist_position(r) == p for p, r in waiting)


def test_bus_list_has_confirmed_participants_seated_first(event):
    add(event, 0, name="Åse Ø", options=[event.bus])
    add(event, 1, name="Bent", options=[event.bus])  # waits for a seat
    add(event, 2, name="Carl")
    add(event, 3, name="Dan", options=[event.bus])  # waits for the event
    rows = [(c.registration.name, c.status) for c in bus_list(event)]
    assert rows == [("Åse Ø", "confirmed"), ("Bent", "waitlisted")]


def test_pickup_list_is_sorted_by_arrival(event):
    pickup = Option.objects.create(
        event=event, key="fly", kind="pickup", label="Lufthavn", asks_arrival=True
    )
    day = event.local_start.date()

    def at(hour, minute):
        return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=CPH)

    add(event, 0, name="Sen", arrival=at(11, 5), options=[pickup])
    add(event, 1, name="Ukendt", options=[pickup])
    add(event, 2, name="Tidlig", arrival=at(8, 40), options=[pickup])
    names = [c.registration.name for c in pickup_list(event)]
    assert names == ["Tidlig", "Sen", "Ukendt"]


def test_normalise_need():
    assert normalise_need("  Vegetar. ") == "Vegetar"
    assert normalise_need("glutenfri\n  kost") == "glutenfri kost"
    assert normalise_need("") == ""


def test_meal_counts_per_dietary_need(db):
    event = open_event(capacity=10)
    lunch = Option.objects.create(event=event, key="lunch", kind="meal", label="Frokost")
    dinner = Option.objects.create(event=event, key="dinner", kind="meal", label="Middag")
    Option.objects.create(event=event, key="bus", kind="bus", label="Bus")
    needs = ["vegetar", " Vegetar. ", "VEGETAR", "Glutenfri", "", "", "nøddeallergi 🥜"]
    for n, need in enumerate(needs):
        add(event, n, dietary_needs=need, options=[lunch] if n % 2 else [lunch, dinner])
    cancelled = add(event, 99, dietary_needs="vegetar", options=[lunch, dinner])
    cancel_registration(cancelled)
    lunch_count, dinner_count = meal_counts(event)
    assert lunch_count.option == lunch
    assert lunch_count.total == 7
    assert lunch_count.without_needs == 2
    assert lunch_count.needs == [("Vegetar", 3), ("Glutenfri", 1), ("Nøddeallergi 🥜", 1)]
    assert dinner_count.total == 4  # n = 0, 2, 4, 6
    # "vegetar" and "VEGETAR" are one need, shown as first written (with a capital).
    assert dinner_count.needs == [("Vegetar", 2), ("Nøddeallergi 🥜", 1)]


def test_badge_names_are_the_confirmed_by_name(event):
    add(event, 0, name="Ølstykke Ødegård", title="Borgmester")
    add(event, 1, name="Anne Ærø")
    add(event, 2, name="Bo 🙂")
    add(event, 3, name="Aage Venter")  # waiting
    assert [r.name for r in badge_names(event)] == ["Anne Ærø", "Bo 🙂", "Ølstykke Ødegård"]


def _values(instance) -> dict:
    return {f.attname: getattr(instance, f.attname) for f in type(instance)._meta.concrete_fields}


def test_the_event_to_register_for_is_read_as_the_orm_reads_it(event, django_assert_num_queries):
    from samling.events.models import Event

    event.registration_settings.closes_at = dt.datetime(2030, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    event.registration_settings.save()
    expected = Event.objects.select_related("network", "registration_settings").get(pk=event.pk)
    with django_assert_num_queries(1):
        found = published_event_to_register_for(event.slug)
        settings = found.registration_settings
        assert found.network.pk == event.network_id and settings.event is found
    assert _values(found) == _values(expected)
    assert _values(found.network) == _values(expected.network)
    assert _values(settings) == _values(expected.registration_settings)
    # Times come back as aware datetimes, JSON as Python values, on SQLite as on PostgreSQL.
    assert settings.closes_at == dt.datetime(2030, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    assert settings.is_open() and not settings.is_full


def test_the_event_to_register_for_without_settings_or_unpublished(db):
    from tests.factories import EventFactory

    without = EventFactory(is_published=True)
    found = published_event_to_register_for(without.slug)
    assert found.pk == without.pk and not hasattr(found, "registration_settings")
    unpublished = EventFactory(is_published=False)
    assert published_event_to_register_for(unpublished.slug) is None
    assert published_event_to_register_for("no-such-event") is None
