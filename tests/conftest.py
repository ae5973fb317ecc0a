"""Shared fixtures: a real SQLite file per test, a pinned clock, an in-process CLI."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from netday.clock import ManualClock
from netday.services.context import Context
from netday.store.schema import open_database

TODAY = dt.date(2026, 11, 22)
NOON = dt.datetime(2026, 11, 22, 12, 0)
SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test may touch the user's real data folder or depend on the real date."""
    monkeypatch.delenv("NETDAY_DB", raising=False)
    monkeypatch.delenv("NETDAY_TODAY", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "netday.sqlite3"


@pytest.fixture
def db_url(db_path: Path) -> str:
    """The test's database as a URL: what `ctx`, `cli` and new tests should use, so the
    same test runs on SQLite and on PostgreSQL. Tests that read the SQLite file itself
    carry `@pytest.mark.sqlite_only("why")`."""
    return f"sqlite:///{db_path}"


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(NOON)


@pytest.fixture
def ctx(db_url: str, clock: ManualClock) -> Iterator[Context]:
    db = open_database(db_url, clock.now())
    yield Context(db, clock)
    db.close()


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(db_url: str, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """Run `netday` in this process against the test database, today pinned."""
    from netday.cli.main import main

    def run(*args: str, today: str = TODAY.isoformat()) -> CliResult:
        capsys.readouterr()
        code = main(["--db", db_url, "--today", today, *args])
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


def netday_process(
    *args: str, db: Path | str, today: str = TODAY.isoformat(), env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the real `netday` as a separate process (python -m netday)."""
    full_env = {**os.environ, "NETDAY_TODAY": today, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "netday", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
        check=False,
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only(reason): the test reads the SQLite file itself (skipped elsewhere)"
    )
