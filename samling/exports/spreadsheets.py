"""Organiser lists as CSV and XLSX: participants, bus, airport pick-up, meals, badges.

One `Sheet` (title, headers, rows) per list, written by `to_csv` or `to_xlsx`. Headers and
words such as statuses are in the event's language, as the lists are printed for the event.

CSV is UTF-8 with a byte-order mark, so Excel reads æ, ø, å, ä and ö correctly, and comma
separated, as most programs expect (Google Sheets, LibreOffice, Numbers, mail merge). Excel set
to Danish, Swedish or Norwegian expects semicolons when a CSV file is double-clicked: the XLSX
file is the one for Excel.

Text that a spreadsheet would take for a formula (=, +, -, @ at the start) is written as text:
in CSV with a leading apostrophe, in XLSX as a string cell.
"""

import csv
import datetime as dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from samling.events.models import Event
from samling.registration import queries
from samling.registration.models import Question, Registration

FORMATS = ("csv", "xlsx")
DATETIME_FORMAT = "%Y-%m-%d %H:%M"
MAX_WIDTH = 60
# What a spreadsheet would run as a formula; a phone number such as +45 20 12 34 56 is left alone.
_FORMULA = re.compile(r"^(?:[=@\t\r]|[+-](?![\d ]+$))")


@dataclass
class Sheet:
    title: str
    headers: list[str]
    rows: list[list] = field(default_factory=list)


def _local(value: dt.datetime | None, event: Event) -> dt.datetime | None:
    """A time in the event's own time zone, without the zone (spreadsheets have none)."""
    if value is None:
        return None
    return timezone.localtime(value, event.tz).replace(tzinfo=None)


def _status(registration: Registration) -> str:
    return str(registration.get_status_display())


def _seat(chosen) -> str:
    if chosen.status == chosen.Status.CONFIRMED:
        return pgettext("seat on a bus or pick-up", "yes")
    return _("waiting list")


def answer_text(value, *, separator: str = "; ") -> str:
    """A registrant's answer to a question as text (yes/no translated, choices joined)."""
    if value is True:
        return _("Yes")
    if value is False:
        return _("No")
    if isinstance(value, list):
        return separator.join(str(v) for v in value)
    return "" if value is None else str(value)


def participants_sheet(event: Event) -> Sheet:
    """Everyone confirmed or waiting, in the order they registered, with all they answered."""
    questions = list(Question.objects.filter(event=event))
    registrations = queries.registrations_for_organiser(event, status=queries.ACTIVE)
    sheet = Sheet(
        title=_("Participants"),
        headers=[
            _("Name"),
            _("E-mail address"),
            _("Phone"),
            _("Title"),
            _("Organisation"),
            _("Municipality"),
            _("Category"),
            _("Status"),
            _("Waiting list position"),
            _("Choices"),
            _("Dietary needs"),
            _("Arrival"),
            _("Flight"),
            _("Registered"),
            *[question.label for question in questions],
        ],
    )
    position = 0
    for registration in registrations:
        waiting = registration.status == Registration.Status.WAITLISTED
        position += waiting
        chosen = [
            c.option.label if c.status == c.Status.CONFIRMED else f"{c.option.label} ({_seat(c)})"
            for c in registration.chosen_options.all()
        ]
        sheet.rows.append(
            [
                registration.name,
                registration.email,
                registration.phone,
                registration.title,
                registration.organisation,
                registration.municipality.name if registration.municipality else "",
                registration.category.name if registration.category else "",
                _status(registration),
                position if waiting else None,
                "; ".join(chosen),
                registration.dietary_needs,
                _local(registration.arrival, event),
                registration.flight,
                _local(registration.created_at, event),
                *[answer_text(registration.answers.get(q.key)) for q in questions],
            ]
        )
    return sheet


def _person(registration: Registration) -> list:
    return [
        registration.name,
        registration.phone,
        registration.organisation,
        registration.municipality.name if registration.municipality else "",
    ]


def bus_sheet(event: Event) -> Sheet:
    sheet = Sheet(
        title=_("Bus"),
        headers=[
            _("Bus"),
            _("Name"),
            _("Phone"),
            _("Organisation"),
            _("Municipality"),
            _("Seat"),
            _("E-mail address"),
        ],
    )
    for chosen in queries.bus_list(event):
        registration = chosen.registration
        sheet.rows.append(
            [chosen.option.label, *_person(registration), _seat(chosen), registration.email]
        )
    return sheet


