import datetime as dt
import zoneinfo

import pytest
from django.urls import reverse

from samling.events.models import Event, OnlineMeeting
from samling.programme.models import Item
from tests.factories import (
    CPH,
    DayFactory,
    EventFactory,
    ItemFactory,
    NetworkFactory,
    TrackFactory,
    VenueFactory,
)

from .helpers import INDUSTRIDAGEN, KL, SKELLEFTEA, fetch, parse_ics, vevents

pytestmark = pytest.mark.integration

STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")


def event_ics(slug):
    return reverse("public:event-ical", kwargs={"slug": slug})


def programme_ics(slug):
    return reverse("public:programme-ical", kwargs={"slug": slug})


def by_uid(content: bytes) -> dict:
    return {str(v["UID"]): v for v in vevents(content)}


def test_kl_event_calendar_is_in_summer_time_with_its_time_zone(client, kl_event):
    response = fetch(client, event_ics(KL))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{KL}.ics"'
    calendar = parse_ics(response.content)
    assert str(calendar["VERSION"]) == "2.0" and calendar["PRODID"]
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Copenhagen"]
    (vevent,) = calendar.walk("VEVENT")
    start, end = vevent["DTSTART"].dt, vevent["DTEND"].dt
    assert vevent["DTSTART"].params["TZID"] == "Europe/Copenhagen"
    assert start == dt.datetime(2020, 9, 30, 12, 30, tzinfo=CPH)
    assert end == dt.datetime(2020, 9, 30, 15, 30, tzinfo=CPH)
    # 30 September is summer time (CEST, UTC+2): 12.30 in Copenhagen is 10.30 UTC.
    assert start.utcoffset() == dt.timedelta(hours=2)
    assert start.astimezone(dt.UTC) == dt.datetime(2020, 9, 30, 10, 30, tzinfo=dt.UTC)
    assert str(vevent["UID"]) == f"event-{kl_event.pk}@127.0.0.1"
    assert vevent["SEQUENCE"] == kl_event.revision
    assert vevent["DTSTAMP"].dt == kl_event.updated_at.replace(microsecond=0)
    assert str(vevent["STATUS"]) == "CONFIRMED"
    assert str(vevent["LOCATION"]) == "Microsoft Teams"
    description = str(vevent["DESCRIPTION"])
    assert kl_event.summary in description
    assert "Gruppedrøftelse med konkrete erfaringer" in description
    assert description.endswith(f"http://127.0.0.1:8000/events/{KL}/")
    assert str(vevent["URL"]) == f"http://127.0.0.1:8000/events/{KL}/"


def test_skelleftea_event_calendar_spans_both_days_in_winter_time(client, skelleftea):
    (vevent,) = vevents(fetch(client, event_ics(SKELLEFTEA)).content)
    start, end = vevent["DTSTART"].dt, vevent["DTEND"].dt
    assert start == dt.datetime(2021, 11, 25, 9, 0, tzinfo=STOCKHOLM)
    assert end == dt.datetime(2021, 11, 26, 13, 0, tzinfo=STOCKHOLM)
    # 25 November is standard time (CET, UTC+1).
    assert start.utcoffset() == dt.timedelta(hours=1)
    assert start.astimezone(dt.UTC).hour == 8
    assert str(vevent["LOCATION"]) == "The Wood Hotel, Torggatan 3, Skellefteå"


def test_event_without_announced_times_is_an_all_day_entry(client, demo):
    (vevent,) = vevents(fetch(client, event_ics(INDUSTRIDAGEN)).content)
    assert vevent["DTSTART"].dt == dt.date(2022, 1, 24)
    assert not isinstance(vevent["DTSTART"].dt, dt.datetime)
    assert vevent["DTEND"].dt == dt.date(2022, 1, 25)  # exclusive: the day after


