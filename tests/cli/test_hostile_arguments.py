"""A standing guarantee: no argument, however hostile, gets past the refusals.

Every command and subcommand, listed from the parser itself (a new one is covered
without touching this file), is driven with hostile values in each of its arguments
against a small populated database. Each run must end with exit 0, 1 or 2 within a few
seconds, print no traceback and nothing "unexpected", refuse in one short line, let no
escape sequence through, and leave the database exactly as it was when it refuses.
"""

from __future__ import annotations

import argparse
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any, cast

import pytest
from sqlalchemy import select

from netday.cli.parser import OneLineParser, build_parser
from netday.services.context import Context
from netday.store.models import Base
from tests.conftest import TODAY, CliResult

RUN_SECONDS = 5
"""A refusal is instant; the slowest honest command here takes a fraction of a second."""

EMPTY = ""
HUGE = "x" * 100_000
ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x00\x7f\x9b31m"
DIGITS_20 = "99999999999999999999"
STRINGS = [
    EMPTY,
    HUGE,
    ESCAPES,
    DIGITS_20,
    "#" + DIGITS_20,
    "-1",
    "0",
    "%_\\'\"",
    "Ｚｅｄ ２",
    "9999-12-31",
    "FREQ=DAILY;INTERVAL=0",
]
NUMBERS = [EMPTY, HUGE, DIGITS_20, "-1", "0", "1e3", "２"]
DATES = [EMPTY, HUGE, ESCAPES, "9999-12-31", "0001-01-01", "+99999999d", "in 99999999 months"]
CADENCES = [
    EMPTY,
    HUGE,
    "5000 years",
    "99999999999 days",
    "FREQ=DAILY;INTERVAL=0",
    "FREQ=DAILY;INTERVAL=-1",
    "FREQ=HOURLY",
    "FREQ=YEARLY;BYWEEKNO=54",
    "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
    "FREQ=MONTHLY;BYDAY=9MO",
    "FREQ=DAILY;UNTIL=20200101",
]
DATE_DESTS = {"today", "date", "follow_up", "until", "at", "birthday", "connected", "on"}
CADENCE_DESTS = {"every", "rrule"}
SKIPPED_DESTS = {"help", "db", "demo"}
"""--db is the test's own database; --demo builds a second one (covered elsewhere)."""

BASELINE_POSITIONALS = {
    "keep": "1",
    "other": "2",
    "contact": "1",
    "note": "a note",
    "what": "the deck by friday",
    "name": "Hostile Test",
    "id": "1",
    "text": "Hi, glad to connect",
    "url": "https://example.com/post/1",
    "table": "contacts",
    "decision": "skip",
    "key": "minutes_per_day",
    "value": "30",
    "title": "A talk on hiring",
    "line": "Thought of you, Hostile",
}
"""A plausible value for each positional, so that one hostile value at a time is tried."""
BASELINE_OPTIONS: dict[tuple[str, ...], list[str]] = {
    ("invite", "send"): ["-m", "Hello, glad to connect"],
    ("export", "md"): ["--week"],
    ("opportunity", "add"): ["--kind", "event"],
}
LEFT_OUT_WITH: dict[str, set[str]] = {"name": {"contact"}}
"""`invite send --name N` names someone instead of a contact: the two never go together."""


class Hung(BaseException):
    """Raised by the alarm inside a command that runs too long (escapes `except Exception`)."""


