import pytest
from django.db.models import Prefetch

from samling.events.models import Event, OnlineMeeting
from samling.exports.links import output_urls
from samling.programme.models import Day

from .helpers import INDUSTRIDAGEN, SKELLEFTEA, fetch, pdf_text

pytestmark = pytest.mark.integration


def test_output_urls_are_absolute_and_resolve(client, skelleftea):
    urls = output_urls(skelleftea)
    base = "http://127.0.0.1:8000"
    assert urls == {
        "ical_url": f"{base}/events/{SKELLEFTEA}/event.ics",
        "programme_ical_url": f"{base}/events/{SKELLEFTEA}/programme.ics",
        "pdf_url": f"{base}/events/{SKELLEFTEA}/programme.pdf",
    }
    for url in urls.values():
        fetch(client, url.removeprefix(base))


def test_output_urls_leave_out_programme_outputs_without_programme_days(demo):
    event = Event.objects.get(slug=INDUSTRIDAGEN)
    urls = output_urls(event)
    assert urls["ical_url"].endswith(f"/events/{INDUSTRIDAGEN}/event.ics")
    assert urls["programme_ical_url"] is None and urls["pdf_url"] is None


def test_output_urls_use_prefetched_days_without_a_query(demo, django_assert_num_queries):
    events = list(
        Event.objects.prefetch_related(Prefetch("days", queryset=Day.objects.only("pk", "event")))
    )
    with django_assert_num_queries(0):
        found = {event.slug: output_urls(event)["pdf_url"] for event in events}
    assert found[SKELLEFTEA] and found[INDUSTRIDAGEN] is None
    with django_assert_num_queries(0):
        assert output_urls(events[0], programme=False)["pdf_url"] is None


def test_private_online_link_is_in_no_output(client, kl_event):
    meeting = OnlineMeeting.objects.get(event=kl_event)
    meeting.meeting_id = "MEETING-4711"
    meeting.passcode = "PASSCODE-0815"
    meeting.instructions = "Brug mødelinket fra e-mailen."
    meeting.save()
    secrets = [meeting.join_url, "teams.microsoft.com", "MEETING-4711", "PASSCODE-0815", "e-mailen"]
    urls = output_urls(kl_event)
    outputs = [fetch(client, urls[name]).content for name in ("ical_url", "programme_ical_url")]
    for name in ("events.ics", "feed.atom", "embed/"):
        outputs.append(fetch(client, f"/networks/kl/{name}").content)
    # The KL event's upcoming copy carries no link; give it one so the network feeds are tested.
    copy = Event.objects.get(slug="temasession-innovation-og-udvikling-2027")
    OnlineMeeting.objects.update_or_create(
        event=copy, defaults={"platform": "teams", "join_url": meeting.join_url}
    )
    for name in ("events.ics", "feed.atom", "embed/"):
        outputs.append(fetch(client, f"/networks/kl/{name}").content)
    # The PDF's streams are compressed: look at its text and its metadata.
    text, reader = pdf_text(fetch(client, urls["pdf_url"]).content)
    text += " ".join(str(value) for value in reader.metadata.values())
    outputs.append(text.encode())
    for content in outputs:
        assert b"Microsoft Teams" in content or b"Temasession" in content
        for secret in secrets:
            assert secret.encode() not in content, secret
