"""Check-in staff at the door, on a phone: search a name, mark the arrival, see the counts."""

import re

import pytest
from playwright.sync_api import expect

from samling.events.models import Event
from samling.exports.badges import checkin_code
from samling.registration.checkin import mark_arrived
from samling.registration.models import Registration
from samling.registration.services import register
from tests.e2e.conftest import PHONE
from tests.e2e.test_public_pages import assert_accessible
from tests.factories import registration_data

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

EVENT = "innovationsmotet-skelleftea-2027"
NAMES = ["Anna Holm", "Bertil Lund", "Cecilia Strand"]


@pytest.fixture
def door(live_server):
    """The demo, with three confirmed registrants of which one has arrived already."""
    from samling.core.demo.load import load_demo

    load_demo()
    event = Event.objects.get(slug=EVENT)
    people = [
        register(event, registration_data(n, name=name, organisation="Skellefteå kommun"))[0]
        for n, name in enumerate(NAMES)
    ]
    mark_arrived(people[2])
    return live_server.url, event, people


def button(label, name):
    """A row's button: the visible label, then the participant's name for screen readers."""
    return re.compile(rf"^{label}\W+{name}$")


def log_in(page, server):
    page.goto(f"{server}/orga/login/")
    page.fill("#id_username", "checkin@industrikommuner.demo")
    page.fill("#id_password", "samling-demo")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{server}/orga/")


def test_checkin_staff_search_and_mark_arrivals(page, viewport, door, screenshot_dir):
    server, _event, people = door
    log_in(page, server)
    page.goto(f"{server}/orga/events/{EVENT}/checkin/")
    counts = page.locator("#checkin-counts")
    expect(counts).to_have_text("1 of 3 arrived")
    scan = page.get_by_role("button", name="Scan a badge")
    if page.evaluate("'BarcodeDetector' in window"):
        expect(scan).to_be_visible()
    else:
        expect(scan).to_be_hidden()
    assert_accessible(page)

    page.get_by_label("Name, organisation or municipality").fill("Holm")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"\?q=Holm$"))
    rows = page.locator(".checkin-row")
    expect(rows).to_have_count(1)
    row = rows.first
    expect(row).to_contain_text("Anna Holm")

    url_before = page.url
    row.get_by_role("button", name=button("Arrived", "Anna Holm")).click()
    expect(counts).to_have_text("2 of 3 arrived")
    expect(page.locator("#checkin-status")).to_have_text("Anna Holm has arrived.")
    expect(row.get_by_role("button", name=button("Undo", "Anna Holm"))).to_be_visible()
    expect(row.get_by_role("button", name=button("Arrived", "Anna Holm"))).to_be_hidden()
    assert page.url == url_before  # no reload
    assert Registration.objects.get(pk=people[0].pk).checked_in_at is not None
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    page.screenshot(path=screenshot_dir / f"checkin-{viewport[0]}.png", full_page=True)
    assert_accessible(page)

    # The code read from a badge by a hand scanner (or typed) counts the same way.
    page.get_by_label("Code from a badge").fill(checkin_code(people[1]))
    page.get_by_role("button", name="Check in").click()
    expect(counts).to_have_text("3 of 3 arrived")
    expect(page.locator("#checkin-status")).to_have_text("Bertil Lund has arrived.")

    # A forged code is refused with a clear message.
    page.get_by_label("Code from a badge").fill("not-a-badge")
    page.get_by_role("button", name="Check in").click()
    expect(page.locator("#checkin-status")).to_contain_text("This code is not a badge")
    assert_accessible(page)


def test_checkin_works_without_javascript(browser, door):
    server, _event, people = door
    context = browser.new_context(viewport=PHONE, locale="en-GB", java_script_enabled=False)
    page = context.new_page()
    try:
        log_in(page, server)
        page.goto(f"{server}/orga/events/{EVENT}/checkin/?q=Lund")
        page.get_by_role("button", name=button("Arrived", "Bertil Lund")).click()
        page.wait_for_url(re.compile(r"/checkin/\?q=Lund$"))
        expect(page.locator(".messages")).to_contain_text("Bertil Lund has arrived.")
        expect(page.locator("#checkin-counts")).to_have_text("2 of 3 arrived")
        page.get_by_role("button", name=button("Undo", "Bertil Lund")).click()
        expect(page.locator("#checkin-counts")).to_have_text("1 of 3 arrived")
    finally:
        context.close()
