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


def change_summary(change) -> str:
    """ "Moved from 27 September 2021 to 24 January 2022" for the event's public history."""
    tz = change.event.tz
    if change.previous_starts_at and change.new_starts_at:
        return _("Moved from %(old)s to %(new)s") % {
            "old": long_date(change.previous_starts_at.astimezone(tz).date()),
            "new": long_date(change.new_starts_at.astimezone(tz).date()),
        }
    return change.get_kind_display()
