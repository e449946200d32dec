"""The organiser's dashboards: figures on the event page and short figures on /orga/."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samling.registration.models import Option, Registration
from samling.registration.queries import (
    Chart,
    dashboard_figures,
    registrations_per_day,
    top_municipalities,
)
from samling.registration.services import register
from tests.factories import (
    EventFactory,
    MunicipalityFactory,
    TeamMembershipFactory,
    open_event,
    registration_data,
)

pytestmark = pytest.mark.integration


@pytest.fixture
def admin(db):
    return TeamMembershipFactory(role="admin")


@pytest.fixture
def logged_in(client, admin):
    client.force_login(admin.user)
    return client


def add(event, n, **fields):
    return register(event, registration_data(n, **fields))[0]


def event_url(event):
    return reverse("orga:event", args=[event.slug])


def test_dashboard_figures_capacity_waiting_options_categories(admin):
    event = open_event(capacity=2, network=admin.network)
    bus = Option.objects.create(event=event, key="bus", kind="bus", label="Bussen", capacity=1)
    politician, official = list(event.categories.order_by("position"))[:2]
    add(event, 0, category=politician, options=[bus])
    add(event, 1, category=politician, options=[bus])
    add(event, 2, category=official)

    figures = dashboard_figures(event)

    counts = figures.counts
    assert (counts.capacity, counts.confirmed, counts.available, counts.waitlisted) == (2, 2, 0, 1)
    [option] = counts.options
    assert (option.label, option.capacity, option.confirmed, option.available) == (
        "Bussen",
        1,
        1,
        0,
    )
    by_category = {tally.label: (tally.confirmed, tally.waitlisted) for tally in counts.categories}
    assert by_category[politician.name] == (2, 0)
    assert by_category[official.name] == (0, 1)
    assert [r.name for r in figures.latest] == ["Deltager 2", "Deltager 1", "Deltager 0"]


def test_registrations_per_day_fills_the_days_between(admin):
    event = open_event(network=admin.network)
    first, second, third = (add(event, n) for n in range(3))
    cancelled = add(event, 3)
    Registration.objects.filter(pk=cancelled.pk).update(status=Registration.Status.CANCELLED)
    day_one = timezone.now() - dt.timedelta(days=5)
    Registration.objects.filter(pk__in=[first.pk, second.pk]).update(created_at=day_one)
    Registration.objects.filter(pk=third.pk).update(created_at=day_one + dt.timedelta(days=2))

    days = registrations_per_day(event)

    assert [(day.count, day.total) for day in days] == [(2, 2), (0, 2), (1, 3)]
    assert days[0].date == timezone.localtime(day_one, event.tz).date()
    assert days[2].date - days[0].date == dt.timedelta(days=2)
    chart = Chart(days)
    assert len(chart.points.split()) == 3
    assert chart.busiest is days[0]


def test_top_municipalities_adds_up_the_rest(admin):
    event = open_event(network=admin.network)
    municipalities = MunicipalityFactory.create_batch(12)
    for n, municipality in enumerate(municipalities):
        for k in range(1 if n else 3):
            add(event, n * 10 + k, municipality=municipality)

    figures = dashboard_figures(event)

    assert len(figures.municipalities) == 10
    assert figures.municipalities[0].label == municipalities[0].name
    assert figures.municipalities[0].confirmed == 3
    assert figures.other_municipalities.obj == 2
    assert figures.other_municipalities.confirmed == 2
    assert top_municipalities(figures.municipalities)[1] is None


def test_event_page_shows_the_dashboard(logged_in, admin):
    event = open_event(capacity=2, network=admin.network)
    Option.objects.create(event=event, key="bus", kind="bus", label="Bussen", capacity=10)
    municipality = MunicipalityFactory(name="Skellefteå")
    people = [add(event, n, municipality=municipality) for n in range(3)]

    response = logged_in.get(event_url(event))

    assert response.status_code == 200
    html = response.content.decode()
    assert "orga-dashboard.css" in html
    assert 'role="img"' in html and "<title>3 registrations from" in html
    assert "Skellefteå" in html and "Bussen" in html
    for person in people:
        url = reverse("orga:registration", args=[event.slug, person.pk])
        assert f'href="{url}"' in html
    for fmt in ("xlsx", "csv"):
        url = reverse("orga:registrations-export", args=[event.slug, "participants", fmt])
        assert f'href="{url}"' in html
    assert reverse("orga:event-edit", args=[event.slug]) in html  # the actions stay
    dashboard = html.index("Registration at a glance")
    assert html.index('aria-label="Work on this event"') < dashboard
    assert "style=" not in html[dashboard:]


def test_event_page_lists_only_the_latest_five(logged_in, admin):
    event = open_event(network=admin.network)
    people = [add(event, n) for n in range(7)]

    figures = logged_in.get(event_url(event)).context["figures"]

    assert [r.pk for r in figures.latest] == [p.pk for p in reversed(people[2:])]


def event_page_queries(client, event):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(event_url(event))
    assert response.status_code == 200
    return len(queries)


def test_event_page_queries_do_not_grow_with_registrations(logged_in, admin):
    municipalities = MunicipalityFactory.create_batch(3)
    one = open_event(capacity=2, network=admin.network)
    three = open_event(capacity=2, network=admin.network)
    for event in (one, three):
        Option.objects.create(event=event, key="bus", kind="bus", label="Bussen", capacity=10)
    add(one, 0, municipality=municipalities[0])
    for n, municipality in enumerate(municipalities):
        add(three, n, municipality=municipality)

    assert event_page_queries(logged_in, one) == event_page_queries(logged_in, three)


def test_event_without_registration_still_renders(logged_in, admin):
    event = EventFactory(network=admin.network)

    response = logged_in.get(event_url(event))

    assert response.status_code == 200
    assert response.context["figures"] is None
    assert "Registration at a glance" not in response.content.decode()
    response = logged_in.get(reverse("orga:dashboard"))
    assert "No registration" in response.content.decode()


def test_another_networks_admin_gets_404(client, admin):
    event = open_event(capacity=5, network=admin.network)
    add(event, 0, name="Hemmelig Person")
    stranger = TeamMembershipFactory(role="admin")
    client.force_login(stranger.user)

    assert client.get(event_url(event)).status_code == 404
    html = client.get(reverse("orga:dashboard")).content.decode()
    assert event.title not in html and "Hemmelig Person" not in html


def test_event_list_shows_short_figures(logged_in, admin):
    event = open_event(capacity=2, network=admin.network)
    for n in range(3):
        add(event, n)
    unlimited = open_event(network=admin.network)
    add(unlimited, 0)

    response = logged_in.get(reverse("orga:dashboard"))

    html = response.content.decode()
    assert "2 of 2 confirmed" in html
    assert "1 waiting" in html
    assert "1 confirmed" in html
    events = {e.pk: e for e in response.context["events"]}
    assert (events[event.pk].reg_confirmed, events[event.pk].reg_waitlisted) == (2, 1)


def event_list_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("orga:dashboard"))
    assert response.status_code == 200
    return len(queries)


def test_event_list_queries_do_not_grow_with_events(logged_in, admin):
    add(open_event(capacity=3, network=admin.network), 0)
    one = event_list_queries(logged_in)
    for _n in range(2):
        event = open_event(capacity=3, network=admin.network)
        add(event, 0)
        add(event, 1)
    EventFactory(network=admin.network)

    assert event_list_queries(logged_in) == one
