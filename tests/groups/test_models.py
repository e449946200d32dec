import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from samling.groups.models import DiscussionGroup, GroupDiscussion, GroupMember
from tests.factories import ItemFactory
from tests.groups.builders import discussion_with_people


@pytest.mark.unit
def test_room_list_reads_names_links_and_both():
    discussion = GroupDiscussion(
        rooms="Lokale 1\n\nhttps://teams.example/room-2\nLokale 3 https://teams.example/3\n"
    )
    assert discussion.room_list() == [
        ("Lokale 1", ""),
        ("", "https://teams.example/room-2"),
        ("Lokale 3", "https://teams.example/3"),
    ]


@pytest.mark.integration
def test_discussion_sizes_are_checked_by_the_database(db):
    discussion, _ = discussion_with_people(2)
    for min_size, max_size in ((0, 4), (5, 4)):
        discussion.min_size, discussion.max_size = min_size, max_size
        with pytest.raises(IntegrityError), transaction.atomic():
            discussion.save()


@pytest.mark.integration
def test_discussion_clean_explains_wrong_settings(db):
    discussion, _ = discussion_with_people(2)
    discussion.min_size, discussion.max_size, discussion.option_group = 5, 4, ""
    discussion.item = ItemFactory()  # an item of another event
    with pytest.raises(ValidationError) as error:
        discussion.full_clean()
    assert set(error.value.message_dict) >= {"max_size", "option_group", "item"}


@pytest.mark.integration
def test_option_group_source_needs_an_option_group_in_the_database(db):
    discussion, _ = discussion_with_people(2)
    discussion.option_group = ""
    with pytest.raises(IntegrityError), transaction.atomic():
        discussion.save()
    discussion.track_source = GroupDiscussion.TrackSource.SINGLE
    discussion.save()


@pytest.mark.integration
def test_a_person_is_in_one_group_per_discussion(db):
    discussion, registrations = discussion_with_people(2)
    first = DiscussionGroup.objects.create(discussion=discussion, name="Gruppe 1")
    second = DiscussionGroup.objects.create(discussion=discussion, name="Gruppe 2")
    GroupMember.objects.create(discussion=discussion, group=first, registration=registrations[0])
    with pytest.raises(IntegrityError), transaction.atomic():
        GroupMember.objects.create(
            discussion=discussion, group=second, registration=registrations[0]
        )


@pytest.mark.integration
def test_group_names_are_unique_within_a_discussion(db):
    discussion, _ = discussion_with_people(2)
    DiscussionGroup.objects.create(discussion=discussion, name="Gruppe 1")
    with pytest.raises(IntegrityError), transaction.atomic():
        DiscussionGroup.objects.create(discussion=discussion, name="Gruppe 1")


@pytest.mark.integration
def test_facilitator_name_prefers_the_registered_facilitator(db):
    discussion, registrations = discussion_with_people(2)
    group = DiscussionGroup(discussion=discussion, name="Gruppe 1", staff_facilitator="Kim, KL")
    assert group.facilitator_name() == "Kim, KL"
    group.facilitator = registrations[0]
    assert group.facilitator_name() == registrations[0].name
