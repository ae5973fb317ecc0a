"""The daily routine in a real terminal, counted in keys.

Drives netday in tmux (120x40) on the demo network through one working day: today's
plan raised to five calls, each marked done with a one-line note; three comments
written; two invitations sent with a message; the review with a line of reflection.
It counts the keys that are not typed text (Tab, Enter, arrows, one-letter commands),
checks in the database that the work was done, and prints the count.

    .venv/bin/python benchmarks/routine.py [--keep]

The path is the shortest one known on the current screens; where the screen decides
the next key (is the cursor already on the next open call? does the reflection already
have the focus?), the script looks at the screen as a person would, so a better screen
shows up as fewer keys. Every step waits for what it expects to see and stops with the
screen when it does not appear.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

TODAY = "2026-11-22"
WIDTH, HEIGHT = 120, 40
TARGET = 28
MINUTES = "50"
"""Today's budget for five calls (the demo's 30 minutes plan three)."""
NOTES = (
    "Talked about her move to design leadership",
    "Promised an intro to the data team",
    "Caught up on the product launch",
    "Asked about hiring plans for Q1",
    "Swapped notes on the conference",
)
COMMENTS = (
    "Congrats on the launch, the onboarding looks great",
    "Useful thread, we saw the same with quarterly planning",
    "Quick question: how did you measure the change?",
)
INVITES = (
    ("Jane Roe", "Hi Jane, loved your talk on design systems at the meetup"),
    ("Sam Okoye", "Hi Sam, we met at the product conference, great questions"),
)
FOCUS_TRIES = 6
QUICK_LOG = "quick log"
"""The start of the quick-log line's placeholder, which shows while it is empty."""
REFLECTION_BOX = "a line of reflection"
"""The start of the reflection's placeholder."""
REFLECTION = "Two good calls and quick progress on the invites"
"""Starts with a letter no screen binds (see `Terminal.focus_by_typing`), holds a `q`."""

PAUSE = 0.15
"""Seconds after each key or text: a terminal read that holds text and a Tab at once
would not be what a person sends (and Textual may take it otherwise)."""
CSI = re.compile(r"\x1b\[([0-9;:]*)([A-Za-z])")


class RoutineBroke(SystemExit):
    """A step did not see what it expected: the path no longer fits the screens."""


@dataclass
class Terminal:
    """One tmux session running netday; `keys` counts, `type` does not."""

    session: str
    pressed: list[str] = field(default_factory=list)

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout

    def keys(self, *names: str) -> None:
        """Keys that are not typed text, one tmux key name each (counted)."""
        for name in names:
            self.pressed.append(name)
            self.tmux("send-keys", "-t", self.session, name)
            time.sleep(PAUSE)

    def type(self, text: str) -> None:
        """Typed text, sent literally (not counted)."""
        self.tmux("send-keys", "-t", self.session, "-l", text)
        time.sleep(PAUSE)

    def screen(self, styled: bool = False) -> str:
        return self.tmux("capture-pane", "-p", *(["-e"] if styled else []), "-t", self.session)

    def wait_for(self, text: str, seconds: float = 20) -> str:
        """Wait until `text` shows, then until the screen is still (the focus placed)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                self.settle(quiet=0.25)
                return screen
            time.sleep(0.05)
        raise RoutineBroke(f"{text!r} never appeared; the screen was:\n{self.screen()}")

    def wait_gone(self, text: str, seconds: float = 20) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if text not in self.screen():
                return
            time.sleep(0.05)
        raise RoutineBroke(f"{text!r} never went away; the screen was:\n{self.screen()}")

    def settle(self, quiet: float = 0.4, seconds: float = 20) -> None:
        """Wait until the screen stops changing (a reload after a save has landed)."""
        deadline = time.monotonic() + seconds
        last, since = self.screen(), time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.1)
            now = self.screen()
            if now != last:
                last, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet:
                return
        raise RoutineBroke("the screen never settled")

    def highlighted(self, names: list[str]) -> str | None:
        """Which of `names` sits on the highlighted row: the one whose background differs
        from all the others' (the cursor row of the focused pane), as a person sees it."""
        backgrounds = {n: bg for n in names if (bg := self._background_at(n)) is not None}
        for name, bg in backgrounds.items():
            others = [b for n, b in backgrounds.items() if n != name]
            if len(others) >= 2 and all(b != bg for b in others):
                return name
        return None

    def _background_at(self, text: str) -> str | None:
        """The background of the row where `text` first shows on the screen, taken at
        the row's first cell inside its pane's border: a name's own style (a done call
        drawn dim on the pane's colour) says nothing about the cursor; the row's does."""
        for line in self.screen(styled=True).splitlines():
            plain, backgrounds, background = "", [], "default"
            for styled_run, params, final in _runs(line):
                plain += styled_run
                backgrounds += [background] * len(styled_run)
                if final == "m":
                    background = _background(params, background)
            at = plain.find(text)
            if at >= 0:
                border = plain.rfind("│", 0, at)
                return backgrounds[border + 1]
        return None

    def focus_by_typing(self, text: str, holds: Callable[[str], bool], key: str = "Tab") -> None:
        """Type `text` where `holds(screen)` sees its first letter land, pressing `key`
        (counted) until it does. The first letter is a capital no screen binds, so a
        keystroke that misses the field does nothing: a person would see the field
        has no cursor and press Tab; the script sees that the letter did not land."""
        first, rest = text[0], text[1:]
        for _ in range(FOCUS_TRIES):
            self.type(first)
            self.settle(quiet=0.25)
            if holds(self.screen()):
                self.type(rest)
                return
            self.keys(key)
            self.settle(quiet=0.25)
        raise RoutineBroke(f"{text!r} never found its field:\n{self.screen()}")

    def focus_pane(self, footer: str, key: str = "Tab") -> None:
        """Press `key` (counted) until the footer offers `footer`: the focused pane's keys."""
        for _ in range(FOCUS_TRIES):
            if footer in self.screen().splitlines()[-1]:
                return
            self.keys(key)
            self.settle(quiet=0.25)
        raise RoutineBroke(f"no pane offering {footer!r} took the focus:\n{self.screen()}")


