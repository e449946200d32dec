"""Editing an event, and what its registrants hear: change notifications, reminders, messages
written by hand, and the delivery of each."""

import uuid

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods

from samling.core.timefmt import change_summary
from samling.events.forms import EventForm
from samling.events.services import update_event
from samling.networks.models import LANGUAGE_CHOICES
from samling.networks.permissions import manageable_events
from samling.notifications.composing import default_text, render_for
from samling.notifications.models import EventMessage, OutboxMessage
from samling.notifications.services import (
    delivery_counts,
    ensure_default_reminders,
    pending_changes,
    propose_change_notification,
    recipients,
    send_change_notification,
    send_message,
    skip_change_notification,
)
from samling.registration.models import Category, Option


def _event(request, slug):
    return get_object_or_404(
        manageable_events(request.user).select_related("network", "venue"), slug=slug
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_event(request, slug):
    event = _event(request, slug)
    form = EventForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        try:
            update_event(
                event, changed_by=request.user, note=form.cleaned_data["note"], **form.values()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if pending_changes(event).exists():
                return redirect("orga:event-notify", slug=event.slug)
            messages.success(request, _("Saved."))
            return redirect("orga:event", slug=event.slug)
    return render(request, "orga/messages/edit_event.html", {"event": event, "form": form})


class NotificationForm(forms.Form):
    subject = forms.CharField(label=gettext_lazy("Subject"), max_length=300)
    body = forms.CharField(
        label=gettext_lazy("Message"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy(
            "Left as proposed, each registrant reads it in their own language. The date, "
            "place and a link to their registration are added below it."
        ),
    )
    token = forms.UUIDField(widget=forms.HiddenInput)


@login_required
@require_http_methods(["GET", "POST"])
def notify(request, slug):
    """After a change that matters: propose the e-mail to the registrants concerned."""
    event = _event(request, slug)
    changes = list(pending_changes(event))
    if not changes:
        return redirect("orga:event-messages", slug=event.slug)
    proposal = propose_change_notification(event, changes)
    summaries = [change_summary(change) for change in changes]  # for the organiser
    with translation.override(event.language):  # the e-mail, in the event's language
        default = default_text(EventMessage.Kind.CHANGE, event, changes)
    form = NotificationForm(
        request.POST or None,
        initial={"subject": default.subject, "body": default.body, "token": uuid.uuid4()},
    )
    if request.method == "POST" and request.POST.get("action") == "skip":
        skip_change_notification(event, changes)
        messages.info(request, _("Saved without notifying the registrants."))
        return redirect("orga:event", slug=event.slug)
    if request.method == "POST" and form.is_valid():
        message = send_change_notification(
            event,
            token=form.cleaned_data["token"],
            subject=form.cleaned_data["subject"],
            body=form.cleaned_data["body"],
            changed_by=request.user,
            changes=changes,
        )
        messages.success(
            request,
            ngettext(
                "The notification is on its way to %(count)s registrant.",
                "The notification is on its way to %(count)s registrants.",
                message.recipient_count,
            )
            % {"count": message.recipient_count},
        )
        return redirect("orga:event-message", slug=event.slug, pk=message.pk)
    return render(
        request,
        "orga/messages/notify.html",
        {
            "event": event,
            "form": form,
            "summaries": summaries,
            "count": recipients(proposal).count(),
            "calendar": proposal.get_calendar_display(),
        },
    )


@login_required
def message_list(request, slug):
    event = _event(request, slug)
    if hasattr(event, "registration_settings"):
        ensure_default_reminders(event)
    event_messages = list(event.event_messages.select_related("created_by"))
    counts = delivery_counts(event_messages)
    for message in event_messages:
        message.delivery = counts.get(message.pk, {})
    return render(
        request,
        "orga/messages/list.html",
        {
            "event": event,
            "scheduled": [m for m in event_messages if m.kind in EventMessage.SCHEDULED_KINDS],
            "sent": [m for m in event_messages if m.queued_at],
            "pending_changes": pending_changes(event).exists(),
        },
    )


@login_required
def message_detail(request, slug, pk):
    event = _event(request, slug)
    message = get_object_or_404(EventMessage, event=event, pk=pk)
    deliveries = message.deliveries.order_by("to", "pk")
    status = request.GET.get("status")
    if status in OutboxMessage.Status.values:
        deliveries = deliveries.filter(status=status)
    return render(
        request,
        "orga/messages/detail.html",
        {
            "event": event,
            "message": message,
            "deliveries": deliveries,
            "counts": delivery_counts([message]).get(message.pk, {}),
            "status": status,
            "statuses": OutboxMessage.Status.choices,
        },
    )


STATUS_CHOICES = [
    ("confirmed", gettext_lazy("Confirmed participants")),
    ("waitlisted", gettext_lazy("The waiting list")),
    ("all", gettext_lazy("Both")),
]


class MessageForm(forms.Form):
    statuses = forms.ChoiceField(
        label=gettext_lazy("To"),
        choices=STATUS_CHOICES,
        initial="confirmed",
        widget=forms.RadioSelect,
    )
    categories = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Only these categories"),
        queryset=Category.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("None ticked: all categories."),
    )
    options = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Only those who chose"),
        queryset=Option.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("A track, the bus, a meal… None ticked: everyone."),
    )
    subject = forms.CharField(label=gettext_lazy("Subject"), max_length=300)
    body = forms.CharField(label=gettext_lazy("Message"), widget=forms.Textarea(attrs={"rows": 8}))
    token = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["categories"].queryset = event.categories.order_by("position", "pk")
        self.fields["options"].queryset = event.options.order_by("position", "pk")
        if not self.fields["options"].queryset.exists():
            del self.fields["options"]

    def audience(self) -> dict:
        data = self.cleaned_data
        statuses = ["confirmed", "waitlisted"] if data["statuses"] == "all" else [data["statuses"]]
        return {
            "statuses": statuses,
            "categories": [c.pk for c in data.get("categories") or []],
            "options": [o.pk for o in data.get("options") or []],
        }


@login_required
@require_http_methods(["GET", "POST"])
def new_message(request, slug):
    """Write to all registrants or some: a preview with the count before anything is sent."""
    event = _event(request, slug)
    form = MessageForm(request.POST or None, event=event, initial={"token": uuid.uuid4()})
    preview = None
    if request.method == "POST" and form.is_valid():
        audience = form.audience()
        draft = EventMessage(
            event=event,
            kind=EventMessage.Kind.MESSAGE,
            audience=audience,
            texts={
                event.language: {
                    "subject": form.cleaned_data["subject"],
                    "body": form.cleaned_data["body"],
                }
            },
        )
        chosen = recipients(draft).order_by("pk")
        count = chosen.count()
        if request.POST.get("action") == "send" and count:
            message = send_message(
                event,
                token=form.cleaned_data["token"],
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
                audience=audience,
                sent_by=request.user,
            )
            messages.success(
                request,
                ngettext(
                    "The message is on its way to %(count)s registrant.",
                    "The message is on its way to %(count)s registrants.",
                    message.recipient_count,
                )
                % {"count": message.recipient_count},
            )
            return redirect("orga:event-message", slug=event.slug, pk=message.pk)
        first = chosen.first()
        preview = {
            "count": count,
            "text": render_for(draft, first) if first else None,
            "to": first,
        }
    return render(
        request,
        "orga/messages/new.html",
        {"event": event, "form": form, "preview": preview},
    )


class ReminderForm(forms.ModelForm):
    class Meta:
        model = EventMessage
        fields = ["is_enabled", "days_before", "send_time"]
        widgets = {"send_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["days_before"].required = True
        self.fields["send_time"].required = True
        event = self.instance.event
        languages = sorted(
            LANGUAGE_CHOICES, key=lambda choice: (choice[0] != event.language, choice[0])
        )
        texts = self.instance.texts or {}
        self.language_fields = []
        for code, name in languages:
            with translation.override(code):
                default = default_text(self.instance.kind, event)
            subject, body = f"subject_{code}", f"body_{code}"
            self.fields[subject] = forms.CharField(
                label=_("Subject (%(language)s)") % {"language": name},
                required=False,
                initial=texts.get(code, {}).get("subject", ""),
                widget=forms.TextInput(attrs={"placeholder": default.subject}),
            )
            self.fields[body] = forms.CharField(
                label=_("Text (%(language)s)") % {"language": name},
                required=False,
                initial=texts.get(code, {}).get("body", ""),
                widget=forms.Textarea(attrs={"rows": 4, "placeholder": default.body}),
                help_text=_("Empty: Samling's text shown in grey."),
            )
            self.language_fields.append((code, name, self[subject], self[body]))

    def save(self, commit=True):
        texts = {}
        for code, _name, subject, body in self.language_fields:
            written = {
                "subject": self.cleaned_data[subject.name].strip(),
                "body": self.cleaned_data[body.name].strip(),
            }
            if written["subject"] or written["body"]:
                texts[code] = written
        self.instance.texts = texts
        return super().save(commit)


@login_required
@require_http_methods(["GET", "POST"])
def edit_reminder(request, slug, pk):
    event = _event(request, slug)
    reminder = get_object_or_404(
        EventMessage,
        event=event,
        pk=pk,
        kind__in=EventMessage.SCHEDULED_KINDS,
        queued_at__isnull=True,
    )
    form = ReminderForm(request.POST or None, instance=reminder)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved."))
        return redirect("orga:event-messages", slug=event.slug)
    return render(
        request,
        "orga/messages/reminder.html",
        {"event": event, "form": form, "reminder": reminder},
    )
