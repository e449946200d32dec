"""Group discussions: a programme item split into small groups, per track, by the allocator.

A discussion belongs to one programme item (for the KL theme session: the item whose parallel
sessions are the two tracks). Its tracks come from a registration choice (a `choice_group` of
options), from the participant category, or are a single track for everyone. The allocator
(`allocator/`, plain Python) makes the groups; the organiser then moves people, locks groups and
allocates the rest again. Rules across rows live in `services.py`.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from samling.events.models import Event
from samling.programme.models import Item
from samling.registration.models import Registration


class GroupDiscussion(models.Model):
    class TrackSource(models.TextChoices):
        OPTION_GROUP = "option_group", _("a choice in the registration form")
        CATEGORY = "category", _("the participant category")
        SINGLE = "single", _("one track for everyone")

    event = models.ForeignKey(
        Event,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="group_discussions",
    )
    item = models.OneToOneField(
        Item,
        verbose_name=_("programme item"),
        on_delete=models.CASCADE,
        related_name="group_discussion",
    )
    track_source = models.CharField(
        _("tracks from"),
        max_length=20,
        choices=TrackSource.choices,
        default=TrackSource.OPTION_GROUP,
    )
    option_group = models.CharField(
        _("registration choice"),
        max_length=100,
        blank=True,
        help_text=_("The “choose one of” text of the options that are the tracks."),
    )
    min_size = models.PositiveSmallIntegerField(_("smallest group"), default=4)
    max_size = models.PositiveSmallIntegerField(_("largest group"), default=6)
    rooms = models.TextField(
        _("rooms"),
        blank=True,
        help_text=_(
            "One per line, handed to the groups in order: a room name, a link to an online "
            "breakout room, or a name followed by a link."
        ),
    )
    facilitators = models.ManyToManyField(
        Registration,
        verbose_name=_("facilitators among the participants"),
        blank=True,
        related_name="facilitated_discussions",
        help_text=_("Spread evenly over the groups of their track."),
    )
    seed = models.PositiveIntegerField(
        _("variant"), default=0, help_text=_("Another number gives another arrangement.")
    )
    is_shared = models.BooleanField(
        _("shown to participants"),
        default=False,
        help_text=_("Participants see their group on their registration page."),
    )
    stats = models.JSONField(_("figures of the last allocation"), default=dict, blank=True)
    warnings = models.JSONField(_("warnings of the last allocation"), default=list, blank=True)
    allocated_at = models.DateTimeField(_("allocated"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("group discussion")
        verbose_name_plural = _("group discussions")
        ordering = ["item__day__date", "item__start_time", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(min_size__gte=1), name="group_discussion_min_size_positive"
            ),
            models.CheckConstraint(
                condition=Q(max_size__gte=F("min_size")),
                name="group_discussion_sizes_ordered",
            ),
            models.CheckConstraint(
                condition=~Q(track_source="option_group") | ~Q(option_group=""),
                name="group_discussion_option_group_named",
            ),
        ]

    def __str__(self):
        return str(self.item)

    def clean(self):
        errors = {}
        if self.min_size is not None and self.min_size < 1:
            errors["min_size"] = _("A group has at least one person.")
        if (
            self.min_size is not None
            and self.max_size is not None
            and self.max_size < self.min_size
        ):
            errors["max_size"] = _("The largest group cannot be smaller than the smallest.")
        if self.track_source == self.TrackSource.OPTION_GROUP and not self.option_group:
            errors["option_group"] = _("Choose the registration choice that gives the tracks.")
        if self.item_id and self.event_id and self.item.day.event_id != self.event_id:
            errors["item"] = _("Choose a programme item of this event.")
        if errors:
            raise ValidationError(errors)

    def room_list(self) -> list[tuple[str, str]]:
        """The rooms as (name, link) pairs, in order; either part may be empty."""
        rooms = []
        for line in self.rooms.splitlines():
            words = line.split()
            link = next((w for w in words if w.startswith(("https://", "http://"))), "")
            name = " ".join(w for w in words if w != link)
            if name or link:
                rooms.append((name, link))
        return rooms


class DiscussionGroup(models.Model):
    discussion = models.ForeignKey(
        GroupDiscussion,
        verbose_name=_("group discussion"),
        on_delete=models.CASCADE,
        related_name="groups",
    )
    track = models.CharField(_("track"), max_length=100, blank=True)
    name = models.CharField(_("name"), max_length=100)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    room = models.CharField(_("room"), max_length=200, blank=True)
    online_link = models.URLField(
        _("online breakout room"),
        max_length=500,
        blank=True,
        help_text=_("Shown only to the group's members and the organisers."),
    )
    facilitator = models.ForeignKey(
        Registration,
        verbose_name=_("facilitator"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="facilitated_groups",
    )
    staff_facilitator = models.CharField(
        _("facilitator from the organisers"),
        max_length=200,
        blank=True,
        help_text=_("A name and organisation, for a facilitator who has not registered."),
    )
    case_presenter = models.CharField(
        _("case presenter"),
        max_length=300,
        blank=True,
        help_text=_("Who presents a case to the group, with title and organisation."),
    )
    locked = models.BooleanField(
        _("locked"),
        default=False,
        help_text=_("Kept as it is when the groups are allocated again."),
    )

    class Meta:
        verbose_name = _("discussion group")
        verbose_name_plural = _("discussion groups")
        ordering = ["discussion_id", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["discussion", "name"], name="discussion_group_unique_name"
            ),
        ]

    def __str__(self):
        return self.name

    def facilitator_name(self) -> str:
        """The facilitator as shown: a registered participant, or one from the organisers."""
        if self.facilitator_id:
            return self.facilitator.name
        return self.staff_facilitator


class GroupMember(models.Model):
    # The discussion is stored beside the group so that the database keeps a person in one group
    # per discussion; services.py keeps it equal to the group's discussion.
    discussion = models.ForeignKey(
        GroupDiscussion,
        verbose_name=_("group discussion"),
        on_delete=models.CASCADE,
        related_name="members",
    )
    group = models.ForeignKey(
        DiscussionGroup,
        verbose_name=_("group"),
        on_delete=models.CASCADE,
        related_name="members",
    )
    registration = models.ForeignKey(
        Registration,
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="group_memberships",
    )

    class Meta:
        verbose_name = _("group member")
        verbose_name_plural = _("group members")
        ordering = ["group_id", "registration__name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["discussion", "registration"], name="group_member_one_group_per_discussion"
            ),
        ]

    def __str__(self):
        return f"{self.registration.name}: {self.group}"
