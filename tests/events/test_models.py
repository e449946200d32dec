import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from samling.events.models import Event, EventContact
from samling.events.services import copy_event, reschedule_event
from tests.factories import CPH, EventFactory, ItemFactory, PersonFactory, VenueFactory

pytestmark = pytest.mark.integration


def test_event_end_before_start_is_refused_by_the_database(db):
    with pytest.raises(IntegrityError):
        EventFactory(
            starts_at=dt.datetime(2030, 1, 2, 10, tzinfo=CPH),
            ends_at=dt.datetime(2030, 1, 2, 9, tzinfo=CPH),
        )


def test_event_end_before_start_has_a_friendly_message(db):
    event = EventFactory.build(
        starts_at=dt.datetime(2030, 1, 2, 10, tzinfo=CPH),
        ends_at=dt.datetime(2030, 1, 2, 9, tzinfo=CPH),
    )
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "ends_at" in error.value.message_dict


def test_event_slug_is_unique(db):
    EventFactory(slug="netvaerksmode")
    with pytest.raises(IntegrityError):
        EventFactory(slug="netvaerksmode")


def test_event_contact_needs_exactly_one_of_person_or_venue(db):
    event = EventFactory()
    with pytest.raises(IntegrityError):
        EventContact.objects.create(event=event, function="nobody")


def test_event_venue_of_another_network_is_refused(db):
    event = EventFactory.build(venue=VenueFactory(), network=EventFactory().network)
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "venue" in error.value.message_dict


def test_reschedule_event_keeps_the_old_dates_in_the_history(db):
    event = EventFactory()
    old_start = event.starts_at
    new_start = dt.datetime(2031, 1, 24, 9, tzinfo=CPH)
    change = reschedule_event(
        event, starts_at=new_start, ends_at=new_start + dt.timedelta(hours=7), note="Flyttet"
    )
    event.refresh_from_db()
    assert event.status == Event.Status.RESCHEDULED
    assert event.starts_at == new_start
    assert change.previous_starts_at == old_start
    assert list(event.changes.all()) == [change]


def test_copy_event_moves_days_and_keeps_times_of_day_across_daylight_saving(db):
    item = ItemFactory(start_time=dt.time(12, 30), end_time=dt.time(13, 0))
    source = item.day.event  # 14 May 2030, summer time
    PersonFactory(network=source.network)
    copy = copy_event(source, slug="copy", starts_on=dt.date(2030, 11, 20))
    assert copy.local_start.time() == dt.time(9, 0)
    assert copy.local_start.date() == dt.date(2030, 11, 20)
    day = copy.days.get()
    assert day.date == dt.date(2030, 11, 20)
    assert day.items.get().start_time == dt.time(12, 30)
    assert not copy.is_published


def test_changing_the_programme_marks_the_event_changed(db):
    item = ItemFactory()
    event = item.day.event
    before = Event.objects.get(pk=event.pk).updated_at
    item.title = "Nyt emne"
    item.save()
    assert Event.objects.get(pk=event.pk).updated_at > before


def test_changing_a_speaker_marks_their_events_changed(db):
    from tests.factories import SpeakerRoleFactory

    role = SpeakerRoleFactory()
    event = role.item.day.event
    before = Event.objects.get(pk=event.pk).updated_at
    role.person.title = "Borgmester"
    role.person.save()
    assert Event.objects.get(pk=event.pk).updated_at > before


def test_deleting_a_network_deletes_its_events_registrations_and_people(db):
    from samling.networks.models import Person
    from samling.registration.models import Registration
    from samling.registration.services import register
    from tests.factories import SpeakerRoleFactory, open_event, registration_data

    event = open_event(capacity=5, venue=VenueFactory())
    register(event, registration_data(0, category=event.categories.first()))
    SpeakerRoleFactory(item__day__event=event)
    event.network.delete()
    assert not Event.objects.exists()
    assert not Registration.objects.exists()
    assert not Person.objects.exists()


def test_a_venue_in_use_cannot_be_deleted(db):
    from django.db.models import RestrictedError

    venue = VenueFactory()
    EventFactory(network=venue.network, venue=venue)
    with pytest.raises(RestrictedError):
        venue.delete()
