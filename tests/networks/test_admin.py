"""Organisers enter content through the Django admin for now: one network never sees another's."""

import pytest
from django.contrib import admin
from django.urls import reverse

from samling.networks.models import Municipality, User
from tests.factories import (
    EventContactFactory,
    SpeakerRoleFactory,
    TeamMembershipFactory,
    VenueFactory,
)

pytestmark = pytest.mark.integration

SHARED_MODELS = {User, Municipality}


def network_content(network=None, label="Hemmelig"):
    """One of each kind of row, all in one network, their names starting with `label`."""
    role = SpeakerRoleFactory(
        item__day__event__network=network or TeamMembershipFactory().network,
        item__title=f"{label} programpunkt",
        person__name=f"{label} Person",
    )
    event = role.item.day.event
    event.title = f"{label} møde"
    event.venue = VenueFactory(network=event.network, name=f"{label} Hotel")
    event.save()
    EventContactFactory(event=event, person=role.person)
    return event


@pytest.fixture
def organiser(client, db):
    membership = TeamMembershipFactory()
    membership.user.is_staff = True
    membership.user.save()
    client.force_login(membership.user)
    return membership


def scoped_admins():
    return [
        (model, model_admin)
        for model, model_admin in admin.site._registry.items()
        if model not in SHARED_MODELS
        and model._meta.app_label in {"networks", "events", "programme"}
    ]


def test_every_admin_list_hides_other_networks(client, organiser):
    other = network_content()
    mine = network_content(organiser.network, label="Eget")
    for model, _model_admin in scoped_admins():
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "Hemmelig" not in html, url
        assert other.network.name not in html, url
    assert mine.title in client.get(reverse("admin:events_event_changelist")).content.decode()


def test_other_networks_rows_cannot_be_opened(client, organiser):
    other = network_content()
    day = other.days.get()
    item = day.items.get()
    for name, pk in [
        ("events_event", other.pk),
        ("events_venue", other.venue.pk),
        ("networks_network", other.network.pk),
        ("networks_person", item.roles.get().person.pk),
        ("programme_day", day.pk),
        ("programme_item", item.pk),
    ]:
        response = client.get(reverse(f"admin:{name}_change", args=[pk]))
        assert response.status_code in (302, 404), name


def test_event_form_offers_only_own_venues_and_users(client, organiser):
    network_content()
    mine = network_content(organiser.network, label="Eget")
    html = client.get(reverse("admin:events_event_change", args=[mine.pk])).content.decode()
    assert "Eget Hotel" in html
    assert "Hemmelig" not in html
    other_users = User.objects.exclude(team_memberships__network=organiser.network)
    for user in other_users:
        assert user.email not in html


def test_person_phone_is_validated_and_normalised(client, organiser):
    url = reverse("admin:networks_person_add")
    data = {"network": organiser.network.pk, "name": "Ada Ødegård", "phone": "not a phone"}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "is not a valid phone number" in response.content.decode()
    data["phone"] = "20 12 34 56"
    response = client.post(url, data)
    assert response.status_code == 302
    assert organiser.network.people.get(name="Ada Ødegård").phone == "+4520123456"


def test_people_without_a_team_see_no_admin(client, db):
    user = User.objects.create_user(email="stranger@example.org", password="x", is_staff=True)
    client.force_login(user)
    assert client.get(reverse("admin:events_event_changelist")).status_code == 403
