"""The organiser edits an event, decides on notifying, writes to registrants, follows delivery."""

import datetime as dt

import pytest
from django.urls import reverse

from samling.events.models import Event, Venue
from samling.notifications.models import EventMessage, OutboxMessage
from samling.registration.models import Option
from samling.registration.services import register
from tests.factories import TeamMembershipFactory, open_event, registration_data

pytestmark = pytest.mark.integration


@pytest.fixture
def organiser(db):
    return TeamMembershipFactory(role="admin")


@pytest.fixture
def event(organiser):
    event = open_event(capacity=10, network=organiser.network, mode=Event.Mode.ON_SITE)
    event.venue = Venue.objects.create(
        network=organiser.network, name="Rådhuset", city="Skellefteå", country="SE"
    )
    # Whole minutes on one day, as an organiser would enter them.
    day = event.local_start.date()
    event.starts_at = dt.datetime.combine(day, dt.time(9, 0), tzinfo=event.tz)
    event.ends_at = dt.datetime.combine(day, dt.time(16, 0), tzinfo=event.tz)
    event.save()
    return event


@pytest.fixture
def orga(client, organiser):
    client.force_login(organiser.user)
    return client


def edit_data(event, **changes):
    start, end = event.local_start, event.local_end
    data = {
        "title": event.title,
        "subtitle": "",
        "starts_on": start.date().isoformat(),
        "starts_time": start.strftime("%H:%M"),
        "ends_on": end.date().isoformat(),
        "ends_time": end.strftime("%H:%M"),
        "mode": event.mode,
        "venue": event.venue_id or "",
        "status": event.status,
        "status_note": "",
        "note": "",
        "summary": "",
        "audience": "",
        "registration_note": "",
    }
    return {**data, **changes}


def test_moving_the_event_proposes_a_notification_and_sending_it_mails_registrants(
    orga, event, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        register(event, registration_data(0))
        register(event, registration_data(1))
    OutboxMessage.objects.all().delete()
    new_day = (event.local_start + dt.timedelta(days=1)).date().isoformat()
    response = orga.post(
        reverse("orga:event-edit", args=[event.slug]),
        edit_data(event, starts_on=new_day, ends_on=new_day, note="Lokalet var optaget"),
    )
    assert response.status_code == 302, response.context["form"].errors
    assert response["Location"] == reverse("orga:event-notify", args=[event.slug])
    page = orga.get(response["Location"])
    assert page.context["count"] == 2
    form = page.context["form"]
    with django_capture_on_commit_callbacks(execute=True):
        response = orga.post(
            response["Location"],
            {
                "action": "send",
                "subject": form.initial["subject"],
                "body": form.initial["body"],
                "token": str(form.initial["token"]),
            },
        )
    message = EventMessage.objects.get(kind="change")
    assert response["Location"] == reverse("orga:event-message", args=[event.slug, message.pk])
    assert sorted(OutboxMessage.objects.values_list("to", flat=True)) == [
        "deltager0@example.org",
        "deltager1@example.org",
    ]
    detail = orga.get(response["Location"])
    assert detail.context["counts"] == {"sent": 2}
    event.refresh_from_db()
    assert event.status == Event.Status.RESCHEDULED
    assert event.changes.get().note == "Lokalet var optaget"


def test_a_new_title_is_saved_without_a_proposal(orga, event):
    register(event, registration_data(0))
    response = orga.post(
        reverse("orga:event-edit", args=[event.slug]), edit_data(event, title="Nyt navn")
    )
    assert response["Location"] == reverse("orga:event", args=[event.slug])
    assert Event.objects.get(pk=event.pk).title == "Nyt navn"


def test_the_edit_form_says_what_is_wrong_and_keeps_the_input(orga, event):
    response = orga.post(
        reverse("orga:event-edit", args=[event.slug]),
        edit_data(
            event,
            title="Behold mig",
            ends_on=event.local_start.date().isoformat(),
            starts_time="10:00",
            ends_time="09:00",
        ),
    )
    assert response.status_code == 200
    assert "ends_time" in response.context["form"].errors
    assert "Behold mig" in response.content.decode()


def test_dont_notify_keeps_the_change_without_mail(orga, event):
    register(event, registration_data(0))
    OutboxMessage.objects.all().delete()
    orga.post(
        reverse("orga:event-edit", args=[event.slug]),
        edit_data(event, mode=Event.Mode.HYBRID),
    )
    response = orga.post(reverse("orga:event-notify", args=[event.slug]), {"action": "skip"})
    assert response.status_code == 302
    assert event.changes.get().notification == "skipped"
    assert OutboxMessage.objects.count() == 0


def test_message_to_the_bus_is_previewed_with_its_count_then_sent_once(
    orga, event, django_capture_on_commit_callbacks
):
    bus = Option.objects.create(event=event, key="bus", kind="bus", label="Bus")
    register(event, registration_data(0, options=[bus]))
    register(event, registration_data(1))
    OutboxMessage.objects.all().delete()
    url = reverse("orga:event-message-new", args=[event.slug])
    data = {
        "statuses": "confirmed",
        "options": [bus.pk],
        "subject": "Bussen",
        "body": "Bussen kører kl. 8.",
        "token": "8a1d8f3e-51b2-4b8e-9a57-0d7d1f7b3c11",
        "action": "preview",
    }
    preview = orga.post(url, data)
    assert preview.context["preview"]["count"] == 1
    assert "Bussen kører kl. 8." in preview.context["preview"]["text"].body
    assert OutboxMessage.objects.count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        orga.post(url, {**data, "action": "send"})
        orga.post(url, {**data, "action": "send"})  # a double click
    assert list(OutboxMessage.objects.values_list("to", flat=True)) == ["deltager0@example.org"]


def test_reminders_are_listed_and_their_text_edited_per_language(orga, event):
    page = orga.get(reverse("orga:event-messages", args=[event.slug]))
    (reminder,) = page.context["scheduled"]
    url = reverse("orga:event-reminder", args=[event.slug, reminder.pk])
    assert orga.get(url).status_code == 200
    response = orga.post(
        url,
        {
            "is_enabled": "on",
            "days_before": "3",
            "send_time": "08:00",
            "subject_sv": "Välkommen!",
            "body_sv": "Vi ses snart.",
        },
    )
    assert response.status_code == 302
    reminder.refresh_from_db()
    assert (reminder.days_before, reminder.send_time) == (3, dt.time(8, 0))
    assert reminder.texts == {"sv": {"subject": "Välkommen!", "body": "Vi ses snart."}}


def test_another_networks_organiser_reaches_none_of_these_pages(client, event, db):
    register(event, registration_data(0))
    message = EventMessage.objects.create(event=event, kind="message")
    stranger = TeamMembershipFactory(role="admin")
    client.force_login(stranger.user)
    for name, args in [
        ("orga:event-edit", [event.slug]),
        ("orga:event-notify", [event.slug]),
        ("orga:event-messages", [event.slug]),
        ("orga:event-message-new", [event.slug]),
        ("orga:event-message", [event.slug, message.pk]),
        ("orga:event-reminder", [event.slug, message.pk]),
    ]:
        url = reverse(name, args=args)
        assert client.get(url).status_code == 404, url
        assert client.post(url, {}).status_code == 404, url
