"""Backups: before an upgrade and on demand, on both backends, and when the disk is full.

A full disk is simulated honestly, without root: the netday process runs with a small
RLIMIT_FSIZE (and SIGXFSZ ignored), so every write past the limit fails with EFBIG, as
the kernel reports a file that cannot grow; SQLite and pg_dump see a failed write.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from netday.store.backup import find_pg_dump
from netday.store.db import Database
from netday.store.schema import HEAD, REVISIONS
from tests.conftest import ON_SERVER, TODAY, rows
from tests.store.test_schema import _fill_at_first_revision

LIMIT = 200_000
"""Bytes a process may write to any one file in the disk-full cases."""


def make_it_big(db_url: str) -> None:
    """About a megabyte of notes that do not compress, so a backup exceeds LIMIT."""
    db = Database(db_url)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE contact SET notes = :n"), {"n": os.urandom(400_000).hex()})
    db.close()


def netday_limited(*args: str, db: str) -> subprocess.CompletedProcess[str]:
    """`netday` in a process whose files cannot grow past LIMIT bytes."""

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT))

    return subprocess.run(
        [sys.executable, "-m", "netday", "--db", db, *args],
        capture_output=True,
        text=True,
        env={**os.environ, "NETDAY_TODAY": TODAY.isoformat()},
        preexec_fn=limit,
        timeout=120,
        check=False,
    )


def backups_folder() -> Path:
    return Path(os.environ["XDG_DATA_HOME"]) / "netday" / "backups"


def leftovers(folder: Path) -> list[str]:
    """Anything a failed backup might have left: partial files and their journals."""
    if not folder.exists():
        return []
    return sorted(p.name for p in folder.iterdir() if "backup" in p.name or ".dump" in p.name)


def test_disk_full_during_the_backup_before_an_upgrade(db_url, tmp_path) -> None:
    _fill_at_first_revision(db_url)
    make_it_big(db_url)
    folder = tmp_path if not ON_SERVER else backups_folder()

    for _ in range(2):  # a retry leaves nothing behind either
        result = netday_limited("today", db=db_url)
        assert result.returncode == 1, result.stderr
        assert result.stderr.startswith("netday: error: disk full: the backup "), result.stderr
        assert "the upgrade did not run" in result.stderr
        assert len(result.stderr.splitlines()) == 1
        assert leftovers(folder) == []
    assert rows(db_url, "SELECT version_num FROM alembic_version") == [(REVISIONS[0],)]


def test_disk_full_during_netday_db_backup(cli, db_url, tmp_path) -> None:
    assert cli("contact", "add", "Ana Souza").code == 0
    make_it_big(db_url)
    dest = tmp_path / "copies" / "netday.backup"
    dest.parent.mkdir()

    result = netday_limited("db", "backup", "--to", str(dest), db=db_url)

    assert result.returncode == 1
    assert result.stderr.startswith(f"netday: error: disk full: the backup {dest} ")
    assert list(dest.parent.iterdir()) == []


@pytest.mark.skipif(not ON_SERVER, reason="PostgreSQL only: SQLite backs up beside its file")
def test_an_upgrade_on_postgresql_is_backed_up_with_pg_dump(db_url) -> None:
    from tests.conftest import netday_process

    _fill_at_first_revision(db_url)
    upgraded = netday_process("today", db=db_url)
    assert upgraded.returncode == 0, upgraded.stderr
    assert rows(db_url, "SELECT version_num FROM alembic_version") == [(HEAD,)]
    (dump,) = backups_folder().iterdir()
    assert dump.name.endswith(".dump") and dump.stat().st_mode & 0o077 == 0
    pg_restore = Path(str(find_pg_dump())).with_name("pg_restore")
    listing = subprocess.run(
        [str(pg_restore), "--list", str(dump)], capture_output=True, text=True, check=True
    ).stdout
    assert "TABLE DATA public contact" in listing


@pytest.mark.skipif(not ON_SERVER, reason="PostgreSQL only: SQLite needs no tool to back up")
def test_without_pg_dump_an_upgrade_waits_for_no_backup(cli, db_url, monkeypatch) -> None:
    _fill_at_first_revision(db_url)
    monkeypatch.setattr("netday.store.schema.find_pg_dump", lambda: None)
    monkeypatch.setattr("netday.store.backup.find_pg_dump", lambda: None)

    refused = cli("contact", "list")
    assert refused.code == 1
    assert "pg_dump was not found" in refused.err and "--no-backup" in refused.err
    assert rows(db_url, "SELECT version_num FROM alembic_version") == [(REVISIONS[0],)]
    backup = cli("db", "backup")
    assert backup.code == 1 and "pg_dump was not found" in backup.err

    assert cli("--no-backup", "contact", "list").code == 0
    assert rows(db_url, "SELECT version_num FROM alembic_version") == [(HEAD,)]
    assert not backups_folder().exists()


@pytest.mark.skipif(not ON_SERVER, reason="PostgreSQL only: the SQLite copy is tested elsewhere")
def test_netday_db_backup_on_postgresql(cli, db_url, tmp_path) -> None:
    assert cli("contact", "add", "Ana Souza").code == 0
    made = cli("db", "backup")
    assert made.code == 0, made.err
    assert Path(made.out.strip()).parent == backups_folder()
    target = tmp_path / "mine.dump"
    assert cli("db", "backup", "--to", str(target)).code == 0
    assert target.stat().st_size > 0
    again = cli("db", "backup", "--to", str(target))
    assert again.code == 1 and "already exists" in again.err


def test_pg_dump_is_found_where_debian_puts_it() -> None:
    if shutil.which("pg_dump") is None and not list(Path("/usr/lib/postgresql").glob("*/bin")):
        pytest.skip("no PostgreSQL client tools on this machine")
    found = find_pg_dump()
    assert found is not None and os.access(found, os.X_OK)
