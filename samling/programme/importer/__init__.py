"""Programme importer: pasted programme text to Programme JSON (GUIDE section 3).

Plain Python, standard library only, so it runs without Django (the `samling import-programme`
command and the organiser screen both call `parse`).
"""

from __future__ import annotations

from .language import detect_language, timezone_for
from .lexicon import LANGUAGES

__all__ = ["ProgrammeParseError", "detect_language", "parse"]


class ProgrammeParseError(ImportError):
    """The text cannot be read as a programme; the message is one line for the user."""


_MAX_CHARS = 20_000_000


def parse(text: str, language: str | None = None, year: int | None = None) -> dict:
    """Programme JSON for a pasted programme text.

    `language` is one of da, sv, nb, en (detected when None); `year` fills in dates written
    without one (otherwise the document's own dates do).
    """
    _check(text, language, year)
    try:
        from .document import parse_document

        lang = language or detect_language(text)
        result = parse_document(text, year)
        return {
            "title": result["title"],
            "language": lang,
            "timezone": timezone_for(text, lang),
            "days": result["days"],
        }
    except ProgrammeParseError:
        raise
    except Exception as error:
        # A bug must not surface as a traceback in the organiser screen; it is reported as a
        # parse error naming the cause, and the tests make sure ordinary text never gets here.
        raise ProgrammeParseError(
            f"could not read the programme ({type(error).__name__})"
        ) from error


def _check(text: object, language: str | None, year: int | None) -> None:
    if not isinstance(text, str):
        raise ProgrammeParseError("the programme must be text, not " + type(text).__name__)
    if language is not None and language not in LANGUAGES:
        raise ProgrammeParseError(f"unknown language {language!r}; use one of da, sv, nb, en")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)
                             or not 1900 <= year <= 2200):  # fmt: skip
        raise ProgrammeParseError(f"implausible year {year!r}")
    if len(text) > _MAX_CHARS:
        raise ProgrammeParseError(
            "the text is too long for a programme (over 20 million characters)"
        )
    if not text.strip():
        raise ProgrammeParseError("the text is empty")
    sample = text[:20_000]
    control = sum(1 for ch in sample if (ch < " " and ch not in "\t\n\r\f\v") or ch == "\ufffd")
    if "\x00" in sample or control > max(8, len(sample) // 20):
        raise ProgrammeParseError("the input looks like binary data, not a text programme")
