"""The organiser's form for a news post, and the admin's check that linked events fit."""

import datetime as dt
import zoneinfo

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samling.core import timefmt
from samling.events.models import Event

from .models import ATTACHMENT_EXTENSIONS, Announcement
from .services import unique_slug

MAX_ATTACHMENT_SIZE = 20 * 1024 * 1024


class EventChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, event):
        label = _("%(title)s (%(when)s)") % {
            "title": event.title,
            "when": timefmt.event_when(event),
        }
        if not event.is_published:
            label = _("%(label)s – not published") % {"label": label}
        return label


def _other_network_events(events, network_id) -> list:
    return [event for event in events if event.network_id != network_id]


class AnnouncementForm(forms.ModelForm):
    """Title, lead, text, when to publish, linked events and documents of one post.

    `publish=False` (the "Save as draft" button) saves it without a publication date; with
    `publish=True` an empty date means now, and a later date publishes it then. Dates and times
    are those of the network's time zone.
    """

    events = EventChoiceField(
        label=_("Events this post is about"),
        queryset=Event.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The post is shown on the pages of these events."),
    )
    publish_date = forms.DateField(
        label=_("Publication date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Empty: now. A later date publishes the post then."),
    )
    publish_time = forms.TimeField(
        label=_("Publication time"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    attachment_title = forms.CharField(
        label=_("Title of a new document"),
        max_length=200,
        required=False,
        help_text=_("Empty: the file name."),
    )
    attachment_file = forms.FileField(
        label=_("New document"),
        required=False,
        validators=[FileExtensionValidator(ATTACHMENT_EXTENSIONS)],
        help_text=_("PDF, Word, Excel, PowerPoint, OpenDocument text, PNG, JPEG or text file."),
    )

    class Meta:
        model = Announcement
        fields = ["title", "slug", "lead", "body", "events"]
        widgets = {"lead": forms.Textarea(attrs={"rows": 3}), "body": forms.Textarea()}
        help_texts = {"slug": _("Letters, digits and hyphens. Empty: made from the title.")}

    def __init__(self, *args, network, publish=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.network = network
        self.publish = publish
        self.instance.network = network
        self.tz = zoneinfo.ZoneInfo(network.timezone)
        self.fields["slug"].required = False
        self.fields["events"].queryset = Event.objects.for_network(network).order_by("-starts_at")
        if self.instance.pk:
            attachments = self.instance.attachments.all()
            if attachments:
                self.fields["remove_attachments"] = forms.ModelMultipleChoiceField(
                    label=_("Remove documents"),
                    queryset=attachments,
                    required=False,
                    widget=forms.CheckboxSelectMultiple,
                )
        if self.instance.published_at:
            local = timezone.localtime(self.instance.published_at, self.tz)
            self.initial.setdefault("publish_date", local.date())
            self.initial.setdefault("publish_time", local.time().replace(second=0, microsecond=0))

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if not slug:
            return unique_slug(self.network, self.cleaned_data.get("title") or "")
        taken = (
            Announcement.objects.for_network(self.network)
            .exclude(pk=self.instance.pk)
            .filter(slug=slug)
        )
        if taken.exists():
            raise ValidationError(_("Another post of this network already has this address."))
        return slug

    def clean_attachment_file(self):
        upload = self.cleaned_data.get("attachment_file")
        if upload and upload.size > MAX_ATTACHMENT_SIZE:
            raise ValidationError(
                _("The file is larger than %(size)s.")
                % {"size": filesizeformat(MAX_ATTACHMENT_SIZE)}
            )
        return upload

    def clean(self):
        cleaned = super().clean()
        if _other_network_events(cleaned.get("events") or [], self.network.pk):
            raise ValidationError({"events": _("Choose events of this network only.")})
        self.instance.published_at = self._published_at(cleaned) if self.publish else None
        return cleaned

    def _published_at(self, cleaned) -> dt.datetime:
        date, time = cleaned.get("publish_date"), cleaned.get("publish_time")
        if date is None:
            if time is not None:
                self.add_error("publish_date", _("Give the date as well as the time."))
            return self.instance.published_at or timezone.now()
        moment = dt.datetime.combine(date, time or dt.time(0, 0), tzinfo=self.tz)
        previous = self.instance.published_at
        if previous and timezone.localtime(previous, self.tz).replace(
            second=0, microsecond=0
        ) == moment.replace(second=0, microsecond=0):
            return previous  # unchanged in the form: keep the exact moment
        return moment

    @property
    def new_attachments(self) -> list[tuple[str, object]]:
        upload = self.cleaned_data.get("attachment_file")
        return [(self.cleaned_data.get("attachment_title", ""), upload)] if upload else []

    @property
    def removed_attachments(self) -> list:
        return list(self.cleaned_data.get("remove_attachments") or [])


class AnnouncementAdminForm(forms.ModelForm):
    """The admin's form: linked events must belong to the post's network."""

    class Meta:
        model = Announcement
        fields = ["network", "title", "slug", "published_at", "lead", "body", "events"]

    def clean(self):
        cleaned = super().clean()
        network = cleaned.get("network")
        if network and _other_network_events(cleaned.get("events") or [], network.pk):
            raise ValidationError({"events": _("Choose events of the post's own network.")})
        return cleaned
