"""Another process holding the write lock: readers go on, writers wait and then say why.

The holder is a real second process; the waiting netday runs in this process with the
lock wait shortened (BUSY_TIMEOUT_MS is both SQLite's busy timeout and PostgreSQL's
lock_timeout), so each case takes a second rather than fifteen.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from tests.conftest import rows

NETDAY_HOLDER = """
import sys, time
from netday.services.settings import settings_row
from netday.store.db import Database

db = Database(sys.argv[1], activity="an import is running")
with db.transaction() as session:
    settings_row(session).minutes_per_day = 35
    session.flush()
    print("holding", flush=True)
    time.sleep(float(sys.argv[2]))
db.close()
"""

EXCLUSIVE_HOLDER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA locking_mode = EXCLUSIVE")
conn.execute("BEGIN EXCLUSIVE")
conn.execute("UPDATE settings SET minutes_per_day = 35")
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("ROLLBACK")
"""


@contextmanager
def holding(script: str, target: str, seconds: float = 20) -> Iterator[None]:
    holder = subprocess.Popen(
        [sys.executable, "-c", script, target, str(seconds)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        line = holder.stdout.readline().strip()
        assert line == "holding", holder.stderr.read() if holder.stderr else line
        yield
    finally:
        holder.kill()
        holder.wait(timeout=30)


@pytest.fixture
def short_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("netday.store.db.BUSY_TIMEOUT_MS", 500)


@pytest.fixture
def network(cli) -> None:
    assert cli("contact", "add", "Ana Souza", "--company", "Acme").code == 0
    assert cli("today").code == 0


def test_a_writer_waiting_too_long_says_which_netday_holds_the_lock(
    cli, db_url, network, short_waits
) -> None:
    with holding(NETDAY_HOLDER, db_url):
        result = cli("settings", "set", "minutes_per_day", "50")
        assert result.code == 1
        assert result.err == (
            "netday: error: another netday is writing: an import is running; try again\n"
        )
        # Reading never waits for the writer, and today's plan already exists.
        listed = cli("contact", "list")
        assert listed.code == 0 and "Ana Souza" in listed.out
        assert cli("settings").code == 0
        today = cli("today")
        assert today.code == 0, today.err
        assert cli("plan", "show").code == 0
        shown = cli("contact", "show", "ana")
        assert shown.code == 0, shown.err
    assert rows(db_url, "SELECT minutes_per_day FROM settings") == [(30,)]
    assert cli("settings", "set", "minutes_per_day", "50").code == 0


@pytest.mark.sqlite_only("an exclusive SQLite lock blocks even readers; PostgreSQL's never wait")
def test_a_locked_database_is_busy_not_foreign(cli, db_url, db_path, network, short_waits) -> None:
    with holding(EXCLUSIVE_HOLDER, str(db_path)):
        result = cli("contact", "list")
    assert result.code == 1
    assert result.err == ("netday: error: another program is writing to the database; try again\n")
    assert cli("contact", "list").code == 0
