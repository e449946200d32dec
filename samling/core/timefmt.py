"""Dates and times shown in an event's own time zone and the reader's language."""

import datetime as dt

from django.utils.dateformat import format as dateformat
from django.utils.formats import date_format, time_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import pgettext


def long_date(value: dt.date) -> str:
    return date_format(value, "DATE_FORMAT")


def day_heading(value: dt.date) -> str:
    """ "Torsdag 25 november 2021" / "Onsdag 30. september 2020"."""
    return capfirst(f"{dateformat(value, 'l')} {long_date(value)}")


def clock(value: dt.time | None) -> str:
    return time_format(value, "TIME_FORMAT") if value else ""


def time_range(start: dt.time | None, end: dt.time | None, *, approximate: bool = False) -> str:
    """ "13.15–14.00", "ca. 09.30", "18.00–" for an open end."""
    if start is None:
        return ""
    text = clock(start)
    if approximate:
        text = pgettext("approximately, before a time", "ca. %(time)s") % {"time": text}
    if end:
        return f"{text}–{clock(end)}"
    return text


def event_when(event) -> str:
    """The event's date and time in its own time zone, e.g. "30. september 2020 kl. 12.30–15.30"."""
    start, end = event.local_start, event.local_end
    if not event.times_announced:
        if start.date() == end.date():
            return long_date(start.date())
        return _("%(start_date)s – %(end_date)s") % {
            "start_date": long_date(start.date()),
            "end_date": long_date(end.date()),
        }
    if start.date() == end.date():
        return _("%(date)s, %(start)s–%(end)s") % {
            "date": long_date(start.date()),
            "start": clock(start.time()),
            "end": clock(end.time()),
        }
    return _("%(start_date)s, %(start)s – %(end_date)s, %(end)s") % {
        "start_date": long_date(start.date()),
        "start": clock(start.time()),
        "end_date": long_date(end.date()),
        "end": clock(end.time()),
    }


def _moment(value: dt.datetime, tz, *, with_date: bool) -> str:
    local = value.astimezone(tz)
    if with_date:
        return f"{long_date(local.date())} {clock(local.time())}"
    return clock(local.time())


def _item_when(state: dict, *, with_date: bool) -> str:
    """An item's stored {"date", "start", "end"} as "25 november 2021 13.15–14.00"."""
    start = dt.time.fromisoformat(state["start"]) if state.get("start") else None
    end = dt.time.fromisoformat(state["end"]) if state.get("end") else None
    times = time_range(start, end)
    if with_date and state.get("date"):
        return f"{long_date(dt.date.fromisoformat(state['date']))} {times}".strip()
    return times


def change_summary(change) -> str:
    """One change in words, in the active language, e.g. "Moved from 27 September 2021 to
    24 January 2022" for the event's public history and the notification to registrants."""
    from samling.events.models import Event, EventChange

    kind, details = change.kind, change.details or {}
    tz = change.event.tz
    if kind == EventChange.Kind.RESCHEDULED and change.previous_starts_at and change.new_starts_at:
        old, new = change.previous_starts_at.astimezone(tz), change.new_starts_at.astimezone(tz)
        if old.date() != new.date():
            return _("Moved from %(old)s to %(new)s") % {
                "old": long_date(old.date()),
                "new": long_date(new.date()),
            }
        return _("Time changed from %(old)s to %(new)s") % {
            "old": _moment(change.previous_starts_at, tz, with_date=True),
            "new": _moment(change.new_starts_at, tz, with_date=False),
        }
    if kind == EventChange.Kind.VENUE and details.get("after"):
        return _("New place: %(new)s (before: %(old)s)") % {
            "new": details["after"],
            "old": details.get("before") or "–",
        }
    if kind == EventChange.Kind.MODE and details.get("after"):
        modes = dict(Event.Mode.choices)
        return _("Now %(new)s (before: %(old)s)") % {
            "new": modes.get(details["after"], details["after"]),
            "old": modes.get(details.get("before"), details.get("before") or "–"),
        }
    if kind == EventChange.Kind.PROGRAMME and details.get("title"):
        title = details["title"]
        if details.get("change") == "cancelled":
            return _("“%(title)s” is cancelled") % {"title": title}
        if details.get("change") == "restored":
            return _("“%(title)s” takes place after all") % {"title": title}
        before, after = details.get("before") or {}, details.get("after") or {}
        with_date = before.get("date") != after.get("date")
        return _("“%(title)s” moved from %(old)s to %(new)s") % {
            "title": title,
            "old": _item_when(before, with_date=with_date),
            "new": _item_when(after, with_date=with_date),
        }
    return change.get_kind_display()
