"""Reads shared by the organiser screen, the exports and the participant's page."""

import re
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samling.programme.models import Item
from samling.registration.models import Category, Option, Registration, RegistrationOption

from .models import DiscussionGroup, GroupDiscussion, GroupMember

SINGLE_TRACK = "all"


@dataclass(frozen=True)
class DiscussionTrack:
    key: str
    label: str


@dataclass
class Person:
    """A confirmed participant as the organiser screen shows them."""

    registration: Registration
    track: str | None
    group_id: int | None = None
    is_facilitator: bool = False
    shares_municipality: bool = False

    @property
    def pk(self) -> int:
        return self.registration.pk


@dataclass
class BoardGroup:
    group: DiscussionGroup
    people: list[Person] = field(default_factory=list)
    pairs: int = 0


@dataclass
class BoardTrack:
    track: DiscussionTrack
    groups: list[BoardGroup] = field(default_factory=list)
    lower_bound: int | None = None

    @property
    def participants(self) -> int:
        return sum(len(g.people) for g in self.groups)

    @property
    def pairs(self) -> int:
        return sum(g.pairs for g in self.groups)

    @property
    def sizes(self) -> list[int]:
        return [len(g.people) for g in self.groups]


@dataclass
class Board:
    """Everything the organiser screen and the exports show of one discussion."""

    discussion: GroupDiscussion
    tracks: list[BoardTrack]
    unplaced: list[Person]
    groups: list[BoardGroup]

    @property
    def pairs(self) -> int:
        return sum(t.pairs for t in self.tracks)

    @property
    def lower_bound(self) -> int | None:
        bounds = [t.lower_bound for t in self.tracks if t.lower_bound is not None]
        return sum(bounds) if bounds else None


def discussions_for_event(event):
    return (
        GroupDiscussion.objects.filter(event=event)
        .select_related("item__day", "item__parent")
        .annotate(group_count=Count("groups", distinct=True))
        .annotate(member_count=Count("members", distinct=True))
    )


def discussion_items(event):
    """Programme items a discussion can be made for: group work first, then the rest."""
    items = Item.objects.filter(day__event=event).select_related("day", "parent")
    return sorted(items, key=lambda i: (i.kind != Item.Kind.GROUP_WORK, i.parent_id is not None))


def option_groups(event) -> list[str]:
    """The event's registration choices (`choice_group` texts), in form order."""
    names = event.options.exclude(choice_group="").order_by("position", "pk")
    return list(dict.fromkeys(names.values_list("choice_group", flat=True)))


def discussion_tracks(discussion: GroupDiscussion) -> list[DiscussionTrack]:
    source = discussion.track_source
    if source == GroupDiscussion.TrackSource.OPTION_GROUP:
        options = Option.objects.filter(
            event_id=discussion.event_id, choice_group=discussion.option_group
        )
        return [DiscussionTrack(o.key, o.label) for o in options.order_by("position", "pk")]
    if source == GroupDiscussion.TrackSource.CATEGORY:
        categories = Category.objects.filter(event_id=discussion.event_id)
        return [DiscussionTrack(c.key, c.name) for c in categories]
    return [DiscussionTrack(SINGLE_TRACK, _("All participants"))]


def participants(discussion: GroupDiscussion) -> list[tuple[Registration, str | None]]:
    """The event's confirmed registrations, each with its track key (None: no track chosen)."""
    registrations = Registration.objects.filter(
        event_id=discussion.event_id, status=Registration.Status.CONFIRMED
    ).select_related("municipality", "category")
    source = discussion.track_source
    if source == GroupDiscussion.TrackSource.OPTION_GROUP:
        chosen = RegistrationOption.objects.filter(
            registration__event_id=discussion.event_id,
            registration__status=Registration.Status.CONFIRMED,
            status=RegistrationOption.Status.CONFIRMED,
            option__choice_group=discussion.option_group,
        ).order_by("-option__position", "-option__pk")
        # Ordered so that, should someone hold two, the first option in the form wins.
        track_of = dict(chosen.values_list("registration_id", "option__key"))
        return [(r, track_of.get(r.pk)) for r in registrations]
    if source == GroupDiscussion.TrackSource.CATEGORY:
        return [(r, r.category.key if r.category else None) for r in registrations]
    return [(r, SINGLE_TRACK) for r in registrations]


