"""Recurring contact cadences and the next date a contact is due.

Two shapes, as people say them: relative ("every 3 weeks after we last talked",
dateutil `relativedelta`) and calendar rules in RFC 5545 RRULE form ("first Monday of
each month", dateutil `rrule`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from dateutil.relativedelta import relativedelta
from dateutil.rrule import rrule, rrulestr

from netday.errors import NetdayError

Unit = Literal["days", "weeks", "months"]
UNIT_DAYS: dict[str, float] = {"days": 1, "weeks": 7, "months": 30.44}

_UNIT_WORDS: dict[str, Unit] = {
    "d": "days",
    "day": "days",
    "days": "days",
    "w": "weeks",
    "wk": "weeks",
    "week": "weeks",
    "weeks": "weeks",
    "m": "months",
    "mo": "months",
    "month": "months",
    "months": "months",
    "q": "months",
    "quarter": "months",
    "quarters": "months",
    "y": "months",
    "year": "months",
    "years": "months",
}
_UNIT_FACTOR = {"q": 3, "quarter": 3, "quarters": 3, "y": 12, "year": 12, "years": 12}
_WORD_CADENCES: dict[str, tuple[int, Unit]] = {
    "daily": (1, "days"),
    "weekly": (1, "weeks"),
    "biweekly": (2, "weeks"),
    "fortnightly": (2, "weeks"),
    "monthly": (1, "months"),
    "quarterly": (3, "months"),
    "yearly": (12, "months"),
    "annually": (12, "months"),
}
_EVERY_RE = re.compile(r"^(?:every\s+)?(\d+|a|an|one|two|three|four|six)?\s*([a-z]+)$")
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "six": 6}

_ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last", -2: "second-to-last"}
_WEEKDAYS = {
    "MO": "Monday",
    "TU": "Tuesday",
    "WE": "Wednesday",
    "TH": "Thursday",
    "FR": "Friday",
    "SA": "Saturday",
    "SU": "Sunday",
}


class CadenceError(NetdayError):
    pass


@dataclass(frozen=True)
class Cadence:
    """How often to be in touch. Exactly one of (every, unit) or rule is meaningful."""

    kind: Literal["relative", "calendar"]
    every: int = 0
    unit: Unit = "weeks"
    rule: str = ""

    @staticmethod
    def relative(every: int, unit: Unit) -> Cadence:
        if every < 1:
            raise CadenceError("a cadence must be at least every 1 day")
        return Cadence("relative", every, unit)

    @staticmethod
    def parse_every(text: str) -> Cadence:
        """Read "3 weeks", "every 10 days", "2m", "monthly", "every quarter"."""
        raw = " ".join(text.strip().lower().split())
        words = raw.removeprefix("every ").strip()
        if words in _WORD_CADENCES:
            return Cadence.relative(*_WORD_CADENCES[words])
        compact = re.fullmatch(r"(\d+)\s*([a-z]+)", words)
        match = compact or _EVERY_RE.match(words)
        if match:
            count_text, unit_word = match.group(1), match.group(2)
            unit = _UNIT_WORDS.get(unit_word)
            if unit is not None:
                count = 1
                if count_text:
                    count = _NUMBER_WORDS.get(count_text) or int(count_text)
                count *= _UNIT_FACTOR.get(unit_word, 1)
                if count > 0:
                    return Cadence.relative(count, unit)
        raise CadenceError(
            f"cadence {text!r} is not understood: say e.g. 'every 10 days', '3 weeks', "
            "'2 months', 'monthly' or 'quarterly'"
        )

    @staticmethod
    def parse_rrule(text: str) -> Cadence:
        """Accept an RFC 5545 rule ("FREQ=MONTHLY;BYDAY=1MO", with or without "RRULE:")."""
        rule = text.strip()
        if rule.upper().startswith("RRULE:"):
            rule = rule[6:]
        rule = rule.upper()
        if not rule or "DTSTART" in rule or "\n" in rule:
            raise CadenceError(f"RRULE {text!r} is not a single rule like FREQ=MONTHLY;BYDAY=1MO")
        try:
            parsed = rrulestr(rule, dtstart=dt.datetime(2000, 1, 1))
        except (ValueError, TypeError, KeyError, IndexError) as exc:
            raise CadenceError(f"RRULE {text!r} does not parse: {exc}") from None
        if not isinstance(parsed, rrule):
            raise CadenceError(f"RRULE {text!r} is not a single rule")
        return Cadence("calendar", rule=rule)

    @staticmethod
    def parse(text: str) -> Cadence:
        """Either form, as typed in one field: "every 3 weeks" or "FREQ=MONTHLY;BYDAY=1MO"."""
        raw = text.strip()
        if raw.upper().startswith(("FREQ=", "RRULE:")):
            return Cadence.parse_rrule(raw)
        return Cadence.parse_every(raw)

    def preview(self, today: dt.date, count: int = 3) -> list[dt.date]:
        """The next dates this cadence would bring, for a contact last seen today."""
        if self.kind == "relative":
            first = self.next_due(today, today)
        else:
            first = self.next_due(None, today + dt.timedelta(days=1))
        return self.upcoming(first, count) if first else []

    @property
    def approx_days(self) -> float:
        """Typical days between two due dates: used to rank how overdue someone is."""
        if self.kind == "relative":
            return self.every * UNIT_DAYS[self.unit]
        return rule_period_days(self.rule)

    def describe(self) -> str:
        """Human words: "every 3 weeks", "first Monday of each month"."""
        if self.kind == "relative":
            if self.every == 1:
                return {"days": "every day", "weeks": "every week", "months": "every month"}[
                    self.unit
                ]
            if self.unit == "months" and self.every % 12 == 0:
                years = self.every // 12
                return "every year" if years == 1 else f"every {years} years"
            return f"every {self.every} {self.unit}"
        return describe_rrule(self.rule)

    def label(self) -> str:
        """Short form used inside reasons: "3-week cadence", "first Monday of each month"."""
        if self.kind == "relative":
            singular = self.unit[:-1]
            return f"{self.every}-{singular} cadence"
        return describe_rrule(self.rule)

    def spec(self) -> str:
        """Text that `parse_every`/`parse_rrule` reads back to the same cadence."""
        return self.describe() if self.kind == "relative" else self.rule

    def step(self) -> relativedelta:
        if self.unit == "days":
            return relativedelta(days=self.every)
        if self.unit == "weeks":
            return relativedelta(weeks=self.every)
        return relativedelta(months=self.every)

    def next_due(
        self, last_conversation: dt.date | None, anchor: dt.date, spread_key: int = 0
    ) -> dt.date | None:
        """The date this contact is next due; None when a calendar rule has ended.

        Relative: the cadence after the last conversation. Calendar: the first
        occurrence after the last conversation. With no conversation yet, a relative
        cadence starts from `anchor` plus an offset taken from `spread_key`, so that
        contacts added together do not all fall due on one day.
        """
        if self.kind == "relative":
            step = self.step()
            if last_conversation is not None:
                due: dt.date = last_conversation + step
                return due
            span = max(1, ((anchor + step) - anchor).days)
            return anchor + dt.timedelta(days=spread_offset(spread_key, span))
        start = dt.datetime.combine(anchor, dt.time())
        rule = _build_rule(self.rule, start)
        if last_conversation is not None:
            after = dt.datetime.combine(last_conversation, dt.time())
            found = rule.after(max(after, start - dt.timedelta(days=1)), inc=False)
        else:
            found = rule.after(start, inc=True)
        return found.date() if found is not None else None

    def upcoming(self, first: dt.date, count: int = 3) -> list[dt.date]:
        """`first` (the next due date) and the dates after it, assuming each is kept."""
        dates = [first]
        while len(dates) < count:
            following = self.next_due(dates[-1], first)
            if following is None:
                break
            dates.append(following)
        return dates


def _build_rule(rule: str, dtstart: dt.datetime) -> rrule:
    built = rrulestr(rule, dtstart=dtstart)
    assert isinstance(built, rrule)
    return built


def spread_offset(key: int, span_days: int) -> int:
    """A stable, well-spread day offset in [0, span_days) for an integer key.

    Fibonacci hashing: consecutive ids land far apart, so a bulk import fills the whole
    cadence window evenly instead of piling onto one day.
    """
    if span_days <= 1:
        return 0
    golden = 0x9E3779B97F4A7C15
    mixed = (key * golden) & 0xFFFFFFFFFFFFFFFF
    return (mixed * span_days) >> 64


@lru_cache(maxsize=1024)
def rule_period_days(rule: str) -> float:
    """Average days between occurrences over a year or so (a month when the rule ends)."""
    start = dt.datetime(2001, 1, 1)
    dates = list(_build_rule(rule, start).xafter(start, count=13))
    if len(dates) < 2:
        return UNIT_DAYS["months"]
    return max(1.0, round((dates[-1] - dates[0]).days / (len(dates) - 1), 2))


@lru_cache(maxsize=1024)
def describe_rrule(rule: str) -> str:
    parts = dict(p.split("=", 1) for p in rule.split(";") if "=" in p)
    freq = parts.get("FREQ", "")
    interval = int(parts.get("INTERVAL", "1") or 1)
    byday = [d for d in parts.get("BYDAY", "").split(",") if d]
    bymonthday = parts.get("BYMONTHDAY", "")
    period = {"DAILY": "day", "WEEKLY": "week", "MONTHLY": "month", "YEARLY": "year"}.get(freq)
    if period is None:
        return rule
    every = f"every {interval} {period}s" if interval > 1 else f"every {period}"
    if freq == "MONTHLY" and len(byday) == 1:
        match = re.fullmatch(r"([+-]?\d)?([A-Z]{2})", byday[0])
        if match and match.group(1) and int(match.group(1)) in _ORDINALS:
            ordinal = _ORDINALS[int(match.group(1))]
            each = "each month" if interval == 1 else f"every {interval} months"
            return f"{ordinal} {_WEEKDAYS.get(match.group(2), match.group(2))} of {each}"
    if freq == "MONTHLY" and bymonthday and "," not in bymonthday:
        day = int(bymonthday)
        each = "each month" if interval == 1 else f"every {interval} months"
        if day == -1:
            return f"last day of {each}"
        return f"day {day} of {each}"
    if freq == "WEEKLY" and byday and all(d in _WEEKDAYS for d in byday):
        names = ", ".join(_WEEKDAYS[d] for d in byday)
        return f"{every} on {names}"
    return every if len(parts) <= 2 else rule
