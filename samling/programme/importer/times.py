"""Clock times at the start of a programme line.

Understands `09.00`, `9:00`, `0900`, `kl. 9`, `9 am`, ranges joined by `-`, `–`, `—`, `til`,
`till`, `to`, open ranges (`19:00- Festmiddag`) and approximate times (`ca.`, `ca:`, `cirka`,
`omkring`, `approx.`, `09.30 ca:`). Every pattern is anchored and bounded, so a 5 MB line
costs linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_APPROX = r"(?:ca\.?:?|c:a|cirka|circa|omkring|omkr\.?|approx\.?|approximately|around|about|~)"
_CLOCK = r"(?:kl\.?|klokken|klockan|kloka|at)"
_FROM = r"(?:fra|från|from|fr\.?)"
_PREFIX = rf"(?P<prefix>(?:(?:{_APPROX}|{_CLOCK}|{_FROM})\s*){{0,3}})"


def _time(n: int) -> str:
    # One clock time: H.MM / H:MM / HHMM / bare hour, with an optional am/pm.
    return (
        rf"(?:(?P<h{n}>\d{{1,2}})\s?[.:]\s?(?P<m{n}>[0-5]\d)(?![\d]|[.:/]\d)"
        rf"|(?P<hhmm{n}>[0-2]\d[0-5]\d)(?![\d]|[.:/]\d)"
        rf"|(?P<bare{n}>\d{{1,2}})(?![\d]|[.:]\d|\.\s?\w))"
        rf"(?:\s?(?P<ampm{n}>[ap]\.?\s?m\b\.?))?"
    )


_DASH = r"\s*(?:-|–|—|‐|−|>)\s*"
_WORD = r"\s+(?:til|till|to|until|-)\s+"
_SECOND = rf"(?:{_CLOCK}\.?\s*)?{_time(2)}"
_SUFFIX = rf"(?P<suffix>\s*\(?\s*{_APPROX}\s*\)?)?"


def _build(word_ranges: bool) -> re.Pattern:
    joiner = rf"(?:{_DASH}|(?P<word>{_WORD}))" if word_ranges else _DASH
    return re.compile(
        rf"^{_PREFIX}{_time(1)}(?:\s*(?:h|u|uhr)\b)?"
        rf"(?P<range>{joiner}(?:{_SECOND})?)?{_SUFFIX}"
        rf"(?P<sep>\s*(?:[:|.)]|-(?!\d)|–|—)?\s*)",
        re.IGNORECASE,
    )


TIME_RE = _build(word_ranges=True)
# For "10.00 til lykke": the word was the title's, not a range.
_TIME_NO_WORD_RE = _build(word_ranges=False)
_APPROX_RE = re.compile(_APPROX, re.IGNORECASE)
_CLOCK_RE = re.compile(rf"{_CLOCK}|{_APPROX}", re.IGNORECASE)


@dataclass(frozen=True)
class TimeMatch:
    start: str
    end: str | None
    approximate: bool
    rest: str  # the text after the time and its separator
    open_range: bool  # "19:00-" with no end time


def _clock(match: re.Match, n: int) -> tuple[int, int, str] | None:
    """(hour, minute, form) of time n, form being 'hm', 'hhmm' or 'bare'."""
    if match.group(f"h{n}") is not None:
        hour, minute, form = int(match.group(f"h{n}")), int(match.group(f"m{n}")), "hm"
    elif match.group(f"hhmm{n}") is not None:
        digits = match.group(f"hhmm{n}")
        hour, minute, form = int(digits[:2]), int(digits[2:]), "hhmm"
    elif match.group(f"bare{n}") is not None:
        hour, minute, form = int(match.group(f"bare{n}")), 0, "bare"
    else:
        return None
    ampm = (match.group(f"ampm{n}") or "").lower()
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    if hour > 24 or minute > 59 or (hour == 24 and minute):
        return None
    return hour % 24, minute, form


def fmt(hour: int, minute: int) -> str:
    return f"{hour:02d}:{minute:02d}"


def parse_leading_time(text: str) -> TimeMatch | None:
    """The time (or time range) that opens `text`, or None when it opens with something else."""
    match = TIME_RE.match(text[:200])
    if match and match.group("word") and _clock(match, 2) is None:
        match = _TIME_NO_WORD_RE.match(text[:200])
    if not match:
        return None
    first = _clock(match, 1)
    if first is None:
        return None
    second = _clock(match, 2)
    prefix = match.group("prefix") or ""
    has_clock_word = bool(_CLOCK_RE.search(prefix))
    ampm1 = bool(match.group("ampm1"))
    # A bare number ("10 min. pause", "3 workshops") is a time only with a clock word, am/pm
    # or a range partner; four digits ("2021 report") need a clock word, a colon or a range.
    trusted_by_range = second is not None
    sep = (match.group("sep") or "").strip()
    for form, trusted in (
        (first[2], has_clock_word or ampm1 or trusted_by_range),
        (second[2] if second else None, True),
    ):
        if form == "bare" and not trusted:
            return None
        looks_like_year = form == "hhmm" and text.lstrip(" ~(")[:2] in ("19", "20")
        if looks_like_year and not (has_clock_word or trusted_by_range or sep == ":"):
            return None
    # "12-13" is a range of hours, but "3-4" items or "1-2 persons" are not: want a plausible
    # working-day hour.
    both_bare = first[2] == "bare" and second and second[2] == "bare" and not has_clock_word
    if both_bare and not (6 <= first[0] <= 23 and 6 <= second[0] <= 24):
        return None
    rest = text[match.end() :]
    if first[2] == "bare" and rest[:1].isdigit():
        return None
    start = fmt(first[0], first[1])
    end = fmt(second[0], second[1]) if second else None
    if second and second[2] == "bare" and first[0] >= 12 and second[0] < first[0] <= 23:
        # "14.55-3" is not a range; "1-3 pm" was handled by am/pm above.
        return None
    approximate = bool(_APPROX_RE.search(prefix)) or bool(match.group("suffix"))
    open_range = bool(match.group("range")) and second is None
    return TimeMatch(start, end, approximate, rest.strip(), open_range)


def minutes(hhmm: str | None) -> int | None:
    if not hhmm:
        return None
    return int(hhmm[:2]) * 60 + int(hhmm[3:5])
