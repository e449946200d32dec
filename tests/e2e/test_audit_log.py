"""A network administrator opens the history of changes from /orga/ and finds the change an
organiser just made, on a phone and a desktop."""

import pytest
from playwright.sync_api import expect

from samling.events.models import Event
from samling.events.services import update_event
from samling.networks.models import User
from tests.e2e.test_public_pages import assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

EVENT = "temasession-innovation-og-udvikling-2027"


def test_administrator_reads_the_history_of_changes(page, viewport, live_server, screenshot_dir):
    from samling.core.demo.load import load_demo

    load_demo()
    event = Event.objects.get(slug=EVENT)
    admin = User.objects.get(email="admin@kl.demo")
    update_event(event, changed_by=admin, registration_note="Tilmelding senest 1. maj.")

    server = live_server.url
    page.goto(f"{server}/orga/login/")
    page.fill("#id_username", "admin@kl.demo")
    page.fill("#id_password", "samling-demo")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(f"{server}/orga/")
    page.locator("a[href='/orga/networks/kl/log/']").click()
    page.wait_for_url(f"{server}/orga/networks/kl/log/")
    row = page.locator("table tbody tr").first
    expect(row).to_contain_text("admin@kl.demo")
    expect(row).to_contain_text(event.title)
    expect(row).to_contain_text("Tilmelding senest 1. maj.")
    assert_accessible(page)
    page.screenshot(path=screenshot_dir / f"audit-log-{viewport[0]}.png", full_page=True)
