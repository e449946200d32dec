"""An organiser creates an event step by step, copies events and series, previews, publishes."""

import datetime as dt

import pytest
from django.urls import reverse

from samling.core.models import AuditEntry
from samling.events.models import Event, OnlineMeeting, Series, Venue
from samling.events.publishing import preview_path
from samling.registration.models import Option
from tests.factories import DayFactory, EventFactory, ItemFactory, TeamMembershipFactory

pytestmark = pytest.mark.integration


@pytest.fixture
def organiser(db):
    return TeamMembershipFactory(role="organiser")


@pytest.fixture
def orga(client, organiser):
    client.force_login(organiser.user)
    return client


def create(orga, **fields):
    data = {
        "title": "Innovationsmötet i Skellefteå",
        "subtitle": "",
        "language": "sv",
        "starts_on": "2027-11-25",
        "starts_time": "09:00",
        "ends_on": "2027-11-26",
        "ends_time": "15:00",
        "summary": "",
        **fields,
    }
    return orga.post(reverse("orga:event-new"), data)


def test_the_wizard_creates_a_draft_then_each_step_saves_and_leads_on(orga, organiser):
    response = create(orga)
    event = Event.objects.get()
    assert response["Location"] == reverse("orga:event-setup-place", args=[event.slug])
    assert event.slug == "innovationsmotet-i-skelleftea-2027"
    assert not event.is_published
    assert event.network == organiser.network
    assert organiser.user in event.organisers.all()
    assert event.local_start == dt.datetime(2027, 11, 25, 9, 0, tzinfo=event.tz)
    assert AuditEntry.objects.filter(action="event.created", event=event).exists()

    response = orga.post(
        reverse("orga:event-setup-place", args=[event.slug]),
        {
            "mode": "hybrid",
            "venue": "",
            "venue_name": "Campus Skellefteå",
            "city": "Skellefteå",
            "street": "",
            "postal_code": "",
            "platform": "teams",
            "join_url": "https://teams.example/x",
        },
    )
    assert response["Location"] == reverse("orga:event-setup-about", args=[event.slug])
    event.refresh_from_db()
    assert event.mode == "hybrid"
    assert event.venue.name == "Campus Skellefteå"
    assert OnlineMeeting.objects.get(event=event).join_url == "https://teams.example/x"

    orga.post(
        reverse("orga:event-setup-about", args=[event.slug]),
        {"audience": "Politiker och tjänstepersoner", "description": "", "highlights": ""},
    )
    assert Event.objects.get(pk=event.pk).audience == "Politiker och tjänstepersoner"
    assert orga.get(reverse("orga:event-setup-programme", args=[event.slug])).status_code == 200

    response = orga.post(
        reverse("orga:event-setup-registration", args=[event.slug]),
        {
            "is_enabled": "on",
            "capacity": "60",
            "waitlist_enabled": "on",
            "closes_on": "2027-11-10",
            "options-TOTAL_FORMS": "3",
            "options-INITIAL_FORMS": "0",
            "options-0-kind": "bus",
            "options-0-label": "Bussturen",
            "options-0-capacity": "45",
            "options-1-kind": "pickup",
            "options-1-label": "Hämtning på flygplatsen",
            "options-1-asks_arrival": "on",
            "options-2-kind": "",
            "options-2-label": "",
        },
    )
    assert response["Location"] == reverse("orga:event-setup-publish", args=[event.slug])
    settings = event.registration_settings.__class__.objects.get(event=event)
    assert (settings.capacity, settings.is_enabled) == (60, True)
    assert settings.closes_at == dt.datetime(2027, 11, 11, tzinfo=event.tz)
    assert list(Option.objects.filter(event=event).values_list("key", "capacity")) == [
        ("bussturen", 45),
        ("hamtning-pa-flygplatsen", None),
    ]
    assert event.categories.count() == 3

    page = orga.get(reverse("orga:event-setup-publish", args=[event.slug]))
    preview = orga.get(page.context["preview_url"].replace("http://127.0.0.1:8000", ""))
    assert preview.status_code == 200
    assert preview["Cache-Control"] == "private, no-store"
    assert orga.get(event.get_absolute_url()).status_code == 404
    orga.post(reverse("orga:event-setup-publish", args=[event.slug]), {"action": "publish"})
    assert Event.objects.get(pk=event.pk).is_published
    assert orga.get(event.get_absolute_url()).status_code == 200


