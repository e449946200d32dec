"""Every organiser and API address, found by walking the URL resolver, asked for another
network's objects: by nobody, by each role of network A, and (so the test can fail) by network
B's own administrator.

A new URL argument that OBJECTS_OF_B does not know fails the test, so no new page slips past.
"""

import datetime as dt
import re
from dataclasses import dataclass

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from samling.announcements.models import Announcement
from samling.events.models import Series
from samling.groups.models import DiscussionGroup, GroupDiscussion
from samling.networks.models import TeamMembership
from samling.notifications.models import EventMessage
from samling.programme.models import Item
from samling.registration.models import Registration
from samling.registration.services import register
from tests.factories import ItemFactory, TeamMembershipFactory, open_event, registration_data

pytestmark = pytest.mark.integration

Role = TeamMembership.Role
DENIED = {403, 404}
# A method the view does not take is refused before any object is looked up: nothing leaks.
NOT_ALLOWED = 405
# Organiser pages anyone may open: logging in and getting a new password.
ACCOUNT_PAGES = {
    "orga:login",
    "orga:logout",
    "orga:password-reset",
    "orga:password-reset-done",
    "orga:password-reset-confirm",
    "orga:password-reset-complete",
}


@dataclass(frozen=True)
class Route:
    route: str
    name: str | None
    kwargs: tuple[str, ...]

    def is_file(self) -> bool:
        """An endpoint that is not a page (JSON, PDF, CSV…): 401/403/404 will do without a session."""
        return bool(re.search(r"\.[\w<>:]+$", self.route))


def walk(patterns=None, prefix="", namespace=None):
    if patterns is None:
        patterns = get_resolver().url_patterns
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            kwargs = [*pattern.pattern.regex.groupindex]
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield Route(prefix + str(pattern.pattern), name, tuple(kwargs))


def routes(prefix):
    found = [route for route in walk() if route.route.startswith(prefix)]
    assert found, f"no URL patterns under /{prefix}"
    return found


@pytest.fixture
def world(db):
    """Network A with a person in each role; network B with one object of every kind."""
    admin_a = TeamMembershipFactory(role=Role.ADMIN)
    network_a = admin_a.network
    organiser_a = TeamMembershipFactory(network=network_a, role=Role.ORGANISER)
    checkin_a = TeamMembershipFactory(network=network_a, role=Role.CHECKIN)
    event_a = open_event(network=network_a, title="Møde i netværk A")
    event_a.organisers.add(organiser_a.user)

    admin_b = TeamMembershipFactory(role=Role.ADMIN)
    network_b = admin_b.network
    event_b = open_event(network=network_b, title="Hemmeligt møde i netværk B")
    draft_b = open_event(network=network_b, title="Udkast i netværk B", is_published=False)
    registration_b = register(event_b, registration_data(0, name="Bodil fra B"))[0]
    item = ItemFactory(day__event=event_b, kind=Item.Kind.GROUP_WORK, title="Drøftelse i B")
    discussion_b = GroupDiscussion.objects.create(
        event=event_b, item=item, track_source=GroupDiscussion.TrackSource.SINGLE
    )
    group_b = DiscussionGroup.objects.create(discussion=discussion_b, name="Gruppe B1")
    announcement_b = Announcement.objects.create(
        network=network_b, title="Nyhed fra netværk B", slug="nyhed-fra-b"
    )
    # A reminder not yet sent: one that every message page (detail, edit) takes.
    message_b = EventMessage.objects.create(
        event=event_b,
        kind=EventMessage.Kind.REMINDER,
        texts={"da": {"subject": "Praktisk", "body": "Husk madpakke."}},
        days_before=1,
        send_time=dt.time(9, 0),
    )
    return {
        "a": {"admin": admin_a.user, "organiser": organiser_a.user, "checkin": checkin_a.user},
        "event_a": event_a,
        "admin_b": admin_b.user,
        "network_b": network_b,
        "event_b": event_b,
        "draft_b": draft_b,
        "registration_b": registration_b,
        "discussion_b": discussion_b,
        "group_b": group_b,
        "announcement_b": announcement_b,
        "message_b": message_b,
        "series_b": Series.objects.create(network=network_b, slug="serie-b", title="Serie B"),
    }


def objects_of_b(world) -> dict:
    """What each URL argument means in network B. `pk` depends on the segment before it."""
    return {
        "slug": world["event_b"].slug,
        "network": world["network_b"].slug,
        "pk": {
            "registrations": world["registration_b"].pk,
            "groups": world["discussion_b"].pk,
            "news": world["announcement_b"].pk,
            "messages": world["message_b"].pk,
            "items": world["discussion_b"].item_id,
            "days": world["discussion_b"].item.day_id,
        },
        "group": world["group_b"].pk,
        "series": world["series_b"].slug,
        "kind": "participants",
        "fmt": "csv",
        "format": "csv",
        # The reset link of B's administrator, with a token that is not theirs.
        "uidb64": "MQ",
        "token": "1-not-a-token",
    }


def url_for(route: Route, objects: dict) -> str:
    if route.name is None:
        pytest.fail(f"/{route.route} has no URL name: give it one so this walk can build it")
    kwargs = {}
    for name in route.kwargs:
        if name not in objects:
            pytest.fail(
                f"/{route.route} ({route.name}) takes '{name}', which the permission walk does "
                f"not know: add what it means in network B to objects_of_b() in {__name__}"
            )
        value = objects[name]
        if isinstance(value, dict):
            before = re.search(rf"([\w-]+)/<(?:\w+:)?{name}>", route.route)
            segment = before.group(1) if before else None
            if segment not in value:
                pytest.fail(
                    f"/{route.route} ({route.name}): '{name}' after '{segment}/' is not mapped "
                    f"to an object of network B in objects_of_b() in {__name__}"
                )
            value = value[segment]
        kwargs[name] = value
    return reverse(route.name, kwargs=kwargs)


