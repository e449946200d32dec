import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone, translation
from django.utils.translation import pgettext

from samling.events.models import Event
from samling.groups.models import DiscussionGroup, GroupDiscussion, GroupMember
from samling.notifications.models import OutboxMessage
from samling.registration.models import Option, Question, Registration, RegistrationOption
from samling.registration.privacy import (
    anonymise_registrations,
    delete_registration_data,
    registration_data,
)
from samling.registration.services import register, waitlist_size
from samling.registration.tasks import anonymise_past_registrations
from tests.factories import ItemFactory, MunicipalityFactory, open_event
from tests.factories import registration_data as data

pytestmark = pytest.mark.integration

CONFIRMED = Registration.Status.CONFIRMED
WAITLISTED = Registration.Status.WAITLISTED
CANCELLED = Registration.Status.CANCELLED


def event_with_questions(capacity=None):
    event = open_event(capacity=capacity)
    Question.objects.create(event=event, key="speech", kind="text", label="Hvad vil du sige?")
    Question.objects.create(
        event=event, key="lunch", kind="single", label="Frokost", choices="Kød\nVegetar"
    )
    Question.objects.create(event=event, key="photo", kind="yes_no", label="Må vi fotografere?")
    bus = Option.objects.create(event=event, key="bus", kind="bus", label="Bus fra Odense")
    return event, bus


def full_registration(event, bus, n=0, **fields):
    municipality = MunicipalityFactory(name="Ærø Kommune")
    registration, _created = register(
        event,
        data(
            n,
            name="Åse Ødegård",
            email="ase@example.org",
            phone="+4512345678",
            title="Borgmester",
            organisation="Ærø Kommune",
            municipality=municipality,
            category=event.categories.get(key="politician"),
            dietary_needs="Nøddeallergi",
            arrival=event.starts_at - dt.timedelta(hours=2),
            flight="SK 1234",
            answers={"speech": "Jeg hedder Åse", "lunch": "Vegetar", "photo": True},
            options=[bus],
            **fields,
        ),
    )
    return registration


def test_registration_data_holds_everything_about_the_registrant(
    db, django_capture_on_commit_callbacks
):
    event, bus = event_with_questions()
    with django_capture_on_commit_callbacks(execute=True):
        registration = full_registration(event, bus)
    item = ItemFactory(day__event=event, title="Gruppedrøftelse")
    discussion = GroupDiscussion.objects.create(
        event=event, item=item, track_source="single", option_group=""
    )
    group = DiscussionGroup.objects.create(discussion=discussion, name="Gruppe 3", room="Lokale 2")
    GroupMember.objects.create(discussion=discussion, group=group, registration=registration)
    other, _ = register(event, data(9))  # someone else's data stays out

    found = registration_data(registration)

    person = found["registration"]
    assert person["name"] == "Åse Ødegård"
    assert person["email"] == "ase@example.org"
    assert person["phone"] == "+4512345678"
    assert person["organisation"] == "Ærø Kommune"
    assert person["municipality"] == "Ærø Kommune"
    assert person["category"] == "Politiker"
    assert person["status"] == "confirmed"
    assert person["dietary_needs"] == "Nøddeallergi"
    assert person["flight"] == "SK 1234"
    assert person["arrival"].startswith(
        timezone.localtime(registration.arrival, event.tz).date().isoformat()
    )
    assert person["registered_at"] and person["private_link"].endswith(f"/r/{registration.token}/")
    assert found["event"]["title"] == event.title
    assert {"question": "Hvad vil du sige?", "answer": "Jeg hedder Åse"} in found["answers"]
    assert {"question": "Må vi fotografere?", "answer": True} in found["answers"]
    assert [(o["option"], o["status"]) for o in found["options"]] == [
        ("Bus fra Odense", "confirmed")
    ]
    assert found["groups"] == [
        {"discussion": "Gruppedrøftelse", "group": "Gruppe 3", "track": "", "room": "Lokale 2"}
    ]
    (message,) = found["emails"]
    assert event.title in message["subject"]
    assert message["status"] == "sent" and message["sent_at"]
    assert other.email not in str(found) and other.name not in str(found)


def test_delete_cancels_promotes_the_waiting_and_erases_the_person(
    db, django_capture_on_commit_callbacks
):
    event, bus = event_with_questions(capacity=1)
    registration = full_registration(event, bus)
    waiting, _ = register(event, data(1, category=event.categories.get(key="official")))
    assert waiting.status == WAITLISTED
    old_token = registration.token
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        promoted = delete_registration_data(registration)

    assert promoted == [waiting]
    waiting.refresh_from_db()
    assert waiting.status == CONFIRMED
    registration.refresh_from_db()
    assert registration.status == CANCELLED
    assert registration.anonymised_at is not None
    assert registration.email == f"anonymised-{registration.pk}@anonymised.invalid"
    with translation.override(event.language):
        assert registration.name == pgettext(
            "the name of a registrant whose data is deleted", "Anonymised participant"
        )
    for name in ("phone", "title", "organisation", "dietary_needs", "flight"):
        assert getattr(registration, name) == ""
    assert registration.arrival is None
    assert registration.token != old_token
    # Free text is gone; a choice among the question's choices is kept.
    assert registration.answers == {"lunch": "Vegetar", "photo": True}
    # What is counted stays: category, municipality; the place went to the next in line.
    assert registration.category.key == "politician"
    assert registration.municipality.name == "Ærø Kommune"
    settings = event.registration_settings
    settings.refresh_from_db()
    bus.refresh_from_db()
    assert (settings.confirmed_count, waitlist_size(event)) == (1, 0)
    assert bus.confirmed_count == 0
    # The mails to the erased address are blanked; only the promoted registrant got one now.
    for message in OutboxMessage.objects.filter(registration=registration):
        assert message.to == "" and message.body == "" and message.attachments == []
        assert message.subject  # what was sent, without to whom
    assert [m.to for m in mail.outbox] == [[waiting.email]]
    assert not OutboxMessage.objects.filter(to="ase@example.org").exists()
    assert not OutboxMessage.objects.filter(body__contains=old_token).exists()


