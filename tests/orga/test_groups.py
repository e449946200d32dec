import csv
import io

import pytest
from django.urls import reverse

from samling.groups.demo import create_demo_discussions
from samling.groups.models import DiscussionGroup, GroupDiscussion, GroupMember
from samling.groups.services import run_allocation
from samling.programme.models import Item
from tests.factories import ItemFactory, TeamMembershipFactory
from tests.groups.builders import CHOICE, discussion_with_people

pytestmark = pytest.mark.integration


def organiser_client(client, discussion):
    membership = TeamMembershipFactory(network=discussion.event.network)
    client.force_login(membership.user)
    return client


def board_url(discussion):
    return reverse("orga:group-discussion", args=[discussion.event.slug, discussion.pk])


def all_urls(discussion, group=None):
    slug, pk = discussion.event.slug, discussion.pk
    urls = [
        reverse("orga:groups", args=[slug]),
        reverse("orga:group-discussion", args=[slug, pk]),
        reverse("orga:group-discussion-settings", args=[slug, pk]),
        reverse("orga:groups-export", args=[slug, pk, "csv"]),
    ]
    if group:
        urls.append(reverse("orga:group-edit", args=[slug, pk, group.pk]))
    return urls


def test_group_pages_need_a_login(client, db):
    discussion, _ = discussion_with_people(4)
    for url in all_urls(discussion):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/orga/login/")


def test_another_networks_discussions_do_not_leak(client, db):
    discussion, registrations = discussion_with_people(6)
    run_allocation(discussion)
    group = DiscussionGroup.objects.filter(discussion=discussion).first()
    mine, _ = discussion_with_people(2)
    organiser_client(client, mine)
    for url in all_urls(discussion, group):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"action": "allocate"}).status_code in {404, 405}, url
    # Nor through the slug of one's own event.
    for url in all_urls(discussion, group)[1:]:
        url = url.replace(discussion.event.slug, mine.event.slug)
        assert client.get(url).status_code == 404, url
    html = client.get(reverse("orga:groups", args=[mine.event.slug])).content.decode()
    assert registrations[0].name not in html
    assert (
        client.post(board_url(mine), {f"member-{registrations[0].pk}": group.pk}).status_code == 302
    )
    assert GroupMember.objects.get(registration=registrations[0]).group == group


def test_organiser_creates_a_discussion_from_a_programme_item(client, db):
    discussion, _ = discussion_with_people(4)
    event = discussion.event
    item = ItemFactory(day=discussion.item.day, kind=Item.Kind.GROUP_WORK, title="Workshop")
    organiser_client(client, discussion)
    url = reverse("orga:groups", args=[event.slug])
    html = client.get(url).content.decode()
    assert "Workshop" in html and CHOICE in html
    response = client.post(
        url,
        {
            "item": item.pk,
            "track_source": "option_group",
            "option_group": CHOICE,
            "min_size": 3,
            "max_size": 5,
            "rooms": "Lokale 1",
        },
    )
    created = GroupDiscussion.objects.get(item=item)
    assert response.status_code == 302 and response["Location"] == board_url(created)
    assert (created.event, created.min_size, created.max_size) == (event, 3, 5)


