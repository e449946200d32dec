"""Shared by the export tests: the demo's two seed events and readers of what is produced."""

SKELLEFTEA = "innovationsmotet-skelleftea-2021"
KL = "temasession-innovation-og-udvikling-i-hele-landet"
INDUSTRIDAGEN = "industridagen-2022"


def fetch(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, (url, response.status_code)
    return response


def parse_ics(content: bytes):
    from icalendar import Calendar

    return Calendar.from_ical(content)


def vevents(content: bytes) -> list:
    return parse_ics(content).walk("VEVENT")


def pdf_text(content: bytes) -> tuple[str, object]:
    """All text of the PDF with whitespace collapsed (lines wrap anywhere), and the reader."""
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    text = " ".join(page.extract_text() for page in reader.pages)
    return " ".join(text.split()), reader
