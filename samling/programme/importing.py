"""Turning Programme JSON (the importer's output, corrected by an organiser) into an event's
programme: days, tracks, items and speaker roles, replacing what the event had."""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats
from django.utils.translation import gettext as _

from samling.core import audit
from samling.events.models import Event
from samling.networks.models import Person

from .models import Day, Item, SpeakerRole, Track

TITLE_MAX = Item._meta.get_field("title").max_length
LOCATION_MAX = Item._meta.get_field("location").max_length
NOTES_MAX = Item._meta.get_field("notes").max_length
TRACK_MAX = Track._meta.get_field("name").max_length
NAME_MAX = Person._meta.get_field("name").max_length
ROLE_MAX = SpeakerRole._meta.get_field("role_text").max_length
PERSON_TITLE_MAX = Person._meta.get_field("title").max_length


@dataclass
class ImportSummary:
    days: int = 0
    items: int = 0
    speakers: int = 0  # speaker roles, one per person and item
    people_created: int = 0
    items_replaced: int = 0


def event_dates(event: Event) -> list[dt.date]:
    """Every local date the event covers, first to last."""
    first, last = event.local_start.date(), event.local_end.date()
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def parse_time(value) -> dt.time | None:
    """`09:30`, `9.30`, `0930` or a `time` to a time; None for empty; ValueError otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0, tzinfo=None)
    text = str(value).strip().replace(".", ":")
    if ":" not in text and text.isdigit() and len(text) in (3, 4):
        text = f"{text[:-2]}:{text[-2:]}"
    hours, _sep, minutes = text.partition(":")
    if not (hours.isdigit() and minutes.isdigit() and len(minutes) == 2 and len(hours) <= 2):
        raise ValueError(value)
    return dt.time(int(hours), int(minutes))


def _date(value) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _lines(value) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        value = value.splitlines()
    return [str(line).strip() for line in value if str(line).strip()]


def _text(value) -> str:
    return str(value).strip() if value else ""


@dataclass
class _Speaker:
    name: str
    role: str
    function: str


@dataclass
class _Item:
    start: dt.time | None
    end: dt.time | None
    approximate: bool
    kind: str
    title: str
    description: str
    location: str
    agenda: str
    notes: str
    track: str
    speakers: list[_Speaker]


def _checked(event: Event, programme: dict) -> dict[dt.date, list[_Item]]:
    """The programme's items by date, or a ValidationError listing every problem found."""
    dates = event_dates(event)
    errors: list[str] = []
    days: dict[dt.date, list[_Item]] = {}
    for day_index, day in enumerate(programme.get("days") or []):
        try:
            date = _date(day.get("date"))
        except ValueError:
            errors.append(
                _("“%(value)s” is not a date such as 2027-11-25.") % {"value": day.get("date")}
            )
            continue
        if date is None:
            date = dates[0] + dt.timedelta(days=day_index)
        if not dates[0] <= date <= dates[-1]:
            errors.append(
                _("The day %(date)s lies outside the event, which runs from %(first)s to %(last)s.")
                % {
                    "date": formats.date_format(date),
                    "first": formats.date_format(dates[0]),
                    "last": formats.date_format(dates[-1]),
                }
            )
            continue
        items = days.setdefault(date, [])
        for data in day.get("items") or []:
            where = _("Item %(number)d on %(date)s") % {
                "number": len(items) + 1,
                "date": formats.date_format(date),
            }
            item = _checked_item(data, where, errors)
            if item is not None:
                items.append(item)
    if not errors and not any(days.values()):
        errors.append(_("The programme has no items."))
    if errors:
        raise ValidationError(errors)
    return days


