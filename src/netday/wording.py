"""How netday words dates and counts for people: one module the planner's reasons, the
CLI, the TUI and the exports share, so "3 Nov", "yesterday" and "1 day" read the same
everywhere.

Pure functions, at the bottom of the layers (like `limits`): every layer may import it.
"""

from __future__ import annotations

import datetime as dt


def short_date(day: dt.date) -> str:
    """`3 Nov`: a date inside a sentence or a table cell."""
    return f"{day.day} {day.strftime('%b')}"


def long_date(day: dt.date) -> str:
    """`Monday 23 November 2026`: a date that heads a screen or a document."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def plural(n: int, word: str) -> str:
    """`1 day`, `3 days`: a count with its noun (regular plurals only)."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def circle_only(circle: str | None) -> str:
    """`the personal circle only` for a view of one circle's people; blank for both
    (None): what every view filtered by circle says at its top."""
    return f"the {circle} circle only" if circle else ""


def days_ago(days: int) -> str:
    """`today`, `yesterday`, `5 days ago` (a future day reads as today)."""
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    return f"{days} days ago"


def weekday(day: dt.date, today: dt.date) -> str:
    """`Monday` for a day of the past week, `3 Nov` before that: when something was
    tried ("tried Monday, no answer")."""
    if 0 < (today - day).days < 7:
        return f"{day:%A}"
    return short_date(day)


def percent(share: float | None) -> str:
    """A share (0-1) as people read it: `42%`; a dash when there is none."""
    return "–" if share is None else f"{round(share * 100)}%"


BARS = "▁▂▃▄▅▆▇█"


def bars(values: list[float]) -> str:
    """Values as a one-line chart of block characters, the largest a full block (all
    zero: the lowest bar)."""
    top = max(values, default=0)
    if top <= 0:
        return BARS[0] * len(values)
    return "".join(BARS[min(len(BARS) - 1, int(v / top * (len(BARS) - 1) + 0.5))] for v in values)