def test_the_first_step_says_what_is_wrong(orga):
    response = create(orga, title="", ends_on="2027-11-24")
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"title", "ends_time"}
    assert not Event.objects.exists()


def test_a_new_place_is_required_on_site(orga, organiser):
    create(orga)
    event = Event.objects.get()
    response = orga.post(
        reverse("orga:event-setup-place", args=[event.slug]),
        {"mode": "on_site", "venue": "", "venue_name": "", "platform": ""},
    )
    assert "venue_name" in response.context["form"].errors
    assert not Venue.objects.exists()


def test_a_preview_link_for_another_event_or_tampered_shows_nothing(client, db):
    draft, other = EventFactory(is_published=False), EventFactory(is_published=False)
    path = preview_path(draft)
    assert client.get(path).status_code == 200
    assert client.get(path.replace(draft.slug, other.slug)).status_code == 404
    assert client.get(path[:-3] + "xyz/").status_code == 404


def test_copy_an_event_as_a_draft_on_a_new_date(orga, organiser):
    source = EventFactory(network=organiser.network, title="Temasession")
    ItemFactory(day=DayFactory(event=source), title="Velkomst")
    source.organisers.add(organiser.user)
    response = orga.post(
        reverse("orga:event-copy", args=[source.slug]),
        {"title": "Temasession 2031", "starts_on": "2031-03-04"},
    )
    copy = Event.objects.get(title="Temasession 2031")
    assert response["Location"] == reverse("orga:event-edit", args=[copy.slug])
    assert copy.local_start.date() == dt.date(2031, 3, 4)
    assert not copy.is_published
    assert copy.days.get().items.get().title == "Velkomst"


def test_copy_a_whole_series_keeping_the_distances(orga, organiser):
    series = Series.objects.create(
        network=organiser.network, slug="temasessioner", title="Temasessioner", planned_count=3
    )
    for n, day in enumerate([dt.date(2030, 9, 30), dt.date(2030, 10, 28), dt.date(2030, 11, 25)]):
        start = dt.datetime.combine(day, dt.time(12, 30), tzinfo=dt.UTC)
        EventFactory(
            network=organiser.network,
            series=series,
            series_position=n + 1,
            title=f"Temasession {n + 1}",
            starts_at=start,
            ends_at=start + dt.timedelta(hours=3),
        )
    orga.post(
        reverse("orga:series-copy", args=[series.slug]),
        {"title": "Temasessioner 2031", "starts_on": "2031-09-29"},
    )
    copy = Series.objects.get(title="Temasessioner 2031")
    events = list(copy.events.order_by("starts_at"))
    assert [e.local_start.date() for e in events] == [
        dt.date(2031, 9, 29),
        dt.date(2031, 10, 27),
        dt.date(2031, 11, 24),
    ]
    assert [e.series_position for e in events] == [1, 2, 3]
    assert not any(e.is_published for e in events)


def test_another_networks_organiser_reaches_none_of_the_steps(client, db):
    event = EventFactory(is_published=False)
    series = Series.objects.create(network=event.network, slug="s", title="S")
    client.force_login(TeamMembershipFactory(role="admin").user)
    for name, arg in [
        ("orga:event-setup-place", event.slug),
        ("orga:event-setup-about", event.slug),
        ("orga:event-setup-programme", event.slug),
        ("orga:event-setup-registration", event.slug),
        ("orga:event-setup-publish", event.slug),
        ("orga:event-copy", event.slug),
        ("orga:series-copy", series.slug),
    ]:
        url = reverse(name, args=[arg])
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"action": "publish"}).status_code == 404, url
    assert not Event.objects.get(pk=event.pk).is_published


def test_checkin_staff_cannot_create_events(client, db):
    client.force_login(TeamMembershipFactory(role="checkin").user)
    assert client.get(reverse("orga:event-new")).status_code == 403