def test_a_deleted_address_may_register_again(db):
    event, bus = event_with_questions()
    registration = full_registration(event, bus)
    delete_registration_data(registration)
    again, created = register(event, data(0, email="ase@example.org"))
    assert created and again.pk != registration.pk and again.status == CONFIRMED


def test_delete_after_the_event_keeps_the_status_and_counts(db):
    event, bus = event_with_questions(capacity=1)
    registration = full_registration(event, bus)
    register(event, data(1))
    later = event.ends_at + dt.timedelta(days=1)

    assert delete_registration_data(registration, now=later) == []

    registration.refresh_from_db()
    assert registration.status == CONFIRMED and registration.anonymised_at == later
    assert RegistrationOption.objects.get(registration=registration).option == bus
    assert waitlist_size(event) == 1


def past_event_with_registrants(days_ago, n=2):
    event, bus = event_with_questions()
    registrations = [register(event, data(i, options=[bus]))[0] for i in range(n)]
    ends = timezone.now() - dt.timedelta(days=days_ago)
    Event.objects.filter(pk=event.pk).update(starts_at=ends - dt.timedelta(hours=6), ends_at=ends)
    return event, registrations


def test_periodic_task_anonymises_only_old_events_once(db, settings):
    settings.ANONYMISE_AFTER_DAYS = 365
    old_event, old = past_event_with_registrants(400)
    recent_event, recent = past_event_with_registrants(100)
    upcoming, _bus = event_with_questions()
    coming = register(upcoming, data(5))[0]
    old_bus = old_event.options.get()
    confirmed_before = old_bus.confirmed_count

    assert anonymise_past_registrations.delay().get() == 2

    for registration in old:
        registration.refresh_from_db()
        assert registration.anonymised_at is not None
        assert registration.email.endswith("@anonymised.invalid")
        assert registration.status == CONFIRMED
        assert registration.chosen_options.count() == 1
    for registration in [*recent, coming]:
        registration.refresh_from_db()
        assert registration.anonymised_at is None
        assert registration.email.endswith("@example.org")
    old_bus.refresh_from_db()
    assert old_bus.confirmed_count == confirmed_before
    assert Registration.objects.filter(event=old_event, status=CONFIRMED).count() == 2

    # Idempotent: the second run finds nothing, and changes nothing.
    stamps = list(
        Registration.objects.filter(event=old_event).values_list("anonymised_at", "token")
    )
    assert anonymise_past_registrations.delay().get() == 0
    assert (
        list(Registration.objects.filter(event=old_event).values_list("anonymised_at", "token"))
        == stamps
    )


def test_the_delay_is_a_setting(db, settings):
    _event, registrations = past_event_with_registrants(100, n=1)
    settings.ANONYMISE_AFTER_DAYS = 30
    assert anonymise_past_registrations.delay().get() == 1
    registrations[0].refresh_from_db()
    assert registrations[0].anonymised_at is not None


def test_anonymise_keeps_each_address_unique_within_an_event(db):
    event, bus = event_with_questions()
    registrations = [register(event, data(i))[0] for i in range(3)]
    assert anonymise_registrations(Registration.objects.filter(event=event)) == 3
    emails = set(Registration.objects.filter(event=event).values_list("email", flat=True))
    assert emails == {f"anonymised-{r.pk}@anonymised.invalid" for r in registrations}


def test_erasing_takes_the_person_out_of_the_audit_log_by_row_not_by_name(db):
    from samling.core.models import AuditEntry
    from samling.registration.organiser import add_registration
    from samling.registration.services import update_registration

    event = open_event(capacity=10)
    erased = add_registration(event, data(0, name="Jens Hansen", organisation="Ærø Kommune"))
    namesake = add_registration(event, data(1, name="Jens Hansen"))
    # Renamed since: entries from before carry the old name.
    update_registration(erased, data(0, name="Jens Peter Hansen", organisation="Odense Kommune"))
    erased.refresh_from_db()
    delete_registration_data(erased)

    log = AuditEntry.objects.filter(event=event)
    about_erased = log.filter(target_key=erased.audit_key)
    assert about_erased.count() == 2  # added, updated
    text = str(list(about_erased.values_list("target", "changes")))
    for personal in ("Jens", "Hansen", "Ærø", "Odense"):
        assert personal not in text
    updated = about_erased.get(action="registration.updated").changes
    assert updated["name"] == ["", ""] and updated["organisation"] == ["", ""]
    # The namesake's entry is theirs, and stays.
    assert log.get(target_key=namesake.audit_key).target == "Jens Hansen"
    assert log.filter(action="registration.deleted").count() == 1
