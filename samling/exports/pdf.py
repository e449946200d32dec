"""The printed programme: the event page's content laid out for A4 by WeasyPrint.

The HTML comes from `exports/programme.html`, which includes the event page's own programme
partial, so print and web show the same thing. The layout is `static/samling/print.css`; only
the translated page-number label is made here. Fonts are DejaVu Sans (Debian's fonts-dejavu),
embedded as subsets by WeasyPrint. WeasyPrint is imported when a PDF is made, not before.
"""

import functools

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from samling.events.models import Event
from samling.events.queries import absolute_url
from samling.programme.queries import ProgrammeDay, programme_for_event

from .responses import cached_bytes, event_version

PRINT_CSS = settings.BASE_DIR / "static" / "samling" / "print.css"


def programme_html(event: Event, programme: list[ProgrammeDay]) -> str:
    return render_to_string(
        "exports/programme.html",
        {
            "event": event,
            "programme": programme,
            "contacts": event.contacts.select_related("person", "venue"),
            "page_url": absolute_url(event.get_absolute_url()),
        },
    )


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def page_label_css() -> str:
    """ "Page 2 of 3" at the foot of each page, in the active language."""
    marker_page, marker_pages = "\x00PAGE\x00", "\x00PAGES\x00"
    label = _("Page %(page)s of %(pages)s") % {"page": marker_page, "pages": marker_pages}
    content = _css_string(label)
    content = content.replace(marker_page, '" counter(page) "').replace(
        marker_pages, '" counter(pages) "'
    )
    return "@page { @bottom-right { content: " + content + "; font-size: 7.5pt; color: #4f5863; } }"


def _no_fetching(url, timeout=10, ssl_context=None):
    """The programme needs no images or remote files: refuse every fetch (no requests out)."""
    raise ValueError(f"Not fetched in the printed programme: {url}")


@functools.cache
def _weasy():
    """WeasyPrint, its font configuration and the parsed print stylesheet, made once a process."""
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    font_config = FontConfiguration()
    layout = weasyprint.CSS(filename=str(PRINT_CSS), font_config=font_config)
    if hasattr(weasyprint, "URLFetcher"):  # WeasyPrint 68 and later
        fetcher = weasyprint.URLFetcher(allowed_protocols=())
    else:
        fetcher = _no_fetching
    return weasyprint.HTML, weasyprint.CSS, font_config, layout, fetcher


def render_programme_pdf(event: Event, programme: list[ProgrammeDay] | None = None) -> bytes:
    """Lay the programme out as a PDF in the active language. Not cached: see programme_pdf."""
    HTML, CSS, font_config, layout, fetcher = _weasy()
    programme = programme_for_event(event) if programme is None else programme
    html = programme_html(event, programme)
    document = HTML(string=html, base_url=str(PRINT_CSS.parent), url_fetcher=fetcher)
    return document.write_pdf(
        stylesheets=[layout, CSS(string=page_label_css(), font_config=font_config)],
        font_config=font_config,
    )


def programme_pdf(event: Event) -> bytes:
    """The PDF, made once per event version and language and then kept in Django's cache.

    The view /events/<slug>/programme.pdf shares this cache entry.
    """
    return cached_bytes(
        f"programme-pdf:{event_version(event)}", lambda: render_programme_pdf(event)
    )
