"""The Redis cache as production runs it (SAMLING_REDIS_URL set), against a real Redis.

They need Redis at 127.0.0.1:6379. Without it they are skipped locally with a reason; CI sets
SAMLING_REQUIRE_REDIS=1, which turns a missing Redis into a failure.
"""

import os
import socket
import uuid

import pytest
from django.core.cache import cache
from django.test import override_settings

from samling.core.cache import RedisCache, add_or_get

REDIS_URL = "redis://127.0.0.1:6379/14"


@pytest.fixture
def redis_cache():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        message = "Redis is not running at 127.0.0.1:6379"
        if os.environ.get("SAMLING_REQUIRE_REDIS"):
            pytest.fail(message)
        pytest.skip(message)
    prefix = f"samling-test-{uuid.uuid4().hex}"
    caches = {
        "default": {
            "BACKEND": "samling.core.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    with override_settings(CACHES=caches):
        yield cache
        client = cache._cache.get_client(write=True)
        for key in client.scan_iter(f"{prefix}:*"):
            client.delete(key)


def test_add_or_get_stores_once_then_tells_what_is_held(redis_cache):
    from django.core.cache import caches

    assert isinstance(caches["default"], RedisCache)
    assert add_or_get(redis_cache, "scheduled", 1.5, 5) is None
    assert add_or_get(redis_cache, "scheduled", 2.5, 5) == 1.5
    assert redis_cache.get("scheduled") == 1.5
    client = redis_cache._cache.get_client(write=True)
    assert 0 < client.ttl(redis_cache.make_key("scheduled")) <= 5


def test_the_cache_works_with_its_one_client(redis_cache):
    redis_cache.set("config", {"options": ["bus"]}, 60)
    assert redis_cache.get("config") == {"options": ["bus"]}
    assert redis_cache.add("config", "other", 60) is False
    assert redis_cache.add("counter", 1, 60) is True
    assert redis_cache.incr("counter") == 2
    client = redis_cache._cache.get_client(write=True)
    assert redis_cache._cache.get_client(write=True) is client


def test_mail_scheduling_through_redis_schedules_one_task_per_burst(
    redis_cache, db, settings, monkeypatch
):
    from samling.notifications import services, tasks

    settings.CELERY_TASK_ALWAYS_EAGER = False
    scheduled = []
    monkeypatch.setattr(tasks.send_pending_mail, "apply_async", lambda **kw: scheduled.append(kw))
    monkeypatch.setattr(services, "_covered_until", 0.0)
    for _ in range(20):
        services.schedule_delivery(1)
    assert len(scheduled) == 1
    # Another process (nothing remembered) learns from Redis that a task will send its mail.
    monkeypatch.setattr(services, "_covered_until", 0.0)
    services.schedule_delivery(1)
    assert len(scheduled) == 1 and services._covered_until > 0
    tasks.send_pending_mail()  # starts: deletes the key
    monkeypatch.setattr(services, "_covered_until", 0.0)
    services.schedule_delivery(1)
    assert len(scheduled) == 2


def test_registering_through_the_api_with_the_event_configuration_in_redis(
    redis_cache, client, db, monkeypatch
):
    from samling.api import registrations
    from samling.registration.models import Option, Registration
    from tests.factories import open_event

    event = open_event(capacity=1)
    Option.objects.create(event=event, key="bus", kind="bus", label="Bus", capacity=5)
    event.refresh_from_db()

    def post(n):
        body = {"name": f"D {n}", "email": f"d{n}@example.org", "organisation": "Ærø"}
        body |= {"category": "official", "options": ["bus"]}
        url = f"/api/v1/events/{event.slug}/registrations"
        return client.post(url, body, content_type="application/json")

    monkeypatch.setattr(registrations, "_configs", {})
    first = post(0)
    assert first.status_code == 201, first.content
    assert first.json()["status"] == "confirmed"
    # Another process: nothing in memory, the configuration comes from Redis.
    monkeypatch.setattr(registrations, "_configs", {})
    assert post(1).json()["status"] == "waitlisted"
    assert [r.chosen_options.get().option.key for r in Registration.objects.all()] == ["bus"] * 2
