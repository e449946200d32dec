"""Public pages of a network's news: the network page, a post's page and the news feed."""

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from samling.announcements.models import Announcement
from samling.announcements.services import save_announcement
from tests.factories import AnnouncementFactory, EventFactory, NetworkFactory

pytestmark = pytest.mark.integration

ATOM = "{http://www.w3.org/2005/Atom}"
KL_POST = "/networks/kl/news/vil-du-blive-skarpere-paa-innovationsprojekter/"


def page(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def network_url(network):
    return reverse("public:network", kwargs={"network": network.slug})


def feed_url(network):
    return reverse("public:network-news-feed", kwargs={"network": network.slug})


@pytest.fixture
def posts(db):
    """A network with a post of yesterday, one of last week, a draft and one dated later."""
    network = NetworkFactory(name="Netværk for Fyn")
    now = timezone.now()
    return network, {
        "new": AnnouncementFactory(
            network=network,
            title="Ny nyhed",
            lead="Om affald.",
            published_at=now - dt.timedelta(days=1),
        ),
        "old": AnnouncementFactory(
            network=network, title="Gammel nyhed", published_at=now - dt.timedelta(days=7)
        ),
        "draft": AnnouncementFactory(network=network, title="Kladde", published_at=None),
        "later": AnnouncementFactory(
            network=network, title="Senere nyhed", published_at=now + dt.timedelta(days=2)
        ),
        "other": AnnouncementFactory(title="Andet netværks nyhed"),
    }


# The network page


def test_network_page_shows_the_published_posts_newest_first(client, posts):
    network, post = posts
    html = page(client, network_url(network))
    assert 'id="news"' in html
    assert html.index("Ny nyhed") < html.index("Gammel nyhed")
    assert post["new"].get_absolute_url() in html
    assert "Om affald." in html
    for hidden in ("Kladde", "Senere nyhed", "Andet netværks nyhed"):
        assert hidden not in html


def test_network_page_shows_the_date_in_the_readers_language(client, demo):
    assert "15. september 2020" in page(client, "/networks/kl/")
    assert "15 September 2020" in page(client, "/networks/kl/", lang="en")


def test_network_page_links_the_news_feed(client, posts):
    network, _post = posts
    html = page(client, network_url(network))
    assert re.search(
        rf'<link rel="alternate" type="application/atom\+xml" title="[^"]*" href="{feed_url(network)}">',
        html,
    )


def test_network_page_without_news_has_no_news_section(client, db):
    assert 'id="news"' not in page(client, network_url(NetworkFactory()))


def test_network_page_is_made_again_when_a_post_is_saved(client, posts):
    network, post = posts
    page(client, network_url(network))
    post["new"].title = "Rettet nyhed"
    post["new"].save()
    assert "Rettet nyhed" in page(client, network_url(network))


def test_network_page_shows_a_post_dated_later_once_it_is_due(client, posts):
    network, post = posts
    assert "Senere nyhed" not in page(client, network_url(network))
    # Time passes: nothing is saved, the network is not marked changed.
    Announcement.objects.filter(pk=post["later"].pk).update(
        published_at=timezone.now() - dt.timedelta(seconds=1)
    )
    assert "Senere nyhed" in page(client, network_url(network))


@pytest.mark.parametrize("rows", [1, 3])
def test_network_page_query_count_does_not_grow_with_posts(
    client, db, rows, django_assert_num_queries
):
    network = NetworkFactory()
    for _ in range(rows):
        post = AnnouncementFactory(network=network)
        post.events.add(EventFactory(network=network))
        save_announcement(post, new_attachments=[("Program", ContentFile(b"x", name="p.pdf"))])
    # network, events' version, news version; upcoming, past, posts + their events and
    # documents, members.
    with django_assert_num_queries(9):
        html = page(client, network_url(network))
    assert html.count('class="news-card"') == rows
    # Cached: the network and the two versions.
    with django_assert_num_queries(3):
        page(client, network_url(network))


# A post's page


def test_post_page_shows_text_documents_and_linked_events(client, db):
    network = NetworkFactory()
    event = EventFactory(network=network, title="Temasession om innovation")
    hidden = EventFactory(network=network, title="Upubliceret møde", is_published=False)
    post = save_announcement(
        AnnouncementFactory.build(
            network=network,
            title="Vil du blive skarpere?",
            body="Første afsnit.\n\nSe https://www.kl.dk/ for mere.",
        ),
        events=[event, hidden],
        new_attachments=[("Programmet", ContentFile(b"%PDF", name="program.pdf"))],
    )
    html = page(client, post.get_absolute_url())
    assert "<h1>Vil du blive skarpere?</h1>" in html
    assert "<p>Første afsnit.</p>" in html
    assert '<a href="https://www.kl.dk/" rel="nofollow">https://www.kl.dk/</a>' in html
    attachment = post.attachments.get()
    assert f'<a href="{attachment.file.url}">Programmet</a>' in html
    assert event.get_absolute_url() in html and "14. maj 2030" in html
    assert "Upubliceret møde" not in html
    assert '<html lang="da">' in html


def test_post_text_is_plain_text_not_html(client, db):
    post = AnnouncementFactory(body="<script>alert(1)</script>\n\n<b>fed</b>")
    html = page(client, post.get_absolute_url())
    assert "<script>alert(1)</script>" not in html
    assert "&lt;b&gt;fed&lt;/b&gt;" in html


def test_post_page_has_news_article_json_ld(client, demo):
    html = page(client, KL_POST)
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(raw)
    assert data["@type"] == "NewsArticle"
    assert data["datePublished"] == "2020-09-15T00:00:00+02:00"
    assert data["publisher"]["name"] == "KL – Kommunernes Landsforening"
    assert data["url"] == f"http://127.0.0.1:8000{KL_POST}"


def test_demo_post_page_links_the_theme_session_and_its_programme(client, demo):
    html = page(client, KL_POST)
    assert "15. september 2020" in html
    assert "/events/temasession-innovation-og-udvikling-i-hele-landet/" in html
    assert "30. september 2020 kl. 12.30–15.30" in html
    assert "Program til digital temasession 1" in html
    assert "/media/announcements/" in html


def test_drafts_posts_dated_later_and_other_networks_posts_are_not_found(client, posts):
    network, post = posts
    for key in ("draft", "later"):
        assert client.get(post[key].get_absolute_url()).status_code == 404
    wrong_network = reverse(
        "public:announcement", kwargs={"network": network.slug, "slug": post["other"].slug}
    )
    assert client.get(wrong_network).status_code == 404


def test_post_page_is_cached_until_the_post_changes(client, db, django_assert_num_queries):
    post = AnnouncementFactory(title="Første titel")
    assert "Første titel" in page(client, post.get_absolute_url())
    # The network, the post and the linked events' version.
    with django_assert_num_queries(3):
        page(client, post.get_absolute_url())
    save_announcement(post, new_attachments=[("Nyt bilag", ContentFile(b"x", name="b.pdf"))])
    assert "Nyt bilag" in page(client, post.get_absolute_url())


def test_post_page_is_made_again_when_a_linked_event_moves(client, db):
    event = EventFactory()
    post = AnnouncementFactory(network=event.network)
    post.events.add(event)
    assert "14. maj 2030" in page(client, post.get_absolute_url())
    event.starts_at += dt.timedelta(days=1)
    event.ends_at += dt.timedelta(days=1)
    event.save()
    assert "15. maj 2030" in page(client, post.get_absolute_url())


# The news feed


def feed(client, network, **params):
    response = client.get(feed_url(network), params)
    assert response.status_code == 200
    return response, ET.fromstring(response.content)


def test_news_feed_has_the_published_posts_newest_first(client, posts):
    network, post = posts
    response, root = feed(client, network)
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "da"
    assert "Netværk for Fyn" in root.find(f"{ATOM}title").text
    self_link = root.find(f"{ATOM}link[@rel='self']").get("href")
    assert self_link == f"http://127.0.0.1:8000/networks/{network.slug}/news.atom"
    entries = root.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == ["Ny nyhed", "Gammel nyhed"]
    new = entries[0]
    assert new.find(f"{ATOM}link").get("href") == (
        f"http://127.0.0.1:8000{post['new'].get_absolute_url()}"
    )
    assert new.find(f"{ATOM}id").text.endswith(f":announcement-{post['new'].pk}")
    published = dt.datetime.fromisoformat(new.find(f"{ATOM}published").text)
    assert published == post["new"].published_at
    assert new.find(f"{ATOM}updated").text
    assert "Om affald." in new.find(f"{ATOM}summary").text


def test_news_feed_entry_ids_stay_when_title_and_slug_change(client, posts):
    network, post = posts
    _response, root = feed(client, network)
    before = root.find(f"{ATOM}entry/{ATOM}id").text
    post["new"].title, post["new"].slug = "Ny titel", "ny-adresse"
    post["new"].save()
    _response, root = feed(client, network)
    entry = root.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}title").text == "Ny titel"
    assert entry.find(f"{ATOM}id").text == before
    assert entry.find(f"{ATOM}link").get("href").endswith("/news/ny-adresse/")


def test_news_feed_links_the_events_a_post_is_about(client, demo):
    from samling.networks.models import Network

    _response, root = feed(client, Network.objects.get(slug="kl"))
    summary = root.find(f"{ATOM}entry/{ATOM}summary").text
    assert "/events/temasession-innovation-og-udvikling-i-hele-landet/" in summary


def test_news_feed_of_an_unknown_network_is_not_found(client, db):
    assert client.get("/networks/nobody/news.atom").status_code == 404
