"""Local search over swaps inside one track.

A swap exchanges two participants of different groups, so group sizes never change. The
cost is lexicographic - municipality pairs, then category imbalance, then broken apart/
together requests - encoded as one integer with weights large enough that a lower rule can
never pay for a higher one. Facilitator counts are a hard band (every group has
floor(F/g) or ceil(F/g)): swaps that would leave it are refused.

The search is bounded by a number of evaluated swaps, not by wall-clock time, so the same
input and seed always give the same groups.
"""

from random import Random

from .bound import pair_count

STALE_KICKS = 20


class TrackSearch:
    def __init__(
        self,
        municipality: list[int],
        category: list[int],
        facilitator: list[bool],
        assignment: list[int],
        sizes: list[int],
        category_count: int,
        links: list[list[tuple[int, int]]],
        rng: Random,
    ):
        self.municipality = municipality
        self.category = category
        self.facilitator = facilitator
        self.links = links  # per person: (partner, +1 for apart / -1 for together)
        self.rng = rng
        n, groups = len(municipality), len(sizes)
        self.n, self.groups, self.category_count = n, groups, category_count
        muni_total = [0] * (max(municipality, default=-1) + 1)
        cat_total = [0] * category_count
        self.cat_members: list[list[int]] = [[] for _ in range(category_count)]
        for person in range(n):
            if municipality[person] >= 0:
                muni_total[municipality[person]] += 1
            cat_total[category[person]] += 1
            self.cat_members[category[person]].append(person)
        # even shares: every group should hold low or high of each municipality and category
        self.muni_low = [total // groups for total in muni_total]
        self.muni_high = [-(-total // groups) for total in muni_total]
        self.cat_low = [total // groups for total in cat_total]
        self.cat_high = [-(-total // groups) for total in cat_total]
        fac_total = sum(facilitator)
        self.fac_low, self.fac_high = fac_total // groups, -(-fac_total // groups)
        # penalty[k][c]: seats outside the even band when a group holds c of category k
        top = max(sizes, default=0) + 2
        self.penalty = [
            [max(0, c - high) + max(0, low - c) for c in range(top)]
            for low, high in zip(self.cat_low, self.cat_high, strict=True)
        ]
        link_count = sum(len(items) for items in links) // 2
        self.weight_cat = link_count + 1
        self.weight_muni = self.weight_cat * (2 * n + 1)
        self._load(assignment)

    def _load(self, assignment: list[int]) -> None:
        """Take an assignment and rebuild every count from it."""
        self.group = assignment
        self.members: list[list[int]] = [[] for _ in range(self.groups)]
        self.position = [0] * self.n
        # dicts, not a table: a track may have thousands of groups and of municipalities
        self.muni_in: list[dict[int, int]] = [{} for _ in range(self.groups)]
        self.cat_in = [[0] * self.category_count for _ in range(self.groups)]
        self.fac_in = [0] * self.groups
        for person in range(self.n):
            g = assignment[person]
            self.position[person] = len(self.members[g])
            self.members[g].append(person)
            m = self.municipality[person]
            if m >= 0:
                self.muni_in[g][m] = self.muni_in[g].get(m, 0) + 1
            self.cat_in[g][self.category[person]] += 1
            self.fac_in[g] += self.facilitator[person]
        self.pairs = sum(pair_count(c) for counts in self.muni_in for c in counts.values())
        self.imbalance = sum(
            self.penalty[k][c] for counts in self.cat_in for k, c in enumerate(counts)
        )
        self.broken = sum(self._broken(person) for person in range(self.n)) // 2

    # --- cost bookkeeping -------------------------------------------------------------
    def _broken(self, person: int) -> int:
        group = self.group
        mine = group[person]
        return sum(
            (group[partner] == mine) if sign > 0 else (group[partner] != mine)
            for partner, sign in self.links[person]
        )

    def cost(self) -> int:
        return self.pairs * self.weight_muni + self.imbalance * self.weight_cat + self.broken

    def swap_delta(self, a: int, b: int, keep_band: bool = True) -> int | None:
        """Change in cost if a and b swap groups; None if the swap breaks a hard rule."""
        group = self.group
        x, y = group[a], group[b]
        if keep_band and self.facilitator[a] != self.facilitator[b]:
            giver, taker = (x, y) if self.facilitator[a] else (y, x)
            if self.fac_in[giver] - 1 < self.fac_low or self.fac_in[taker] + 1 > self.fac_high:
                return None
        delta = 0
        ma, mb = self.municipality[a], self.municipality[b]
        if ma != mb:
            in_x, in_y = self.muni_in[x], self.muni_in[y]
            pairs = 0
            if ma >= 0:
                pairs += in_y.get(ma, 0) - in_x[ma] + 1
            if mb >= 0:
                pairs += in_x.get(mb, 0) - in_y[mb] + 1
            delta += pairs * self.weight_muni
        ka, kb = self.category[a], self.category[b]
        if ka != kb:
            in_x, in_y = self.cat_in[x], self.cat_in[y]
            pa, pb = self.penalty[ka], self.penalty[kb]
            delta += self.weight_cat * (
                pa[in_x[ka] - 1]
                - pa[in_x[ka]]
                + pa[in_y[ka] + 1]
                - pa[in_y[ka]]
                + pb[in_y[kb] - 1]
                - pb[in_y[kb]]
                + pb[in_x[kb] + 1]
                - pb[in_x[kb]]
            )
        for partner, sign in self.links[a]:
            if partner != b:
                where = group[partner]
                delta += sign * ((where == y) - (where == x))
        for partner, sign in self.links[b]:
            if partner != a:
                where = group[partner]
                delta += sign * ((where == x) - (where == y))
        return delta

    def swap(self, a: int, b: int, delta: int) -> None:
        x, y = self.group[a], self.group[b]
        ma, mb = self.municipality[a], self.municipality[b]
        ka, kb = self.category[a], self.category[b]
        cost = self.cost() + delta
        for person, source, target, muni, cat in ((a, x, y, ma, ka), (b, y, x, mb, kb)):
            if muni >= 0:
                self.muni_in[source][muni] -= 1
                self.muni_in[target][muni] = self.muni_in[target].get(muni, 0) + 1
            self.cat_in[source][cat] -= 1
            self.cat_in[target][cat] += 1
            self.fac_in[source] -= self.facilitator[person]
            self.fac_in[target] += self.facilitator[person]
        pa, pb = self.position[a], self.position[b]
        self.members[x][pa], self.members[y][pb] = b, a
        self.position[a], self.position[b] = pb, pa
        self.group[a], self.group[b] = y, x
        self.pairs, rest = divmod(cost, self.weight_muni)
        self.imbalance, self.broken = divmod(rest, self.weight_cat)

    # --- hard rule: facilitators ---------------------------------------------------------
    def spread_facilitators(self) -> None:
        """Move facilitators from the fullest to the emptiest group until counts are even."""
        fac_in = self.fac_in
        while True:
            most = max(range(self.groups), key=fac_in.__getitem__)
            least = min(range(self.groups), key=fac_in.__getitem__)
            if fac_in[most] - fac_in[least] <= 1:
                return
            best = None
            for a in self.members[most]:
                if not self.facilitator[a]:
                    continue
                for b in self.members[least]:
                    if self.facilitator[b]:
                        continue
                    delta = self.swap_delta(a, b, keep_band=False)
                    if best is None or delta < best[0]:
                        best = (delta, a, b)
            # the emptier group always has a non-facilitator (sizes differ by at most one)
            delta, a, b = best
            self.swap(a, b, delta)

    # --- soft rules ----------------------------------------------------------------------
    def floor_reached(self, pair_bound: int) -> bool:
        return self.pairs <= pair_bound and self.imbalance == 0 and self.broken == 0

    def _troubled(self) -> list[int]:
        """People whose own group makes them part of some cost: the places to start a swap."""
        # a municipality is short somewhere if fewer than all groups hold its even share
        covered = [0] * len(self.muni_low)
        for counts in self.muni_in:
            for m, c in counts.items():
                if c >= self.muni_low[m]:
                    covered[m] += 1
        short_muni = [
            low > 0 and count < self.groups
            for low, count in zip(self.muni_low, covered, strict=True)
        ]
        needed = [(k, low) for k, low in enumerate(self.cat_low) if low > 0]
        short = [any(counts[k] < low for k, low in needed) for counts in self.cat_in]
        troubled = []
        for person in range(self.n):
            g = self.group[person]
            m = self.municipality[person]
            if m >= 0:
                c = self.muni_in[g][m]
                if c > self.muni_high[m] or (c == self.muni_high[m] and short_muni[m]):
                    troubled.append(person)
                    continue
            k = self.category[person]
            c = self.cat_in[g][k]
            if (
                c > self.cat_high[k]
                or (short[g] and c > self.cat_low[k])
                or self.links[person]
                and self._broken(person)
            ):
                troubled.append(person)
        return troubled

    def _candidates(self, a: int) -> list[int]:
        """Swap partners worth trying for a: where a would fit better, plus a random few."""
        rng, group, members = self.rng, self.group, self.members
        x = group[a]
        found: list[int] = []
        m = self.municipality[a]
        if m >= 0:
            c = self.muni_in[x][m]
            roomy = [g for g in self._some_groups() if self.muni_in[g].get(m, 0) <= c - 2]
            for g in rng.sample(roomy, min(2, len(roomy))):
                found.extend(self._some(members[g]))
        k = self.category[a]
        c = self.cat_in[x][k]
        if c > self.cat_low[k]:
            roomy = [g for g in self._some_groups() if self.cat_in[g][k] < self.cat_high[k]]
            for g in rng.sample(roomy, min(2, len(roomy))):
                found.extend(self._some(members[g]))
            for wanted, (have, low) in enumerate(zip(self.cat_in[x], self.cat_low, strict=True)):
                if have < low:
                    pool = self.cat_members[wanted]
                    found.extend(rng.sample(pool, min(8, len(pool))))
        for partner, sign in self.links[a]:
            if sign < 0 and group[partner] != x:
                found.extend(self._some(members[group[partner]]))
        found.extend(rng.randrange(self.n) for _ in range(8))
        return found

    def _some_groups(self, most: int = 48) -> range | list[int]:
        return (
            range(self.groups) if self.groups <= most else self.rng.sample(range(self.groups), most)
        )

    def _some(self, people: list[int], most: int = 12) -> list[int]:
        """All of a small group, a sample of a large one (tracks may have huge groups)."""
        return people if len(people) <= most else self.rng.sample(people, most)

    def run(self, budget: int, pair_bound: int) -> None:
        """Descend, and when stuck kick a few requests loose and descend again; keep the best.

        The budget counts evaluated swaps. Kicks only make moves that leave municipality
        pairs and categories as they are, so they explore arrangements of the requests.
        """
        best_cost, best = self.cost(), list(self.group)
        stale = 0  # kicks since the last new best: some requests can never all be met
        while budget > 0 and stale < STALE_KICKS:
            budget = self._descend(budget, pair_bound)
            stale += 1
            if self.cost() < best_cost:
                best_cost, best, stale = self.cost(), list(self.group), 0
            if self.floor_reached(pair_bound) or not self.broken:
                break
            budget -= self._kick()
        if self.cost() > best_cost:
            self._load(best)

    def _kick(self) -> int:
        """Swap two people tied by broken requests to random places at request level."""
        rng = self.rng
        loose = [p for p in range(self.n) if self.links[p] and self._broken(p)]
        evaluated = 0
        for a in rng.sample(loose, min(2, len(loose))):
            options = []
            for b in self._candidates(a):
                if self.group[b] != self.group[a]:
                    evaluated += 1
                    delta = self.swap_delta(a, b)
                    if delta is not None and delta < self.weight_cat:
                        options.append((delta, b))
            if options:
                delta, b = rng.choice(options)
                self.swap(a, b, delta)
        return evaluated + 1

    def _descend(self, budget: int, pair_bound: int) -> int:
        """Swap until passes stop helping; returns the budget left."""
        rng = self.rng
        idle_passes = 0
        while budget > 0 and idle_passes < 3 and not self.floor_reached(pair_bound):
            troubled = self._troubled()
            if not troubled:
                break
            rng.shuffle(troubled)
            improved = False
            for a in troubled:
                if budget <= 0:
                    break
                best_delta, best_b = None, -1
                x = self.group[a]
                candidates = self._candidates(a)
                budget -= len(candidates)
                for b in candidates:
                    if self.group[b] == x:
                        continue
                    delta = self.swap_delta(a, b)
                    if delta is not None and (best_delta is None or delta < best_delta):
                        best_delta, best_b = delta, b
                if best_delta is None:
                    continue
                if best_delta < 0:
                    improved = True
                    self.swap(a, best_b, best_delta)
                    continue
                budget -= self._try_double(a, candidates)
                if self.group[a] != x:
                    improved = True
                elif best_delta == 0 and rng.random() < 0.3:
                    self.swap(a, best_b, 0)  # a sideways step now and then to leave plateaus
            idle_passes = 0 if improved else idle_passes + 1
        return budget

    def _try_double(self, a: int, candidates: list[int]) -> int:
        """Try a swap that pays off only with a second swap between the same two groups.

        Typical case: bringing a together-pair into one group puts two officials where a
        politician was; the second swap trades an official back. Returns swaps evaluated.
        """
        x = self.group[a]
        firsts = []
        for b in dict.fromkeys(candidates):  # unique, in order
            if self.group[b] != x:
                delta = self.swap_delta(a, b)
                if delta is not None:
                    firsts.append((delta, b))
        firsts.sort()
        evaluated = len(firsts)
        for first, b in firsts[:3]:
            y = self.group[b]
            self.swap(a, b, first)
            best = None
            for u in self._some(self.members[x]):
                if u == b:
                    continue
                for v in self._some(self.members[y]):
                    if v == a:
                        continue
                    evaluated += 1
                    second = self.swap_delta(u, v)
                    if second is not None and (best is None or second < best[0]):
                        best = (second, u, v)
            if best is not None and first + best[0] < 0:
                self.swap(best[1], best[2], best[0])
                return evaluated
            self.swap(a, b, -first)  # undo: a and b are back where they were
        return evaluated
