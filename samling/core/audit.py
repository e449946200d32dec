"""Writing the audit log. Services call `record` inside their transaction, so an entry exists
exactly when the change does."""

import datetime as dt

from django.utils.translation import gettext_lazy as _

# Every action that is logged, with the words the log page shows for it.
ACTIONS = {
    "event.created": _("created the event"),
    "event.updated": _("changed the event"),
    "event.published": _("published the event"),
    "event.unpublished": _("made the event a draft"),
    "event.copied": _("copied the event"),
    "programme.imported": _("imported the programme"),
    "programme.item-added": _("added a programme item"),
    "programme.item-updated": _("changed a programme item"),
    "programme.item-deleted": _("deleted a programme item"),
    "programme.day-added": _("added a day"),
    "programme.day-deleted": _("deleted a day"),
    "registration.opened": _("changed the registration settings"),
    "registration.created": _("registered"),
    "registration.added": _("added a participant"),
    "registration.updated": _("changed a registration"),
    "registration.cancelled": _("cancelled a registration"),
    "registration.moved": _("moved a registration"),
    "registration.deleted": _("deleted a participant's data"),
    "message.sent": _("sent a message to registrants"),
    "announcement.saved": _("saved a news post"),
    "announcement.deleted": _("deleted a news post"),
}


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        # One instant, one text: a time read back from the database (UTC) and the same time
        # typed in the event's zone are no change.
        return value.astimezone(dt.UTC).isoformat()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def diff(before: dict, after: dict) -> dict:
    """{field: [before, after]} for the fields whose value changed, as text."""
    return {
        name: [_text(before.get(name)), _text(after.get(name))]
        for name in after
        if _text(before.get(name)) != _text(after.get(name))
    }


def record(
    action: str, *, event=None, network=None, actor=None, target="", target_key="", changes=None
):
    """Log one action. `actor`: the organiser's user; None for a participant or the system.

    `target` is what the log shows; `target_key` names the row, where it may have to be found
    again (a registrant's entries when their data is erased)."""
    from .models import AuditEntry

    assert action in ACTIONS, f"unknown audit action {action}"
    network_id = network.pk if network is not None else event.network_id
    label = ""
    if actor is not None and getattr(actor, "is_authenticated", False):
        label = actor.email
    else:
        actor = None
    return AuditEntry.objects.create(
        network_id=network_id,
        event=event,
        actor=actor,
        actor_label=label,
        action=action,
        target=str(target)[:300],
        target_key=target_key,
        changes=changes or {},
    )
