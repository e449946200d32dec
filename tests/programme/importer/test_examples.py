"""Scores the importer with the project's scorer over the shared examples and our own.

The shared folder (../shared/programmes beside the repository) is used when it is there; the
copies in examples/ (the five shared pairs, score.py and our own pairs) keep this running on a
clean clone.
"""

import importlib.util
import json
from pathlib import Path

import pytest

from samling.programme.importer import parse

pytestmark = pytest.mark.unit

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE / "examples"
SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "programmes"
SCORER_DIR = SHARED if (SHARED / "score.py").exists() else EXAMPLES
TARGETS = {"items_f1": 0.95, "times": 0.98, "speakers_f1": 0.90, "kinds": 0.85}


def _scorer():
    spec = importlib.util.spec_from_file_location("programme_score", SCORER_DIR / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


score = _scorer()


def _pairs() -> list[Path]:
    found = {p.name: p for p in sorted(EXAMPLES.glob("*.json"))}
    if SHARED.is_dir():
        found.update({p.name: p for p in sorted(SHARED.glob("*.json"))})
    return [p for _, p in sorted(found.items()) if p.with_suffix(".txt").exists()]


def _run(expected_path: Path) -> dict:
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    first_date = next((d["date"] for d in expected["days"] if d.get("date")), None)
    text = expected_path.with_suffix(".txt").read_text(encoding="utf-8")
    actual = parse(
        text, language=expected["language"], year=int(first_date[:4]) if first_date else None
    )
    return score.compare(expected, actual)


def test_examples_found_in_all_four_languages():
    pairs = _pairs()
    own = [p for p in pairs if p.name.startswith("own_")]
    assert len(own) >= 8
    assert {p.name.split("_")[1] for p in own} == {"da", "sv", "nb", "en"}


@pytest.mark.parametrize("path", _pairs(), ids=lambda p: p.stem)
def test_examples_each_meet_the_targets(path):
    figures = score.figures(_run(path))
    for name, target in TARGETS.items():
        assert figures[name] >= target - 0.15, (name, figures)


def test_examples_together_meet_the_targets():
    total: dict = {}
    for path in _pairs():
        score.add(total, _run(path))
    figures = score.figures(total)
    for name, target in TARGETS.items():
        assert figures[name] >= target, (name, figures)


def test_examples_skelleftea_seed_reproduced_exactly():
    path = SHARED / "sv_industrikommuner_skelleftea.json"
    if not path.exists():
        path = EXAMPLES / "sv_industrikommuner_skelleftea.json"
    figures = score.figures(_run(path))
    assert figures == {
        "items_f1": 1.0,
        "times": 1.0,
        "speakers_f1": 1.0,
        "kinds": 1.0,
        "dates": 1.0,
    }
