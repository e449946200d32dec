"""What a message to registrants says: default texts per kind and language, and the e-mail one
registrant receives (the organiser's text, then the facts that concern them).

Default texts are written through gettext, so a registrant reads them in their own language
unless the organiser wrote a text for it; the facts (what changed, when, where, their bus, the
meeting link) are always in the registrant's language.
"""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from samling.core.timefmt import change_summary, event_when
from samling.events.queries import absolute_url

from .models import EventMessage


@dataclass
class Text:
    subject: str
    body: str


def default_text(kind: str, event, changes=()) -> Text:
    """Samling's text for a kind of message, in the active language."""
    title = event.title
    if kind == EventMessage.Kind.CHANGE:
        lines = "\n".join(f"- {change_summary(change)}" for change in changes)
        return Text(
            _("Change: %(event)s") % {"event": title},
            _("There are changes to %(event)s, which you are registered for:") % {"event": title}
            + ("\n" + lines if lines else ""),
        )
    if kind == EventMessage.Kind.REMINDER:
        return Text(
            _("Reminder: %(event)s") % {"event": title},
            _("Welcome to %(event)s. Here is the practical information.") % {"event": title},
        )
    if kind == EventMessage.Kind.MEETING_LINK:
        return Text(
            _("Link to the meeting: %(event)s") % {"event": title},
            _("%(event)s starts soon. You join online with the link below.") % {"event": title},
        )
    return Text(title, "")


def text_for(message: EventMessage, language: str, changes=()) -> Text:
    """The organiser's text in the reader's language, else in the event's, else the default."""
    texts = message.texts or {}
    for code in (language, message.event.language):
        written = texts.get(code) or {}
        if written.get("subject") or written.get("body"):
            default = None
            if not (written.get("subject") and written.get("body")):
                with translation.override(code):
                    default = default_text(message.kind, message.event, changes)
            return Text(
                written.get("subject") or default.subject, written.get("body") or default.body
            )
    with translation.override(language):
        return default_text(message.kind, message.event, changes)


def render_for(message: EventMessage, registration, *, changes=(), options=()) -> Text:
    """The e-mail one registrant gets, in their language."""
    event = message.event
    language = registration.language or event.language
    text = text_for(message, language, changes)
    with translation.override(language):
        meeting = getattr(event, "online_meeting", None) if event.is_online else None
        show_link = (
            meeting is not None
            and registration.status == "confirmed"
            and message.kind in (EventMessage.Kind.REMINDER, EventMessage.Kind.MEETING_LINK)
        )
        body = render_to_string(
            "notifications/mail/event_message.txt",
            {
                "text": text.body,
                "registration": registration,
                "event": event,
                "when": event_when(event),
                "meeting": meeting if show_link else None,
                "practical": message.kind == EventMessage.Kind.REMINDER,
                "options": options,
                "manage_url": absolute_url(registration.get_absolute_url()),
                "event_url": absolute_url(event.get_absolute_url()),
                "calendar": bool(message.calendar),
            },
        )
    return Text(text.subject, body)
