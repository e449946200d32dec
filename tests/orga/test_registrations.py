import csv
import datetime as dt
import io

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samling.registration.models import Option, Registration
from samling.registration.services import register, waitlist_size
from tests.factories import (
    EventFactory,
    MunicipalityFactory,
    TeamMembershipFactory,
    UserFactory,
    open_event,
    registration_data,
)

pytestmark = pytest.mark.integration

CONFIRMED = Registration.Status.CONFIRMED
WAITLISTED = Registration.Status.WAITLISTED
CANCELLED = Registration.Status.CANCELLED


@pytest.fixture
def organiser(db):
    return TeamMembershipFactory()


@pytest.fixture
def event(organiser):
    event = open_event(capacity=2, network=organiser.network)
    event.bus = Option.objects.create(
        event=event, key="bus", kind="bus", label="Bussen", capacity=10
    )
    return event


@pytest.fixture
def logged_in(client, organiser):
    client.force_login(organiser.user)
    return client


def add(event, n, **fields):
    return register(event, registration_data(n, **fields))[0]


def get_urls(event, pk):
    return [
        reverse("orga:registrations", args=[event.slug]),
        reverse("orga:registration-add", args=[event.slug]),
        reverse("orga:waitlist", args=[event.slug]),
        reverse("orga:registration", args=[event.slug, pk]),
        reverse("orga:registration-cancel", args=[event.slug, pk]),
        *[
            reverse("orga:registrations-export", args=[event.slug, kind, fmt])
            for kind in ("participants", "bus", "pickup", "meals", "badges")
            for fmt in ("csv", "xlsx")
        ],
    ]


def post_urls(event, pk):
    return [
        reverse("orga:registration-add", args=[event.slug]),
        reverse("orga:registration-cancel", args=[event.slug, pk]),
        reverse("orga:registration-move-to-waitlist", args=[event.slug, pk]),
        reverse("orga:registration-confirm", args=[event.slug, pk]),
    ]


def test_pages_require_a_login(client, event):
    registration = add(event, 0)
    for url in get_urls(event, registration.pk) + post_urls(event, registration.pk):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/orga/login/")


def test_another_networks_event_is_not_found_on_every_url(logged_in):
    other = open_event(capacity=5)
    registration = add(other, 0, name="Fremmed Deltager")
    for url in get_urls(other, registration.pk):
        assert logged_in.get(url).status_code == 404, url
    for url in post_urls(other, registration.pk):
        response = logged_in.post(url, {"confirmed": "1", "name": "X", "email": "x@example.org"})
        assert response.status_code == 404, url
    registration.refresh_from_db()
    assert registration.status == CONFIRMED
    assert Registration.objects.count() == 1


def test_a_registration_of_another_event_is_not_found_through_mine(logged_in, event):
    other = open_event(capacity=5)
    foreign = add(other, 0)
    for url in (
        reverse("orga:registration", args=[event.slug, foreign.pk]),
        reverse("orga:registration-cancel", args=[event.slug, foreign.pk]),
    ):
        assert logged_in.get(url).status_code == 404
    url = reverse("orga:registration-cancel", args=[event.slug, foreign.pk])
    assert logged_in.post(url, {"confirmed": "1"}).status_code == 404
    foreign.refresh_from_db()
    assert foreign.status == CONFIRMED


def test_list_shows_nothing_of_another_event(logged_in, event):
    other = open_event(capacity=5)
    add(other, 0, name="Fremmed Deltager")
    add(event, 1, name="Egen Deltager")
    html = logged_in.get(reverse("orga:registrations", args=[event.slug])).content.decode()
    assert "Egen Deltager" in html and "Fremmed Deltager" not in html


