"""First allocation of one track: deal municipalities out so the pair bound is reached.

Municipalities are dealt largest first. A municipality of c = q*g + r members puts q in
every group and one more in r groups, and those r always go to groups with the most seats
left. Seats left then never differ by more than one between groups (two "levels"), and by
the Gale-Ryser argument the extras of every later municipality still fit, so each
municipality ends up spread as evenly as possible: the pair count equals the lower bound
in bound.py.

Within that rule the deal may choose among groups on the same level and decide which
member takes which seat; it uses that freedom for facilitators and categories and leaves
the rest to the local search in improve.py. Choices look at a window of groups rather than
all of them, so a track of thousands of people in pairs still deals in O(n log n).
"""

from random import Random

WINDOW = 24  # groups compared when choosing where a municipality's extra members go


class _Level:
    """A set of group indices with O(1) add, remove and random access (order is arbitrary)."""

    def __init__(self, items: list[int]):
        self.items = list(items)
        self.where = {item: index for index, item in enumerate(self.items)}

    def __len__(self) -> int:
        return len(self.items)

    def add(self, item: int) -> None:
        self.where[item] = len(self.items)
        self.items.append(item)

    def remove(self, item: int) -> None:
        index = self.where.pop(item)
        last = self.items.pop()
        if last != item:
            self.items[index] = last
            self.where[last] = index


def deal(
    municipality: list[int],
    category: list[int],
    facilitator: list[bool],
    sizes: list[int],
    category_count: int,
    rng: Random,
) -> list[int]:
    """Return a group index for each participant (all lists are indexed by participant)."""
    groups = len(sizes)
    n = len(municipality)
    if groups <= 1:
        return [0] * n
    blocks: dict[int, list[int]] = {}
    for person, muni in enumerate(municipality):
        # without a municipality a person is never part of a pair: a block of one
        blocks.setdefault(muni if muni >= 0 else -1 - person, []).append(person)
    # largest first; among equal sizes blocks with facilitators first, so they still find
    # groups without one, and then by category so singles of one kind spread together
    ordered = sorted(
        blocks.values(),
        key=lambda members: (
            -len(members),
            not any(facilitator[i] for i in members),
            category[members[0]],
        ),
    )
    facilitators = [0] * groups
    categories = [[0] * category_count for _ in range(groups)]
    # the groups with the most seats left, and those with one fewer (sizes: larger first)
    high = _Level([g for g in range(groups) if sizes[g] == sizes[0]])
    low = _Level([g for g in range(groups) if sizes[g] < sizes[0]])
    assignment = [0] * n

    def pick(level: _Level, count: int, key) -> list[int]:
        if count >= len(level):
            return list(level.items)
        start = rng.randrange(len(level))
        window = [
            level.items[(start + i) % len(level)] for i in range(min(len(level), count + WINDOW))
        ]
        return sorted(window, key=key)[:count]

    for members in ordered:
        q, r = divmod(len(members), groups)
        slots: dict[int, int] = {}
        if q:
            slots = dict.fromkeys(range(groups), q)
        if r:
            has_facilitator = any(facilitator[i] for i in members)
            kinds = {category[i] for i in members}

            def preference(g: int, has_facilitator=has_facilitator, kinds=kinds) -> tuple:
                return (
                    facilitators[g] if has_facilitator else 0,
                    sum(categories[g][k] for k in kinds),
                )

            chosen = pick(high, r, preference)
            if r > len(chosen):
                # every high group takes one; the rest go to groups of the level below, which
                # then sink a further level while the others form the new high level
                rest = low
                more = pick(rest, r - len(chosen), preference)
                for g in more:
                    rest.remove(g)
                for g in chosen:
                    rest.add(g)
                high, low = rest, _Level(more)
                chosen += more
            else:
                for g in chosen:
                    high.remove(g)
                    low.add(g)
                if not len(high):
                    high, low = low, _Level([])
            for g in chosen:
                slots[g] = slots.get(g, 0) + 1
        _seat(members, slots, facilitator, category, facilitators, categories, assignment, rng)
    return assignment


def _seat(members, slots, facilitator, category, facilitators, categories, assignment, rng):
    """Give a block's members its slots: facilitators to the groups with fewest facilitators,
    then each category to the groups with fewest of it (the k-th seat of a group counts as k
    more, so a block's members still spread over its groups)."""
    seats = [(g, copy) for g, count in slots.items() for copy in range(count)]
    tiebreak = {g: rng.random() for g in slots}

    def take(people: list[int], score) -> None:
        nonlocal seats
        ranked = sorted(seats, key=lambda seat: (score(seat[0]) + seat[1], tiebreak[seat[0]]))
        for person, (g, _copy) in zip(people, ranked, strict=False):
            assignment[person] = g
            categories[g][category[person]] += 1
            facilitators[g] += facilitator[person]
        seats = _renumber(ranked[len(people) :])

    leads = [i for i in members if facilitator[i]]
    if leads:
        take(leads, facilitators.__getitem__)
    by_kind: dict[int, list[int]] = {}
    for i in members:
        if not facilitator[i]:
            by_kind.setdefault(category[i], []).append(i)
    for kind, people in sorted(by_kind.items(), key=lambda item: -len(item[1])):
        take(people, lambda g, kind=kind: categories[g][kind])


def _renumber(rest: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Copies left per group, renumbered from 0 so the next ranking sees them afresh."""
    left: dict[int, int] = {}
    for g, _copy in rest:
        left[g] = left.get(g, 0) + 1
    return [(g, copy) for g, count in left.items() for copy in range(count)]