def _runs(line: str) -> Iterator[tuple[str, str, str]]:
    """(text before the escape, its parameters, its final letter) along one line."""
    position = 0
    for match in CSI.finditer(line):
        yield line[position : match.start()], match.group(1), match.group(2)
        position = match.end()
    yield line[position:], "", ""


def _background(params: str, current: str) -> str:
    codes = params.replace(":", ";").split(";") if params else ["0"]
    i = 0
    while i < len(codes):
        code = codes[i]
        if code in ("0", "", "49"):
            current = "default"
        elif code == "48" and i + 1 < len(codes):
            width = 3 if codes[i + 1] == "5" else 5
            current = ";".join(codes[i : i + width])
            i += width - 1
        elif code.isdigit() and (40 <= int(code) <= 47 or 100 <= int(code) <= 107):
            current = code
        elif code in ("38",) and i + 1 < len(codes):
            i += 2 if codes[i + 1] == "5" else 4
        i += 1
    return current


def field_at(screen: str, placeholder: str) -> Callable[[str], bool]:
    """Whether a later screen shows text where `placeholder` shows on `screen` (the empty
    field): the test `Terminal.focus_by_typing` uses."""
    found = [
        (row, line.find(placeholder))
        for row, line in enumerate(screen.splitlines())
        if placeholder in line
    ]
    if not found:
        raise RoutineBroke(f"no field shows {placeholder!r}:\n{screen}")
    row, column = found[0]

    def holds(later: str) -> bool:
        lines = later.splitlines()
        return row < len(lines) and not lines[row][column:].startswith(placeholder[:3])

    return holds


def netday(db: Path, *args: str) -> str:
    env = {**os.environ, "NETDAY_TODAY": TODAY}
    command = [sys.executable, "-m", "netday", "--db", str(db), *args]
    return subprocess.run(command, check=True, capture_output=True, text=True, env=env).stdout


def plan(db: Path) -> dict[str, object]:
    """Today as the command line reads it (a second reader beside the open app)."""
    data: dict[str, object] = json.loads(netday(db, "today", "--json"))
    return data


def raise_budget(t: Terminal, db: Path) -> list[str]:
    """Five calls today: the budget goes up and the plan grows. The plan's names, in order."""
    t.wait_for(plan(db)["calls"][0]["contact"]["name"])  # type: ignore[index]
    t.keys("m")
    t.wait_for("Minutes for networking today")
    t.type(MINUTES)
    t.keys("Enter")
    t.wait_for(f"budget {MINUTES} min")
    names = [c["contact"]["name"] for c in plan(db)["calls"]]  # type: ignore[index]
    if len(names) < len(NOTES):
        raise RoutineBroke(f"{MINUTES} minutes planned {len(names)} calls, not {len(NOTES)}")
    t.wait_for(f"calls 0/{len(names)} done")
    return names[: len(NOTES)]


def calls_in_the_pane(t: Terminal, names: list[str]) -> None:
    """Each call: the cursor onto it (arrows, if it is not there), `d`, the note, Enter."""
    for done, (name, note) in enumerate(zip(names, NOTES, strict=True)):
        for _ in range(len(names)):
            if t.highlighted(names) == name:
                break
            t.keys("Down")
            t.settle(quiet=0.25)
        else:
            raise RoutineBroke(f"the cursor never reached {name}:\n{t.screen()}")
        t.keys("d")
        t.wait_for(f"Call with {name}: done")
        t.type(note)
        t.keys("Enter")
        t.wait_for(f"calls {done + 1}/{len(names)} done")


def calls_by_the_quick_log(t: Terminal, names: list[str]) -> None:
    """Each call as one line in the quick log: "Call Mei Patel: what we talked about"."""
    for done, (name, note) in enumerate(zip(names, NOTES, strict=True)):
        line = f"Call {name}: {note}"
        if done == 0:
            t.focus_by_typing(line, field_at(t.screen(), QUICK_LOG), key="BTab")
        else:
            t.type(line)
        t.keys("Enter")
        t.wait_for(f"calls {done + 1}/{len(names)} done")


