"""Dates that matter: a birthday or a connection anniversary falling today.

Pure: dates in, an `Occasion` (or none) and its words out. A day like that is a reason
to get in touch that will not come back for a year, so the plan (`scheduling.plan`)
holds the person on that day, within the daily budget; it is a light touch (a message
will do), not necessarily a call.

The rules, each decided once here:

- A birthday on 29 February is kept on 28 February in a year without one: the day stays
  in the month it belongs to, and a greeting a day early is warmer than one a day late
  (the same for a connection made on 29 February).
- An anniversary counts whole years, at least one: the day someone connected is not an
  anniversary of itself, and a date in the future (a typo) never is.
- Which occasions may take a place in the plan ahead of overdue people (`strong`): a
  birthday in the personal circle (practice 9: friends' birthdays matter most), and a
  tier A person's birthday or anniversary. Every other occasion is joined to the reason
  of a person who is planned anyway, or fills a day that has room.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from enum import IntEnum

from netday.vocabulary import Circle, Tier

MAX_OCCASIONS = 2
"""At most this many people a day are planned ahead of the overdue for an occasion alone:
a day with many birthdays still keeps most of its calls for people drifting away."""


class OccasionKind(IntEnum):
    """The occasions, most important first (their order ranks them in a plan)."""

    PERSONAL_BIRTHDAY = 0
    BIRTHDAY = 1
    ANNIVERSARY = 2


@dataclass(frozen=True)
class Occasion:
    """A date that matters falling on the plan's day: what it is and, for an
    anniversary, how many whole years ago the connection was made."""

    kind: OccasionKind
    years: int = 0
    strong: bool = False
    """It may take a place in the plan ahead of the overdue (see the module's rules)."""

    @property
    def said(self) -> str:
        """`birthday today`, `connected 5 years ago today`: the plan's words for it."""
        if self.kind == OccasionKind.ANNIVERSARY:
            years = "1 year" if self.years == 1 else f"{self.years} years"
            return f"connected {years} ago today"
        return "birthday today"


LIGHT_TOUCH = "a message will do"
"""What a pick planned for its occasion alone adds: a greeting, not necessarily a call."""


def falls_on(day: dt.date, today: dt.date) -> bool:
    """Whether the yearly return of `day` (a birthday, a connection date) is `today`:
    the same month and day, and 29 February on 28 February of a year without one."""
    if (day.month, day.day) == (today.month, today.day):
        return True
    return (
        (day.month, day.day) == (2, 29)
        and (today.month, today.day) == (2, 28)
        and not calendar.isleap(today.year)
    )


def next_return(day: dt.date, today: dt.date) -> dt.date:
    """The first day from `today` on that the yearly return of `day` falls (`falls_on`):
    this year's or next year's, 29 February on 28 February in a year without one."""
    for year in (today.year, today.year + 1):
        if (day.month, day.day) == (2, 29) and not calendar.isleap(year):
            this = dt.date(year, 2, 28)
        else:
            this = day.replace(year=year)
        if this >= today:
            return this
    raise AssertionError("a yearly date returns within two years")  # pragma: no cover


def whole_years(since: dt.date, today: dt.date) -> int:
    """Whole years from `since` to `today` (0 before the first anniversary)."""
    years = today.year - since.year
    if (today.month, today.day) < (since.month, since.day) and not falls_on(since, today):
        years -= 1
    return years


def occasion_on(
    today: dt.date,
    *,
    birthday: dt.date | None,
    connected_on: dt.date | None,
    circle: str,
    tier: str,
) -> Occasion | None:
    """The occasion of a person today, if any: the birthday wins over an anniversary on
    the same day (one reason, the one that matters more)."""
    if birthday is not None and falls_on(birthday, today):
        personal = circle == Circle.PERSONAL
        kind = OccasionKind.PERSONAL_BIRTHDAY if personal else OccasionKind.BIRTHDAY
        return Occasion(kind, strong=personal or tier == Tier.A)
    if connected_on is not None and falls_on(connected_on, today):
        years = whole_years(connected_on, today)
        if years >= 1:
            return Occasion(OccasionKind.ANNIVERSARY, years, strong=tier == Tier.A)
    return None


def month_days(today: dt.date) -> tuple[tuple[int, int], ...]:
    """The (month, day) pairs whose yearly return falls on `today` (`falls_on`): what a
    query matches a stored date against to find today's occasions."""
    pairs = [(today.month, today.day)]
    if (today.month, today.day) == (2, 28) and not calendar.isleap(today.year):
        pairs.append((2, 29))
    return tuple(pairs)
