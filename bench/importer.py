"""Benchmark of the programme importer.

Run as `.venv/bin/python bench/importer.py`. Prints programmes parsed per second over the
example programmes (tests/programme/importer/examples) and the time to parse a generated
programme of 500 items.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from samling.programme.importer import parse  # noqa: E402

EXAMPLES = ROOT / "tests" / "programme" / "importer" / "examples"


def generated_programme(items: int) -> str:
    lines = ["Landsmøde for kommunernes netværk", "", "Program", ""]
    day = 0
    for n in range(items):
        if n % 25 == 0:
            day += 1
            lines += [f"Dag {day} – {day}. oktober 2024", ""]
        hour, minute = 8 + (n % 25) // 3, (n % 3) * 20
        lines += [
            f"{hour:02d}.{minute:02d}-{hour:02d}.{minute + 15:02d} Oplæg nummer {n} om klima",
            f"v/ Jens Hansen, chefkonsulent, Kommune {n}",
            "- Første underpunkt",
            "",
        ]
    return "\n".join(lines)


def main() -> int:
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    rounds = 20
    began = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            parse(text)
    elapsed = time.perf_counter() - began
    count = rounds * len(texts)
    print(f"examples: {len(texts)} programmes x {rounds} rounds in {elapsed:.3f} s "
          f"= {count / elapsed:.0f} programmes/s")  # fmt: skip

    text = generated_programme(500)
    began = time.perf_counter()
    result = parse(text)
    elapsed = time.perf_counter() - began
    items = sum(len(d["items"]) for d in result["days"])
    print(f"generated: {items} items, {len(text) / 1024:.0f} KiB in {elapsed * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
