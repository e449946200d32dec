"""Events, their series, venues, online meetings, contacts, attachments and change history."""

import datetime as dt
import zoneinfo

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samling.core.phone import normalise_phone
from samling.networks.models import (
    COUNTRY_CHOICES,
    LANGUAGE_CHOICES,
    Network,
    Person,
    validate_timezone,
)


class Venue(models.Model):
    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="venues"
    )
    name = models.CharField(_("name"), max_length=200)
    street = models.CharField(_("street address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRY_CHOICES)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    website = models.URLField(_("website"), blank=True)
    directions = models.TextField(_("directions"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["network", "name"], name="venue_unique_name"),
        ]

    def __str__(self):
        return f"{self.name}, {self.city}" if self.city else self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.events.update(updated_at=timezone.now(), revision=models.F("revision") + 1)

    def clean(self):
        if self.phone:
            self.phone = normalise_phone(self.phone, self.country)

    @property
    def address(self) -> str:
        locality = " ".join(part for part in (self.postal_code, self.city) if part)
        return ", ".join(part for part in (self.street, locality) if part)


class Series(models.Model):
    """Events that belong together, such as three theme sessions before a conference."""

    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="series"
    )
    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    planned_count = models.PositiveSmallIntegerField(
        _("planned number of events"),
        null=True,
        blank=True,
        help_text=_("Shown as “1 of 3” when not every event has been created yet."),
    )

    class Meta:
        verbose_name = _("series")
        verbose_name_plural = _("series")
        ordering = ["title"]

    def __str__(self):
        return self.title


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def for_network(self, network):
        return self.filter(network=network)

    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at")

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at")


class Event(models.Model):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("scheduled")
        RESCHEDULED = "rescheduled", _("rescheduled")
        POSTPONED = "postponed", _("postponed")
        CANCELLED = "cancelled", _("cancelled")

    class Mode(models.TextChoices):
        ON_SITE = "on_site", _("on site")
        ONLINE = "online", _("online")
        HYBRID = "hybrid", _("hybrid")

    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="events"
    )
    series = models.ForeignKey(
        Series,
        verbose_name=_("series"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )
    series_position = models.PositiveSmallIntegerField(
        _("number in the series"), null=True, blank=True
    )
    slug = models.SlugField(_("short name in addresses"), max_length=100, unique=True)
    title = models.CharField(_("title"), max_length=300)
    subtitle = models.CharField(_("subtitle"), max_length=300, blank=True)
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences shown in lists and previews.")
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("Paragraphs separated by an empty line.")
    )
    highlights = models.TextField(
        _("highlights"), blank=True, help_text=_("Short points shown as a list, one per line.")
    )
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGE_CHOICES)
    timezone = models.CharField(
        _("time zone"), max_length=60, validators=[validate_timezone], default="Europe/Copenhagen"
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    times_announced = models.BooleanField(
        _("times announced"),
        default=True,
        help_text=_("Untick while only the date is known: pages then show the date alone."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SCHEDULED
    )
    status_note = models.CharField(
        _("note on the status"),
        max_length=300,
        blank=True,
        help_text=_("For example why the event was moved."),
    )
    mode = models.CharField(_("mode"), max_length=20, choices=Mode.choices, default=Mode.ON_SITE)
    venue = models.ForeignKey(
        Venue,
        verbose_name=_("venue"),
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="events",
    )
    audience = models.TextField(
        _("target audience"), blank=True, help_text=_("Who the event is for.")
    )
    registration_url = models.URLField(
        _("external registration address"),
        blank=True,
        help_text=_("Only when registration happens elsewhere, for example on another website."),
    )
    registration_note = models.CharField(_("note on registration"), max_length=300, blank=True)
    related_events = models.ManyToManyField(
        "self", verbose_name=_("related events"), blank=True, symmetrical=True
    )
    organisers = models.ManyToManyField(
        "networks.User",
        verbose_name=_("organisers"),
        blank=True,
        related_name="organised_events",
        help_text=_("Event organisers of the network who manage this event."),
    )
    is_published = models.BooleanField(_("published"), default=False)
    announced_on = models.DateField(_("announced on"), null=True, blank=True)
    revision = models.PositiveIntegerField(
        _("revision"),
        default=0,
        editable=False,
        help_text=_("Counts changes to the event or its programme; calendars use it as SEQUENCE."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")), name="event_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(mode__in=["on_site", "online", "hybrid"]), name="event_mode_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["scheduled", "rescheduled", "postponed", "cancelled"]),
                name="event_status_valid",
            ),
        ]
        indexes = [models.Index(fields=["network", "starts_at"])]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.pk:
            self.revision += 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "revision", "updated_at"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("public:event", kwargs={"slug": self.slug})

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("The event cannot end before it starts.")})
        if self.venue_id and self.network_id and self.venue.network_id != self.network_id:
            raise ValidationError({"venue": _("Choose a venue of the event's own network.")})

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)

    @property
    def local_start(self) -> dt.datetime:
        return timezone.localtime(self.starts_at, self.tz)

    @property
    def local_end(self) -> dt.datetime:
        return timezone.localtime(self.ends_at, self.tz)

    @property
    def is_multi_day(self) -> bool:
        return self.local_start.date() != self.local_end.date()

    @property
    def is_online(self) -> bool:
        return self.mode in (self.Mode.ONLINE, self.Mode.HYBRID)

    @property
    def is_on_site(self) -> bool:
        return self.mode in (self.Mode.ON_SITE, self.Mode.HYBRID)

    def highlight_lines(self) -> list[str]:
        return [line.strip(" -•\t") for line in self.highlights.splitlines() if line.strip(" -•\t")]

    def touch(self) -> None:
        """Mark the event changed: cached pages and outputs are made again, calendars update."""
        Event.objects.filter(pk=self.pk).update(
            updated_at=timezone.now(), revision=models.F("revision") + 1
        )


