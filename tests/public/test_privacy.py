import json

import pytest
from django.urls import reverse

from samling.registration.models import Registration
from samling.registration.services import register
from tests.factories import open_event, registration_data

pytestmark = pytest.mark.integration


def registered(capacity=None, **event_fields):
    event = open_event(capacity=capacity, **event_fields)
    registration, _ = register(
        event, registration_data(0, name="Åse Ødegård", organisation="Ærø Kommune")
    )
    return event, registration


def test_private_page_offers_the_data_and_the_privacy_notice(client, db):
    event, registration = registered()
    event.network.privacy_notice = "Vi gemmer dine data i et år.\nSkriv til os."
    event.network.save()
    html = client.get(registration.get_absolute_url()).content.decode()
    assert reverse("public:registration-data", args=[registration.token]) in html
    assert reverse("public:registration-delete", args=[registration.token]) in html
    assert "Vi gemmer dine data i et år." in html


def test_data_download_is_a_private_json_attachment(client, db):
    event, registration = registered()
    response = client.get(reverse("public:registration-data", args=[registration.token]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == f'attachment; filename="{event.slug}-my-data.json"'
    assert response["Cache-Control"] == "private, no-store"
    data = json.loads(response.content)
    assert data["registration"]["name"] == "Åse Ødegård"
    assert data["registration"]["organisation"] == "Ærø Kommune"
    assert data["event"]["title"] == event.title


def test_unknown_link_gives_no_data(client, db):
    registered()
    assert client.get("/r/not-a-token/data.json").status_code == 404
    assert client.post("/r/not-a-token/delete/").status_code == 404


def test_delete_asks_first_then_erases_and_the_link_stops_working(
    client, db, django_capture_on_commit_callbacks
):
    event, registration = registered(capacity=1)
    waiting, _ = register(event, registration_data(1))
    delete_url = reverse("public:registration-delete", args=[registration.token])

    page = client.get(delete_url)
    assert page.status_code == 200
    assert "Åse Ødegård" in page.content.decode()
    assert Registration.objects.get(pk=registration.pk).anonymised_at is None

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(delete_url, follow=True)
    assert response.redirect_chain[-1][0] == reverse(
        "public:registration-deleted", args=[event.slug]
    )
    html = response.content.decode()
    assert "Åse Ødegård" not in html and event.title in html
    stored = Registration.objects.get(pk=registration.pk)
    assert stored.anonymised_at and stored.status == Registration.Status.CANCELLED
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED
    for url in (
        registration.get_absolute_url(),
        reverse("public:registration-data", args=[registration.token]),
        delete_url,
    ):
        assert client.get(url).status_code == 404