def orga_routes_with_objects():
    return [r for r in routes("orga/") if r.kwargs and r.name not in ACCOUNT_PAGES]


def test_every_orga_page_needs_a_login(client, world):
    objects = objects_of_b(world)
    wrong = []
    for route in routes("orga/"):
        url = url_for(route, objects)
        if route.name in ACCOUNT_PAGES:
            continue
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            to_login = response.status_code == 302 and response["Location"].startswith(
                "/orga/login/"
            )
            refused = response.status_code in {401, *DENIED, NOT_ALLOWED} and (
                method == "post" or route.is_file()
            )
            if not (to_login or refused):
                wrong.append(f"{method.upper()} {url}: {response.status_code}")
    assert not wrong, "reachable without logging in:\n" + "\n".join(wrong)


def test_account_pages_are_open_and_a_wrong_reset_link_sets_nothing(client, world):
    objects = objects_of_b(world)
    for route in routes("orga/"):
        if route.name in ACCOUNT_PAGES - {"orga:logout"}:
            response = client.get(url_for(route, objects))
            assert response.status_code == 200, route
            assert "Hemmeligt møde" not in response.content.decode()
    confirm = client.get(
        reverse("orga:password-reset-confirm", kwargs={"uidb64": "MQ", "token": "x-y"})
    )
    assert 'name="new_password1"' not in confirm.content.decode()


@pytest.mark.parametrize("role", ["admin", "organiser", "checkin"])
def test_network_a_reaches_nothing_of_network_b(client, world, role):
    client.force_login(world["a"][role])
    html = client.get("/orga/").content.decode()
    if role != "checkin":
        assert world["event_a"].title in html  # the list is there, only without B
    for title in (world["event_b"].title, world["draft_b"].title, "Nyhed fra netværk B"):
        assert title not in html

    objects = objects_of_b(world)
    leaks = []
    for route in orga_routes_with_objects():
        url = url_for(route, objects)
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            if response.status_code not in {*DENIED, NOT_ALLOWED}:
                leaks.append(f"{method.upper()} {url}: {response.status_code}")
    assert not leaks, f"{role} of network A reaches network B:\n" + "\n".join(leaks)

    # The POSTs changed nothing of B.
    registration = Registration.objects.get(pk=world["registration_b"].pk)
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.checked_in_at is None
    assert Announcement.objects.filter(pk=world["announcement_b"].pk).exists()
    assert GroupDiscussion.objects.filter(pk=world["discussion_b"].pk).exists()


def test_network_b_administrator_reaches_every_page_of_their_own(client, world):
    """Without this, every 404 above could come from a map pointing at nothing."""
    client.force_login(world["admin_b"])
    assert world["event_b"].title in client.get("/orga/").content.decode()
    objects = objects_of_b(world)
    statuses = {}
    for route in orga_routes_with_objects():
        url = url_for(route, objects)
        statuses[url] = client.get(url).status_code
    unreachable = {url: code for url, code in statuses.items() if code not in {200, 302, 405}}
    assert not unreachable, f"network B's administrator is refused: {unreachable}"
    pages = [url for url, code in statuses.items() if code == 200]
    assert len(pages) >= len(statuses) // 2


@pytest.fixture
def clients(client, world):
    """The API is read by anyone; a session of either network must change nothing."""
    from django.test import Client

    logged_a, logged_b = Client(), Client()
    logged_a.force_login(world["a"]["admin"])
    logged_b.force_login(world["admin_b"])
    return {"anonymous": client, "admin of A": logged_a, "admin of B": logged_b}


def test_api_lists_no_draft_of_any_network(clients, world):
    for who, client in clients.items():
        response = client.get("/api/v1/events")
        assert response.status_code == 200
        slugs = {event["slug"] for event in response.json()}
        assert world["event_b"].slug in slugs, who
        assert world["draft_b"].slug not in slugs, who
        by_network = client.get(f"/api/v1/events?network={world['network_b'].slug}").json()
        assert world["draft_b"].slug not in {event["slug"] for event in by_network}, who


def test_every_api_address_refuses_a_draft(clients, world):
    draft = {"slug": world["draft_b"].slug}
    api_routes = [route for route in routes("api/v1/") if route.kwargs]
    assert api_routes
    wrong = []
    for who, client in clients.items():
        for route in api_routes:
            url = url_for(route, draft)
            answers = {
                "GET": client.get(url).status_code,
                "POST": client.post(
                    url,
                    {"name": "Åse", "email": "ase@example.org", "organisation": "Ærø"},
                    content_type="application/json",
                ).status_code,
            }
            if set(answers.values()) - {404, NOT_ALLOWED} or 404 not in answers.values():
                wrong.append(f"{who} {url}: {answers}")
    assert not wrong, "a draft answers through the API:\n" + "\n".join(wrong)
    assert not Registration.objects.filter(event=world["draft_b"]).exists()
    # The same addresses answer for a published event: the 404s above are the draft's.
    published = clients["anonymous"].get(f"/api/v1/events/{world['event_b'].slug}")
    assert published.status_code == 200
