"""Shapes of the public API. Field names of the Programme JSON follow GUIDE section 3 exactly."""

import datetime as dt

from ninja import Schema


class NetworkOut(Schema):
    slug: str
    name: str
    country: str
    page_url: str


class VenueOut(Schema):
    name: str
    street: str
    postal_code: str
    city: str
    country: str


class RegistrationOptionOut(Schema):
    key: str
    label: str
    kind: str
    choice_group: str | None
    capacity: int | None
    available: int | None


class EventRegistrationOut(Schema):
    open: bool
    deadline: dt.datetime | None
    capacity: int | None
    confirmed: int
    available: int | None
    waitlisted: int
    url: str | None = None
    options: list[RegistrationOptionOut] = []


class EventSummaryOut(Schema):
    slug: str
    title: str
    subtitle: str
    summary: str
    network: NetworkOut
    language: str
    timezone: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    times_announced: bool
    status: str
    mode: str
    venue: VenueOut | None
    online_platform: str | None
    page_url: str
    ical_url: str | None
    programme_ical_url: str | None
    pdf_url: str | None
    registration: EventRegistrationOut


class SpeakerOut(Schema):
    name: str
    role: str | None
    function: str


class ItemOut(Schema):
    id: int
    start: str | None
    end: str | None
    approximate: bool
    title: str
    kind: str
    speakers: list[SpeakerOut]
    track: str | None
    description: str | None
    location: str | None
    subpoints: list[str]
    notes: str | None
    sessions: list["ItemOut"]


class DayOut(Schema):
    date: str | None
    label: str | None
    items: list[ItemOut]


class ProgrammeOut(Schema):
    title: str
    language: str
    timezone: str
    days: list[DayOut]


class ContactOut(Schema):
    name: str
    function: str
    email: str
    phone: str


class AttachmentOut(Schema):
    title: str
    url: str
    is_programme: bool


class ChangeOut(Schema):
    kind: str
    summary: str
    note: str
    changed_at: dt.datetime
    previous_starts_at: dt.datetime | None
    previous_ends_at: dt.datetime | None
    new_starts_at: dt.datetime | None
    new_ends_at: dt.datetime | None


class SeriesOut(Schema):
    slug: str
    title: str
    position: int | None
    planned_count: int | None


class EventDetailOut(EventSummaryOut):
    description: str
    highlights: list[str]
    audience: str
    series: SeriesOut | None
    contacts: list[ContactOut]
    attachments: list[AttachmentOut]
    changes: list[ChangeOut]
    related_events: list[str]
    programme: ProgrammeOut


class NotFoundOut(Schema):
    detail: str


class ValidationErrorOut(Schema):
    """What django-ninja answers when a parameter or body does not fit the schema."""

    detail: list[dict]