class OnlineMeeting(models.Model):
    """Where an online or hybrid event happens. The link is private: only registrants get it."""

    class Platform(models.TextChoices):
        TEAMS = "teams", "Microsoft Teams"
        ZOOM = "zoom", "Zoom"
        MEET = "meet", "Google Meet"
        WEBEX = "webex", "Webex"
        OTHER = "other", _("other platform")

    event = models.OneToOneField(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="online_meeting"
    )
    platform = models.CharField(_("platform"), max_length=20, choices=Platform.choices)
    platform_name = models.CharField(
        _("name of the platform"), max_length=100, blank=True, help_text=_("For other platforms.")
    )
    join_url = models.URLField(_("link to join (private)"), max_length=1000, blank=True)
    meeting_id = models.CharField(_("meeting ID (private)"), max_length=100, blank=True)
    passcode = models.CharField(_("passcode (private)"), max_length=100, blank=True)
    instructions = models.TextField(_("instructions for participants (private)"), blank=True)

    class Meta:
        verbose_name = _("online meeting")
        verbose_name_plural = _("online meetings")

    def __str__(self):
        return self.display_platform

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.event.touch()

    @property
    def display_platform(self) -> str:
        if self.platform == self.Platform.OTHER and self.platform_name:
            return self.platform_name
        return self.get_platform_display()


class TouchesEvent(models.Model):
    """Saving or deleting a part of an event marks the event changed (cached pages expire)."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        Event(pk=self.owning_event_id()).touch()

    def delete(self, *args, **kwargs):
        event_id = self.owning_event_id()
        result = super().delete(*args, **kwargs)
        Event(pk=event_id).touch()
        return result

    def owning_event_id(self) -> int:
        raise NotImplementedError


class EventContact(TouchesEvent):
    """A person, or the venue itself, to contact about the event."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="contacts"
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="event_contacts",
    )
    venue = models.ForeignKey(
        Venue,
        verbose_name=_("venue"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="event_contacts",
    )
    function = models.CharField(
        _("function"), max_length=200, blank=True, help_text=_("For example “secretariat”.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(person__isnull=False) & Q(venue__isnull=True))
                | (Q(person__isnull=True) & Q(venue__isnull=False)),
                name="event_contact_person_or_venue",
            ),
        ]

    def __str__(self):
        return str(self.person or self.venue)

    def owning_event_id(self):
        return self.event_id

    def clean(self):
        if bool(self.person_id) == bool(self.venue_id):
            raise ValidationError(_("Choose either a person or a venue as the contact."))

    @property
    def name(self) -> str:
        return self.person.name if self.person_id else self.venue.name

    @property
    def email(self) -> str:
        return self.person.email if self.person_id else self.venue.email

    @property
    def phone(self) -> str:
        return self.person.phone if self.person_id else self.venue.phone


def attachment_path(instance, filename):
    return f"events/{instance.event.slug}/{filename}"


class Attachment(TouchesEvent):
    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="attachments"
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(
        _("file"),
        upload_to=attachment_path,
        validators=[
            FileExtensionValidator(["pdf", "docx", "xlsx", "pptx", "odt", "png", "jpg", "txt"])
        ],
    )
    is_programme = models.BooleanField(_("the printed programme"), default=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title

    def owning_event_id(self):
        return self.event_id

    @property
    def extension(self) -> str:
        return self.file.name.rsplit(".", 1)[-1].upper() if "." in self.file.name else ""


class EventChange(models.Model):
    """One entry in an event's public history: moved, postponed, cancelled, a new venue."""

    class Kind(models.TextChoices):
        RESCHEDULED = "rescheduled", _("rescheduled")
        POSTPONED = "postponed", _("postponed")
        CANCELLED = "cancelled", _("cancelled")
        VENUE = "venue", _("new venue")
        MODE = "mode", _("new mode")
        PROGRAMME = "programme", _("programme changed")
        OTHER = "other", _("other change")

    class Notification(models.TextChoices):
        NOT_NEEDED = "", _("not needed")
        PENDING = "pending", _("to be decided")
        SENT = "sent", _("notified")
        SKIPPED = "skipped", _("not notified")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="changes"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    previous_starts_at = models.DateTimeField(_("previous start"), null=True, blank=True)
    previous_ends_at = models.DateTimeField(_("previous end"), null=True, blank=True)
    new_starts_at = models.DateTimeField(_("new start"), null=True, blank=True)
    new_ends_at = models.DateTimeField(_("new end"), null=True, blank=True)
    item = models.ForeignKey(
        "programme.Item",
        verbose_name=_("programme item"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="changes",
    )
    # What it was and what it became, as stored values (item title, times "HH:MM", venue
    # name, mode): turned into words in the reader's language when shown.
    details = models.JSONField(_("details"), default=dict, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)
    is_public = models.BooleanField(_("shown on the event page"), default=True)
    notification = models.CharField(
        _("registrants notified"),
        max_length=10,
        choices=Notification.choices,
        default=Notification.NOT_NEEDED,
    )
    changed_by = models.ForeignKey(
        "networks.User",
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("changed"), default=timezone.now)

    class Meta:
        verbose_name = _("change")
        verbose_name_plural = _("changes")
        ordering = ["-changed_at", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.event}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.event.touch()
