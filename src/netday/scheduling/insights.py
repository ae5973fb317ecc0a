"""The arithmetic of the insights (practices 1 and 8): the weeks of a window, rates, and
how concentrated a network is. Pure: counts in, figures out; `services.insights` reads
the counts from the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

DEFAULT_WEEKS = 12
"""Weeks the insights look back at unless told otherwise."""

RECENT_WEEKS = 4
"""The last weeks whose conversations the dominance warning looks at."""

DOMINANT_SHARE = 0.4
"""One company (or one role family) holding more than this share of the people you
talked with in the last `RECENT_WEEKS` dominates them: the insights warn."""

DOMINANCE_MIN_PEOPLE = 5
"""Fewer people than this is too few to speak of a network dominated by anyone."""

HHI_SCALE = 10_000
"""The Herfindahl-Hirschman index on its usual 0-10,000 scale: the sum of the squared
percentage shares (10,000 when everyone is at one company; 1,500 and 2,500 are the usual
lines for "moderately" and "highly" concentrated)."""


def week_starts(today: dt.date, weeks: int) -> list[dt.date]:
    """The Mondays of the last `weeks` calendar weeks, oldest first; the last is this
    week's (in progress)."""
    monday = today - dt.timedelta(days=today.weekday())
    return [monday - dt.timedelta(weeks=weeks - 1 - i) for i in range(weeks)]


def rate(part: int, whole: int) -> float | None:
    """`part` of `whole` as a fraction (0-1), rounded to 2 places; None of nothing."""
    return round(part / whole, 2) if whole else None


@dataclass(frozen=True)
class Concentration:
    """How concentrated a group of people is over the values of one attribute."""

    people: int
    """People counted (those whose value is known)."""
    top: str | None
    """The most frequent value (the first by name of those tied)."""
    top_share: float | None
    """The top value's share of the people, 0-1 (None without people)."""
    hhi: int | None
    """Herfindahl-Hirschman index, 0-`HHI_SCALE` (None without people)."""

    @property
    def dominated(self) -> bool:
        """Enough people, and one value holds more than `DOMINANT_SHARE` of them."""
        return (
            self.people >= DOMINANCE_MIN_PEOPLE
            and self.top_share is not None
            and self.top_share > DOMINANT_SHARE
        )


def concentration(counts: Mapping[str, int]) -> Concentration:
    """The concentration of people counted by value (`{"Acme": 3, "Globex": 1}`)."""
    people = sum(counts.values())
    if not people:
        return Concentration(0, None, None, None)
    top = min(counts, key=lambda value: (-counts[value], value))
    hhi = round(sum((count / people) ** 2 for count in counts.values()) * HHI_SCALE)
    return Concentration(people, top, round(counts[top] / people, 2), hhi)
