"""TUI benchmark: the first complete frame in a real terminal beside two other apps, and
the time from each key to the screen that shows its result, at 10,000 contacts.

First frame: `../shared/bench/firstframe.sh` (tmux, 120x40) times launch until a text
from the app's own database is on screen, for four apps in turn, round after round, so
that all of them see the same machine load: the shared floor app (Textual + four
DataTable panes read through the SQLAlchemy ORM; mark READYMARK), netday on the demo and
on 10,000 contacts (mark: the second name of that database's plan, which only the
laid-out Calls pane shows, so the plan was read and the panes drawn at their width),
and dooit (Textual + SQLAlchemy 2, `pip install -e '.[bench]'`; mark: a
workspace written into its database first). A run that never shows its mark stops the
benchmark: no time is published for an app that did not do its work.

Keys: the real app, driven by Pilot at 120x40 on a copy of the 10,000-contact database
(a fresh copy each round). A key's time runs from the key event to the end of the first
frame that shows its result (the frame is also turned into the bytes a terminal would
get, as a real run does). The floor: a cursor move in the floor app's DataTable, timed
the same way in the same rounds. Medians and maxima; nothing is asserted.

    .venv/bin/python benchmarks/tui.py [--runs 9] [--big PATH] [--instructions]
        [--skip-frames] [--skip-keys]

`--instructions` also counts, under callgrind, the instructions each app executes up to
its first frame (`shown.py`): unlike times, they do not move with the machine's load.
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import datetime as dt
import json
import os
import runpy
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "bench"
TODAY = "2026-11-22"
SIZE = (120, 40)
BUDGET_MS = 50.0
"""The most a key may take to show its result (issue 10)."""
DOOIT_MARK = "DOOITMARK"


def child_env(**extra: str) -> dict[str, str]:
    """The environment of every measured process: the user's, with bytecode caching on.

    An installed netday (and dooit, and the libraries) runs from compiled bytecode; a
    shell that sets PYTHONDONTWRITEBYTECODE would make netday alone, run from its
    source tree, compile each of its modules on every start.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "NETDAY_TODAY": TODAY, **extra}


def netday(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "netday", *args],
        check=True,
        capture_output=True,
        text=True,
        env=child_env(),
    )


# --- the first frame --------------------------------------------------------------


def first_frame_ms(mark: str, command: str) -> float | None:
    out = subprocess.run(
        ["bash", str(SHARED / "firstframe.sh"), mark, command],
        capture_output=True,
        text=True,
        check=False,
        env=child_env(),
    ).stdout.strip()
    return float(out) if out.isdigit() else None


def complete_frame_mark(db: Path) -> str:
    """The second planned call's name: the detail line under the panes names the first
    call, so only a frame with the Calls pane laid out shows the second. (The first
    call's name, used before, was on screen in a frame drawn before the panes knew
    their width, columns squeezed to `…`: the benchmark stopped 0.66 G instructions
    before the first complete frame at 10,000 contacts.)"""
    data = json.loads(netday("--db", str(db), "today", "--json").stdout)
    names = [str(call["contact"]["name"]) for call in data["calls"]]
    if len(names) < 2:
        raise SystemExit(f"{db}: fewer than two calls today, no mark for a complete frame")
    return names[1]


def contacts_in(db: Path) -> int:
    from sqlalchemy import func, select

    from netday.store.models import Contact
    from netday.store.schema import open_database

    database = open_database(f"sqlite:///{db}", dt.datetime.now())
    try:
        with database.reading() as session:
            return session.scalar(select(func.count()).select_from(Contact)) or 0
    finally:
        database.close()


@dataclass(frozen=True)
class Contender:
    """An app whose first frame is timed: the text that shows it did its work, and how
    to start it (`shown.py`'s name for it, its arguments, its environment)."""

    name: str
    mark: str
    app: str
    args: tuple[str, ...]
    env: tuple[tuple[str, str], ...] = ()

    def command(self) -> str:
        """The shell command that starts it as a user would."""
        env = " ".join(f"{k}={shlex.quote(v)}" for k, v in self.env)
        start = {
            "floor": [sys.executable, str(SHARED / "floor_app.py")],
            "netday": [sys.executable, "-m", "netday"],
            "dooit": [str(Path(sys.executable).with_name("dooit"))],
        }[self.app]
        return f"env -u PYTHONDONTWRITEBYTECODE {env} {shlex.join([*start, *self.args])}"

    def shown_command(self, out: Path) -> str:
        """The same under callgrind, leaving as soon as the mark is on screen."""
        env = " ".join(f"{k}={shlex.quote(v)}" for k, v in self.env)
        shown = [sys.executable, str(Path(__file__).with_name("shown.py")), self.mark, self.app]
        grind = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"]
        command = shlex.join([*grind, *shown, *self.args])
        return f"env -u PYTHONDONTWRITEBYTECODE PYTHONHASHSEED=0 {env} {command}"


