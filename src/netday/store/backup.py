"""Consistent backups: a SQLite copy beside the file, a `pg_dump` of a PostgreSQL database.

A backup is written under a temporary name and renamed into place once complete, so a
failure (a full disk, most often) leaves no partial file behind; it is reported in one
line that says so.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import re
import resource
import shutil
import signal
import sqlite3
import subprocess
from glob import glob
from pathlib import Path

from sqlalchemy.engine import make_url

from netday.errors import NetdayError
from netday.store.db import create_private_file

_SQLITE_FULL = 13
_SQLITE_IOERR_WRITE = 778
_FULL_ERRNOS = {errno.ENOSPC, errno.EFBIG, errno.EDQUOT}
_FULL_WORDS = ("No space left on device", "File too large", "Disk quota exceeded")


def _free_name(first: Path) -> Path:
    """`first`, or `first-2`, `first-3`... whichever does not exist yet."""
    candidate, n = first, 1
    while candidate.exists():
        n += 1
        candidate = first.with_name(f"{first.name}-{n}")
    return candidate


def _remove_partial(partial: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            partial.with_name(partial.name + suffix).unlink()


def _disk_full(dest: Path, detail: str) -> NetdayError:
    return NetdayError(
        f"disk full: the backup {dest} could not be written ({detail}); no partial file was left"
    )


def _no_room(folder: Path, needed: int) -> str:
    """Why `needed` bytes cannot be written in `folder` ("" if they can, as far as known).

    SQLite reports a short write as SQLITE_FULL but a refused one (EFBIG: the process's
    file size limit) only as an I/O error, without the errno: look at both limits.
    """
    soft, _ = resource.getrlimit(resource.RLIMIT_FSIZE)
    if soft != resource.RLIM_INFINITY and soft < needed:
        return "file size limit exceeded"
    with contextlib.suppress(OSError):
        stats = os.statvfs(folder)
        if stats.f_bavail * stats.f_frsize < needed:
            return "no space left on device"
    return ""


def backup_sqlite(path: Path, stamp: dt.datetime, dest: Path | None = None) -> Path:
    """A consistent copy (SQLite's online backup, safe with WAL and other writers)."""
    if dest is None:
        dest = _free_name(path.with_name(f"{path.name}.backup-{stamp:%Y%m%d-%H%M%S}"))
    if dest.exists():
        raise NetdayError(f"{dest} already exists; choose another backup path")
    partial = dest.with_name(f"{dest.name}.partial")
    try:
        create_private_file(partial)
        source = sqlite3.connect(path)
        try:
            target = sqlite3.connect(partial)
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            source.close()
        os.replace(partial, dest)
    except sqlite3.Error as exc:
        _remove_partial(partial)
        code = getattr(exc, "sqlite_errorcode", None)
        if code in (_SQLITE_FULL, _SQLITE_IOERR_WRITE):
            reason = _no_room(dest.parent, path.stat().st_size)
            if reason or code == _SQLITE_FULL:
                raise _disk_full(dest, reason or str(exc)) from exc
        raise NetdayError(f"the backup {dest} could not be written: {exc}") from exc
    except OSError as exc:
        _remove_partial(partial)
        if exc.errno in _FULL_ERRNOS:
            raise _disk_full(dest, exc.strerror or str(exc)) from exc
        raise
    return dest


def find_pg_dump() -> str | None:
    """`pg_dump` on the PATH, else the newest in Debian's /usr/lib/postgresql/*/bin."""
    found = shutil.which("pg_dump")
    if found:
        return found

    def version(candidate: str) -> int:
        match = re.search(r"/(\d+)/bin/", candidate)
        return int(match.group(1)) if match else 0

    candidates = sorted(glob("/usr/lib/postgresql/*/bin/pg_dump"), key=version)
    return candidates[-1] if candidates else None


def default_backup_folder() -> Path:
    from netday.config import default_data_dir

    return default_data_dir() / "backups"


def backup_postgresql(
    url: str, stamp: dt.datetime, dest: Path | None = None, folder: Path | None = None
) -> Path:
    """`pg_dump --format=custom` of the database (restore with `pg_restore`).

    The default destination is `<database>-YYYYMMDD-HHMMSS.dump` in the user data
    folder's `backups/`; the password, if the URL has one, goes to pg_dump through
    its environment, never its command line.
    """
    pg_dump = find_pg_dump()
    if pg_dump is None:
        raise NetdayError("pg_dump was not found: install the PostgreSQL client tools to back up")
    parsed = make_url(url)
    if dest is None:
        folder = folder or default_backup_folder()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        name = parsed.database or "postgres"
        dest = _free_name(folder / f"{name}-{stamp:%Y%m%d-%H%M%S}.dump")
    if dest.exists():
        raise NetdayError(f"{dest} already exists; choose another backup path")
    partial = dest.with_name(f"{dest.name}.partial")
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    conninfo = parsed.set(drivername="postgresql", password=None).render_as_string(
        hide_password=False
    )
    try:
        create_private_file(partial)
        result = subprocess.run(
            [pg_dump, "--format=custom", "--no-password", f"--file={partial}", conninfo],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
    except OSError as exc:
        _remove_partial(partial)
        if exc.errno in _FULL_ERRNOS:
            raise _disk_full(dest, exc.strerror or str(exc)) from exc
        raise
    if result.returncode == -signal.SIGXFSZ:
        _remove_partial(partial)
        raise _disk_full(dest, "file size limit exceeded")
    if result.returncode != 0:
        _remove_partial(partial)
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        detail = (lines[0] if lines else f"exit status {result.returncode}").removeprefix(
            "pg_dump: error: "
        )
        if any(words in detail for words in _FULL_WORDS):
            raise _disk_full(dest, detail)
        if "version mismatch" in detail:
            raise NetdayError(
                f"pg_dump could not back up the database: {detail}; install a pg_dump at "
                "least as new as the server (or upgrade with --no-backup)"
            )
        raise NetdayError(f"pg_dump could not back up the database: {detail}")
    os.replace(partial, dest)
    return dest
