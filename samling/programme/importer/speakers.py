"""People in programme lines: "Name, title, organisation", "v/ Name", "with Name and Name",
"Moderator: Name", "Ellen Heldahl, Klas Danerlov og moderator Christer Asplund".

A name is two to five capitalised words with no organisation or topic word among them. Where
the context does not promise a person (a comma or dash at the end of a title), the first word
must also be a known given name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import (
    ALL_ROLE_ENDING_VERBS,
    CONJUNCTIONS,
    FUNCTION_WORDS,
    GROUP_STEMS,
    HONORIFICS,
    MONTHS,
    NAME_PARTICLES,
    NOT_NAME_WORDS,
    ORGANISATION_WORDS,
    ROLE_ENDING_PREPOSITIONS,
    SPEAKER_LABELS,
    UNNAMED_ROLES,
    WEEKDAYS,
)
from .names import is_known_first_name


@dataclass
class Speaker:
    name: str
    role: str | None = None
    function: str | None = None

    def as_dict(self) -> dict:
        out: dict = {"name": self.name, "role": self.role}
        function = self.function or function_of(self.role)
        if function:
            out["function"] = function
        return out


@dataclass
class _Person:
    name: str
    title: str | None  # words before the name ("professor", "moderator")
    role: str | None  # a parenthesis after the name


_UPPER = "A-ZÆØÅÄÖÜÉÈÁÍÓÚÑÇŠŽŁÞÐ"
_NAME_TOKEN = re.compile(rf"^(?:[{_UPPER}][\w’'\-]*\w|[{_UPPER}]\.(?:-?[{_UPPER}]\.)?)$")
_HAS_LOWER = re.compile(r"[a-zæøåäöüéèáíóúñçšžłþð]")
_PREPOSITIONS = {"i", "på", "av", "af", "ved", "vid", "för", "for", "of", "in", "at", "til",
                 "till", "hos", "fra", "från", "from", "och", "og", "and", "med", "with"}  # fmt: skip
_NOUN_LIKE_VERBS = {"leder", "taler", "indleder", "innleder", "holder", "vil", "som", "der"}
_ABBREVIATIONS = {"f", "d", "fd", "bl", "a", "t", "ex", "dvs", "mfl", "m", "fl", "etc", "inkl",
                  "ca", "nr", "st", "dr", "prof", "mr", "mrs", "ms", "jr", "sr", "mag", "cand",
                  "ph", "pol", "jur", "oecon", "scient", "techn", "adm", "dir", "vd", "gl",
                  "resp", "evt", "ev", "bla", "tex", "mv", "osv", "vs", "no", "u", "s"}  # fmt: skip
_SENTENCE_END = re.compile(rf"(\S+)\.\s+(?=[{_UPPER}\"«“])")
_ROLE_END = re.compile(
    r"(?:,\s*|\s+)(?P<word>[a-zæøåäöü]+)\b(?P<after>\s+[\wæøåäöü]+)?",
)
_CONJ_SPLIT = re.compile(
    r"(,?\s+(?:" + "|".join(re.escape(c) for c in CONJUNCTIONS) + r")\s+|,\s*|;\s*)",
    re.IGNORECASE,
)
_LABEL_ALT = "|".join(re.escape(k) for k in sorted(SPEAKER_LABELS, key=len, reverse=True))
_LABEL = re.compile(
    rf"^(?P<label>(?:dagens\s+|kvällens\s+|kveldens\s+|aftenens\s+|the\s+)?(?:{_LABEL_ALT}))"
    rf"(?:\s*:\s*|\s+(?:är|er|is|blir|bliver|will be)\s+|\s*[–—-]\s+)(?P<rest>.+)$",
    re.IGNORECASE,
)
_LEAD_MARKER = re.compile(r"^(?P<marker>v/|v\.|ved|med|with|by|m/|presented by|led by)\s*(?P<rest>.+)$",
                          re.IGNORECASE)  # fmt: skip
_ORG_SUFFIX = re.compile(
    r"(?:verket|direktoratet|styrelsen|styrelse|departementet|ministeriet|institutet|instituttet"
    r"|forbundet|förbundet|foreningen|föreningen|kommune|kommun|rådet|nämnden|udvalget|utvalget"
    r"|komiteen|kommittén|banken|fonden|fondet|sekretariatet|tilsynet|myndigheten|etaten"
    r"|kontoret|selskabet|selskapet|universitet|universitetet|akademiet)$",
    re.IGNORECASE,
)


def function_of(role: str | None) -> str | None:
    if not role:
        return None
    low = role.casefold()
    for function, words in FUNCTION_WORDS:
        if any(word in low for word in words):
            return function
    return None


def _is_name_token(token: str, after_known_first_name: bool = False) -> bool:
    if not _NAME_TOKEN.match(token):
        return False
    if len(token) > 2 and not _HAS_LOWER.search(token):
        return False  # acronyms: KSO, NTNU, ICEBERG
    low = token.casefold().strip(".")
    if after_known_first_name:
        return low not in ORGANISATION_WORDS  # "Peter Hall", "Anna Berg"
    return low not in NOT_NAME_WORDS and low not in MONTHS and low not in WEEKDAYS


def parse_person(segment: str, *, strict: bool = False) -> _Person | None:
    """A person named by the whole segment, maybe after title words and before "(role)"."""
    segment = segment.strip().strip(".:;").strip()
    role = None
    paren = re.search(r"\s*\(([^()]{1,120})\)\s*$", segment)
    if paren:
        role = paren.group(1).strip()
        segment = segment[: paren.start()].strip()
    tokens = segment.split()
    if not 2 <= len(tokens) <= 9:
        return None
    title: list[str] = []
    while tokens and len(title) < 3:
        word = tokens[0].casefold().strip(".,")
        if word in HONORIFICS or (
            tokens[0][:1].islower() and word not in _PREPOSITIONS and word not in NAME_PARTICLES
        ):
            title.append(tokens.pop(0))
        else:
            break
    if (
        len(tokens) >= 3
        and not is_known_first_name(tokens[0])
        and is_known_first_name(tokens[1])
        and tokens[0][:1].isupper()
        and not tokens[0].endswith(".")
    ):
        title.append(tokens.pop(0))  # "Kontorchef Anne Sofie Brandt"
    if not 2 <= len(tokens) <= 5:
        return None
    if any(t.casefold() in _PREPOSITIONS for t in title):
        return None
    names = [t for t in tokens if t.casefold() not in NAME_PARTICLES]
    if tokens[0].casefold() in NAME_PARTICLES or tokens[-1].casefold() in NAME_PARTICLES:
        return None
    known = is_known_first_name(names[0]) if names else False
    if len(names) < 2 or not _is_name_token(names[0], known and len(names[0]) > 1):
        return None
    if not all(_is_name_token(t, known) for t in names[1:]):
        return None
    if names[-1].endswith(".") and len(names[-1]) <= 2:
        return None  # ends in an initial: "Hansen J." is rare, "Mr. X." a typo; be safe
    if strict and not is_known_first_name(names[0]):
        return None
    return _Person(" ".join(tokens), " ".join(title) or None, role)


def cut_prose(text: str, after: int = 0) -> str:
    """Cut a speaker line where the sentence about the person goes on (past index `after`)."""
    cut = len(text)
    for match in _SENTENCE_END.finditer(text, after):
        before = match.group(1).casefold().rsplit(".", 1)[-1]
        if len(before) <= 1 or before in _ABBREVIATIONS:
            continue
        cut = match.start() + len(match.group(1))
        break
    for match in _ROLE_END.finditer(text, after, cut):
        word = match.group("word")
        comma = match.group(0).lstrip().startswith(",")
        if word in ALL_ROLE_ENDING_VERBS:
            after_word = (match.group("after") or "").strip().casefold()
            if word in _NOUN_LIKE_VERBS and (comma or after_word in _PREPOSITIONS):
                continue
            cut = match.start()
            break
        if comma and word in ROLE_ENDING_PREPOSITIONS:
            cut = match.start()
            break
    return text[:cut].rstrip(" ,;:–-")


def _segments(text: str) -> list[tuple[str, str]]:
    """(separator before, segment) pairs; separators keep their spelling for the role text."""
    parts = _CONJ_SPLIT.split(text)
    out = [("", parts[0])]
    for i in range(1, len(parts) - 1, 2):
        out.append((parts[i], parts[i + 1]))
    # Commas inside parentheses belong to the segment: "Name (Org, Town)".
    merged: list[tuple[str, str]] = []
    for sep, seg in out:
        if merged and merged[-1][1].count("(") > merged[-1][1].count(")"):
            merged[-1] = (merged[-1][0], merged[-1][1] + sep + seg)
        else:
            merged.append((sep, seg))
    return merged


def parse_people(
    text: str, *, strict: bool = False, allow_org: bool = False, whole: bool = True
) -> list[Speaker]:
    """Speakers named in `text`; [] when it does not start with a person.

    `strict` wants a known given name for the first person; `allow_org` takes an organisation
    ("v/Valgdirektoratet"); `whole` refuses text that goes on after the people with words that
    are not a role (used for the tail of a title).
    """
    text = text.strip().strip("*_").strip()
    if not text:
        return []
    first_cut = re.search(r",|\s\(|;|\s(?:og|och|and|&)\s", text)
    text = cut_prose(text, first_cut.start() if first_cut else len(text))
    speakers: list[Speaker] = []
    list_mode = False
    for sep, seg in _segments(text):
        seg = seg.strip()
        if not seg:
            continue
        person = parse_person(seg, strict=strict and not speakers)
        current = speakers[-1] if speakers else None
        if person and current is not None:
            # After a comma, a name-shaped segment is a second person only with a known given
            # name or inside a list; otherwise it is the first person's organisation.
            known = is_known_first_name(person.name.split()[0])
            joined = sep.strip(" ,").casefold() in CONJUNCTIONS
            if not (known or joined or (current.role is None and list_mode)):
                person = None
        if person:
            if current is not None and current.role is None:
                list_mode = True
            role = person.role
            if person.title:
                role = person.title + (", " + role if role else "")
            speakers.append(Speaker(person.name, role))
            continue
        if current is None:
            org = _organisation(seg) if allow_org else None
            if org is None:
                return []
            speakers.append(Speaker(org, None))
            continue
        if list_mode and re.fullmatch(r"[a-zæøåäöü\-]+", seg):
            continue  # "..., mötesdeltagarna och moderator X": not a person, not a role
        if whole and current.role is None and sep.strip(" ,").casefold() in CONJUNCTIONS:
            return []  # "Title with Anna Berg and friends": not a list of people
        current.role = (current.role + sep + seg) if current.role else seg
    for speaker in speakers:
        if speaker.role:
            speaker.role = speaker.role.strip().rstrip(".").strip() or None
    return speakers


def _organisation(segment: str) -> str | None:
    """An organisation or group named after "v/": capitalised, or a lower-case committee."""
    segment = segment.strip().rstrip(".")
    if not segment or len(segment) > 80:
        return None
    low = segment.casefold()
    if low in UNNAMED_ROLES:
        return None
    if segment[0].isupper() or segment[0].isdigit():
        return segment
    if any(stem in low for stem in GROUP_STEMS):
        return segment
    return None


def is_organisation_line(text: str) -> bool:
    """A lone organisation on its own line under an item ("Tillväxtverket")."""
    words = text.strip().rstrip(".").split()
    return len(words) == 1 and words[0][:1].isupper() and bool(_ORG_SUFFIX.search(words[0]))


def labelled(text: str) -> tuple[str, str, str] | None:
    """(label as written, function, rest) for "Moderator: Name" / "Moderator är Name"."""
    match = _LABEL.match(text.strip())
    if not match:
        return None
    label = match.group("label")
    key = re.sub(r"^(?:dagens|kvällens|kveldens|aftenens|the)\s+", "", label.casefold())
    return label, SPEAKER_LABELS.get(key, "speaker"), match.group("rest")


def speaker_line(text: str) -> list[Speaker]:
    """The people a whole line under an item names, or [] when it is not such a line."""
    text = text.strip().strip("*_").strip()
    found = labelled(text)
    if found:
        label, function, rest = found
        people = parse_people(rest, allow_org=True, whole=False)
        for person in people:
            person.role = label + ("; " + person.role if person.role else "")
            person.function = function
        return people
    marker = _LEAD_MARKER.match(text)
    if marker:
        is_slash = marker.group("marker").casefold() in ("v/", "m/")
        return parse_people(marker.group("rest"), allow_org=is_slash, whole=False)
    people = parse_people(text, whole=False)
    if not people:
        if is_organisation_line(text):
            return [Speaker(text.strip().rstrip("."))]
        return _role_first(text)
    # A lone "First Last" line: only with a known given name ("Study Sites Update" is not).
    lone = len(people) == 1 and people[0].role is None and "," not in text and "(" not in text
    if lone and not is_known_first_name(people[0].name.split()[0]):
        return []
    return people


def _role_first(text: str) -> list[Speaker]:
    """ "Formand for KKR Sjælland, borgmester John Dyrby Paulsen": the name comes last."""
    head, sep, last = text.rstrip(". ").rpartition(", ")
    if not sep or len(head) > 120 or head.count(",") > 1:
        return []
    person = parse_person(last, strict=True)
    if person is None or person.role:
        return []
    role = head + (", " + person.title if person.title else "")
    return [Speaker(person.name, role)]


_INLINE_MARKER = re.compile(r"(?:\s|^)(v/|v\.|ved|med|with|m/|featuring)(?=\s|(?<=/)\S)",
                            re.IGNORECASE)  # fmt: skip
_DASH_SPLIT = re.compile(r"\s+[–—-]\s+")


def split_title(text: str) -> tuple[str | None, list[Speaker]]:
    """Title and speakers of an item line's text after its time."""
    text = text.strip()
    if not text:
        return None, []
    columns = [c.strip() for c in re.split(r"\t+|\s\|\s|\s{3,}", text) if c.strip()]
    if len(columns) > 1:
        title, speakers = split_title(columns[0])
        for column in columns[1:]:
            speakers.extend(speaker_line(column))
        return title, speakers
    whole = parse_people(text, strict=True, whole=False)
    if whole and (len(whole) > 1 or whole[0].role or len(text.split()) <= 4):
        return None, whole  # "1415: Maria Eriksson, Næringsdepartementet, Sverige"
    for match in _INLINE_MARKER.finditer(text):
        head = text[: match.start()].rstrip(" ,:;–-")
        if not head:
            continue
        marker = match.group(1).casefold()
        tail = text[match.end() :]
        people = parse_people(tail, allow_org=marker in ("v/", "m/"))
        if people:
            return head, people
    parts = _DASH_SPLIT.split(text)
    if len(parts) > 1:
        people = parse_people(parts[-1], strict=True)
        if people:
            return " – ".join(parts[:-1]).strip() or None, people
    paren = re.search(r"\s*\(([^()]+)\)\s*\.?$", text)
    if paren:
        people = parse_people(paren.group(1), strict=True)
        if people:
            return text[: paren.start()].strip() or None, people
    for match in re.finditer(r",\s+|:\s+", text):
        people = parse_people(text[match.end() :], strict=True)
        if people:
            return text[: match.start()].strip() or None, people
    return text, []
