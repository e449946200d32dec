"""Preparing and classifying the lines of a pasted programme.

Pasted text comes with bullets ("•", "-", "1."), Markdown emphasis, tabs, non-breaking spaces
and zero-width characters; these are removed here, keeping each line's number in the input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import find_dates, find_day_number, find_weekday
from .lexicon import META_LABELS, MONTHS, PROGRAMME_HEADINGS, STOP_HEADINGS, TRACK_WORDS
from .times import TimeMatch, parse_leading_time

MAX_LINE = 4000  # characters of a line that are analysed; the rest is kept but not parsed

_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[ \u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_COLUMN_GAP = re.compile(r"[ \u00a0]*\t[\t \u00a0]*|[ \u00a0]{3,}")
_MONTH_AHEAD = "|".join(sorted(MONTHS, key=len, reverse=True))
_BULLET = re.compile(
    r"^(?:[•·▪◦●○■□►▶➢➤✓✔]+|[-–—*+>]+(?=\s)|\d{1,2}[.)](?!\s*(?:" + _MONTH_AHEAD + r")\b)"
    r"(?=\s+\D)|[a-hA-H][.)](?=\s)|\(\d{1,2}\)|\[[ xX]?\])\s*",
    re.IGNORECASE,
)
_MARKDOWN = re.compile(r"\*+|(?<!\w)_{1,2}|_{1,2}(?!\w)|^#{1,6}\s*|`")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
URL = re.compile(
    r"https?://|www\.\w|\b[\w-]+\.(?:dk|se|no|com|org|net|eu|fi|is|nu|io|info)(?:/\S*)?(?!\w)",
    re.IGNORECASE,
)
PHONE = re.compile(
    r"(?:\+\d{2}[\s-]?\d[\d\s-]{6,14}\d|\b0\d{1,3}[\s-]?\d{5,8}\b|\b\d{2} \d{2} \d{2} \d{2}\b"
    r"|\b0\d{2,3}-\d{2,3} ?\d{2} ?\d{2}\b|\b(?:tlf|tel|telefon|phone|mobil|mob)\.?:?\s*\+?\d)",
    re.IGNORECASE,
)
_META = re.compile(
    r"^(?:" + "|".join(re.escape(w) for w in sorted(META_LABELS, key=len, reverse=True)) + r")\s*:",
    re.IGNORECASE,
)
_TRACK = re.compile(
    r"^(?:parallel\w*\s+)?(?:"
    + "|".join(TRACK_WORDS)
    + r")\s*(?:[A-H]|\d{1,2}|[IVX]{1,4})\b(?![.:]\d)"
    r"(?:\s*[:.–—-]\s*.{0,100})?$",
    re.IGNORECASE,
)
_AUDIENCE = re.compile(
    r"^(?:program(?:me|met)?\s+)?(?:for|för)\s+(?:de\s+|the\s+|alle\s+|alla\s+)?"
    r"[\wæøåäö-]+(?:\s+[\wæøåäö-]+){0,3}\s*:?$",
    re.IGNORECASE,
)
_DAY_FILLER = re.compile(
    r"\b(?:den|d\.|the|of|kl|klokken|klockan|dag|dagen|day|program|programme|agenda|"
    r"og|och|and|\d{1,2}(?:[.:]\d{2})?|[ap]m)\b\.?|[-–—,.:;()/]",
    re.IGNORECASE,
)


@dataclass
class Line:
    idx: int  # 0-based line number in the input
    text: str  # cleaned text without its bullet
    bullet: bool
    indent: int
    time: TimeMatch | None
    marker: str = ""  # the bullet as written: "•", "-", "2.", "b)"

    @property
    def words(self) -> list[str]:
        return self.text.split()


def prepare(text: str) -> list[Line | None]:
    """One entry per input line: a Line, or None for a blank one."""
    out: list[Line | None] = []
    for idx, raw in enumerate(text.split("\n")):
        raw = raw[:MAX_LINE]
        raw = _INVISIBLE.sub("", raw.replace("\r", ""))
        raw = _CONTROL.sub(" ", raw)
        stripped = raw.lstrip(" \u00a0")
        indent = len(raw) - len(stripped)
        bullet = _BULLET.match(stripped)
        body = stripped[bullet.end() :] if bullet else stripped
        body = _MARKDOWN.sub("", body)
        # Tabs and wide gaps separate table columns ("09.00\tTitle\tSpeaker"): keep one tab.
        body = _COLUMN_GAP.sub("\t", body.strip(" \t\u00a0"))
        body = _SPACES.sub(" ", body).strip()
        if not body or not any(ch.isalnum() for ch in body):
            out.append(None)
            continue
        time = parse_leading_time(body)
        marker = bullet.group().strip() if bullet else ""
        out.append(Line(idx, body, bool(bullet), indent, time, marker))
    return out


def is_noise(line: Line) -> bool:
    """Contact details and links: never part of an item."""
    text = line.text
    return bool(EMAIL.search(text) or URL.search(text) or PHONE.search(text))


def _bare(text: str) -> str:
    return text.casefold().strip().rstrip(":.").strip()


_SIGNATURE = re.compile(
    r"^(?:med\s+)?(?:venlig|vänlig|vennlig|venleg|bedste|bästa|beste)\s+(?:hilsen|hälsning\w*|helsing)"
    r"|^(?:mvh|vh|hilsen|hälsningar|kind regards|best regards|regards|sincerely|yours sincerely"
    r"|best wishes)\b",
    re.IGNORECASE,
)


_REGISTRATION_SENTENCE = re.compile(
    r"^(?:tilmelding|tilmeld|anmälan|anmäl|påmelding|meld deg|registration|register|sign up)\b"
    r".*\b(?:senest|senast|innen|før|före|by|before|deadline|via|på|at|til|till|to)\b",
)


def is_stop_heading(line: Line) -> bool:
    """A heading after which the programme is over (contact, registration, prices...)."""
    bare = _bare(line.text)
    if bare in STOP_HEADINGS or _SIGNATURE.match(bare) or _REGISTRATION_SENTENCE.match(bare):
        return True
    head, sep, _ = line.text.partition(":")
    return bool(sep) and _bare(head) in STOP_HEADINGS and len(head.split()) <= 3


def is_programme_heading(line: Line) -> bool:
    bare = _bare(line.text)
    return bare in PROGRAMME_HEADINGS or bool(
        re.fullmatch(r"(?:foreløbigt|foreløpig|preliminärt|preliminary|draft|endeligt|final)?\s*"
                     r"(?:program|programme|agenda|dagsorden)(?:\s+\w+){0,3}", bare)
    ) and len(bare.split()) <= 4  # fmt: skip


def is_meta(line: Line) -> bool:
    """'Tid: ...', 'Sted: ...', 'Date: ...': facts about the event, not items."""
    return bool(_META.match(line.text))


def track_label(line: Line) -> str | None:
    """The label of a parallel-session or audience heading."""
    text = line.text.strip().rstrip(":").strip()
    if len(text) > 90 or line.time:
        return None
    if _TRACK.match(text) or _AUDIENCE.match(line.text.strip()):
        return text
    return None


def day_heading(line: Line) -> bool:
    """A line that opens a programme day: a date, weekday or "Dag 2" with little else."""
    text = line.text
    if line.time or len(text) > 70 or is_meta(line):
        return False
    dates = find_dates(text)
    weekday = find_weekday(text)
    number = find_day_number(text)
    if not (dates or weekday or number):
        return False
    first = min(
        [d.start for d in dates]
        + ([weekday[1].start()] if weekday else [])
        + ([m.start() for m in re.finditer(r"\b(?:dag|day|første|første|första|first|anden|"
                                           r"andra|andre|second|tredje|third)\b", text, re.I)])
    )  # fmt: skip
    if re.sub(r"^(?:den|the|on)\s+", "", text[:first].strip(), flags=re.I).strip(" -–—:,."):
        return False  # something comes before the date: "Skellefteå 26 november", a title
    rest = text
    for phrase in sorted(dates, key=lambda d: -d.start):
        rest = rest[: phrase.start] + " " + rest[phrase.end :]
    if weekday:
        rest = rest.replace(weekday[1].group(), " ", 1)
    rest = _DAY_FILLER.sub(" ", rest)
    leftover = [w for w in rest.split() if not w.isdigit()]
    return len(leftover) <= 3
