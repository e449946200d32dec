"""Creating, copying and publishing events: the organiser's wizard calls these."""

import datetime as dt

from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils.text import slugify

from samling.core.audit import record

from .models import Event, Series

PREVIEW_SALT = "samling.event-preview"
# A preview link works for this long; a new one can be made at any time.
PREVIEW_MAX_AGE = 60 * 60 * 24 * 30


def unique_slug(title: str, year: int, *, model=Event) -> str:
    """ "innovationsmotet-skelleftea-2027", numbered when taken. Letters like æ, ø, å become
    ae, o, a (slugify drops what it cannot spell in ASCII)."""
    spelled = title.lower().translate(str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ß": "ss"}))
    base = slugify(f"{spelled} {year}")[:90].strip("-") or f"event-{year}"
    slug, n = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def create_event(network, *, created_by=None, **fields) -> Event:
    """A new event of the network, as a draft; the one who creates it organises it."""
    event = Event(network=network, is_published=False, **fields)
    event.slug = event.slug or unique_slug(event.title, event.local_start.year)
    event.full_clean()
    event.save()
    if created_by is not None and created_by.is_authenticated:
        event.organisers.add(created_by)
    record("event.created", event=event, actor=created_by, target=event.title)
    return event


@transaction.atomic
def set_published(event: Event, published: bool, *, changed_by=None) -> Event:
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.is_published != published:
        event.is_published = published
        event.save(update_fields=["is_published", "updated_at"])
        action = "event.published" if published else "event.unpublished"
        record(action, event=event, actor=changed_by, target=event.title)
    return event


def preview_path(event: Event) -> str:
    """A link that shows the event's page before it is published, to anyone who has it."""
    token = signing.dumps(event.pk, salt=PREVIEW_SALT)
    return reverse("public:event-preview", kwargs={"slug": event.slug, "token": token})


def event_from_preview_token(slug: str, token: str) -> Event | None:
    try:
        pk = signing.loads(token, salt=PREVIEW_SALT, max_age=PREVIEW_MAX_AGE)
    except signing.BadSignature:
        return None
    return Event.objects.filter(pk=pk, slug=slug).first()


@transaction.atomic
def copy_series(series: Series, *, starts_on: dt.date, title: str, copied_by=None) -> Series:
    """Copy a series with all its events: the first starts on `starts_on`, the others keep
    their distance from it. The copies are drafts, in a new series."""
    from .services import copy_event

    events = list(series.events.order_by("starts_at"))
    copy = Series.objects.create(
        network=series.network,
        slug=unique_slug(title, starts_on.year, model=Series),
        title=title,
        description=series.description,
        planned_count=series.planned_count,
    )
    if not events:
        return copy
    first = events[0].local_start.date()
    for position, event in enumerate(events, start=1):
        new_day = starts_on + (event.local_start.date() - first)
        new = copy_event(
            event,
            slug=unique_slug(event.title, new_day.year),
            starts_on=new_day,
            copied_by=copied_by,
        )
        new.series = copy
        new.series_position = event.series_position or position
        new.save(update_fields=["series", "series_position", "updated_at"])
        if copied_by is not None and copied_by.is_authenticated:
            new.organisers.add(copied_by)
    return copy


@transaction.atomic
def set_place(
    event: Event,
    *,
    mode: str,
    venue=None,
    new_venue: dict | None = None,
    platform: str = "",
    join_url: str = "",
    changed_by=None,
) -> Event:
    """Where the event is held, or on which platform: a new place is created on the spot.
    Goes through `update_event`, so moving a published event's place is tracked."""
    from .models import OnlineMeeting, Venue
    from .services import update_event

    if mode != Event.Mode.ONLINE and venue is None and new_venue:
        venue = Venue.objects.create(
            network=event.network, country=event.network.country, **new_venue
        )
    if mode == Event.Mode.ONLINE:
        venue = None
    update_event(event, changed_by=changed_by, mode=mode, venue=venue)
    if mode != Event.Mode.ON_SITE and platform:
        OnlineMeeting.objects.update_or_create(
            event=event, defaults={"platform": platform, "join_url": join_url}
        )
    return Event.objects.get(pk=event.pk)