def timed_entries(event):
    """(uid, local start, local end or None, item) for each timed item and parallel session."""
    entries = []
    for item in Item.objects.filter(day__event=event).select_related("day", "parent"):
        start = item.start_time or (item.parent.start_time if item.parent else None)
        end = item.end_time or (item.parent.end_time if item.parent else None)
        if start is None:
            continue
        entries.append(
            (
                f"item-{item.pk}@127.0.0.1",
                dt.datetime.combine(item.day.date, start, tzinfo=event.tz),
                dt.datetime.combine(item.day.date, end, tzinfo=event.tz) if end else None,
                item,
            )
        )
    return entries


def test_skelleftea_programme_calendar_has_every_timed_item_at_its_time(client, skelleftea):
    response = fetch(client, programme_ics(SKELLEFTEA))
    assert response["Content-Disposition"] == (f'attachment; filename="{SKELLEFTEA}-programme.ics"')
    calendar = parse_ics(response.content)
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Stockholm"]
    found = {str(v["UID"]): v for v in calendar.walk("VEVENT")}
    expected = timed_entries(skelleftea)
    # 16 timed lines on the page, plus the two parallel conversations of day 2.
    assert len(expected) == 18
    assert set(found) == {uid for uid, *_rest in expected}
    for uid, start, end, item in expected:
        vevent = found[uid]
        assert vevent["DTSTART"].dt == start
        assert vevent["DTSTART"].dt.utcoffset() == dt.timedelta(hours=1)
        assert vevent["DTSTART"].params["TZID"] == "Europe/Stockholm"
        if end:
            assert vevent["DTEND"].dt == end
        assert vevent["DTEND"].dt > vevent["DTSTART"].dt
        assert item.title in str(vevent["SUMMARY"])
        assert vevent["SEQUENCE"] == skelleftea.revision


def test_programme_calendar_marks_approximate_times_and_open_ends(client, skelleftea):
    found = {
        str(v["SUMMARY"]): v for v in vevents(fetch(client, programme_ics(SKELLEFTEA)).content)
    }
    pickup = found["ca. 09.30 Upphämtning flygresenärer, guidning startar, Skellefteå flygplats"]
    assert pickup["DTSTART"].dt == dt.datetime(2021, 11, 25, 9, 30, tzinfo=STOCKHOLM)
    # Open end: until the next item of the day (lunch at 12.00) ...
    assert pickup["DTEND"].dt == dt.datetime(2021, 11, 25, 12, 0, tzinfo=STOCKHOLM)
    assert "12.00" in str(pickup["DESCRIPTION"])
    bus = found["Bussen avgår från the Wood Hotel, Torggatan 3, Skellefteå centrum"]
    assert bus["DTEND"].dt == dt.datetime(2021, 11, 25, 9, 30, tzinfo=STOCKHOLM)
    # ... or an hour for the last item of the day, and the description says so.
    dinner = found["Gemensam middag på hotellet"]
    assert dinner["DTSTART"].dt == dt.datetime(2021, 11, 25, 18, 0, tzinfo=STOCKHOLM)
    assert dinner["DTEND"].dt == dt.datetime(2021, 11, 25, 19, 0, tzinfo=STOCKHOLM)
    assert "19.00" in str(dinner["DESCRIPTION"])
    assert "Peter J. Burman" in str(dinner["DESCRIPTION"])
    assert str(dinner["LOCATION"]) == "The Wood Hotel"


def test_programme_calendar_names_the_track_of_parallel_sessions(client, skelleftea):
    summaries = [
        str(v["SUMMARY"]) for v in vevents(fetch(client, programme_ics(SKELLEFTEA)).content)
    ]
    assert "Samtal för KSO-er (politiker) (KSO-er (politiker))" in summaries
    assert "Samtal för övriga (tjänstemän) (Övriga (tjänstemän))" in summaries


def test_programme_calendar_leaves_out_untimed_items(client, db):
    event = EventFactory()
    day = DayFactory(event=event)
    timed = ItemFactory(day=day, title="Velkomst", start_time=dt.time(9), end_time=dt.time(9, 30))
    ItemFactory(day=day, title="Uden tid", start_time=None, end_time=None)
    track = TrackFactory(event=event, name="Spor A")
    ItemFactory(day=day, parent=timed, track=track, title="Session", start_time=None, end_time=None)
    found = by_uid(fetch(client, programme_ics(event.slug)).content)
    summaries = sorted(str(v["SUMMARY"]) for v in found.values())
    assert summaries == ["Session (Spor A)", "Velkomst"]
    assert all(uid.startswith("item-") for uid in found)


