import pytest
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string

from samling.groups.demo import create_demo_discussions
from samling.groups.models import DiscussionGroup, GroupDiscussion, GroupMember
from samling.groups.queries import discussion_board, participants, warning_messages
from samling.groups.services import (
    group_for_registration,
    group_message_text,
    move_member,
    run_allocation,
    set_locked,
    set_shared,
)
from samling.registration.services import cancel_registration
from tests.groups.builders import discussion_with_people

pytestmark = pytest.mark.integration


def assert_hard_rules(discussion):
    """Checked on the stored rows: one group each, own track, sizes, facilitators spread.

    Locked groups are the organiser's: only the groups made around them follow size rules.
    """
    discussion.refresh_from_db()
    track_of = {r.pk: track for r, track in participants(discussion) if track}
    members = list(GroupMember.objects.filter(discussion=discussion).select_related("group"))
    placed = [m.registration_id for m in members]
    assert sorted(placed) == sorted(track_of), "everyone with a track is in exactly one group"
    facilitators = set(discussion.facilitators.values_list("pk", flat=True))
    by_track = {}
    for member in members:
        assert member.group.discussion_id == discussion.pk
        assert member.group.track == track_of[member.registration_id]
        groups = by_track.setdefault(member.group.track, {})
        groups.setdefault(member.group_id, []).append(member.registration_id)
    locked = set(DiscussionGroup.objects.filter(locked=True).values_list("pk", flat=True))
    for all_groups in by_track.values():
        groups = {pk: people for pk, people in all_groups.items() if pk not in locked}
        if not groups:
            continue
        sizes = [len(people) for people in groups.values()]
        people = sum(sizes)
        if people >= discussion.min_size:
            assert all(discussion.min_size <= s <= discussion.max_size for s in sizes), sizes
        assert max(sizes) - min(sizes) <= 1, sizes
        spread = [len(facilitators.intersection(people)) for people in groups.values()]
        assert max(spread) - min(spread) <= 1, spread
    return by_track


def test_demo_session_gets_balanced_groups_in_both_tracks_from_one_click(demo):
    [discussion] = create_demo_discussions()
    result = run_allocation(discussion)
    by_track = assert_hard_rules(discussion)
    assert set(by_track) == {"spor-innovation", "spor-landdistrikter"}
    assert sum(len(people) for groups in by_track.values() for people in groups.values()) == 40
    stats = result["stats"]
    assert stats["same_municipality_pairs"] == stats["lower_bound"]
    assert discussion_board(discussion).pairs == stats["lower_bound"]
    assert result["unplaced"] == []


def test_create_demo_discussions_is_idempotent(demo):
    first = create_demo_discussions()
    assert create_demo_discussions() == first
    assert GroupDiscussion.objects.count() == 1
    discussion = first[0]
    assert discussion.item.title == "Gruppedrøftelse med konkrete erfaringer"
    assert (discussion.min_size, discussion.max_size) == (4, 6)
    assert discussion.option_group == "Gruppedrøftelse – vælg spor"


def test_hard_rules_hold_with_facilitators_and_a_single_track(db):
    discussion, registrations = discussion_with_people(17, tracks=("alle",), municipalities=3)
    discussion.facilitators.set(registrations[:5])
    run_allocation(discussion)
    by_track = assert_hard_rules(discussion)
    [groups] = by_track.values()
    assert len(groups) == 5  # one per facilitator: 17 people in groups of 3 or 4
    for group in DiscussionGroup.objects.filter(discussion=discussion):
        assert group.facilitator_id in {r.pk for r in registrations[:5]}


@pytest.mark.parametrize("source", ["category", "single"])
def test_tracks_from_the_category_or_one_track(db, source):
    discussion, registrations = discussion_with_people(12)
    discussion.track_source = source
    discussion.save()
    run_allocation(discussion)
    by_track = assert_hard_rules(discussion)
    expected = {"politician", "official"} if source == "category" else {"all"}
    assert set(by_track) == expected


def test_registrants_without_a_track_stay_in_no_group_with_a_warning(db):
    discussion, registrations = discussion_with_people(9, tracks=())
    discussion.option_group = "Vælg spor"
    result = run_allocation(discussion)
    assert len(result["unplaced"]) == 9
    discussion.refresh_from_db()
    assert discussion.warnings == [{"code": "no_track", "count": 9}]
    assert warning_messages(discussion) == [
        "9 participants have chosen no track and are in no group."
    ]
    assert len(discussion_board(discussion).unplaced) == 9


def test_allocator_warnings_are_kept_as_codes_and_shown_translated(db):
    discussion, _ = discussion_with_people(7, tracks=("solo",), min_size=4, max_size=5)
    run_allocation(discussion)
    discussion.refresh_from_db()
    [warning] = discussion.warnings
    assert warning["code"] == "uneven"
    [message] = warning_messages(discussion)
    assert message.startswith("Spor: solo: 7 participants cannot be split")


def test_locked_groups_are_kept_when_allocating_again(db):
    discussion, _ = discussion_with_people(20, municipalities=6)
    run_allocation(discussion)
    kept = DiscussionGroup.objects.filter(discussion=discussion).first()
    kept_members = set(kept.members.values_list("registration_id", flat=True))
    set_locked(kept, True)
    for seed in (1, 2, 3):
        run_allocation(discussion, seed=seed)
        kept.refresh_from_db()
        assert kept.locked
        assert set(kept.members.values_list("registration_id", flat=True)) == kept_members
        assert_hard_rules(discussion)
    names = list(
        DiscussionGroup.objects.filter(discussion=discussion).values_list("name", flat=True)
    )
    assert len(names) == len(set(names))
    assert discussion.seed == 3


