import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.template import Context, Template
from django.utils import timezone

from samling.announcements.models import Announcement, AnnouncementAttachment
from samling.announcements.queries import latest_announcements
from samling.announcements.services import (
    delete_announcement,
    save_announcement,
    unique_slug,
)
from samling.events.models import Event
from samling.networks.models import Network
from tests.factories import AnnouncementFactory, EventFactory, NetworkFactory

pytestmark = pytest.mark.integration

KL_EVENT = "temasession-innovation-og-udvikling-i-hele-landet"


def network_stamp(network):
    return Network.objects.get(pk=network.pk).updated_at


def event_state(event):
    return Event.objects.values_list("updated_at", "revision").get(pk=event.pk)


def test_published_leaves_out_drafts_and_posts_dated_later(db):
    now = timezone.now()
    shown = AnnouncementFactory(published_at=now - dt.timedelta(minutes=1))
    AnnouncementFactory(network=shown.network, published_at=None)
    AnnouncementFactory(network=shown.network, published_at=now + dt.timedelta(days=1))
    assert list(Announcement.objects.published(now)) == [shown]
    assert shown.is_published(now) and not shown.is_scheduled(now)


def test_for_network_keeps_to_one_network(db):
    mine = AnnouncementFactory()
    AnnouncementFactory()
    assert list(Announcement.objects.for_network(mine.network)) == [mine]


def test_slug_is_unique_per_network_only(db):
    first = AnnouncementFactory(slug="nyt")
    AnnouncementFactory(slug="nyt")  # another network
    with pytest.raises(IntegrityError), transaction.atomic():
        AnnouncementFactory(network=first.network, slug="nyt")


def test_unique_slug_numbers_a_title_the_network_already_has(db):
    post = AnnouncementFactory(slug="nyt-fra-kl")
    assert unique_slug(post.network, "Nyt fra KL") == "nyt-fra-kl-2"
    assert unique_slug(post.network, "Nyt fra KL", exclude_pk=post.pk) == "nyt-fra-kl"
    assert unique_slug(NetworkFactory(), "Nyt fra KL") == "nyt-fra-kl"


def test_saving_a_post_marks_its_network_changed(db):
    network = NetworkFactory()
    before = network_stamp(network)
    post = AnnouncementFactory(network=network)
    assert network_stamp(network) > before
    before = network_stamp(network)
    post.title = "Ny titel"
    post.save()
    assert network_stamp(network) > before


def test_linking_and_unlinking_events_marks_them_changed(db):
    network = NetworkFactory()
    first, second = EventFactory(network=network), EventFactory(network=network)
    post = save_announcement(
        Announcement(network=network, title="Nyt møde", published_at=timezone.now()),
        events=[first],
    )
    assert post.slug == "nyt-mode"
    assert list(post.events.all()) == [first]
    first_before, second_before = event_state(first), event_state(second)
    save_announcement(post, events=[second])
    assert event_state(first)[0] > first_before[0]  # unlinked: its news box changes
    assert event_state(second)[0] > second_before[0]
    # The page changes, not the event: calendars are not told of an update.
    assert (event_state(first)[1], event_state(second)[1]) == (first_before[1], second_before[1])
    assert list(first.announcements.all()) == []


def test_editing_a_linked_post_marks_its_events_changed(db):
    event = EventFactory()
    post = AnnouncementFactory(network=event.network)
    post.events.add(event)
    before = event_state(event)
    post.title = "Rettet titel"
    save_announcement(post)
    assert event_state(event)[0] > before[0] and event_state(event)[1] == before[1]


def test_deleting_a_post_marks_network_and_events_changed_and_removes_files(
    db, django_capture_on_commit_callbacks
):
    event = EventFactory()
    post = save_announcement(
        AnnouncementFactory.build(network=event.network),
        events=[event],
        new_attachments=[("Program", ContentFile(b"%PDF-1.4", name="program.pdf"))],
    )
    attachment = post.attachments.get()
    storage, name = attachment.file.storage, attachment.file.name
    assert name.startswith("announcements/") and storage.exists(name)
    network_before, event_before = network_stamp(event.network), event_state(event)
    with django_capture_on_commit_callbacks(execute=True):
        delete_announcement(post)
    assert not Announcement.objects.exists()
    assert not storage.exists(name)
    assert network_stamp(event.network) > network_before
    assert event_state(event)[0] > event_before[0]


def test_adding_or_removing_a_document_marks_the_post_changed(
    db, django_capture_on_commit_callbacks
):
    post = AnnouncementFactory()
    before = Announcement.objects.get(pk=post.pk).updated_at
    save_announcement(post, new_attachments=[("", ContentFile(b"x", name="dagsorden.pdf"))])
    attachment = AnnouncementAttachment.objects.get()
    assert attachment.title == "dagsorden"  # the file name when no title is given
    assert attachment.extension == "PDF"
    after_add = Announcement.objects.get(pk=post.pk).updated_at
    assert after_add > before
    with django_capture_on_commit_callbacks(execute=True):
        save_announcement(post, removed_attachments=[attachment])
    assert not AnnouncementAttachment.objects.exists()
    assert Announcement.objects.get(pk=post.pk).updated_at > after_add


def test_latest_announcements_are_newest_first_and_limited(db):
    network = NetworkFactory()
    now = timezone.now()
    old = AnnouncementFactory(network=network, published_at=now - dt.timedelta(days=3))
    new = AnnouncementFactory(network=network, published_at=now - dt.timedelta(days=1))
    AnnouncementFactory(network=network, published_at=None)
    assert list(latest_announcements(network)) == [new, old]
    assert list(latest_announcements(network, 1)) == [new]


def test_event_news_tag_lists_the_published_posts_linked_to_the_event(db):
    event = EventFactory()
    shown = AnnouncementFactory(network=event.network, title="Synlig nyhed")
    draft = AnnouncementFactory(network=event.network, title="Kladde", published_at=None)
    for post in (shown, draft):
        post.events.add(event)
    html = Template("{% load announcements %}{% event_news event %}").render(
        Context({"event": event})
    )
    assert "Synlig nyhed" in html and shown.get_absolute_url() in html
    assert "Kladde" not in html
    assert (
        Template("{% load announcements %}{% event_news event %}")
        .render(Context({"event": EventFactory()}))
        .strip()
        == ""
    )


def test_demo_has_the_kl_article_as_a_published_post(demo):
    post = Announcement.objects.select_related("network").get(network__slug="kl")
    assert post.title == (
        "Vil du blive skarpere på innovationsprojekter og demokratiske virksomhedsformer?"
    )
    assert post.published_on() == dt.date(2020, 9, 15)
    assert post.is_published()
    assert post.lead.startswith("Forud for KL’s Erhvervs- og Turismekonference")
    assert "Hvad er kommunens rolle i innovationsprojekter?\n\n" in post.body
    assert post.body.endswith("Se programmet her")
    assert list(post.events.values_list("slug", flat=True)) == [KL_EVENT]
    attachment = post.attachments.get()
    assert attachment.title == "Program til digital temasession 1"
    with attachment.file.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"


def test_demo_loads_the_post_once(demo):
    from samling.core.demo.load import load_demo

    updated = Announcement.objects.get().updated_at
    load_demo()
    assert Announcement.objects.count() == 1
    assert AnnouncementAttachment.objects.count() == 1
    assert Announcement.objects.get().updated_at == updated
