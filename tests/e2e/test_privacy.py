"""A participant opens their private page, reads the privacy notice, downloads their data and
has it deleted; their place goes to the first on the waiting list."""

import json
import re
from pathlib import Path

import pytest

from samling.registration.models import Registration
from samling.registration.services import register
from tests.e2e.test_public_pages import assert_accessible
from tests.factories import open_event, registration_data

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_download_and_delete_my_data(page, viewport, live_server, screenshot_dir):
    event = open_event(capacity=1, title="Netværksmøde i Odense")
    event.network.privacy_notice = "Vi gemmer dine oplysninger til et år efter mødet."
    event.network.save()
    registration, _ = register(
        event, registration_data(0, name="Åse Ødegård", organisation="Ærø Kommune", language="en")
    )
    waiting, _ = register(event, registration_data(1))
    assert waiting.status == Registration.Status.WAITLISTED
    private_url = f"{live_server.url}{registration.get_absolute_url()}"

    page.goto(private_url)
    page.get_by_text("Privacy notice").click()
    assert page.get_by_text("Vi gemmer dine oplysninger").is_visible()
    assert_accessible(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="Download my data").click()
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert download.value.suggested_filename == f"{event.slug}-my-data.json"
    assert data["registration"]["name"] == "Åse Ødegård"
    assert data["registration"]["organisation"] == "Ærø Kommune"

    page.get_by_role("link", name="Delete my data").click()
    assert "Åse Ødegård" in page.locator("main").inner_text()
    assert_accessible(page)
    page.screenshot(path=screenshot_dir / f"privacy-delete-{viewport[0]}.png", full_page=True)
    page.get_by_role("button", name="Yes, delete my data").click()
    page.wait_for_url(re.compile(r"/data-deleted/$"))
    assert "Åse" not in page.locator("main").inner_text()
    assert page.get_by_role("status").is_visible()
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]

    assert page.goto(private_url).status == 404
    stored = Registration.objects.get(pk=registration.pk)
    assert stored.anonymised_at is not None and stored.name != "Åse Ødegård"
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED
