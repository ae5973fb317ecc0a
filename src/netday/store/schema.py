"""Keeping the database schema at the revision this netday expects.

The fast path (the schema is current) costs one indexed read and never imports
Alembic. A new database is created by the migrations themselves; an older one is
backed up beside itself and then upgraded; one written by a newer netday is refused
untouched.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from importlib import resources
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from netday.errors import NetdayError, SchemaTooNew
from netday.store.db import Database, create_private_file

REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004")
"""Every revision in `migrations/versions`, oldest first; a test checks it against Alembic."""

HEAD = REVISIONS[-1]


def migrations_dir() -> Path:
    return Path(str(resources.files("netday.migrations")))


def current_revision(db: Database) -> str | None:
    try:
        with db.engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError:
        return None


def _alembic_config(db: Database):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    return config


def upgrade(db: Database, revision: str = "head") -> None:
    """Run the migrations in one transaction.

    On SQLite, foreign keys are off while migrating: a batch migration recreates a
    table, and dropping the old copy with foreign keys on would cascade-delete its
    children. They are checked before the transaction commits.
    """
    from alembic import command

    config = _alembic_config(db)
    with db.engine.connect() as conn:
        if db.is_sqlite:
            conn.connection.driver_connection.execute("PRAGMA foreign_keys = OFF")  # type: ignore[union-attr]
        try:
            with conn.begin():
                config.attributes["connection"] = conn
                command.upgrade(config, revision)
                if db.is_sqlite and conn.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise NetdayError("the upgrade would break links between rows; nothing changed")
        finally:
            if db.is_sqlite:
                conn.connection.driver_connection.execute("PRAGMA foreign_keys = ON")  # type: ignore[union-attr]


def backup_sqlite(path: Path, stamp: dt.datetime, dest: Path | None = None) -> Path:
    """A consistent copy (SQLite's online backup, safe with WAL and other writers)."""
    if dest is None:
        dest = path.with_name(f"{path.name}.backup-{stamp:%Y%m%d-%H%M%S}")
        n = 1
        while dest.exists():
            n += 1
            dest = path.with_name(f"{path.name}.backup-{stamp:%Y%m%d-%H%M%S}-{n}")
    if dest.exists():
        raise NetdayError(f"{dest} already exists; choose another backup path")
    create_private_file(dest)
    source = sqlite3.connect(path)
    target = sqlite3.connect(dest)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()
    return dest


def open_database(url: str, now: dt.datetime) -> Database:
    """Open, creating or upgrading the schema as needed. See the module docstring."""
    db = Database(url)
    if db.path is not None:
        create_private_file(db.path)
    revision = current_revision(db)
    if revision == HEAD:
        return db
    if revision is None:
        tables = inspect(db.engine).get_table_names()
        if tables:
            db.close()
            raise NetdayError(f"{url} holds tables but is not a netday database; nothing changed")
        upgrade(db)
        return db
    if revision not in REVISIONS:
        db.close()
        raise SchemaTooNew(
            f"this database was written by a newer netday (schema {revision}); "
            "upgrade netday to open it. The file was left untouched."
        )
    if db.path is not None:
        backup_sqlite(db.path, now)
    upgrade(db)
    return db
