"""The audit log: who changed what and when, readable by a network's administrators."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    network = models.ForeignKey(
        "networks.Network",
        verbose_name=_("network"),
        on_delete=models.CASCADE,
        related_name="audit_entries",
    )
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_entries",
    )
    actor = models.ForeignKey(
        "networks.User",
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Kept as written at the time: the account may be deleted, a participant has none.
    actor_label = models.CharField(_("by"), max_length=254, blank=True)
    action = models.CharField(_("action"), max_length=60)
    target = models.CharField(_("what"), max_length=300, blank=True)
    # Which row the entry is about ("registration:42"), for finding its entries again when
    # the target's name has changed since, or another has the same name.
    target_key = models.CharField(max_length=60, blank=True, db_index=True, editable=False)
    # {"field": [before, after], …} as text, for the fields that changed.
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["network", "-created_at"])]

    def __str__(self):
        return f"{self.action}: {self.target}"