def test_programme_calendar_without_timed_items_holds_the_event_itself(client, kl_event):
    (vevent,) = vevents(fetch(client, programme_ics(KL)).content)
    assert str(vevent["UID"]) == f"event-{kl_event.pk}@127.0.0.1"


def test_uids_stay_when_the_slug_changes_and_sequence_counts_changes(client, skelleftea):
    before = by_uid(fetch(client, programme_ics(SKELLEFTEA)).content)
    skelleftea.slug = "innovationsmotet-2021"
    skelleftea.save()
    skelleftea.refresh_from_db()
    after = by_uid(fetch(client, programme_ics("innovationsmotet-2021")).content)
    assert set(after) == set(before)
    uid = next(iter(after))
    assert after[uid]["SEQUENCE"] == skelleftea.revision > before[uid]["SEQUENCE"]


def test_cancelled_event_is_cancelled_in_its_calendars(client, skelleftea):
    skelleftea.status = Event.Status.CANCELLED
    skelleftea.save()
    (vevent,) = vevents(fetch(client, event_ics(SKELLEFTEA)).content)
    assert str(vevent["STATUS"]) == "CANCELLED"
    statuses = {str(v["STATUS"]) for v in vevents(fetch(client, programme_ics(SKELLEFTEA)).content)}
    assert statuses == {"CANCELLED"}


def test_hybrid_event_location_names_venue_and_platform_but_not_the_link(client, db):
    event = EventFactory(mode=Event.Mode.HYBRID)
    event.venue = VenueFactory(network=event.network, name="Rådhuset", street="Torvet 1")
    event.save()
    OnlineMeeting.objects.create(
        event=event, platform="zoom", join_url="https://zoom.example/j/123", passcode="987654"
    )
    content = fetch(client, event_ics(event.slug)).content
    (vevent,) = vevents(content)
    assert str(vevent["LOCATION"]) == "Rådhuset, Torvet 1, Odense / Zoom"
    assert b"zoom.example" not in content and b"987654" not in content


@pytest.mark.parametrize("name", ["public:event-ical", "public:programme-ical"])
def test_unpublished_event_calendar_is_not_found(client, db, name):
    event = EventFactory(is_published=False)
    ItemFactory(day=DayFactory(event=event))
    assert client.get(reverse(name, kwargs={"slug": event.slug})).status_code == 404
    assert client.get(reverse(name, kwargs={"slug": "no-such-event"})).status_code == 404


def test_programme_calendar_of_an_event_without_programme_is_not_found(client, demo):
    assert client.get(programme_ics(INDUSTRIDAGEN)).status_code == 404


def test_calendar_is_served_from_the_cache_until_the_event_changes(
    client, skelleftea, django_assert_max_num_queries
):
    first = fetch(client, programme_ics(SKELLEFTEA)).content
    with django_assert_max_num_queries(1):
        again = fetch(client, programme_ics(SKELLEFTEA)).content
    assert again == first
    fetch(client, event_ics(SKELLEFTEA))
    with django_assert_max_num_queries(1):
        fetch(client, event_ics(SKELLEFTEA))
    item = Item.objects.get(day__event=skelleftea, title="Kaffepaus")
    item.title = "Fika"
    item.save()
    changed = {str(v["SUMMARY"]) for v in vevents(fetch(client, programme_ics(SKELLEFTEA)).content)}
    assert "Fika" in changed and "Kaffepaus" not in changed


def test_calendar_texts_follow_the_chosen_language(client, skelleftea):
    response = fetch(client, programme_ics(SKELLEFTEA))
    assert response["Content-Language"] == "sv"
    response = fetch(client, programme_ics(SKELLEFTEA), lang="en")
    assert response["Content-Language"] == "en"
    found = {str(v["SUMMARY"]): v for v in vevents(response.content)}
    dinner = found["Gemensam middag på hotellet"]
    assert "Dinner speaker: Peter J. Burman" in str(dinner["DESCRIPTION"])
    assert "19:00" in str(dinner["DESCRIPTION"])


