"""The organiser's form for an event: dates and times in the event's own time zone."""

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Event, Venue
from .services import EDITABLE_FIELDS


class EventForm(forms.ModelForm):
    starts_on = forms.DateField(
        label=_("First day"), widget=forms.DateInput(attrs={"type": "date"})
    )
    starts_time = forms.TimeField(
        label=_("Starts at"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    ends_on = forms.DateField(label=_("Last day"), widget=forms.DateInput(attrs={"type": "date"}))
    ends_time = forms.TimeField(
        label=_("Ends at"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    note = forms.CharField(
        label=_("Note for the history (optional)"),
        required=False,
        max_length=500,
        help_text=_("Shown with the change on the event page, e.g. the reason for moving it."),
    )

    class Meta:
        model = Event
        fields = [
            "title",
            "subtitle",
            "summary",
            "mode",
            "venue",
            "status",
            "status_note",
            "audience",
            "registration_note",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "audience": forms.Textarea(attrs={"rows": 2}),
        }

    field_order = [
        "title",
        "subtitle",
        "starts_on",
        "starts_time",
        "ends_on",
        "ends_time",
        "mode",
        "venue",
        "status",
        "status_note",
        "note",
        "summary",
        "audience",
        "registration_note",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        event = self.instance
        self.fields["venue"].queryset = Venue.objects.filter(network_id=event.network_id)
        self.fields["status"].help_text = _(
            "Moving the dates marks the event as rescheduled by itself."
        )
        if not self.is_bound:
            self.initial.update(
                starts_on=event.local_start.date(),
                starts_time=event.local_start.time(),
                ends_on=event.local_end.date(),
                ends_time=event.local_end.time(),
            )

    def clean(self):
        data = super().clean()
        tz = self.instance.tz
        parts = [data.get(name) for name in ("starts_on", "starts_time", "ends_on", "ends_time")]
        if all(part is not None for part in parts):
            starts = dt.datetime.combine(parts[0], parts[1], tzinfo=tz)
            ends = dt.datetime.combine(parts[2], parts[3], tzinfo=tz)
            if ends <= starts:
                self.add_error("ends_time", _("The event must end after it starts."))
            data["starts_at"] = self._unless_unchanged(starts, self.instance.starts_at)
            data["ends_at"] = self._unless_unchanged(ends, self.instance.ends_at)
        if data.get("mode") != Event.Mode.ONLINE and not data.get("venue"):
            self.add_error("venue", _("Choose where the event takes place."))
        return data

    @staticmethod
    def _unless_unchanged(value: dt.datetime, stored: dt.datetime) -> dt.datetime:
        """The form shows minutes: a stored time with seconds is not moved by saving it."""
        return stored if stored and value == stored.replace(second=0, microsecond=0) else value

    def _post_clean(self):
        # The service validates and saves; the form only checks its own fields.
        pass

    def values(self) -> dict:
        """The edited fields, as `update_event` takes them."""
        return {
            name: self.cleaned_data[name] for name in EDITABLE_FIELDS if name in self.cleaned_data
        }
