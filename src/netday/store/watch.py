"""Noticing that someone else wrote to the database, without reloading everything.

SQLite's `PRAGMA data_version` changes when another connection commits; reading it on
one connection kept for the purpose costs microseconds. Other databases compare a small
stamp of the tables the screen shows.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, func, select

from netday.store.db import Database
from netday.store.models import Contact, DayPlan, Interaction, Invite, PlanItem, Post


class ChangeWatcher:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._conn: Connection | None = None
        self._last: Any = None

    def _stamp(self) -> Any:
        if self._conn is None:
            self._conn = self._db.engine.connect()
        if self._db.is_sqlite:
            raw = self._conn.connection.driver_connection
            return raw.execute("PRAGMA data_version").fetchone()[0]  # type: ignore[union-attr]
        with self._conn.begin():
            return self._conn.execute(
                select(
                    *(
                        select(aggregate).scalar_subquery()
                        for aggregate in (
                            func.max(Interaction.id),
                            func.max(Contact.updated_at),
                            func.max(Invite.id),
                            func.max(Invite.answered_at),
                            func.max(Post.id),
                            func.max(Post.done_at),
                            func.max(DayPlan.created_at),
                            func.count(PlanItem.id),
                            func.sum(func.length(PlanItem.status)),
                        )
                    )
                )
            ).one()

    def changed(self) -> bool:
        """True when the data may differ from the last time this was asked."""
        stamp = self._stamp()
        changed = self._last is not None and stamp != self._last
        self._last = stamp
        return changed

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
