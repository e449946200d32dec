"""Every organiser page, found by walking the URL configuration, opened in Chromium as the demo's
KL administrator and checked with axe (WCAG 2.1 A/AA). A new page without demo content to show
fails here, so none is left unchecked."""

import re

import pytest
from django.urls import reverse

from samling.announcements.models import Announcement
from samling.events.models import Event, Series
from samling.groups.models import DiscussionGroup, GroupDiscussion
from samling.notifications.models import EventMessage
from samling.programme.models import Item
from tests.e2e.conftest import log_in
from tests.e2e.test_public_pages import assert_accessible
from tests.orga.test_permission_walk import routes

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

EVENT = "temasession-innovation-og-udvikling-2027"
# Pages that are not HTML for a logged-in organiser, or that only take POST.
SKIPPED = {"orga:logout"}


def demo_objects() -> dict:
    event = Event.objects.get(slug=EVENT)
    discussion = GroupDiscussion.objects.filter(item__day__event=event).first()
    item = Item.objects.filter(day__event=event).first()
    return {
        "slug": event.slug,
        "network": event.network.slug,
        "series": Series.objects.filter(network=event.network).values_list("slug", flat=True)[0],
        "pk": {
            "registrations": event.registrations.first().pk,
            "groups": discussion.pk,
            "news": Announcement.objects.filter(network=event.network).first().pk,
            "messages": EventMessage.objects.filter(event=event, queued_at__isnull=True).first().pk,
            "items": item.pk,
            "days": item.day_id,
        },
        "group": DiscussionGroup.objects.filter(discussion=discussion)
        .values_list("pk", flat=True)
        .first(),
        "kind": "participants",
        "fmt": "csv",
        "format": "csv",
        "uidb64": "MQ",
        "token": "1-not-a-token",
    }


def build(route, objects) -> str | None:
    kwargs = {}
    for name in route.kwargs:
        value = objects[name]
        if isinstance(value, dict):
            segment = re.search(rf"([\w-]+)/<(?:\w+:)?{name}>", route.route).group(1)
            value = value[segment]
        if value in (None, ""):
            return None
        kwargs[name] = value
    return reverse(route.name, kwargs=kwargs)


def test_every_organiser_page_passes_axe(page, viewport, live_server):
    from samling.core.demo.load import load_demo
    from samling.groups.services import run_allocation

    load_demo()
    event = Event.objects.get(slug=EVENT)
    for discussion in GroupDiscussion.objects.filter(item__day__event=event):
        run_allocation(discussion)
    objects = demo_objects()
    log_in(page, live_server.url, "admin@kl.demo")
    checked, failures = [], {}
    for route in routes("orga/"):
        if route.name in SKIPPED or route.is_file():
            continue
        path = build(route, objects)
        assert path, f"no demo object for {route.route}"
        # Ask first (with the page's session): POST-only actions answer 405 without a page.
        response = page.request.get(live_server.url + path, max_redirects=0)
        if response.status != 200 or "text/html" not in response.headers.get("content-type", ""):
            continue
        page.goto(live_server.url + path)
        checked.append(path)
        try:
            assert_accessible(page)
        except AssertionError as error:
            failures[path] = str(error)[:2000]
    assert len(checked) >= 30, checked
    assert not failures, "\n\n".join(f"{path}\n{report}" for path, report in failures.items())
