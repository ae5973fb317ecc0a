"""Entry point: global options, opening the database, one-line errors, exit codes."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from netday.cleaning import for_terminal, quoted
from netday.cli.options import only_global_options
from netday.clock import Clock
from netday.config import make_clock, resolve_db_url
from netday.errors import NetdayError

if TYPE_CHECKING:
    from netday.services.context import Context
    from netday.services.demo import DemoNetwork

ERROR_CHARS = 500
"""An error is one line a person reads; what it quotes from the input is cut to fit."""


def _fail(message: str, code: int = 1) -> int:
    """One line on stderr: line breaks joined, controls made visible, length capped."""
    line = for_terminal(" ".join(message.splitlines()))
    if len(line) > ERROR_CHARS:
        line = line[:ERROR_CHARS] + "…"
    sys.stderr.write(f"netday: error: {line}\n")
    return code


def _activity(args: argparse.Namespace) -> str:
    """What this command is doing, as another netday waiting for it would say it."""
    if args.command is None:
        return "the planner is saving"
    if args.command in ("import", "demo"):
        return f"{'an import' if args.command == 'import' else 'the demo'} is running"
    action = getattr(args, "action", None)
    words = " ".join(str(w) for w in (args.command, action) if isinstance(w, str))
    return f"`netday {words}` is running"


def _db_command(args: argparse.Namespace, url: str, clock: Clock) -> int:
    from netday.store.backup import backup_postgresql, backup_sqlite
    from netday.store.db import sqlite_path
    from netday.store.schema import current_revision, open_database

    if args.action == "path":
        path = sqlite_path(url)
        print(path if path else url)
        return 0
    db = open_database(url, clock.now(), backup=not args.no_backup, activity=_activity(args))
    try:
        if args.action == "upgrade":
            print(f"schema at revision {current_revision(db)} (current)")
            return 0
        dest = Path(args.to).absolute() if args.to else None
        if db.path is not None:
            print(backup_sqlite(db.path, clock.now(), dest))
        elif db.is_postgresql:
            print(backup_postgresql(db.url, clock.now(), dest))
        else:
            raise NetdayError("netday backs up SQLite and PostgreSQL; use your database's tools")
        return 0
    finally:
        db.close()


def run(argv: Sequence[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else argv
    args = only_global_options(words)
    if args is None:
        from netday.cli.parser import build_parser

        args = build_parser().parse_args(words)
    clock = make_clock(args.today)
    if args.demo:
        return _run_on_demo(args, clock)
    url = resolve_db_url(args.db)
    if args.command == "db":
        return _db_command(args, url, clock)
    return _run_command(args, url, clock)


def _run_on_demo(args: argparse.Namespace, clock: Clock) -> int:
    """`--demo`: the command runs on a fresh sample network, which `open_demo` makes in
    a folder of its own and removes on the way out; the user's database is not opened."""
    from netday.services.demo import open_demo

    full_screen = _prepare(args)
    with open_demo(clock) as demo:
        if args.command == "db":
            return _db_command(args, demo.ctx.db.url, clock)
        return _serve(args, demo.ctx, demo, full_screen)


def _run_command(args: argparse.Namespace, url: str, clock: Clock) -> int:
    from netday.services.context import Context
    from netday.store.schema import open_database

    full_screen = _prepare(args)
    db = open_database(url, clock.now(), backup=not args.no_backup, activity=_activity(args))
    try:
        return _serve(args, Context(db, clock), None, full_screen)
    finally:
        db.close()


def _prepare(args: argparse.Namespace) -> bool:
    """Import what the command needs, then let garbage collection resume (see `main`),
    or for the full-screen planner, which needs none of the commands' code (True), once
    its first frame is out (`NetdayApp.first_frame_out`)."""
    full_screen = args.command is None and sys.stdin.isatty() and sys.stdout.isatty()
    if full_screen:
        import netday.ui.app
    else:
        import netday.cli.commands  # noqa: F401
    gc.freeze()
    if not full_screen:
        gc.enable()
    return full_screen


def _serve(
    args: argparse.Namespace, ctx: Context, demo: DemoNetwork | None, full_screen: bool
) -> int:
    """Open the full-screen planner, or run the command, on an open database."""
    if full_screen:
        from netday.ui.app import NetdayApp

        NetdayApp(ctx, demo=demo).run()
        return 0
    from netday.cli.commands import HANDLERS, cmd_today

    handler = HANDLERS.get(args.command or "", cmd_today)
    return handler(ctx, args)


def main(argv: Sequence[str] | None = None) -> int:
    # A short-lived command allocates most of its objects while importing; collecting
    # garbage then only costs start-up time. Collection resumes once the command runs.
    gc.disable()
    try:
        return run(argv)
    except NetdayError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return _fail("interrupted; nothing was half-written", 130)
    except BrokenPipeError:
        return 0
    except Exception as exc:
        if os.environ.get("NETDAY_DEBUG"):
            raise
        from sqlalchemy.exc import SQLAlchemyError

        if isinstance(exc, SQLAlchemyError):
            detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
            return _fail(f"database error: {detail} (nothing was changed)")
        if isinstance(exc, ModuleNotFoundError):
            return _fail(
                f"the database driver {exc.name!r} is not installed: pip install {exc.name}"
            )
        if isinstance(exc, OSError):
            where = f": {quoted(str(exc.filename))}" if exc.filename else ""
            return _fail(f"{exc.strerror or exc}{where}")
        return _fail(f"unexpected {type(exc).__name__}: {exc} (NETDAY_DEBUG=1 shows details)", 2)
    finally:
        gc.unfreeze()
        gc.enable()


def entry() -> None:
    """The `netday` console script.

    By the time `main` returns, every transaction is committed and the engine disposed;
    tearing down the interpreter's modules would only add tens of milliseconds to every
    command, so the process leaves at once after flushing its output.
    """
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        pass
    os._exit(code)
