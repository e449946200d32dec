#!/usr/bin/env python3
"""Score a programme importer against expected Programme JSON.

Usage:
  score.py EXPECTED.json ACTUAL.json        compare two files
  score.py DIR [--cmd TEMPLATE] [-v]        run the importer on every DIR/*.txt that has a
                                             DIR/*.json beside it, and compare

TEMPLATE is a shell command with {txt}, {language} and {year} filled in; its standard output
must be Programme JSON. Default: samling import-programme {txt} --language {language} {year_opt}
({year_opt} is "--year YYYY" where the expected JSON has a dated day, else empty.)

Items are aligned in order across the whole programme (days flattened), by title similarity,
so a wrong day split costs date accuracy, not the items. Figures printed:
  items_f1   matched items against expected and produced ones
  times      share of matched items whose start, end and approximate flag are all right
  speakers_f1  speaker names over matched items
  kinds      share of matched items with the right kind
  dates      share of matched items with the right date (where one is expected)
Standard library only.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import shlex
import subprocess
import sys
import unicodedata
from pathlib import Path

WORD = re.compile(r"\w+", re.UNICODE)


def norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return " ".join(WORD.findall(text))


def similarity(a: str, b: str) -> float:
    na, nb = norm(a), norm(b)
    if not na or not nb:
        return 1.0 if na == nb else 0.0
    ratio = difflib.SequenceMatcher(None, na, nb).ratio()
    ta, tb = set(na.split()), set(nb.split())
    common = len(ta & tb)
    if common == 0:
        return ratio
    recall, precision = common / len(ta), common / len(tb)
    return max(ratio, 2 * recall * precision / (recall + precision))


def flatten(programme: dict) -> list[dict]:
    items = []
    for day in programme.get("days") or []:
        for item in day.get("items") or []:
            items.append({**item, "_date": day.get("date")})
    return items


def hhmm(value) -> str | None:
    if value in (None, ""):
        return None
    match = re.match(r"^(\d{1,2})[:.](\d{2})", str(value))
    if not match:
        return str(value)
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def names(item: dict) -> set[str]:
    return {norm(s.get("name")) for s in item.get("speakers") or [] if norm(s.get("name"))}


def label(item: dict) -> str:
    """The text an item is recognised by: its title, or its speakers' names where it has no title."""
    return item.get("title") or " ".join(s.get("name") or "" for s in item.get("speakers") or [])


def align(expected: list[dict], actual: list[dict]) -> list[tuple[int, int]]:
    """Order-preserving alignment maximising title similarity (plus agreement on time and date)."""
    n, m = len(expected), len(actual)
    weight = [[0.0] * m for _ in range(n)]
    for i, e in enumerate(expected):
        for j, a in enumerate(actual):
            sim = similarity(label(e), label(a))
            if sim < 0.6:
                weight[i][j] = -1.0
                continue
            bonus = 0.5 if hhmm(e.get("start")) == hhmm(a.get("start")) else 0.0
            bonus += 0.25 if e.get("_date") and e.get("_date") == a.get("_date") else 0.0
            weight[i][j] = sim + bonus
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            take = best[i + 1][j + 1] + weight[i][j] if weight[i][j] > 0 else -1.0
            best[i][j] = max(best[i + 1][j], best[i][j + 1], take)
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if weight[i][j] > 0 and best[i][j] == best[i + 1][j + 1] + weight[i][j]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def compare(expected_doc: dict, actual_doc: dict) -> dict:
    expected, actual = flatten(expected_doc), flatten(actual_doc)
    pairs = align(expected, actual)
    counts = {
        "expected": len(expected),
        "produced": len(actual),
        "matched": len(pairs),
        "times_ok": 0,
        "kinds_ok": 0,
        "dates_ok": 0,
        "dates_n": 0,
        "speakers_tp": 0,
        "speakers_fp": 0,
        "speakers_fn": 0,
        "misses": [],
    }
    matched_expected = {i for i, _ in pairs}
    for i, j in pairs:
        e, a = expected[i], actual[j]
        same_time = (
            hhmm(e.get("start")) == hhmm(a.get("start"))
            and hhmm(e.get("end")) == hhmm(a.get("end"))
            and bool(e.get("approximate")) == bool(a.get("approximate"))
        )
        counts["times_ok"] += same_time
        counts["kinds_ok"] += e.get("kind") == a.get("kind")
        if e.get("_date"):
            counts["dates_n"] += 1
            counts["dates_ok"] += e.get("_date") == a.get("_date")
        en, an = names(e), names(a)
        counts["speakers_tp"] += len(en & an)
        counts["speakers_fp"] += len(an - en)
        counts["speakers_fn"] += len(en - an)
        if not same_time or e.get("kind") != a.get("kind") or en != an:
            counts["misses"].append({"expected": strip(e), "produced": strip(a)})
    for i, e in enumerate(expected):
        if i not in matched_expected:
            counts["misses"].append({"expected": strip(e), "produced": None})
    return counts


