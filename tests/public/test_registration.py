import pytest
from django.core import mail

from samling.registration.models import Option, Registration
from tests.factories import open_event

pytestmark = pytest.mark.integration


def form(n=0, **fields):
    category_field = fields.pop("category", None)
    data = {
        "name": f"Åse Ødegård {n}",
        "email": f"ase{n}@example.org",
        "organisation": "Ærø Kommune",
        "phone": "",
        **fields,
    }
    if category_field is not None:
        data["category"] = category_field
    return data


def category(event, key="official"):
    return event.categories.get(key=key).pk


def test_register_form_shows_places_and_fields(client, db):
    event = open_event(capacity=3)
    html = client.get(f"/events/{event.slug}/register/").content.decode()
    assert "3 pladser tilbage" in html or "3 places left" in html
    for name in ("name", "email", "organisation", "category"):
        assert f'name="{name}"' in html


def test_registering_leads_to_the_private_page_and_sends_a_mail(
    client, db, django_capture_on_commit_callbacks
):
    event = open_event(capacity=3)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/events/{event.slug}/register/",
            form(0, category=category(event), name="Åse 🎉 Ødegård"),
            follow=True,
        )
    registration = Registration.objects.get()
    assert response.redirect_chain[-1][0] == f"/r/{registration.token}/"
    assert registration.name == "Åse 🎉 Ødegård"
    assert response["Cache-Control"] == "private, no-store"
    (message,) = mail.outbox
    assert f"/r/{registration.token}/" in message.body


def test_invalid_form_keeps_what_was_typed(client, db):
    event = open_event(capacity=3)
    response = client.post(
        f"/events/{event.slug}/register/",
        form(0, email="not an address", phone="12", name="Ångström Ærø"),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Ångström Ærø"' in html
    assert 'role="alert"' in html
    assert Registration.objects.count() == 0


def test_double_submit_creates_one_registration(client, db):
    event = open_event(capacity=3)
    data = form(0, category=category(event))
    client.post(f"/events/{event.slug}/register/", data)
    client.post(f"/events/{event.slug}/register/", data)
    assert Registration.objects.count() == 1


def test_choice_group_and_options_are_recorded(client, db):
    event = open_event(capacity=3)
    Option.objects.create(
        event=event, key="a", kind="programme", label="Spor A", choice_group="Spor"
    )
    Option.objects.create(
        event=event, key="b", kind="programme", label="Spor B", choice_group="Spor"
    )
    Option.objects.create(event=event, key="bus", kind="bus", label="Bus", capacity=10)
    client.post(
        f"/events/{event.slug}/register/",
        form(0, category=category(event), group_0="b", option_bus="on"),
    )
    registration = Registration.objects.get()
    assert sorted(registration.chosen_options.values_list("option__key", flat=True)) == ["b", "bus"]


def test_private_page_changes_and_cancels(client, db, django_capture_on_commit_callbacks):
    event = open_event(capacity=1)
    client.post(f"/events/{event.slug}/register/", form(0, category=category(event)))
    client.post(f"/events/{event.slug}/register/", form(1, category=category(event)))
    first, second = Registration.objects.order_by("pk")
    assert second.status == Registration.Status.WAITLISTED
    response = client.post(
        first.get_absolute_url(),
        form(0, category=category(event, "politician"), name="Nyt Navn", organisation="Samsø"),
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert (first.name, first.category.key) == ("Nyt Navn", "politician")
    assert client.get(f"{first.get_absolute_url()}cancel/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{first.get_absolute_url()}cancel/")
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Registration.Status.CANCELLED
    assert second.status == Registration.Status.CONFIRMED
    assert {m.to[0] for m in mail.outbox} == {first.email, second.email}


def test_unknown_private_link_is_not_found(client, db):
    assert client.get("/r/not-a-real-token/").status_code == 404


def test_link_can_be_sent_again_without_revealing_who_is_registered(
    client, db, django_capture_on_commit_callbacks
):
    event = open_event(capacity=3)
    client.post(f"/events/{event.slug}/register/", form(0, category=category(event)), follow=True)
    registration = Registration.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post(f"/events/{event.slug}/register/link/", {"email": registration.email})
        unknown = client.post(f"/events/{event.slug}/register/link/", {"email": "x@example.org"})
    assert known.content == unknown.content
    assert [m.to[0] for m in mail.outbox] == [registration.email]
    assert registration.token in mail.outbox[0].body


def test_event_page_shows_the_register_button_and_places_left(client, db):
    event = open_event(capacity=2)
    html = client.get(event.get_absolute_url()).content.decode()
    assert f"/events/{event.slug}/register/" in html
    assert "2 pladser tilbage" in html
    client.post(f"/events/{event.slug}/register/", form(0, category=category(event)))
    html = client.get(event.get_absolute_url()).content.decode()
    assert "1 plads tilbage" in html


def test_event_without_samling_registration_has_no_form(client, db):
    from tests.factories import EventFactory

    event = EventFactory()
    assert client.get(f"/events/{event.slug}/register/").status_code == 404
