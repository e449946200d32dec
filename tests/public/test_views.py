import datetime as dt

import pytest
from django.urls import reverse

from samling.events.models import Event, OnlineMeeting
from tests.factories import CPH, DayFactory, EventFactory, ItemFactory, NetworkFactory

pytestmark = pytest.mark.integration

SKELLEFTEA = "/events/innovationsmotet-skelleftea-2021/"
KL = "/events/temasession-innovation-og-udvikling-i-hele-landet/"

SKELLEFTEA_LINES = [
    ("09.00", "Bussen avgår från the Wood Hotel, Torggatan 3, Skellefteå centrum"),
    ("ca. 09.30", "Upphämtning flygresenärer, guidning startar, Skellefteå flygplats"),
    ("12.00", "Gemensam lunch på platsen för mötet, the Wood Hotel"),
    ("13.00", "Välkommen och inledning"),
    ("13.15–14.00", "Innovationsupphandlingar. Så kan vi samarbeta mer kring upphandlingar!"),
    ("14.00–14.40", "Upphandling som främjar innovation. Hur kan SKR stödja utvecklingen?"),
    ("14.40–15.15", "Dialog"),
    ("15.15–15.40", "Kaffepaus"),
    ("15.40–16.15", "Omstart Sverige (efter pandemin) och innovation."),
    ("16.15–17.00", "Nysatsningar, innovationer och investeringar – nya vägar efter pandemin"),
    ("18.00", "Gemensam middag på hotellet"),
    ("09.00–09.45", "Entreprenörskap i ett omstartsperspektiv"),
    ("09.45–10.15", "Årets Industridagar har haft som tema"),
    ("10.15–11.15", "Separata samtal mellan KSO-er (politiker) respektive övriga (tjänstemän)"),
    ("11.15–12.00", "Gemensamma angelägenheter"),
    ("12.00–13.00", "Gemensam lunch"),
]
SKELLEFTEA_PEOPLE = [
    "Catharina Fredriksson",
    "Lorents Burman",
    "Ellen Heldahl",
    "Klas Danerlov",
    "Christer Asplund",
    "Bengt Ivansson",
    "Marie Fossum Strannegård",
    "Kristina Sundin Jonsson",
    "Peter J. Burman",
    "Karin Bodin",
]