def _checked_item(data: dict, where: str, errors: list[str]) -> _Item | None:
    problems = []
    times = {}
    for key in ("start", "end"):
        try:
            times[key] = parse_time(data.get(key))
        except ValueError:
            times[key] = None
            problems.append(
                _("%(where)s: “%(value)s” is not a time such as 09:30.")
                % {"where": where, "value": data.get(key)}
            )
    start, end = times["start"], times["end"]
    approximate = bool(data.get("approximate"))
    if end and not start and len(problems) == 0:
        problems.append(_("%(where)s: an item with an end needs a start.") % {"where": where})
    if start and end and end <= start:
        problems.append(_("%(where)s: the item must end after it starts.") % {"where": where})
    if approximate and not start and len(problems) == 0:
        problems.append(_("%(where)s: only a time can be approximate.") % {"where": where})
    title = _text(data.get("title"))
    if not title:
        problems.append(_("%(where)s: the title is empty.") % {"where": where})
    elif len(title) > TITLE_MAX:
        problems.append(
            _("%(where)s: the title is longer than %(max)d characters.")
            % {"where": where, "max": TITLE_MAX}
        )
    kind = data.get("kind") or Item.Kind.OTHER
    if kind not in Item.Kind.values:
        problems.append(
            _("%(where)s: “%(value)s” is not a kind of programme item.")
            % {"where": where, "value": kind}
        )
    notes = " ".join(_lines(data.get("notes")))
    location = _text(data.get("location"))
    track = _text(data.get("track"))
    for value, limit, message in (
        (notes, NOTES_MAX, _("%(where)s: the note is longer than %(max)d characters.")),
        (location, LOCATION_MAX, _("%(where)s: the location is longer than %(max)d characters.")),
        (track, TRACK_MAX, _("%(where)s: the track name is longer than %(max)d characters.")),
    ):
        if len(value) > limit:
            problems.append(message % {"where": where, "max": limit})
    speakers = []
    for speaker in data.get("speakers") or []:
        name, role = _text(speaker.get("name")), _text(speaker.get("role"))
        function = speaker.get("function") or SpeakerRole.Function.SPEAKER
        if function not in SpeakerRole.Function.values:
            function = SpeakerRole.Function.SPEAKER
        if not name:
            problems.append(
                _("%(where)s: a speaker has no name (“%(role)s”).") % {"where": where, "role": role}
            )
        elif len(name) > NAME_MAX:
            problems.append(
                _("%(where)s: the name “%(name)s” is longer than %(max)d characters.")
                % {"where": where, "name": name[:40] + "…", "max": NAME_MAX}
            )
        elif len(role) > ROLE_MAX:
            problems.append(
                _("%(where)s: the role of %(name)s is longer than %(max)d characters.")
                % {"where": where, "name": name, "max": ROLE_MAX}
            )
        elif not any(s.name == name and s.function == function for s in speakers):
            speakers.append(_Speaker(name=name, role=role, function=function))
    if problems:
        errors.extend(problems)
        return None
    return _Item(
        start=start,
        end=end,
        approximate=approximate,
        kind=kind,
        title=title,
        description=_text(data.get("description")),
        location=location,
        agenda="\n".join(_lines(data.get("subpoints", data.get("agenda")))),
        notes=notes,
        track=track,
        speakers=speakers,
    )


@transaction.atomic
def replace_programme(
    event: Event, programme: dict, *, keep_people: bool = True, imported_by=None
) -> ImportSummary:
    """Delete the event's days, items and tracks and create them from Programme JSON.

    Everything is checked before anything is written: a ValidationError lists every bad item
    with a message for the organiser. Speakers become people of the event's network (found by
    name; a new person gets the role as written as their title). With `keep_people=False`,
    people who were only on the old programme (no other role, not a contact) are deleted.
    """
    days = _checked(event, programme)
    event = Event.objects.select_for_update().get(pk=event.pk)
    summary = ImportSummary()

    old_people = set(
        SpeakerRole.objects.filter(item__day__event=event).values_list("person_id", flat=True)
    )
    summary.items_replaced = Item.objects.filter(day__event=event).count()
    # Deleting the days deletes their items and speaker roles.
    Day.objects.filter(event=event).delete()
    Track.objects.filter(event=event).delete()

    tracks: dict[str, Track] = {}
    for items in days.values():
        for item in items:
            if item.track and item.track not in tracks:
                tracks[item.track] = Track(
                    event=event, name=item.track, kind=Track.Kind.PARALLEL, position=len(tracks)
                )
    Track.objects.bulk_create(tracks.values())

    people = _people(event, days, summary)

    new_items: list[Item] = []
    for date, items in sorted(days.items()):
        if not items:
            continue
        day = Day.objects.create(event=event, date=date)
        summary.days += 1
        for position, item in enumerate(items):
            new_items.append(
                Item(
                    day=day,
                    position=position,
                    start_time=item.start,
                    end_time=item.end,
                    approximate=item.approximate,
                    kind=item.kind,
                    title=item.title,
                    description=item.description,
                    location=item.location,
                    agenda=item.agenda,
                    notes=item.notes,
                    track=tracks.get(item.track),
                )
            )
    Item.objects.bulk_create(new_items)
    summary.items = len(new_items)

    roles = []
    parsed = [item for _date, items in sorted(days.items()) for item in items]
    for row, item in zip(new_items, parsed, strict=True):
        for position, speaker in enumerate(item.speakers):
            roles.append(
                SpeakerRole(
                    item=row,
                    person=people[speaker.name],
                    function=speaker.function,
                    role_text=speaker.role,
                    position=position,
                )
            )
    SpeakerRole.objects.bulk_create(roles)
    summary.speakers = len(roles)

    if not keep_people and old_people:
        Person.objects.filter(
            pk__in=old_people, roles__isnull=True, event_contacts__isnull=True
        ).delete()
    # bulk_create skips the models' save(): mark the event changed once, for pages and calendars.
    event.touch()
    audit.record(
        "programme.imported",
        event=event,
        actor=imported_by,
        target=event.title,
        changes=audit.diff({"items": summary.items_replaced}, {"items": summary.items}),
    )
    return summary