def _leaves(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    subparsers = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subparsers:
        yield path, parser
        return
    if not subparsers[0].required:
        yield path, parser
    for name, child in subparsers[0].choices.items():
        yield from _leaves(child, (*path, name))


COMMANDS = dict(_leaves(build_parser()))
COMMANDS.update(
    (
        (("log", name), parser)
        for name, parser in cast(OneLineParser, COMMANDS[("log",)]).verbs.items()
    )
)
"""`log edit ID` and `log delete ID` are verbs of `log` (`OneLineParser.verbs`), not subparsers."""


def _values(action: argparse.Action) -> list[str]:
    if action.dest in DATE_DESTS:
        return DATES
    if action.dest in CADENCE_DESTS:
        return CADENCES
    if action.type not in (None, str) and action.type is not str.upper:
        return NUMBERS
    if action.choices:
        return [EMPTY, HUGE, ESCAPES, "nope"]
    return STRINGS


def _baseline(parser: argparse.ArgumentParser, path: tuple[str, ...], tmp: Path) -> dict[str, Any]:
    values = dict(BASELINE_POSITIONALS)
    values["path"] = str(tmp / "missing.zip")
    values["files"] = str(tmp / "missing.vcf")
    return {
        a.dest: values[a.dest]
        for a in parser._actions
        if not a.option_strings and not isinstance(a, argparse._SubParsersAction)
    }


def _exclusive(parser: argparse.ArgumentParser, dest: str) -> set[str]:
    """Options that cannot go with `dest` (its mutually exclusive group)."""
    return {
        option
        for group in parser._mutually_exclusive_groups
        if dest in {a.dest for a in group._group_actions}
        for a in group._group_actions
        if a.dest != dest
        for option in a.option_strings
    }


def _runs(path: tuple[str, ...], parser: argparse.ArgumentParser, tmp: Path) -> Iterator[list[str]]:
    """Argument lists: the baseline, then one hostile value (or flag) at a time."""
    positionals = _baseline(parser, path, tmp)
    for action in parser._actions:
        if action.dest in SKIPPED_DESTS or isinstance(action, argparse._SubParsersAction):
            continue
        excluded = _exclusive(parser, action.dest)
        options = [o for o in BASELINE_OPTIONS.get(path, []) if o not in excluded]
        if options and options[0] in action.option_strings:
            options = []
        left_out = LEFT_OUT_WITH.get(action.dest, set()) if path[:1] == ("invite",) else set()
        if isinstance(action, argparse._StoreTrueAction):
            hostile_values: list[str | None] = [None]
        else:
            hostile_values = list(_values(action))
        for value in hostile_values:
            given = dict(positionals)
            argv = [*path]
            tail: list[str] = []
            if not action.option_strings:
                given[action.dest] = value
            elif value is None:
                tail = [action.option_strings[-1]]
            else:
                tail = [f"{action.option_strings[-1]}={value}"]
            for dest, text in given.items():
                if dest not in left_out:
                    argv.append(text)
            yield [*argv, *options, *tail]
    yield [*path, *positionals.values(), *BASELINE_OPTIONS.get(path, [])]


def _dump(ctx: Context) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a stable order."""
    with ctx.db.reading() as session:
        return {
            table.name: [
                tuple(row)
                for row in session.execute(
                    select(table).order_by(*(table.primary_key.columns or table.columns))
                )
            ]
            for table in Base.metadata.sorted_tables
        }


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise Hung()


@contextmanager
def _deadline() -> Iterator[None]:
    """Turn a command that hangs (the old INTERVAL=0 loop) into a failure, not a stuck suite."""
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _run(cli, capsys, argv: list[str]) -> CliResult:
    """`cli` within `RUN_SECONDS`; argparse's usage errors (SystemExit 2) become a result."""
    signal.setitimer(signal.ITIMER_REAL, RUN_SECONDS)
    try:
        return cli(*argv)
    except SystemExit as exc:
        captured = capsys.readouterr()
        return CliResult(int(exc.code or 0), captured.out, captured.err)
    except Hung:
        return CliResult(-1, "", f"still running after {RUN_SECONDS} s")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


@pytest.fixture
def populated(cli) -> None:
    assert cli("demo", "--contacts", "20").code == 0
    assert cli("invite", "template", "add", "hello", "Hi, glad to connect").code == 0


def _shown(argv: list[str]) -> str:
    return " ".join(a if len(a) < 40 else a[:20] + f"…({len(a)} chars)" for a in argv)


@pytest.mark.parametrize("command", sorted({path[:1] for path in COMMANDS}), ids=" ".join)
def test_every_command_refuses_hostile_arguments_cleanly(
    cli, capsys, ctx, populated, tmp_path, monkeypatch, command
) -> None:
    monkeypatch.chdir(tmp_path)  # --out / --to with odd names write here, nowhere else
    before = _dump(ctx)
    failures: list[str] = []
    runs = 0
    runs_of_command = (
        argv
        for path, parser in COMMANDS.items()
        if path[:1] == command
        for argv in _runs(path, parser, tmp_path)
    )
    with _deadline():
        for argv in runs_of_command:
            runs += 1
            started = time.perf_counter()
            result = _run(cli, capsys, argv)
            elapsed = time.perf_counter() - started
            if result.code == -1:
                # Interrupted mid-transaction, it may still hold the write lock: stop here.
                failures.append(f"{_shown(argv)}: {result.err}")
                break
            problems = []
            if result.code not in (0, 1, 2):
                problems.append(f"exit {result.code}")
            if "Traceback" in result.err or "unexpected" in result.err.lower():
                problems.append(f"crashed: {result.err[:300]!r}")
            if "\x1b" in result.out or "\x1b" in result.err:
                problems.append("an escape sequence reached the terminal")
            if result.code != 0 and (
                len(result.err.strip().splitlines()) != 1 or len(result.err) > 1000
            ):
                problems.append(f"refusal not one short line: {result.err[:300]!r}")
            # A usage error (exit 2) stops in argparse, before the database is opened.
            after = before if result.code == 2 else _dump(ctx)
            if result.code != 0 and after != before:
                changed = sorted(t for t in after if after[t] != before[t])
                problems.append(f"refused ({result.code}) but changed {changed}")
            before = after
            if problems:
                failures.append(f"{_shown(argv)} [{elapsed:.2f} s]: {'; '.join(problems)}")
    assert runs > 0
    assert not failures, "\n".join(failures)


def test_every_command_is_covered() -> None:
    """The parser is the list: each leaf command is driven by the test above."""
    assert ("contact", "add") in COMMANDS and ("invite", "template", "add") in COMMANDS
    assert ("log", "edit") in COMMANDS and ("log", "delete") in COMMANDS
    assert ("contact", "delete") in COMMANDS
    assert () in COMMANDS and ("settings",) in COMMANDS
    assert len(COMMANDS) >= 35


# --- the cases of the issue, one by one ------------------------------------------------

SEEN = [
    (("contact", "add", "X", "--rrule", "FREQ=DAILY;INTERVAL=0"), 1, "INTERVAL='0'"),
    (("contact", "add", "X", "--rrule", "FREQ=DAILY;COUNT=0"), 1, "COUNT='0'"),
    (("contact", "add", "X", "--rrule", "FREQ=DAILY;UNTIL=20200101"), 1, "no date within"),
    (("contact", "add", "X", "--rrule", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"), 1, "no date"),
    (("contact", "add", "X", "--rrule", "FREQ=MONTHLY;BYMONTHDAY=32"), 1, "BYMONTHDAY='32'"),
    (("contact", "add", "X", "--rrule", "FREQ=YEARLY;BYWEEKNO=54"), 1, "BYWEEKNO='54'"),
    (("contact", "add", "X", "--rrule", "FREQ=YEARLY;BYYEARDAY=367"), 1, "BYYEARDAY='367'"),
    (("contact", "add", "X", "--rrule", "FREQ=SECONDLY"), 1, "too often"),
    (("contact", "add", "X", "--rrule", "FREQ=MINUTELY"), 1, "too often"),
    (("contact", "add", "X", "--rrule", "FREQ=HOURLY"), 1, "too often"),
    (("contact", "add", "X", "--every", "5000 years"), 1, "at most every 60 months"),
    (("contact", "add", "X", "--every", ""), 1, "is not understood"),
    (("contact", "add", "X", "--rrule", ""), 1, "is not a single rule"),
    (("--today", "9999-12-31", "today"), 1, "outside the dates netday keeps"),
    (("--today", "0001-01-01", "today"), 1, "outside the dates netday keeps"),
    (("review", "--date", "0001-01-01"), 1, "outside the dates netday keeps"),
    (("log", "1", "--follow-up", "+99999999d"), 1, "outside the dates netday keeps"),
    (("plan", "snooze", "1", "--until", "+99999999d"), 1, "outside the dates netday keeps"),
    (("log", DIGITS_20), 1, "no contact has id"),
    (("invite", "accept", DIGITS_20), 2, "not an id: a whole number from 1 to 2,147,483,647"),
    (("post", "done", DIGITS_20), 2, "not an id"),
    (("contact", "list", "--limit", DIGITS_20), 2, "from 1 to 100,000"),
    (("stats", "--weeks", DIGITS_20), 2, "a number of weeks: a whole number from 1 to 104"),
    (("settings", "set", "minutes_per_day", DIGITS_20), 1, "from 0 to 1,440"),
    (("contact", "add", "X", "--every", "99999999999 days"), 1, "at most every 1,826 days"),
    (("contact", "add", "X", "--rrule", "FREQ=DAILY;INTERVAL=-1"), 1, "INTERVAL='-1'"),
    (("contact", "add", "X", "--rrule", "FREQ=MONTHLY;BYDAY=9MO"), 1, "BYDAY=9MO"),
    (("contact", "add", "n" * 201), 1, "a name is longer than 200 characters (201)"),
    (("contact", "add", "n" * 130_000), 1, "a name is longer than 200 characters (130,000)"),
    (("invite", "send", "--name", "n" * 201, "-m", "Hi"), 1, "longer than 200 characters"),
    (("invite", "send", "--name", "n" * 130_000, "-m", "Hi"), 1, "longer than 200 characters"),
]


def test_the_cases_of_the_issue_are_refused_in_one_line(cli, capsys, ctx, populated) -> None:
    before = _dump(ctx)
    failures = []
    for args, code, message in SEEN:
        with _deadline():
            result = _run(cli, capsys, list(args))
        if result.code == -1:
            failures.append(f"{_shown(list(args))}: {result.err}")
            break
        refused = (result.code, result.out) == (code, "") and message in result.err
        if not refused or len(result.err.strip().splitlines()) != 1 or len(result.err) > 300:
            failures.append(f"{_shown(list(args))}: exit {result.code} {result.err[:300]!r}")
        elif _dump(ctx) != before:
            failures.append(f"{_shown(list(args))}: refused but changed the database")
    assert not failures, "\n".join(failures)


def test_triage_json_lists_the_people_waiting(cli) -> None:
    """`netday triage --json` failed whenever someone waited ('cannot encode TriageItem')."""
    vcf = "BEGIN:VCARD\nVERSION:3.0\nFN:Wanda Waiting\nN:Waiting;Wanda;;;\nEND:VCARD\n"
    path = Path.cwd() / "wanda.vcf"
    try:
        path.write_text(vcf, encoding="utf-8")
        assert cli("import", "vcard", str(path)).code == 0
    finally:
        path.unlink(missing_ok=True)
    result = cli("triage", "--json")
    assert result.code == 0, result.err
    assert '"name": "Wanda Waiting"' in result.out


def _process(db: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """The real `netday`, killed if it has not answered in 30 s (the old hang)."""
    return subprocess.run(
        [sys.executable, "-m", "netday", "--db", str(db), "--today", TODAY.isoformat(), *args],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


@pytest.mark.sqlite_only("real processes share the database through its file")
def test_cadences_that_used_to_hang_are_refused_by_a_real_process(tmp_path: Path) -> None:
    db = tmp_path / "hang.sqlite3"
    added = _process(db, "contact", "add", "X", "--rrule", "FREQ=DAILY;INTERVAL=0")
    assert added.returncode == 1 and "INTERVAL='0'" in added.stderr
    card = tmp_path / "x.vcf"
    card.write_text(
        "BEGIN:VCARD\nVERSION:3.0\nFN:Xavier Loop\nN:Loop;Xavier;;;\n"
        "X-NETDAY-CADENCE:FREQ=DAILY;INTERVAL=0\nEND:VCARD\n",
        encoding="utf-8",
    )
    imported = _process(db, "import", "vcard", str(card))
    assert imported.returncode in (0, 1), imported.stderr
    assert "INTERVAL='0'" in imported.stdout + imported.stderr
    listed = _process(db, "contact", "list", "--search", "xavier")
    assert listed.returncode == 0 and "Xavier" not in listed.stdout
