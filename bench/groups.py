"""Benchmark the group allocator on realistic meetings.

Run: .venv/bin/python bench/groups.py [--seeds N]

Municipalities follow a Zipf-like distribution over 98 Danish-sized municipalities (a few
large ones send many people, most send a handful), categories are politician/official/other,
about 2% are facilitators and about 1% each ask (within their track) to be kept apart or together.
"""

import argparse
import random
import time

from samling.groups.allocator import allocate

MUNICIPALITIES = 98
CATEGORIES = {"politician": 0.35, "official": 0.5, "other": 0.15}


def meeting(participants: int, tracks: int, seed: int) -> dict:
    rng = random.Random(seed)
    weights = [1 / rank for rank in range(1, MUNICIPALITIES + 1)]
    municipalities = [f"Kommune {rank:02d}" for rank in range(1, MUNICIPALITIES + 1)]
    track_keys = [f"track-{number}" for number in range(1, tracks + 1)]
    people = []
    for number in range(participants):
        people.append(
            {
                "id": f"p{number}",
                "track": rng.choice(track_keys),
                "municipality": rng.choices(municipalities, weights)[0],
                "category": rng.choices(list(CATEGORIES), list(CATEGORIES.values()))[0],
                "facilitator": rng.random() < 0.02,
            }
        )
    # requests are between people of the same track, as organisers make them
    by_track: dict[str, list[str]] = {}
    for person in people:
        by_track.setdefault(person["track"], []).append(person["id"])
    pairs = []
    while len(pairs) < participants // 50:
        candidates = by_track[rng.choice(track_keys)]
        if len(candidates) >= 2:
            pairs.append(rng.sample(candidates, 2))
    return {
        "tracks": [{"key": key, "min_size": 6, "max_size": 8} for key in track_keys],
        "participants": people,
        "apart": pairs[: len(pairs) // 2],
        "together": pairs[len(pairs) // 2 :],
        "seed": seed,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=3, help="meetings per size (default 3)")
    args = parser.parse_args()
    print(
        f"{'people':>7} {'tracks':>6} {'groups':>6} {'seconds':>8} {'pairs':>6} "
        f"{'bound':>6} {'above':>7} {'cat.imb':>7} {'apart':>5} {'togeth':>6}"
    )
    for participants, tracks in ((100, 2), (1000, 5), (5000, 10)):
        for seed in range(1, args.seeds + 1):
            data = meeting(participants, tracks, seed)
            started = time.perf_counter()
            result = allocate(data)
            seconds = time.perf_counter() - started
            stats = result["stats"]
            pairs, bound = stats["same_municipality_pairs"], stats["lower_bound"]
            above = 100 * (pairs - bound) / bound if bound else 0.0
            print(
                f"{participants:>7} {tracks:>6} {len(result['groups']):>6} {seconds:>8.3f} "
                f"{pairs:>6} {bound:>6} {above:>6.2f}% {stats['category_imbalance']:>7} "
                f"{stats['apart_broken']:>2}/{len(data['apart']):<2} "
                f"{stats['together_broken']:>3}/{len(data['together']):<2}"
            )


if __name__ == "__main__":
    main()
