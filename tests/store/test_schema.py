"""Models and migrations agree; databases are created, upgraded and refused safely."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
import stat
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import CheckConstraint, inspect, text

from netday.errors import NetdayError, SchemaTooNew
from netday.store.db import Database
from netday.store.models import Base
from netday.store.schema import HEAD, REVISIONS, migrations_dir, open_database, upgrade
from netday.store.search_index import (
    INDEXED,
    fts_table,
    is_search_object,
    postgresql_indexes,
    sqlite_triggers,
)
from tests.conftest import rows

NOW = dt.datetime(2026, 11, 22, 9, 30)


def script_directory() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    return ScriptDirectory.from_config(config)


def test_one_head_and_the_known_revisions_match_alembic() -> None:
    scripts = script_directory()
    assert scripts.get_heads() == [HEAD]
    chain = [s.revision for s in scripts.walk_revisions("base", "heads")]
    assert tuple(reversed(chain)) == REVISIONS


def test_models_and_migrations_agree(db_url: str) -> None:
    """The search index (FTS5 tables and their shadow tables on SQLite, expression
    indexes on PostgreSQL) is no model: it is left out here and checked below."""
    db = open_database(db_url, NOW)
    with db.engine.connect() as conn:
        opts = {
            "compare_type": True,
            "include_name": lambda name, type_, parent: not is_search_object(name),
        }
        diff = compare_metadata(MigrationContext.configure(conn, opts=opts), Base.metadata)
    db.close()
    assert diff == []


def test_the_head_schema_has_the_whole_search_index(db_url: str) -> None:
    """A later batch migration that recreates an indexed table drops its triggers with
    it on SQLite: this fails until that migration creates them again."""
    db = open_database(db_url, NOW)
    with db.engine.connect() as conn:
        if db.is_sqlite:
            found = set(
                conn.exec_driver_sql(
                    "SELECT name FROM sqlite_master WHERE type = 'trigger'"
                ).scalars()
            )
            tables = set(inspect(conn).get_table_names())
            assert {fts_table(t) for t in INDEXED} <= tables
            assert sqlite_triggers() <= found
        else:
            found = {
                index["name"]
                for table in INDEXED
                for index in inspect(conn).get_indexes(table)
                if is_search_object(index["name"])
            }
            assert found == postgresql_indexes()
    db.close()


@pytest.mark.sqlite_only("SQLite keeps a check's SQL as written; PostgreSQL rewrites it")
def test_the_models_checks_are_the_migrations_checks_word_for_word(db_url: str) -> None:
    """Alembic's comparison skips check constraints: the words allowed in each column
    (derived from `netday.vocabulary`) are compared with the database the migrations
    built, so deriving them can never change a schema without a migration."""
    db = open_database(db_url, NOW)
    with db.engine.connect() as conn:
        found = {
            (table, check["name"], check["sqltext"])
            for table in inspect(conn).get_table_names()
            for check in inspect(conn).get_check_constraints(table)
        }
    db.close()
    declared = {
        (table.name, str(check.name), str(check.sqltext))
        for table in Base.metadata.tables.values()
        for check in table.constraints
        if isinstance(check, CheckConstraint)
    }
    assert len(declared) == 14
    assert found == declared


@pytest.mark.sqlite_only("file mode and PRAGMAs of the SQLite file")
def test_a_new_database_is_private_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "netday.sqlite3"
    db = open_database(f"sqlite:///{path}", NOW)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() > 0
    db.close()


FIRST_REVISION_ROWS = [
    """INSERT INTO company (id, name, name_key, followed, notes, created_at)
        VALUES (1, 'Acme', 'acme', TRUE, '', '2026-01-01 10:00:00')""",
    """INSERT INTO contact (id, full_name, name_key, company_id, role, email, phone,
        profile_url, circle, tier, why, notes, archived, cadence_kind, cadence_every,
        cadence_unit, next_due_on, created_at, updated_at)
        VALUES (1, 'Ana Souza', 'ana souza', 1, 'CTO', '', '', '', 'professional', 'A',
        'met at PyCon', '', FALSE, 'relative', 3, 'weeks', '2026-11-20',
        '2026-01-01 10:00:00', '2026-01-01 10:00:00')""",
    """INSERT INTO contact (id, full_name, name_key, role, email, phone, profile_url, circle,
        tier, why, notes, archived, cadence_kind, cadence_rule, next_due_on, created_at,
        updated_at)
        VALUES (2, 'Bruno Martin', 'bruno martin', '', '', '', '', 'personal', 'B', '', '',
        FALSE, 'calendar', 'FREQ=MONTHLY;BYDAY=1MO', '2026-12-07', '2026-01-01 10:00:00',
        '2026-01-01 10:00:00')""",
    """INSERT INTO interaction (contact_id, kind, occurred_at, minutes, summary, direction,
        created_at) VALUES (1, 'call', '2026-10-30 10:00:00', 10, 'hello', 'gave',
        '2026-10-30 10:00:00')""",
    """INSERT INTO invite (contact_id, name, profile_url, direction, message, sent_at, status,
        created_at) VALUES (1, 'Ana Souza', '', 'sent', 'Hi Ana', '2026-11-01 10:00:00',
        'pending', '2026-11-01 10:00:00')""",
]


def _fill_at_first_revision(url: str) -> None:
    """A database as netday 0001 left it, with rows written the way that version did
    (explicit ids, as an old demo did: the upgrade must leave the sequences past them)."""
    db = Database(url)
    upgrade(db, REVISIONS[0])
    with db.engine.begin() as conn:
        for statement in FIRST_REVISION_ROWS:
            conn.execute(text(statement))
    db.close()


def _counts(url: str) -> dict[str, int]:
    tables = ("company", "contact", "interaction", "invite", "settings")
    return {t: rows(url, f"SELECT count(*) FROM {t}")[0][0] for t in tables}


def test_a_database_from_the_first_revision_upgrades_without_losing_a_row(db_url: str) -> None:
    _fill_at_first_revision(db_url)
    before = _counts(db_url)
    assert before == {"company": 1, "contact": 2, "interaction": 1, "invite": 1, "settings": 1}

    db = open_database(db_url, NOW)
    db.close()

    assert _counts(db_url) == before
    assert rows(db_url, "SELECT version_num FROM alembic_version") == [(HEAD,)]
    assert rows(db_url, "SELECT follow_ups FROM invite") == [(0,)]
    lengths = rows(db_url, "SELECT full_name, cadence_days FROM contact ORDER BY id")
    assert lengths[0] == ("Ana Souza", 21.0)
    assert lengths[1][0] == "Bruno Martin" and 30 <= lengths[1][1] <= 31


@pytest.mark.sqlite_only("the backup is a copy beside the SQLite file")
def test_an_upgrade_leaves_a_private_copy_beside_the_file(db_path: Path, db_url: str) -> None:
    _fill_at_first_revision(db_url)
    before = _counts(db_url)
    open_database(db_url, NOW).close()
    backups = list(db_path.parent.glob("netday.sqlite3.backup-*"))
    assert [b.name for b in backups] == ["netday.sqlite3.backup-20261122-093000"]
    assert _counts(f"sqlite:///{backups[0]}") == before
    assert stat.S_IMODE(backups[0].stat().st_mode) == 0o600


@pytest.mark.sqlite_only("looks for backup files beside the SQLite file")
def test_a_current_database_is_not_backed_up_again(tmp_path: Path) -> None:
    path = tmp_path / "n.sqlite3"
    open_database(f"sqlite:///{path}", NOW).close()
    open_database(f"sqlite:///{path}", NOW).close()
    assert list(tmp_path.glob("*.backup-*")) == []


@pytest.mark.sqlite_only("compares the SQLite file's bytes")
def test_a_database_from_a_newer_netday_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    open_database(f"sqlite:///{path}", NOW).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()

    with pytest.raises(SchemaTooNew, match="newer netday"):
        open_database(f"sqlite:///{path}", NOW)

    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert list(tmp_path.glob("*.backup-*")) == []


def test_a_foreign_database_is_refused(db_url: str) -> None:
    db = Database(db_url)
    with db.engine.begin() as conn:
        conn.execute(text("CREATE TABLE recipes (id INTEGER PRIMARY KEY)"))
    db.close()
    with pytest.raises(NetdayError, match="not a netday database"):
        open_database(db_url, NOW)
    assert rows(db_url, "SELECT count(*) FROM recipes") == [(0,)]
