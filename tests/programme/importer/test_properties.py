"""Robustness: any text gives a result or the importer's own error, quickly."""

import re
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samling.programme.importer import ProgrammeParseError, parse
from samling.programme.importer.kinds import KINDS

pytestmark = pytest.mark.unit

HHMM = re.compile(r"^(?:[01]\d|2[0-3]):[0-5]\d$")
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_LINE_PARTS = st.sampled_from(
    ["09.00", "9:00", "kl. 9", "0900:", "13.15-14.00", "14.00 – 14.40", "ca. 12", "19:00-",
     "10.00 til 11.00", "Velkomst", "Kaffepaus", "Lunsj", "v/ Jon Gunnes, leder", "with Anna Berg",
     "Ellen Heldahl, Klas Danerlov och moderator Christer Asplund", "Dag 2 – fredag 26. november",
     "Tirsdag den 3. maj", "- Medlemsfrågor", "•", "Moderator: Stig Rask", "Spor 1: Klima",
     "Kontakt", "mail@example.org", "Program", "***", "(", "«", ":", "–", "\t", "   ", "ä", "中文",
     "Ohjelma: kahvi ja ilmoittautuminen", "12/5", "23.10.21", "2021"]
)  # fmt: skip
_PROGRAMME_LINES = st.lists(
    st.lists(_LINE_PARTS | st.text(max_size=12), min_size=0, max_size=5).map(" ".join),
    max_size=40,
).map("\n".join)


def _check_shape(result: dict) -> None:
    assert set(result) == {"title", "language", "timezone", "days"}
    assert result["language"] in {"da", "sv", "nb", "en"}
    assert result["title"] is None or isinstance(result["title"], str)
    for day in result["days"]:
        assert day["date"] is None or re.match(r"^\d{4}-\d\d-\d\d$", day["date"])
        assert day["items"]
        for item in day["items"]:
            for key in ("start", "end"):
                assert item[key] is None or HHMM.match(item[key]), item
            if item["end"] is not None:
                assert item["start"] is not None
            assert item["kind"] in KINDS
            assert isinstance(item["approximate"], bool) and isinstance(item["unsure"], bool)
            assert all(set(s) >= {"name", "role"} and s["name"] for s in item["speakers"])
            assert all(isinstance(n, int) and n >= 0 for n in item["source_lines"])


def _parse_or_own_error(text: str, **options) -> dict | None:
    try:
        return parse(text, **options)
    except ProgrammeParseError as error:
        assert "\n" not in str(error)
        return None


@FAST
@given(st.text(max_size=400))
def test_property_any_text_gives_a_result_or_own_error(text):
    result = _parse_or_own_error(text)
    if result is not None:
        _check_shape(result)


@FAST
@given(_PROGRAMME_LINES, st.sampled_from([None, "da", "sv", "nb", "en"]),
       st.one_of(st.none(), st.integers(1990, 2040)))  # fmt: skip
def test_property_programme_like_text_valid(text, language, year):
    result = _parse_or_own_error(text, language=language, year=year)
    if result is not None:
        _check_shape(result)


@FAST
@given(st.binary(max_size=300))
def test_property_binary_garbage_never_crashes(data):
    result = _parse_or_own_error(data.decode("latin-1"))
    if result is not None:
        _check_shape(result)


@FAST
@given(st.integers(0, 23), st.integers(0, 59), st.integers(1, 180))
def test_property_ranges_end_after_start(hour, minute, length):
    end = hour * 60 + minute + length
    if end >= 24 * 60:
        end = 23 * 60 + 59
    text = f"{hour:02d}.{minute:02d}-{end // 60:02d}.{end % 60:02d} Oplæg\n"
    item = parse(text, language="da")["days"][0]["items"][0]
    assert item["start"] == f"{hour:02d}:{minute:02d}"
    assert item["end"] is not None and item["end"] > item["start"] or end == hour * 60 + minute


def _large_programme(items: int) -> str:
    lines = ["Stor konference", "", "Program", ""]
    for n in range(items):
        hour, minute = 8 + (n % 12), (n * 5) % 60
        lines += [f"{hour:02d}.{minute:02d}-{hour:02d}.{minute + 4 if minute < 55 else 59:02d} "
                  f"Oplæg nummer {n} v. Jens Hansen, KL", "Beskrivelse af oplægget.", ""]  # fmt: skip
    return "\n".join(lines)


def test_property_large_programme_parses_quickly():
    text = _large_programme(500)
    began = time.perf_counter()
    result = parse(text, language="da")
    assert sum(len(d["items"]) for d in result["days"]) == 500
    assert time.perf_counter() - began < 2.0


@pytest.mark.parametrize(
    "text",
    [
        "a" * 5_000_000,
        ("09.00 " + "x " * 60 + "\n") * 40_000,
        "v/ " + "Aa " * 1_000_000,
        ("Name, " * 200_000),
        "1" * 5_000_000,
        ("- " * 50 + "\n") * 50_000,
    ],
    ids=["one-long-word", "many-items", "long-speaker", "commas", "digits", "bullets"],
)
def test_property_five_megabytes_in_linear_time(text):
    began = time.perf_counter()
    _parse_or_own_error(text)
    assert time.perf_counter() - began < 8.0
