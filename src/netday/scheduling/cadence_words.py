"""Calendar cadences in words, both ways.

netday shows an RRULE as people say it ("first Monday of each month", "every other
Tuesday", "every quarter on the 15th") and reads the same words back when they are
typed in the cadence field or given to `--every`. Each shape of rule is one entry of
`SHAPES`: how it says a rule and how it reads those words, both built from the same
word tables (`ORDINALS`, `WEEKDAYS`, `_MONTH_PERIODS`), so whatever netday prints reads
back to the same rule (tests/unit/test_cadence_words.py tries every shape). Pure text
to text: `scheduling.cadence` checks the rule a reading gives like any typed RRULE.

A rule of no shape here is shown as the rule itself, which the field reads back too;
a plain rule ("FREQ=WEEKLY;INTERVAL=2") is said "every 2 weeks", which reads back as
the relative cadence of the same words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

ORDINALS: dict[int, str] = {
    1: "first",
    2: "second",
    3: "third",
    4: "fourth",
    5: "fifth",
    -1: "last",
    -2: "second-to-last",
}
"""A weekday's place in its month (RFC 5545 BYDAY=1MO ... -1FR), as said."""
WEEKDAYS: dict[str, str] = {
    "MO": "Monday",
    "TU": "Tuesday",
    "WE": "Wednesday",
    "TH": "Thursday",
    "FR": "Friday",
    "SA": "Saturday",
    "SU": "Sunday",
}
_MONTH_PERIODS: dict[int, str] = {1: "month", 3: "quarter"}
"""Intervals of months that have a word of their own; any other is "N months"."""
_PERIODS = {"DAILY": "day", "WEEKLY": "week", "MONTHLY": "month", "YEARLY": "year"}
_LAST_DAY = "last day"

Parts = dict[str, str]


def _alternatives(words: Iterable[str]) -> str:
    """A regex alternation of `words`, longest first ("second-to-last" before "last")."""
    return "|".join(re.escape(w.lower()) for w in sorted(words, key=len, reverse=True))


def _weekday_code(word: str) -> str | None:
    return next((code for code, name in WEEKDAYS.items() if name.lower() == word), None)


def _ordinal_code(word: str) -> int | None:
    return next((n for n, name in ORDINALS.items() if name == word), None)


def _interval(parts: Parts) -> int | None:
    text = parts.get("INTERVAL", "1")
    return int(text) if text.isascii() and text.isdigit() and int(text) > 0 else None


def _shape_of(parts: Parts, freq: str, by: str) -> bool:
    return parts.get("FREQ") == freq and set(parts) <= {"FREQ", "INTERVAL", by} and by in parts


def _rule(freq: str, interval: int, by: str, value: str) -> str:
    every = f";INTERVAL={interval}" if interval != 1 else ""
    return f"FREQ={freq}{every};{by}={value}"


def _months(interval: int) -> str:
    return _MONTH_PERIODS.get(interval, f"{interval} months")


_PERIOD_WORD = _alternatives(_MONTH_PERIODS.values())
_MONTHS_READ = rf"(?:(?P<months>\d{{1,4}}) months|(?P<period>{_PERIOD_WORD}))"


def _months_read(match: re.Match[str]) -> int:
    if match.group("months"):
        return int(match.group("months"))
    return next(n for n, word in _MONTH_PERIODS.items() if word == match.group("period"))


