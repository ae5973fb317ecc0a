"""The change watcher, between two real processes: one watches, the other writes.

On SQLite it reads `PRAGMA data_version`; on PostgreSQL it LISTENs for the NOTIFY that
every netday write transaction sends as it commits.
"""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from tests.conftest import TODAY, netday_process

WATCHER = """
import sys, time
from netday.store.db import Database
from netday.store.watch import ChangeWatcher

db = Database(sys.argv[1])
watcher = ChangeWatcher(db)
watcher.changed()
print("watching", flush=True)
for line in sys.stdin:  # one line per question: "has anything changed since the last?"
    deadline = time.monotonic() + float(line)
    seen = watcher.changed()
    while not seen and time.monotonic() < deadline:
        time.sleep(0.02)
        seen = watcher.changed()
    print("changed" if seen else "quiet", flush=True)
watcher.close()
db.close()
"""


def test_a_write_in_another_process_is_seen_within_a_second(db_url) -> None:
    assert netday_process("contact", "add", "Ana Souza", db=db_url).returncode == 0
    assert netday_process("today", db=db_url).returncode == 0
    watcher = subprocess.Popen(
        [sys.executable, "-c", WATCHER, db_url],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert watcher.stdin is not None and watcher.stdout is not None

    def ask(seconds: float) -> tuple[str, float]:
        assert watcher.stdin is not None and watcher.stdout is not None
        started = time.monotonic()
        watcher.stdin.write(f"{seconds}\n")
        watcher.stdin.flush()
        return watcher.stdout.readline().strip(), time.monotonic() - started

    try:
        assert watcher.stdout.readline().strip() == "watching"
        # Reading, and showing a day whose plan exists, write nothing: no change.
        for command in (("contact", "list"), ("today",), ("settings",)):
            assert netday_process(*command, db=db_url).returncode == 0
        assert ask(0.3)[0] == "quiet"
        # A setting is not part of any list on the screen, yet the plan depends on it.
        changes = [
            ("settings", "set", "minutes_per_day", "45"),
            ("log", "ana", "coffee"),
            ("contact", "edit", "ana", "--notes", "likes tea"),
        ]
        for command in changes:
            assert netday_process(*command, db=db_url, today=TODAY.isoformat()).returncode == 0
            seen, waited = ask(5)
            assert seen == "changed", command
            assert waited < 1.0, (command, waited)
            assert ask(0.3)[0] == "quiet"
    finally:
        watcher.stdin.close()
        watcher.wait(timeout=30)
    assert watcher.returncode == 0, watcher.stderr.read() if watcher.stderr else ""


@pytest.mark.sqlite_only("a PostgreSQL database needs psycopg by definition")
def test_a_sqlite_install_without_psycopg_watches_and_closes(db_url) -> None:
    """psycopg comes with the `postgres` extra only: closing the watcher (every quit of
    the TUI) must not import it when there is no listener to close."""
    assert netday_process("today", db=db_url).returncode == 0
    script = (
        "import sys\n"
        "sys.modules['psycopg'] = None  # as if the postgres extra were not installed\n"
        "from netday.store.db import Database\n"
        "from netday.store.watch import ChangeWatcher\n"
        "db = Database(sys.argv[1])\n"
        "watcher = ChangeWatcher(db)\n"
        "watcher.changed()\n"
        "watcher.close()\n"
        "db.close()\n"
        "print('closed')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, db_url], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "closed"
