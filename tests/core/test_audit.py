"""The audit log: the services write one entry per action, the log page shows them to the
network's administrators only."""

import datetime as dt
import uuid

import pytest
from django.urls import reverse

from samling.announcements.models import Announcement
from samling.announcements.services import delete_announcement, save_announcement
from samling.core import audit
from samling.core.models import AuditEntry
from samling.events.models import Event
from samling.events.services import copy_event, reschedule_event, set_event_status, update_event
from samling.networks.models import TeamMembership
from samling.notifications.services import send_change_notification, send_message
from samling.programme.importing import replace_programme
from samling.registration.organiser import (
    add_registration,
    confirm_from_waitlist,
    move_to_waitlist,
)
from samling.registration.privacy import delete_registration_data
from samling.registration.services import cancel_registration, register, update_registration
from tests.factories import (
    EventFactory,
    NetworkFactory,
    TeamMembershipFactory,
    open_event,
    registration_data,
)

pytestmark = pytest.mark.integration

Role = TeamMembership.Role


@pytest.fixture
def admin(db):
    return TeamMembershipFactory(role=Role.ADMIN).user


@pytest.fixture
def network(admin):
    return admin.team_memberships.get().network


def only_entry(**filters) -> AuditEntry:
    (entry,) = AuditEntry.objects.filter(**filters)
    return entry


# The services write the log.


def test_update_event_logs_the_moved_start_with_before_and_after(admin, network):
    event = EventFactory(network=network, title="Netværksmøde")
    before = event.starts_at
    later = before + dt.timedelta(days=1)
    update_event(event, changed_by=admin, starts_at=later, ends_at=event.ends_at + dt.timedelta(1))
    entry = only_entry(action="event.updated")
    assert (entry.event, entry.actor, entry.actor_label) == (event, admin, admin.email)
    assert entry.target == "Netværksmøde"
    assert entry.network == network
    utc = [before.astimezone(dt.UTC).isoformat(), later.astimezone(dt.UTC).isoformat()]
    assert entry.changes["starts_at"] == utc
    assert entry.changes["status"] == ["scheduled", "rescheduled"]
    assert "title" not in entry.changes


def test_update_event_without_a_change_logs_nothing(admin, network):
    event = EventFactory(network=network)
    update_event(event, changed_by=admin, title=event.title)
    assert not AuditEntry.objects.exists()


def test_reschedule_and_status_changes_are_logged_with_their_actor(admin, network):
    event = EventFactory(network=network)
    start = event.starts_at + dt.timedelta(days=7)
    reschedule_event(
        event, starts_at=start, ends_at=start + dt.timedelta(hours=6), changed_by=admin
    )
    set_event_status(event, status=Event.Status.CANCELLED, note="Aflyst", changed_by=admin)
    moved, cancelled = AuditEntry.objects.order_by("pk")
    assert moved.action == cancelled.action == "event.updated"
    assert moved.actor == cancelled.actor == admin
    assert moved.changes["starts_at"][1] == start.astimezone(dt.UTC).isoformat()
    assert cancelled.changes == {
        "status": ["rescheduled", "cancelled"],
        "status_note": ["", "Aflyst"],
    }


def test_copy_event_logs_on_the_copy_with_the_source_as_target(admin, network):
    source = EventFactory(network=network, title="Temadag 2030")
    copy = copy_event(source, slug="temadag-2031", starts_on=dt.date(2031, 5, 13), copied_by=admin)
    entry = only_entry(action="event.copied")
    assert (entry.event, entry.actor, entry.target) == (copy, admin, "Temadag 2030")
    # Existing callers, without the new argument, still work (and log without an actor).
    copy_event(source, slug="temadag-2032", starts_on=dt.date(2032, 5, 11))
    assert AuditEntry.objects.filter(action="event.copied", actor=None).count() == 1


def test_replace_programme_logs_the_import(admin, network):
    event = EventFactory(network=network)
    programme = {
        "days": [
            {
                "date": "2030-05-14",
                "items": [
                    {"start": "10:00", "end": "11:00", "title": "Velkomst", "kind": "welcome"}
                ],
            }
        ]
    }
    replace_programme(event, programme, imported_by=admin)
    entry = only_entry(action="programme.imported")
    assert (entry.event, entry.actor) == (event, admin)
    assert entry.changes == {"items": ["0", "1"]}


def test_register_writes_no_entry(db):
    event = open_event(capacity=5)
    register(event, registration_data(0))
    assert not AuditEntry.objects.exists()


