"""Validate the allocator's JSON input and turn it into plain, typed records.

Every problem is reported as an AllocationError with a one-line English message, because the
CLI prints it as is and the organiser screen shows it next to the form.
"""

import json
from dataclasses import dataclass

ParticipantId = str | int


class AllocationError(ValueError):
    """The input cannot be allocated: malformed, inconsistent or impossible."""


@dataclass(frozen=True)
class Track:
    key: str
    min_size: int
    max_size: int
    names: tuple[str, ...]


@dataclass(frozen=True)
class Participant:
    id: ParticipantId
    track: str
    municipality: str | None
    category: str | None
    facilitator: bool
    order: int  # position in the input, so output lists follow the organiser's order


@dataclass(frozen=True)
class LockedGroup:
    track: str
    name: str
    members: tuple[ParticipantId, ...]
    facilitator: ParticipantId | None


@dataclass
class Problem:
    tracks: list[Track]
    participants: list[Participant]
    by_id: dict[ParticipantId, Participant]
    apart: list[tuple[ParticipantId, ParticipantId]]
    together: list[tuple[ParticipantId, ParticipantId]]
    locked: list[LockedGroup]
    seed: int


def show(value: object) -> str:
    """Render a user value for a message; JSON escaping keeps the message on one line."""
    return json.dumps(value, ensure_ascii=False)


def _is_int(value: object) -> bool:
    # bool is an int subclass, but `true` is never a valid size, seed or id
    return isinstance(value, int) and not isinstance(value, bool)


def _is_id(value: object) -> bool:
    return isinstance(value, str) or _is_int(value)


def _require_list(value: object, what: str) -> list:
    if not isinstance(value, list):
        raise AllocationError(f"{what} must be a list")
    return value


def _require_object(value: object, what: str) -> dict:
    if not isinstance(value, dict):
        raise AllocationError(f"{what} must be an object")
    return value


def _optional_text(item: dict, key: str, what: str) -> str | None:
    value = item.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise AllocationError(f"{what}: {key} must be a string or null")
    # spreadsheets give "" for a blank cell; treat it as unknown rather than a municipality
    return value.strip() or None


def _parse_track(index: int, item: object) -> Track:
    where = f"track #{index + 1}"
    item = _require_object(item, where)
    key = item.get("key")
    if not isinstance(key, str) or not key:
        raise AllocationError(f"{where}: key must be a non-empty string")
    where = f"track {show(key)}"
    min_size, max_size = item.get("min_size"), item.get("max_size")
    if not _is_int(min_size) or not _is_int(max_size):
        raise AllocationError(f"{where}: min_size and max_size must be integers")
    if min_size < 1:
        raise AllocationError(f"{where}: min_size must be at least 1")
    if max_size < min_size:
        raise AllocationError(f"{where}: max_size must not be smaller than min_size")
    names = _require_list(item.get("names", []), f"{where}: names")
    if not all(isinstance(name, str) and name for name in names):
        raise AllocationError(f"{where}: names must be non-empty strings")
    if len(set(names)) != len(names):
        raise AllocationError(f"{where}: names must not repeat")
    return Track(key, min_size, max_size, tuple(names))


def _parse_participant(index: int, item: object, tracks: dict[str, Track]) -> Participant:
    where = f"participant #{index + 1}"
    item = _require_object(item, where)
    pid = item.get("id")
    if not _is_id(pid):
        raise AllocationError(f"{where}: id must be a string or an integer")
    where = f"participant {show(pid)}"
    track = item.get("track")
    if not isinstance(track, str):
        raise AllocationError(f"{where}: track must be a string")
    if track not in tracks:
        raise AllocationError(f"{where}: unknown track {show(track)}")
    facilitator = item.get("facilitator", False)
    if facilitator is None:
        facilitator = False
    if not isinstance(facilitator, bool):
        raise AllocationError(f"{where}: facilitator must be true or false")
    return Participant(
        id=pid,
        track=track,
        municipality=_optional_text(item, "municipality", where),
        category=_optional_text(item, "category", where),
        facilitator=facilitator,
        order=index,
    )


