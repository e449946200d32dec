"""Group lists for the organiser: CSV, XLSX (openpyxl) and a printable PDF (WeasyPrint).

File names and content types are declared in `samling/exports/responses.py`. openpyxl and
WeasyPrint are imported inside the functions that use them.
"""

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


def _sheet(board: Board):
    from samling.exports.spreadsheets import Sheet

    return Sheet(title=_("Groups"), headers=_headers(), rows=group_rows(board))


def groups_csv(board: Board) -> bytes:
    """The shared spreadsheet writers: UTF-8 with BOM, formulas never run."""
    from samling.exports.spreadsheets import to_csv

    return to_csv(_sheet(board))


def groups_xlsx(board: Board) -> bytes:
    from samling.exports.spreadsheets import to_xlsx

    return to_xlsx(_sheet(board))


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
