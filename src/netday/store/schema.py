"""Keeping the database schema at the revision this netday expects.

The fast path (the schema is current) costs one indexed read and never imports
Alembic. Otherwise, under the database's write lock (BEGIN IMMEDIATE on SQLite, an
advisory lock on PostgreSQL) so that several netdays opening one database at once take
turns, the revision is read again and: an empty database is created by the migrations
themselves; an older one is backed up (SQLite: a copy beside the file; PostgreSQL:
`pg_dump`, refused without it unless `backup=False`) and then upgraded; one written by a
newer netday, or a database of something else, is refused untouched.
"""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text
from sqlalchemy.exc import DBAPIError

from netday.errors import NetdayError, SchemaTooNew
from netday.store.backup import backup_postgresql, backup_sqlite, find_pg_dump
from netday.store.db import Database, create_private_file

if TYPE_CHECKING:  # Alembic is imported only when the schema must change
    from alembic.config import Config

REVISIONS: tuple[str, ...] = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
    "0010",
    "0011",
    "0012",
)
"""Every revision in `migrations/versions`, oldest first; a test checks it against Alembic."""

HEAD = REVISIONS[-1]

MIGRATION_LOCK = 0x6E65_7464_6179
"""PostgreSQL advisory lock key ("netday"), held by whoever creates or upgrades the schema."""

_UNDEFINED_TABLE = "42P01"


def migrations_dir() -> Path:
    return Path(str(resources.files("netday.migrations")))


def _is_missing_table(exc: DBAPIError) -> bool:
    if getattr(exc.orig, "sqlstate", None) == _UNDEFINED_TABLE:
        return True
    return str(exc.orig).startswith("no such table")


def current_revision(db: Database) -> str | None:
    """The schema's revision; None when there is no `alembic_version` table at all.

    Only a missing table means "no revision": a locked database is `DatabaseBusy` and a
    damaged one an error, never taken for an empty or foreign database.
    """
    with db.lock_waits_explained(), db.read_engine.connect() as conn:
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except DBAPIError as exc:
            if _is_missing_table(exc):
                return None
            raise


def _revision_on(conn: Connection) -> str | None:
    """The revision, read inside the caller's transaction without disturbing it."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _alembic_config(db: Database) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    return config


def _too_new(revision: str) -> SchemaTooNew:
    return SchemaTooNew(
        f"this database was written by a newer netday (schema {revision}); "
        "upgrade netday to open it. The database was left untouched."
    )


def upgrade(
    db: Database,
    revision: str = "head",
    *,
    now: dt.datetime | None = None,
    backup: bool = False,
    backup_dir: Path | None = None,
) -> None:
    """Create or upgrade the schema in one transaction that holds the write lock.

    The revision is read again once the lock is held: another netday may have created
    or upgraded the schema meanwhile, and then there is nothing left to do. With
    `backup`, an existing schema is backed up before it changes.

    On SQLite, foreign keys are off while migrating: a batch migration recreates a
    table, and dropping the old copy with foreign keys on would cascade-delete its
    children. They are checked before the transaction commits.
    """
    from alembic import command

    config = _alembic_config(db)
    activity, db.activity = db.activity, "an upgrade of the database is running"
    try:
        with db.lock_waits_explained(), db.engine.connect() as conn:
            if db.is_sqlite:
                conn.connection.driver_connection.execute("PRAGMA foreign_keys = OFF")  # type: ignore[union-attr]
            try:
                with conn.begin():
                    if db.is_postgresql:
                        conn.execute(
                            text("SET LOCAL application_name = 'netday: an upgrade is running'")
                        )
                        conn.execute(
                            text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK}
                        )
                    found = _revision_on(conn)
                    if revision == "head" and found == HEAD:
                        return
                    if found is None and inspect(conn).get_table_names():
                        raise NetdayError(
                            f"{db.url} holds tables but is not a netday database; nothing changed"
                        )
                    if found is not None and found not in REVISIONS:
                        raise _too_new(found)
                    if backup and found is not None:
                        _backup_before_upgrade(db, now or dt.datetime.now(), backup_dir)
                    config.attributes["connection"] = conn
                    command.upgrade(config, revision)
                    if db.is_sqlite and conn.exec_driver_sql("PRAGMA foreign_key_check").first():
                        raise NetdayError(
                            "the upgrade would break links between rows; nothing changed"
                        )
            finally:
                if db.is_sqlite:
                    conn.connection.driver_connection.execute("PRAGMA foreign_keys = ON")  # type: ignore[union-attr]
    finally:
        db.activity = activity


def _backup_before_upgrade(db: Database, now: dt.datetime, backup_dir: Path | None) -> None:
    try:
        if db.path is not None:
            backup_sqlite(db.path, now)
        elif db.is_postgresql:
            backup_postgresql(db.url, now, folder=backup_dir)
    except NetdayError as exc:
        raise NetdayError(f"{exc}; the upgrade did not run (or use --no-backup)") from exc


def open_database(
    url: str,
    now: dt.datetime,
    *,
    backup: bool = True,
    backup_dir: Path | None = None,
    activity: str = "",
) -> Database:
    """Open, creating or upgrading the schema as needed. See the module docstring.

    `backup=False` upgrades without a backup (`--no-backup`); on PostgreSQL an upgrade
    without `pg_dump` is refused unless it is given. PostgreSQL dumps go to `backup_dir`
    (default: the user data folder's `backups/`).
    """
    db = Database(url, activity)
    try:
        if db.path is not None:
            create_private_file(db.path)
        revision = current_revision(db)
        if revision == HEAD:
            return db
        if revision is not None and revision not in REVISIONS:
            raise _too_new(revision)
        if revision is not None and backup and db.is_postgresql and find_pg_dump() is None:
            raise NetdayError(
                f"this database (schema {revision}) needs an upgrade, and pg_dump was not "
                "found to back it up first: install the PostgreSQL client tools, or run "
                "again with --no-backup"
            )
        upgrade(db, now=now, backup=backup, backup_dir=backup_dir)
    except BaseException:
        db.close()
        raise
    return db
