"""Many people race for the last places: exactly the capacity is confirmed."""

import threading

import pytest
from django.db import connection

from samling.registration.models import Option, Registration
from samling.registration.services import register, waitlist_size
from tests.factories import open_event, registration_data

pytestmark = pytest.mark.integration


def race(event, payloads):
    barrier = threading.Barrier(len(payloads))
    errors = []

    def worker(data):
        try:
            barrier.wait()
            register(event, data)
        except Exception as error:  # collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(data,)) for data in payloads]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


def test_racing_registrations_confirm_exactly_the_capacity(transactional_db):
    event = open_event(capacity=5)
    bus = Option.objects.create(event=event, key="bus", kind="bus", label="Bus", capacity=3)
    errors = race(event, [registration_data(n, options=[bus]) for n in range(16)])
    assert errors == []
    statuses = list(Registration.objects.values_list("status", flat=True))
    assert statuses.count("confirmed") == 5
    assert statuses.count("waitlisted") == 11
    settings = event.registration_settings
    settings.refresh_from_db()
    assert (settings.confirmed_count, waitlist_size(settings.event)) == (5, 11)
    bus.refresh_from_db()
    assert bus.confirmed_count == 3
    assert bus.chosen_by.filter(status="confirmed").count() == 3


def test_racing_double_clicks_make_one_registration(transactional_db):
    event = open_event(capacity=5)
    errors = race(event, [registration_data(0) for _ in range(8)])
    assert errors == []
    assert Registration.objects.count() == 1
    settings = event.registration_settings
    settings.refresh_from_db()
    assert settings.confirmed_count == 1
