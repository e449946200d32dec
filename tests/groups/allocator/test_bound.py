import pytest

from samling.groups.allocator.bound import choose_split, municipality_bound, spread_pairs

pytestmark = pytest.mark.unit


def test_spread_pairs_counts_even_spread():
    # 7 colleagues over 3 groups: 3+2+2 -> 3+1+1 pairs
    assert spread_pairs(7, 3) == 5
    assert spread_pairs(2, 3) == 0
    assert spread_pairs(6, 1) == 15


def test_municipality_bound_sums_municipalities():
    assert municipality_bound([7, 2, 1], 3) == 5


def test_choose_split_prefers_lowest_bound():
    # 24 people, sizes 4..8: 3 to 6 groups fit; 6 colleagues need 6 groups to share none
    split = choose_split("t", 24, 4, 8, [6, 1, 1], 0)
    assert split.sizes == [4] * 6
    assert split.warning is None


def test_choose_split_takes_fewest_groups_on_a_tie():
    # nobody shares a municipality: the bound is 0 for 3..6 groups, so 3 groups of 8
    split = choose_split("t", 24, 4, 8, [1] * 24, 0)
    assert split.sizes == [8, 8, 8]


def test_choose_split_matches_facilitators_on_a_tie():
    split = choose_split("t", 24, 4, 8, [1] * 24, 5)
    assert len(split.sizes) == 5
    assert max(split.sizes) - min(split.sizes) <= 1


def test_choose_split_small_track_forms_one_group_with_warning():
    split = choose_split("rural", 3, 4, 6, [3], 0)
    assert split.sizes == [3]
    assert "one group" in split.warning


def test_choose_split_impossible_range_uses_closest_split():
    # 7 people in groups of 4-5: one group of 7 is 2 seats over, 4+3 is 1 seat under
    split = choose_split("t", 7, 4, 5, [1] * 7, 0)
    assert split.sizes == [4, 3]
    assert "7 participants" in split.warning


def test_choose_split_empty_track_has_no_groups():
    assert choose_split("t", 0, 4, 5, [], 0).sizes == []