def test_network_calendar_has_upcoming_published_events_of_that_network_only(client, db):
    network = NetworkFactory()
    now = dt.datetime.now(tz=CPH)
    soon = EventFactory(
        network=network,
        starts_at=now + dt.timedelta(days=30),
        ends_at=now + dt.timedelta(days=30, hours=3),
    )
    EventFactory(
        network=network, starts_at=now - dt.timedelta(days=30), ends_at=now - dt.timedelta(days=30)
    )
    EventFactory(
        network=network,
        is_published=False,
        starts_at=now + dt.timedelta(days=5),
        ends_at=now + dt.timedelta(days=5),
    )
    EventFactory(starts_at=now + dt.timedelta(days=7), ends_at=now + dt.timedelta(days=7))
    response = fetch(client, reverse("public:network-ical", kwargs={"network": network.slug}))
    calendar = parse_ics(response.content)
    assert [str(v["UID"]) for v in calendar.walk("VEVENT")] == [f"event-{soon.pk}@127.0.0.1"]
    assert str(calendar["X-WR-CALNAME"]).endswith(network.name)


def test_network_calendar_without_upcoming_events_is_still_a_valid_calendar(client, db):
    network = NetworkFactory(timezone="Europe/Oslo")
    response = fetch(client, reverse("public:network-ical", kwargs={"network": network.slug}))
    calendar = parse_ics(response.content)
    assert calendar.walk("VEVENT") == []
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Oslo"]


def test_registration_calendar_is_the_event_entry_in_the_registrants_language(skelleftea):
    from samling.exports.ical import registration_calendar
    from samling.registration.models import Registration

    registration = Registration.objects.create(
        event=skelleftea, status="waitlisted", name="Eva", email="eva@example.org", language="en"
    )
    (vevent,) = vevents(registration_calendar(registration))
    assert str(vevent["UID"]) == f"event-{skelleftea.pk}@127.0.0.1"
    assert str(vevent["STATUS"]) == "TENTATIVE"
    assert "Programme:" in str(vevent["DESCRIPTION"])
    assert vevent["DTSTART"].dt == dt.datetime(2021, 11, 25, 9, 0, tzinfo=STOCKHOLM)


def test_personal_agenda_has_only_the_options_taken(client, db):
    import datetime as dt

    from icalendar import Calendar

    from samling.events.models import OnlineMeeting
    from samling.registration.models import Option
    from samling.registration.services import register
    from tests.factories import DayFactory, ItemFactory, open_event, registration_data

    event = open_event(capacity=5)
    day = DayFactory(event=event)
    ItemFactory(day=day, title="For everyone", start_time=dt.time(9), end_time=dt.time(10))
    bus_item = ItemFactory(day=day, title="Bus", start_time=dt.time(10), end_time=dt.time(11))
    dinner = ItemFactory(day=day, title="Dinner", start_time=dt.time(18), end_time=dt.time(20))
    bus = Option.objects.create(event=event, key="bus", kind="bus", label="Bus", item=bus_item)
    Option.objects.create(event=event, key="dinner", kind="meal", label="Dinner", item=dinner)
    OnlineMeeting.objects.create(event=event, platform="teams", join_url="https://example.org/j")
    event.mode = "hybrid"
    event.save()
    category = event.categories.first()
    registration, _ = register(event, registration_data(0, options=[bus], category=category))
    response = client.get(f"/r/{registration.token}/agenda.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    summaries = [str(v["SUMMARY"]) for v in calendar.walk("VEVENT")]
    assert summaries == ["For everyone", "Bus"]
    assert all("https://example.org/j" in str(v["DESCRIPTION"]) for v in calendar.walk("VEVENT"))
    # The public programme calendar never has the link.
    public = client.get(f"/events/{event.slug}/programme.ics").content.decode()
    assert "https://example.org/j" not in public
