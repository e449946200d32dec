"""iCalendar (RFC 5545) files: an event, its programme, and a network's upcoming events.

`build_vevent` makes every VEVENT, so all calendars share UIDs, SEQUENCE, DTSTAMP and status.
UIDs carry primary keys and the site's host, never slugs (which organisers may change).
Texts are written in the active language; the views activate the event's language.
The private online meeting link never appears: only the platform's public name.
"""

import datetime as dt
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from samling.core import timefmt
from samling.events.models import Event
from samling.events.queries import absolute_url
from samling.programme.models import Item
from samling.programme.queries import ProgrammeDay

from .responses import cached_bytes

PRODID = "-//Samling//Samling calendar export//EN"
# An item without an end lasts until the next item that day, at most OPEN_END_CAP, else this.
OPEN_END_DEFAULT = dt.timedelta(hours=1)
OPEN_END_CAP = dt.timedelta(hours=3)
# The event's DESCRIPTION lists at most this many programme lines.
SUMMARY_LINES = 30
STATUS = {
    Event.Status.SCHEDULED: "CONFIRMED",
    Event.Status.RESCHEDULED: "CONFIRMED",
    Event.Status.POSTPONED: "TENTATIVE",
    Event.Status.CANCELLED: "CANCELLED",
}


def uid_domain() -> str:
    return urlsplit(settings.BASE_URL).hostname or "samling"


def event_uid(event: Event) -> str:
    return f"event-{event.pk}@{uid_domain()}"


def item_uid(item: Item) -> str:
    return f"item-{item.pk}@{uid_domain()}"


def build_vevent(
    uid: str,
    summary: str,
    start: dt.date | dt.datetime,
    end: dt.date | dt.datetime,
    *,
    sequence: int,
    stamp: dt.datetime,
    location: str = "",
    description: str = "",
    url: str = "",
    all_day: bool = False,
    status: str | None = None,
):
    """One VEVENT. Aware datetimes keep their zone (TZID); `all_day` takes dates, end exclusive."""
    from icalendar import Event as VEvent

    if all_day:
        assert not isinstance(start, dt.datetime) and not isinstance(end, dt.datetime)
    else:
        assert start.tzinfo is not None and end.tzinfo is not None, "aware datetimes only"
    vevent = VEvent()
    vevent.add("uid", uid)
    vevent.add("dtstamp", stamp.astimezone(dt.UTC))
    vevent.add("last-modified", stamp.astimezone(dt.UTC))
    vevent.add("sequence", sequence)
    vevent.add("summary", summary)
    vevent.add("dtstart", start)
    vevent.add("dtend", end)
    if all_day:
        vevent.add("transp", "TRANSPARENT")
    if location:
        vevent.add("location", location)
    if description:
        vevent.add("description", description)
    if url:
        vevent.add("url", url)
    if status:
        vevent.add("status", status)
    return vevent


