"""The one place that reads the wall clock.

Everything else asks a `Clock` for "now" and "today", so tests and demos can pin the
date (``--today``, ``NETDAY_TODAY``) or advance time without sleeping.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol


class Clock(Protocol):
    def now(self) -> dt.datetime:
        """Local wall-clock time, naive (netday stores local times)."""
        ...

    def today(self) -> dt.date: ...


class SystemClock:
    """The real clock: local time of this machine."""

    def now(self) -> dt.datetime:
        return dt.datetime.now().replace(microsecond=0)

    def today(self) -> dt.date:
        return self.now().date()


class PinnedDateClock:
    """Today is pinned; the time of day still runs, so entries keep their order."""

    def __init__(self, today: dt.date, source: Clock | None = None) -> None:
        self._today = today
        self._source = source or SystemClock()

    def now(self) -> dt.datetime:
        return dt.datetime.combine(self._today, self._source.now().time())

    def today(self) -> dt.date:
        return self._today


class ManualClock:
    """A clock that moves only when told to: for tests of a screen left open past midnight."""

    def __init__(self, now: dt.datetime) -> None:
        self._now = now

    def now(self) -> dt.datetime:
        return self._now

    def today(self) -> dt.date:
        return self._now.date()

    def advance(self, delta: dt.timedelta) -> None:
        self._now += delta

    def set(self, now: dt.datetime) -> None:
        self._now = now
