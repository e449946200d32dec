"""The organiser's news pages: list, write, edit, delete; nothing of another network."""

import datetime as dt
import zoneinfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from samling.announcements.models import Announcement, AnnouncementAttachment
from tests.factories import (
    AnnouncementFactory,
    EventFactory,
    NetworkFactory,
    TeamMembershipFactory,
)

pytestmark = pytest.mark.integration

CPH = zoneinfo.ZoneInfo("Europe/Copenhagen")


@pytest.fixture
def admin(db, client):
    membership = TeamMembershipFactory(role="admin")
    client.force_login(membership.user)
    return membership


def urls(post):
    network = post.network.slug
    return {
        "list": reverse("orga:announcement-list", args=[network]),
        "create": reverse("orga:announcement-create", args=[network]),
        "edit": reverse("orga:announcement-edit", args=[network, post.pk]),
        "delete": reverse("orga:announcement-delete", args=[network, post.pk]),
    }


def form_data(**fields):
    return {
        "title": "Temasession om innovation",
        "lead": "Kort om sessionen.",
        "body": "Første afsnit.\n\nAndet afsnit.",
        "slug": "",
        "publish_date": "",
        "publish_time": "",
        "action": "publish",
        **fields,
    }


def test_news_pages_need_a_login(client, db):
    post = AnnouncementFactory()
    for url in urls(post).values():
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/orga/login/")


def test_organiser_writes_publishes_edits_and_deletes_a_post(client, admin):
    network = admin.network
    event = EventFactory(network=network, title="Temasession 1")
    list_url = reverse("orga:announcement-list", args=[network.slug])
    create_url = reverse("orga:announcement-create", args=[network.slug])

    html = client.get(create_url).content.decode()
    assert 'enctype="multipart/form-data"' in html and "Temasession 1" in html
    pdf = SimpleUploadedFile("program.pdf", b"%PDF-1.4", content_type="application/pdf")
    response = client.post(
        create_url,
        form_data(events=[event.pk], attachment_file=pdf, attachment_title="Programmet"),
        follow=True,
    )
    assert response.redirect_chain[-1][0] == list_url
    post = Announcement.objects.get()
    assert post.slug == "temasession-om-innovation"
    assert post.created_by == admin.user
    assert post.is_published()
    assert list(post.events.all()) == [event]
    assert post.attachments.get().title == "Programmet"
    html = response.content.decode()
    assert "Temasession om innovation" in html and 'role="status"' in html
    assert client.get(post.get_absolute_url()).status_code == 200

    edit_url = reverse("orga:announcement-edit", args=[network.slug, post.pk])
    html = client.get(edit_url).content.decode()
    assert "Kort om sessionen." in html and "Programmet" in html
    published_at = post.published_at
    local = timezone.localtime(published_at, CPH)
    attachment = post.attachments.get()
    response = client.post(
        edit_url,
        form_data(
            title="Rettet titel",
            slug=post.slug,
            publish_date=local.date().isoformat(),
            publish_time=local.strftime("%H:%M"),
            remove_attachments=[attachment.pk],
        ),
    )
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.title == "Rettet titel"
    assert post.published_at == published_at  # unchanged in the form: kept to the second
    assert list(post.events.all()) == []
    assert not AnnouncementAttachment.objects.exists()

    delete_url = reverse("orga:announcement-delete", args=[network.slug, post.pk])
    assert "Rettet titel" in client.get(delete_url).content.decode()
    response = client.post(delete_url)
    assert response.status_code == 302 and response["Location"] == list_url
    assert not Announcement.objects.exists()


def test_save_as_draft_and_a_later_date(client, admin):
    create_url = reverse("orga:announcement-create", args=[admin.network.slug])
    client.post(create_url, form_data(title="Kladde", action="draft", publish_date="2020-01-01"))
    assert Announcement.objects.get(title="Kladde").published_at is None
    client.post(
        create_url, form_data(title="Senere", publish_date="2031-03-01", publish_time="09:30")
    )
    later = Announcement.objects.get(title="Senere")
    assert later.published_at == dt.datetime(2031, 3, 1, 9, 30, tzinfo=CPH)
    assert later.is_scheduled()
    html = client.get(reverse("orga:announcement-list", args=[admin.network.slug])).content
    assert "Draft" in html.decode() and "To be published" in html.decode()