def new_calendar(
    name: str, *, tzid: str, refresh: dt.timedelta | None = None, method: str = "PUBLISH"
):
    from icalendar import Calendar, vDuration

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", tzid)
    if refresh:
        calendar.add("refresh-interval", refresh, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", vDuration(refresh))
    return calendar


def calendar_bytes(calendar, *, fallback_timezone: str) -> bytes:
    """Add a VTIMEZONE for each zone used, covering only the years the calendar spans."""
    import zoneinfo

    from icalendar import Timezone

    dates = []
    for component in calendar.walk("VEVENT"):
        for key in ("DTSTART", "DTEND"):
            value = component[key].dt
            dates.append(value.date() if isinstance(value, dt.datetime) else value)
    if not dates:
        # RFC 5545 wants at least one component: an empty feed still describes its zone.
        dates = [timezone.localdate()]
        calendar.add_component(
            Timezone.from_tzinfo(
                zoneinfo.ZoneInfo(fallback_timezone),
                first_date=dt.date(dates[0].year - 1, 1, 1),
                last_date=dt.date(dates[0].year + 2, 1, 1),
            )
        )
    first = dt.date(min(dates).year - 1, 1, 1)
    last = dt.date(max(dates).year + 2, 1, 1)
    calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar.to_ical()


# Texts shared by the event's calendar entry.


def event_location(event: Event) -> str:
    """The venue's name and address, or the online platform's public name (never its link)."""
    places = []
    if event.is_on_site:
        if event.venue:
            places.append(", ".join(p for p in (event.venue.name, event.venue.address) if p))
        else:
            places.append(_("Venue to be announced"))
    if event.is_online:
        meeting = getattr(event, "online_meeting", None)
        places.append(meeting.display_platform if meeting else _("Online"))
    return " / ".join(places)


def event_summary(event: Event) -> str:
    if event.status == Event.Status.CANCELLED:
        return pgettext("calendar entry", "Cancelled: %(title)s") % {"title": event.title}
    if event.status == Event.Status.POSTPONED:
        return pgettext("calendar entry", "Postponed: %(title)s") % {"title": event.title}
    return event.title


def item_line(item: Item) -> str:
    when = timefmt.time_range(item.start_time, item.end_time, approximate=item.approximate)
    title = item.title
    if item.is_cancelled:
        title = pgettext("programme item", "%(title)s (cancelled)") % {"title": title}
    return f"{when} {title}" if when else f"– {title}"


def programme_lines(programme: list[ProgrammeDay]) -> list[str]:
    lines = []
    for pday in programme:
        if len(programme) > 1:
            lines.append(timefmt.day_heading(pday.day.date))
        lines.extend(item_line(item) for item in pday.items)
    if len(lines) > SUMMARY_LINES:
        lines = [*lines[: SUMMARY_LINES - 1], "…"]
    return lines


def event_description(event: Event, programme: list[ProgrammeDay] | None) -> str:
    parts = []
    if event.status != Event.Status.SCHEDULED and event.status_note:
        parts.append(event.status_note)
    intro = event.summary or event.subtitle
    if intro:
        parts.append(intro)
    if programme:
        parts.append("\n".join([_("Programme:"), *programme_lines(programme)]))
    parts.append(absolute_url(event.get_absolute_url()))
    return "\n\n".join(parts)


def event_vevent(event: Event, programme: list[ProgrammeDay] | None = None):
    if event.times_announced:
        start, end, all_day = event.local_start, event.local_end, False
    else:
        # DTEND of an all-day entry is the day after the last day.
        start = event.local_start.date()
        end = event.local_end.date() + dt.timedelta(days=1)
        all_day = True
    return build_vevent(
        event_uid(event),
        event_summary(event),
        start,
        end,
        sequence=event.revision,
        stamp=event.updated_at,
        location=event_location(event),
        description=event_description(event, programme),
        url=absolute_url(event.get_absolute_url()),
        all_day=all_day,
        status=STATUS[event.status],
    )


# The programme's calendar entries.


def _at(date: dt.date, time: dt.time, event: Event) -> dt.datetime:
    return dt.datetime.combine(date, time, tzinfo=event.tz)


def _open_end(start: dt.time, day_starts: list[dt.time]) -> dt.timedelta:
    """How long an item without an end is shown: until the day's next start, capped."""
    later = [t for t in day_starts if t > start]
    if not later:
        return OPEN_END_DEFAULT
    gap = dt.datetime.combine(dt.date.min, min(later)) - dt.datetime.combine(dt.date.min, start)
    return min(gap, OPEN_END_CAP)


def item_summary(item: Item, start: dt.time, *, approximate: bool, track=None) -> str:
    summary = item.title
    if track is not None:
        summary = _("%(title)s (%(track)s)") % {"title": summary, "track": track.name}
    if approximate:
        summary = f"{timefmt.time_range(start, None, approximate=True)} {summary}"
    return summary


def item_description(item: Item, event: Event, *, open_end_until: dt.datetime | None) -> str:
    parts = []
    if item.description:
        parts.append(item.description)
    people = [
        (
            f"{capfirst(role.get_function_display())}: {role.person.name}"
            if role.function != role.Function.SPEAKER
            else role.person.name
        )
        + (f", {role.shown_role}" if role.shown_role else "")
        for role in item.roles.all()
    ]
    if people:
        parts.append("\n".join(people))
    points = item.agenda_points()
    if points:
        parts.append("\n".join(f"• {point}" for point in points))
    if item.notes:
        parts.append(item.notes)
    if item.approximate:
        parts.append(_("The start time is approximate."))
    if open_end_until is not None:
        parts.append(
            _("The programme gives no end time; the calendar shows the item until %(time)s.")
            % {"time": timefmt.clock(open_end_until.time())}
        )
    parts.append(f"{event.title}\n{absolute_url(event.get_absolute_url())}")
    return "\n\n".join(parts)


def item_vevents(event: Event, programme: list[ProgrammeDay], *, include=None, extra="") -> list:
    """One VEVENT per timed item and per timed parallel session; untimed items are left out.

    `include(item)` may leave out items (a personal agenda); `extra` is added to descriptions.
    """
    status = STATUS[event.status]
    location = event_location(event)
    url = absolute_url(event.get_absolute_url())
    vevents = []
    for pday in programme:
        starts = [item.start_time for item in pday.items if item.start_time]
        for item in pday.items:
            entries = [(item, None, None)]
            entries += [(session, item, session.track) for session in item.session_list]
            for entry, parent, track in entries:
                start_time = entry.start_time or (parent.start_time if parent else None)
                if start_time is None or (include and not include(entry)):
                    continue
                approximate = entry.approximate or bool(
                    parent and not entry.start_time and parent.approximate
                )
                start = _at(pday.day.date, start_time, event)
                end_time = entry.end_time or (parent.end_time if parent else None)
                open_end_until = None
                if end_time and end_time > start_time:
                    end = _at(pday.day.date, end_time, event)
                else:
                    end = start + _open_end(start_time, starts)
                    open_end_until = end
                vevents.append(
                    build_vevent(
                        item_uid(entry),
                        item_summary(entry, start_time, approximate=approximate, track=track),
                        start,
                        end,
                        sequence=event.revision,
                        stamp=event.updated_at,
                        location=entry.location or location,
                        description=item_description(entry, event, open_end_until=open_end_until)
                        + extra,
                        url=url,
                        status="CANCELLED" if entry.is_cancelled else status,
                    )
                )
    return vevents


# Whole files.


def event_calendar(event: Event, programme: list[ProgrammeDay]) -> bytes:
    calendar = new_calendar(event.title, tzid=event.timezone)
    calendar.add_component(event_vevent(event, programme))
    return calendar_bytes(calendar, fallback_timezone=event.timezone)


def programme_calendar(event: Event, programme: list[ProgrammeDay]) -> bytes:
    """The programme's timed items; with none timed, the event itself so the file is not empty."""
    name = _("Programme: %(title)s") % {"title": event.title}
    calendar = new_calendar(name, tzid=event.timezone)
    vevents = item_vevents(event, programme) or [event_vevent(event, programme)]
    for vevent in vevents:
        calendar.add_component(vevent)
    return calendar_bytes(calendar, fallback_timezone=event.timezone)


def network_calendar(network, events) -> bytes:
    """A subscription feed: one entry per event, described without its programme."""
    name = _("Events: %(network)s") % {"network": network.name}
    calendar = new_calendar(name, tzid=network.timezone, refresh=dt.timedelta(hours=6))
    for event in events:
        calendar.add_component(event_vevent(event))
    return calendar_bytes(calendar, fallback_timezone=network.timezone)


def registration_calendar(registration, *, method: str = "REQUEST") -> bytes:
    """The calendar entry sent with every e-mail about a registration: an invitation.

    One VEVENT with the event's own UID (the same as event.ics), the registrant as ATTENDEE and
    the network as ORGANIZER, so a calendar treats each later file as an update of the same
    entry: METHOD:REQUEST with a higher SEQUENCE when the event changes, METHOD:CANCEL when it
    or the registration is cancelled. Tentative while the registrant is on the waiting list.
    Confirmed registrants of an online event find the meeting link in the description.
    """
    from email.utils import parseaddr

    from django.core.cache import cache
    from django.utils import translation
    from icalendar import vCalAddress

    from samling.programme.queries import programme_for_event

    event = registration.event
    cancelled = (
        method == "CANCEL"
        or event.status == Event.Status.CANCELLED
        or registration.status == "cancelled"
    )
    method = "CANCEL" if cancelled else "REQUEST"
    confirmed = registration.status == "confirmed"
    language = registration.language or event.language
    with translation.override(language):
        # The description with the programme is the same for every registrant: made once per
        # change of the event and language, not for each of a thousand e-mails.
        description = cache.get_or_set(
            f"invitation-description:{event.pk}:{event.updated_at.timestamp()}:{language}",
            lambda: event_description(event, programme_for_event(event)),
            60 * 60,
        )
        vevent = event_vevent(event)
        vevent.pop("DESCRIPTION")
        vevent.add("description", description)
        status = "CANCELLED" if cancelled else ("CONFIRMED" if confirmed else "TENTATIVE")
        vevent.pop("STATUS")
        vevent.add("status", status)
        meeting = getattr(event, "online_meeting", None) if event.is_online else None
        if meeting and meeting.join_url and confirmed and not cancelled:
            link = _("Join online: %(link)s") % {"link": meeting.join_url}
            vevent["DESCRIPTION"] = f"{vevent.get('DESCRIPTION', '')}\n\n{link}"
        sender_name, sender = parseaddr(settings.DEFAULT_FROM_EMAIL)
        organizer = vCalAddress(f"mailto:{sender}")
        organizer.params["CN"] = event.network.name
        vevent.add("organizer", organizer)
        attendee = vCalAddress(f"mailto:{registration.email}")
        attendee.params["CN"] = registration.name
        attendee.params["ROLE"] = "REQ-PARTICIPANT"
        attendee.params["PARTSTAT"] = (
            "DECLINED"
            if registration.status == "cancelled"
            else ("ACCEPTED" if confirmed else "TENTATIVE")
        )
        attendee.params["RSVP"] = "FALSE"
        vevent.add("attendee", attendee)
        calendar = new_calendar(event.title, tzid=event.timezone, method=method)
        calendar.add_component(vevent)
        return calendar_bytes(calendar, fallback_timezone=event.timezone)


def registration_agenda(registration) -> bytes:
    """A registrant's own agenda: the items of the sessions and options they take.

    Items tied to an option (a session, the bus, a meal) are in it only when the registrant
    chose that option; the rest of the programme is for everyone. Confirmed registrants of an
    online event get the meeting link in every entry: this file is only ever sent to them.
    """
    from django.utils import translation

    from samling.programme.queries import programme_for_event

    event = registration.event
    chosen = set(
        registration.chosen_options.filter(status="confirmed").values_list("option_id", flat=True)
    )
    items_of_options: dict[int, set[int]] = {}
    for option_id, item_id in event.options.filter(item__isnull=False).values_list("pk", "item_id"):
        items_of_options.setdefault(item_id, set()).add(option_id)
    confirmed = registration.status == "confirmed"
    meeting = getattr(event, "online_meeting", None) if event.is_online else None
    link = meeting.join_url if (meeting and confirmed and meeting.join_url) else ""

    def include(item) -> bool:
        options = items_of_options.get(item.pk)
        return not options or bool(options & chosen)

    def render() -> bytes:
        programme = programme_for_event(event)
        extra = "\n\n" + _("Join online: %(link)s") % {"link": link} if link else ""
        name = _("My programme: %(title)s") % {"title": event.title}
        calendar = new_calendar(name, tzid=event.timezone)
        vevents = item_vevents(event, programme, include=include, extra=extra)
        if not vevents:
            vevent = event_vevent(event, programme)
            if extra:
                vevent["DESCRIPTION"] = str(vevent.get("DESCRIPTION", "")) + extra
            vevents = [vevent]
        for vevent in vevents:
            calendar.add_component(vevent)
        return calendar_bytes(calendar, fallback_timezone=event.timezone)

    options_key = "-".join(str(pk) for pk in sorted(chosen))
    version = f"{event.pk}:{event.updated_at.timestamp()}:{options_key}:{bool(link)}"
    with translation.override(registration.language or event.language):
        return cached_bytes(f"agenda:{version}", render)
