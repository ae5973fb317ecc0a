"""Reading the dates and times people type: "2026-11-30", "tomorrow", "next week", "+3d"."""

from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from netday.cleaning import quoted
from netday.errors import NetdayError
from netday.limits import DATE_MAX, DATE_MIN

_WEEKDAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_OFFSET_DIGITS = 7
"""More digits than this in "+Nd" lie beyond any date (and int() of 5,000 digits fails)."""
_OFFSET_RE = re.compile(r"^(?:\+|in\s+)(\d+)\s*(d|day|days|w|week|weeks|m|month|months)$")


class DateError(NetdayError):
    pass


def in_range(day: dt.date, what: str) -> dt.date:
    """`day` if netday keeps such dates (`DATE_MIN` to `DATE_MAX`); else DateError
    naming `what` (the text typed, or the field)."""
    if not DATE_MIN <= day <= DATE_MAX:
        raise DateError(
            f"{what} is outside the dates netday keeps "
            f"({DATE_MIN.isoformat()} to {DATE_MAX.isoformat()})"
        )
    return day


def parse_day(text: str, today: dt.date) -> dt.date:
    """A calendar day, absolute or relative to `today`, within `DATE_MIN`..`DATE_MAX`."""
    try:
        day = _day(text, today)
    except OverflowError:  # "tomorrow" of the last day Python knows
        day = dt.date.max
    return in_range(day, quoted(text))


def _day(text: str, today: dt.date) -> dt.date:
    raw = " ".join(text.strip().lower().split())
    if raw == "today":
        return today
    if raw == "tomorrow":
        return today + dt.timedelta(days=1)
    if raw == "yesterday":
        return today - dt.timedelta(days=1)
    if raw == "next week":
        return today + dt.timedelta(days=7 - today.weekday())
    if raw == "next month":
        return today.replace(day=1) + relativedelta(months=1)
    for index, name in enumerate(_WEEKDAY_NAMES):
        if raw in (name, name[:3], f"next {name}", f"next {name[:3]}"):
            ahead = (index - today.weekday()) % 7 or 7
            return today + dt.timedelta(days=ahead)
    match = _OFFSET_RE.match(raw)
    if match:
        digits, unit = match.group(1), match.group(2)[0]
        if len(digits) > _OFFSET_DIGITS:
            return dt.date.max  # far beyond DATE_MAX: refused by the caller, not computed
        count = int(digits)
        step = {
            "d": relativedelta(days=count),
            "w": relativedelta(weeks=count),
            "m": relativedelta(months=count),
        }[unit]
        try:
            day: dt.date = today + step
        except (OverflowError, ValueError):
            return dt.date.max
        return day
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise DateError(
            f"{quoted(text)} is not a date: use 2026-11-30, today, tomorrow, next week, "
            "a weekday, or +3d / +2w"
        ) from None


def parse_moment(text: str, now: dt.datetime) -> dt.datetime:
    """A moment: "2026-11-20 14:30", "14:30" (today), "yesterday 16:00", or a day alone."""
    raw = " ".join(text.strip().split())
    time_match = re.search(r"(?:^|[ T])(\d{1,2}):(\d{2})$", raw)
    if time_match:
        hour, minute = int(time_match.group(1)), int(time_match.group(2))
        if hour > 23 or minute > 59:
            raise DateError(f"{quoted(text)} has no such time of day")
        day_text = raw[: time_match.start()].strip() or "today"
        day = parse_day(day_text, now.date())
        return dt.datetime.combine(day, dt.time(hour, minute))
    day = parse_day(raw, now.date())
    if day == now.date():
        return now
    return dt.datetime.combine(day, dt.time(12, 0))
