import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samling.exports.badges import checkin_code
from samling.registration.models import Registration
from samling.registration.services import register
from tests.factories import TeamMembershipFactory, UserFactory, open_event, registration_data

pytestmark = pytest.mark.integration

JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def checkin_staff(db):
    return TeamMembershipFactory(role="checkin")


@pytest.fixture
def event(checkin_staff):
    return open_event(capacity=3, network=checkin_staff.network, title="Mødet")


@pytest.fixture
def staff_client(client, checkin_staff):
    client.force_login(checkin_staff.user)
    return client


def add(event, n, **fields):
    return register(event, registration_data(n, **fields))[0]


def urls(event):
    return {
        "list": reverse("orga:checkin", args=[event.slug]),
        "mark": reverse("orga:checkin-mark", args=[event.slug]),
        "undo": reverse("orga:checkin-undo", args=[event.slug]),
        "counts": reverse("orga:checkin-counts", args=[event.slug]),
    }


def arrived(registration) -> bool:
    return Registration.objects.get(pk=registration.pk).checked_in_at is not None


def test_pages_require_a_login(client, event):
    registration = add(event, 0)
    for name, url in urls(event).items():
        if name in ("mark", "undo"):
            response = client.post(url, {"registration": registration.pk})
        else:
            response = client.get(url)
        assert response.status_code == 302, name
        assert response["Location"].startswith("/orga/login/"), name
    assert not arrived(registration)


def test_another_networks_event_is_not_found(staff_client, event):
    other = open_event(capacity=3)
    foreign = add(other, 0, name="Fremmed Person")
    own = add(event, 1)
    for name, url in urls(other).items():
        if name in ("mark", "undo"):
            response = staff_client.post(url, {"registration": foreign.pk})
        else:
            response = staff_client.get(url)
        assert response.status_code == 404, name
    # Nor can a registration of the other event be marked through one's own event.
    response = staff_client.post(urls(event)["mark"], {"registration": foreign.pk}, **JSON)
    assert response.status_code == 400
    response = staff_client.post(urls(event)["mark"], {"code": checkin_code(foreign)}, **JSON)
    assert response.status_code == 400
    assert not arrived(foreign)
    page = staff_client.get(urls(event)["list"]).content.decode()
    assert "Fremmed Person" not in page
    assert own.name in page


def test_a_user_without_a_role_gets_404(client, event):
    client.force_login(UserFactory())
    assert client.get(urls(event)["list"]).status_code == 404


def test_organisers_and_admins_may_check_in_too(client, event):
    admin = TeamMembershipFactory(network=event.network, role="admin")
    client.force_login(admin.user)
    assert client.get(urls(event)["list"]).status_code == 200


def test_checkin_staff_see_confirmed_participants_and_counts(staff_client, event):
    add(event, 0, name="Anne Jensen", organisation="Ærø Kommune")
    add(event, 1, name="Bo Berg")
    add(event, 2, name="Carl Holm")
    add(event, 3, name="Dorte Venter")  # waiting list
    response = staff_client.get(urls(event)["list"])
    page = response.content.decode()
    assert response.status_code == 200
    assert "0 of 3 arrived" in page
    assert "Anne Jensen" in page and "Ærø Kommune" in page
    assert "Dorte Venter" not in page
    assert "<script" in page and "checkin.js" in page
    assert "style=" not in page and "onclick" not in page

    found = staff_client.get(urls(event)["list"], {"q": "Berg"}).content.decode()
    assert "Bo Berg" in found and "Anne Jensen" not in found
    assert "1 participant found" in found


def test_mark_redirects_back_with_a_message(staff_client, event):
    registration = add(event, 0, name="Anne Jensen")
    response = staff_client.post(
        urls(event)["mark"], {"registration": registration.pk, "q": "Anne"}, follow=True
    )
    assert response.redirect_chain[-1][0] == urls(event)["list"] + "?q=Anne"
    page = response.content.decode()
    assert "Anne Jensen has arrived." in page
    assert "1 of 1 arrived" in page
    assert arrived(registration)