def pickup_sheet(event: Event) -> Sheet:
    sheet = Sheet(
        title=_("Airport pick-up"),
        headers=[
            _("Arrival"),
            _("Flight"),
            _("Name"),
            _("Phone"),
            _("Organisation"),
            _("Municipality"),
            _("Pick-up"),
            _("Seat"),
            _("E-mail address"),
        ],
    )
    for chosen in queries.pickup_list(event):
        registration = chosen.registration
        sheet.rows.append(
            [
                _local(registration.arrival, event),
                registration.flight,
                *_person(registration),
                chosen.option.label,
                _seat(chosen),
                registration.email,
            ]
        )
    return sheet


def meals_sheet(event: Event) -> Sheet:
    """Per meal a line with the total, one per dietary need and one for those without."""
    sheet = Sheet(title=_("Meals"), headers=[_("Meal"), _("Dietary needs"), _("Number")])
    for meal in queries.meal_counts(event):
        label = meal.option.label
        sheet.rows.append([label, _("All"), meal.total])
        sheet.rows.extend([label, need, number] for need, number in meal.needs)
        sheet.rows.append([label, _("No special needs"), meal.without_needs])
    return sheet


def badges_sheet(event: Event) -> Sheet:
    sheet = Sheet(
        title=_("Badges"),
        headers=[_("Name"), _("Title"), _("Organisation"), _("Municipality"), _("Category")],
    )
    for registration in queries.badge_names(event):
        sheet.rows.append(
            [
                registration.name,
                registration.title,
                registration.organisation,
                registration.municipality.name if registration.municipality else "",
                registration.category.name if registration.category else "",
            ]
        )
    return sheet


SHEETS: dict[str, Callable[[Event], Sheet]] = {
    "participants": participants_sheet,
    "bus": bus_sheet,
    "pickup": pickup_sheet,
    "meals": meals_sheet,
    "badges": badges_sheet,
}


def build_sheet(event: Event, kind: str) -> Sheet:
    with translation.override(event.language):
        return SHEETS[kind](event)


def _csv_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime(DATETIME_FORMAT)  # sortable, read alike in every language
    text = str(value)
    return f"'{text}" if _FORMULA.match(text) else text


def to_csv(sheet: Sheet) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([_csv_value(h) for h in sheet.headers])
    writer.writerows([_csv_value(v) for v in row] for row in sheet.rows)
    return out.getvalue().encode("utf-8-sig")


def _sheet_title(title: str) -> str:
    """Excel allows 31 characters and none of []:*?/\\ in a sheet's name."""
    return re.sub(r"[\[\]:*?/\\]", " ", title)[:31] or "Sheet"


def to_xlsx(sheet: Sheet) -> bytes:
    """One worksheet: bold, frozen header row with a filter, columns wide enough to read."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, TYPE_STRING
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = _sheet_title(sheet.title)
    widths = [len(str(header)) for header in sheet.headers]
    bold = Font(bold=True)
    for column, header in enumerate(sheet.headers, start=1):
        cell = worksheet.cell(row=1, column=column, value=header)
        cell.font = bold
        cell.data_type = TYPE_STRING
    for row_number, row in enumerate(sheet.rows, start=2):
        for column, value in enumerate(row, start=1):
            if isinstance(value, str):
                value = ILLEGAL_CHARACTERS_RE.sub("", value)  # control characters break the file
            cell = worksheet.cell(row=row_number, column=column, value=value)
            if isinstance(value, str):
                cell.data_type = TYPE_STRING  # never a formula, whatever the text
                shown = len(value)
            elif isinstance(value, dt.datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
                shown = 16
            else:
                shown = len(str(value)) if value is not None else 0
            widths[column - 1] = max(widths[column - 1], shown)
    for column, width in enumerate(widths, start=1):
        worksheet.column_dimensions[get_column_letter(column)].width = min(width + 2, MAX_WIDTH)
    worksheet.freeze_panes = "A2"
    if sheet.headers:
        worksheet.auto_filter.ref = worksheet.dimensions
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


WRITERS = {"csv": to_csv, "xlsx": to_xlsx}


def export(event: Event, kind: str, fmt: str) -> bytes:
    """The list `kind` (one of SHEETS) of the event as `fmt` (csv or xlsx)."""
    return WRITERS[fmt](build_sheet(event, kind))