def comments(t: Terminal, posts: list[dict[str, str]]) -> None:
    """The Comments pane; each post: `d`, what you wrote, Enter (the next post moves up)."""
    t.focus_pane("Commented")
    for post, comment in zip(posts, COMMENTS, strict=False):
        t.keys("d")
        heading = f"Commented on {post['author']}'s post"
        t.wait_for(heading)
        t.type(comment)
        t.keys("Enter")
        t.wait_gone(heading)
        t.settle()


def invitations(t: Terminal) -> None:
    """Each invitation: `i`, to whom, Enter (the person chosen, on to the message), the
    message, Enter."""
    for who, message in INVITES:
        t.keys("i")
        t.wait_for("Send an invitation")
        t.type(who)
        t.wait_for(f"someone new: {who}")
        t.keys("Enter")
        t.type(message)
        t.wait_for("names the person ✓")
        t.keys("Enter")
        t.wait_gone("Send an invitation")
        t.settle()


def review(t: Terminal) -> None:
    """`r`, the reflection (Tab to its field if it has no cursor), Enter."""
    t.keys("r")
    t.wait_for(REFLECTION_BOX)
    t.focus_by_typing(REFLECTION, field_at(t.screen(), REFLECTION_BOX))
    t.wait_for(REFLECTION)
    t.keys("Enter")
    t.wait_for("Saved the reflection")


PATHS: dict[str, Callable[[Terminal, list[str]], None]] = {
    "calls marked done in the Calls pane": calls_in_the_pane,
    "calls logged in the quick log": calls_by_the_quick_log,
}
"""Two ways to get the five calls done; the rest of the routine is the same."""


def walk(t: Terminal, db: Path, calls: Callable[[Terminal, list[str]], None]) -> None:
    posts = plan(db)["comments"]
    assert isinstance(posts, list)
    calls(t, raise_budget(t, db))
    comments(t, posts)
    invitations(t)
    review(t)


def check(db: Path) -> list[str]:
    """What the database says was done today; the reasons the routine falls short."""
    from netday.clock import PinnedDateClock
    from netday.services.context import Context
    from netday.services.review import review_day
    from netday.store.schema import open_database

    clock = PinnedDateClock(dt.date.fromisoformat(TODAY))
    database = open_database(f"sqlite:///{db}", clock.now())
    try:
        review = review_day(Context(database, clock))
    finally:
        database.close()
    calls = [i for i in review.interactions if i.kind == "call" and i.summary in NOTES]
    done = [c for c in review.plan.calls if c.status == "done"] if review.plan else []
    sent = [i for i in review.invites_sent if (i.name, i.message) in INVITES]
    written = [p for p in review.comments_written if p.draft_comment in COMMENTS]
    problems = []
    if len(calls) != len(NOTES) or len(done) != len(NOTES):
        problems.append(f"{len(calls)} calls logged with their note, {len(done)} plan ticks")
    if len(written) != len(COMMENTS):
        problems.append(f"{len(written)} posts commented with the text typed")
    if len(sent) != len(INVITES):
        problems.append(f"{len(sent)} invitations sent with their message")
    if review.note != REFLECTION:
        problems.append(f"the reflection reads {review.note!r}")
    return problems


def run(path: str, keep: bool) -> list[str]:
    """One routine on a fresh demo; the keys pressed (stops when the work was not done)."""
    work = Path(tempfile.mkdtemp(prefix="netday-routine-"))
    db = work / "demo.sqlite3"
    netday(db, "demo")
    t = Terminal(f"netday-routine-{os.getpid()}")
    command = f"NETDAY_TODAY={TODAY} {shlex.quote(sys.executable)} -m netday --db {db}"
    env = {**os.environ, "TERM": "xterm-256color"}
    size = ["-x", str(WIDTH), "-y", str(HEIGHT)]
    subprocess.run(["tmux", "new-session", "-d", "-s", t.session, *size, command], env=env)
    try:
        walk(t, db, PATHS[path])
    finally:
        subprocess.run(["tmux", "kill-session", "-t", t.session], check=False)
    problems = check(db)
    if keep:
        print(f"  database: {db}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    if problems:
        raise SystemExit(f"{path}: the work was not done: " + "; ".join(problems))
    return t.pressed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the databases, say where")
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        raise SystemExit("needs tmux")
    counts = {}
    for path in PATHS:
        pressed = run(path, args.keep)
        counts[path] = len(pressed)
        print(f"{path}: {len(pressed)} keys\n  {' '.join(pressed)}")
    print(
        "checked in the database each time: 5 calls with their note (the plan 5/5 done), "
        "3 posts commented with the text typed, 2 invitations with their message, the "
        "reflection"
    )
    print(f"the routine: {min(counts.values())} keys besides typed text (target <= {TARGET})")


if __name__ == "__main__":
    main()
