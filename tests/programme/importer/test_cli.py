import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from samling.programme.importer.cli import main

pytestmark = pytest.mark.unit

PROGRAMME = "Borgmestermøde\n\n• 11.00 Velkomst\n• 11.10 Oplæg v. Mads Sørensen, Borgmester\n"


def test_cli_prints_programme_json(tmp_path, capsys):
    source = tmp_path / "programme.txt"
    source.write_text(PROGRAMME, encoding="utf-8")
    assert main([str(source), "--language", "da", "--year", "2022"]) == 0
    out = capsys.readouterr().out
    result = json.loads(out)
    assert result["days"][0]["items"][1]["speakers"][0]["name"] == "Mads Sørensen"
    assert "Sørensen" in out  # ensure_ascii=False


def test_cli_reads_standard_input(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PROGRAMME.encode())))
    assert main(["-"]) == 0
    assert json.loads(capsys.readouterr().out)["language"] == "da"


def test_cli_reads_windows_1252(tmp_path, capsys):
    source = tmp_path / "programme.txt"
    source.write_bytes(PROGRAMME.encode("cp1252"))
    assert main([str(source)]) == 0
    assert "Velkomst" in capsys.readouterr().out


@pytest.mark.parametrize(
    "content", [None, b"", b"\x00\x01\x02\x03\xff\xfe" * 100], ids=["missing", "empty", "binary"]
)
def test_cli_unreadable_input_exits_2_with_one_line(tmp_path, capsys, content):
    source = tmp_path / "programme.txt"
    if content is not None:
        source.write_bytes(content)
    assert main([str(source)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1


def test_cli_console_script_runs_without_django(tmp_path):
    source = tmp_path / "programme.txt"
    source.write_text(PROGRAMME, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "samling", "import-programme", str(source), "--language", "da"],
        capture_output=True, text=True, timeout=60, cwd=Path(__file__).resolve().parents[3],
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["days"][0]["items"][0]["title"] == "Velkomst"