def strip(item: dict) -> dict:
    keep = ("_date", "start", "end", "approximate", "kind", "title")
    out = {k: item.get(k) for k in keep}
    out["speakers"] = sorted(names(item))
    return out


def figures(c: dict) -> dict:
    nothing = 0.0 if c["expected"] else 1.0  # the value of a share with nothing to share

    def share(part, whole, empty=nothing):
        return part / whole if whole else empty

    p, r = share(c["matched"], c["produced"]), share(c["matched"], c["expected"], 1.0)
    tp, fp, fn = c["speakers_tp"], c["speakers_fp"], c["speakers_fn"]
    no_speakers = 1.0 if c["matched"] or not c["expected"] else 0.0
    sp, sr = share(tp, tp + fp, no_speakers), share(tp, tp + fn, no_speakers)
    return {
        "items_f1": 2 * p * r / (p + r) if p + r else 0.0,
        "times": share(c["times_ok"], c["matched"]),
        "speakers_f1": 2 * sp * sr / (sp + sr) if sp + sr else 0.0,
        "kinds": share(c["kinds_ok"], c["matched"]),
        "dates": share(c["dates_ok"], c["dates_n"], 1.0),
    }


def line(name: str, f: dict) -> str:
    return name + "  " + "  ".join(f"{k}={v:.3f}" for k, v in f.items())


def add(total: dict, c: dict) -> None:
    for k, v in c.items():
        if isinstance(v, int):
            total[k] = total.get(k, 0) + v


def run_dir(folder: Path, template: str, verbose: bool) -> int:
    total: dict = {}
    failures = 0
    for expected_path in sorted(folder.glob("*.json")):
        txt = expected_path.with_suffix(".txt")
        if not txt.exists():
            continue
        expected_doc = json.loads(expected_path.read_text(encoding="utf-8"))
        first_date = next(
            (d.get("date") for d in expected_doc.get("days", []) if d.get("date")), None
        )
        command = template.format(
            txt=shlex.quote(str(txt)),
            language=expected_doc.get("language") or "",
            year=(first_date or "")[:4],
            year_opt=f"--year {first_date[:4]}" if first_date else "",
        )
        done = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=120)
        try:
            actual_doc = json.loads(done.stdout)
        except json.JSONDecodeError:
            failures += 1
            print(f"{txt.name}  FAILED (exit {done.returncode}): {done.stderr.strip()[-300:]}")
            actual_doc = {"days": []}
        c = compare(expected_doc, actual_doc)
        add(total, c)
        print(line(txt.name, figures(c)))
        if verbose:
            for miss in c["misses"]:
                print("   ", json.dumps(miss, ensure_ascii=False))
    if not total:
        print("no programmes with expected JSON found", file=sys.stderr)
        return 2
    print(line("ALL", figures(total)) + f"  failures={failures}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="+")
    parser.add_argument(
        "--cmd", default="samling import-programme {txt} --language {language} {year_opt}"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="list every item that differs")
    args = parser.parse_args()
    if len(args.paths) == 1 and Path(args.paths[0]).is_dir():
        return run_dir(Path(args.paths[0]), args.cmd, args.verbose)
    if len(args.paths) != 2:
        parser.error("give EXPECTED.json ACTUAL.json, or one folder")
    expected_doc = json.loads(Path(args.paths[0]).read_text(encoding="utf-8"))
    actual_doc = json.loads(Path(args.paths[1]).read_text(encoding="utf-8"))
    c = compare(expected_doc, actual_doc)
    print(line("score", figures(c)))
    if args.verbose:
        for miss in c["misses"]:
            print("   ", json.dumps(miss, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
