"""allocate(): validate, then per track choose sizes, deal, repair facilitators and improve."""

import re
import time
from random import Random

from .bound import choose_split, municipality_bound, pair_count
from .construct import deal
from .improve import TrackSearch
from .model import LockedGroup, Participant, ParticipantId, Problem, Track, parse_problem, show

# Swaps evaluated per participant of a track (plus a constant for small tracks). Counted,
# not timed, so a seed always gives the same groups; sized to keep 5,000 people under 2 s.
SWAPS_PER_PARTICIPANT = 40
SWAPS_BASE = 2000


def _index_of(table: dict, value: object) -> int:
    # indices in order of first appearance, so nothing depends on string hashing
    return table.setdefault(value, len(table))


def _group_names(
    track: Track, locked: list[LockedGroup], count: int
) -> tuple[list[str], str | None]:
    taken = {group.name for group in locked}
    names = [name for name in track.names if name not in taken][:count]
    warning = None
    if track.names and len(names) < count:
        warning = (
            f"track {track.key}: {len(track.names)} names given for"
            f" {count + len(locked)} groups; the others are numbered"
        )
    number = 0
    while len(names) < count:
        number += 1
        name = f"Group {number}"
        if name not in taken and name not in track.names:
            names.append(name)
    return names, warning


def _name_rank(track: Track, name: str) -> tuple[int, int]:
    if name in track.names:
        return (0, track.names.index(name))
    numbered = re.fullmatch(r"Group (\d+)", name)
    return (1, int(numbered.group(1))) if numbered else (2, 0)


def _allocate_track(
    problem: Problem, track: Track, free: list[Participant], warnings: list[str]
) -> tuple[list[list[Participant]], int, int]:
    """Split one track's unlocked participants; returns groups, pair bound, imbalance."""
    munis: dict[str, int] = {}
    cats: dict[str | None, int] = {}
    municipality = [
        -1 if p.municipality is None else _index_of(munis, p.municipality) for p in free
    ]
    category = [_index_of(cats, p.category) for p in free]
    facilitator = [p.facilitator for p in free]
    counts = [0] * len(munis)
    for m in municipality:
        if m >= 0:
            counts[m] += 1
    # a municipality with one person here never forms a pair: leave it out of the search
    kept: dict[int, int] = {}
    municipality = [_index_of(kept, m) if m >= 0 and counts[m] > 1 else -1 for m in municipality]
    split = choose_split(
        track.key, len(free), track.min_size, track.max_size, counts, sum(facilitator)
    )
    if split.warning:
        warnings.append(split.warning)
    sizes = split.sizes
    if not sizes:
        return [], 0, 0
    bound = municipality_bound(counts, len(sizes))
    rng = Random(f"{problem.seed}/{track.key}")  # str seeds are hashed with SHA-512: stable
    assignment = deal(municipality, category, facilitator, sizes, len(cats), rng)

    local = {p.id: index for index, p in enumerate(free)}
    links: list[list[tuple[int, int]]] = [[] for _ in free]
    for pairs, sign in ((problem.apart, 1), (problem.together, -1)):
        for first, second in pairs:
            if first in local and second in local:
                links[local[first]].append((local[second], sign))
                links[local[second]].append((local[first], sign))

    search = TrackSearch(
        municipality, category, facilitator, assignment, sizes, len(cats), links, rng
    )
    search.spread_facilitators()
    search.run(SWAPS_PER_PARTICIPANT * len(free) + SWAPS_BASE, bound)
    groups: list[list[Participant]] = [[] for _ in sizes]
    for index, g in enumerate(search.group):
        groups[g].append(free[index])
    return groups, bound, search.imbalance


def allocate(data: dict) -> dict:
    """Allocate participants to discussion groups; see docs/groups.md for the format."""
    started = time.perf_counter()
    problem = parse_problem(data)
    warnings: list[str] = []
    locked_ids = {pid for group in problem.locked for pid in group.members}
    out_groups: list[dict] = []
    track_stats: list[dict] = []
    total_bound = total_imbalance = 0
    for track in problem.tracks:
        locked = [group for group in problem.locked if group.track == track.key]
        everyone = [p for p in problem.participants if p.track == track.key]
        free = [p for p in everyone if p.id not in locked_ids]
        groups, bound, imbalance = _allocate_track(problem, track, free, warnings)
        names, warning = _group_names(track, locked, len(groups))
        if warning:
            warnings.append(warning)
        entries = []
        for group in locked:
            if not track.min_size <= len(group.members) <= track.max_size:
                warnings.append(
                    f"track {track.key}: locked group {show(group.name)} has"
                    f" {len(group.members)} members, outside {track.min_size} to {track.max_size}"
                )
            municipalities: dict[str, int] = {}
            for pid in group.members:
                muni = problem.by_id[pid].municipality
                if muni is not None:
                    municipalities[muni] = municipalities.get(muni, 0) + 1
            bound += sum(pair_count(c) for c in municipalities.values())
            entries.append(
                {
                    "track": track.key,
                    "name": group.name,
                    "members": list(group.members),
                    "facilitator": group.facilitator,
                }
            )
        for name, members in zip(names, groups, strict=True):
            members.sort(key=lambda p: p.order)
            lead = next((p.id for p in members if p.facilitator), None)
            entries.append(
                {
                    "track": track.key,
                    "name": name,
                    "members": [p.id for p in members],
                    "facilitator": lead,
                }
            )
        entries.sort(key=lambda entry: _name_rank(track, entry["name"]))
        out_groups.extend(entries)
        pairs = _same_municipality_pairs(problem, entries)
        track_stats.append(
            {
                "track": track.key,
                "participants": len(everyone),
                "groups": len(entries),
                "sizes": [len(entry["members"]) for entry in entries],
                "same_municipality_pairs": pairs,
                "lower_bound": bound,
            }
        )
        total_bound += bound
        total_imbalance += imbalance

    apart_broken, together_broken = _requests_broken(problem, out_groups, warnings)
    return {
        "groups": out_groups,
        "stats": {
            "same_municipality_pairs": sum(t["same_municipality_pairs"] for t in track_stats),
            "lower_bound": total_bound,
            "seconds": round(time.perf_counter() - started, 4),
            "category_imbalance": total_imbalance,
            "apart_broken": apart_broken,
            "together_broken": together_broken,
            "tracks": track_stats,
        },
        "warnings": warnings,
    }


def _same_municipality_pairs(problem: Problem, entries: list[dict]) -> int:
    pairs = 0
    for entry in entries:
        counts: dict[str, int] = {}
        for pid in entry["members"]:
            muni = problem.by_id[pid].municipality
            if muni is not None:
                counts[muni] = counts.get(muni, 0) + 1
        pairs += sum(pair_count(c) for c in counts.values())
    return pairs


def _requests_broken(problem: Problem, groups: list[dict], warnings: list[str]) -> tuple[int, int]:
    """Count broken apart/together requests, explaining the ones no allocation could meet."""
    group_of: dict[ParticipantId, int] = {}
    for index, group in enumerate(groups):
        for pid in group["members"]:
            group_of[pid] = index
    apart = sum(group_of[a] == group_of[b] for a, b in problem.apart)
    together = 0
    for a, b in problem.together:
        if group_of[a] == group_of[b]:
            continue
        together += 1
        first, second = problem.by_id[a], problem.by_id[b]
        if first.track != second.track:
            warnings.append(
                f"participants {show(a)} and {show(b)} are asked to be together"
                " but are in different tracks"
            )
    return apart, together
