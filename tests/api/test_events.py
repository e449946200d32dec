import json
from pathlib import Path

import pytest

from tests.factories import EventFactory, NetworkFactory

pytestmark = pytest.mark.integration

EXPECTED = Path(__file__).resolve().parents[1] / "programme" / "skelleftea_expected.json"


def test_event_list_has_the_links_and_registration_object(client, demo):
    data = client.get("/api/v1/events").json()
    slugs = [event["slug"] for event in data]
    assert "innovationsmotet-skelleftea-2021" in slugs
    event = data[0]
    for key in ("page_url", "ical_url", "programme_ical_url", "pdf_url", "registration"):
        assert key in event
    assert set(event["registration"]) >= {
        "open",
        "deadline",
        "capacity",
        "confirmed",
        "available",
        "waitlisted",
    }


def test_event_list_filters_by_network_and_mode(client, demo):
    data = client.get("/api/v1/events", {"network": "kl", "mode": "online"}).json()
    assert data and {event["network"]["slug"] for event in data} == {"kl"}
    assert client.get("/api/v1/events", {"network": "kl", "mode": "on_site"}).json() == []


def test_event_detail_programme_matches_the_seed_structure(client, demo):
    data = client.get("/api/v1/events/innovationsmotet-skelleftea-2021").json()
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    programme = data["programme"]
    assert programme["timezone"] == "Europe/Stockholm"
    assert [day["date"] for day in programme["days"]] == [d["date"] for d in expected["days"]]
    for day, expected_day in zip(programme["days"], expected["days"], strict=True):
        got = [
            (i["start"], i["end"], i["approximate"], i["title"], i["kind"]) for i in day["items"]
        ]
        want = [
            (i["start"], i["end"], i["approximate"], i["title"], i["kind"])
            for i in expected_day["items"]
        ]
        assert got == want
        for item, expected_item in zip(day["items"], expected_day["items"], strict=True):
            assert [s["name"] for s in item["speakers"]] == [
                s["name"] for s in expected_item["speakers"]
            ]


def test_event_detail_never_contains_the_online_link(client, demo):
    response = client.get("/api/v1/events/temasession-innovation-og-udvikling-i-hele-landet")
    assert response.status_code == 200
    assert "teams.microsoft.com" not in response.content.decode()
    assert response.json()["online_platform"] == "Microsoft Teams"


def test_event_detail_exposes_the_change_history(client, demo):
    data = client.get("/api/v1/events/industridagen-2022").json()
    assert data["status"] == "rescheduled"
    (change,) = data["changes"]
    assert change["summary"] == "Flyttad från 27 september 2021 till 24 januari 2022"


def test_unpublished_event_is_not_in_the_api(client, db):
    event = EventFactory(is_published=False, network=NetworkFactory())
    assert client.get(f"/api/v1/events/{event.slug}").status_code == 404
    assert client.get("/api/v1/events").json() == []


def test_openapi_document_is_served(client, db):
    data = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/events" in data["paths"]
    assert "/api/v1/events/{slug}" in data["paths"]


@pytest.mark.parametrize("rows", [1, 3])
def test_event_list_query_count_does_not_grow(client, db, rows, django_assert_num_queries):
    for _ in range(rows):
        EventFactory()
    with django_assert_num_queries(3):  # the events, their registration options and days
        assert len(client.get("/api/v1/events").json()) == rows