@pytest.mark.parametrize("role", ["checkin", "organiser"])
def test_checkin_staff_and_organisers_without_the_event_get_404(client, event, role):
    registration = add(event, 0)
    membership = TeamMembershipFactory(network=event.network, role=role)
    client.force_login(membership.user)
    for url in get_urls(event, registration.pk):
        assert client.get(url).status_code == 404, url
    for url in post_urls(event, registration.pk):
        assert client.post(url, {"confirmed": "1"}).status_code == 404, url


def test_organiser_given_the_event_may_manage_it(client, event):
    membership = TeamMembershipFactory(network=event.network, role="organiser")
    event.organisers.add(membership.user)
    client.force_login(membership.user)
    assert client.get(reverse("orga:registrations", args=[event.slug])).status_code == 200


def test_event_without_registration_is_not_found(logged_in, organiser):
    event = EventFactory(network=organiser.network)
    assert logged_in.get(reverse("orga:registrations", args=[event.slug])).status_code == 404


def test_list_shows_counts(logged_in, event):
    add(event, 0, options=[event.bus])
    add(event, 1)
    add(event, 2)
    html = logged_in.get(reverse("orga:registrations", args=[event.slug])).content.decode()
    assert "2 of 2" in html  # confirmed of capacity
    assert "Bussen" in html
    assert "orga-registrations.css" in html
    assert "style=" not in html and "<script" not in html


def test_list_filters(logged_in, event):
    aero = MunicipalityFactory(name="Ærø")
    event.network.members.add(aero)
    politician = event.categories.get(key="politician")
    add(event, 0, name="Anne Holm", organisation="Region Syd", category=politician)
    add(event, 1, name="Bo Berg", municipality=aero, options=[event.bus])
    waiting = add(event, 2, name="Cai Dahl")
    cancelled = add(event, 3, name="Dorte Dal")
    from samling.registration.services import cancel_registration

    cancel_registration(cancelled)
    url = reverse("orga:registrations", args=[event.slug])

    def names(**params):
        response = logged_in.get(url, params)
        assert response.status_code == 200
        return [r.name for r in response.context["registrations"]]

    assert names() == ["Anne Holm", "Bo Berg", "Cai Dahl"]
    assert names(q="region") == ["Anne Holm"]
    assert names(category=politician.pk) == ["Anne Holm"]
    assert names(municipality=aero.pk) == ["Bo Berg"]
    assert names(option=event.bus.pk) == ["Bo Berg"]
    assert names(status="waitlisted") == ["Cai Dahl"]
    assert names(status="cancelled") == ["Dorte Dal"]
    assert names(status="all") == ["Anne Holm", "Bo Berg", "Cai Dahl", "Dorte Dal"]
    assert names(category="999999", q="cai") == ["Cai Dahl"]  # an unknown value is ignored
    assert waiting.status == WAITLISTED


@pytest.mark.parametrize("rows", [1, 3])
def test_list_page_query_count_does_not_grow(logged_in, event, rows):
    aero = MunicipalityFactory(name="Ærø")
    politician = event.categories.get(key="politician")
    for n in range(rows):
        add(event, n, municipality=aero, category=politician, options=[event.bus])
    url = reverse("orga:registrations", args=[event.slug])
    logged_in.get(url)  # the session is read once
    with CaptureQueriesContext(connection) as queries:
        assert logged_in.get(url).status_code == 200
    assert len(queries) == 12, [q["sql"] for q in queries]


@pytest.mark.parametrize("rows", [1, 3])
def test_waitlist_page_query_count_does_not_grow(logged_in, event, rows):
    for n in range(2 + rows):
        add(event, n, options=[event.bus])
    url = reverse("orga:waitlist", args=[event.slug])
    logged_in.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = logged_in.get(url)
    assert len(response.context["waiting"]) == rows
    assert len(queries) == 5, [q["sql"] for q in queries]


