"""An event's programme: days, timed items, parallel tracks and the people on stage."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from samling.events.models import Event, TouchesEvent
from samling.networks.models import Person


class Day(TouchesEvent):
    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="days"
    )
    date = models.DateField(_("date"))
    label = models.CharField(
        _("label"), max_length=120, blank=True, help_text=_("For example “Day 1”.")
    )
    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("A heading or a few words shown above the day.")
    )

    class Meta:
        verbose_name = _("programme day")
        verbose_name_plural = _("programme days")
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["event", "date"], name="day_unique_date"),
        ]

    def __str__(self):
        return f"{self.label} {self.date}".strip() if self.label else str(self.date)

    def owning_event_id(self):
        return self.event_id

    def clean(self):
        if not (self.event_id and self.date):
            return
        first, last = self.event.local_start.date(), self.event.local_end.date()
        if not first <= self.date <= last:
            raise ValidationError(
                {
                    "date": _(
                        "A programme day must lie within the event, between %(first)s and %(last)s."
                    )
                    % {"first": first.isoformat(), "last": last.isoformat()}
                }
            )


class Track(TouchesEvent):
    """A parallel session or an audience that gets its own part of the programme."""

    class Kind(models.TextChoices):
        PARALLEL = "parallel", _("parallel session")
        AUDIENCE = "audience", _("audience")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="tracks"
    )
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PARALLEL)
    description = models.CharField(_("description"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("track")
        verbose_name_plural = _("tracks")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "name"], name="track_unique_name"),
        ]

    def __str__(self):
        return self.name

    def owning_event_id(self):
        return self.event_id


class Item(TouchesEvent):
    class Kind(models.TextChoices):
        TALK = "talk", pgettext_lazy("programme item kind", "talk")
        PANEL = "panel", pgettext_lazy("programme item kind", "panel or dialogue")
        BREAK = "break", pgettext_lazy("programme item kind", "break")
        MEAL = "meal", pgettext_lazy("programme item kind", "meal")
        WELCOME = "welcome", pgettext_lazy("programme item kind", "welcome")
        CLOSING = "closing", pgettext_lazy("programme item kind", "closing")
        EXCURSION = "excursion", pgettext_lazy("programme item kind", "excursion")
        TRANSPORT = "transport", pgettext_lazy("programme item kind", "transport")
        GROUP_WORK = "group_work", pgettext_lazy("programme item kind", "group work")
        NETWORKING = "networking", pgettext_lazy("programme item kind", "networking")
        BUSINESS = "business", pgettext_lazy("programme item kind", "formal business")
        OTHER = "other", pgettext_lazy("programme item kind", "other")

    # Kinds that are not content: shown set apart on pages and in print.
    PAUSE_KINDS = {Kind.BREAK, Kind.MEAL, Kind.EXCURSION, Kind.TRANSPORT, Kind.NETWORKING}

    day = models.ForeignKey(
        Day, verbose_name=_("day"), on_delete=models.CASCADE, related_name="items"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="sessions",
        help_text=_("For parallel sessions: the programme item they split."),
    )
    track = models.ForeignKey(
        Track,
        verbose_name=_("track"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="items",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    start_time = models.TimeField(_("start"), null=True, blank=True)
    end_time = models.TimeField(
        _("end"), null=True, blank=True, help_text=_("Leave empty for an open end.")
    )
    approximate = models.BooleanField(
        _("approximate time"), default=False, help_text=_("Shown as “ca.”.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.TALK)
    title = models.CharField(_("title"), max_length=500)
    description = models.TextField(_("description"), blank=True)
    location = models.CharField(_("location"), max_length=300, blank=True)
    agenda = models.TextField(
        _("sub-points"), blank=True, help_text=_("One point per line, shown as a list.")
    )
    notes = models.CharField(
        _("practical note"),
        max_length=300,
        blank=True,
        help_text=_("For example “Coffee is served”."),
    )
    is_cancelled = models.BooleanField(
        _("cancelled"),
        default=False,
        help_text=_("Kept in the programme, marked as cancelled, so nobody misses the change."),
    )

    class Meta:
        verbose_name = _("programme item")
        verbose_name_plural = _("programme items")
        ordering = ["day__date", "start_time", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__isnull=True)
                | (Q(start_time__isnull=False) & Q(end_time__gt=models.F("start_time"))),
                name="item_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(approximate=False) | Q(start_time__isnull=False),
                name="item_approximate_needs_start",
            ),
        ]

    def __str__(self):
        return self.title

    def owning_event_id(self):
        return Day.objects.filter(pk=self.day_id).values_list("event_id", flat=True).first()

    def clean(self):
        if self.end_time and not self.start_time:
            raise ValidationError({"start_time": _("An item with an end needs a start.")})
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": _("The item must end after it starts.")})
        if self.approximate and not self.start_time:
            raise ValidationError({"approximate": _("Only a time can be approximate.")})
        if self.parent_id and self.parent.day_id != self.day_id:
            raise ValidationError({"parent": _("A parallel session belongs to its item's day.")})
        if self.track_id and self.day_id and self.track.event_id != self.day.event_id:
            raise ValidationError({"track": _("Choose a track of this event.")})

    @property
    def is_pause(self) -> bool:
        return self.kind in self.PAUSE_KINDS

    def agenda_points(self) -> list[str]:
        return [line.strip(" -•\t") for line in self.agenda.splitlines() if line.strip(" -•\t")]

    def duration(self) -> dt.timedelta | None:
        if not (self.start_time and self.end_time):
            return None
        return dt.datetime.combine(dt.date.min, self.end_time) - dt.datetime.combine(
            dt.date.min, self.start_time
        )


class SpeakerRole(TouchesEvent):
    class Function(models.TextChoices):
        SPEAKER = "speaker", _("speaker")
        MODERATOR = "moderator", _("moderator")
        HOST = "host", _("host")
        DINNER_SPEAKER = "dinner_speaker", _("dinner speaker")
        PANELIST = "panelist", _("panelist")
        FACILITATOR = "facilitator", _("facilitator")
        CASE_PRESENTER = "case_presenter", _("case presenter")

    item = models.ForeignKey(
        Item, verbose_name=_("programme item"), on_delete=models.CASCADE, related_name="roles"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.RESTRICT, related_name="roles"
    )
    function = models.CharField(
        _("function"), max_length=20, choices=Function.choices, default=Function.SPEAKER
    )
    role_text = models.CharField(
        _("title and organisation as shown"),
        max_length=300,
        blank=True,
        help_text=_("Leave empty to show the person's own title and organisation."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("speaker role")
        verbose_name_plural = _("speaker roles")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "person", "function"], name="speaker_role_unique"
            ),
        ]

    def __str__(self):
        return f"{self.person} ({self.get_function_display()})"

    def owning_event_id(self):
        return Item.objects.filter(pk=self.item_id).values_list("day__event_id", flat=True).first()

    @property
    def shown_role(self) -> str:
        return self.role_text or self.person.affiliation