def test_form_refuses_another_networks_event_and_a_taken_address(client, admin):
    AnnouncementFactory(network=admin.network, slug="optaget")
    other_event = EventFactory(title="Andet netværks møde")
    create_url = reverse("orga:announcement-create", args=[admin.network.slug])
    assert "Andet netværks møde" not in client.get(create_url).content.decode()
    response = client.post(create_url, form_data(events=[other_event.pk], slug="optaget"))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "events" in errors and "slug" in errors
    assert Announcement.objects.count() == 1


def test_form_refuses_a_file_of_another_kind(client, admin):
    create_url = reverse("orga:announcement-create", args=[admin.network.slug])
    upload = SimpleUploadedFile("virus.exe", b"MZ", content_type="application/octet-stream")
    response = client.post(create_url, form_data(attachment_file=upload))
    assert response.status_code == 200
    assert "attachment_file" in response.context["form"].errors
    assert not Announcement.objects.exists()


def test_event_organiser_of_the_network_may_write_news(client, db):
    membership = TeamMembershipFactory(role="organiser")
    post = AnnouncementFactory(network=membership.network)
    client.force_login(membership.user)
    for url in urls(post).values():
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("page", ["list", "create", "edit", "delete"])
def test_another_networks_organiser_gets_404(client, db, page):
    post = AnnouncementFactory(title="Fremmed nyhed")
    stranger = TeamMembershipFactory(role="admin")  # of another network
    client.force_login(stranger.user)
    url = urls(post)[page]
    assert client.get(url).status_code == 404
    assert client.post(url, form_data(title="Overtaget")).status_code == 404
    post.refresh_from_db()
    assert post.title == "Fremmed nyhed"
    assert Announcement.objects.count() == 1


@pytest.mark.parametrize("page", ["edit", "delete"])
def test_a_post_of_another_network_is_not_reached_through_ones_own(client, admin, page):
    post = AnnouncementFactory(title="Fremmed nyhed")
    url = reverse(f"orga:announcement-{page}", args=[admin.network.slug, post.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, form_data()).status_code == 404
    assert Announcement.objects.filter(pk=post.pk).exists()


def test_checkin_staff_get_404(client, db):
    membership = TeamMembershipFactory(role="checkin")
    post = AnnouncementFactory(network=membership.network)
    client.force_login(membership.user)
    for url in urls(post).values():
        assert client.get(url).status_code == 404


def test_dashboard_links_the_news_of_ones_networks_only(client, admin):
    other = NetworkFactory(name="Fremmed netværk")
    html = client.get("/orga/").content.decode()
    assert reverse("orga:announcement-list", args=[admin.network.slug]) in html
    assert reverse("orga:announcement-list", args=[other.slug]) not in html


def test_list_shows_nothing_of_another_network(client, admin):
    AnnouncementFactory(network=admin.network, title="Egen nyhed")
    AnnouncementFactory(title="Fremmed nyhed")
    html = client.get(reverse("orga:announcement-list", args=[admin.network.slug])).content
    assert "Egen nyhed" in html.decode() and "Fremmed nyhed" not in html.decode()


@pytest.mark.parametrize("rows", [1, 3])
def test_list_query_count_does_not_grow(client, admin, rows, django_assert_num_queries):
    for _ in range(rows):
        post = AnnouncementFactory(network=admin.network)
        post.events.add(EventFactory(network=admin.network))
    # session, user, network, posts with their counts.
    with django_assert_num_queries(4):
        response = client.get(reverse("orga:announcement-list", args=[admin.network.slug]))
    assert response.content.decode().count("/delete/") == rows