def discussion_board(discussion: GroupDiscussion) -> Board:
    """The groups as columns per track, with their people, and who is in no group yet."""
    tracks = discussion_tracks(discussion)
    people = {r.pk: Person(r, track) for r, track in participants(discussion)}
    facilitators = set(discussion.facilitators.values_list("pk", flat=True))
    groups = list(
        discussion.groups.select_related("facilitator").prefetch_related(
            Prefetch(
                "members",
                queryset=GroupMember.objects.select_related(
                    "registration__municipality", "registration__category"
                ),
            )
        )
    )
    board_groups = []
    for group in groups:
        entry = BoardGroup(group)
        for member in group.members.all():
            person = people.pop(member.registration_id, None) or Person(
                member.registration, group.track
            )
            person.group_id = group.pk
            person.is_facilitator = member.registration_id in facilitators
            entry.people.append(person)
        counts: dict[int, int] = {}
        for person in entry.people:
            muni = person.registration.municipality_id
            if muni is not None:
                counts[muni] = counts.get(muni, 0) + 1
        for person in entry.people:
            person.shares_municipality = counts.get(person.registration.municipality_id, 0) > 1
        entry.pairs = sum(c * (c - 1) // 2 for c in counts.values())
        board_groups.append(entry)
    for person in people.values():
        person.is_facilitator = person.pk in facilitators

    by_key = {t.key: BoardTrack(t) for t in tracks}
    for entry in board_groups:
        key = entry.group.track
        if key not in by_key:  # a track that is no longer offered: still shown
            by_key[key] = BoardTrack(DiscussionTrack(key, key))
        by_key[key].groups.append(entry)
    for stats in discussion.stats.get("tracks", []):
        if stats.get("track") in by_key:
            by_key[stats["track"]].lower_bound = stats.get("lower_bound")
    unplaced = sorted(people.values(), key=lambda p: (p.track is None, p.registration.name))
    return Board(discussion, list(by_key.values()), unplaced, board_groups)


def track_labels(discussion: GroupDiscussion) -> dict[str, str]:
    return {t.key: t.label for t in discussion_tracks(discussion)}


# Allocator warnings are plain English; they are kept as codes and shown translated.
_WARNINGS = [
    (
        "too_few",
        re.compile(
            r"track (?P<track>\S+): (?P<count>\d+) participants, fewer than the minimum group"
            r" size (?P<min>\d+); they form one group"
        ),
    ),
    (
        "uneven",
        re.compile(
            r"track (?P<track>\S+): (?P<count>\d+) participants cannot be split into groups of"
            r" (?P<min>\d+) to (?P<max>\d+) with sizes differing by at most one;"
            r" using (?P<groups>\d+) groups of (?P<sizes>.+)"
        ),
    ),
    (
        "locked_size",
        re.compile(
            r"track (?P<track>\S+): locked group \"(?P<name>.*)\" has (?P<count>\d+) members,"
            r" outside (?P<min>\d+) to (?P<max>\d+)"
        ),
    ),
]


def warning_code(text: str) -> dict:
    """An allocator warning as a code and its values, or the text itself when unknown."""
    for code, pattern in _WARNINGS:
        match = pattern.fullmatch(text)
        if match:
            values = {k: int(v) if v.isdigit() else v for k, v in match.groupdict().items()}
            return {"code": code, **values}
    return {"code": "other", "text": text}


def warning_messages(
    discussion: GroupDiscussion, labels: dict[str, str] | None = None
) -> list[str]:
    """The last allocation's warnings in the active language."""
    labels = track_labels(discussion) if labels is None else labels
    messages = []
    for warning in discussion.warnings:
        code = warning.get("code")
        values = {**warning, "track": labels.get(warning.get("track"), warning.get("track"))}
        if code == "too_few":
            messages.append(
                ngettext(
                    "%(track)s: only %(count)d participant, fewer than the smallest group "
                    "(%(min)d); they form one group.",
                    "%(track)s: only %(count)d participants, fewer than the smallest group "
                    "(%(min)d); they form one group.",
                    values["count"],
                )
                % values
            )
        elif code == "uneven":
            values["sizes"] = str(values["sizes"]).replace(" and ", "/")
            messages.append(
                _(
                    "%(track)s: %(count)d participants cannot be split into groups of "
                    "%(min)d to %(max)d of nearly equal size; there are %(groups)d groups of "
                    "%(sizes)s."
                )
                % values
            )
        elif code == "locked_size":
            messages.append(
                _(
                    "%(track)s: the locked group %(name)s has %(count)d members, outside "
                    "%(min)d to %(max)d."
                )
                % values
            )
        elif code == "no_track":
            messages.append(
                ngettext(
                    "%(count)d participant has chosen no track and is in no group.",
                    "%(count)d participants have chosen no track and are in no group.",
                    values["count"],
                )
                % values
            )
        else:
            messages.append(str(warning.get("text", "")))
    return messages
