"""Settings that come from the environment: where the database lives and what day it is."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from netday.cleaning import quoted
from netday.clock import Clock, PinnedDateClock, SystemClock
from netday.errors import NetdayError
from netday.limits import DATE_MAX, DATE_MIN

DB_ENV = "NETDAY_DB"
TODAY_ENV = "NETDAY_TODAY"
DB_FILENAME = "netday.sqlite3"


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("netday", appauthor=False))


def default_export_dir() -> Path:
    """Where exports and reviews go unless the user says (see
    `exporting.default_export_folder`): one folder in the user data folder."""
    return default_data_dir() / "exports"


def resolve_db_url(db: str | None) -> str:
    """`--db` beats `NETDAY_DB` beats the user data folder; a path or any SQLAlchemy URL."""
    raw = db or os.environ.get(DB_ENV) or str(default_data_dir() / DB_FILENAME)
    if "://" in raw:
        return raw
    return "sqlite:///" + str(Path(raw).expanduser().absolute())


def parse_iso_date(text: str, what: str = "date") -> dt.date:
    """A YYYY-MM-DD date within the dates netday keeps (`DATE_MIN` to `DATE_MAX`)."""
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise NetdayError(f"{what} {quoted(text)} is not a date like 2026-11-22") from None
    if not DATE_MIN <= day <= DATE_MAX:
        raise NetdayError(
            f"{what} {day.isoformat()} is outside the dates netday keeps "
            f"({DATE_MIN.isoformat()} to {DATE_MAX.isoformat()})"
        )
    return day


def make_clock(today: str | None) -> Clock:
    """`--today` beats `NETDAY_TODAY`; otherwise the real clock."""
    pinned = today or os.environ.get(TODAY_ENV)
    if pinned:
        return PinnedDateClock(parse_iso_date(pinned, "--today"))
    return SystemClock()
