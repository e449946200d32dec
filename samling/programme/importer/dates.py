"""Dates and day headings: "25 november - DAG 1", "Dag 2 – fredag 26. november",
"Tirsdag den 3. maj", "Lørdag 23.10.21", "Monday, 3 May 2021", "May 3rd".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .lexicon import AMBIGUOUS_WEEKDAYS, MONTHS, ORDINAL_DAYS, WEEKDAYS

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_ALT = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_ORD = r"(?:st|nd|rd|th|e|a)?"

# "den 25.", "25 – 26", "25.-26." before a month name.
_DAY_FIRST = re.compile(
    rf"(?P<den>\bden\s+)?\b(?P<day>[0-3]?\d){_ORD}\.?"
    rf"(?:\s*(?:-|–|—|og|och|and|&|til|till|to)\s*(?P<day2>[0-3]?\d){_ORD}\.?)?"
    rf"\s*(?:of\s+)?(?P<month>{_MONTH_ALT})\b\.?(?:,?\s*{_YEAR}\b)?",
    re.IGNORECASE,
)
_MONTH_FIRST = re.compile(
    rf"\b(?P<month>{_MONTH_ALT})\.?\s+(?P<day>[0-3]?\d){_ORD}\b"
    rf"(?:\s*(?:-|–|—|and|to)\s*(?P<day2>[0-3]?\d){_ORD}\b)?(?:,?\s*{_YEAR}\b)?",
    re.IGNORECASE,
)
# 23.10.21, 23.10.2021, 23/10/2021, 23/10, 23.10. (Nordic day-month order)
_NUMERIC = re.compile(
    r"(?<![\d.:/])(?P<day>[0-3]?\d)(?P<sep>[./])(?P<month>[01]?\d)"
    r"(?:(?P=sep)(?P<year>(?:19|20)?\d\d)(?![\d])|(?P<dot>\.)(?![\d])|(?=\s|$|,))(?![.:]\d)",
)
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
_WEEKDAY = re.compile(rf"\b(?P<weekday>{_WEEKDAY_ALT})\b\.?", re.IGNORECASE)
_DAY_NUMBER = re.compile(
    r"\b(?:(?:dag|day|dagen)\s*(?P<n>\d{1,2})\b|(?P<ord>første|förste|första|first|anden|andre"
    r"|andra|second|tredje|third)\s+(?:dag|dagen|day)\b)",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(r"(?<![\d.,:/])(?:19|20)\d\d(?![\d.,:]\d)")


@dataclass(frozen=True)
class DatePhrase:
    day: int
    month: int
    year: int | None
    weekday: int | None
    start: int  # span of the phrase in the line
    end: int
    day2: int | None = None  # end of a range "25 – 26 november"


def _year(text: str | None) -> int | None:
    if not text:
        return None
    value = int(text)
    return value + 2000 if value < 100 else value


def find_dates(line: str) -> list[DatePhrase]:
    """Every date phrase in a line, in order of position."""
    found: list[DatePhrase] = []
    taken: list[tuple[int, int]] = []

    def add(match: re.Match, day, month, year, day2=None) -> None:
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return
        if any(s < match.end() and match.start() < e for s, e in taken):
            return
        start = match.start()
        weekday = None
        before = line[max(0, start - 16) : start]
        week = list(_WEEKDAY.finditer(before))
        if week:
            weekday = WEEKDAYS[week[-1].group("weekday").lower()]
            start = max(0, start - 16) + week[-1].start()
        taken.append((match.start(), match.end()))
        found.append(DatePhrase(day, month, year, weekday, start, match.end(), day2))

    for match in _ISO.finditer(line):
        add(match, int(match["day"]), int(match["month"]), int(match["year"]))
    for match in _DAY_FIRST.finditer(line):
        day2 = int(match["day2"]) if match["day2"] else None
        add(match, int(match["day"]), MONTHS[match["month"].lower()], _year(match["year"]), day2)
    for match in _MONTH_FIRST.finditer(line):
        day2 = int(match["day2"]) if match["day2"] else None
        add(match, int(match["day"]), MONTHS[match["month"].lower()], _year(match["year"]), day2)
    for match in _NUMERIC.finditer(line):
        if not (match["year"] or match["dot"] or _WEEKDAY.search(line[: match.start()])):
            continue  # "12/5" alone is too often a ratio or a time
        add(match, int(match["day"]), int(match["month"]), _year(match["year"]))
    found.sort(key=lambda d: d.start)
    return found


def find_weekday(line: str) -> tuple[int, re.Match] | None:
    """A weekday name in a line; short forms that are also words only before a number."""
    for match in _WEEKDAY.finditer(line):
        word = match.group("weekday").lower()
        if word in AMBIGUOUS_WEEKDAYS and not re.match(
            r"[\s.,]*(?:den\s+)?\d", line[match.end() :]
        ):
            continue
        return WEEKDAYS[word], match
    return None


def find_day_number(line: str) -> int | None:
    match = _DAY_NUMBER.search(line)
    if not match:
        return None
    if match["n"]:
        return int(match["n"])
    return ORDINAL_DAYS.get(match["ord"].lower())


def years_in(text: str) -> list[int]:
    return [int(m.group()) for m in _YEAR_RE.finditer(text)]


def resolve(phrase: DatePhrase, year_hint: int | None) -> str | None:
    """YYYY-MM-DD for a phrase, using its own year or the hint; None when there is no year.

    Where a weekday is given but the hinted year makes it wrong, the neighbouring year that
    fits is taken (a programme for January published in December).
    """
    year = phrase.year or year_hint
    if year is None:
        return None
    candidates = [year] if phrase.year else [year, year + 1, year - 1]
    for candidate in candidates:
        try:
            date = dt.date(candidate, phrase.month, phrase.day)
        except ValueError:
            continue
        if phrase.weekday is None or date.weekday() == phrase.weekday:
            return date.isoformat()
    try:
        return dt.date(year, phrase.month, phrase.day).isoformat()
    except ValueError:
        return None
