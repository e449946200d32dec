"""An organiser pastes the Skellefteå programme, checks the preview and creates the programme."""

import pytest

from tests.e2e.conftest import log_in
from tests.e2e.test_public_pages import assert_accessible
from tests.programme.test_importing import SEED_TEXT

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

EVENT = "innovationsmotet-skelleftea-2027"


@pytest.fixture
def demo_server(live_server):
    from samling.core.demo.load import load_demo

    load_demo()
    return live_server.url


def test_organiser_imports_the_skelleftea_programme(page, viewport, demo_server, screenshot_dir):
    log_in(page, demo_server)
    page.goto(f"{demo_server}/orga/events/{EVENT}/")
    page.get_by_role("link", name="Import a programme from text").click()

    # Step 1: paste the text.
    assert page.locator("h1").inner_text() == "Import a programme"
    page.get_by_label("Programme text").fill(SEED_TEXT)
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    assert_accessible(page)
    page.get_by_role("button", name="Read the programme").click()
    page.locator("fieldset.import-item").first.wait_for()

    # Step 2: the items beside the source lines; unused lines are marked with a word.
    assert page.locator("fieldset.import-item").count() == 17  # 16 found, 1 to add
    assert page.locator(".source-line--unused").count() > 0
    assert page.locator(".source-line--unused .line-mark").first.inner_text() == "Not used"
    assert page.get_by_label("Title").first.input_value() == (
        "Bussen avgår från the Wood Hotel, Torggatan 3, Skellefteå centrum"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    page.screenshot(path=screenshot_dir / f"import-preview-{viewport[0]}.png", full_page=True)
    assert_accessible(page)

    # The demo event has a programme already: replacing it must be confirmed.
    page.get_by_role("button", name="Create the programme").click()
    page.locator(".errors[role=alert]").wait_for()
    assert "Tick “Replace the existing programme”" in page.locator(".import-confirm").inner_text()
    page.get_by_label("Replace the existing programme").check()
    page.get_by_role("button", name="Create the programme").click()
    page.wait_for_url(f"**/orga/events/{EVENT}/")
    assert page.url.endswith(f"/orga/events/{EVENT}/")

    page.goto(f"{demo_server}/events/{EVENT}/")
    assert page.locator(".programme .items > li").count() == 16
    programme = page.locator(".programme").inner_text()
    assert "Gemensamma angelägenheter" in programme
    assert "Marie Fossum Strannegård" in programme
