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


class DateTimeFields(forms.Form):
    """First and last day with times, combined in the event's time zone."""

    starts_on = forms.DateField(
        label=_("First day"), widget=forms.DateInput(attrs={"type": "date"})
    )
    starts_time = forms.TimeField(
        label=_("Starts at"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    ends_on = forms.DateField(
        label=_("Last day"),
        required=False,
        help_text=_("Empty: the same day."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    ends_time = forms.TimeField(
        label=_("Ends at"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )


class NewEventForm(DateTimeFields):
    """The wizard's first step: what and when."""

    network = forms.ModelChoiceField(label=_("Network"), queryset=None, empty_label=None)
    title = forms.CharField(label=_("Title"), max_length=300)
    subtitle = forms.CharField(label=_("Subtitle"), max_length=300, required=False)
    language = forms.ChoiceField(
        label=_("Language of the event"),
        help_text=_("The language the programme and the e-mails' own texts are written in."),
    )
    summary = forms.CharField(
        label=_("In one or two sentences"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    field_order = [
        "network",
        "title",
        "subtitle",
        "language",
        "starts_on",
        "starts_time",
        "ends_on",
        "ends_time",
        "summary",
    ]

    def __init__(self, *args, networks, **kwargs):
        from samling.networks.models import LANGUAGE_CHOICES

        super().__init__(*args, **kwargs)
        self.fields["network"].queryset = networks
        self.fields["language"].choices = LANGUAGE_CHOICES
        self.only_network = networks.first() if networks.count() == 1 else None
        if self.only_network:
            self.fields["network"].widget = forms.HiddenInput()
            self.fields["network"].required = False
            self.initial.setdefault("network", self.only_network.pk)
            self.initial.setdefault("language", self.only_network.language)

    def clean(self):
        data = super().clean()
        network = data["network"] = data.get("network") or self.only_network
        parts = [data.get(name) for name in ("starts_on", "starts_time", "ends_time")]
        if network and all(part is not None for part in parts):
            import zoneinfo

            tz = zoneinfo.ZoneInfo(network.timezone)
            ends_on = data.get("ends_on") or parts[0]
            starts = dt.datetime.combine(parts[0], parts[1], tzinfo=tz)
            ends = dt.datetime.combine(ends_on, parts[2], tzinfo=tz)
            if ends <= starts:
                self.add_error("ends_time", _("The event must end after it starts."))
            data["starts_at"], data["ends_at"] = starts, ends
        return data

    def event_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "subtitle": data["subtitle"],
            "summary": data["summary"],
            "language": data["language"],
            "timezone": data["network"].timezone,
            "starts_at": data["starts_at"],
            "ends_at": data["ends_at"],
        }


class PlaceForm(forms.Form):
    """The wizard's second step: where, or on which platform."""

    mode = forms.ChoiceField(
        label=_("How is it held?"), choices=Event.Mode.choices, widget=forms.RadioSelect
    )
    venue = forms.ModelChoiceField(
        label=_("Place"),
        queryset=Venue.objects.none(),
        required=False,
        empty_label=_("A new place (fill in below)"),
    )
    venue_name = forms.CharField(label=_("Name of the new place"), max_length=200, required=False)
    street = forms.CharField(label=_("Street address"), max_length=200, required=False)
    postal_code = forms.CharField(label=_("Postal code"), max_length=20, required=False)
    city = forms.CharField(label=_("City"), max_length=120, required=False)
    platform = forms.ChoiceField(label=_("Online platform"), required=False)
    join_url = forms.URLField(
        label=_("Link to join"),
        required=False,
        max_length=1000,
        help_text=_("Kept private: only confirmed participants get it, by e-mail."),
    )

    def __init__(self, *args, event, **kwargs):
        from .models import OnlineMeeting

        super().__init__(*args, **kwargs)
        self.event = event
        self.fields["venue"].queryset = Venue.objects.filter(network_id=event.network_id)
        self.fields["platform"].choices = [("", "–"), *OnlineMeeting.Platform.choices]
        meeting = getattr(event, "online_meeting", None)
        self.initial.setdefault("mode", event.mode)
        self.initial.setdefault("venue", event.venue_id)
        if meeting:
            self.initial.setdefault("platform", meeting.platform)
            self.initial.setdefault("join_url", meeting.join_url)

    def clean(self):
        data = super().clean()
        mode = data.get("mode")
        if mode in (Event.Mode.ON_SITE, Event.Mode.HYBRID):
            if not data.get("venue") and not data.get("venue_name"):
                self.add_error("venue_name", _("Choose a place or give the name of a new one."))
            if (
                data.get("venue_name")
                and Venue.objects.filter(
                    network_id=self.event.network_id, name=data["venue_name"]
                ).exists()
                and not data.get("venue")
            ):
                self.add_error("venue_name", _("This place exists already: choose it above."))
        if mode in (Event.Mode.ONLINE, Event.Mode.HYBRID) and not data.get("platform"):
            self.add_error("platform", _("Choose the online platform."))
        return data


class AboutForm(forms.ModelForm):
    """The wizard's third step: for whom, and what it is about."""

    class Meta:
        model = Event
        fields = ["audience", "description", "highlights"]
        widgets = {
            "audience": forms.Textarea(attrs={"rows": 2}),
            "description": forms.Textarea(attrs={"rows": 6}),
            "highlights": forms.Textarea(attrs={"rows": 4}),
        }


class CopyEventForm(forms.Form):
    title = forms.CharField(label=_("Title of the copy"), max_length=300)
    starts_on = forms.DateField(
        label=_("First day of the copy"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_(
            "Times of day, programme, tracks and contacts are copied; the copy is a draft."
        ),
    )