def test_creating_a_discussion_explains_wrong_input(client, db):
    discussion, _ = discussion_with_people(4)
    item = ItemFactory(day=discussion.item.day, kind=Item.Kind.GROUP_WORK)
    organiser_client(client, discussion)
    response = client.post(
        reverse("orga:groups", args=[discussion.event.slug]),
        {"item": item.pk, "track_source": "option_group", "min_size": 5, "max_size": 3},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "The largest group cannot be smaller than the smallest." in html
    assert "Choose the registration choice that gives the tracks." in html
    assert not GroupDiscussion.objects.filter(item=item).exists()


def test_one_click_gives_the_demo_session_balanced_groups(client, demo):
    [discussion] = create_demo_discussions()
    client.force_login(discussion.event.network.team_memberships.get(role="organiser").user)
    response = client.post(board_url(discussion), {"action": "allocate"}, follow=True)
    html = response.content.decode()
    assert "40 participants were placed in 8 groups." in html
    assert html.count('<section class="group-column') == 8
    assert (
        "Gruppedrøftelse: innovation" in html and "Gruppedrøftelse: landdistriktsindsatsen" in html
    )
    # Municipality and category are visible for each person.
    category = discussion.event.categories.get(key="politician").name
    assert "Aarhus" in html and category in html


def test_moves_and_locks_are_sent_with_one_form(client, db):
    discussion, registrations = discussion_with_people(12)
    run_allocation(discussion)
    organiser_client(client, discussion)
    member = GroupMember.objects.filter(discussion=discussion).select_related("group").first()
    target = DiscussionGroup.objects.filter(discussion=discussion).exclude(pk=member.group_id)[0]
    response = client.post(
        board_url(discussion),
        {f"member-{member.registration_id}": target.pk, "lock": target.pk},
        follow=True,
    )
    html = response.content.decode()
    assert "1 person was moved." in html and f"{target.name} is locked." in html
    target.refresh_from_db()
    assert target.locked
    assert GroupMember.objects.get(pk=member.pk).group == target
    client.post(board_url(discussion), {"action": "allocate"})
    assert GroupMember.objects.get(pk=member.pk).group == target
    client.post(
        board_url(discussion), {"unlock": target.pk, f"member-{member.registration_id}": "none"}
    )
    target.refresh_from_db()
    assert not target.locked
    assert not GroupMember.objects.filter(pk=member.pk).exists()


def test_a_move_to_an_unknown_group_is_ignored(client, db):
    discussion, _ = discussion_with_people(6)
    other, _ = discussion_with_people(6)
    run_allocation(discussion)
    run_allocation(other)
    foreign = DiscussionGroup.objects.filter(discussion=other).first()
    member = GroupMember.objects.filter(discussion=discussion).first()
    organiser_client(client, discussion)
    client.post(board_url(discussion), {f"member-{member.registration_id}": foreign.pk})
    assert GroupMember.objects.get(pk=member.pk).group.discussion == discussion


def test_sharing_with_participants(client, db):
    discussion, _ = discussion_with_people(6)
    run_allocation(discussion)
    organiser_client(client, discussion)
    client.post(board_url(discussion), {"action": "share"})
    discussion.refresh_from_db()
    assert discussion.is_shared
    client.post(board_url(discussion), {"action": "unshare"})
    discussion.refresh_from_db()
    assert not discussion.is_shared


def test_settings_choose_facilitators_among_the_participants(client, db):
    discussion, registrations = discussion_with_people(8)
    outsider, strangers = discussion_with_people(2)
    organiser_client(client, discussion)
    url = reverse("orga:group-discussion-settings", args=[discussion.event.slug, discussion.pk])
    html = client.get(url).content.decode()
    assert registrations[0].name in html and strangers[0].name not in html
    data = {
        "track_source": "single",
        "min_size": 2,
        "max_size": 3,
        "rooms": "",
        "seed": 4,
        "facilitators": [registrations[0].pk, registrations[1].pk],
    }
    assert client.post(url, data).status_code == 302
    discussion.refresh_from_db()
    assert set(discussion.facilitators.all()) == set(registrations[:2])
    assert (discussion.track_source, discussion.option_group) == ("single", "")
    data["facilitators"] = [strangers[0].pk]
    assert client.post(url, data).status_code == 200


def test_group_edit_sets_room_and_facilitator(client, db):
    discussion, _ = discussion_with_people(6, tracks=("a",))
    run_allocation(discussion)
    group = DiscussionGroup.objects.filter(discussion=discussion).first()
    member = group.members.first()
    organiser_client(client, discussion)
    url = reverse("orga:group-edit", args=[discussion.event.slug, discussion.pk, group.pk])
    response = client.post(
        url,
        {
            "room": "Lokale 2.14",
            "online_link": "https://teams.example/b",
            "facilitator": member.registration_id,
            "staff_facilitator": "",
            "case_presenter": "Anne Berg",
        },
    )
    assert response.status_code == 302
    group.refresh_from_db()
    assert (group.room, group.facilitator_id) == ("Lokale 2.14", member.registration_id)
    html = client.get(board_url(discussion)).content.decode()
    assert "Lokale 2.14" in html and "Anne Berg" in html


def test_exports_list_everyone_by_group(client, db):
    discussion, registrations = discussion_with_people(8)
    run_allocation(discussion)
    organiser_client(client, discussion)
    slug, pk = discussion.event.slug, discussion.pk
    response = client.get(reverse("orga:groups-export", args=[slug, pk, "csv"]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Cache-Control"] == "private, no-store"
    assert f"{slug}-{pk}-groups.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:2] == ["Track", "Group"]
    assert sorted(row[5] for row in rows[1:]) == sorted(r.name for r in registrations)

    from openpyxl import load_workbook

    response = client.get(reverse("orga:groups-export", args=[slug, pk, "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == 9

    response = client.get(reverse("orga:groups-export", args=[slug, pk, "pdf"]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert client.get(reverse("orga:groups-export", args=[slug, pk, "doc"])).status_code == 404


def test_a_formula_in_a_name_is_not_a_formula_in_the_csv(client, db):
    discussion, registrations = discussion_with_people(4, tracks=("a",))
    registrations[0].name = "=HYPERLINK(1)"
    registrations[0].save()
    run_allocation(discussion)
    organiser_client(client, discussion)
    url = reverse("orga:groups-export", args=[discussion.event.slug, discussion.pk, "csv"])
    assert "'=HYPERLINK(1)" in client.get(url).content.decode("utf-8-sig")


@pytest.mark.parametrize("rows", [1, 3])
def test_discussion_list_query_count_does_not_grow(client, db, rows, django_assert_max_num_queries):
    discussion, _ = discussion_with_people(4)
    for _ in range(rows - 1):
        ItemFactory(day=discussion.item.day, kind=Item.Kind.GROUP_WORK)
        GroupDiscussion.objects.create(
            event=discussion.event,
            item=Item.objects.filter(day=discussion.item.day).last(),
            track_source="single",
        )
    organiser_client(client, discussion)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("orga:groups", args=[discussion.event.slug]))
    assert response.content.decode().count("<tr>") == rows + 1


@pytest.mark.parametrize("rows", [1, 3])
def test_board_query_count_does_not_grow(client, db, rows, django_assert_max_num_queries):
    discussion, _ = discussion_with_people(rows * 4, tracks=("a",), min_size=4, max_size=4)
    discussion.facilitators.set(discussion.event.registrations.all()[:rows])
    run_allocation(discussion)
    assert DiscussionGroup.objects.filter(discussion=discussion).count() == rows
    organiser_client(client, discussion)
    with django_assert_max_num_queries(14):
        response = client.get(board_url(discussion))
    assert response.content.decode().count('<section class="group-column') == rows


def test_organiser_mails_each_participant_their_group(
    client, db, django_capture_on_commit_callbacks
):
    from django.core import mail

    from samling.groups.services import run_allocation, set_shared

    discussion, people = discussion_with_people(6)
    membership = TeamMembershipFactory(network=discussion.event.network)
    client.force_login(membership.user)
    run_allocation(discussion)
    url = reverse("orga:group-discussion", args=[discussion.event.slug, discussion.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "send"})
    assert mail.outbox == []  # not shown to participants yet: nothing is sent
    set_shared(discussion, True)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "send"})
    assert len(mail.outbox) == len(people)
    assert all("Group" in message.body or "Gruppe" in message.body for message in mail.outbox)
