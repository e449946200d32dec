import io

import pytest
from pypdf import PdfReader

from samling.exports.badges import checkin_code, registration_from_checkin_code
from samling.registration.services import register
from tests.factories import PASSWORD, TeamMembershipFactory, open_event, registration_data

pytestmark = pytest.mark.integration


@pytest.fixture
def event_with_people(db):
    membership = TeamMembershipFactory()
    event = open_event(capacity=20, network=membership.network)
    category = event.categories.first()
    for n, name in enumerate(["Åse Ødegård", "Ångström Ærø", "Mette 🎉 Hansen"]):
        register(event, registration_data(n, name=name, category=category, organisation="Ærø"))
    return membership, event


def text_of(content: bytes) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return text.replace("\x00", "")  # pypdf reads the bold subset font as UTF-16


@pytest.mark.parametrize(("layout", "pages"), [("a4", 1), ("a6", 3)])
def test_badges_pdf_has_every_confirmed_name(client, event_with_people, layout, pages):
    membership, event = event_with_people
    client.login(username=membership.user.email, password=PASSWORD)
    response = client.get(f"/orga/events/{event.slug}/badges.pdf", {"layout": layout})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert len(PdfReader(io.BytesIO(response.content)).pages) == pages
    text = text_of(response.content)
    for name in ("Åse Ødegård", "Ångström Ærø", "Mette"):
        assert name in text


def test_badges_are_for_organisers_of_the_network_only(client, event_with_people):
    _membership, event = event_with_people
    stranger = TeamMembershipFactory()
    client.login(username=stranger.user.email, password=PASSWORD)
    assert client.get(f"/orga/events/{event.slug}/badges.pdf").status_code == 404


def test_checkin_code_names_the_registration_and_nothing_else(event_with_people):
    _membership, event = event_with_people
    registration = event.registrations.first()
    code = checkin_code(registration)
    assert registration.token not in code
    assert registration_from_checkin_code(code, event=event) == registration
    assert registration_from_checkin_code(code + "x", event=event) is None
    other = open_event()
    assert registration_from_checkin_code(code, event=other) is None