def test_organiser_actions_are_logged_with_the_organiser(admin, network):
    event = open_event(capacity=1, network=network)
    added = add_registration(event, registration_data(0, name="Anne Organiser"), added_by=admin)
    waiting = register(event, registration_data(1, name="Bo Venter"))[0]
    assert move_to_waitlist(added, moved_by=admin)
    assert confirm_from_waitlist(waiting, moved_by=admin)
    cancel_registration(waiting, cancelled_by=admin)
    entries = list(AuditEntry.objects.order_by("pk"))
    assert [(e.action, e.target) for e in entries] == [
        ("registration.added", "Anne Organiser"),
        ("registration.moved", "Anne Organiser"),
        ("registration.moved", "Bo Venter"),
        ("registration.cancelled", "Bo Venter"),
    ]
    assert all(e.actor == admin and e.event == event for e in entries)
    assert entries[1].changes == {"status": ["confirmed", "waitlisted"]}
    assert entries[2].changes == {"status": ["waitlisted", "confirmed"]}


def test_participant_actions_have_no_actor_and_no_private_values(db):
    event = open_event(capacity=5)
    registration = register(event, registration_data(0, phone="11223344"))[0]
    data = registration_data(0, name="Deltager Nul", phone="55667788", dietary_needs="Vegan")
    update_registration(registration, data)
    cancel_registration(registration)
    updated, cancelled = AuditEntry.objects.order_by("pk")
    assert (updated.action, cancelled.action) == ("registration.updated", "registration.cancelled")
    assert updated.actor is None and updated.actor_label == ""
    assert cancelled.actor is None
    assert updated.changes["name"] == ["Deltager 0", "Deltager Nul"]
    assert updated.changes["phone"] == ["", ""]
    assert updated.changes["dietary_needs"] == ["", ""]
    assert "55667788" not in str(updated.changes) and "Vegan" not in str(updated.changes)


def test_organiser_cancel_through_the_page_is_logged_once(client, admin, network):
    event = open_event(capacity=5, network=network)
    registration = register(event, registration_data(0))[0]
    client.force_login(admin)
    url = reverse("orga:registration-cancel", args=[event.slug, registration.pk])
    client.post(url, {"confirmed": "1"})
    entry = only_entry()
    assert (entry.action, entry.actor) == ("registration.cancelled", admin)


def test_deleting_ones_data_logs_once_without_the_name(admin, network):
    event = open_event(capacity=5, network=network)
    registration = add_registration(event, registration_data(0, name="Hemmelig"), added_by=admin)
    delete_registration_data(registration)
    entries = list(AuditEntry.objects.order_by("pk"))
    assert [e.action for e in entries] == ["registration.added", "registration.deleted"]
    assert entries[1].actor is None and entries[1].target == "—"
    # The name goes from the earlier entries too.
    assert "Hemmelig" not in str(list(AuditEntry.objects.values_list("target", flat=True)))


def test_messages_are_logged_with_their_subject(admin, network):
    event = open_event(capacity=5, network=network)
    register(event, registration_data(0))
    send_message(
        event,
        token=uuid.uuid4(),
        subject="Bussen",
        body="Bussen kører kl. 8.",
        audience={"statuses": ["confirmed"]},
        sent_by=admin,
    )
    update_event(event, changed_by=admin, starts_at=event.starts_at + dt.timedelta(hours=1))
    send_change_notification(
        event,
        token=uuid.uuid4(),
        subject="Nyt tidspunkt",
        body="Vi starter en time senere.",
        changed_by=admin,
    )
    sent = list(AuditEntry.objects.filter(action="message.sent").order_by("pk"))
    assert [(e.target, e.actor) for e in sent] == [("Bussen", admin), ("Nyt tidspunkt", admin)]
    assert "kører" not in str(sent[0].changes)


def test_announcements_are_logged_for_the_network(admin, network):
    announcement = Announcement(network=network, title="Ny strategi", lead="Kort.", body="Tekst.")
    save_announcement(announcement, created_by=admin)
    delete_announcement(announcement, deleted_by=admin)
    saved, deleted = AuditEntry.objects.order_by("pk")
    assert (saved.action, deleted.action) == ("announcement.saved", "announcement.deleted")
    assert saved.network == deleted.network == network
    assert saved.event is None and deleted.actor == admin
    assert deleted.target == "Ny strategi"


# The log page.


def log_url(network, **query) -> str:
    url = reverse("orga:audit-log", args=[network.slug])
    if query:
        url += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    return url


