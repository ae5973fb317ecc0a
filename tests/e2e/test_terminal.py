"""netday in a real terminal (tmux): the keys a person presses, the database after."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from tests.conftest import TODAY, netday_process, rows

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None, reason="tmux is not installed: the real-terminal test is skipped"
)


SERVER = f"netday-e2e-{os.getpid()}"
"""This process's own tmux server: sessions of tests running beside it (pytest-xdist
workers) or the user's own tmux never share its options, such as the window size."""
TMUX = ("tmux", "-L", SERVER, "-f", "/dev/null")


def tmux(*args: str) -> str:
    return subprocess.run([*TMUX, *args], check=True, capture_output=True, text=True).stdout


def wait_for(session: str, text: str, seconds: float = 20) -> str:
    deadline = time.monotonic() + seconds
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-p", "-t", session)
        if text in screen:
            return screen
        time.sleep(0.1)
    raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")


@contextmanager
def planner_in_tmux(db: str, width: int, height: int) -> Iterator[str]:
    """netday on `db` in a tmux session of that size, today pinned; the session's name.
    When netday exits the pane says NETDAY-EXITED (and stays, for `wait_for`)."""
    session = f"netday-e2e-{uuid.uuid4().hex[:8]}"
    command = (
        f"NETDAY_TODAY={TODAY.isoformat()} {sys.executable} -m netday --db {shlex.quote(db)}; "
        "echo NETDAY-EXITED; sleep 30"
    )
    env = {**os.environ, "TERM": "xterm-256color"}
    subprocess.run(
        [*TMUX, "new-session", "-d", "-s", session, "-x", str(width), "-y", str(height), command],
        check=True,
        env=env,
    )
    try:
        yield session
    finally:
        subprocess.run([*TMUX, "kill-session", "-t", session], check=False)


def test_log_a_call_from_the_keyboard_in_a_real_terminal(db_url: str) -> None:
    db = db_url
    for name in ("Ana Souza", "Bruno Martin", "Chloé Dubois"):
        assert netday_process("contact", "add", name, "--every", "3 weeks", db=db).returncode == 0
        assert netday_process("log", name, "--at", "2026-10-20 10:00", db=db).returncode == 0
    with planner_in_tmux(db, 120, 40) as session:
        wait_for(session, "Ana Souza · overdue by 12 days")
        tmux("send-keys", "-t", session, "d")
        wait_for(session, "Call with Ana Souza: done")
        tmux("send-keys", "-t", session, "-l", "Caught up, all good")
        wait_for(session, "Caught up, all good")
        tmux("send-keys", "-t", session, "Tab")
        time.sleep(0.3)
        tmux("send-keys", "-t", session, "-l", "7")
        wait_for(session, "7")
        tmux("send-keys", "-t", session, "Enter")
        screen = wait_for(session, "calls 1/3 done")
        assert "✓" in screen
        tmux("send-keys", "-t", session, "q")
        wait_for(session, "NETDAY-EXITED")
    logged = rows(
        db, "SELECT kind, summary, minutes FROM interaction WHERE occurred_at >= '2026-11-22'"
    )
    assert logged == [("call", "Caught up, all good", 7)]
    assert rows(db, "SELECT count(*) FROM plan_item WHERE status = 'done'") == [(1,)]


def test_a_reflection_with_a_q_in_it_is_typed_not_a_quit_in_a_real_terminal(db_url: str) -> None:
    """The review opens on its reflection: every letter typed lands there (the `q` of
    "quick" once quit netday and sent the rest to the shell), at 80x24."""
    db = db_url
    added = netday_process("contact", "add", "Ana Souza", "--every", "3 weeks", db=db)
    assert added.returncode == 0
    with planner_in_tmux(db, 80, 24) as session:
        wait_for(session, "Today's calls")
        tmux("send-keys", "-t", session, "r")
        wait_for(session, "Reflection")
        tmux("send-keys", "-t", session, "-l", "Made quick progress")
        wait_for(session, "Made quick progress")
        tmux("send-keys", "-t", session, "Enter")
        wait_for(session, "Saved the reflection")
        tmux("send-keys", "-t", session, "M-Left")
        wait_for(session, "Review · Saturday 21 November 2026")
        tmux("send-keys", "-t", session, "M-Right")
        wait_for(session, "Review · Sunday 22 November 2026")
        assert "NETDAY-EXITED" not in tmux("capture-pane", "-p", "-t", session)
        tmux("send-keys", "-t", session, "Escape")
        wait_for(session, "Today's calls")
        tmux("send-keys", "-t", session, "q")
        wait_for(session, "NETDAY-EXITED")
    assert rows(db, "SELECT note FROM day_review") == [("Made quick progress",)]
