"""Recurring contact cadences and the next date a contact is due.

Two shapes, as people say them: relative ("every 3 weeks after we last talked",
dateutil `relativedelta`) and calendar rules in RFC 5545 RRULE form ("first Monday of
each month", dateutil `rrule`), which are shown and read in those words too
(`cadence_words`).

A cadence is a way to keep in touch, so netday accepts one only if it brings a date,
daily or less often, at least every `CADENCE_HORIZON_YEARS` years. `Cadence.check` is
that rule, in one place: every parser ends in it, so the command line, the forms, the
vCard import and the settings all refuse the same things with the same words. Rules are
read by netday before dateutil sees them (dateutil accepts BYMONTHDAY=32 or FREQ=HOURLY
and then searches until the year 9999), and every search for a date is bounded (`_dates`).
"""

from __future__ import annotations

import datetime as dt
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Literal

from dateutil.relativedelta import relativedelta
from dateutil.rrule import rrule, rrulestr

from netday.cleaning import TooLong, clean_line, quoted
from netday.errors import NetdayError
from netday.limits import CADENCE_HORIZON_YEARS, CADENCE_TEXT, COUNT_MAX, DATE_MAX, DATE_MIN
from netday.scheduling.cadence_words import WEEKDAYS, describe_rule, rule_from_words
from netday.vocabulary import CadenceKind

Unit = Literal["days", "weeks", "months"]
UNIT_DAYS: dict[str, float] = {"days": 1, "weeks": 7, "months": 30.44}

_HORIZON = relativedelta(years=CADENCE_HORIZON_YEARS)
_HORIZON_DAYS = 365 * CADENCE_HORIZON_YEARS + CADENCE_HORIZON_YEARS // 4
MAX_EVERY: dict[str, int] = {
    "days": _HORIZON_DAYS,
    "weeks": _HORIZON_DAYS // 7,
    "months": 12 * CADENCE_HORIZON_YEARS,
}
"""The rarest relative cadence in each unit: one date every `CADENCE_HORIZON_YEARS` years."""
MAX_INTERVAL: dict[str, int] = {
    "DAILY": MAX_EVERY["days"],
    "WEEKLY": MAX_EVERY["weeks"],
    "MONTHLY": MAX_EVERY["months"],
    "YEARLY": CADENCE_HORIZON_YEARS,
}
_REFERENCE = dt.date(2001, 1, 1)
"""Where a rule is tried when nobody says from which day it will run (a Monday)."""
_GREGORIAN_CYCLE = 400
"""The calendar repeats every 400 years (146,097 days: whole weeks, same leap years)."""

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
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "other": 2, "three": 3, "four": 4, "six": 6}
_EVERY_RE = re.compile(rf"^(\d+|{'|'.join(_NUMBER_WORDS)})?\s*([a-z]+)$")

_FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
_TOO_OFTEN = ("HOURLY", "MINUTELY", "SECONDLY")
_TIME_PARTS = ("BYHOUR", "BYMINUTE", "BYSECOND")
_BY_NUMBERS: dict[str, tuple[int, bool, tuple[str, ...]]] = {
    # part: (largest value, may count from the end, frequencies it may go with)
    "BYMONTH": (12, False, ("WEEKLY", "MONTHLY", "YEARLY")),
    "BYMONTHDAY": (31, True, ("MONTHLY", "YEARLY")),
    "BYYEARDAY": (366, True, ("YEARLY",)),
    "BYWEEKNO": (53, True, ("YEARLY",)),
    "BYSETPOS": (366, True, ("MONTHLY", "YEARLY")),
}
_PARTS = ("FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "WKST", *_BY_NUMBERS)
_BYDAY_ITEM = re.compile(r"([+-]?\d{1,3})?(MO|TU|WE|TH|FR|SA|SU)")
_UNTIL_VALUE = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T\d{6}Z?)?")
_NUMBER = re.compile(r"[+-]?\d{1,7}")
_ORDINAL_LIMIT = {"MONTHLY": 5, "YEARLY": 53}


class CadenceError(NetdayError):
    pass