def contenders(work: Path, demo: Path, big: Path) -> list[Contender]:
    """The floor, netday on the demo and at 10,000 contacts, and dooit if installed (on a
    database of its own holding the mark, its folders inside `work`)."""
    today = (("NETDAY_TODAY", TODAY),)
    apps = [
        Contender("floor_app", "READYMARK", "floor", (str(work / "floor.db"),)),
        Contender("netday_demo", complete_frame_mark(demo), "netday", ("--db", str(demo)), today),
        Contender("netday_10k", complete_frame_mark(big), "netday", ("--db", str(big)), today),
    ]
    if not Path(sys.executable).with_name("dooit").exists():
        print("dooit is not installed (pip install -e '.[bench]'): measured without it")
        return apps
    home = work / "dooit-home"
    env = tuple((f"XDG_{d.upper()}_HOME", str(home / d)) for d in ("data", "config", "cache"))
    db = work / "dooit.db"
    seed = (
        "import sys\n"
        "from dooit.api import Workspace, manager\n"
        "manager.connect(sys.argv[1])\n"
        "root = Workspace._get_or_create_root()\n"
        "for name in ('Work', 'Home', sys.argv[2]):\n"
        "    w = root.add_workspace(); w.description = name; w.save()\n"
        "    for i in range(5):\n"
        "        t = w.add_todo(); t.description = f'todo {i} of {name}'; t.save()\n"
    )
    subprocess.run(
        [sys.executable, "-c", seed, str(db), DOOIT_MARK], check=True, env=child_env(**dict(env))
    )
    return [*apps, Contender("dooit", DOOIT_MARK, "dooit", ("--db", str(db)), env)]


def ratios(values: dict[str, float]) -> dict[str, float]:
    """netday's figures over the floor app's and over dooit's."""
    out = {}
    for name in ("netday_demo", "netday_10k"):
        for base in ("floor_app", "dooit"):
            if name in values and base in values:
                out[f"{name}_to_{base}"] = round(values[name] / values[base], 3)
    return out


def shown_ms(app: Contender) -> float:
    ms = first_frame_ms(app.mark, app.command())
    if ms is None:
        raise SystemExit(f"{app.name} never showed {app.mark!r}: no figure for an app that failed")
    return ms


def warm_up(apps: list[Contender]) -> None:
    """Each app once, not counted: it shows its mark (or the benchmark stops), the floor
    app creates its database, and every cache a second start finds warm is warm."""
    for app in apps:
        shown_ms(app)


def first_frames(apps: list[Contender], runs: int) -> dict[str, Any]:
    """Medians of the apps' first frames (ms), alternated round after round."""
    times: dict[str, list[float]] = {app.name: [] for app in apps}
    for _ in range(runs):
        for app in apps:
            times[app.name].append(shown_ms(app))
    medians = {name: statistics.median(t) for name, t in times.items()}
    return {"median_ms": medians, "ratios": ratios(medians), "runs_ms": times}


def first_frame_instructions(apps: list[Contender], work: Path) -> dict[str, Any]:
    """Instructions each app executes up to its first frame (callgrind, all at once in
    their own 120x40 tmux sessions): the same on an idle or a busy machine."""
    sessions = {}
    for app in apps:
        out = work / f"callgrind.{app.name}"
        session = f"netday-bench-{os.getpid()}-{app.name}"
        size = ["-x", str(SIZE[0]), "-y", str(SIZE[1])]
        command = f"{app.shown_command(out)} 2>/dev/null"
        subprocess.run(["tmux", "new-session", "-d", "-s", session, *size, command], check=True)
        sessions[app.name] = (session, out)
    counts = {}
    for name, (session, out) in sessions.items():
        while (
            subprocess.run(["tmux", "has-session", "-t", session], capture_output=True).returncode
            == 0
        ):
            time.sleep(0.5)
        summary = [line for line in out.read_text().splitlines() if line.startswith("summary:")]
        if not summary:
            raise SystemExit(f"{name}: callgrind wrote no summary (did it show its mark?)")
        counts[name] = int(summary[0].split()[1]) / 1e9
    return {
        "giga_instructions": {k: round(v, 3) for k, v in counts.items()},
        "ratios": ratios(counts),
    }