def test_log_lists_entries_newest_first_with_their_columns(client, admin, network):
    event = EventFactory(network=network, title="Årsmøde")
    start = event.starts_at
    update_event(
        event,
        changed_by=admin,
        starts_at=start + dt.timedelta(days=1),
        ends_at=event.ends_at + dt.timedelta(days=1),
    )
    audit.record("registration.cancelled", event=event, target="Deltager Et")
    client.force_login(admin)
    html = client.get(log_url(network)).content.decode()
    assert 'role="region"' in html and "table-wrap" in html
    assert html.index("Deltager Et") < html.index(admin.email)
    assert "participant" in html
    assert "Cancelled a registration" in html and "Changed the event" in html
    assert reverse("orga:event", args=[event.slug]) in html
    # The time in the event's own zone (09:00 in Copenhagen), before → after.
    assert "05/14/2030 9 a.m. → 05/15/2030 9 a.m." in html


def test_log_shows_the_event_title_after_it_was_deleted_no_longer(client, admin, network):
    event = EventFactory(network=network, title="Slettet møde")
    audit.record("event.updated", event=event, actor=admin, target="Slettet møde")
    event.delete()
    client.force_login(admin)
    html = client.get(log_url(network)).content.decode()
    assert "Slettet møde" in html


def test_log_filters_by_event_and_action(client, admin, network):
    first = EventFactory(network=network, title="Første møde")
    second = EventFactory(network=network, title="Andet møde")
    audit.record("event.updated", event=first, actor=admin, target="Første møde")
    audit.record("registration.cancelled", event=first, target="Deltager A")
    audit.record("event.updated", event=second, actor=admin, target="Andet møde")
    client.force_login(admin)

    def rows(**query):
        return client.get(log_url(network, **query)).context["rows"]

    assert len(rows()) == 3
    assert {row["entry"].event for row in rows(event=second.pk)} == {second}
    assert [row["entry"].target for row in rows(action="registration.cancelled")] == ["Deltager A"]
    assert len(rows(event=first.pk, action="event.updated")) == 1
    assert len(rows(event="not-a-number")) == 3  # a value that is not valid is ignored


def test_log_is_paginated_by_fifty(client, admin, network):
    event = EventFactory(network=network)
    for n in range(51):
        audit.record("registration.cancelled", event=event, target=f"Deltager {n}")
    client.force_login(admin)
    first = client.get(log_url(network))
    assert len(first.context["rows"]) == 50
    assert first.context["rows"][0]["entry"].target == "Deltager 50"
    assert 'rel="next"' in first.content.decode()
    second = client.get(log_url(network, page=2))
    assert [row["entry"].target for row in second.context["rows"]] == ["Deltager 0"]


def test_log_makes_the_same_queries_for_one_and_three_entries(
    client, admin, network, django_assert_num_queries
):
    events = [EventFactory(network=network) for _n in range(3)]
    audit.record("event.updated", event=events[0], actor=admin, target="x")
    client.force_login(admin)
    client.get(log_url(network))  # warm the session
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get(log_url(network))
    for event in events[1:]:
        audit.record(
            "event.updated", event=event, actor=admin, target="y", changes={"a": ["1", "2"]}
        )
    with django_assert_num_queries(len(one)):
        response = client.get(log_url(network))
    assert len(response.context["rows"]) == 3


def test_log_is_refused_to_organisers_and_other_networks(client, admin, network):
    organiser = TeamMembershipFactory(network=network, role=Role.ORGANISER).user
    other_admin = TeamMembershipFactory(network=NetworkFactory(), role=Role.ADMIN).user
    for user in (organiser, other_admin):
        client.force_login(user)
        assert client.get(log_url(network)).status_code == 404
    client.logout()
    assert client.get(log_url(network)).status_code == 302


def test_dashboard_and_event_page_link_to_the_log_for_administrators_only(client, admin, network):
    event = EventFactory(network=network)
    organiser = TeamMembershipFactory(network=network, role=Role.ORGANISER).user
    event.organisers.add(organiser)
    client.force_login(admin)
    assert log_url(network) in client.get("/orga/").content.decode()
    page = client.get(reverse("orga:event", args=[event.slug])).content.decode()
    assert f"{log_url(network)}?event={event.pk}" in page
    client.force_login(organiser)
    assert log_url(network) not in client.get("/orga/").content.decode()
    assert (
        log_url(network)
        not in client.get(reverse("orga:event", args=[event.slug])).content.decode()
    )