def _parse_pairs(
    data: dict, key: str, by_id: dict[ParticipantId, Participant]
) -> list[tuple[ParticipantId, ParticipantId]]:
    pairs: dict[frozenset, tuple[ParticipantId, ParticipantId]] = {}
    for index, item in enumerate(_require_list(data.get(key, []), key)):
        if not isinstance(item, list | tuple) or len(item) != 2 or not all(map(_is_id, item)):
            raise AllocationError(f"{key} #{index + 1}: must be a pair of participant ids")
        first, second = item
        for pid in item:
            if pid not in by_id:
                raise AllocationError(f"{key} pair refers to unknown participant {show(pid)}")
        if first == second:
            raise AllocationError(f"{key} pair names participant {show(first)} twice")
        # a dict keeps the first spelling and the input order, so the result stays deterministic
        pairs.setdefault(frozenset(item), (first, second))
    return list(pairs.values())


def _parse_locked(
    data: dict, tracks: dict[str, Track], by_id: dict[ParticipantId, Participant]
) -> list[LockedGroup]:
    locked: list[LockedGroup] = []
    seen_members: dict[ParticipantId, str] = {}
    seen_names: set[tuple[str, str]] = set()
    for index, item in enumerate(_require_list(data.get("locked", []), "locked")):
        where = f"locked group #{index + 1}"
        item = _require_object(item, where)
        track, name = item.get("track"), item.get("name")
        if not isinstance(track, str) or track not in tracks:
            raise AllocationError(f"{where}: unknown track {show(track)}")
        if not isinstance(name, str) or not name:
            raise AllocationError(f"{where}: name must be a non-empty string")
        where = f"locked group {show(name)}"
        if (track, name) in seen_names:
            raise AllocationError(f"{where}: name used twice in track {show(track)}")
        seen_names.add((track, name))
        members = _require_list(item.get("members"), f"{where}: members")
        if not members:
            raise AllocationError(f"{where}: members must not be empty")
        for pid in members:
            if not _is_id(pid) or pid not in by_id:
                raise AllocationError(f"{where}: unknown participant {show(pid)}")
            if by_id[pid].track != track:
                raise AllocationError(
                    f"{where}: participant {show(pid)} is in track {show(by_id[pid].track)}"
                )
            if pid in seen_members:
                raise AllocationError(
                    f"participant {show(pid)} is in two locked groups "
                    f"({show(seen_members[pid])} and {show(name)})"
                )
            seen_members[pid] = name
        facilitator = item.get("facilitator")
        if facilitator is not None and (not _is_id(facilitator) or facilitator not in members):
            raise AllocationError(f"{where}: facilitator must be one of its members or null")
        locked.append(LockedGroup(track, name, tuple(members), facilitator))
    return locked


def parse_problem(data: object) -> Problem:
    """Check the whole input and return it as a Problem, or raise AllocationError."""
    data = _require_object(data, "input")
    tracks: dict[str, Track] = {}
    for index, item in enumerate(_require_list(data.get("tracks"), "tracks")):
        track = _parse_track(index, item)
        if track.key in tracks:
            raise AllocationError(f"duplicate track key {show(track.key)}")
        tracks[track.key] = track
    participants: list[Participant] = []
    by_id: dict[ParticipantId, Participant] = {}
    for index, item in enumerate(_require_list(data.get("participants"), "participants")):
        participant = _parse_participant(index, item, tracks)
        if participant.id in by_id:
            raise AllocationError(f"duplicate participant id {show(participant.id)}")
        by_id[participant.id] = participant
        participants.append(participant)
    apart = _parse_pairs(data, "apart", by_id)
    together = _parse_pairs(data, "together", by_id)
    apart_keys = {frozenset(pair) for pair in apart}
    for first, second in together:
        if frozenset((first, second)) in apart_keys:
            raise AllocationError(
                f"participants {show(first)} and {show(second)} are asked to be both apart and together"
            )
    seed = data.get("seed", 0)
    if seed is None:
        seed = 0
    if not _is_int(seed):
        raise AllocationError("seed must be an integer")
    locked = _parse_locked(data, tracks, by_id)
    return Problem(list(tracks.values()), participants, by_id, apart, together, locked, seed)
