"""From prepared lines to Programme JSON.

The programme starts at its first timed line (or the day heading just above it). From there a
single pass reads each line against the item being built: a timed line opens an item, a day
heading opens a day, and the lines under an item are its title (when the time stood alone),
speakers, sub-points, notes or description, or an untimed sub-item when they look like a
heading of their own. Noise (contact blocks, registration text) is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import kinds
from .dates import DatePhrase, find_dates, find_day_number, find_weekday, resolve, years_in
from .lexicon import DAY_MODERATOR_WORDS, NOTE_WORDS
from .lines import (
    Line,
    day_heading,
    is_meta,
    is_noise,
    is_programme_heading,
    is_stop_heading,
    track_label,
)
from .speakers import Speaker, labelled, speaker_line, split_title
from .times import minutes

LOOKAHEAD = 40  # lines looked at ahead of the current one; keeps the pass linear


@dataclass
class Item:
    start: str | None
    end: str | None
    approximate: bool
    title: str | None
    speakers: list[Speaker] = field(default_factory=list)
    track: str | None = None
    description: list[str] = field(default_factory=list)
    subpoints: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    source_lines: list[int] = field(default_factory=list)
    untimed_child: bool = False
    title_pending: bool = False
    parent: Item | None = None
    has_children: bool = False

    def add_speakers(self, people: list[Speaker]) -> None:
        known = {s.name.casefold() for s in self.speakers}
        for person in people:
            if person.name.casefold() not in known:
                self.speakers.append(person)
                known.add(person.name.casefold())

    def as_dict(self) -> dict:
        description = " ".join(self.description) or None
        kind = kinds.classify(self.title, description or "", bool(self.speakers))
        guessed = not kinds.has_kind_word(self.title)
        if guessed and self.parent is not None:
            # "Spor 1: ..." under "Parallelle workshops" is one of the workshops.
            parent_kind = kinds.classify(self.parent.title)
            if parent_kind in ("group_work", "excursion", "panel"):
                kind = parent_kind
        return {
            "start": self.start,
            "end": self.end,
            "approximate": self.approximate,
            "title": self.title,
            "kind": kind,
            "speakers": [s.as_dict() for s in self.speakers],
            "track": self.track,
            "description": description,
            "subpoints": self.subpoints,
            "notes": self.notes,
            "source_lines": self.source_lines,
            "unsure": self.untimed_child or self.title is None or guessed,
        }


@dataclass
class Day:
    date: str | None
    label: str | None
    items: list[Item] = field(default_factory=list)
    moderators: list[Speaker] = field(default_factory=list)
    phrase: DatePhrase | None = None

    def as_dict(self) -> dict:
        out = {"date": self.date, "label": self.label, "items": [i.as_dict() for i in self.items]}
        if self.moderators:
            out["moderators"] = [m.as_dict() for m in self.moderators]
        return out


def clean_title(text: str | None) -> str | None:
    if text is None:
        return None
    text = re.sub(r"\s+", " ", text).strip().strip("*_").strip()
    text = text.rstrip(" ,;:–—-").strip()
    if text.endswith(".") and not text.endswith(".."):
        text = text[:-1].rstrip()
    return text or None


class YearFinder:
    """The year of a day/month without one: the argument, else the document's own dates."""

    def __init__(self, text: str, year: int | None, title: str | None):
        self.year = year
        self.by_month: dict[int, int] = {}
        for line in text.split("\n")[:2000]:
            for phrase in find_dates(line[:500]):
                if phrase.year:
                    self.by_month.setdefault(phrase.month, phrase.year)
        title_years = years_in(title or "")
        counts: dict[int, int] = {}
        for found in years_in(text[:200_000]):
            counts[found] = counts.get(found, 0) + 1
        self.fallback = title_years[0] if title_years else None
        if self.fallback is None and counts:
            self.fallback = max(counts, key=lambda y: counts[y])

    def date(self, phrase: DatePhrase) -> str | None:
        if phrase.year:
            return resolve(phrase, None)
        hint = self.year or self.by_month.get(phrase.month) or self.fallback
        return resolve(phrase, hint)