def test_cancel_asks_first_then_cancels_and_promotes(
    logged_in, event, django_capture_on_commit_callbacks
):
    first = add(event, 0)
    add(event, 1)
    waiting = add(event, 2, name="Næste Ventende")
    url = reverse("orga:registration-cancel", args=[event.slug, first.pk])
    back = reverse("orga:registrations", args=[event.slug]) + "?status=all"
    page = logged_in.post(url, {"next": back})
    assert page.status_code == 200 and 'name="confirmed"' in page.content.decode()
    first.refresh_from_db()
    assert first.status == CONFIRMED
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = logged_in.post(url, {"next": back, "confirmed": "1"}, follow=True)
    assert response.redirect_chain[-1][0] == back
    first.refresh_from_db()
    waiting.refresh_from_db()
    assert (first.status, waiting.status) == (CANCELLED, CONFIRMED)
    assert "Næste Ventende" in response.content.decode()
    assert sorted(m.to[0] for m in mail.outbox) == [
        "deltager0@example.org",
        "deltager2@example.org",
    ]
    settings = event.registration_settings
    settings.refresh_from_db()
    assert (settings.confirmed_count, waitlist_size(settings.event)) == (2, 0)


def test_move_to_waitlist_then_confirm_someone_else(
    logged_in, event, django_capture_on_commit_callbacks
):
    first = add(event, 0)
    add(event, 1)
    third = add(event, 2)
    move = reverse("orga:registration-move-to-waitlist", args=[event.slug, first.pk])
    confirm = reverse("orga:registration-confirm", args=[event.slug, third.pk])
    assert logged_in.post(confirm).status_code == 302  # full: refused with a message
    third.refresh_from_db()
    assert third.status == WAITLISTED
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        logged_in.post(move)
        response = logged_in.post(confirm, follow=True)
    first.refresh_from_db()
    third.refresh_from_db()
    assert (first.status, third.status) == (WAITLISTED, CONFIRMED)
    assert [m.to[0] for m in mail.outbox] == ["deltager0@example.org", "deltager2@example.org"]
    assert response.status_code == 200
    waitlist = logged_in.get(reverse("orga:waitlist", args=[event.slug]))
    assert [(p, r.pk) for p, r in waitlist.context["waiting"]] == [(1, first.pk)]


def test_actions_need_post(logged_in, event):
    registration = add(event, 0)
    for name in ("registration-move-to-waitlist", "registration-confirm"):
        url = reverse(f"orga:{name}", args=[event.slug, registration.pk])
        assert logged_in.get(url).status_code == 405


def test_actions_do_not_redirect_elsewhere(logged_in, event):
    registration = add(event, 0)
    url = reverse("orga:registration-move-to-waitlist", args=[event.slug, registration.pk])
    response = logged_in.post(url, {"next": "https://evil.example/"})
    assert response["Location"] == reverse("orga:registrations", args=[event.slug])


def test_list_rows_carry_csrf_protected_action_forms(logged_in, event):
    add(event, 0)
    add(event, 1)
    add(event, 2)
    html = logged_in.get(reverse("orga:registrations", args=[event.slug])).content.decode()
    assert html.count("csrfmiddlewaretoken") >= 5  # 2 × (move, cancel) + confirm, cancel
    assert "move-to-waitlist" in html and "/confirm/" in html


