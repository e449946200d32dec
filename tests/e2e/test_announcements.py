"""A reader opens a network's page, follows its latest news post, and both pages pass axe."""

import pytest

from tests.e2e.test_public_pages import assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

KL_TITLE = "Vil du blive skarpere på innovationsprojekter og demokratiske virksomhedsformer?"


@pytest.fixture
def demo_server(live_server):
    from samling.core.demo.load import load_demo

    load_demo()
    return live_server.url


def test_reader_follows_a_news_post_from_the_network_page(
    page, viewport, demo_server, screenshot_dir
):
    page.goto(f"{demo_server}/networks/kl/")
    news = page.locator("#news").locator("..")
    assert "15. september 2020" in news.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    assert_accessible(page)

    news.get_by_role("link", name=KL_TITLE).click()
    page.wait_for_url("**/networks/kl/news/*/")
    assert page.locator("h1").inner_text() == KL_TITLE
    assert page.locator("html").get_attribute("lang") == "da"
    assert page.get_by_role("link", name="Program til digital temasession 1").is_visible()
    event_link = page.get_by_role(
        "link", name="Temasession om innovation og udvikling i hele landet"
    )
    assert event_link.first.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    page.screenshot(path=screenshot_dir / f"announcement-{viewport[0]}.png", full_page=True)
    assert_accessible(page)

    event_link.first.click()
    page.wait_for_url("**/events/temasession-innovation-og-udvikling-i-hele-landet/")