def test_repeated_mark_is_harmless(staff_client, event):
    registration = add(event, 0, name="Anne Jensen")
    first = staff_client.post(urls(event)["mark"], {"registration": registration.pk}, **JSON)
    when = Registration.objects.get(pk=registration.pk).checked_in_at
    second = staff_client.post(urls(event)["mark"], {"registration": registration.pk}, **JSON)
    assert first.status_code == second.status_code == 200
    assert first.json()["already"] is False
    assert second.json()["already"] is True
    assert second.json()["counts"]["arrived"] == 1
    assert Registration.objects.get(pk=registration.pk).checked_in_at == when
    response = staff_client.post(
        urls(event)["mark"], {"registration": registration.pk}, follow=True
    )
    assert "Anne Jensen was already marked as arrived." in response.content.decode()


def test_json_answer(staff_client, event):
    registration = add(event, 0, name="Anne Jensen")
    add(event, 1)
    response = staff_client.post(urls(event)["mark"], {"registration": registration.pk}, **JSON)
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["name"] == "Anne Jensen"
    assert data["arrived"] is True
    assert data["already"] is False
    assert data["registration"] == registration.pk
    assert data["counts"]["confirmed"] == 2
    assert data["counts"]["arrived"] == 1
    assert data["counts"]["text"] == "1 of 2 arrived"


def test_badge_code_marks_the_registration(staff_client, event):
    registration = add(event, 0, name="Anne Jensen")
    response = staff_client.post(urls(event)["mark"], {"code": checkin_code(registration)}, **JSON)
    assert response.status_code == 200
    assert response.json()["name"] == "Anne Jensen"
    assert arrived(registration)


def test_forged_code_is_refused_with_a_clear_message(staff_client, event):
    registration = add(event, 0)
    forged = checkin_code(registration)[:-2] + "xx"
    response = staff_client.post(urls(event)["mark"], {"code": forged}, **JSON)
    assert response.status_code == 400
    assert response.json()["error"] == (
        "This code is not a badge for this event. Search for the name instead."
    )
    response = staff_client.post(urls(event)["mark"], {"code": "nonsense"}, follow=True)
    assert "This code is not a badge for this event." in response.content.decode()
    assert not arrived(registration)


def test_waiting_list_registrant_is_refused(staff_client, event):
    for n in range(3):
        add(event, n)
    waiting = add(event, 3, name="Venter Vibeke")
    response = staff_client.post(urls(event)["mark"], {"code": checkin_code(waiting)}, **JSON)
    assert response.status_code == 409
    assert "Venter Vibeke does not have a confirmed place" in response.json()["error"]
    assert not arrived(waiting)


def test_undo_and_counts(staff_client, event):
    registration = add(event, 0, name="Anne Jensen")
    add(event, 1)
    staff_client.post(urls(event)["mark"], {"registration": registration.pk})
    counts = staff_client.get(urls(event)["counts"])
    assert counts.json() == {"confirmed": 2, "arrived": 1, "text": "1 of 2 arrived"}
    assert "no-cache" in counts["Cache-Control"]
    response = staff_client.post(urls(event)["undo"], {"registration": registration.pk}, **JSON)
    assert response.json()["arrived"] is False
    assert response.json()["counts"]["arrived"] == 0
    assert not arrived(registration)
    response = staff_client.post(
        urls(event)["undo"], {"registration": registration.pk}, follow=True
    )
    assert "Anne Jensen is no longer marked as arrived." in response.content.decode()
    assert staff_client.get(urls(event)["counts"]).json()["arrived"] == 0


def test_mark_needs_post(staff_client, event):
    registration = add(event, 0)
    assert (
        staff_client.get(urls(event)["mark"], {"registration": registration.pk}).status_code == 405
    )
    assert not arrived(registration)


def test_list_query_count_does_not_grow(staff_client, event):
    add(event, 0)
    mark = add(event, 1)
    staff_client.post(urls(event)["mark"], {"registration": mark.pk})
    Registration.objects.exclude(pk=mark.pk).delete()

    def count():
        with CaptureQueriesContext(connection) as queries:
            response = staff_client.get(urls(event)["list"])
        assert response.status_code == 200
        return len(queries)

    one = count()
    add(event, 2)
    add(event, 3)
    assert Registration.objects.filter(event=event).count() == 3
    assert count() == one
