"""`samling import-programme FILE [--language da|sv|nb|en] [--year YYYY]`.

Prints the Programme JSON for a text programme; `-` reads standard input. Exit 0 on success,
2 with a one-line error on standard error when the input cannot be read or parsed.
"""

from __future__ import annotations

import argparse
import json
import sys

from . import ProgrammeParseError, parse
from .lexicon import LANGUAGES


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="samling import-programme",
        description="Print the Programme JSON for a pasted text programme.",
    )
    parser.add_argument("file", help="the programme text file, or - for standard input")
    parser.add_argument(
        "--language", choices=LANGUAGES, help="the text's language (detected if omitted)"
    )
    parser.add_argument("--year", type=int, help="the year for dates written without one")
    return parser


def _read(path: str) -> str:
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        with open(path, "rb") as handle:
            data = handle.read()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # Word and old mail clients save Windows-1252; take it only when it decodes to text.
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise ProgrammeParseError("the file is neither UTF-8 nor Windows-1252 text") from error
    if "\x00" in text:
        raise ProgrammeParseError("the file looks like binary data, not a text programme")
    return text


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    try:
        text = _read(args.file)
        result = parse(text, language=args.language, year=args.year)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        print(f"samling import-programme: cannot read {args.file}: {reason}", file=sys.stderr)
        return 2
    except ProgrammeParseError as error:
        message = " ".join(str(error).split())
        print(f"samling import-programme: {args.file}: {message}", file=sys.stderr)
        return 2
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
