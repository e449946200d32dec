"""The event page links to each take-away output, and each downloads with the right type."""

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

EXPECTED = {
    "Føj til min kalender": "text/calendar",
    "Programmet i min kalender": "text/calendar",
    "Program til udskrift (PDF)": "application/pdf",
}


@pytest.mark.parametrize("viewport", ["desktop"], indirect=True)
def test_event_page_links_to_each_output(page, viewport, live_server):
    from samling.core.demo.load import load_demo

    load_demo()
    page.goto(f"{live_server.url}/events/innovationsmotet-skelleftea-2027/?lang=da")
    for name, content_type in EXPECTED.items():
        link = page.get_by_role("link", name=name)
        href = link.get_attribute("href")
        response = page.request.get(live_server.url + href)
        assert response.status == 200, name
        assert response.headers["content-type"].startswith(content_type), name
        assert response.body()
    page.goto(f"{live_server.url}/networks/kl/?lang=da")
    feed_href = page.get_by_role("link", name="Nyhedsfeed (Atom)").get_attribute("href")
    feed = page.request.get(live_server.url + feed_href)
    assert feed.headers["content-type"].startswith("application/atom+xml")
    calendar = page.get_by_role("link", name="Abonnér på kalenderen").get_attribute("href")
    assert (
        page.request.get(live_server.url + calendar)
        .headers["content-type"]
        .startswith("text/calendar")
    )
