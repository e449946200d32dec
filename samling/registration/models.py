"""Registration: settings per event, categories, questions, options with capacity, registrations.

Capacity is kept as counters on the settings and option rows and changed only by conditional
updates (`... SET confirmed = confirmed + 1 WHERE confirmed < capacity`), so the database decides
who gets the last place, whatever the concurrency.
"""

import secrets

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samling.events.models import Event
from samling.networks.models import LANGUAGE_CHOICES, Municipality
from samling.programme.models import Item


class RegistrationSettings(models.Model):
    event = models.OneToOneField(
        Event,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="registration_settings",
    )
    is_enabled = models.BooleanField(_("registration in Samling"), default=True)
    opens_at = models.DateTimeField(_("opens"), null=True, blank=True)
    closes_at = models.DateTimeField(_("deadline"), null=True, blank=True)
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    waitlist_enabled = models.BooleanField(_("waiting list"), default=True)
    require_organisation = models.BooleanField(_("organisation required"), default=True)
    require_municipality = models.BooleanField(_("municipality required"), default=False)
    ask_dietary_needs = models.BooleanField(_("ask for dietary needs"), default=True)
    # Only the confirmed places are counted here: this row is what concurrent registrations
    # queue on, so the waiting list (which needs no limit) is counted from its rows instead.
    confirmed_count = models.PositiveIntegerField(_("confirmed"), default=0, editable=False)

    class Meta:
        verbose_name = _("registration settings")
        verbose_name_plural = _("registration settings")
        constraints = [
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(confirmed_count__lte=F("capacity")),
                name="registration_within_capacity",
            ),
            models.CheckConstraint(
                condition=Q(closes_at__isnull=True)
                | Q(opens_at__isnull=True)
                | Q(closes_at__gt=F("opens_at")),
                name="registration_closes_after_opening",
            ),
        ]

    def __str__(self):
        return str(self.event)

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.event.touch()

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        if not self.is_enabled or self.event.status == Event.Status.CANCELLED:
            return False
        if self.opens_at and now < self.opens_at:
            return False
        deadline = self.closes_at or self.event.ends_at
        return now < deadline

    @property
    def available(self) -> int | None:
        if self.capacity is None:
            return None
        return max(self.capacity - self.confirmed_count, 0)

    @property
    def is_full(self) -> bool:
        return self.capacity is not None and self.confirmed_count >= self.capacity


class Category(models.Model):
    """Politician, official, other: configurable per event."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="categories"
    )
    key = models.SlugField(_("key"), max_length=40)
    name = models.CharField(_("name"), max_length=100)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("participant category")
        verbose_name_plural = _("participant categories")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "key"], name="category_unique_key"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.event.touch()


class Option(models.Model):
    """Something a registrant takes: a programme choice or logistics, with its own capacity."""

    class Kind(models.TextChoices):
        PROGRAMME = "programme", _("programme choice")
        BUS = "bus", _("bus seat")
        PICKUP = "pickup", _("airport pick-up")
        MEAL = "meal", _("meal")
        ACCOMMODATION = "accommodation", _("accommodation")
        OTHER = "other", _("other")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="options"
    )
    key = models.SlugField(_("key"), max_length=60)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    label = models.CharField(_("label"), max_length=200)
    description = models.CharField(_("description"), max_length=300, blank=True)
    choice_group = models.CharField(
        _("choose one of"),
        max_length=100,
        blank=True,
        help_text=_("Options with the same text here are alternatives: a registrant picks one."),
    )
    group_required = models.BooleanField(_("a choice is required"), default=False)
    item = models.ForeignKey(
        Item,
        verbose_name=_("programme item"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="options",
    )
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    asks_arrival = models.BooleanField(_("asks for arrival time and flight"), default=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    confirmed_count = models.PositiveIntegerField(_("confirmed"), default=0, editable=False)
    waitlisted_count = models.PositiveIntegerField(
        _("on the waiting list"), default=0, editable=False
    )

    class Meta:
        verbose_name = _("option")
        verbose_name_plural = _("options")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "key"], name="option_unique_key"),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(confirmed_count__lte=F("capacity")),
                name="option_within_capacity",
            ),
        ]

    def __str__(self):
        return self.label

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.event.touch()

    @property
    def available(self) -> int | None:
        if self.capacity is None:
            return None
        return max(self.capacity - self.confirmed_count, 0)


class Question(models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", _("one choice")
        MULTIPLE = "multiple", _("several choices")
        TEXT = "text", _("text")
        YES_NO = "yes_no", _("yes or no")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="questions"
    )
    key = models.SlugField(_("key"), max_length=60)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    label = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("help text"), max_length=300, blank=True)
    choices = models.TextField(_("choices"), blank=True, help_text=_("One per line."))
    required = models.BooleanField(_("required"), default=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "key"], name="question_unique_key"),
        ]

    def __str__(self):
        return self.label

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.event.touch()

    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        WAITLISTED = "waitlisted", _("on the waiting list")
        CANCELLED = "cancelled", _("cancelled")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    title = models.CharField(_("title"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
    )
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="registrations",
    )
    dietary_needs = models.CharField(_("dietary needs and allergies"), max_length=300, blank=True)
    arrival = models.DateTimeField(_("arrival time"), null=True, blank=True)
    flight = models.CharField(_("flight"), max_length=40, blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGE_CHOICES)
    token = models.CharField(_("private link key"), max_length=64, unique=True, default=new_token)
    idempotency_key = models.CharField(max_length=100, blank=True, editable=False)
    created_at = models.DateTimeField(_("registered"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("arrived"), null=True, blank=True)
    # Set when the personal data was erased (on request, or a while after the event, see
    # privacy.py); what counts (status, category, municipality, options) is kept.
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            # The same address on the same event is one registration, however often it is sent.
            models.UniqueConstraint(fields=["event", "email"], name="registration_unique_email"),
            # The API's Idempotency-Key: a retried request finds the first one's row by this
            # constraint failing, so a new registration costs no lookup first.
            models.UniqueConstraint(
                fields=["event", "idempotency_key"],
                condition=~Q(idempotency_key=""),
                name="registration_unique_idempotency_key",
            ),
        ]
        indexes = [
            models.Index(fields=["event", "status", "created_at"]),
        ]

    def __str__(self):
        return f"{self.name} <{self.email}>"

    def get_absolute_url(self):
        return reverse("public:registration", kwargs={"token": self.token})

    @property
    def audit_key(self) -> str:
        """How the audit log names this registration (see AuditEntry.target_key)."""
        return f"registration:{self.pk}"


class RegistrationOption(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        WAITLISTED = "waitlisted", _("on the waiting list")

    registration = models.ForeignKey(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="chosen_options",
    )
    option = models.ForeignKey(
        Option, verbose_name=_("option"), on_delete=models.RESTRICT, related_name="chosen_by"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    created_at = models.DateTimeField(_("chosen"), default=timezone.now)

    class Meta:
        verbose_name = _("chosen option")
        verbose_name_plural = _("chosen options")
        ordering = ["option__position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "option"], name="registration_option_unique"
            ),
        ]

    def __str__(self):
        return f"{self.registration.name}: {self.option}"