def page(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def item_times(html):
    """The contents of each `item__time` cell, in page order."""
    import re

    return [m.strip() for m in re.findall(r'<div class="item__time">([^<]*)</div>', html)]


def test_event_page_shows_all_sixteen_timed_lines_of_the_skelleftea_seed(client, demo):
    html = page(client, SKELLEFTEA)
    assert item_times(html) == [time for time, _title in SKELLEFTEA_LINES]
    for _time, title in SKELLEFTEA_LINES:
        assert title in html
    for name in SKELLEFTEA_PEOPLE:
        assert name in html


def test_event_page_opens_in_the_event_language(client, demo):
    html = page(client, SKELLEFTEA)
    assert '<html lang="sv">' in html
    assert "25 november 2021" in html
    html = page(client, KL)
    assert '<html lang="da">' in html
    assert "30. september 2020 kl. 12.30–15.30" in html


def test_event_page_language_switcher_changes_the_interface_only(client, demo):
    html = page(client, SKELLEFTEA, lang="en")
    assert '<html lang="en">' in html
    assert "Programme" in html
    assert "Separata samtal mellan KSO-er" in html  # content stays in its own language
    # The choice is remembered for the next page.
    assert '<html lang="en">' in page(client, KL)


def test_kl_event_page_shows_time_teams_speakers_and_tracks(client, demo):
    html = page(client, KL)
    assert "Microsoft Teams" in html
    assert "Jacob Becker-Christensen" in html
    assert "Magnus Skovrind Pedersen" in html
    assert "Innovation" in html and "Landdistrikter" in html
    assert "Program til digital temasession 1" in html


def test_event_page_never_shows_the_online_meeting_link(client, demo):
    meeting = OnlineMeeting.objects.get(event__slug=KL.split("/")[2])
    assert meeting.join_url
    html = page(client, KL)
    assert meeting.join_url not in html
    assert "teams.microsoft.com" not in html


def test_event_page_shows_the_rescheduled_related_event_with_its_history(client, demo):
    html = page(client, SKELLEFTEA)
    assert "Industridagen" in html
    assert "27 september 2021" in html and "24 januari 2022" in html


def test_rescheduled_event_page_shows_a_notice(client, demo):
    html = page(client, "/events/industridagen-2022/")
    assert 'class="notice notice--rescheduled"' in html


def test_event_page_has_schema_org_json_ld(client, demo):
    import json
    import re

    html = page(client, SKELLEFTEA)
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(raw)
    assert data["@type"] == "Event"
    assert data["startDate"] == "2021-11-25T09:00:00+01:00"
    assert data["location"]["address"]["streetAddress"] == "Torggatan 3"


def test_unpublished_event_is_not_found(client, db):
    event = EventFactory(is_published=False)
    assert client.get(event.get_absolute_url()).status_code == 404


def test_event_page_is_cached_until_the_programme_changes(client, db, django_assert_num_queries):
    item = ItemFactory(title="Første titel")
    event = item.day.event
    assert "Første titel" in page(client, event.get_absolute_url())
    with django_assert_num_queries(1):
        page(client, event.get_absolute_url())
    item.title = "Anden titel"
    item.save()
    assert "Anden titel" in page(client, event.get_absolute_url())


def test_event_page_cache_is_per_language(client, db):
    event = EventFactory()
    assert '<html lang="da">' in page(client, event.get_absolute_url())
    assert '<html lang="en">' in page(client, event.get_absolute_url(), lang="en")


@pytest.mark.parametrize("rows", [1, 3])
def test_event_page_query_count_does_not_grow_with_items(
    client, db, rows, django_assert_max_num_queries
):
    day = DayFactory()
    for _ in range(rows):
        ItemFactory(day=day)
    with django_assert_max_num_queries(12):
        page(client, day.event.get_absolute_url())


@pytest.mark.parametrize("rows", [1, 3])
def test_front_page_query_count_does_not_grow_with_events(
    client, db, rows, django_assert_max_num_queries
):
    network = NetworkFactory()
    for _ in range(rows):
        EventFactory(network=network)
    with django_assert_max_num_queries(5):
        html = page(client, reverse("public:front"))
    assert network.name in html


def test_front_page_lists_upcoming_and_past_events_by_network(client, demo):
    html = page(client, "/")
    assert "KL – Kommunernes Landsforening" in html
    assert "Svenska industrikommuner" in html
    assert "Temasession om innovation og udvikling i hele landet 2027" in html


def test_network_page_lists_its_events_only(client, demo):
    html = page(client, "/networks/kl/")
    assert "Temasession om innovation og udvikling i hele landet" in html
    assert "Innovationsmötet" not in html
    assert '<html lang="da">' in html


def test_unknown_network_is_not_found(client, db):
    assert client.get("/networks/nowhere/").status_code == 404


def test_event_with_unannounced_times_shows_the_date_only(client, db):
    event = EventFactory(
        times_announced=False,
        starts_at=dt.datetime(2030, 1, 24, 0, 0, tzinfo=CPH),
        ends_at=dt.datetime(2030, 1, 24, 23, 59, tzinfo=CPH),
    )
    html = page(client, event.get_absolute_url())
    assert "24. januar 2030" in html
    assert "23.59" not in html


def test_cancelled_event_offers_no_registration(client, db):
    event = EventFactory(status=Event.Status.CANCELLED, registration_url="https://example.org/")
    html = page(client, event.get_absolute_url())
    assert "https://example.org/" not in html
