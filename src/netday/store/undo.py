"""Undo: what one user action changed, kept so that it can be taken back exactly.

How a service makes an action undoable: it opens its write transaction through
`netday.services.undo.undoable(ctx)`, which wraps `Database.transaction()` in
`recording(...)` below, writes through ORM objects as usual, and names the step
(`step.label = "Skipped the call with Bruno Costa"`) before the block ends. Nothing else
changes: the service keeps its signature and its callers need no change.

While a transaction records, every row the ORM updates, deletes or inserts is noted as
it is flushed (mapper events, which also see rows removed from a collection and rows
deleted by an ORM cascade, both invisible to `before_flush`); its image BEFORE the action
is read from the database the first time the row is touched. Rows the database itself
changes (`ON DELETE CASCADE` / `SET NULL`) are read before the delete that changes them.
Statements that bypass the ORM are not seen: `netday.store.upsert` reports its inserts
with `note_inserted`, and a service that writes with `session.execute(update(...))`
must do the same (or write through ORM objects). When the block ends, the AFTER image
of every touched row is read back, and the rows that really changed are kept as one
step in `undo_step`, tagged with the `origin` that made it (the command line, or one
open planner); the oldest steps beyond `limits.UNDO_STEPS` are pruned.

`replay_last` takes a step back in one transaction: rows it inserted are deleted, rows
it deleted are inserted again with the same ids, updated rows get their before values
back. If any row is not as the step left it (changed since, here or by another
process), or a row added since refers to one the step would delete, nothing is undone
(`StepConflict`). Taking a step back is not itself recorded: there is no redo.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    Connection,
    RowMapping,
    Table,
    and_,
    delete,
    event,
    insert,
    inspect,
    select,
    update,
)
from sqlalchemy.orm import Mapper, Session
from sqlalchemy.sql.elements import ColumnElement

from netday.limits import UNDO_STEPS
from netday.store.models import Base, UndoStep

_RECORDING = "netday_undo_recording"
"""The key, in the recording transaction's `Connection.info`, of its `Recording`."""

Image = dict[str, Any]
"""A row as JSON can hold it: column name to value, dates as ISO text."""
RowKey = tuple[str, str]
"""(table name, primary key as JSON): one row, wherever it was touched from."""


@dataclass
class Recording:
    """The step being recorded: name it with `label` before the transaction ends."""

    origin: str
    at: dt.datetime
    label: str = ""
    _touched: dict[RowKey, tuple[str, Image, Image | None]] = field(default_factory=dict)
    """Each touched row: (table, primary key, before image or None if inserted)."""

    def touch(self, conn: Connection, table: Table, key: Image, *, inserted: bool) -> None:
        """Note a row about to change (or just inserted), with its image from before."""
        row_key = (table.name, _dumps(key))
        if row_key not in self._touched:
            before = None if inserted else _image(conn, table, key)
            self._touched[row_key] = (table.name, key, before)


@dataclass(frozen=True)
class StepConflict(Exception):
    """A step cannot be taken back: `table`'s row `image` was changed since."""

    table: str
    image: Image
    label: str


def _encode(value: Any) -> Any:
    if isinstance(value, dt.date):  # a datetime too
        return value.isoformat()
    return value


def _decode(table: Table, name: str, value: Any) -> Any:
    if value is None:
        return None
    kind = table.c[name].type.python_type
    if kind is dt.datetime:
        return dt.datetime.fromisoformat(value)
    if kind is dt.date:
        return dt.date.fromisoformat(value)
    return value