# --- keys -------------------------------------------------------------------------


class Frames:
    """Times the first frame that shows what a key was for.

    Installed as the app's `_display` (every frame of the top screen passes there):
    after each frame it asks `shows()`, and the first frame for which it holds ends the
    measure. State is only changed on the event loop, between frames, so the state
    `shows()` reads is the state that frame was drawn from.
    """

    def __init__(self, app: Any) -> None:
        from textual._compositor import CompositorUpdate

        self.app = app
        self.shows: Callable[[], bool] | None = None
        self.at: float | None = None
        self._display = app._display
        self._update_type = CompositorUpdate

        def display(screen: Any, renderable: Any) -> None:
            self._display(screen, renderable)
            if isinstance(renderable, self._update_type):
                renderable.render_segments(app.console)  # what a terminal would be sent
            waiting = self.shows is not None and self.at is None and renderable is not None
            if waiting and self.shows():
                self.at = time.perf_counter()

        app._display = display

    async def time(
        self, press: Callable[[], Awaitable[None]], shows: Callable[[], bool], seconds: float = 10
    ) -> float:
        """Milliseconds from `press()` to the end of the first frame where `shows()`."""
        self.shows, self.at = shows, None
        start = time.perf_counter()
        await press()
        deadline = start + seconds
        while self.at is None:
            if time.perf_counter() > deadline:
                raise SystemExit(f"no frame showed the result within {seconds} s: {shows}")
            await asyncio.sleep(0.001)
        self.shows = None
        return (self.at - start) * 1000


