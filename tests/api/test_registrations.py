import pytest

from samling.registration.models import Option, Registration
from tests.factories import open_event

pytestmark = pytest.mark.integration


def post(client, event, payload, **headers):
    return client.post(
        f"/api/v1/events/{event.slug}/registrations",
        payload,
        content_type="application/json",
        headers=headers,
    )


def payload(n=0, **fields):
    return {
        "name": f"Deltager {n}",
        "email": f"d{n}@example.org",
        "organisation": "Ærø",
        "category": "official",
        **fields,
    }


def test_post_registration_confirms_and_returns_the_private_link(client, db):
    event = open_event(capacity=1)
    response = post(client, event, payload(category="politician"))
    assert response.status_code == 201
    data = response.json()
    assert data["status"] == "confirmed" and data["waitlist_position"] is None
    registration = Registration.objects.get(pk=data["id"])
    assert data["manage_url"].endswith(f"/r/{registration.token}/")
    assert registration.category.key == "politician"


def test_post_beyond_capacity_goes_on_the_waiting_list(client, db):
    event = open_event(capacity=1)
    post(client, event, payload(0))
    response = post(client, event, payload(1))
    assert response.status_code == 201
    assert response.json()["status"] == "waitlisted"
    assert response.json()["waitlist_position"] == 1


def test_post_full_without_waiting_list_is_a_conflict(client, db):
    event = open_event(capacity=1, waitlist=False)
    post(client, event, payload(0))
    assert post(client, event, payload(1)).status_code == 409


def test_post_invalid_fields_are_reported_per_field(client, db):
    event = open_event()
    response = post(client, event, {"name": "", "email": "no-address", "organisation": ""})
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert {"name", "email", "organisation"} <= set(errors)


def test_post_unknown_option_is_refused(client, db):
    event = open_event()
    response = post(client, event, payload(options=["helicopter"]))
    assert response.status_code == 422
    assert "options" in response.json()["errors"]


def test_post_options_take_their_places(client, db):
    event = open_event()
    Option.objects.create(event=event, key="bus", kind="bus", label="Bus", capacity=1)
    post(client, event, payload(0, options=["bus"]))
    post(client, event, payload(1, options=["bus"]))
    detail = client.get(f"/api/v1/events/{event.slug}").json()["registration"]
    assert detail["confirmed"] == 2
    (bus,) = detail["options"]
    assert (bus["key"], bus["capacity"], bus["available"]) == ("bus", 1, 0)


def test_post_same_email_twice_returns_the_same_registration(client, db):
    event = open_event()
    first = post(client, event, payload(0)).json()
    second = post(client, event, payload(0, email="D0@EXAMPLE.org"))
    assert second.status_code == 200
    assert second.json()["id"] == first["id"]
    assert Registration.objects.count() == 1


def test_post_with_the_same_idempotency_key_returns_the_first_answer(client, db):
    event = open_event()
    first = post(client, event, payload(0), **{"Idempotency-Key": "abc"})
    second = post(client, event, payload(0), **{"Idempotency-Key": "abc"})
    assert first.status_code == 201 and second.status_code == 200
    assert first.json() == second.json()


def test_post_to_a_closed_event_is_a_conflict(client, db):
    event = open_event()
    settings = event.registration_settings
    settings.is_enabled = False
    settings.save()
    assert post(client, event, payload(0)).status_code == 409


def test_post_is_rate_limited(client, db, settings):
    event = open_event()
    codes = [post(client, event, payload(n)).status_code for n in range(35)]
    assert codes[:30] == [201] * 30
    assert 429 in codes[30:]


def test_post_to_an_unknown_event_is_not_found(client, db):
    response = client.post(
        "/api/v1/events/nothing/registrations", payload(), content_type="application/json"
    )
    assert response.status_code == 404


def test_a_key_used_again_returns_the_first_answer_whatever_the_body(client, db):
    # The client lost the answer and retried, with a corrected address: still one registration.
    event = open_event()
    first = post(client, event, payload(0), **{"Idempotency-Key": "k-1"})
    again = post(client, event, payload(0, email="other@example.org"), **{"Idempotency-Key": "k-1"})
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]
    assert Registration.objects.count() == 1


def test_a_key_used_again_after_closing_returns_the_first_answer(client, db):
    event = open_event()
    first = post(client, event, payload(0), **{"Idempotency-Key": "k-2"})
    settings = event.registration_settings
    settings.is_enabled = False
    settings.save()
    again = post(client, event, payload(0), **{"Idempotency-Key": "k-2"})
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]
    assert post(client, event, payload(1), **{"Idempotency-Key": "k-3"}).status_code == 409


def test_a_key_used_again_is_answered_even_when_rate_limited(client, db):
    event = open_event()
    first = post(client, event, payload(0), **{"Idempotency-Key": "k-4"})
    codes = [post(client, event, payload(n)).status_code for n in range(1, 40)]
    assert 429 in codes
    again = post(client, event, payload(0), **{"Idempotency-Key": "k-4"})
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]


def test_unknown_or_unpublished_events_are_not_found(client, db):
    event = open_event()
    assert post(client, event.__class__(slug="no-such-event"), payload(0)).status_code == 404
    event.is_published = False
    event.save()
    assert post(client, event, payload(0)).status_code == 404
