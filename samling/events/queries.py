"""Reads of events shared by pages, the API and exports."""

from django.conf import settings

from samling.programme.queries import speakers_for_event

from .models import Event

SCHEMA_STATUS = {
    Event.Status.SCHEDULED: "https://schema.org/EventScheduled",
    Event.Status.RESCHEDULED: "https://schema.org/EventRescheduled",
    Event.Status.POSTPONED: "https://schema.org/EventPostponed",
    Event.Status.CANCELLED: "https://schema.org/EventCancelled",
}
SCHEMA_MODE = {
    Event.Mode.ON_SITE: "https://schema.org/OfflineEventAttendanceMode",
    Event.Mode.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    Event.Mode.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}


def absolute_url(path: str) -> str:
    return f"{settings.BASE_URL}{path}"


def event_json_ld(event: Event, programme) -> dict:
    """schema.org Event for search engines and calendars. Never the private meeting link."""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary or event.subtitle,
        "inLanguage": event.language,
        "url": absolute_url(event.get_absolute_url()),
        "startDate": event.local_start.isoformat()
        if event.times_announced
        else event.local_start.date().isoformat(),
        "endDate": event.local_end.isoformat()
        if event.times_announced
        else event.local_end.date().isoformat(),
        "eventStatus": SCHEMA_STATUS[event.status],
        "eventAttendanceMode": SCHEMA_MODE[event.mode],
        "organizer": {
            "@type": "Organization",
            "name": event.network.name,
            "url": event.network.website or absolute_url(event.network.get_absolute_url()),
        },
    }
    locations = []
    if event.is_on_site and event.venue:
        locations.append(
            {
                "@type": "Place",
                "name": event.venue.name,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": event.venue.street,
                    "postalCode": event.venue.postal_code,
                    "addressLocality": event.venue.city,
                    "addressCountry": event.venue.country,
                },
            }
        )
    if event.is_online:
        meeting = getattr(event, "online_meeting", None)
        locations.append(
            {
                "@type": "VirtualLocation",
                "name": meeting.display_platform if meeting else "Online",
                "url": absolute_url(event.get_absolute_url()),
            }
        )
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    previous = event.changes.filter(previous_starts_at__isnull=False).order_by("changed_at").first()
    if previous and event.status == Event.Status.RESCHEDULED:
        data["previousStartDate"] = (
            previous.previous_starts_at.astimezone(event.tz).date().isoformat()
        )
    performers = [
        {"@type": "Person", "name": role.person.name, "jobTitle": role.shown_role}
        for role in speakers_for_event(programme)
    ]
    if performers:
        data["performer"] = performers
    return data
