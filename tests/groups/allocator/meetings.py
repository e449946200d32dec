"""Input builders shared by the allocator tests."""

import random

MUNICIPALITIES = [f"Kommune {rank:02d}" for rank in range(1, 99)]
ZIPF = [1 / rank for rank in range(1, 99)]


def realistic_meeting(participants: int, tracks: int, seed: int) -> dict:
    """Zipf-like municipalities over 98 Danish-sized ones, as at a KL theme session."""
    rng = random.Random(seed)
    keys = [f"track-{number}" for number in range(1, tracks + 1)]
    people = [
        {
            "id": f"p{number}",
            "track": rng.choice(keys),
            "municipality": rng.choices(MUNICIPALITIES, ZIPF)[0],
            "category": rng.choices(["politician", "official", "other"], [7, 10, 3])[0],
            "facilitator": rng.random() < 0.02,
        }
        for number in range(participants)
    ]
    return {
        "tracks": [{"key": key, "min_size": 6, "max_size": 8} for key in keys],
        "participants": people,
        "seed": seed,
    }


def group_of(result: dict) -> dict:
    return {pid: index for index, group in enumerate(result["groups"]) for pid in group["members"]}
