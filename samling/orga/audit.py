"""The audit log of a network: who changed what and when, for its administrators only.

Entries are written by the services (`samling.core.audit.record`); this page reads them,
newest first, 50 to a page, filtered by event and by action. Anyone who does not administer
the network gets a 404.
"""

import datetime as dt

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from samling.core.audit import ACTIONS
from samling.core.models import AuditEntry
from samling.events.models import Event
from samling.networks.permissions import networks_administered
from samling.registration.models import Registration

PER_PAGE = 50

# Actions a registrant takes through their private link: no account, so no name.
PARTICIPANT_ACTIONS = {
    "registration.created",
    "registration.updated",
    "registration.cancelled",
    "registration.deleted",
}

# Keys of `changes` that are no field of the event or the registration.
OTHER_FIELDS = {
    "items": gettext_lazy("programme items"),
    "options": gettext_lazy("choices"),
    "recipients": gettext_lazy("recipients"),
}


class AuditFilterForm(forms.Form):
    """The log's filters, read from the query string; a value that is not valid is ignored."""

    def __init__(self, *args, events, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"] = forms.TypedChoiceField(
            label=_("Event"),
            required=False,
            coerce=int,
            empty_value=None,
            choices=[("", _("All events"))] + [(e.pk, e.title) for e in events],
        )
        self.fields["action"] = forms.ChoiceField(
            label=_("Action"),
            required=False,
            choices=[("", _("All actions"))]
            + [(key, capfirst(label)) for key, label in ACTIONS.items()],
        )

    def filters(self) -> dict:
        if not self.is_bound:
            return {}
        self.is_valid()
        data = self.cleaned_data
        found = {}
        if data.get("event"):
            found["event_id"] = data["event"]
        if data.get("action"):
            found["action"] = data["action"]
        return found


def _field_label(name: str, model) -> str:
    if name in OTHER_FIELDS:
        return capfirst(OTHER_FIELDS[name])
    for candidate in (model, Event, Registration):
        try:
            return capfirst(candidate._meta.get_field(name).verbose_name)
        except FieldDoesNotExist:
            continue
    return name


def _value(text: str, name: str, model, tz) -> str:
    """A logged value as the reader expects it: a time in the event's zone, a status's label."""
    if name == "status":
        return str(dict(model.Status.choices).get(text, text))
    if "T" in text:
        try:
            moment = dt.datetime.fromisoformat(text)
        except ValueError:
            return text
        if timezone.is_aware(moment):
            moment = timezone.localtime(moment, tz)
        return formats.date_format(moment, "SHORT_DATETIME_FORMAT")
    return text


def _changes(entry: AuditEntry) -> list[dict]:
    """[{field, before, after, hidden}]: `hidden` when only the change, not the value, is kept."""
    model = Registration if entry.action.startswith("registration.") else Event
    tz = entry.event.tz if entry.event else timezone.get_current_timezone()
    lines = []
    for name, values in (entry.changes or {}).items():
        before, after = (list(values) + ["", ""])[:2] if isinstance(values, list) else ("", "")
        lines.append(
            {
                "field": _field_label(name, model),
                "before": _value(str(before), name, model, tz) if before else "",
                "after": _value(str(after), name, model, tz) if after else "",
                "hidden": not before and not after,
            }
        )
    return lines


def _actor(entry: AuditEntry) -> str:
    if entry.actor_label:
        return entry.actor_label
    if entry.action in PARTICIPANT_ACTIONS:
        return pgettext("who changed something in the audit log", "participant")
    return pgettext("who changed something in the audit log", "Samling")


@login_required
def audit_log_view(request, network):
    network = get_object_or_404(networks_administered(request.user).distinct(), slug=network)
    events = Event.objects.filter(network=network).order_by("-starts_at").only("pk", "title")
    form = AuditFilterForm(request.GET or None, events=events)
    entries = (
        AuditEntry.objects.filter(network=network, **form.filters())
        .select_related("event")
        .order_by("-created_at", "-pk")
    )
    page = Paginator(entries, PER_PAGE).get_page(request.GET.get("page"))
    rows = [
        {
            "entry": entry,
            "actor": _actor(entry),
            "action": capfirst(ACTIONS.get(entry.action, entry.action)),
            "target": "" if entry.event and entry.target == entry.event.title else entry.target,
            "changes": _changes(entry),
        }
        for entry in page
    ]
    context = {
        "title": _("History of changes"),
        "network": network,
        "form": form,
        "page_obj": page,
        "rows": rows,
    }
    return render(request, "orga/audit/log.html", context)