def _is_heading_like(line: Line) -> bool:
    text = line.text
    return (
        len(text) <= 110
        and len(line.words) <= 14
        and not text.endswith((".", ",", ";"))
        and (text[:1].isupper() or text[:1] in "«\"“'(" or text[:1].isdigit())
    )


def _is_note(text: str) -> bool:
    low = text.casefold()
    return len(text) <= 160 and any(word in low for word in NOTE_WORDS)


_NUMBERED = re.compile(r"^\(?(\d{1,2}|[a-hA-H])[.)]$")
_PARALLEL = re.compile(
    r"\b(?:workshops|parallel\w*|sessions|sessioner|sesjoner|sessionerna|spor|spår|tracks|"
    r"breakouts?|breakout sessions|gruppesessioner|temaspor|valgfri\w*|valbara)\b",
    re.IGNORECASE,
)
_CONTINUES = re.compile(r"^[a-zæøåäöü«\"“'(]")


class ProgrammeBuilder:
    def __init__(self, lines: list[Line | None], years: YearFinder, preamble_day: Day):
        self.lines = lines
        self.years = years
        self.days: list[Day] = [preamble_day]
        self.preamble_phrase = preamble_day.phrase
        self.item: Item | None = None  # the item lines are attached to
        self.parent: Item | None = None  # the timed item whose block we are in
        self.last_target: str | None = None
        self.stop = False
        self.track: str | None = None
        self.track_spans: dict[str, int] = {}  # latest start per track, to see a track end
        self.track_fresh = False
        self.last_start: int | None = None  # of the day's latest timed item

    @property
    def day(self) -> Day:
        return self.days[-1]

    # -- the pass ---------------------------------------------------------------------------

    def run(self, start: int) -> list[Day]:
        prev: Line | None = None
        blank_before = False
        for pos in range(start, len(self.lines)):
            line = self.lines[pos]
            if line is None:
                blank_before = True
                continue
            self.feed(pos, line, prev, blank_before)
            prev, blank_before = line, False
        return [d for d in self.days if d.items]

    def feed(self, pos: int, line: Line, prev: Line | None, blank_before: bool) -> None:
        if line.time and self._is_item_time(pos, line):
            self.stop = False
            self.open_timed(line)
            return
        if is_noise(line):
            return
        if day_heading(line):
            self.open_day(line)
            return
        if is_stop_heading(line):
            self.stop = True
            return
        if self.stop or is_programme_heading(line) or (is_meta(line) and not self.item):
            return
        label = track_label(line)
        if label and not (self.item and self.item.title_pending):
            sibling = self.item is not None and self.item.untimed_child and self.item.track
            if self._opens_track(pos) and not sibling:
                self.set_track(label)
                return
            if self.parent is not None:
                self.open_untimed(line, track=label)
                return
        if self._day_moderator(line):
            return
        if self.item is None:
            return
        self.attach(pos, line, prev, blank_before)

    def _is_item_time(self, pos: int, line: Line) -> bool:
        """A time line that is an item, not a day's span under its date ("Kl. 9-16")."""
        if line.time.rest:
            return True
        nxt = self._next(pos)
        return nxt is not None and not nxt.time and not day_heading(nxt)

    def _next(self, pos: int, skip_blank: bool = True) -> Line | None:
        for ahead in range(pos + 1, min(len(self.lines), pos + LOOKAHEAD)):
            if self.lines[ahead] is not None:
                return self.lines[ahead]
            if not skip_blank:
                return None
        return None

    def _opens_track(self, pos: int) -> bool:
        nxt = self._next(pos)
        return nxt is not None and nxt.time is not None

    # -- days and items ---------------------------------------------------------------------

    def open_day(self, line: Line) -> None:
        dates = find_dates(line.text)
        phrase = dates[0] if dates else None
        date = self.years.date(phrase) if phrase else self._date_from_preamble(line)
        if self.day.items or self.day.label is not None or self.day.moderators:
            self.days.append(Day(date, line.text, phrase=phrase))
        else:
            self.days[-1] = Day(date, line.text, phrase=phrase)
        self.item = self.parent = None
        self.track, self.track_spans, self.track_fresh = None, {}, False
        self.last_start = None

    def _date_from_preamble(self, line: Line) -> str | None:
        """A date for "Dag 2" or "Fredag" from the event's date range in the introduction."""
        base = self.preamble_phrase
        if base is None:
            return None
        first = self.years.date(base)
        if first is None:
            return None
        import datetime as dt

        start = dt.date.fromisoformat(first)
        span = (base.day2 - base.day) if base.day2 and base.day2 > base.day else 0
        number = find_day_number(line.text)
        if number and 1 <= number <= max(span + 1, 7):
            return (start + dt.timedelta(days=number - 1)).isoformat()
        weekday = find_weekday(line.text)
        if weekday:
            for offset in range(span + 1):
                day = start + dt.timedelta(days=offset)
                if day.weekday() == weekday[0]:
                    return day.isoformat()
        return None

    def open_timed(self, line: Line) -> None:
        time = line.time
        title, people = split_title(time.rest) if time.rest else (None, [])
        end = time.end
        if end and minutes(end) < minutes(time.start) and int(end[:2]) < 12:
            later = minutes(end) + 12 * 60
            if later > minutes(time.start):
                end = f"{later // 60:02d}:{later % 60:02d}"  # "12.30-1.30"
        item = Item(time.start, end, time.approximate, clean_title(title))
        item.add_speakers(people)
        item.source_lines.append(line.idx)
        item.title_pending = not time.rest
        self._maybe_new_day_by_time(item)
        self._place_in_track(item)
        self.day.items.append(item)
        self.item = self.parent = item
        self.last_target = "title"

    def _maybe_new_day_by_time(self, item: Item) -> None:
        """Times starting over without a day heading mean a new day (unless tracks restart)."""
        if self.track_fresh or self.track:
            return
        before, now = self.last_start, minutes(item.start)
        self.last_start = now
        if before is None:
            return
        if now < before - 120 or (now < before and now <= 10 * 60 and before >= 12 * 60):
            date = None
            if self.day.date and self.preamble_phrase and self.preamble_phrase.day2:
                import datetime as dt

                date = (dt.date.fromisoformat(self.day.date) + dt.timedelta(days=1)).isoformat()
            self.days.append(Day(date, None))
            self.last_start = now

    def set_track(self, label: str) -> None:
        self.track = label
        self.track_fresh = True
        self.item = self.parent = None

    def _place_in_track(self, item: Item) -> None:
        if not self.track:
            return
        if not self.track_fresh and len(self.track_spans) >= 1 and item.start:
            others = [v for k, v in self.track_spans.items() if k != self.track]
            if others and minutes(item.start) > max(others):
                self.track = None  # past the parallel block: plenary again
                return
        item.track = self.track
        self.track_fresh = False
        if item.start:
            latest = self.track_spans.get(self.track, 0)
            self.track_spans[self.track] = max(latest, minutes(item.start))

    def open_untimed(self, line: Line, track: str | None = None) -> None:
        title, people = split_title(line.text)
        item = Item(None, None, False, clean_title(title), track=track or self.track)
        item.add_speakers(people)
        item.untimed_child = True
        item.parent = self.parent
        if self.parent is not None:
            self.parent.has_children = True
        item.source_lines.append(line.idx)
        self.day.items.append(item)
        self.item = item
        self.last_target = "title"

    def _day_moderator(self, line: Line) -> bool:
        found = labelled(line.text)
        if not found or found[1] not in ("moderator", "host"):
            return False
        low = found[0].casefold()
        if self.day.items and not any(word in low for word in DAY_MODERATOR_WORDS):
            return False
        people = speaker_line(line.text)
        if not people:
            return False
        self.day.moderators.extend(people)
        return True

    # -- lines under an item ----------------------------------------------------------------

    def attach(self, pos: int, line: Line, prev: Line | None, blank_before: bool) -> None:
        item = self.item
        text = line.text
        if item.title_pending:
            title, people = split_title(text)
            item.title = clean_title(title)
            item.add_speakers(people)
            item.title_pending = False
            item.source_lines.append(line.idx)
            return
        people = speaker_line(text)
        if (
            not people
            and not blank_before
            and prev is not None
            and self.last_target in ("title", "speaker", "description")
            and _CONTINUES.match(text)
            and not prev.text.endswith((".", "!", "?", ":"))
            and not line.bullet
        ):
            self._continue(line)
            return
        if not people and not line.bullet:
            head, found = split_title(text)
            if found and head and len(head.split()) <= 3 and not blank_before:
                people = found  # "Oplæg v/ Name, role" under the item's title
        if people:
            item.add_speakers(people)
            item.source_lines.append(line.idx)
            self.last_target = "speaker"
            return
        if _is_note(text) and not line.bullet:
            item.notes.append(text)
            item.source_lines.append(line.idx)
            self.last_target = "note"
            return
        if self._starts_sub_item(pos, line, blank_before):
            self.open_untimed(line)
            return
        number = _NUMBERED.match(line.marker)
        if number and self.parent is not None and _PARALLEL.search(self.parent.title or ""):
            # "12.45 Workshops" over "1. Unge ...", "2. Flygtninge ...": parallel sessions.
            self.open_untimed(line, track=number.group(1))
            return
        item.source_lines.append(line.idx)
        if line.bullet:
            item.subpoints.append(clean_title(text) or text)
            self.last_target = "subpoint"
        elif _is_note(text):
            item.notes.append(text)
            self.last_target = "note"
        else:
            item.description.append(text)
            self.last_target = "description"

    def _continue(self, line: Line) -> None:
        item = self.item
        item.source_lines.append(line.idx)
        if self.last_target == "title" and item.title:
            title, people = split_title(item.title + " " + line.text)
            item.title = clean_title(title)
            item.add_speakers(people)
        elif self.last_target == "speaker" and item.speakers:
            last = item.speakers[-1]
            extra = line.text.rstrip(".")
            last.role = f"{last.role} {extra}" if last.role else extra
        elif item.description:
            item.description[-1] += " " + line.text
        else:
            item.description.append(line.text)

    def _starts_sub_item(self, pos: int, line: Line, blank_before: bool) -> bool:
        """Whether a heading-like line under a timed item is a separately headed sub-item."""
        if self.parent is None or line.bullet or not _is_heading_like(line):
            return False
        if not blank_before:
            return False
        nxt = self._next(pos, skip_blank=False)
        followed_by_people = nxt is not None and bool(speaker_line(nxt.text))
        if self.parent.has_children:
            return True
        if followed_by_people:
            if self.parent.speakers:
                return True
            return self._headed_people_ahead(pos) >= 2
        # A short line standing alone that names a kind ("Pause", "Spørsmål og diskusjon").
        alone = nxt is None or nxt.time is not None or self.lines[pos + 1] is None
        return len(line.words) <= 5 and alone and kinds.has_kind_word(line.text)

    def _headed_people_ahead(self, pos: int) -> int:
        """How many "heading, then speaker line" pairs follow before the next timed line."""
        count = 0
        end = min(len(self.lines), pos + LOOKAHEAD)
        for ahead in range(pos, end - 1):
            line = self.lines[ahead]
            if line is None:
                continue
            if line.time:
                break
            nxt = self.lines[ahead + 1]
            if (
                nxt is not None
                and _is_heading_like(line)
                and not speaker_line(line.text)
                and speaker_line(nxt.text)
            ):
                count += 1
        return count
