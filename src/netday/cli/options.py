"""The options every command takes, declared once, and a way to read them alone.

The full-screen planner starts with no command (`netday`, `netday --db FILE`): reading
those few options with a parser that holds only them leaves out building the parsers of
every command (about 3% of the instructions to the planner's first frame). Anything
else, including a mistake or `--help`, goes to the whole grammar (`netday.cli.parser`),
which says it as it always did.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import NoReturn


def add_global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help="database file or SQLAlchemy URL (env NETDAY_DB)")
    parser.add_argument("--today", help="pin today's date, YYYY-MM-DD (env NETDAY_TODAY)")
    parser.add_argument(
        "--demo", action="store_true", help="use a fresh demo database; your own is untouched"
    )
    parser.add_argument(
        "--no-backup",
        action="store_true",
        help="upgrade an older database without backing it up first",
    )


class _NotOnlyOptions(Exception):
    """The words are more than global options, or wrong: the whole grammar decides."""


class _OptionsOnly(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _NotOnlyOptions(message)


def only_global_options(argv: Sequence[str]) -> argparse.Namespace | None:
    """The global options, when `argv` holds nothing else (then `command` is None);
    None otherwise."""
    parser = _OptionsOnly(prog="netday", add_help=False, allow_abbrev=False)
    add_global_options(parser)
    try:
        args, rest = parser.parse_known_args(list(argv))
    except _NotOnlyOptions:
        return None
    if rest:
        return None
    args.command = None
    return args