def test_add_a_participant_after_the_deadline(logged_in, event, django_capture_on_commit_callbacks):
    settings = event.registration_settings
    settings.opens_at = timezone.now() - dt.timedelta(days=5)
    settings.closes_at = timezone.now() - dt.timedelta(days=1)
    settings.save()
    url = reverse("orga:registration-add", args=[event.slug])
    page = logged_in.get(url)
    assert page.status_code == 200 and 'name="language"' in page.content.decode()
    politician = event.categories.get(key="politician")
    data = {
        "name": "Åse Ødegård",
        "email": "aase@example.org",
        "organisation": "Ærø Kommune",
        "category": politician.pk,
        "option_bus": "on",
        "language": "sv",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = logged_in.post(url, data)
    assert response.status_code == 302
    registration = Registration.objects.get(email="aase@example.org")
    assert registration.status == CONFIRMED and registration.language == "sv"
    assert [c.option for c in registration.chosen_options.all()] == [event.bus]
    assert [m.to[0] for m in mail.outbox] == ["aase@example.org"]
    again = logged_in.post(url, data)
    assert again.status_code == 200
    assert 'role="alert"' in again.content.decode()
    assert Registration.objects.count() == 1


def test_detail_page(logged_in, event):
    registration = add(event, 0, name="Ærlig Ødegård", dietary_needs="Vegetar")
    response = logged_in.get(reverse("orga:registration", args=[event.slug, registration.pk]))
    html = response.content.decode()
    assert "Ærlig Ødegård" in html and "Vegetar" in html
    assert registration.get_absolute_url() in html


def test_export_declares_filename_type_and_no_caching(logged_in, event):
    add(event, 0, name="Ærø Ångström 🙂")
    url = reverse("orga:registrations-export", args=[event.slug, "participants", "csv"])
    response = logged_in.get(url)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="{event.slug}-participants.csv"'
    )
    assert response["Cache-Control"] == "private, no-store"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][0] == "Ærø Ångström 🙂"
    url = reverse("orga:registrations-export", args=[event.slug, "badges", "xlsx"])
    response = logged_in.get(url)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"].endswith(f'filename="{event.slug}-badges.xlsx"')


def test_unknown_export_is_not_found(logged_in, event):
    for kind, fmt in (("guests", "csv"), ("participants", "pdf")):
        url = reverse("orga:registrations-export", args=[event.slug, kind, fmt])
        assert logged_in.get(url).status_code == 404


def test_superuser_sees_every_event(client, event):
    user = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(user)
    assert client.get(reverse("orga:waitlist", args=[event.slug])).status_code == 200


def test_demo_events_pages_and_lists(client, demo):
    from samling.events.models import Event
    from samling.networks.models import User

    skelleftea = Event.objects.get(slug="innovationsmotet-skelleftea-2027")
    kl_event = Event.objects.get(slug="temasession-innovation-og-udvikling-2027")
    options = {o.key: o for o in skelleftea.options.all()}
    for n, (hour, need) in enumerate([(11, "Vegetarisk"), (8, "vegetarisk."), (9, "")]):
        arrival = dt.datetime.combine(
            skelleftea.local_start.date(), dt.time(hour, 0), tzinfo=skelleftea.tz
        )
        register(
            skelleftea,
            registration_data(
                n,
                language="sv",
                arrival=arrival,
                dietary_needs=need,
                options=[options["flygplats"], options["buss"], options["lunch-1"]],
            ),
        )
    client.force_login(User.objects.get(email="admin@industrikommuner.demo"))
    assert client.get(reverse("orga:registrations", args=[skelleftea.slug])).status_code == 200
    assert client.get(reverse("orga:registrations", args=[kl_event.slug])).status_code == 404
    url = reverse("orga:registrations-export", args=[skelleftea.slug, "pickup", "csv"])
    rows = list(csv.reader(io.StringIO(client.get(url).content.decode("utf-8-sig"))))
    assert [row[0][-5:] for row in rows[1:]] == ["08:00", "09:00", "11:00"]
    url = reverse("orga:registrations-export", args=[skelleftea.slug, "meals", "csv"])
    rows = list(csv.reader(io.StringIO(client.get(url).content.decode("utf-8-sig"))))
    assert rows[1][2] == "3" and rows[2][1:] == ["Vegetarisk", "2"]
    client.force_login(User.objects.get(email="checkin@industrikommuner.demo"))
    assert client.get(reverse("orga:registrations", args=[skelleftea.slug])).status_code == 404
    client.force_login(User.objects.get(email="admin@kl.demo"))
    response = client.get(reverse("orga:registrations", args=[kl_event.slug]))
    assert len(response.context["registrations"]) == 40
