"""Many real netday processes at the same instant, on SQLite and on PostgreSQL.

Each process imports netday first and then waits for one shared signal, so that their
first statements really do meet: the first `today` of a day, a new company named by
many at once, and an empty database opened by several.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import TODAY, netday_process, rows

PROCESSES = 16

STARTER = """
import os, sys, time
from netday.cli.main import main
go = sys.argv[1]
print("ready", flush=True)
while not os.path.exists(go):
    time.sleep(0.001)
sys.exit(main(sys.argv[2:]))
"""


def all_at_once(tmp_path: Path, db_url: str, commands: list[list[str]]) -> list[tuple[int, str]]:
    """Start one process per command, release them together; (exit status, stderr) each."""
    go = tmp_path / "go"
    env = {**os.environ, "NETDAY_TODAY": TODAY.isoformat()}
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", STARTER, str(go), "--db", db_url, *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for command in commands
    ]
    for process in processes:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready"
    go.touch()
    results = []
    for process in processes:
        _, err = process.communicate(timeout=180)
        results.append((process.returncode, err))
    return results


def failures(results: list[tuple[int, str]]) -> list[str]:
    return [err.strip() or f"exit {code}" for code, err in results if code != 0]


def test_the_first_today_of_a_day_from_many_processes_makes_one_plan(tmp_path, db_url) -> None:
    for name in ("Ana Souza", "Bruno Martin", "Chloé Dubois", "Dan Brown"):
        assert netday_process("contact", "add", name, db=db_url).returncode == 0
        assert netday_process("log", name, "--at", "2026-10-01 10:00", db=db_url).returncode == 0

    results = all_at_once(tmp_path, db_url, [["today", "--json"]] * PROCESSES)

    assert failures(results) == []
    assert rows(db_url, "SELECT count(*) FROM day_plan") == [(1,)]
    assert rows(db_url, "SELECT count(*) FROM plan_item") == [(3,)]


def test_a_new_company_named_by_many_processes_at_once_is_created_once(tmp_path, db_url) -> None:
    assert netday_process("db", "upgrade", db=db_url).returncode == 0
    commands = [
        ["contact", "add", f"Person {n}", "--company", "Brand New Co"] for n in range(PROCESSES)
    ]

    results = all_at_once(tmp_path, db_url, commands)

    assert failures(results) == []
    assert rows(db_url, "SELECT name FROM company") == [("Brand New Co",)]
    assert rows(db_url, "SELECT count(DISTINCT company_id) FROM contact") == [(1,)]
    assert rows(db_url, "SELECT count(*) FROM contact") == [(PROCESSES,)]


def test_an_empty_database_opened_by_many_processes_at_once(tmp_path, db_url) -> None:
    started = time.monotonic()
    results = all_at_once(tmp_path, db_url, [["contact", "list"]] * PROCESSES)

    assert failures(results) == []
    assert rows(db_url, "SELECT count(*) FROM alembic_version") == [(1,)]
    assert rows(db_url, "SELECT count(*) FROM settings") == [(1,)]
    assert time.monotonic() - started < 120
