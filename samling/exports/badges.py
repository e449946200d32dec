"""Name badges: A6 one per page, or eight to an A4 sheet, each with a check-in QR code.

The QR code carries a signed check-in code (`checkin_code`), not the private link: a badge is
seen by everyone in the room, and the code only says which registration it is.
"""

from django.conf import settings
from django.core import signing
from django.template.loader import render_to_string

from samling.events.models import Event
from samling.registration.models import Option
from samling.registration.queries import badge_names

BADGE_CSS = settings.BASE_DIR / "static" / "samling" / "badges.css"
LAYOUTS = ("a6", "a4")
# Category colours (badges.css, .badge--category-N) in the order of the event's categories.
CATEGORY_COLOURS = 6
CHECKIN_SALT = "samling.checkin"


def checkin_code(registration) -> str:
    """A short signed code for the registration, for the QR code on badges and confirmations."""
    return signing.dumps(registration.pk, salt=CHECKIN_SALT, compress=True)


def registration_from_checkin_code(code: str, *, event: Event):
    """The registration the code names, if the code is genuine and for this event; else None."""
    from samling.registration.models import Registration

    try:
        pk = signing.loads(code, salt=CHECKIN_SALT)
    except signing.BadSignature:
        return None
    return Registration.objects.filter(pk=pk, event=event).first()


def _qr_svg(data: str) -> str:
    import segno

    return segno.make(data, error="m").svg_inline(scale=3, border=1, omitsize=True)


def badges_html(event: Event, *, layout: str) -> str:
    registrations = list(badge_names(event).prefetch_related("chosen_options__option"))
    colours = {
        category.pk: index % CATEGORY_COLOURS
        for index, category in enumerate(event.categories.all())
    }
    badges = []
    for registration in registrations:
        tracks = [
            chosen.option.label
            for chosen in registration.chosen_options.all()
            if chosen.option.kind == Option.Kind.PROGRAMME and chosen.status == "confirmed"
        ]
        badges.append(
            {
                "registration": registration,
                "affiliation": registration.organisation
                or (registration.municipality.name if registration.municipality else ""),
                "colour": colours.get(registration.category_id, CATEGORY_COLOURS - 1),
                "tracks": tracks,
                "qr": _qr_svg(checkin_code(registration)),
            }
        )
    return render_to_string(
        "exports/badges.html", {"event": event, "badges": badges, "layout": layout}
    )


def render_badges_pdf(event: Event, *, layout: str = "a4") -> bytes:
    """All confirmed participants' badges, in the active language."""
    from .pdf import _weasy

    HTML, CSS, font_config, _layout, fetcher = _weasy()
    html = badges_html(event, layout=layout)
    document = HTML(string=html, base_url=str(BADGE_CSS.parent), url_fetcher=fetcher)
    return document.write_pdf(
        stylesheets=[CSS(filename=str(BADGE_CSS), font_config=font_config)],
        font_config=font_config,
    )
