"""Reading the dates and times people type: "2026-11-30", "tomorrow", "next week", "+3d"."""

from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from netday.errors import NetdayError

_WEEKDAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_OFFSET_RE = re.compile(r"^(?:\+|in\s+)(\d+)\s*(d|day|days|w|week|weeks|m|month|months)$")


class DateError(NetdayError):
    pass


def parse_day(text: str, today: dt.date) -> dt.date:
    """A calendar day, absolute or relative to `today`."""
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
        count, unit = int(match.group(1)), match.group(2)[0]
        step = {
            "d": relativedelta(days=count),
            "w": relativedelta(weeks=count),
            "m": relativedelta(months=count),
        }[unit]
        day: dt.date = today + step
        return day
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise DateError(
            f"{text!r} is not a date: use 2026-11-30, today, tomorrow, next week, "
            "a weekday, or +3d / +2w"
        ) from None


def parse_moment(text: str, now: dt.datetime) -> dt.datetime:
    """A moment: "2026-11-20 14:30", "14:30" (today), "yesterday 16:00", or a day alone."""
    raw = " ".join(text.strip().split())
    time_match = re.search(r"(?:^|[ T])(\d{1,2}):(\d{2})$", raw)
    if time_match:
        hour, minute = int(time_match.group(1)), int(time_match.group(2))
        if hour > 23 or minute > 59:
            raise DateError(f"{text!r} has no such time of day")
        day_text = raw[: time_match.start()].strip() or "today"
        day = parse_day(day_text, now.date())
        return dt.datetime.combine(day, dt.time(hour, minute))
    day = parse_day(raw, now.date())
    if day == now.date():
        return now
    return dt.datetime.combine(day, dt.time(12, 0))
