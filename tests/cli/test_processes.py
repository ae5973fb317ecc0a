"""Real processes: two writers at once, and a demo killed with SIGKILL half-way."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import TODAY, netday_process, rows

HOLDER = """
import datetime as dt, sys, time
from netday.clock import PinnedDateClock
from netday.services.context import Context
from netday.services.journal import record_interaction
from netday.services.lookup import resolve_contact
from netday.store.schema import open_database

clock = PinnedDateClock(dt.date.fromisoformat(sys.argv[2]))
db = open_database(sys.argv[1], clock.now())
print("ready", flush=True)
for n in range(40):
    # Like a TUI saving a note: a write transaction that holds the lock a little while.
    with db.transaction() as session:
        ana = resolve_contact(session, "ana")
        record_interaction(session, ana, kind="note", at=clock.now(), now=clock.now(),
                           summary=f"tui note {n}")
        time.sleep(0.02)
db.close()
"""


def test_two_processes_writing_at_once_both_succeed(db_url: str) -> None:
    db = db_url
    assert netday_process("contact", "add", "Ana Souza", db=db).returncode == 0
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, db, TODAY.isoformat()],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "ready"
    env = {**os.environ, "NETDAY_TODAY": TODAY.isoformat()}
    loggers = [
        subprocess.Popen(
            [sys.executable, "-m", "netday", "--db", db, "log", "ana", f"cli call {n}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for n in range(6)
    ]
    results = [p.communicate(timeout=120) for p in loggers]
    _, holder_err = holder.communicate(timeout=120)
    assert holder.returncode == 0, holder_err
    for process, (_, err) in zip(loggers, results, strict=True):
        assert process.returncode == 0, err
    assert rows(db, "SELECT count(*) FROM interaction WHERE kind = 'note'") == [(40,)]
    assert rows(db, "SELECT count(*) FROM interaction WHERE kind = 'call'") == [(6,)]


def _wait_for_wal(db: Path, process: subprocess.Popen[bytes], min_bytes: int) -> None:
    wal = db.with_name(db.name + "-wal")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if wal.exists() and wal.stat().st_size >= min_bytes:
            return
        time.sleep(0.005)
    pytest.fail("the demo finished or stalled before it could be interrupted")


@pytest.mark.sqlite_only("kills the demo as SQLite's write-ahead log grows, then checks the file")
@pytest.mark.parametrize("wal_bytes", [1, 2_000_000, 12_000_000])
def test_a_demo_killed_mid_write_leaves_all_or_nothing(tmp_path: Path, wal_bytes: int) -> None:
    db = tmp_path / "killed.sqlite3"
    assert netday_process("db", "upgrade", db=db).returncode == 0
    env = {**os.environ, "NETDAY_TODAY": TODAY.isoformat()}
    process = subprocess.Popen(
        [sys.executable, "-m", "netday", "--db", str(db), "demo", "--contacts", "10000"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    _wait_for_wal(db, process, wal_bytes)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    contacts = conn.execute("SELECT count(*) FROM contact").fetchone()[0]
    interactions = conn.execute("SELECT count(*) FROM interaction").fetchone()[0]
    conn.close()
    # Killed long before its commit: nothing of it may be visible.
    assert (contacts, interactions) == (0, 0)
    opened = netday_process("today", "--json", db=db)
    assert opened.returncode == 0, opened.stderr
    again = netday_process("demo", "--contacts", "50", db=db)
    assert again.returncode == 0, again.stderr


@pytest.mark.sqlite_only("PRAGMA integrity_check of the file")
def test_a_demo_that_runs_to_the_end_is_there_in_full(tmp_path: Path) -> None:
    db = tmp_path / "full.sqlite3"
    done = netday_process("demo", "--contacts", "300", db=db)
    assert done.returncode == 0, done.stderr
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("SELECT count(*) FROM contact").fetchone() == (300,)
    assert conn.execute("SELECT count(*) FROM interaction").fetchone()[0] >= 300 * 15
    conn.close()
