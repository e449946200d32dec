import pytest
from django.urls import reverse

from tests.factories import PASSWORD, EventFactory, TeamMembershipFactory

pytestmark = pytest.mark.integration


def test_orga_pages_redirect_to_the_login_without_a_session(client, db):
    event = EventFactory()
    for url in ("/orga/", f"/orga/events/{event.slug}/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/orga/login/")


def test_login_page_is_a_django_login_form_with_email_as_username(client, db):
    html = client.get("/orga/login/").content.decode()
    assert 'name="username"' in html and 'name="password"' in html
    assert "csrfmiddlewaretoken" in html


def test_login_with_email_and_password_leads_to_the_event_list(client, db):
    membership = TeamMembershipFactory()
    event = EventFactory(network=membership.network)
    response = client.post(
        "/orga/login/", {"username": membership.user.email, "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/orga/"
    assert event.title in response.content.decode()


def test_wrong_password_is_refused_with_a_message(client, db):
    membership = TeamMembershipFactory()
    response = client.post("/orga/login/", {"username": membership.user.email, "password": "x"})
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()


def test_orga_shows_nothing_of_another_network(client, db):
    mine = TeamMembershipFactory()
    other_event = EventFactory(title="Andet netværks møde")
    client.force_login(mine.user)
    assert other_event.title not in client.get("/orga/").content.decode()
    response = client.get(reverse("orga:event", args=[other_event.slug]))
    assert response.status_code == 404


def test_event_organiser_sees_only_the_events_given_to_them(client, db):
    membership = TeamMembershipFactory(role="organiser")
    given = EventFactory(network=membership.network, title="Givet møde")
    EventFactory(network=membership.network, title="Andet møde")
    given.organisers.add(membership.user)
    client.force_login(membership.user)
    html = client.get("/orga/").content.decode()
    assert "Givet møde" in html and "Andet møde" not in html
    assert client.get(reverse("orga:event", args=[given.slug])).status_code == 200


@pytest.mark.parametrize("rows", [1, 3])
def test_orga_dashboard_query_count_does_not_grow(client, db, rows, django_assert_max_num_queries):
    membership = TeamMembershipFactory()
    for _ in range(rows):
        EventFactory(network=membership.network)
    client.force_login(membership.user)
    with django_assert_max_num_queries(7):
        assert client.get("/orga/").status_code == 200
