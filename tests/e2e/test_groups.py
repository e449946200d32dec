"""An organiser allocates the KL session's group discussion, moves people and locks a group."""

import pytest
from playwright.sync_api import expect

from tests.e2e.test_public_pages import assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

EVENT = "temasession-innovation-og-udvikling-2027"


@pytest.fixture
def board_url(live_server):
    from samling.core.demo.load import load_demo
    from samling.groups.demo import create_demo_discussions

    load_demo()
    [discussion] = create_demo_discussions()
    return f"{live_server.url}/orga/events/{EVENT}/groups/{discussion.pk}/"


def log_in(page, board_url):
    page.goto(board_url)  # redirected to the log-in page, and back afterwards
    page.fill("#id_username", "organiser@kl.demo")
    page.fill("#id_password", "samling-demo")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(board_url)


def members_of(page, column):
    return column.locator(".group-member").evaluate_all(
        "items => items.map(item => item.dataset.person)"
    )


def test_organiser_allocates_and_moves_a_person(page, viewport, board_url, screenshot_dir):
    log_in(page, board_url)
    page.get_by_role("button", name="Allocate the groups").click()
    expect(page.locator(".messages")).to_contain_text("40 participants were placed in 8 groups.")
    columns = page.locator(".group-column")
    assert columns.count() == 8
    assert page.locator(".groups-track h2").all_inner_texts() == [
        "Gruppedrøftelse: innovation",
        "Gruppedrøftelse: landdistriktsindsatsen",
    ]

    # Without drag and drop: choose the new group in the person's select and save.
    first, second = columns.nth(0), columns.nth(1)
    person = members_of(page, first)[0]
    target = second.locator(".group-members").get_attribute("data-group")
    page.get_by_label(
        first.locator(".group-member__name").first.inner_text(), exact=False
    ).first.select_option(target)
    page.get_by_role("button", name="Save the moves").click()
    expect(page.locator(".messages")).to_contain_text("1 person was moved.")
    assert person in members_of(page, page.locator(".group-column").nth(1))
    assert person not in members_of(page, page.locator(".group-column").nth(0))
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    page.screenshot(path=screenshot_dir / f"groups-{viewport[0]}.png", full_page=True)
    assert_accessible(page)

    # Lock the second group; allocating again keeps it as it is.
    kept = members_of(page, page.locator(".group-column").nth(1))
    name = page.locator(".group-column__name").nth(1).inner_text()
    page.get_by_role("button", name=f"Lock {name}").click()
    page.locator(".group-column--locked").wait_for()
    page.get_by_role("button", name="Try another arrangement").click()
    expect(page.locator(".messages")).to_contain_text("40 participants were placed")
    locked = page.locator(".group-column--locked")
    assert locked.count() == 1
    assert sorted(members_of(page, locked)) == sorted(kept)


# Drag and drop is an enhancement for a mouse; on a phone the select does it (test above).
@pytest.mark.parametrize("viewport", ["desktop"], indirect=True)
def test_organiser_drags_a_person_to_another_group(page, viewport, board_url):
    log_in(page, board_url)
    page.get_by_role("button", name="Allocate the groups").click()
    expect(page.locator(".messages")).to_contain_text("placed in 8 groups")
    assert page.locator(".groups-board__drag").is_visible()
    first = page.locator(".group-column").nth(0)
    person = members_of(page, first)[0]
    source = first.locator(".group-member").first.locator(".group-member__name")
    target = page.locator(".group-column").nth(2).locator(".group-members")
    source.scroll_into_view_if_needed()
    box, goal = source.bounding_box(), target.bounding_box()
    page.mouse.move(box["x"] + 5, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + 20, box["y"] + box["height"] / 2, steps=5)
    page.mouse.move(goal["x"] + goal["width"] / 2, goal["y"] + 10, steps=10)
    page.mouse.up()
    expect(page.locator(".messages")).to_contain_text("1 person was moved.")
    where = [members_of(page, page.locator(".group-column").nth(i)) for i in range(8)]
    assert person in members_of(page, page.locator(".group-column").nth(2)), (person, where)
