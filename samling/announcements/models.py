"""A network's news posts (announcements) with their documents and the events they are about."""

import zoneinfo

from django.core.validators import FileExtensionValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samling.events.models import Event
from samling.networks.models import Network

ATTACHMENT_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "png", "jpg", "txt"]


def expire_pages(*, network_id: int, event_ids=None, announcement_id: int | None = None) -> None:
    """Mark the network (and the given events, or the announcement) changed.

    Public pages are cached under their content's `updated_at`: the network page lists the
    latest news, an event page shows the news linked to it, so they are made again.
    `event_ids` may be a list or a queryset of ids.
    """
    now = timezone.now()
    Network.objects.filter(pk=network_id).update(updated_at=now)
    if announcement_id is not None:
        Announcement.objects.filter(pk=announcement_id).update(updated_at=now)
    if event_ids is not None:
        # Not the revision: news beside an event changes its page, not its calendar entry
        # (a new SEQUENCE would tell every registrant's calendar that the event changed).
        Event.objects.filter(pk__in=event_ids).update(updated_at=now)


class AnnouncementQuerySet(models.QuerySet):
    def published(self, now=None):
        """Published and due: drafts (no date) and posts dated in the future are left out."""
        return self.filter(published_at__isnull=False, published_at__lte=now or timezone.now())

    def for_network(self, network):
        return self.filter(network=network)


class Announcement(models.Model):
    network = models.ForeignKey(
        Network,
        verbose_name=_("network"),
        on_delete=models.CASCADE,
        related_name="announcements",
    )
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("short name in addresses"), max_length=100)
    lead = models.TextField(
        _("lead"),
        max_length=600,
        blank=True,
        help_text=_("One or two sentences shown in lists and previews."),
    )
    body = models.TextField(
        _("text"), blank=True, help_text=_("Paragraphs separated by an empty line.")
    )
    published_at = models.DateTimeField(
        _("published"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Empty for a draft. A later date publishes the post then."),
    )
    events = models.ManyToManyField(
        Event, verbose_name=_("events"), blank=True, related_name="announcements"
    )
    created_by = models.ForeignKey(
        "networks.User",
        verbose_name=_("written by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = AnnouncementQuerySet.as_manager()

    class Meta:
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")
        ordering = [models.F("published_at").desc(nulls_first=True), "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "slug"], name="announcement_unique_slug_per_network"
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Linked events show the post: they and the network page are made again. Events linked
        # or unlinked after this save are marked by the caller (services.save_announcement).
        expire_pages(network_id=self.network_id, event_ids=self.events.values("pk"))

    def get_absolute_url(self):
        return reverse(
            "public:announcement", kwargs={"network": self.network.slug, "slug": self.slug}
        )

    def delete(self, *args, **kwargs):
        network_id, event_ids = self.network_id, list(self.events.values_list("pk", flat=True))
        result = super().delete(*args, **kwargs)
        expire_pages(network_id=network_id, event_ids=event_ids)
        return result

    def is_published(self, now=None) -> bool:
        return self.published_at is not None and self.published_at <= (now or timezone.now())

    def is_scheduled(self, now=None) -> bool:
        return self.published_at is not None and self.published_at > (now or timezone.now())

    def local_published_at(self, tz: str | None = None):
        """The publication moment in the network's time zone (the network must be loaded)."""
        if self.published_at is None:
            return None
        return timezone.localtime(self.published_at, zoneinfo.ZoneInfo(tz or self.network.timezone))

    def published_on(self):
        local = self.local_published_at()
        return local.date() if local else None


class AnnouncementAttachment(models.Model):
    announcement = models.ForeignKey(
        Announcement,
        verbose_name=_("announcement"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(
        _("file"),
        upload_to="announcements/",
        max_length=200,
        validators=[FileExtensionValidator(ATTACHMENT_EXTENSIONS)],
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self._expire()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        self._expire()
        return result

    def _expire(self) -> None:
        network_id = (
            Announcement.objects.filter(pk=self.announcement_id)
            .values_list("network_id", flat=True)
            .first()
        )
        if network_id is not None:
            expire_pages(network_id=network_id, announcement_id=self.announcement_id)

    @property
    def extension(self) -> str:
        return self.file.name.rsplit(".", 1)[-1].upper() if "." in self.file.name else ""
