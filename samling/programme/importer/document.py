"""The whole document: where the programme starts, its title and the event's date."""

from __future__ import annotations

from .dates import DatePhrase, find_dates, find_weekday
from .lines import (
    Line,
    day_heading,
    is_meta,
    is_noise,
    is_programme_heading,
    is_stop_heading,
    prepare,
)
from .parser import Day, Item, ProgrammeBuilder, YearFinder, clean_title
from .speakers import speaker_line, split_title

_BACKSCAN = 12  # lines above the first timed line searched for its day heading


def parse_document(text: str, year: int | None) -> dict:
    lines = prepare(text)
    title_pos, title = _title(lines)
    years = YearFinder(text, year, title)
    builder = ProgrammeBuilder(lines, years, Day(None, None))
    first = next(
        (
            p
            for p, line in enumerate(lines)
            if line and line.time and builder._is_item_time(p, line)
        ),
        None,
    )
    if first is None:
        start = _programme_heading(lines)
        days = _untimed_programme(lines, start, years) if start is not None else []
        return {"title": title, "days": [d.as_dict() for d in days]}
    start = _start_with_heading(lines, first)
    builder.days[0] = _preamble_day(lines[:start], years, title_pos)
    builder.preamble_phrase = builder.days[0].phrase
    if title_pos is not None and title_pos >= start:
        title = None
    days = builder.run(start)
    return {"title": title, "days": [d.as_dict() for d in days]}


def _title(lines: list[Line | None]) -> tuple[int | None, str | None]:
    for pos, line in enumerate(lines[:60]):
        if line is None or line.time or is_noise(line) or is_meta(line):
            continue
        if is_programme_heading(line) or (day_heading(line) and len(line.words) <= 4):
            continue
        if len(line.text) > 200:
            return None, None
        return pos, clean_title(line.text)
    return None, None


def _start_with_heading(lines: list[Line | None], first: int) -> int:
    """The day heading just above the first timed line, when one is there."""
    seen = 0
    for pos in range(first - 1, max(-1, first - _BACKSCAN), -1):
        line = lines[pos]
        if line is None:
            continue
        if day_heading(line):
            return pos
        seen += 1
        if seen > 4 or len(line.text) > 250:
            break
    return first


def _preamble_day(preamble: list[Line | None], years: YearFinder, title_pos: int | None) -> Day:
    """The first day's date and label from the introduction ("Tid: Lørdag 23.10.21")."""
    best: tuple[float, Line, DatePhrase] | None = None
    for pos, line in enumerate(preamble):
        if line is None:
            continue
        for phrase in find_dates(line.text):
            score = 0.0
            if is_meta(line):
                score += 3
            if phrase.weekday is not None or find_weekday(line.text):
                score += 2
            if phrase.year:
                score += 0.5
            if line.text[phrase.start : phrase.start + 4].casefold() in ("den ", "the "):
                score += 1
            if pos == title_pos:
                score += 1
            if day_heading(line) and pos <= 1 and title_pos is not None and pos < title_pos:
                score -= 3  # a lone date above the title is the post's publication date
            score -= pos * 0.01
            if best is None or score > best[0]:
                best = (score, line, phrase)
    if best is None:
        return Day(None, None)
    _, line, phrase = best
    label = (
        line.text if is_meta(line) or day_heading(line) else line.text[phrase.start : phrase.end]
    )
    return Day(years.date(phrase), label.strip(), phrase=phrase)


def _programme_heading(lines: list[Line | None]) -> int | None:
    for pos, line in enumerate(lines):
        if line is not None and is_programme_heading(line):
            return pos + 1
    return None


def _untimed_programme(lines: list[Line | None], start: int, years: YearFinder) -> list[Day]:
    """A programme without any times: the short lines under its "Program" heading."""
    day = Day(None, None)
    item: Item | None = None
    for line in lines[start : start + 400]:
        if line is None:
            continue
        if is_stop_heading(line):
            break
        if is_noise(line):
            continue
        if day_heading(line):
            phrase = (find_dates(line.text) or [None])[0]
            day = Day(years.date(phrase) if phrase else None, line.text, phrase=phrase)
            continue
        people = speaker_line(line.text)
        if people and item is not None:
            item.add_speakers(people)
            item.source_lines.append(line.idx)
            continue
        if len(line.text) > 160 or line.text.endswith("."):
            if item is None:
                break
            item.description.append(line.text)
            continue
        title, found = split_title(line.text)
        item = Item(None, None, False, clean_title(title))
        item.add_speakers(found)
        item.source_lines.append(line.idx)
        item.untimed_child = True
        day.items.append(item)
    return [day] if day.items else []
