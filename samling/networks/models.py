"""Networks of municipalities, their members, the people they work with and their teams."""

import zoneinfo

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samling.core.phone import normalise_phone

LANGUAGE_CHOICES = [
    ("da", _("Danish")),
    ("sv", _("Swedish")),
    ("nb", _("Norwegian Bokmål")),
    ("en", _("English")),
]

COUNTRY_CHOICES = [
    ("DK", _("Denmark")),
    ("SE", _("Sweden")),
    ("NO", _("Norway")),
    ("FI", _("Finland")),
    ("IS", _("Iceland")),
]

COUNTRY_TIMEZONES = {
    "DK": "Europe/Copenhagen",
    "SE": "Europe/Stockholm",
    "NO": "Europe/Oslo",
    "FI": "Europe/Helsinki",
    "IS": "Atlantic/Reykjavik",
}


def validate_timezone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value})


class EmailUserManager(UserManager):
    """Users log in with their e-mail address; the username mirrors it."""

    def _create_user(self, username, email, password, **extra_fields):
        email = self.normalize_email(email or username)
        return super()._create_user(email, email, password, **extra_fields)

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.pop("username", None)
        return super().create_user(email, email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.pop("username", None)
        return super().create_superuser(email, email, password, **extra_fields)


class User(AbstractUser):
    email = models.EmailField(_("e-mail address"), unique=True)

    objects = EmailUserManager()

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name() or self.email

    def save(self, *args, **kwargs):
        self.email = self.__class__.objects.normalize_email(self.email).lower()
        self.username = self.email
        super().save(*args, **kwargs)


class Municipality(models.Model):
    name = models.CharField(_("name"), max_length=120)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRY_CHOICES)
    code = models.CharField(
        _("official code"), max_length=10, blank=True, help_text=_("For example 0780 or 101.")
    )

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["country", "name"]
        constraints = [
            models.UniqueConstraint(fields=["country", "name"], name="municipality_unique_name"),
        ]

    def __str__(self):
        return self.name


class NetworkQuerySet(models.QuerySet):
    def for_user(self, user):
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(team_memberships__user=user).distinct()


class Network(models.Model):
    slug = models.SlugField(_("short name in addresses"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    description = models.TextField(_("description"), blank=True)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRY_CHOICES)
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGE_CHOICES)
    timezone = models.CharField(
        _("time zone"), max_length=60, validators=[validate_timezone], default="Europe/Copenhagen"
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    privacy_notice = models.TextField(_("privacy notice"), blank=True)
    members = models.ManyToManyField(
        Municipality,
        verbose_name=_("member municipalities"),
        related_name="networks",
        blank=True,
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = NetworkQuerySet.as_manager()

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        ordering = ["name"]

    def __str__(self):
        return self.short_name or self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # The network's name stands on every event page: those pages must be rendered again.
        self.events.update(updated_at=timezone.now(), revision=models.F("revision") + 1)

    def get_absolute_url(self):
        return reverse("public:network", kwargs={"network": self.slug})


class Person(models.Model):
    """Someone who speaks, moderates, hosts or can be contacted: not necessarily a user."""

    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="people"
    )
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(
        _("title"), max_length=300, blank=True, help_text=_("For example “KSO” or “Director”.")
    )
    organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
    )
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["network", "name"], name="person_unique_name"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        from samling.events.models import Event

        # A new title or organisation shows on the pages of every event the person takes part in.
        Event.objects.filter(
            models.Q(days__items__roles__person=self) | models.Q(contacts__person=self)
        ).update(updated_at=timezone.now(), revision=models.F("revision") + 1)

    def clean(self):
        if self.phone and self.network_id:
            self.phone = normalise_phone(self.phone, self.network.country)

    @property
    def affiliation(self) -> str:
        """ "Title, Organisation" as it reads after a name."""
        return ", ".join(part for part in (self.title, self.organisation) if part)


class TeamMembership(models.Model):
    class Role(models.TextChoices):
        ADMIN = "admin", _("network administrator")
        ORGANISER = "organiser", _("event organiser")
        CHECKIN = "checkin", _("check-in staff")

    network = models.ForeignKey(
        Network,
        verbose_name=_("network"),
        on_delete=models.CASCADE,
        related_name="team_memberships",
    )
    user = models.ForeignKey(
        User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="team_memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        constraints = [
            models.UniqueConstraint(fields=["network", "user"], name="team_membership_unique"),
        ]

    def __str__(self):
        return f"{self.user} ({self.get_role_display()}, {self.network})"
