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
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from netday.store.models import Base


def insert_if_missing(
    session: Session, model: type[Base], values: Mapping[str, Any], key: Sequence[str]
) -> bool:
    """Insert one row of `model` unless one with the same `key` columns exists; True if
    this call inserted it."""
    dialect = session.get_bind().dialect.name
    module: Any = postgresql if dialect == "postgresql" else sqlite
    if dialect not in ("postgresql", "sqlite"):
        raise NotImplementedError(f"netday supports SQLite and PostgreSQL, not {dialect}")
    statement = (
        module.insert(model.__table__).values(**values).on_conflict_do_nothing(index_elements=key)
    )
    return bool(session.execute(statement).rowcount)  # type: ignore[attr-defined]
