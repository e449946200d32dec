"""The outbox: every e-mail Samling sends is a row here first, so none is lost.

An EventMessage is what an organiser sends to (some of) an event's registrants: a change
notification, a reminder or practical information at a set time, or a message written by hand.
Each becomes one outbox row per registrant, never two (a unique constraint), however often the
sending task runs.
"""

import uuid

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EventMessage(models.Model):
    class Kind(models.TextChoices):
        CHANGE = "change", _("change notification")
        MESSAGE = "message", _("message")
        REMINDER = "reminder", _("reminder with practical information")
        MEETING_LINK = "meeting-link", _("link to the online meeting")

    class Calendar(models.TextChoices):
        NONE = "", _("no calendar file")
        REQUEST = "request", _("updated calendar entry")
        CANCEL = "cancel", _("cancelled calendar entry")

    SCHEDULED_KINDS = (Kind.REMINDER, Kind.MEETING_LINK)

    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="event_messages",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # {"da": {"subject": "…", "body": "…"}, …}: the organiser's text per language. A language
    # without text gets Samling's default text for the kind, in that language.
    texts = models.JSONField(_("texts"), default=dict, blank=True)
    # {"statuses": ["confirmed", "waitlisted"], "categories": [id…], "options": [id…]}
    audience = models.JSONField(_("recipients"), default=dict, blank=True)
    changes = models.ManyToManyField(
        "events.EventChange",
        verbose_name=_("changes"),
        blank=True,
        related_name="messages",
        help_text=_("For a change notification: the changes it tells about."),
    )
    calendar = models.CharField(
        _("calendar file"), max_length=10, choices=Calendar.choices, default="", blank=True
    )
    # Reminders are sent a number of days before the event, at a time of day in the event's
    # time zone: kept relative, so they follow the event when it moves.
    days_before = models.PositiveSmallIntegerField(
        _("days before the event"), null=True, blank=True
    )
    send_time = models.TimeField(_("at"), null=True, blank=True)
    is_enabled = models.BooleanField(_("send"), default=True)
    # Set by the form that creates the message: a second click on "Send" finds the first.
    token = models.UUIDField(_("token"), default=uuid.uuid4, unique=True, editable=False)
    created_by = models.ForeignKey(
        "networks.User",
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    queued_at = models.DateTimeField(_("sent"), null=True, blank=True, editable=False)
    recipient_count = models.PositiveIntegerField(_("recipients"), default=0, editable=False)

    class Meta:
        verbose_name = _("message to registrants")
        verbose_name_plural = _("messages to registrants")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(days_before__isnull=True) | Q(send_time__isnull=False),
                name="event_message_scheduled_has_time",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.event}"

    def due_at(self, event=None):
        """When a scheduled message is to go out (None: at once), in aware UTC-comparable time."""
        import datetime as dt

        if self.days_before is None:
            return None
        event = event or self.event
        day = event.local_start.date() - dt.timedelta(days=self.days_before)
        return dt.datetime.combine(day, self.send_time, tzinfo=event.tz)


class OutboxMessage(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("waiting to be sent")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="outbox_messages",
    )
    registration = models.ForeignKey(
        "registration.Registration",
        verbose_name=_("registration"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="messages",
    )
    message = models.ForeignKey(
        EventMessage,
        verbose_name=_("message to registrants"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deliveries",
    )
    kind = models.CharField(_("kind"), max_length=40)
    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("text"))
    # A text written when the message is sent, not when it is queued (a registration's
    # confirmation: its request answers sooner): {"make": …, "kind": …, …}, see body_content.
    body_source = models.JSONField(null=True, blank=True, editable=False)
    attachments = models.JSONField(
        _("attachments"), default=list, blank=True, help_text="[[filename, text, mimetype]]"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("e-mail")
        verbose_name_plural = _("e-mails")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "created_at"])]
        constraints = [
            # One e-mail per registrant and message, even if the sending task runs twice.
            models.UniqueConstraint(
                fields=["message", "registration"],
                condition=Q(message__isnull=False),
                name="outbox_once_per_registrant",
            )
        ]

    def __str__(self):
        return f"{self.subject} → {self.to}"
