"""Calendar cadences in words, both ways: every phrase netday prints for a rule reads
back (cadence field, `--every`) to that same rule."""

from __future__ import annotations

import datetime as dt
import itertools
import time

import pytest

from netday.scheduling.cadence import Cadence, CadenceError
from netday.scheduling.cadence_words import ORDINALS, SHAPES, WEEKDAYS, describe_rule

TODAY = dt.date(2026, 11, 22)
INTERVALS = (1, 2, 3, 4, 6, 12)


def _rule(freq: str, interval: int, by: str) -> str:
    every = f";INTERVAL={interval}" if interval != 1 else ""
    return f"FREQ={freq}{every};{by}"


WEEKDAY_OF_MONTH = [
    _rule("MONTHLY", n, f"BYDAY={o}{d}")
    for n, o, d in itertools.product(INTERVALS, ORDINALS, WEEKDAYS)
]
DAY_OF_MONTH = [
    _rule("MONTHLY", n, f"BYMONTHDAY={day}")
    for n, day in itertools.product(INTERVALS, [*range(1, 32), -1])
]
WEEKDAY_SETS = [combo for size in (1, 2, 3, 7) for combo in itertools.combinations(WEEKDAYS, size)]
WEEKLY = [
    _rule("WEEKLY", n, f"BYDAY={','.join(days)}")
    for n, days in itertools.product((1, 2, 3, 4, 52), WEEKDAY_SETS)
]
EVERY_SHAPE = {
    "a weekday of the month": WEEKDAY_OF_MONTH,
    "a day of the month": DAY_OF_MONTH,
    "weekdays": WEEKLY,
}


def test_every_shape_is_tried() -> None:
    assert set(EVERY_SHAPE) == {shape.name for shape in SHAPES}


@pytest.mark.parametrize("shape", EVERY_SHAPE)
def test_what_netday_prints_reads_back_to_the_same_rule(shape: str) -> None:
    tried = 0
    for rule in EVERY_SHAPE[shape]:
        try:
            words = Cadence.parse_rrule(rule, TODAY).describe()
        except CadenceError:
            continue  # no cadence at all (a fifth Wednesday once in 12 months, say)
        tried += 1
        assert not words.startswith("FREQ="), rule
        for typed in (words, words.lower(), f"  {words.upper()} "):
            assert Cadence.parse(typed, TODAY).rule == rule, (rule, typed)
            assert Cadence.parse_words(typed, TODAY).rule == rule, (rule, typed)
    assert tried > 0.9 * len(EVERY_SHAPE[shape])


@pytest.mark.parametrize(
    ("words", "rule"),
    [
        ("first Monday of each month", "FREQ=MONTHLY;BYDAY=1MO"),
        ("last Friday of each month", "FREQ=MONTHLY;BYDAY=-1FR"),
        ("every other Tuesday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"),
        ("every quarter on the 15th", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15"),
        ("every 2 weeks on Tuesday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"),
        ("every other week on Tuesday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"),
        ("every Monday, Wednesday and Friday", "FREQ=WEEKLY;BYDAY=MO,WE,FR"),
        ("every month on the 1st", "FREQ=MONTHLY;BYMONTHDAY=1"),
        ("each month on the last day", "FREQ=MONTHLY;BYMONTHDAY=-1"),
        ("first monday of every 2 months", "FREQ=MONTHLY;INTERVAL=2;BYDAY=1MO"),
    ],
)
def test_phrases_people_type(words: str, rule: str) -> None:
    cadence = Cadence.parse(words, TODAY)
    assert (cadence.kind, cadence.rule) == ("calendar", rule)


def test_plain_words_stay_relative_cadences() -> None:
    assert Cadence.parse("every other week", TODAY).describe() == "every 2 weeks"
    assert Cadence.parse("every day", TODAY).kind == "relative"
    assert describe_rule("FREQ=WEEKLY;INTERVAL=2") == "every 2 weeks"
    assert Cadence.parse(describe_rule("FREQ=WEEKLY;INTERVAL=2"), TODAY).describe() == (
        "every 2 weeks"
    )


def test_a_rule_without_words_is_shown_as_itself_and_reads_back() -> None:
    rule = "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15"
    assert describe_rule(rule) == rule
    assert Cadence.parse(Cadence.parse_rrule(rule).describe(), TODAY).rule == rule


@pytest.mark.parametrize(
    "words",
    [
        "sixth Monday of each month",
        "every month on the 32nd",
        "every Funday",
        "every Monday and Monday",
        "every 0 weeks on Tuesday",
        "every 99999 months on the 1st",
        "first Monday of every 0 months",
    ],
)
def test_phrases_that_say_no_cadence_are_refused(words: str) -> None:
    with pytest.raises(CadenceError):
        Cadence.parse(words, TODAY)


def test_reading_long_hostile_words_is_bounded() -> None:
    for text in ("every " + "monday, " * 60, "every " + "a" * 190, "first " * 40):
        began = time.perf_counter()
        with pytest.raises(CadenceError):
            Cadence.parse(text, TODAY)
        assert time.perf_counter() - began < 0.5
