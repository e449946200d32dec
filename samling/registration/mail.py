"""The mails a registrant receives, in their own language, with the calendar entry attached."""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from samling.core.timefmt import event_when
from samling.events.queries import absolute_url
from samling.notifications.services import invitation_attachment, queue_mail

from .models import Registration

SUBJECTS = {
    # The subject line of each kind of mail, with the event's title.
    "confirmation": lambda: _("Registration confirmed: %(event)s"),
    "waitlisted": lambda: _("You are on the waiting list: %(event)s"),
    "promoted": lambda: _("You have a place: %(event)s"),
    "cancelled": lambda: _("Registration cancelled: %(event)s"),
    "link": lambda: _("Your registration: %(event)s"),
}


def queue_registration_mail(registration: Registration, kind: str):
    """Queue a mail about the registration (kind: confirmation, promoted, cancelled, link).

    Its text is written when it is sent (by the worker, after the request has answered), from
    the registration as it is then; the waiting-list position is the one counted now.
    """
    from .services import waitlist_position

    event = registration.event
    if kind == "confirmation" and registration.status == Registration.Status.WAITLISTED:
        kind = "waitlisted"
    position = waitlist_position(registration)
    # Kept for the answer to the same request (the API shows it too): counted once.
    registration.position_when_registered = position
    with translation.override(registration.language):
        subject = SUBJECTS[kind]() % {"event": event.title}
    # Every mail carries the calendar entry (an invitation with a stable UID), so the
    # registrant's calendar follows: confirmed, tentative while waiting, removed on cancelling.
    method = "CANCEL" if kind == "cancelled" else "REQUEST"
    return queue_mail(
        to=registration.email,
        subject=subject,
        body_source={"make": "registration-mail", "kind": kind, "position": position},
        kind=f"registration-{kind}",
        attachments=[invitation_attachment(registration.pk, method=method)],
        event=event,
        registration=registration,
    )


def registration_mail_body(registration: Registration, kind: str, *, position=None) -> str:
    """The text of a mail about the registration, in the registrant's language."""
    event = registration.event
    with translation.override(registration.language):
        context = {
            "registration": registration,
            "event": event,
            "kind": kind,
            "when": event_when(event),
            "position": position,
            "manage_url": absolute_url(registration.get_absolute_url()),
            "event_url": absolute_url(event.get_absolute_url()),
            "options": list(registration.chosen_options.select_related("option")),
        }
        return render_to_string("registration/mail/registration.txt", context)