def test_allocating_without_locks_starts_afresh(db):
    discussion, _ = discussion_with_people(12)
    run_allocation(discussion)
    group = DiscussionGroup.objects.filter(discussion=discussion).first()
    set_locked(group, True)
    run_allocation(discussion, keep_locked=False)
    assert not DiscussionGroup.objects.filter(pk=group.pk).exists()
    assert not DiscussionGroup.objects.filter(discussion=discussion, locked=True).exists()
    assert_hard_rules(discussion)


def test_a_cancelled_registrant_leaves_even_a_locked_group(db):
    discussion, registrations = discussion_with_people(12)
    run_allocation(discussion)
    member = GroupMember.objects.filter(discussion=discussion).select_related("group").first()
    set_locked(member.group, True)
    cancel_registration(member.registration)
    run_allocation(discussion)
    assert not GroupMember.objects.filter(registration=member.registration).exists()
    assert_hard_rules(discussion)


def test_rooms_are_handed_out_in_order_and_a_locked_groups_room_is_not_reused(db):
    discussion, _ = discussion_with_people(12, tracks=("a",), min_size=4, max_size=4)
    discussion.rooms = "Lokale 1\nLokale 2 https://teams.example/2\nLokale 3\nLokale 4"
    discussion.save()
    run_allocation(discussion)
    groups = list(DiscussionGroup.objects.filter(discussion=discussion))
    assert [(g.room, g.online_link) for g in groups] == [
        ("Lokale 1", ""),
        ("Lokale 2", "https://teams.example/2"),
        ("Lokale 3", ""),
    ]
    set_locked(groups[1], True)
    run_allocation(discussion, seed=5)
    rooms = sorted(
        DiscussionGroup.objects.filter(discussion=discussion).values_list("room", flat=True)
    )
    assert rooms == ["Lokale 1", "Lokale 2", "Lokale 3"]


def test_move_member_between_groups_and_out_of_them(db):
    discussion, registrations = discussion_with_people(12)
    run_allocation(discussion)
    member = GroupMember.objects.filter(discussion=discussion).select_related("group").first()
    target = (
        DiscussionGroup.objects.filter(discussion=discussion).exclude(pk=member.group_id).first()
    )
    move_member(discussion, member.registration, target)
    assert GroupMember.objects.get(registration=member.registration).group == target
    move_member(discussion, member.registration, None)
    assert not GroupMember.objects.filter(registration=member.registration).exists()
    assert member.registration.pk in {p.pk for p in discussion_board(discussion).unplaced}
    move_member(discussion, member.registration, target)
    assert GroupMember.objects.get(registration=member.registration).discussion == discussion


def test_moving_a_facilitator_keeps_both_groups_facilitated(db):
    discussion, registrations = discussion_with_people(12, tracks=("a",), min_size=4, max_size=4)
    discussion.facilitators.set(registrations[:4])
    run_allocation(discussion)
    groups = list(DiscussionGroup.objects.filter(discussion=discussion))
    donor = next(
        g for g in groups if g.members.filter(registration__in=registrations[:4]).count() == 2
    )
    receiver = next(g for g in groups if g != donor)
    leaving = donor.facilitator
    receiver.facilitator = None
    receiver.save()
    move_member(discussion, leaving, receiver)
    donor.refresh_from_db()
    receiver.refresh_from_db()
    assert receiver.facilitator == leaving
    assert donor.facilitator is not None and donor.facilitator != leaving


def test_move_member_refuses_other_discussions_and_events(db):
    discussion, registrations = discussion_with_people(6)
    other, strangers = discussion_with_people(6)
    run_allocation(discussion)
    run_allocation(other)
    foreign_group = DiscussionGroup.objects.filter(discussion=other).first()
    with pytest.raises(ValidationError):
        move_member(discussion, registrations[0], foreign_group)
    own_group = DiscussionGroup.objects.filter(discussion=discussion).first()
    with pytest.raises(ValidationError):
        move_member(discussion, strangers[0], own_group)


def test_participants_see_their_group_only_when_it_is_shared(db):
    discussion, registrations = discussion_with_people(8, tracks=("a",), min_size=4, max_size=4)
    discussion.rooms = "Lokale 7 https://teams.example/7\nLokale 8 https://teams.example/8"
    discussion.save()
    run_allocation(discussion)
    registration = registrations[0]
    assert group_for_registration(registration) == []
    assert group_message_text(registration) == ""
    set_shared(discussion, True)
    group = DiscussionGroup.objects.get(members__registration=registration)
    group.staff_facilitator = "Kim Hansen, KL"
    group.case_presenter = "Anne Berg, Vejle Kommune"
    group.save()
    [(shown_discussion, shown_group)] = group_for_registration(registration)
    assert (shown_discussion, shown_group) == (discussion, group)
    text = group_message_text(registration)
    for part in (
        "Gruppedrøftelse",
        group.name,
        group.room,
        group.online_link,
        "Kim Hansen, KL",
        "Anne Berg, Vejle Kommune",
    ):
        assert part in text
    html = render_to_string(
        "public/includes/registration_groups.html",
        {"groups": group_for_registration(registration)},
    )
    assert group.name in html and f'href="{group.online_link}"' in html
    cancel_registration(registration)
    registration.refresh_from_db()
    assert group_for_registration(registration) == []


def test_the_include_renders_without_a_query_per_group(db, django_assert_num_queries):
    discussion, registrations = discussion_with_people(8, tracks=("a",), min_size=4, max_size=4)
    run_allocation(discussion)
    set_shared(discussion, True)
    with django_assert_num_queries(1):
        groups = group_for_registration(registrations[0])
        render_to_string("public/includes/registration_groups.html", {"groups": groups})
    assert (
        render_to_string("public/includes/registration_groups.html", {"groups": []}).strip() == ""
    )
