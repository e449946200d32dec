"""Group lists for the organiser: CSV, XLSX (openpyxl) and a printable PDF (WeasyPrint).

File names and content types are declared in `samling/exports/responses.py`. openpyxl and
WeasyPrint are imported inside the functions that use them.
"""

import csv
import io

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from .queries import Board

PRINT_CSS = settings.BASE_DIR / "static" / "samling" / "groups-print.css"


def _headers() -> list[str]:
    return [
        _("Track"),
        _("Group"),
        _("Room"),
        _("Online breakout room"),
        _("Facilitator"),
        _("Name"),
        _("Title"),
        _("Organisation"),
        _("Municipality"),
        _("Category"),
        _("E-mail address"),
        _("Facilitates"),
    ]


def group_rows(board: Board) -> list[list[str]]:
    """One row per person in a group, in board order, then the people in no group."""
    rows = []
    yes = _("yes")
    for track in board.tracks:
        for entry in track.groups:
            group = entry.group
            for person in entry.people:
                rows.append(
                    _person_row(
                        person,
                        [
                            track.track.label,
                            group.name,
                            group.room,
                            group.online_link,
                            group.facilitator_name(),
                        ],
                        yes,
                    )
                )
    for person in board.unplaced:
        rows.append(_person_row(person, ["", _("In no group"), "", "", ""], yes))
    return rows


def _person_row(person, group_cells: list[str], yes: str) -> list[str]:
    registration = person.registration
    return [
        *group_cells,
        registration.name,
        registration.title,
        registration.organisation,
        registration.municipality.name if registration.municipality else "",
        registration.category.name if registration.category else "",
        registration.email,
        yes if person.is_facilitator else "",
    ]


def _safe(cell: str) -> str:
    # A cell starting with = + - @ would be a formula in a spreadsheet program.
    return "'" + cell if cell and cell[0] in "=+-@\t\r" else cell


def groups_csv(board: Board) -> bytes:
    """UTF-8 with a byte-order mark, so that spreadsheet programs read æ, ø and å."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(_headers())
    for row in group_rows(board):
        writer.writerow([_safe(cell) for cell in row])
    return out.getvalue().encode("utf-8-sig")


def groups_xlsx(board: Board) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Groups")[:31]
    sheet.append(_headers())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in group_rows(board):
        sheet.append([_safe(cell) for cell in row])
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    widths = [24, 14, 18, 30, 24, 26, 24, 26, 18, 14, 30, 10]
    for column, width in zip(sheet.columns, widths, strict=False):
        sheet.column_dimensions[column[0].column_letter].width = width
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def groups_html(board: Board) -> str:
    discussion = board.discussion
    return render_to_string(
        "groups/groups_pdf.html",
        {"board": board, "discussion": discussion, "event": discussion.event},
    )


def groups_pdf(board: Board) -> bytes:
    """The group lists on A4, one block per group, in the active language."""
    from samling.exports.pdf import _weasy, page_label_css

    HTML, CSS, font_config, _layout, fetcher = _weasy()
    document = HTML(string=groups_html(board), base_url=str(PRINT_CSS.parent), url_fetcher=fetcher)
    return document.write_pdf(
        stylesheets=[
            CSS(filename=str(PRINT_CSS), font_config=font_config),
            CSS(string=page_label_css(), font_config=font_config),
        ],
        font_config=font_config,
    )