def _people(event: Event, days: dict, summary: ImportSummary) -> dict[str, Person]:
    """The network's people by name, creating those not known yet (title: the role as written)."""
    wanted: dict[str, str] = {}
    for items in days.values():
        for item in items:
            for speaker in item.speakers:
                wanted.setdefault(speaker.name, speaker.role)
    people = {p.name: p for p in Person.objects.filter(network=event.network, name__in=wanted)}
    new = [
        Person(network=event.network, name=name, title=role[:PERSON_TITLE_MAX])
        for name, role in wanted.items()
        if name not in people
    ]
    Person.objects.bulk_create(new)
    summary.people_created = len(new)
    people.update({person.name: person for person in new})
    return people


# Reading uploaded files ---------------------------------------------------------------------

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
UPLOAD_SUFFIXES = (".txt", ".docx", ".pdf")
_MAX_PDF_PAGES = 200


def text_from_file(name: str, data: bytes) -> str:
    """The text of an uploaded .txt, .docx or .pdf programme, or a ValidationError saying why not."""
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix not in UPLOAD_SUFFIXES:
        raise ValidationError(_("Upload a .txt, .docx or .pdf file."), code="suffix")
    if len(data) > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The file is larger than %(size)d MB.") % {"size": MAX_UPLOAD_BYTES // 1024 // 1024},
            code="size",
        )
    if not data:
        raise ValidationError(_("The file is empty."), code="empty")
    if suffix == ".docx":
        text = _text_from_docx(data)
    elif suffix == ".pdf":
        text = _text_from_pdf(data)
    else:
        text = _text_from_txt(data)
    if not text.strip():
        raise ValidationError(_("The file contains no text."), code="empty")
    return text


def _text_from_txt(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    elif b"\x00" not in data[:20_000]:
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            # Older Windows programs save Nordic letters in cp1252; latin-1 reads anything else.
            try:
                return data.decode("cp1252")
            except UnicodeDecodeError:
                return data.decode("latin-1")
    raise ValidationError(
        _("This file is not plain text. Upload the programme as .txt, .docx or .pdf."),
        code="binary",
    )


def _text_from_docx(data: bytes) -> str:
    import io

    from docx import Document
    from docx.table import Table

    try:
        document = Document(io.BytesIO(data))
        lines = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                for row in block.rows:
                    cells = []
                    for cell in row.cells:
                        text = " ".join(cell.text.split())
                        # A merged cell is repeated for each grid column it spans.
                        if text and (not cells or cells[-1] != text):
                            cells.append(text)
                    lines.append("\t".join(cells))
            else:
                lines.append(block.text)
    except Exception as error:  # python-docx raises zip, XML and package errors alike
        raise ValidationError(
            _("This Word file cannot be read. Save it again as .docx, or paste its text."),
            code="unreadable",
        ) from error
    return "\n".join(lines)


def _text_from_pdf(data: bytes) -> str:
    import io

    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ValidationError(
                _("This PDF is protected by a password. Paste its text instead."),
                code="encrypted",
            )
        pages = [page.extract_text() or "" for page in reader.pages[:_MAX_PDF_PAGES]]
    except ValidationError:
        raise
    except Exception as error:  # pypdf raises its own and zlib/struct errors on broken files
        raise ValidationError(
            _("This PDF cannot be read. Paste its text instead."), code="unreadable"
        ) from error
    text = "\n".join(pages)
    if not text.strip():
        raise ValidationError(
            _("This PDF contains no text (it may be a scanned image). Paste the text instead."),
            code="empty",
        )
    return text
