"""An organiser on a phone and a desktop: the event list and the event page's dashboard."""

import pytest
from playwright.sync_api import expect

from samling.events.models import Event
from samling.registration.services import register
from tests.e2e.conftest import log_in
from tests.e2e.test_public_pages import assert_accessible
from tests.factories import registration_data

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

EVENT = "innovationsmotet-skelleftea-2027"


@pytest.fixture
def demo(live_server):
    """The demo, with three registrants for the Skellefteå meeting."""
    from samling.core.demo.load import load_demo

    load_demo()
    event = Event.objects.get(slug=EVENT)
    for n in range(3):
        register(event, registration_data(n, organisation="Skellefteå kommun"))
    return live_server.url


def test_organiser_reads_the_dashboards(page, viewport, demo, screenshot_dir):
    log_in(page, demo)
    page.wait_for_url(f"{demo}/orga/")
    expect(page.locator(".dash-events")).to_contain_text("confirmed")
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    assert_accessible(page)

    page.goto(f"{demo}/orga/events/{EVENT}/")
    expect(page.get_by_role("img", name="registrations from")).to_be_visible()
    expect(page.locator(".dash-latest li")).to_have_count(3)
    expect(page.get_by_role("link", name="Deltager 2")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    page.screenshot(path=screenshot_dir / f"orga-dashboard-{viewport[0]}.png", full_page=True)
    assert_accessible(page)
