"""Group sizes per track and the lower bound on same-municipality pairs.

The bound: c colleagues spread over g groups share a group least often when every group gets
q or q+1 of them (c = q*g + r), which makes r*C(q+1,2) + (g-r)*C(q,2) pairs. Summed over
municipalities it is the least any allocation into g groups can reach, and the deal in
construct.py always reaches it (see there), so the bound is also what we aim for.
"""

from collections.abc import Iterable
from dataclasses import dataclass


def pair_count(count: int) -> int:
    return count * (count - 1) // 2


def spread_pairs(count: int, groups: int) -> int:
    """Fewest pairs when `count` colleagues are spread over `groups` groups."""
    q, r = divmod(count, groups)
    return r * pair_count(q + 1) + (groups - r) * pair_count(q)


def municipality_bound(counts: Iterable[int], groups: int) -> int:
    return sum(spread_pairs(count, groups) for count in counts) if groups else 0


def even_sizes(n: int, groups: int) -> list[int]:
    """Sizes differing by at most one, larger groups first."""
    if groups == 0:
        return []
    q, r = divmod(n, groups)
    return [q + 1] * r + [q] * (groups - r)


@dataclass(frozen=True)
class Split:
    sizes: list[int]
    warning: str | None = None


def _describe_sizes(sizes: list[int]) -> str:
    distinct = sorted(set(sizes), reverse=True)
    return " and ".join(str(size) for size in distinct)


def _out_of_range(sizes: list[int], min_size: int, max_size: int) -> int:
    """How many seats lie outside [min_size, max_size], summed over groups."""
    return sum(max(0, size - max_size) + max(0, min_size - size) for size in sizes)


def choose_split(
    track: str,
    n: int,
    min_size: int,
    max_size: int,
    municipality_counts: list[int],
    facilitators: int,
) -> Split:
    """Pick the number of groups for n participants and return their sizes.

    Rule: among the group counts whose sizes fit [min_size, max_size], take those with the
    lowest same-municipality bound (more groups never raise it); among those, the count
    closest to the number of facilitators (one per group is what organisers plan for), and
    otherwise the fewest groups (fewer rooms and facilitators at no cost to rule 1).
    When no count fits, take the one with the fewest seats outside the range (ties: more,
    smaller groups, since a room rarely has space for extra chairs) and say so in a warning.
    """
    if n == 0:
        return Split([])
    if n < min_size:
        return Split(
            [n],
            f"track {track}: {n} participants, fewer than the minimum group size {min_size};"
            " they form one group",
        )
    fewest = -(-n // max_size)
    most = n // min_size
    if fewest > most:
        # here most + 1 == fewest: the two neighbouring counts are the closest splits
        candidates = [even_sizes(n, most + 1), even_sizes(n, most)]
        sizes = min(candidates, key=lambda sizes: _out_of_range(sizes, min_size, max_size))
        return Split(
            sizes,
            f"track {track}: {n} participants cannot be split into groups of"
            f" {min_size} to {max_size} with sizes differing by at most one;"
            f" using {len(sizes)} groups of {_describe_sizes(sizes)}",
        )
    best = municipality_bound(municipality_counts, most)
    # the bound is non-increasing in the number of groups: binary-search where it reaches best
    low, high = fewest, most
    while low < high:
        middle = (low + high) // 2
        if municipality_bound(municipality_counts, middle) == best:
            high = middle
        else:
            low = middle + 1
    groups = min(max(facilitators, low), most) if facilitators else low
    return Split(even_sizes(n, groups))