async def netday_keys(db: Path, record: Callable[[str, float], None]) -> None:
    """Every key of the main screen and of the screens it opens, once, in a process
    where none of them ran before: a screen's first opening includes loading its code."""
    from textual.widgets import DataTable, Input

    from netday.clock import PinnedDateClock
    from netday.services.context import Context
    from netday.store.schema import open_database
    from netday.ui.app import NetdayApp

    clock = PinnedDateClock(dt.date.fromisoformat(TODAY))
    database = open_database(f"sqlite:///{db}", clock.now())
    app = NetdayApp(Context(database, clock))
    try:
        async with app.run_test(size=SIZE) as pilot:
            frames = Frames(app)
            today: Any = app.screen
            await _idle(pilot)

            async def measure(label: str, keys: tuple[str, ...], shows: Callable[[], bool]) -> None:
                record(label, await frames.time(key(pilot, *keys), shows))
                await _idle(pilot)

            def on_today() -> bool:
                return app.screen is today

            def top(name: str) -> Callable[[], bool]:
                return lambda: type(app.screen).__name__ == name

            def call_is(contact_id: int, status: str) -> Callable[[], bool]:
                return lambda: (
                    on_today()
                    and any(
                        c.contact.id == contact_id and c.status == status
                        for c in today.view.plan.calls
                    )
                )

            # Moving in each pane, and to the next pane.
            panes = [t for t in today.query(DataTable) if t.row_count > 1]
            for table in panes:
                table.focus()
                await _idle(pilot)
                row = table.cursor_row
                down = (lambda t, r: lambda: t.cursor_row == r + 1)(table, row)
                await measure(f"down in {table.id}", ("down",), down)
                await measure(
                    f"up in {table.id}", ("up",), lambda t=table, r=row: t.cursor_row == r
                )
            calls = panes[0]
            calls.focus()
            await _idle(pilot)
            await measure("tab: next pane", ("tab",), lambda: app.focused is not calls)
            calls.focus()
            await _idle(pilot)

            # The call-done form: opened and closed, opened again and saved.
            await measure("d: call-done form opens (first time)", ("d",), top("CallDoneForm"))
            await measure("escape: form closes", ("escape",), on_today)
            call = today.selected_call()
            await measure("d: call-done form opens (again)", ("d",), top("CallDoneForm"))
            await pilot.press(*"caught up")
            await measure(
                "enter: call saved, day re-read", ("enter",), call_is(call.contact.id, "done")
            )

            # Skip the next open call.
            planned = [c for c in today.view.plan.calls if c.status == "planned"]
            if planned:
                calls.move_cursor(row=today.view.plan.calls.index(planned[0]))
                await _idle(pilot)
                skipped = call_is(planned[0].contact.id, "skipped")
                await measure("s: call skipped, day re-read", ("s",), skipped)

            # The contact screen, the review, another form, the keys panel.
            def contact_shown() -> bool:
                return getattr(app.screen, "detail", None) is not None

            def review_shown() -> bool:
                return getattr(app.screen, "review", None) is not None

            for when in ("first time", "again"):
                await measure(f"c: contact screen, read ({when})", ("c",), contact_shown)
                await measure("escape: back to today", ("escape",), on_today)
            for when in ("first time", "again"):
                await measure(f"r: review, read ({when})", ("r",), review_shown)
                await measure("escape: back to today", ("escape",), on_today)
            for when in ("first time", "again"):
                await measure(f"l: log form opens ({when})", ("l",), top("LogForm"))
                await measure("escape: form closes", ("escape",), on_today)

            def keys_shown() -> bool:
                return bool(app.screen.query("HelpPanel")) or not on_today()

            await measure("?: keys panel", ("question_mark",), keys_shown)
            if on_today():
                app.action_hide_help_panel()
            else:
                app.pop_screen()
            await _idle(pilot)

            # The people screen at 10,000 contacts: its first page, an order, a filter.
            def people_shown(sort: str = "next-due", circle: str | None = None) -> Any:
                def shown() -> bool:
                    screen: Any = app.screen
                    return (
                        type(screen).__name__ == "PeopleScreen"
                        and screen.page is not None
                        and screen.sort == sort
                        and screen.found.circle == circle
                        and screen.query_one("#people-list").row_count > 0
                    )

                return shown

            await measure("P: people, first page (first time)", ("P",), people_shown())
            await measure("escape: back to today", ("escape",), on_today)
            await measure("P: people, first page (again)", ("P",), people_shown())
            await measure("s: people by last conversation", ("s",), people_shown("last-talk"))
            await measure("s: people by name", ("s",), people_shown("name"))
            await measure("c: people, one circle", ("c",), people_shown("name", "professional"))
            await measure("escape: back to today", ("escape",), on_today)

            # The quick log: one line, Enter, the day re-read with it.
            quick = today.query_one("#quick-log", Input)
            quick.focus()
            note = "bench: a quick line"
            quick.value = f"{today.view.plan.calls[-1].contact.name}: {note}"
            await _idle(pilot)
            await measure(
                "enter: quick log saved, day re-read",
                ("enter",),
                lambda: any(i.summary == note for i in today.view.log),
            )
    finally:
        database.close()


async def floor_keys(db: Path, record: Callable[[str, float], None]) -> None:
    """The floor, timed the same way: cursor moves in the floor app's DataTable, the
    focus to the next table, and a small modal form (an Input, two buttons) over the
    four tables, opened with a key and closed with Escape."""
    from textual.app import ComposeResult
    from textual.containers import Horizontal, Vertical
    from textual.screen import ModalScreen
    from textual.widgets import Button, Input

    argv = sys.argv
    sys.argv = [str(SHARED / "floor_app.py"), str(db)]
    try:
        floor_app = runpy.run_path(str(SHARED / "floor_app.py"), run_name="floor")["Floor"]
    finally:
        sys.argv = argv

    class Form(ModalScreen[None]):
        DEFAULT_CSS = "Form { align: center middle; } Form > Vertical { width: 70; height: auto; }"
        BINDINGS: ClassVar = [("escape", "dismiss", "Close")]

        def compose(self) -> ComposeResult:
            with Vertical():
                yield Input(placeholder="a note")
                with Horizontal():
                    yield Button("Save")
                    yield Button("Cancel")

    class Floor(floor_app):
        BINDINGS: ClassVar = [("f", "form", "Form")]

        def action_form(self) -> None:
            self.push_screen(Form())

    app = Floor()
    async with app.run_test(size=SIZE) as pilot:
        frames = Frames(app)
        await _idle(pilot)
        table = app.focused
        main_screen = app.screen
        for _ in range(2):
            row = table.cursor_row
            down = await frames.time(key(pilot, "down"), lambda r=row: table.cursor_row == r + 1)
            record("floor: down in a DataTable", down)
            await _idle(pilot)
            up = await frames.time(key(pilot, "up"), lambda r=row: table.cursor_row == r)
            record("floor: up in a DataTable", up)
            await _idle(pilot)
        record(
            "floor: tab, next table",
            await frames.time(key(pilot, "tab"), lambda: app.focused is not table),
        )
        await _idle(pilot)
        table.focus()
        await _idle(pilot)
        for _ in range(2):
            opened = await frames.time(key(pilot, "f"), lambda: isinstance(app.screen, Form))
            record("floor: a modal form opens", opened)
            await _idle(pilot)
            closed = await frames.time(key(pilot, "escape"), lambda: app.screen is main_screen)
            record("floor: escape, the form closes", closed)
            await _idle(pilot)


