"""Placing a first due date where the calendar is emptiest.

Triage hands out cadences to many people in a few minutes; if each first call fell on
"today plus the cadence" they would all land on one day. Instead each goes to the
least-loaded day of its window, the earliest of equals, so a batch fills the window
evenly and no day holds two before every day holds one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

OVERDUE_WINDOW_DAYS = 14
"""Someone already overdue is placed within the next two weeks, not a whole cadence away."""


def least_loaded_day(start: dt.date, days: int, load: Mapping[dt.date, int]) -> dt.date:
    """The day in [start, start + days) with the fewest calls due; the earliest of equals."""
    window = [start + dt.timedelta(days=i) for i in range(max(1, days))]
    return min(window, key=lambda day: (load.get(day, 0), day))


def first_due(
    today: dt.date,
    cadence_days: int,
    natural: dt.date | None,
    load: Mapping[dt.date, int],
) -> dt.date:
    """The first due date for someone just given a cadence.

    `natural` is what the cadence says from the last conversation (None if there was
    none); a future one is kept, a past one means overdue and is spread over the next
    two weeks, and with no history the date is spread over one cadence from tomorrow.
    """
    tomorrow = today + dt.timedelta(days=1)
    if natural is not None and natural > today:
        return natural
    if natural is not None:
        return least_loaded_day(tomorrow, min(cadence_days, OVERDUE_WINDOW_DAYS), load)
    return least_loaded_day(tomorrow, cadence_days, load)
