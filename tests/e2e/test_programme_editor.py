"""An organiser corrects an item of the demo's Skellefteå programme in the editor; the public
page shows the new title."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from samling.programme.models import Item
from tests.e2e.conftest import log_in
from tests.e2e.test_public_pages import assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

EVENT = "innovationsmotet-skelleftea-2027"
OLD_TITLE = "Välkommen och inledning"
NEW_TITLE = "Välkommen till Skellefteå"


def test_organiser_edits_an_item_of_the_programme(page, viewport, live_server, screenshot_dir):
    from samling.core.demo.load import load_demo

    load_demo()
    item = Item.objects.get(day__event__slug=EVENT, title=OLD_TITLE)
    server = live_server.url
    log_in(page, server)
    page.goto(f"{server}/orga/events/{EVENT}/")
    page.get_by_role("link", name="Edit the programme").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Programme")
    expect(page.get_by_role("button", name=f"Move up {OLD_TITLE}")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    assert_accessible(page)
    page.screenshot(path=screenshot_dir / f"programme-editor-{viewport[0]}.png", full_page=True)

    page.get_by_role("link", name=f"Edit {OLD_TITLE}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Edit a programme item")
    page.screenshot(path=screenshot_dir / f"programme-item-{viewport[0]}.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    assert_accessible(page)
    page.get_by_label("Title (required)", exact=True).fill(NEW_TITLE)
    page.get_by_label("End", exact=True).fill("12:30")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The item must end after it starts.")).to_be_visible()
    assert_accessible(page)
    expect(page.get_by_label("Title (required)", exact=True)).to_have_value(NEW_TITLE)
    page.get_by_label("End", exact=True).fill("13:15")
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Programme")
    row = page.locator(f"#item-{item.pk}")
    expect(row).to_contain_text(NEW_TITLE)
    expect(row.locator(".pe-item__time")).to_contain_text("13")
    item.refresh_from_db()
    assert item.title == NEW_TITLE
    assert item.end_time == dt.time(13, 15)

    page.goto(f"{server}/events/{EVENT}/")
    expect(page.locator(".programme")).to_contain_text(NEW_TITLE)
    expect(page.locator(".programme")).not_to_contain_text(OLD_TITLE)
