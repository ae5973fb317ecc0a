"""Shared fixtures: a real database per test, a pinned clock, an in-process CLI.

The backend is SQLite unless NETDAY_TEST_DATABASE_URL names a PostgreSQL server (an
SQLAlchemy URL whose user may create databases): then every test gets a fresh, empty
database of its own on that server, dropped afterwards, and tests marked
`@pytest.mark.sqlite_only("why")` are skipped with their reason.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, NullPool, create_engine, text
from sqlalchemy.engine import make_url

from netday.clock import ManualClock
from netday.services.context import Context
from netday.store.schema import open_database

TODAY = dt.date(2026, 11, 22)
NOON = dt.datetime(2026, 11, 22, 12, 0)
SHARED = Path(__file__).resolve().parents[2] / "shared"

TEST_DATABASE_ENV = "NETDAY_TEST_DATABASE_URL"
SERVER_URL = os.environ.get(TEST_DATABASE_ENV, "")
ON_SERVER = bool(SERVER_URL)
_names = itertools.count(1)


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test may touch the user's real data folder, write into the checkout (an export
    to "the current folder" lands in the test's own), depend on the real date, or on the
    size of the terminal pytest runs in (pytest-xdist's workers set COLUMNS=80 and
    LINES=24, which every program they start, tmux's sessions included, would obey)."""
    monkeypatch.delenv("NETDAY_DB", raising=False)
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("LINES", raising=False)
    monkeypatch.delenv("NETDAY_TODAY", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "cwd").mkdir(exist_ok=True)
    monkeypatch.chdir(tmp_path / "cwd")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "netday.sqlite3"


@pytest.fixture(scope="session")
def server_admin() -> Iterator[Engine | None]:
    """An AUTOCOMMIT connection pool to the test server (CREATE/DROP DATABASE), if any."""
    if not ON_SERVER:
        yield None
        return
    engine = create_engine(SERVER_URL, isolation_level="AUTOCOMMIT")
    yield engine
    engine.dispose()


def server_database_url(name: str) -> str:
    """The URL of database `name` on the test server."""
    return make_url(SERVER_URL).set(database=name).render_as_string(hide_password=False)


@pytest.fixture
def new_db_url(tmp_path: Path, server_admin: Engine | None) -> Iterator[Callable[[str], str]]:
    """Makes more empty databases for one test (`new_db_url("other")`), each a file in
    the test's folder on SQLite or a database of its own on the server, dropped after."""
    created: list[str] = []

    def make(name: str) -> str:
        if server_admin is None:
            return f"sqlite:///{tmp_path / name}.sqlite3"
        database = f"netday_test_{os.getpid()}_{next(_names)}"
        with server_admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{database}" TEMPLATE template0')
        created.append(database)
        return server_database_url(database)

    yield make
    if server_admin is not None:
        with server_admin.connect() as conn:
            for database in created:
                conn.exec_driver_sql(f'DROP DATABASE "{database}" WITH (FORCE)')


@pytest.fixture
def db_url(new_db_url: Callable[[str], str]) -> str:
    """The test's database as a URL: what `ctx`, `cli` and new tests should use, so the
    same test runs on SQLite (the file is `db_path`) and on PostgreSQL. Tests that read
    the SQLite file itself carry `@pytest.mark.sqlite_only("why")`."""
    return new_db_url("netday")


def _as_sqlite_stores_it(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return f"{value:%Y-%m-%d %H:%M:%S.%f}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def rows(db_url: str, sql: str) -> list[tuple[Any, ...]]:
    """The rows of `sql`, read through SQLAlchemy on either backend, with dates and times
    spelled as SQLAlchemy stores them in SQLite (`2026-11-22`, `2026-11-22 12:00:00.000000`)
    so that one expectation fits both. Booleans come back as 1/0 or True/False, which
    compare equal."""
    engine = create_engine(db_url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return [tuple(_as_sqlite_stores_it(v) for v in row) for row in conn.execute(text(sql))]
    finally:
        engine.dispose()


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
def cli(db_url: str, capsys: pytest.CaptureFixture[str]):
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


def pytest_report_header(config: pytest.Config) -> str:
    if ON_SERVER:
        return f"netday backend: PostgreSQL ({make_url(SERVER_URL).render_as_string()})"
    return "netday backend: SQLite"


UI_FLOWS_ON_SERVER = frozenset(
    {
        "test_main_screen.py",
        "test_network_flows.py",
        "test_undo.py",
        "test_corrections.py",
        "test_import_and_triage.py",
        "test_triage_into_plan.py",
        "test_welcome.py",
    }
)
"""The screens' flows that also run on a server. The screens hold no SQL (the layer
contracts in tests/unit/test_layers.py): every service they call is tested on both
databases; the rest of tests/ui (keys, layout, words, pixels) runs on SQLite only, which
keeps CI's two runs within its time."""


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On a server, skip the tests that are about the SQLite file, saying why, and the
    screen tests that are not about the database's work (`UI_FLOWS_ON_SERVER`)."""
    if not ON_SERVER:
        return
    ui = Path(__file__).with_name("ui")
    for item in items:
        marker = item.get_closest_marker("sqlite_only")
        if marker is not None:
            reason = marker.args[0] if marker.args else marker.kwargs.get("reason", "")
            item.add_marker(pytest.mark.skip(reason=f"SQLite only: {reason}"))
        elif item.path.parent == ui and item.path.name not in UI_FLOWS_ON_SERVER:
            item.add_marker(
                pytest.mark.skip(reason="SQLite only: a screen test with no database flow")
            )
