"""`samling allocate-groups FILE [--seed N]`: allocate groups from a JSON file or stdin."""

import argparse
import json
import sys

from .allocation import allocate
from .model import AllocationError

PROG = "samling allocate-groups"


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line on stderr instead of usage + message
        raise _UsageError(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Split participants into discussion groups and print the result as JSON.",
    )
    parser.add_argument("file", metavar="FILE", help="input JSON file, or - for standard input")
    parser.add_argument("--seed", type=int, help="random seed; overrides the input's seed")
    return parser


def _fail(message: str) -> int:
    print(f"{PROG}: error: {' '.join(message.split())}", file=sys.stderr)
    return 2


def main(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
    except _UsageError as error:
        return _fail(str(error))
    except SystemExit as done:  # --help
        return done.code if isinstance(done.code, int) else 0
    try:
        if args.file == "-":
            text = sys.stdin.read()
        else:
            with open(args.file, encoding="utf-8") as handle:
                text = handle.read()
    except (OSError, UnicodeDecodeError) as error:
        return _fail(f"cannot read {args.file}: {error}")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return _fail(f"{args.file} is not valid JSON: {error}")
    if args.seed is not None and isinstance(data, dict):
        data = {**data, "seed": args.seed}
    try:
        result = allocate(data)
    except AllocationError as error:
        return _fail(str(error))
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0
