"""One engine per process, one session per unit of work.

SQLite runs in WAL mode with foreign keys on and a busy timeout, and every write
transaction starts with BEGIN IMMEDIATE, so a TUI in one tab and `netday log` in another
queue politely instead of failing with "database is locked". PostgreSQL waits as long
for a row or table lock (`lock_timeout`).

A wait that runs out becomes `DatabaseBusy`, one line that says who is writing: each
netday names what it is doing (`activity`), on PostgreSQL as its `application_name`, on
SQLite in a small note beside the file (`<file>-writer`) that a write transaction keeps
while it holds the lock.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from netday.errors import DatabaseBusy

BUSY_TIMEOUT_MS = 15_000
_READ_ONLY = "netday_read_only"
CHANGES_CHANNEL = "netday_changes"
"""The PostgreSQL channel every write transaction notifies on commit (see watch.py)."""

_NOTIFY_IF_WRITTEN = text(
    f"SELECT pg_notify('{CHANGES_CHANNEL}', '') WHERE txid_current_if_assigned() IS NOT NULL"
)
_NOTE_LEFT = "netday_writer_note"
_SQLITE_BUSY = ("database is locked", "database table is locked", "database schema is locked")
_PG_LOCK_NOT_AVAILABLE = "55P03"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory ones."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:" or parsed.database.startswith("file:"):
        return None
    return Path(parsed.database)


def create_private_file(path: Path) -> bool:
    """Create the database file readable by its owner only; True if it was new."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return False
    os.close(fd)
    return True


def is_lock_timeout(exc: BaseException) -> bool:
    """True when `exc` means "another connection held a lock for too long"."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    if getattr(orig, "sqlstate", None) == _PG_LOCK_NOT_AVAILABLE:
        return True
    message = str(orig).lower()
    return type(orig).__name__ == "OperationalError" and message.startswith(_SQLITE_BUSY)


def _refuse_to_write(session: Session, _context: Any, _instances: Any) -> None:
    """`reading()` never takes the write lock, so it must never write: a bug if it does."""
    if session.new or session.dirty or session.deleted:
        raise RuntimeError("a read-only transaction tried to write; use Database.transaction()")


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class _Rehearsal(Exception):
    """Leaves a rehearsed transaction so that it rolls back."""


class Database:
    """The engine and the session factory for one database URL.

    `activity` says what this process is doing, in words that finish "another netday is
    writing: ..." (for example "an import is running"); other processes that wait for
    this one too long quote it.
    """

    def __init__(self, url: str, activity: str = "") -> None:
        self.url = url
        self.path = sqlite_path(url)
        self.backend = make_url(url).get_backend_name()
        self.is_sqlite = self.backend == "sqlite"
        self.is_postgresql = self.backend == "postgresql"
        self.activity = activity
        connect_args: dict[str, Any] = {}
        if self.is_postgresql:
            # Kept beside any libpq options the URL itself carries.
            given = make_url(url).query.get("options", "")
            options = " ".join(given) if isinstance(given, tuple) else given
            connect_args = {
                "application_name": f"netday: {activity or 'netday is writing'}"[:63],
                "options": f"{options} -c lock_timeout={BUSY_TIMEOUT_MS}".strip(),
            }
        self.engine = create_engine(url, connect_args=connect_args)
        if self.is_sqlite:
            self._configure_sqlite(self.engine)
        self._writer = sessionmaker(self.engine, expire_on_commit=False)
        self.read_engine = self.engine.execution_options(**{_READ_ONLY: True})
        """The engine for looks that must not take SQLite's write lock (BEGIN, not IMMEDIATE)."""
        self._reader = sessionmaker(self.read_engine, expire_on_commit=False)
        event.listen(self._reader, "before_flush", _refuse_to_write)

    @property
    def writer_note(self) -> Path | None:
        """Beside a SQLite file: what the process holding the write lock is doing."""
        return None if self.path is None else self.path.with_name(self.path.name + "-writer")

    def _configure_sqlite(self, engine: Engine) -> None:
        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection: Any, _record: Any) -> None:
            # Let SQLAlchemy's "begin" event below issue BEGIN itself.
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA foreign_keys = ON")
            mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
            if mode != "wal":
                cursor.execute("PRAGMA journal_mode = WAL")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Any) -> None:
            read_only = conn.get_execution_options().get(_READ_ONLY, False)
            conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")
            if not read_only and self._leave_note():
                conn.info[_NOTE_LEFT] = True

        @event.listens_for(engine, "commit")
        @event.listens_for(engine, "rollback")
        def _on_end(conn: Any) -> None:
            if conn.info.pop(_NOTE_LEFT, False):
                self._take_note_back()

    def _leave_note(self) -> bool:
        """Holding the write lock now: say what for, for whoever waits (best effort)."""
        note = self.writer_note
        if note is None or not self.activity:
            return False
        try:
            partial = note.with_name(f"{note.name}.{os.getpid()}")
            partial.write_text(f"{os.getpid()}\n{self.activity}\n", encoding="utf-8")
            partial.replace(note)
        except OSError:
            return False
        return True

    def _take_note_back(self) -> None:
        note = self.writer_note
        assert note is not None
        with contextlib.suppress(OSError, ValueError, IndexError):
            if int(note.read_text(encoding="utf-8").split("\n")[0]) == os.getpid():
                note.unlink()

    def who_is_writing(self) -> str:
        """What the netday holding the lock said it is doing, or "" when unknown."""
        if self.is_postgresql:
            return self._pg_writer()
        note = self.writer_note
        if note is None:
            return ""
        try:
            pid_text, activity = note.read_text(encoding="utf-8").split("\n")[:2]
            pid = int(pid_text)
        except (OSError, ValueError):
            return ""
        return activity if pid != os.getpid() and _process_alive(pid) else ""

    def _pg_writer(self) -> str:
        query = text(
            "SELECT application_name FROM pg_stat_activity "
            "WHERE pid <> pg_backend_pid() AND datname = current_database() "
            "AND xact_start IS NOT NULL AND application_name LIKE 'netday: %' "
            "ORDER BY xact_start LIMIT 1"
        )
        try:
            with self.engine.connect() as conn:
                name = conn.execute(query).scalar()
        except DBAPIError:
            return ""
        return str(name).removeprefix("netday: ") if name else ""

    def busy(self) -> DatabaseBusy:
        """The one-line error for a lock wait that ran out."""
        activity = self.who_is_writing()
        if activity:
            return DatabaseBusy(f"another netday is writing: {activity}; try again")
        return DatabaseBusy("another program is writing to the database; try again")

    @contextmanager
    def lock_waits_explained(self) -> Iterator[None]:
        """Turn a lock wait that ran out into `DatabaseBusy`; other errors pass."""
        try:
            yield
        except DBAPIError as exc:
            if is_lock_timeout(exc):
                raise self.busy() from exc
            raise

    @contextmanager
    def transaction(self, *, rehearse: bool = False) -> Iterator[Session]:
        """One user action: everything commits together or nothing does.

        With `rehearse` (a dry run) the action runs in full, with every check and lock
        a real one takes, and is then rolled back: what it reported is what it would do.
        On PostgreSQL a transaction that wrote anything notifies CHANGES_CHANNEL as it
        commits, so an open planner elsewhere shows the change (see watch.py).
        """
        try:
            with self.lock_waits_explained(), self._writer.begin() as session:
                yield session
                if rehearse:
                    raise _Rehearsal
                if self.is_postgresql:
                    session.execute(_NOTIFY_IF_WRITTEN)
        except _Rehearsal:
            pass

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only look that never waits for a writer."""
        with self.lock_waits_explained(), self._reader() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()
