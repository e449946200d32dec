"""The admin's news pages: scoped to one's networks, linked events of the post's network only."""

import pytest
from django.urls import reverse
from django.utils import timezone

from samling.announcements.models import Announcement
from samling.events.models import Event
from tests.factories import AnnouncementFactory, EventFactory, TeamMembershipFactory

pytestmark = pytest.mark.integration


@pytest.fixture
def organiser(client, db):
    membership = TeamMembershipFactory()
    membership.user.is_staff = True
    membership.user.save()
    client.force_login(membership.user)
    return membership


def admin_data(network, **fields):
    now = timezone.localtime(timezone.now())
    return {
        "network": network.pk,
        "title": "Nyt fra netværket",
        "slug": "nyt-fra-netvaerket",
        "published_at_0": now.date().isoformat(),
        "published_at_1": now.strftime("%H:%M:%S"),
        "lead": "",
        "body": "Tekst.",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
        "attachments-MIN_NUM_FORMS": "0",
        "attachments-MAX_NUM_FORMS": "1000",
        **fields,
    }


def test_admin_lists_only_posts_of_ones_networks(client, organiser):
    AnnouncementFactory(network=organiser.network, title="Egen nyhed")
    other = AnnouncementFactory(title="Fremmed nyhed")
    html = client.get(reverse("admin:announcements_announcement_changelist")).content.decode()
    assert "Egen nyhed" in html and "Fremmed nyhed" not in html
    change = reverse("admin:announcements_announcement_change", args=[other.pk])
    assert client.get(change).status_code in {302, 404}


def test_admin_links_events_and_marks_them_changed(client, organiser):
    event = EventFactory(network=organiser.network)
    updated_at = event.updated_at
    response = client.post(
        reverse("admin:announcements_announcement_add"),
        admin_data(organiser.network, events=[event.pk]),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    post = Announcement.objects.get()
    assert post.created_by == organiser.user
    assert list(post.events.all()) == [event]
    assert Event.objects.get(pk=event.pk).updated_at > updated_at


def test_admin_refuses_an_event_of_another_network(client, organiser):
    from samling.networks.models import TeamMembership

    # Even for someone who organises both networks, the post's events are its network's own.
    other_event = EventFactory()
    TeamMembership.objects.create(
        network=other_event.network, user=organiser.user, role=TeamMembership.Role.ADMIN
    )
    response = client.post(
        reverse("admin:announcements_announcement_add"),
        admin_data(organiser.network, events=[other_event.pk]),
    )
    assert response.status_code == 200
    assert "events" in response.context["adminform"].form.errors
    assert not Announcement.objects.exists()
