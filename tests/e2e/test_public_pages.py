"""A participant opens the demo events on a phone and a desktop, and the pages pass axe."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.public.test_views import SKELLEFTEA_LINES, SKELLEFTEA_PEOPLE

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture
def demo_server(live_server):
    from samling.core.demo.load import load_demo

    load_demo()
    return live_server.url


def assert_accessible(page):
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()


def test_participant_reads_the_skelleftea_programme(page, viewport, demo_server, screenshot_dir):
    page.goto(f"{demo_server}/events/innovationsmotet-skelleftea-2021/")
    assert page.locator("html").get_attribute("lang") == "sv"
    items = page.locator(".programme .items > li")
    assert items.count() == 16
    times = [t.strip() for t in page.locator(".items > li > .item__time").all_inner_texts()]
    assert times == [time for time, _title in SKELLEFTEA_LINES]
    programme = page.locator(".programme").inner_text()
    for _time, title in SKELLEFTEA_LINES:
        assert title in programme
    for name in SKELLEFTEA_PEOPLE:
        assert name in programme
    # Nothing is wider than the screen on a 360 px phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    page.screenshot(path=screenshot_dir / f"skelleftea-{viewport[0]}.png", full_page=True)
    assert_accessible(page)


def test_participant_reads_the_kl_theme_session(page, viewport, demo_server, screenshot_dir):
    page.goto(f"{demo_server}/events/temasession-innovation-og-udvikling-i-hele-landet/")
    facts = page.locator(".facts").inner_text()
    assert "30. september 2020 kl. 12.30–15.30" in facts
    assert "Microsoft Teams" in facts
    programme = page.locator(".programme").inner_text()
    assert "Jacob Becker-Christensen" in programme
    assert "Magnus Skovrind Pedersen" in programme
    assert page.locator(".session__track").all_text_contents() == ["Innovation", "Landdistrikter"]
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    page.screenshot(path=screenshot_dir / f"kl-{viewport[0]}.png", full_page=True)
    assert_accessible(page)


def test_language_switcher_keeps_the_content(page, demo_server):
    page.goto(f"{demo_server}/events/temasession-innovation-og-udvikling-i-hele-landet/")
    page.get_by_role("link", name="English").click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", name="Programme").is_visible()
    assert "Hvad er kommunens rolle i innovationsprojekter?" in page.content()


@pytest.mark.parametrize("path", ["/", "/networks/kl/", "/networks/svenska-industrikommuner/"])
def test_front_and_network_pages_are_accessible(page, demo_server, path):
    page.goto(f"{demo_server}{path}")
    assert page.locator("h1").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    assert_accessible(page)
