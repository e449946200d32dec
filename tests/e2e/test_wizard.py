"""A new organiser creates the Skellefteå meeting from its seed text with the wizard, opens
registration, previews, publishes, and sees the first registration in the figures."""

import pytest
from playwright.sync_api import expect

from samling.events.models import Event
from samling.registration.services import register
from tests.e2e.conftest import log_in
from tests.e2e.test_public_pages import assert_accessible
from tests.factories import registration_data
from tests.programme.test_importing import SEED_TEXT

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_organiser_creates_and_publishes_the_meeting_from_its_seed_text(
    page, viewport, live_server, screenshot_dir
):
    from samling.core.demo.load import load_demo

    load_demo()
    server = live_server.url
    log_in(page, server)
    page.get_by_role("link", name="Create an event").click()

    # 1. What and when
    assert_accessible(page)
    page.locator("#id_title").fill("Innovationsmötet i Skellefteå")
    page.get_by_label("Language of the event").select_option("sv")
    page.get_by_label("First day").fill("2027-11-25")
    page.get_by_label("Starts at").fill("09:00")
    page.get_by_label("Last day").fill("2027-11-26")
    page.get_by_label("Ends at").fill("15:00")
    page.get_by_role("button", name="Create and continue").click()

    # 2. Where: a place the network has used before (a name already known is refused as new)
    expect(page.get_by_role("heading", level=1)).to_have_text("Where")
    assert_accessible(page)
    page.get_by_label("On site").check()
    page.get_by_label("Name of the new place").fill("The Wood Hotel")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_text("This place exists already: choose it above.")).to_be_visible()
    page.get_by_label("Name of the new place").fill("")
    page.locator("#id_venue").select_option(label="The Wood Hotel, Skellefteå")
    page.get_by_role("button", name="Save and continue").click()

    # 3. For whom
    expect(page.get_by_role("heading", level=1)).to_have_text("For whom")
    page.get_by_label("Audience").fill("Politiker och tjänstepersoner i industrikommunerna")
    page.get_by_role("button", name="Save and continue").click()

    # 4. Programme: paste the seed text
    expect(page.get_by_role("heading", level=1)).to_have_text("Programme")
    assert_accessible(page)
    page.get_by_role("link", name="Paste or upload the programme as text").click()
    page.get_by_label("Programme text").fill(SEED_TEXT)
    page.get_by_role("button", name="Read the programme").click()
    page.locator("fieldset.import-item").first.wait_for()
    page.get_by_role("button", name="Create the programme").click()
    event = Event.objects.get(title="Innovationsmötet i Skellefteå")
    page.wait_for_url(f"**/orga/events/{event.slug}/")

    # 5. Registration, with the bus
    page.goto(f"{server}/orga/events/{event.slug}/setup/registration/")
    assert_accessible(page)
    page.locator("#id_capacity").fill("60")
    page.locator("#id_options-0-kind").select_option("bus")
    page.locator("#id_options-0-label").fill("Bussturen till Northvolt")
    page.get_by_role("button", name="Save and continue").click()

    # 6. Preview, then publish
    expect(page.get_by_role("heading", level=1)).to_have_text("Publish")
    assert_accessible(page)
    page.get_by_role("link", name="Preview").click()
    expect(
        page.get_by_text("den här sidan är inte publicerad än")
    ).to_be_visible()  # sv: the event's language
    expect(page.get_by_text("Bussen avgår från the Wood Hotel").first).to_be_visible()
    page.go_back()
    page.get_by_role("button", name="Publish now").click()
    expect(page.get_by_text("Published: the event's page is public now.")).to_be_visible()

    # Someone registers; the organiser follows the numbers.
    register(event, registration_data(0, name="Catharina Fredriksson"))
    page.reload()
    expect(page.get_by_text("Catharina Fredriksson")).to_be_visible()
    page.goto(f"{server}/events/{event.slug}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(event.title)
    assert page.locator(".programme .items > li").count() >= 10