def _nth(day: int) -> str:
    """15 -> "15th", 1 -> "1st", 22 -> "22nd", 13 -> "13th"."""
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def _and_list(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


@dataclass(frozen=True)
class Shape:
    """One way a rule is said: `says` gives the words for a rule of this shape (None
    for any other rule), `reads` matches those words (lower case, single spaces) and
    `rule` turns the match back into the rule."""

    name: str
    says: Callable[[Parts], str | None]
    reads: re.Pattern[str]
    rule: Callable[[re.Match[str]], str | None]


# "first Monday of each month", "last Friday of each quarter", "second Tuesday of every 2 months"
def _say_weekday_of_month(parts: Parts) -> str | None:
    interval = _interval(parts)
    if not _shape_of(parts, "MONTHLY", "BYDAY") or interval is None:
        return None
    match = re.fullmatch(r"([+-]?\d)(MO|TU|WE|TH|FR|SA|SU)", parts["BYDAY"])
    if match is None or int(match.group(1)) not in ORDINALS:
        return None
    each = f"each {_months(interval)}" if interval in _MONTH_PERIODS else f"every {interval} months"
    return f"{ORDINALS[int(match.group(1))]} {WEEKDAYS[match.group(2)]} of {each}"


def _read_weekday_of_month(match: re.Match[str]) -> str | None:
    ordinal, code = _ordinal_code(match.group("ordinal")), _weekday_code(match.group("day"))
    if ordinal is None or code is None:
        return None
    return _rule("MONTHLY", _months_read(match), "BYDAY", f"{ordinal}{code}")


# "every month on the 15th", "every quarter on the 1st", "every 2 months on the last day"
def _say_day_of_month(parts: Parts) -> str | None:
    interval = _interval(parts)
    if not _shape_of(parts, "MONTHLY", "BYMONTHDAY") or interval is None:
        return None
    day = parts["BYMONTHDAY"]
    if day == "-1":
        return f"every {_months(interval)} on the {_LAST_DAY}"
    if day.isascii() and day.isdigit() and 1 <= int(day) <= 31:
        return f"every {_months(interval)} on the {_nth(int(day))}"
    return None


def _read_day_of_month(match: re.Match[str]) -> str | None:
    day = "-1" if match.group("last") else str(int(match.group("day")))
    return _rule("MONTHLY", _months_read(match), "BYMONTHDAY", day)


# "every Tuesday", "every other Tuesday", "every 4 weeks on Tuesday", "every Monday and Thursday"
def _say_weekdays(parts: Parts) -> str | None:
    interval = _interval(parts)
    if not _shape_of(parts, "WEEKLY", "BYDAY") or interval is None:
        return None
    codes = parts["BYDAY"].split(",")
    if not all(code in WEEKDAYS for code in codes) or len(set(codes)) != len(codes):
        return None
    days = _and_list([WEEKDAYS[code] for code in codes])
    if interval == 1:
        return f"every {days}"
    if interval == 2:
        return f"every other {days}"
    return f"every {interval} weeks on {days}"


def _read_weekdays(match: re.Match[str]) -> str | None:
    words = [w for w in re.split(r"\s*,\s*|\s+and\s+|\s+", match.group("days")) if w]
    codes = [_weekday_code(w) for w in words]
    if not codes or None in codes or len(set(codes)) != len(codes):
        return None
    interval = 2 if match.group("other") else int(match.group("weeks") or 1)
    return _rule("WEEKLY", interval, "BYDAY", ",".join(c for c in codes if c))


_DAY_WORD = _alternatives(WEEKDAYS.values())
SHAPES: tuple[Shape, ...] = (
    Shape(
        "a weekday of the month",
        _say_weekday_of_month,
        re.compile(
            rf"(?P<ordinal>{_alternatives(ORDINALS.values())}) (?P<day>{_DAY_WORD}) of "
            rf"(?:each|every) {_MONTHS_READ}"
        ),
        _read_weekday_of_month,
    ),
    Shape(
        "a day of the month",
        _say_day_of_month,
        re.compile(
            rf"(?:every|each) {_MONTHS_READ} on the "
            rf"(?:(?P<day>0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?|(?P<last>{_LAST_DAY}))"
        ),
        _read_day_of_month,
    ),
    Shape(
        "weekdays",
        _say_weekdays,
        re.compile(
            r"every (?:(?P<other>other )(?:week on )?|(?P<weeks>\d{1,4}) weeks on |week on )?"
            r"(?P<days>[a-z][a-z ,]*)"
        ),
        _read_weekdays,
    ),
)


def describe_rule(rule: str) -> str:
    """A stored rule in words: a shape's words, "every 2 weeks" for a plain rule, or
    the rule itself when no words say it exactly."""
    parts = dict(p.split("=", 1) for p in rule.split(";") if "=" in p)
    for shape in SHAPES:
        words = shape.says(parts)
        if words is not None:
            return words
    period = _PERIODS.get(parts.get("FREQ", ""))
    interval = _interval(parts)
    if period is None or interval is None or set(parts) - {"FREQ", "INTERVAL"}:
        return rule
    return f"every {interval} {period}s" if interval > 1 else f"every {period}"


def rule_from_words(text: str) -> str | None:
    """The rule that `text` (lower case, single spaces) says in one of the `SHAPES`'
    words, unchecked; None when it is no such phrase. Bounded: each pattern is matched
    once, without nested repetition, over text the caller has limited in length."""
    for shape in SHAPES:
        match = shape.reads.fullmatch(text)
        if match is not None:
            rule = shape.rule(match)
            if rule is not None:
                return rule
    return None
