import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from samling.events.models import Event
from tests.factories import CPH, EventFactory, NetworkFactory

from .helpers import fetch

pytestmark = pytest.mark.integration

ATOM = "{http://www.w3.org/2005/Atom}"


def upcoming(network, days, **kwargs):
    start = dt.datetime.now(tz=CPH).replace(microsecond=0) + dt.timedelta(days=days)
    return EventFactory(
        network=network, starts_at=start, ends_at=start + dt.timedelta(hours=3), **kwargs
    )


@pytest.fixture
def networks(db):
    """A network with a past, an upcoming, a later and a draft event; a second network."""
    network = NetworkFactory(name="Netværk for Fyn", description="Fynske kommuner.")
    other = NetworkFactory(name="Andet netværk")
    events = {
        "later": upcoming(network, 60, title="Senere møde"),
        "soon": upcoming(network, 10, title="Næste møde", summary="Om affald."),
        "past": upcoming(network, -10, title="Forrige møde"),
        "draft": upcoming(network, 20, title="Kladde", is_published=False),
        "other": upcoming(other, 15, title="Andet netværks møde"),
    }
    return network, other, events


def feed(client, network, **params):
    response = fetch(
        client, reverse("public:network-feed", kwargs={"network": network.slug}), **params
    )
    return response, ET.fromstring(response.content)


def test_atom_feed_lists_the_networks_upcoming_published_events_soonest_first(client, networks):
    network, _other, events = networks
    response, root = feed(client, network)
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    assert root.tag == f"{ATOM}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "da"
    assert network.name in root.find(f"{ATOM}title").text
    assert root.find(f"{ATOM}author/{ATOM}name").text == network.name
    self_link = root.find(f"{ATOM}link[@rel='self']").get("href")
    assert self_link == f"http://127.0.0.1:8000/networks/{network.slug}/feed.atom"
    entries = root.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == ["Næste møde", "Senere møde"]
    soon = entries[0]
    assert soon.find(f"{ATOM}link").get("href") == (
        f"http://127.0.0.1:8000/events/{events['soon'].slug}/"
    )
    assert soon.find(f"{ATOM}id").text.endswith(f":event-{events['soon'].pk}")
    summary = soon.find(f"{ATOM}summary").text
    assert "Om affald." in summary
    updated = dt.datetime.fromisoformat(soon.find(f"{ATOM}updated").text)
    assert updated == events["soon"].updated_at


def test_atom_feed_does_not_leak_another_networks_events(client, networks):
    network, other, events = networks
    _response, root = feed(client, network)
    titles = {e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry")}
    assert "Andet netværks møde" not in titles and "Kladde" not in titles
    _response, root = feed(client, other)
    titles = [e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry")]
    assert titles == ["Andet netværks møde"]


def test_atom_feed_marks_cancelled_events_and_follows_changes(client, networks):
    network, _other, events = networks
    feed(client, network)
    event = events["soon"]
    event.status = Event.Status.CANCELLED
    event.save()
    _response, root = feed(client, network)
    assert root.find(f"{ATOM}entry/{ATOM}title").text == "Aflyst: Næste møde"  # in Danish


def test_unknown_network_outputs_are_not_found(client, db):
    for name in ("public:network-feed", "public:network-ical", "public:network-embed"):
        assert client.get(reverse(name, kwargs={"network": "nope"})).status_code == 404


def test_embed_page_may_be_framed_and_lists_upcoming_events(client, networks):
    network, _other, _events = networks
    url = reverse("public:network-embed", kwargs={"network": network.slug})
    response = fetch(client, url)
    assert "X-Frame-Options" not in response
    html = response.content.decode()
    assert html.index("Næste møde") < html.index("Senere møde")
    for absent in ("Forrige møde", "Kladde", "Andet netværks møde"):
        assert absent not in html
    assert "<style" not in html and "<script" not in html and " style=" not in html
    assert '<base target="_blank">' in html
    # Only the embed page may be framed.
    page = client.get(reverse("public:network", kwargs={"network": network.slug}))
    assert page["X-Frame-Options"] == "DENY"
    limited = fetch(client, url, limit="1").content.decode()
    assert "Næste møde" in limited and "Senere møde" not in limited


def test_network_outputs_cost_few_queries_when_cached(
    client, networks, django_assert_max_num_queries
):
    network, _other, _events = networks
    for name in ("public:network-feed", "public:network-ical", "public:network-embed"):
        url = reverse(name, kwargs={"network": network.slug})
        fetch(client, url)
        with django_assert_max_num_queries(2):  # the network and its version
            fetch(client, url)


@pytest.mark.parametrize("count", [1, 3])
def test_network_feed_queries_do_not_grow_with_the_number_of_events(
    client, db, count, django_assert_max_num_queries
):
    network = NetworkFactory()
    for days in range(count):
        upcoming(network, days + 1)
    for name in ("public:network-feed", "public:network-ical", "public:network-embed"):
        with django_assert_max_num_queries(3):
            fetch(client, reverse(name, kwargs={"network": network.slug}))


def test_network_outputs_drop_an_event_unpublished_or_ended_at_once(client, networks):
    # Neither moves the latest change of the network's published events, which the cached
    # outputs are keyed by: the number of upcoming events is part of the key too.
    network, _other, events = networks
    urls = [
        reverse(name, kwargs={"network": network.slug})
        for name in ("public:network-feed", "public:network-ical", "public:network-embed")
    ]
    assert all("Senere møde" in fetch(client, url).content.decode() for url in urls)
    Event.objects.filter(pk=events["later"].pk).update(is_published=False)  # not the latest
    assert not any("Senere møde" in fetch(client, url).content.decode() for url in urls)
    ended = dt.datetime.now(tz=CPH) - dt.timedelta(minutes=1)
    Event.objects.filter(pk=events["soon"].pk).update(
        starts_at=ended - dt.timedelta(hours=2), ends_at=ended, updated_at=events["soon"].updated_at
    )
    assert not any("Næste møde" in fetch(client, url).content.decode() for url in urls)
