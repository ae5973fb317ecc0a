"""Get-or-create without races: INSERT ... ON CONFLICT DO NOTHING on both backends.

Reading first and inserting when nothing was found is a race on PostgreSQL (two
transactions both find nothing, the second insert fails on the unique key). The insert
below instead waits for a concurrent insert of the same key to commit and then does
nothing; the caller reads the row back, which READ COMMITTED then sees. On SQLite every
writer holds the database lock (BEGIN IMMEDIATE), so there is no race, and the same
statement is simply correct there too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from importlib import import_module
from typing import Any

from sqlalchemy.orm import Session

from netday.store.models import Base
from netday.store.undo import note_inserted


def _insert(session: Session, model: type[Base], key: Sequence[str]) -> Any:
    dialect = session.get_bind().dialect.name
    if dialect not in ("postgresql", "sqlite"):
        raise NotImplementedError(f"netday supports SQLite and PostgreSQL, not {dialect}")
    # Imported here, for the backend in use: loading SQLAlchemy's PostgreSQL dialect
    # costs ~20 ms, which a SQLite user would pay on the way to the first frame.
    module: Any = import_module(f"sqlalchemy.dialects.{dialect}")
    return module.insert(model.__table__).on_conflict_do_nothing(index_elements=key)


def insert_if_missing(
    session: Session, model: type[Base], values: Mapping[str, Any], key: Sequence[str]
) -> bool:
    """Insert one row of `model` unless one with the same `key` columns exists; True if
    this call inserted it (then part of the undo step being recorded, if any)."""
    statement = _insert(session, model, key).values(**values)
    inserted = bool(session.execute(statement).rowcount)  # type: ignore[attr-defined]
    if inserted:
        table: Any = model.__table__
        note_inserted(session, table, {name: values[name] for name in key})
    return inserted


def insert_all_missing(
    session: Session, model: type[Base], rows: Sequence[Mapping[str, Any]], key: Sequence[str]
) -> None:
    """`insert_if_missing` for many rows at once (an import's new companies); the caller
    reads the ids back by key."""
    if rows:
        session.execute(_insert(session, model, key), list(rows))