@dataclass(frozen=True)
class Cadence:
    """How often to be in touch. Exactly one of (every, unit) or rule is meaningful."""

    kind: CadenceKind
    every: int = 0
    unit: Unit = "weeks"
    rule: str = ""

    @staticmethod
    def relative(every: int, unit: Unit) -> Cadence:
        """A relative cadence as stored; `parse_every` is what checks a typed one."""
        if every < 1:
            raise CadenceError("a cadence must be at least every 1 day")
        return Cadence(CadenceKind.RELATIVE, every, unit)

    @staticmethod
    def parse_every(text: str, start: dt.date | None = None) -> Cadence:
        """Read a relative cadence: "3 weeks", "every 10 days", "2m", "monthly", "every quarter"."""
        relative = _relative(" ".join(_bounded(text).lower().split()))
        if relative is None:
            raise CadenceError(
                f"cadence {quoted(text)} is not understood: say e.g. 'every 10 days', "
                "'3 weeks', '2 months', 'monthly' or 'quarterly'"
            )
        return relative.check(start)

    @staticmethod
    def parse_words(text: str, start: dt.date | None = None) -> Cadence:
        """Read a cadence in words, as netday prints them: a calendar phrase ("first
        Monday of each month", "every other Tuesday", "every quarter on the 15th",
        `cadence_words`) or a relative cadence ("every 3 weeks")."""
        raw = " ".join(_bounded(text).lower().split())
        rule = rule_from_words(raw)
        if rule is not None:
            return Cadence(CadenceKind.CALENDAR, rule=_normalised_rule(rule)).check(start)
        relative = _relative(raw)
        if relative is None:
            raise CadenceError(
                f"cadence {quoted(text)} is not understood: say e.g. 'every 10 days', "
                "'3 weeks', 'monthly', 'first Monday of each month' or 'every other Tuesday'"
            )
        return relative.check(start)

    @staticmethod
    def parse_rrule(text: str, start: dt.date | None = None) -> Cadence:
        """Accept an RFC 5545 rule ("FREQ=MONTHLY;BYDAY=1MO", with or without "RRULE:")."""
        rule = _bounded(text).strip().upper()
        rule = rule.removeprefix("RRULE:").strip()
        if not rule or "DTSTART" in rule or ":" in rule:
            raise CadenceError(
                f"RRULE {quoted(text)} is not a single rule like FREQ=MONTHLY;BYDAY=1MO"
            )
        return Cadence(CadenceKind.CALENDAR, rule=_normalised_rule(rule)).check(start)

    @staticmethod
    def parse(text: str, start: dt.date | None = None) -> Cadence:
        """Any form, as typed in one field: "every 3 weeks", "last Friday of each month"
        or "FREQ=MONTHLY;BYDAY=-1FR".

        `start` is the day the cadence will run from (today); without it the rule is
        tried from a fixed day, and an UNTIL cannot be judged against today.
        """
        raw = text.strip()
        if raw.upper().startswith("RRULE:") or "FREQ=" in raw.upper():
            return Cadence.parse_rrule(raw, start)
        return Cadence.parse_words(raw, start)

    def check(self, start: dt.date | None = None) -> Cadence:
        """This cadence, if it is a way to keep in touch from `start`; else CadenceError.

        Relative: every 1 day up to every `CADENCE_HORIZON_YEARS` years. Calendar: a
        rule netday reads (daily or slower, values in range) whose first three dates
        from `start` each come within the horizon of the one before (a rule with COUNT
        or UNTIL may end after its first). Bounded: milliseconds for any rule.
        """
        if self.kind == CadenceKind.RELATIVE:
            if not 1 <= self.every <= MAX_EVERY[self.unit]:
                raise CadenceError(
                    f"{self.describe()} is not a cadence: at least every 1 {self.unit[:-1]}, "
                    f"at most every {MAX_EVERY[self.unit]:,} {self.unit} "
                    f"(once in {CADENCE_HORIZON_YEARS} years)"
                )
            return self
        parts = _rule_parts(self.rule)
        origin = start or _REFERENCE
        if not DATE_MIN <= origin <= DATE_MAX:
            raise CadenceError(f"a cadence cannot start on {origin.isoformat()}")
        ends = "COUNT" in parts or "UNTIL" in parts
        dates = list(
            islice(_spaced_dates(self.rule, origin, origin, _add_years(origin, 3 * _HORIZON)), 3)
        )
        if not dates:
            when = f"after {start.isoformat()}" if start else "at all"
            raise CadenceError(
                f"RRULE {self.rule} brings no date within {CADENCE_HORIZON_YEARS} years {when}"
            )
        if len(dates) < 3 and not ends:
            raise CadenceError(
                f"RRULE {self.rule} leaves more than {CADENCE_HORIZON_YEARS} years between "
                "two dates"
            )
        return self

    def schedule(
        self, last_conversation: dt.date | None, anchor: dt.date, spread_key: int, count: int = 3
    ) -> list[dt.date]:
        """The next `count` due dates of a contact: `next_due` (the date a saved contact
        gets) and the dates after it. A form previews exactly what saving will store."""
        first = self.next_due(last_conversation, anchor, spread_key)
        return self.upcoming(first, count) if first else []

    @property
    def approx_days(self) -> float:
        """Typical days between two due dates: used to rank how overdue someone is."""
        if self.kind == CadenceKind.RELATIVE:
            return self.every * UNIT_DAYS[self.unit]
        return rule_period_days(self.rule)

    def describe(self) -> str:
        """Human words: "every 3 weeks", "first Monday of each month"."""
        if self.kind == CadenceKind.RELATIVE:
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
        if self.kind == CadenceKind.RELATIVE:
            singular = self.unit[:-1]
            return f"{self.every}-{singular} cadence"
        return describe_rrule(self.rule)

    def spec(self) -> str:
        """Text that `parse_every`/`parse_rrule` reads back to the same cadence."""
        return self.describe() if self.kind == CadenceKind.RELATIVE else self.rule

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
        contacts added together do not all fall due on one day. None too when the date
        would fall after `DATE_MAX`, or (for a rule) not within the horizon: a cadence
        stored before these limits existed then reads as ended instead of failing.
        """
        try:
            due = self._next_due(last_conversation, anchor, spread_key)
        except (OverflowError, ValueError):
            return None
        return due if due is not None and due <= DATE_MAX else None

    def _next_due(
        self, last_conversation: dt.date | None, anchor: dt.date, spread_key: int
    ) -> dt.date | None:
        if self.kind == CadenceKind.RELATIVE:
            step = self.step()
            if last_conversation is not None:
                due: dt.date = last_conversation + step
                return due
            span = max(1, ((anchor + step) - anchor).days)
            return anchor + dt.timedelta(days=spread_offset(spread_key, span))
        if last_conversation is not None:
            after = max(last_conversation, anchor - dt.timedelta(days=1))
            found = _dates(self.rule, anchor, after, _add_years(after, _HORIZON), inclusive=False)
        else:
            found = _dates(self.rule, anchor, anchor, _add_years(anchor, _HORIZON))
        return next(found, None)

    def upcoming(self, first: dt.date, count: int = 3) -> list[dt.date]:
        """`first` (the next due date) and the dates after it, assuming each is kept."""
        dates = [first]
        while len(dates) < count:
            following = self.next_due(dates[-1], first)
            if following is None:
                break
            dates.append(following)
        return dates


def _relative(words: str) -> Cadence | None:
    """The relative cadence `words` say (lower case, single spaces), unchecked; or None."""
    words = words.removeprefix("every ").strip()
    if words in _WORD_CADENCES:
        return Cadence.relative(*_WORD_CADENCES[words])
    match = re.fullmatch(r"(\d+)\s*([a-z]+)", words) or _EVERY_RE.match(words)
    if match is None or (unit := _UNIT_WORDS.get(match.group(2))) is None:
        return None
    count_text = match.group(1)
    count = (_NUMBER_WORDS.get(count_text) or int(count_text)) if count_text else 1
    count *= _UNIT_FACTOR.get(match.group(2), 1)
    return Cadence(CadenceKind.RELATIVE, count, unit) if count > 0 else None


def _bounded(text: str) -> str:
    """What was typed, controls out, refused past `CADENCE_TEXT` characters."""
    try:
        return clean_line(text, what="a cadence", limit=CADENCE_TEXT)
    except TooLong as exc:
        raise CadenceError(str(exc)) from None


def _rule_parts(rule: str) -> dict[str, str]:
    """The parts of a rule, each checked; CadenceError says what is wrong and why."""
    parts: dict[str, str] = {}
    for piece in filter(None, (p.strip() for p in rule.split(";"))):
        key, sep, value = (s.strip() for s in piece.partition("="))
        if not sep or not key or not value:
            raise CadenceError(f"RRULE part {quoted(piece)} should read NAME=VALUE")
        if key in _TIME_PARTS:
            raise CadenceError(f"{key} is not used: a cadence picks days, not times of day")
        if key not in _PARTS:
            raise CadenceError(
                f"RRULE part {quoted(key)} is not understood; netday reads {', '.join(_PARTS)}"
            )
        if key in parts:
            raise CadenceError(f"{key} appears twice in the RRULE")
        parts[key] = value
    freq = parts.get("FREQ")
    if freq in _TOO_OFTEN:
        raise CadenceError(f"FREQ={freq} is too often: a cadence is DAILY or slower")
    if freq not in _FREQUENCIES:
        wrong = f", not {quoted(freq)}" if freq else ""
        raise CadenceError(
            f"the RRULE does not parse: FREQ is DAILY, WEEKLY, MONTHLY or YEARLY{wrong}"
        )
    if "COUNT" in parts and "UNTIL" in parts:
        raise CadenceError("an RRULE has COUNT or UNTIL, not both")
    _check_number(parts, "INTERVAL", 1, MAX_INTERVAL[freq], f"for FREQ={freq}")
    _check_number(parts, "COUNT", 1, COUNT_MAX, "")
    if "UNTIL" in parts:
        _until_date(parts["UNTIL"])
    for key, (largest, from_end, frequencies) in _BY_NUMBERS.items():
        if key not in parts:
            continue
        if freq not in frequencies:
            raise CadenceError(f"{key} does not go with FREQ={freq}")
        for item in parts[key].split(","):
            number = int(item) if _NUMBER.fullmatch(item) else 0
            if (
                number == 0
                or number > largest
                or (number < 0 and not from_end)
                or -number > largest
            ):
                span = f"1 to {largest}" + (f" or -1 to -{largest}" if from_end else "")
                raise CadenceError(f"{key}={quoted(item)} is out of range ({span})")
    if "BYSETPOS" in parts and not any(k.startswith("BY") and k != "BYSETPOS" for k in parts):
        raise CadenceError("BYSETPOS needs another BY part to pick from")
    if "BYDAY" in parts:
        _check_byday(parts["BYDAY"], freq, "BYWEEKNO" in parts, "BYMONTH" in parts)
    if parts.get("WKST", "MO") not in WEEKDAYS:
        raise CadenceError(f"WKST={quoted(parts['WKST'])} is not a weekday (MO to SU)")
    return parts


def _check_number(parts: dict[str, str], key: str, low: int, high: int, why: str) -> None:
    if key not in parts:
        return
    value = parts[key]
    number = int(value) if _NUMBER.fullmatch(value) else None
    if number is None or not low <= number <= high:
        span = f"{low} to {high:,}" + (f" {why}" if why else "")
        raise CadenceError(f"{key}={quoted(value)} is out of range ({span})")


def _check_byday(value: str, freq: str, with_weekno: bool, with_month: bool) -> None:
    """A weekday's ordinal counts within the period: a month holds at most 5 Mondays, a
    year 53; a yearly rule limited to months counts within each month (RFC 5545 3.3.10),
    so 53MO there names nothing (and dateutil fails on it with an IndexError)."""
    limit = _ORDINAL_LIMIT["MONTHLY"] if freq == "YEARLY" and with_month else None
    for item in value.split(","):
        match = _BYDAY_ITEM.fullmatch(item)
        if match is None:
            raise CadenceError(f"BYDAY={quoted(item)} is not a weekday like MO, 1MO or -1FR")
        if match.group(1) is None:
            continue
        ordinal = int(match.group(1))
        largest = 0 if with_weekno else limit or _ORDINAL_LIMIT.get(freq, 0)
        if largest == 0:
            raise CadenceError(f"BYDAY={item} counts weekdays, which FREQ={freq} cannot")
        if ordinal == 0 or abs(ordinal) > largest:
            raise CadenceError(
                f"BYDAY={item} is out of range (1 to {largest} or -1 to -{largest} for FREQ={freq})"
            )


def _until_date(value: str) -> dt.date:
    match = _UNTIL_VALUE.fullmatch(value)
    try:
        day = dt.date(*(int(g) for g in match.groups())) if match else None
    except ValueError:
        day = None
    if day is None:
        raise CadenceError(f"UNTIL={quoted(value)} is not a date like 20271231")
    if not DATE_MIN <= day <= DATE_MAX:
        raise CadenceError(
            f"UNTIL={value} is outside {DATE_MIN.isoformat()} to {DATE_MAX.isoformat()}"
        )
    return day


def _normalised_rule(rule: str) -> str:
    """The rule as stored: parts checked, spaces out, UNTIL as a plain date."""
    parts = _rule_parts(rule)
    if "UNTIL" in parts:
        parts["UNTIL"] = _until_date(parts["UNTIL"]).strftime("%Y%m%d")
    text = ";".join(f"{key}={value}" for key, value in parts.items())
    try:
        built = rrulestr(text, dtstart=dt.datetime.combine(_REFERENCE, dt.time()))
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        raise CadenceError(f"RRULE {quoted(rule)} does not parse: {exc}") from None
    if not isinstance(built, rrule):
        raise CadenceError(f"RRULE {quoted(rule)} is not a single rule")
    return text


def _add_years(day: dt.date, delta: relativedelta) -> dt.date:
    """`day` plus `delta`, or the last representable day."""
    try:
        moved: dt.date = day + delta
    except (OverflowError, ValueError):
        return dt.date.max
    return moved


@lru_cache(maxsize=1024)
def _built(rule: str, dtstart: dt.date) -> rrule | None:
    """The dateutil rule from `dtstart` (None if dateutil cannot read it)."""
    try:
        built = rrulestr(rule, dtstart=dt.datetime.combine(dtstart, dt.time()))
    except (ValueError, TypeError, KeyError, IndexError, OverflowError):
        return None
    return built if isinstance(built, rrule) else None


def _dates(
    rule: str, dtstart: dt.date, after: dt.date, end: dt.date, *, inclusive: bool = True
) -> Iterator[dt.date]:
    """The dates of `rule` (counted from `dtstart`) after `after`, up to `end`, in bounded time.

    dateutil looks for the next date until the year 9999: a rule that never comes back
    (the 30th of February, a spent BYSETPOS) would scan thousands of years. The calendar
    repeats every 400 years, so the same question is asked 400·k years later, with `end`
    in the last four centuries before 9999: the scan then stops after at most 400 years,
    milliseconds for a daily-or-slower rule.
    """
    end = min(end, dt.date.max)
    if after > end:
        return
    shift = (dt.MAXYEAR - end.year) // _GREGORIAN_CYCLE * _GREGORIAN_CYCLE
    shifted_rule = re.sub(r"UNTIL=(\d{4})", lambda m: f"UNTIL={int(m.group(1)) + shift:04d}", rule)
    built = _built(shifted_rule, dtstart.replace(year=dtstart.year + shift))
    if built is None:
        return
    start = dt.datetime.combine(after.replace(year=after.year + shift), dt.time())
    try:
        for found in built.xafter(start, inc=inclusive):
            day = found.date()
            day = day.replace(year=day.year - shift)
            if day > end:
                return
            yield day
    except (ValueError, OverflowError):
        return


def _spaced_dates(rule: str, dtstart: dt.date, after: dt.date, end: dt.date) -> Iterator[dt.date]:
    """The dates of `rule` from `after` as long as each comes within the horizon of the last."""
    limit = _add_years(after, _HORIZON)
    for day in _dates(rule, dtstart, after, end):
        if day > limit:
            return
        yield day
        limit = _add_years(day, _HORIZON)


def spread_key(name_key: str) -> int:
    """The key that spreads a contact's first due date (`spread_offset`), from its folded
    name: known before the contact is saved, so a form can preview the date it gets."""
    return zlib.crc32(name_key.encode())


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
    """Average days between occurrences over a dozen of them (a month when the rule ends)."""
    end = _add_years(_REFERENCE, relativedelta(years=13 * CADENCE_HORIZON_YEARS))
    dates = list(islice(_spaced_dates(rule, _REFERENCE, _REFERENCE, end), 13))
    if len(dates) < 2:
        return UNIT_DAYS["months"]
    return max(1.0, round((dates[-1] - dates[0]).days / (len(dates) - 1), 2))


@lru_cache(maxsize=1024)
def describe_rrule(rule: str) -> str:
    """A stored rule in words (`cadence_words.describe_rule`), cached: plans and lists
    describe the same few rules over and over."""
    return describe_rule(rule)