def key(pilot: Any, *keys: str) -> Callable[[], Awaitable[None]]:
    return lambda: pilot.press(*keys)


async def _idle(pilot: Any) -> None:
    """Until no worker runs and the screen has caught up."""
    await pilot.pause()
    for _ in range(50):
        busy = [w for w in pilot.app.workers if not w.is_finished]
        if not busy:
            break
        await asyncio.gather(*(w.wait() for w in busy), return_exceptions=True)
        await pilot.pause()
    await pilot.pause(0.05)


def key_times(work: Path, big: Path, runs: int) -> dict[str, Any]:
    """Median and maximum per key over `runs` rounds, netday and the floor alternating,
    each round a fresh process (and netday a fresh copy of the database)."""
    times: dict[str, list[float]] = {}
    for _ in range(runs):
        copy = work / "keys.sqlite3"
        shutil.copy(big, copy)
        for app, db in (("netday", copy), ("floor", work / "floor.db")):
            out = subprocess.run(
                [sys.executable, __file__, "--keys-round", app, str(db)],
                check=True,
                capture_output=True,
                text=True,
                env=child_env(),
            ).stdout
            for label, ms in json.loads(out):
                times.setdefault(label, []).append(ms)
    return {
        label: {
            "median_ms": round(statistics.median(ms), 1),
            "max_ms": round(max(ms), 1),
            "n": len(ms),
            "over_budget": sum(1 for m in ms if m > BUDGET_MS),
        }
        for label, ms in times.items()
    }


def keys_round(app: str, db: Path) -> None:
    """One round of keys in this process (a child of `key_times`): JSON on stdout."""
    times: list[tuple[str, float]] = []

    def record(label: str, ms: float) -> None:
        times.append((label, round(ms, 2)))

    asyncio.run((netday_keys if app == "netday" else floor_keys)(db, record))
    print(json.dumps(times))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--big", help="a 10,000-contact database (built if missing)")
    parser.add_argument("--skip-keys", action="store_true")
    parser.add_argument("--skip-frames", action="store_true")
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also count each app's instructions to its first frame (needs valgrind)",
    )
    parser.add_argument("--keys-round", nargs=2, metavar=("APP", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.keys_round:
        keys_round(args.keys_round[0], Path(args.keys_round[1]))
        return
    if not (SHARED / "firstframe.sh").exists() or shutil.which("tmux") is None:
        raise SystemExit("needs ../shared/bench/firstframe.sh and tmux")
    compileall.compile_dir(ROOT / "src" / "netday", quiet=1)  # as `pip install` does

    work = Path(tempfile.mkdtemp(prefix="netday-tui-bench-"))
    demo = work / "demo.sqlite3"
    netday("--db", str(demo), "demo")
    big = Path(args.big) if args.big else work / "big.sqlite3"
    if not big.exists():
        netday("--db", str(big), "demo", "--contacts", "10000")
    if (count := contacts_in(big)) < 10_000:
        raise SystemExit(f"{big} holds {count} contacts, not 10,000")
    results: dict[str, Any] = {"runs": args.runs, "load_average": os.getloadavg()}
    apps = contenders(work, demo, big)
    warm_up(apps)
    if not args.skip_frames:
        results["first_frame"] = first_frames(apps, args.runs)
    if args.instructions:
        results["first_frame_instructions"] = first_frame_instructions(apps, work)
    if not args.skip_keys:
        results["keys_at_10k"] = key_times(work, big, args.runs)
    print(json.dumps(results, indent=2, ensure_ascii=False))
    out = Path(__file__).with_name("out")
    out.mkdir(exist_ok=True)
    (out / "tui.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
