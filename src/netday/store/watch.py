"""Noticing that someone else wrote to the database, without reloading everything.

SQLite: `PRAGMA data_version` changes when another connection commits; reading it on
one connection kept for the purpose costs microseconds.

PostgreSQL has no such counter, so every netday write transaction notifies
`CHANGES_CHANNEL` as it commits (see `Database.transaction`), and the watcher LISTENs
on a dedicated autocommit connection; `changed()` only looks at what has already
arrived, never waits. A notification from netday itself (not from triggers) was chosen
so that the schema stays the same on both backends and no migration has to differ; a
change made by another tool (psql) is seen at the next change netday makes or on a new
day. If the listening connection drops, the next call reports a change (the screen
reloads, which is safe) and listens again.
"""

from __future__ import annotations

import contextlib
from typing import Any

from sqlalchemy import Connection

from netday.store.db import CHANGES_CHANNEL, Database


class ChangeWatcher:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._conn: Connection | None = None
        self._listener: Any = None
        self._last: Any = None

    def _data_version(self) -> Any:
        if self._conn is None:
            self._conn = self._db.engine.connect()
        raw = self._conn.connection.driver_connection
        return raw.execute("PRAGMA data_version").fetchone()[0]  # type: ignore[union-attr]

    def _listen(self) -> Any:
        import psycopg

        raw = self._db.engine.raw_connection()
        listener = raw.driver_connection
        raw.detach()  # a connection of its own, never handed back to the pool
        assert isinstance(listener, psycopg.Connection)
        listener.autocommit = True
        listener.execute(f"LISTEN {CHANGES_CHANNEL}")
        return listener

    def _notified(self) -> bool:
        """True if notifications arrived since the last call (drains them; never blocks)."""
        import psycopg

        if self._listener is None:
            self._listener = self._listen()
            return False
        try:
            return sum(1 for _ in self._listener.notifies(timeout=0)) > 0
        except psycopg.Error:
            self._drop_listener()
            self._listener = self._listen()
            return True

    def _drop_listener(self) -> None:
        """Close the PostgreSQL listener, if there is one: psycopg is imported only then,
        since a SQLite install need not have it (the `postgres` extra)."""
        listener, self._listener = self._listener, None
        if listener is None:
            return
        import psycopg

        with contextlib.suppress(psycopg.Error):
            listener.close()

    def changed(self) -> bool:
        """True when the data may differ from the last time this was asked."""
        if self._db.is_postgresql:
            return self._notified()
        stamp = self._data_version()
        changed = self._last is not None and stamp != self._last
        self._last = stamp
        return changed

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        self._drop_listener()
