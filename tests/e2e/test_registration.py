"""A participant registers on a phone, gets the e-mail, follows the private link and cancels;
the first on the waiting list is promoted."""

import re

import pytest
from django.core import mail

from samling.registration.models import Registration
from samling.registration.services import register
from tests.e2e.test_public_pages import assert_accessible
from tests.factories import open_event, registration_data

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_register_receive_mail_cancel_and_promote(page, viewport, live_server, screenshot_dir):
    event = open_event(capacity=1, title="Netværksmøde i Odense")
    page.goto(f"{live_server.url}{event.get_absolute_url()}")
    page.get_by_role("link", name="Tilmeld dig").click()
    assert_accessible(page)
    page.get_by_label("Navn").fill("Åse Ødegård")
    page.get_by_label("E-mailadresse").fill("ase@example.org")
    page.get_by_label("Organisation").fill("Ærø Kommune")
    page.get_by_label("Politiker").check()
    page.screenshot(path=screenshot_dir / f"register-{viewport[0]}.png", full_page=True)
    page.get_by_role("button", name="Tilmeld dig").click()
    page.wait_for_url(re.compile(r"/r/[\w-]+/$"))
    assert "Du er tilmeldt" in page.locator(".messages").inner_text()
    assert_accessible(page)

    # Someone else joins the waiting list meanwhile.
    waiting, _ = register(event, registration_data(1, category=event.categories.first()))
    assert waiting.status == Registration.Status.WAITLISTED

    (confirmation,) = [m for m in mail.outbox if m.to == ["ase@example.org"]]
    link = re.search(r"http://\S+/r/[\w-]+/", confirmation.body).group(0)
    page.goto(live_server.url + link[link.index("/r/") :])
    page.get_by_role("link", name="Afmeld mig").click()
    page.get_by_role("button", name="Ja, afmeld mig").click()
    assert "Din tilmelding er annulleret" in page.locator(".messages").inner_text()

    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED
    assert any(m.to == [waiting.email] for m in mail.outbox)
