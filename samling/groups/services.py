"""Rules across rows for group discussions: allocate, move a person, lock a group, tell people.

The allocator (`allocator/`, plain Python) does the sorting; this module builds its input from
the confirmed registrations and stores its result, in one transaction.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from samling.core.timefmt import clock, long_date
from samling.registration.models import Registration

from .allocator import allocate
from .models import DiscussionGroup, GroupDiscussion, GroupMember
from .queries import discussion_tracks, participants, warning_code


def _group_name(number: int) -> str:
    return pgettext("discussion group name", "Group %(number)d") % {"number": number}


@transaction.atomic
def run_allocation(
    discussion: GroupDiscussion, *, keep_locked: bool = True, seed: int | None = None
) -> dict:
    """Allocate the discussion's confirmed participants to groups and store the groups.

    Locked groups are kept as they are (less anyone who has cancelled) unless `keep_locked` is
    false; every other group is made anew. `seed`, when given, is stored as the discussion's
    variant first. Returns the allocator's result, with `unplaced`: registrations in no group
    because they chose no track. Raises `AllocationError` (a ValueError) on impossible input.
    """
    discussion = GroupDiscussion.objects.select_for_update().get(pk=discussion.pk)
    if seed is not None:
        discussion.seed = seed
    people = participants(discussion)
    confirmed = {registration.pk for registration, _track in people}
    facilitators = set(discussion.facilitators.values_list("pk", flat=True))

    locked_groups = (
        list(discussion.groups.filter(locked=True).prefetch_related("members"))
        if keep_locked
        else []
    )
    discussion.groups.exclude(pk__in=[g.pk for g in locked_groups]).delete()
    GroupMember.objects.filter(group__in=locked_groups).exclude(
        registration_id__in=confirmed
    ).delete()

    tracks = [t.key for t in discussion_tracks(discussion)]
    locked_input, locked_track = [], {}
    by_name = {}
    for group in locked_groups:
        if group.track not in tracks:
            tracks.append(group.track)
        members = [m.registration_id for m in group.members.all() if m.registration_id in confirmed]
        for pk in members:
            locked_track[pk] = group.track
        if members:
            locked_input.append(
                {
                    "track": group.track,
                    "name": group.name,
                    "members": members,
                    "facilitator": group.facilitator_id
                    if group.facilitator_id in members
                    else None,
                }
            )
        by_name[(group.track, group.name)] = group

    entries, unplaced = [], []
    for registration, track in people:
        track = locked_track.get(registration.pk, track)
        if track is None:
            unplaced.append(registration.pk)
            continue
        entries.append(
            {
                "id": registration.pk,
                "track": track,
                "municipality": str(registration.municipality_id or ""),
                "category": registration.category.key if registration.category else None,
                "facilitator": registration.pk in facilitators,
            }
        )
    result = allocate(
        {
            "tracks": [
                {"key": key, "min_size": discussion.min_size, "max_size": discussion.max_size}
                for key in tracks
            ],
            "participants": entries,
            "locked": locked_input,
            "seed": discussion.seed,
        }
    )

    with translation.override(discussion.event.language):
        _store_groups(discussion, result["groups"], by_name)

    warnings = [warning_code(text) for text in result["warnings"]]
    if unplaced:
        warnings.append({"code": "no_track", "count": len(unplaced)})
    discussion.stats = result["stats"]
    discussion.warnings = warnings
    discussion.allocated_at = timezone.now()
    discussion.save(update_fields=["seed", "stats", "warnings", "allocated_at"])
    return {**result, "unplaced": unplaced}


def _store_groups(discussion: GroupDiscussion, groups: list[dict], locked: dict) -> None:
    taken_names = {group.name for group in locked.values()}
    taken_rooms = {(group.room, group.online_link) for group in locked.values()}
    rooms = iter([room for room in discussion.room_list() if room not in taken_rooms])
    number = 0
    new_groups, members = [], []
    for position, entry in enumerate(groups):
        group = locked.get((entry["track"], entry["name"]))
        if group is not None:
            group.position = position
            group.save(update_fields=["position"])
            continue
        number += 1
        while _group_name(number) in taken_names:
            number += 1
        room, link = next(rooms, ("", ""))
        group = DiscussionGroup(
            discussion=discussion,
            track=entry["track"],
            name=_group_name(number),
            position=position,
            room=room,
            online_link=link,
            facilitator_id=entry["facilitator"],
        )
        new_groups.append(group)
        members.append(entry["members"])
    DiscussionGroup.objects.bulk_create(new_groups)
    GroupMember.objects.bulk_create(
        GroupMember(discussion=discussion, group=group, registration_id=pk)
        for group, ids in zip(new_groups, members, strict=True)
        for pk in ids
    )


@transaction.atomic
def move_member(
    discussion: GroupDiscussion, registration: Registration, group: DiscussionGroup | None
) -> GroupMember | None:
    """Put a participant in `group` (None: in no group), keeping facilitators in place."""
    if registration.event_id != discussion.event_id:
        raise ValidationError(_("This person is not registered for the event."))
    if group is not None and group.discussion_id != discussion.pk:
        raise ValidationError(_("This group belongs to another group discussion."))
    member = (
        GroupMember.objects.select_for_update()
        .select_related("group")
        .filter(discussion=discussion, registration=registration)
        .first()
    )
    old_group = member.group if member else None
    if old_group == group:
        return member
    if group is not None and registration.status != Registration.Status.CONFIRMED:
        raise ValidationError(_("Only confirmed participants can be placed in a group."))
    if group is None:
        member.delete()
        member = None
    elif member is None:
        member = GroupMember.objects.create(
            discussion=discussion, group=group, registration=registration
        )
    else:
        member.group = group
        member.save(update_fields=["group"])

    facilitators = discussion.facilitators.all()
    if old_group is not None and old_group.facilitator_id == registration.pk:
        other = (
            old_group.members.filter(registration__in=facilitators)
            .order_by("registration__name")
            .first()
        )
        old_group.facilitator_id = other.registration_id if other else None
        old_group.save(update_fields=["facilitator"])
    if (
        group is not None
        and group.facilitator_id is None
        and facilitators.filter(pk=registration.pk).exists()
    ):
        group.facilitator = registration
        group.save(update_fields=["facilitator"])
    return member


def set_locked(group: DiscussionGroup, locked: bool) -> DiscussionGroup:
    """Lock a group (kept when allocating again) or unlock it."""
    DiscussionGroup.objects.filter(pk=group.pk).update(locked=locked)
    group.locked = locked
    return group


def set_shared(discussion: GroupDiscussion, shared: bool) -> GroupDiscussion:
    """Show participants their group on their registration page, or stop showing it."""
    GroupDiscussion.objects.filter(pk=discussion.pk).update(is_shared=shared)
    discussion.is_shared = shared
    return discussion


def group_for_registration(
    registration: Registration,
) -> list[tuple[GroupDiscussion, DiscussionGroup]]:
    """The participant's groups, one per discussion shown to participants, in programme order.

    Empty for a registration that is not confirmed. The groups come with `facilitator` loaded,
    the discussions with `event`, `item` and its day, so a template may use them without a query.
    """
    if registration.status != Registration.Status.CONFIRMED:
        return []
    members = (
        GroupMember.objects.filter(registration=registration, discussion__is_shared=True)
        .select_related("discussion__event", "discussion__item__day", "group__facilitator")
        .order_by("discussion__item__day__date", "discussion__item__start_time", "discussion")
    )
    return [(member.discussion, member.group) for member in members]


def group_message_text(registration: Registration) -> str:
    """Plain text telling a participant their groups, in the registration's language.

    Empty when the participant is in no group shown to participants.
    """
    groups = group_for_registration(registration)
    if not groups:
        return ""
    blocks = []
    with translation.override(registration.language):
        for discussion, group in groups:
            item = discussion.item
            when = long_date(item.day.date)
            if item.start_time:
                when = _("%(date)s at %(time)s") % {"date": when, "time": clock(item.start_time)}
            lines = [
                _("%(item)s (%(when)s): you are in %(group)s.")
                % {"item": item.title, "when": when, "group": group.name}
            ]
            if group.room:
                lines.append(_("Room: %(room)s") % {"room": group.room})
            if group.online_link:
                lines.append(_("Online breakout room: %(link)s") % {"link": group.online_link})
            facilitator = group.facilitator_name()
            if facilitator:
                lines.append(_("Facilitator: %(name)s") % {"name": facilitator})
            if group.case_presenter:
                lines.append(_("Case presenter: %(name)s") % {"name": group.case_presenter})
            blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def send_group_messages(discussion) -> int:
    """Mail each placed, confirmed participant their group (once per press); returns how many.

    Only for a discussion shown to participants: the mail and their page then say the same.
    """
    from samling.notifications.services import queue_mail

    if not discussion.is_shared:
        return 0
    members = (
        GroupMember.objects.filter(discussion=discussion, registration__status="confirmed")
        .select_related("registration__event__network")
        .order_by("pk")
    )
    sent = 0
    with transaction.atomic():
        for member in members:
            registration = member.registration
            text = group_message_text(registration)
            if not text:
                continue
            with translation.override(registration.language):
                subject = _("Your group: %(event)s") % {"event": registration.event.title}
                greeting = _("Dear %(name)s,") % {"name": registration.name}
            queue_mail(
                to=registration.email,
                subject=subject,
                body=f"{greeting}\n\n{text}\n\n{registration.event.network.name}\n",
                kind="group",
                event=registration.event,
                registration=registration,
            )
            sent += 1
    return sent
