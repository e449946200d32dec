import pytest

from samling.registration.checkin import (
    CheckinRefused,
    arrival_counts,
    arrival_list,
    mark_arrived,
    unmark_arrived,
)
from samling.registration.models import Registration
from samling.registration.services import cancel_registration, register
from tests.factories import open_event, registration_data

pytestmark = pytest.mark.integration


@pytest.fixture
def event(db):
    return open_event(capacity=2)


def add(event, n, **fields):
    return register(event, registration_data(n, **fields))[0]


def test_mark_arrived_sets_the_time_once(event):
    registration = add(event, 0)
    assert mark_arrived(registration) is True
    first = Registration.objects.get(pk=registration.pk).checked_in_at
    assert first is not None
    assert registration.checked_in_at == first

    again = Registration.objects.get(pk=registration.pk)
    assert mark_arrived(again) is False
    assert Registration.objects.get(pk=registration.pk).checked_in_at == first
    assert again.checked_in_at == first


def test_mark_arrived_with_a_stale_object_keeps_the_first_time(event):
    registration = add(event, 0)
    stale = Registration.objects.get(pk=registration.pk)
    mark_arrived(registration)
    assert mark_arrived(stale) is False
    assert stale.checked_in_at == Registration.objects.get(pk=registration.pk).checked_in_at


def test_unmark_arrived_clears_the_mark(event):
    registration = add(event, 0)
    mark_arrived(registration)
    assert unmark_arrived(registration) is True
    assert Registration.objects.get(pk=registration.pk).checked_in_at is None
    assert unmark_arrived(registration) is False


def test_mark_arrived_refuses_waiting_list_and_cancelled(event):
    add(event, 0)
    add(event, 1)
    waiting = add(event, 2)
    assert waiting.status == Registration.Status.WAITLISTED
    with pytest.raises(CheckinRefused):
        mark_arrived(waiting)
    cancelled = add(event, 3)
    cancel_registration(cancelled)
    cancelled.refresh_from_db()
    with pytest.raises(CheckinRefused):
        mark_arrived(cancelled)
    assert not Registration.objects.filter(checked_in_at__isnull=False).exists()


def test_arrival_counts_count_confirmed_only(event):
    first, second = add(event, 0), add(event, 1)
    add(event, 2)  # waiting list
    assert arrival_counts(event) == {"confirmed": 2, "arrived": 0}
    mark_arrived(first)
    assert arrival_counts(event) == {"confirmed": 2, "arrived": 1}
    mark_arrived(first)
    assert arrival_counts(event) == {"confirmed": 2, "arrived": 1}
    mark_arrived(second)
    assert arrival_counts(event) == {"confirmed": 2, "arrived": 2}
    assert arrival_counts(open_event()) == {"confirmed": 0, "arrived": 0}


def test_arrival_list_searches_confirmed_by_name(event):
    add(event, 0, name="Åse Ødegård", organisation="Ærø Kommune")
    add(event, 1, name="Bo Berg")
    add(event, 2, name="Åse Waiting")
    assert [r.name for r in arrival_list(event)] == ["Bo Berg", "Åse Ødegård"]
    assert [r.name for r in arrival_list(event, search="Ærø")] == ["Åse Ødegård"]
    assert [r.name for r in arrival_list(event, search="bo berg")] == ["Bo Berg"]
    assert list(arrival_list(event, search="nobody")) == []