def _dumps(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _table(name: str) -> Table:
    table = Base.metadata.tables[name]
    assert isinstance(table, Table)
    return table


def _table_of(mapper: Mapper[Any]) -> Table:
    table = mapper.local_table
    assert isinstance(table, Table)
    return table


def _where(table: Table, key: Mapping[str, Any]) -> ColumnElement[bool]:
    return and_(*(table.c[name] == _decode(table, name, value) for name, value in key.items()))


def _encoded(row: RowMapping) -> Image:
    return {str(name): _encode(value) for name, value in row.items()}


def _image(conn: Connection, table: Table, key: Mapping[str, Any]) -> Image | None:
    """The row as it is in the database now, or None when there is none."""
    row = conn.execute(select(table).where(_where(table, key))).mappings().first()
    return None if row is None else _encoded(row)


def _key(table: Table, image: Image) -> Image:
    """The primary key of a row's image."""
    return {column.name: image[column.name] for column in table.primary_key.columns}


def _mapped_key(mapper: Mapper[Any], values: Any) -> Image:
    return {
        column.name: _encode(value)
        for column, value in zip(mapper.primary_key, values, strict=True)
    }


def _identity(target: Any) -> tuple[Any, ...]:
    identity: tuple[Any, ...] | None = inspect(target).identity
    assert identity is not None, "a row being updated or deleted has its identity"
    return identity


def _recording(conn: Connection) -> Recording | None:
    found = conn.info.get(_RECORDING)
    return found if isinstance(found, Recording) else None


def _dependents(
    conn: Connection, table: Table, image: Image
) -> Iterator[tuple[Table, Image, str | None]]:
    """The rows that refer to the row `image` of `table`, each with its table and what
    the database does to it when that row goes (its foreign key's ON DELETE)."""
    for child in Base.metadata.sorted_tables:
        for foreign_key in child.foreign_key_constraints:
            if foreign_key.referred_table is not table:
                continue
            condition = and_(
                *(
                    child.c[element.parent.name]
                    == _decode(table, element.column.name, image[element.column.name])
                    for element in foreign_key.elements
                )
            )
            for found in conn.execute(select(child).where(condition)).mappings():
                yield child, _encoded(found), foreign_key.ondelete


# --- noting rows as the ORM flushes them ------------------------------------------------


@event.listens_for(Base, "before_update", propagate=True)
def _before_update(mapper: Mapper[Any], conn: Connection, target: Any) -> None:
    step = _recording(conn)
    if step is not None:
        key = _mapped_key(mapper, _identity(target))
        step.touch(conn, _table_of(mapper), key, inserted=False)


@event.listens_for(Base, "before_delete", propagate=True)
def _before_delete(mapper: Mapper[Any], conn: Connection, target: Any) -> None:
    step = _recording(conn)
    if step is not None:
        table, key = _table_of(mapper), _mapped_key(mapper, _identity(target))
        step.touch(conn, table, key, inserted=False)
        _touch_dependents(step, conn, table, key)


@event.listens_for(Base, "after_insert", propagate=True)
def _after_insert(mapper: Mapper[Any], conn: Connection, target: Any) -> None:
    step = _recording(conn)
    if step is not None:
        key = _mapped_key(mapper, mapper.primary_key_from_instance(target))
        step.touch(conn, _table_of(mapper), key, inserted=True)


def _touch_dependents(step: Recording, conn: Connection, table: Table, key: Image) -> None:
    """Note the rows the database will change itself when this row goes (ON DELETE)."""
    row = _image(conn, table, key)
    if row is None:
        return
    for child, found, ondelete in _dependents(conn, table, row):
        if ondelete in ("CASCADE", "SET NULL"):
            child_key = _key(child, found)
            step.touch(conn, child, child_key, inserted=False)
            if ondelete == "CASCADE":
                _touch_dependents(step, conn, child, child_key)


def note_inserted(session: Session, table: Table, where: Mapping[str, Any]) -> None:
    """A row inserted without the ORM (INSERT ... ON CONFLICT), found by `where`: part of
    the step being recorded, if one is."""
    conn = session.connection()
    step = _recording(conn)
    if step is None:
        return
    condition = and_(*(table.c[name] == value for name, value in where.items()))
    row = conn.execute(select(table).where(condition)).mappings().one()
    step.touch(conn, table, _key(table, _encoded(row)), inserted=True)


# --- recording a step -------------------------------------------------------------------


@contextmanager
def recording(session: Session, origin: str, at: dt.datetime) -> Iterator[Recording]:
    """Record what the caller's transaction changes as one undoable step of `origin`.

    Used inside `Database.transaction()`: the step is written (and old ones pruned) in
    that same transaction when the block ends, so it commits or rolls back with the
    action it records. A block that changes nothing leaves no step.
    """
    conn = session.connection()
    step = Recording(origin, at)
    conn.info[_RECORDING] = step
    try:
        yield step
        session.flush()
    finally:
        conn.info.pop(_RECORDING, None)
    _save(conn, step)


def _save(conn: Connection, step: Recording) -> None:
    rows = []
    for table_name, key, before in step._touched.values():
        after = _image(conn, _table(table_name), key)
        if before != after:
            rows.append({"table": table_name, "key": key, "before": before, "after": after})
    if not rows:
        return
    assert step.label, "an undoable action names its step"
    steps = _table(UndoStep.__tablename__)
    conn.execute(
        insert(steps).values(
            origin=step.origin, label=step.label, created_at=step.at, payload=_dumps(rows)
        )
    )
    oldest_kept = conn.execute(
        select(steps.c.id).order_by(steps.c.id.desc()).offset(UNDO_STEPS - 1).limit(1)
    ).scalar()
    if oldest_kept is not None:
        conn.execute(delete(steps).where(steps.c.id < oldest_kept))


# --- taking a step back -----------------------------------------------------------------


def replay_last(session: Session, origin: str) -> str | None:
    """Take back the newest step of `origin` inside the caller's transaction and forget
    it; its label, or None when `origin` has nothing to take back. `StepConflict` when
    a row it would restore was changed since: then nothing is changed."""
    found = session.execute(
        select(UndoStep)
        .where(UndoStep.origin == origin)
        .order_by(UndoStep.id.desc())
        .limit(1)
        .with_for_update()
    ).scalar_one_or_none()
    if found is None:
        return None
    conn = session.connection()
    rows: list[dict[str, Any]] = json.loads(found.payload)
    _check(conn, rows, found.label)
    order = {table.name: index for index, table in enumerate(Base.metadata.sorted_tables)}
    rows.sort(key=lambda r: order[r["table"]])
    for row in reversed(rows):  # children first
        if row["before"] is None:
            table = _table(row["table"])
            conn.execute(delete(table).where(_where(table, row["key"])))
    for row in rows:  # parents first
        if row["before"] is not None:
            _put_back(conn, _table(row["table"]), row["key"], row["before"])
    session.execute(delete(UndoStep).where(UndoStep.id == found.id))
    session.expire_all()
    return found.label


def _check(conn: Connection, rows: list[dict[str, Any]], label: str) -> None:
    """Every row is as the step left it, and nothing added since needs a row it removes."""
    in_step = {(r["table"], _dumps(r["key"])) for r in rows}
    for row in rows:
        table = _table(row["table"])
        now = _image(conn, table, row["key"])
        if now != row["after"]:
            raise StepConflict(row["table"], now or row["after"] or row["before"], label)
        if row["before"] is None:
            for child, found, _ in _dependents(conn, table, row["after"]):
                if (child.name, _dumps(_key(child, found))) not in in_step:
                    raise StepConflict(row["table"], row["after"], label)


def _put_back(conn: Connection, table: Table, key: Image, before: Image) -> None:
    """The row as it was: updated in place, or inserted again (same id) if it is gone."""
    values = {name: _decode(table, name, value) for name, value in before.items()}
    done = conn.execute(update(table).where(_where(table, key)).values(values))
    if not done.rowcount:
        conn.execute(insert(table).values(values))
