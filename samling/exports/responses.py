"""The one place that declares each output's file name and content type, and how it is cached.

Every output is rendered once per content version and language and kept in Django's cache as
bytes; a later request only looks up the event (one query) and the cache.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.http import HttpResponse
from django.utils import translation
from django.utils.http import content_disposition_header

CACHE_TIMEOUT = 60 * 60 * 24
CALENDAR = "text/calendar; charset=utf-8"
CSV = "text/csv; charset=utf-8"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Export:
    """What a client receives: a content type and a file name made from the object's slug."""

    content_type: str
    filename: str
    inline: bool = True
    # Seconds browsers and proxies may keep the response; calendars poll on their own schedule.
    max_age: int = 300


EXPORTS: dict[str, Export] = {
    "event-ical": Export(CALENDAR, "{slug}.ics", inline=False),
    "programme-ical": Export(CALENDAR, "{slug}-programme.ics", inline=False),
    "agenda-ical": Export(CALENDAR, "{slug}-my-programme.ics", inline=False),
    # A registrant's own data (samling/registration/privacy.py), sent with private, no-store.
    "registration-data": Export("application/json", "{slug}-my-data.json", inline=False),
    "programme-pdf": Export("application/pdf", "{slug}-programme.pdf"),
    "network-ical": Export(CALENDAR, "{slug}-events.ics"),
    "network-feed": Export("application/atom+xml; charset=utf-8", "{slug}-events.atom"),
    # Group lists of one group discussion, for organisers only (sent with private, no-store).
    "groups-csv": Export(CSV, "{slug}-groups.csv", inline=False),
    "groups-xlsx": Export(XLSX, "{slug}-groups.xlsx", inline=False),
    "groups-pdf": Export("application/pdf", "{slug}-groups.pdf"),
    "badges-pdf": Export("application/pdf", "{slug}-badges.pdf"),
    # Organiser lists of registrations (samling/exports/spreadsheets.py); personal data, so the
    # organiser view answers them with "Cache-Control: private, no-store".
    "registrations-participants-csv": Export(CSV, "{slug}-participants.csv", inline=False),
    "registrations-participants-xlsx": Export(XLSX, "{slug}-participants.xlsx", inline=False),
    "registrations-bus-csv": Export(CSV, "{slug}-bus.csv", inline=False),
    "registrations-bus-xlsx": Export(XLSX, "{slug}-bus.xlsx", inline=False),
    "registrations-pickup-csv": Export(CSV, "{slug}-pickup.csv", inline=False),
    "registrations-pickup-xlsx": Export(XLSX, "{slug}-pickup.xlsx", inline=False),
    "registrations-meals-csv": Export(CSV, "{slug}-meals.csv", inline=False),
    "registrations-meals-xlsx": Export(XLSX, "{slug}-meals.xlsx", inline=False),
    "registrations-badges-csv": Export(CSV, "{slug}-badges.csv", inline=False),
    "registrations-badges-xlsx": Export(XLSX, "{slug}-badges.xlsx", inline=False),
}


def file_response(
    content: bytes, *, filename: str, content_type: str, inline: bool = True
) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(not inline, filename)
    response["Content-Length"] = str(len(content))
    return response


def export_response(kind: str, content: bytes, *, slug: str) -> HttpResponse:
    export = EXPORTS[kind]
    response = file_response(
        content,
        filename=export.filename.format(slug=slug),
        content_type=export.content_type,
        inline=export.inline,
    )
    response["Cache-Control"] = f"public, max-age={export.max_age}"
    response["Content-Language"] = translation.get_language()
    return response


def event_version(event) -> str:
    """What an event's outputs are cached under: every change to it moves `updated_at`."""
    return f"{event.pk}:{event.updated_at.timestamp()}"


def cached_bytes(key: str, render: Callable[[], bytes]) -> bytes:
    """`render()` once per key and active language; the key must carry the content's version."""
    full_key = f"export:{key}:{translation.get_language()}"
    content = cache.get(full_key)
    if content is None:
        content = render()
        cache.set(full_key, content, CACHE_TIMEOUT)
    return content


def cached_export(kind: str, *, slug: str, version: str, render: Callable[[], bytes]):
    """The response for output `kind` of the object `slug`, rendered at most once per version.

    `version` must identify the object too (its primary key and `updated_at`).
    """
    content = cached_bytes(f"{kind}:{version}", render)
    return export_response(kind, content, slug=slug)
