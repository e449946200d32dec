import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from samling.groups.allocator.cli import main

from .meetings import realistic_meeting

pytestmark = pytest.mark.unit

SMALL = {
    "tracks": [{"key": "politicians", "min_size": 2, "max_size": 3}],
    "participants": [
        {"id": i, "track": "politicians", "municipality": f"m{i % 2}"} for i in range(6)
    ],
    "seed": 1,
}


def write(tmp_path: Path, data: object) -> str:
    path = tmp_path / "input.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def test_cli_prints_allocation_json(tmp_path, capsys):
    assert main([write(tmp_path, SMALL)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["stats"]["same_municipality_pairs"] == result["stats"]["lower_bound"] == 0
    assert sorted(pid for group in result["groups"] for pid in group["members"]) == list(range(6))


def test_cli_reads_stdin(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(SMALL)))
    assert main(["-"]) == 0
    assert json.loads(capsys.readouterr().out)["groups"]


def test_cli_seed_option_overrides_input(tmp_path, capsys):
    data = realistic_meeting(200, 2, 1)
    path = write(tmp_path, data)
    assert main([path, "--seed", "9"]) == 0
    first = json.loads(capsys.readouterr().out)["groups"]
    assert main([write(tmp_path, {**data, "seed": 9})]) == 0
    assert json.loads(capsys.readouterr().out)["groups"] == first


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        ({"tracks": [], "participants": [{"id": 1, "track": "x"}]}, "unknown track"),
        ({"tracks": [{"key": "t", "min_size": 0, "max_size": 2}], "participants": []}, "min_size"),
    ],
)
def test_cli_bad_input_exits_2_with_one_line(tmp_path, capsys, content, message):
    assert main([write(tmp_path, content)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert message in captured.err
    assert captured.err.count("\n") == 1


def test_cli_missing_file_exits_2(tmp_path, capsys):
    assert main([str(tmp_path / "missing.json")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_cli_bad_arguments_exit_2(capsys):
    assert main([]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_cli_console_script_is_deterministic_across_hash_seeds(tmp_path):
    # string hashing changes per process; the groups must not
    path = write(tmp_path, realistic_meeting(300, 3, 2))
    script = Path(sys.executable).with_name("samling")
    outputs = []
    for hash_seed in ("1", "2"):
        done = subprocess.run(
            [str(script), "allocate-groups", path],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
            check=False,
        )
        assert done.returncode == 0, done.stderr
        outputs.append(json.loads(done.stdout)["groups"])
    assert outputs[0] == outputs[1]
