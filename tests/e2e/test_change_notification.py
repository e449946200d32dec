"""An organiser moves the demo's Skellefteå meeting by one day in the browser; every registrant
ends with one e-mail saying what moved and a calendar entry that updates the one they have."""

import datetime as dt

import pytest
from django.core import mail
from icalendar import Calendar
from playwright.sync_api import expect

from samling.events.models import Event
from samling.registration.services import register
from tests.e2e.conftest import log_in
from tests.e2e.test_public_pages import assert_accessible
from tests.factories import registration_data

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

EVENT = "innovationsmotet-skelleftea-2027"


def invitation(message) -> Calendar:
    (content,) = [a[1] for a in message.attachments if a[0] == "invitation.ics"]
    return Calendar.from_ical(content)


def test_organiser_moves_the_meeting_and_registrants_are_told_once(
    page, viewport, live_server, screenshot_dir
):
    from samling.core.demo.load import load_demo

    load_demo()
    event = Event.objects.get(slug=EVENT)
    people = [
        register(event, registration_data(n, language=language))[0]
        for n, language in enumerate(["sv", "en", "nb"])
    ]
    confirmations = {m.to[0]: invitation(m) for m in mail.outbox}
    mail.outbox.clear()
    old_start = event.local_start

    server = live_server.url
    log_in(page, server)
    page.goto(f"{server}/orga/events/{EVENT}/")
    page.get_by_role("link", name="Edit the event: dates, place, status").click()
    assert_accessible(page)
    next_day = lambda value: (dt.date.fromisoformat(value) + dt.timedelta(days=1)).isoformat()  # noqa: E731
    for field in ("First day", "Last day"):
        box = page.get_by_label(field)
        box.fill(next_day(box.input_value()))
    page.get_by_label("Note for the history (optional)").fill("Nytt datum för mässan")
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Tell the registrants?")
    expect(page.get_by_text("Moved from")).to_be_visible()
    assert_accessible(page)
    page.screenshot(path=screenshot_dir / f"notify-{viewport[0]}.png", full_page=True)
    page.get_by_role("button", name="Send to 3 registrants").click()
    expect(page.get_by_text("The notification is on its way to 3 registrants.")).to_be_visible()
    assert_accessible(page)

    by_person = {}
    for message in mail.outbox:
        by_person.setdefault(message.to[0], []).append(message)
    assert sorted(by_person) == sorted(p.email for p in people)
    assert all(len(messages) == 1 for messages in by_person.values())
    assert "Moved from" in by_person["deltager1@example.org"][0].body
    assert "Flyttad från" in by_person["deltager0@example.org"][0].body
    for person in people:
        (before,) = confirmations[person.email].walk("VEVENT")
        update = invitation(by_person[person.email][0])
        (after,) = update.walk("VEVENT")
        assert str(update["METHOD"]) == "REQUEST"
        assert after["UID"] == before["UID"]
        assert after["SEQUENCE"] > before["SEQUENCE"]
        assert after["DTSTART"].dt == old_start + dt.timedelta(days=1)

    page.goto(f"{server}/events/{EVENT}/?lang=en")
    expect(page.get_by_text("Nytt datum för mässan").first).to_be_visible()


def test_organiser_previews_a_message_to_the_bus_and_edits_a_reminder(page, viewport, live_server):
    from samling.core.demo.load import load_demo
    from samling.registration.models import Option

    load_demo()
    event = Event.objects.get(slug=EVENT)
    bus = Option.objects.get(event=event, kind="bus")
    register(event, registration_data(0, options=[bus]))
    register(event, registration_data(1))
    mail.outbox.clear()
    server = live_server.url
    log_in(page, server)
    page.goto(f"{server}/orga/events/{EVENT}/")
    page.get_by_role("link", name="Messages to registrants").click()
    assert_accessible(page)
    page.get_by_role("link", name="Reminder with practical information").click()
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Write to registrants").click()
    page.get_by_label(bus.label).check()
    page.get_by_label("Subject").fill("Bussen")
    page.get_by_label("Message").fill("Bussen går 08.00 från hotellet.")
    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_text("This goes to 1 registrant.")).to_be_visible()
    assert_accessible(page)
    assert mail.outbox == []
    page.get_by_role("button", name="Send to 1 registrant").click()
    expect(page.get_by_text("The message is on its way to 1 registrant.")).to_be_visible()
    (message,) = mail.outbox
    assert message.to == ["deltager0@example.org"]
