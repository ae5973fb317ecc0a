"""Escape sequences in the data never reach a real terminal (tmux) from the TUI.

tmux records what an application does with the terminal: an OSC 0 sets the pane's
title, an OSC 52 (with `set-clipboard on`) fills a paste buffer. netday is opened over
data whose every text field carries both (tests/hostile_data.py), on the main, contact,
review and triage screens; the title must stay as it was and no buffer may appear.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from netday.clock import ManualClock
from netday.services.context import Context
from netday.store.schema import open_database
from tests.conftest import NOON, TODAY
from tests.hostile_data import poison

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None, reason="tmux is not installed: the real-terminal test is skipped"
)


@pytest.mark.sqlite_only("the real process opens the same SQLite file as the test")
def test_no_title_change_and_no_clipboard_write(tmp_path: Path) -> None:
    db = tmp_path / "hostile.sqlite3"
    database = open_database(f"sqlite:///{db}", NOON)
    poison(Context(database, ManualClock(NOON)), markup=False)
    database.close()
    # A private tmux server: `set-clipboard on` must not change anyone else's tmux.
    server = f"netday-hostile-{uuid.uuid4().hex[:8]}"
    env = {**os.environ, "TERM": "xterm-256color"}

    def tmux(*args: str) -> str:
        return subprocess.run(
            ["tmux", "-L", server, "-f", "/dev/null", *args],
            check=True,
            capture_output=True,
            text=True,
            env=env,
        ).stdout

    def wait_for(text: str, seconds: float = 20) -> str:
        deadline = time.monotonic() + seconds
        screen = ""
        while time.monotonic() < deadline:
            screen = tmux("capture-pane", "-p", "-t", "app")
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")

    def untouched() -> None:
        assert tmux("display", "-p", "-t", "app", "#{pane_title}").strip() == title
        assert tmux("list-buffers") == ""

    command = (
        f"sleep 1; NETDAY_TODAY={TODAY.isoformat()} {sys.executable} -m netday --db {db}; "
        "echo NETDAY-EXITED; sleep 30"
    )
    tmux("new-session", "-d", "-s", "app", "-x", "120", "-y", "40", command)
    try:
        tmux("set-option", "-s", "set-clipboard", "on")
        title = tmux("display", "-p", "-t", "app", "#{pane_title}").strip()
        assert title != "pwned-title"
        wait_for("555 0100")  # the first frame, even where escapes garble the screen
        time.sleep(0.5)
        untouched()
        wait_for("Ana^[]0;pwned-title^G")
        for key, screen in (("c", "balance"), ("r", "Review ·"), ("t", "Who is this to you?")):
            tmux("send-keys", "-t", "app", key)
            wait_for(screen)
            time.sleep(0.5)
            untouched()
            tmux("send-keys", "-t", "app", "Escape")
            wait_for("Today's calls")
        tmux("send-keys", "-t", "app", "q")
        wait_for("NETDAY-EXITED")
        untouched()
    finally:
        subprocess.run(["tmux", "-L", server, "kill-server"], check=False)
