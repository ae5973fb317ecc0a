import datetime as dt
import time
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netday.limits import DATE_MAX, DATE_MIN
from netday.scheduling.cadence import Cadence, CadenceError, spread_offset


@pytest.mark.parametrize(
    ("text", "every", "unit"),
    [
        ("every 10 days", 10, "days"),
        ("3 weeks", 3, "weeks"),
        ("2m", 2, "months"),
        ("Every  2 Months", 2, "months"),
        ("monthly", 1, "months"),
        ("quarterly", 3, "months"),
        ("every quarter", 3, "months"),
        ("biweekly", 2, "weeks"),
        ("every week", 1, "weeks"),
        ("10d", 10, "days"),
    ],
)
def test_parse_every_reads_what_people_say(text: str, every: int, unit: str) -> None:
    cadence = Cadence.parse_every(text)
    assert (cadence.kind, cadence.every, cadence.unit) == ("relative", every, unit)


@pytest.mark.parametrize("text", ["", "often", "every 0 days", "3 fortnights", "-2 weeks"])
def test_parse_every_refuses_nonsense(text: str) -> None:
    with pytest.raises(CadenceError):
        Cadence.parse_every(text)


def test_relative_cadence_counts_from_the_last_conversation() -> None:
    cadence = Cadence.parse_every("3 weeks")
    assert cadence.next_due(dt.date(2026, 11, 2), anchor=dt.date(2026, 1, 1)) == dt.date(
        2026, 11, 23
    )


def test_monthly_cadence_clamps_to_the_end_of_short_months() -> None:
    cadence = Cadence.parse_every("1 month")
    assert cadence.next_due(dt.date(2026, 1, 31), anchor=dt.date(2026, 1, 1)) == dt.date(
        2026, 2, 28
    )


def test_rrule_first_monday_of_the_month_after_last_conversation() -> None:
    cadence = Cadence.parse_rrule("FREQ=MONTHLY;BYDAY=1MO")
    anchor = dt.date(2026, 1, 1)
    assert cadence.next_due(dt.date(2026, 11, 2), anchor) == dt.date(2026, 12, 7)
    assert cadence.next_due(dt.date(2026, 11, 1), anchor) == dt.date(2026, 11, 2)
    assert cadence.next_due(None, dt.date(2026, 11, 22)) == dt.date(2026, 12, 7)


def test_rrule_accepts_the_rrule_prefix_and_lower_case() -> None:
    assert Cadence.parse_rrule("rrule:freq=weekly;byday=tu").rule == "FREQ=WEEKLY;BYDAY=TU"


@pytest.mark.parametrize(
    "rule", ["FREQ=SOMETIMES", "BYDAY=1MO", "FREQ=MONTHLY;BYDAY=9XX", "", "DTSTART:20260101"]
)
def test_rrule_that_does_not_parse_is_refused(rule: str) -> None:
    with pytest.raises(CadenceError):
        Cadence.parse_rrule(rule)


def test_rrule_that_has_ended_is_never_due_again() -> None:
    cadence = Cadence.parse_rrule("FREQ=MONTHLY;COUNT=2")
    assert cadence.next_due(dt.date(2026, 3, 1), anchor=dt.date(2026, 1, 1)) is None


@pytest.mark.parametrize(
    ("spec", "words"),
    [
        ("FREQ=MONTHLY;BYDAY=1MO", "first Monday of each month"),
        ("FREQ=MONTHLY;BYDAY=-1FR", "last Friday of each month"),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", "every other Tuesday"),
        ("FREQ=WEEKLY;INTERVAL=4;BYDAY=TU", "every 4 weeks on Tuesday"),
        ("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15", "every quarter on the 15th"),
        ("FREQ=MONTHLY;BYMONTHDAY=-1", "every month on the last day"),
    ],
)
def test_rrules_are_described_in_words(spec: str, words: str) -> None:
    assert Cadence.parse_rrule(spec).describe() == words


def test_labels_used_in_reasons() -> None:
    assert Cadence.parse_every("3 weeks").label() == "3-week cadence"
    assert Cadence.parse_every("10 days").label() == "10-day cadence"


def test_upcoming_dates_preview_the_next_three() -> None:
    cadence = Cadence.parse_rrule("FREQ=MONTHLY;BYDAY=1MO")
    assert cadence.upcoming(dt.date(2026, 12, 7)) == [
        dt.date(2026, 12, 7),
        dt.date(2027, 1, 4),
        dt.date(2027, 2, 1),
    ]


def test_upcoming_dates_of_a_relative_cadence_start_at_the_next_due_date() -> None:
    cadence = Cadence.parse_every("3 weeks")
    assert cadence.upcoming(dt.date(2026, 11, 18)) == [
        dt.date(2026, 11, 18),
        dt.date(2026, 12, 9),
        dt.date(2026, 12, 30),
    ]


def test_spec_round_trips() -> None:
    for text in ("every 10 days", "3 weeks", "every 2 months", "quarterly"):
        cadence = Cadence.parse_every(text)
        assert Cadence.parse_every(cadence.spec()) == cadence


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=400))
def test_spread_offset_stays_inside_the_cadence(key: int, span: int) -> None:
    assert 0 <= spread_offset(key, span) < span


def test_contacts_added_together_are_spread_over_their_cadence() -> None:
    cadence = Cadence.parse_every("3 weeks")
    anchor = dt.date(2026, 11, 22)
    dues = [cadence.next_due(None, anchor, spread_key=i) for i in range(1, 211)]
    per_day = Counter(dues)
    assert len(per_day) == 21
    assert max(per_day.values()) <= 2 * 210 / 21
    assert all(anchor <= d < anchor + dt.timedelta(days=21) for d in dues if d)


def test_one_field_reads_either_form_and_schedules_the_next_dates() -> None:
    today = dt.date(2026, 11, 22)
    assert Cadence.parse("every 2 weeks").schedule(today, today, 0) == [
        dt.date(2026, 12, 6),
        dt.date(2026, 12, 20),
        dt.date(2027, 1, 3),
    ]
    assert Cadence.parse("rrule:FREQ=MONTHLY;BYDAY=1MO").schedule(None, today, 0) == [
        dt.date(2026, 12, 7),
        dt.date(2027, 1, 4),
        dt.date(2027, 2, 1),
    ]
    with pytest.raises(CadenceError):
        Cadence.parse("FREQ=NEVER")


# --- what a cadence may be: daily or slower, within the horizon, checked in bounded time ---

TODAY = dt.date(2026, 11, 22)


@pytest.mark.parametrize(
    ("rule", "why"),
    [
        ("FREQ=DAILY;INTERVAL=0", "INTERVAL='0' is out of range (1 to 1,826 for FREQ=DAILY)"),
        ("FREQ=DAILY;INTERVAL=-1", "INTERVAL='-1' is out of range"),
        ("FREQ=DAILY;INTERVAL=99999999999999999999", "INTERVAL="),
        ("FREQ=YEARLY;INTERVAL=6", "(1 to 5 for FREQ=YEARLY)"),
        ("FREQ=DAILY;COUNT=0", "COUNT='0' is out of range"),
        ("FREQ=DAILY;UNTIL=20200101", "brings no date within 5 years after 2026-11-22"),
        ("FREQ=DAILY;UNTIL=99991231", "UNTIL=99991231 is outside 1900-01-01 to 2199-12-31"),
        ("FREQ=WEEKLY;COUNT=3;UNTIL=20270101", "COUNT or UNTIL, not both"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "brings no date within 5 years"),
        ("FREQ=MONTHLY;BYMONTHDAY=32", "BYMONTHDAY='32' is out of range (1 to 31 or -1 to -31)"),
        ("FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY='0' is out of range"),
        ("FREQ=YEARLY;BYWEEKNO=54", "BYWEEKNO='54' is out of range"),
        ("FREQ=YEARLY;BYYEARDAY=367", "BYYEARDAY='367' is out of range"),
        ("FREQ=YEARLY;BYMONTH=13", "BYMONTH='13' is out of range (1 to 12)"),
        ("FREQ=MONTHLY;BYYEARDAY=1", "BYYEARDAY does not go with FREQ=MONTHLY"),
        ("FREQ=MONTHLY;BYDAY=9MO", "BYDAY=9MO is out of range (1 to 5 or -1 to -5"),
        # Within BYMONTH a yearly rule counts weekdays per month (dateutil raised IndexError).
        ("FREQ=YEARLY;BYDAY=53MO;BYMONTH=2", "BYDAY=53MO is out of range (1 to 5 or -1 to -5"),
        ("FREQ=WEEKLY;BYDAY=1MO", "BYDAY=1MO counts weekdays, which FREQ=WEEKLY cannot"),
        ("FREQ=MONTHLY;BYDAY=XX", "is not a weekday"),
        ("FREQ=MONTHLY;BYSETPOS=1", "BYSETPOS needs another BY part"),
        ("FREQ=MONTHLY;BYSETPOS=40;BYDAY=MO", "brings no date within 5 years"),
        ("FREQ=SECONDLY", "FREQ=SECONDLY is too often: a cadence is DAILY or slower"),
        ("FREQ=MINUTELY", "too often"),
        ("FREQ=HOURLY", "too often"),
        ("FREQ=DAILY;BYHOUR=9", "BYHOUR is not used: a cadence picks days"),
        ("FREQ=DAILY;BYEASTER=0", "'BYEASTER' is not understood"),
        ("FREQ=DAILY;FREQ=WEEKLY", "FREQ appears twice"),
        ("FREQ=WEEKLY;WKST=XX", "WKST='XX' is not a weekday"),
        ("FREQ=DAILY;INTERVAL=7;BYDAY=TU", "brings no date within 5 years"),
        ("", "is not a single rule"),
        ("RRULE:", "is not a single rule"),
        ("FREQ=" + "DAILY;" * 60, "longer than 300 characters"),
    ],
)
def test_rules_that_never_occur_or_are_out_of_range_are_refused_saying_why(
    rule: str, why: str
) -> None:
    with pytest.raises(CadenceError) as refused:
        Cadence.parse_rrule(rule, TODAY)
    assert why in str(refused.value)
    assert "\n" not in str(refused.value)


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=YEARLY;BYMONTH=2;BYDAY=5MO",
        "FREQ=MONTHLY;BYSETPOS=31;BYDAY=MO",
        "FREQ=YEARLY;BYSETPOS=-366;BYMONTH=2",
        "FREQ=YEARLY;BYWEEKNO=1;BYMONTH=6",
        "FREQ=DAILY;INTERVAL=7;BYDAY=TU",
    ],
)
def test_a_rule_that_never_occurs_is_refused_in_milliseconds(rule: str) -> None:
    started = time.perf_counter()
    with pytest.raises(CadenceError):
        Cadence.parse_rrule(rule, TODAY)
    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=YEARLY;BYWEEKNO=53",
        "FREQ=YEARLY;INTERVAL=5",
        "FREQ=MONTHLY;COUNT=1",
        "FREQ=MONTHLY;UNTIL=20270601",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
        "FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU,WE,TH,FR",
        "FREQ=DAILY;BYDAY=MO,WE,FR",
    ],
)
def test_rules_that_keep_in_touch_are_accepted(rule: str) -> None:
    cadence = Cadence.parse_rrule(rule, TODAY)
    assert cadence.schedule(None, TODAY, 0)


def test_until_is_stored_as_a_plain_date() -> None:
    rule = Cadence.parse_rrule("FREQ=MONTHLY;UNTIL=20270601T000000Z", TODAY).rule
    assert rule == "FREQ=MONTHLY;UNTIL=20270601"


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("5000 years", "every 5000 years is not a cadence"),
        ("99999999999 days", "at most every 1,826 days"),
        ("6 years", "at most every 60 months"),
        ("261 weeks", "at most every 260 weeks"),
        ("9" * 301 + " days", "longer than 300 characters"),
        ("", "is not understood"),
    ],
)
def test_relative_cadences_rarer_than_the_horizon_are_refused(text: str, why: str) -> None:
    with pytest.raises(CadenceError) as refused:
        Cadence.parse(text)
    assert why in str(refused.value)


def test_the_rarest_relative_cadences_are_accepted() -> None:
    assert Cadence.parse_every("5 years").describe() == "every 5 years"
    assert Cadence.parse_every("260 weeks").every == 260
    assert Cadence.parse_every("1826 days").every == 1826


def test_dates_at_the_edge_of_the_range_never_overflow() -> None:
    assert Cadence.parse_every("3 weeks").next_due(DATE_MAX, DATE_MAX) is None
    assert Cadence.parse_every("5 years").next_due(None, DATE_MAX, spread_key=7) in (None, DATE_MAX)
    monthly = Cadence.parse_rrule("FREQ=MONTHLY;BYDAY=1MO")
    assert monthly.next_due(DATE_MAX, DATE_MAX) is None
    assert monthly.upcoming(dt.date(2199, 11, 4)) == [dt.date(2199, 11, 4), dt.date(2199, 12, 2)]
    assert monthly.next_due(None, dt.date.max) is None


def test_a_cadence_stored_before_the_limits_reads_as_ended_instead_of_failing() -> None:
    """`contact show` of a contact saved with "every 5000 years" failed for ever."""
    rare = Cadence.relative(60_000, "months")
    assert rare.next_due(TODAY, TODAY) is None
    assert rare.upcoming(TODAY) == [TODAY]
    never = Cadence("calendar", rule="FREQ=YEARLY;BYWEEKNO=54")
    started = time.perf_counter()
    assert never.next_due(TODAY, TODAY) is None
    assert never.approx_days == 30.44
    assert time.perf_counter() - started < 0.5


_PART_VALUES = {
    "FREQ": ["DAILY", "WEEKLY", "MONTHLY", "YEARLY", "HOURLY", "SOMETIMES"],
    "INTERVAL": ["1", "2", "3", "7", "12", "60", "261", "0", "-1", "x"],
    "COUNT": ["1", "2", "3", "0", "100001"],
    "UNTIL": ["20200101", "20261231", "20300101", "21991231", "99991231", "2026"],
    "BYDAY": ["MO", "1MO", "-1FR", "5SU", "9MO", "MO,WE", "2TU,4TH", "53MO", "XX"],
    "BYMONTHDAY": ["1", "15", "29", "30", "31", "-1", "32", "0", "1,15"],
    "BYMONTH": ["1", "2", "6", "12", "13", "2,4"],
    "BYYEARDAY": ["1", "60", "366", "-1", "367"],
    "BYWEEKNO": ["1", "20", "53", "-1", "54"],
    "BYSETPOS": ["1", "-1", "2", "5", "40", "366"],
    "WKST": ["MO", "SU", "XX"],
}


@st.composite
def _rules(draw: st.DrawFn) -> str:
    keys = draw(st.lists(st.sampled_from(sorted(_PART_VALUES)), unique=True, max_size=5))
    parts = [f"FREQ={draw(st.sampled_from(_PART_VALUES['FREQ']))}"]
    parts += [f"{k}={draw(st.sampled_from(_PART_VALUES[k]))}" for k in keys if k != "FREQ"]
    return ";".join(parts)


@settings(deadline=1000, max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(_rules(), st.dates(min_value=DATE_MIN, max_value=DATE_MAX))
def test_any_rule_that_parses_answers_quickly_and_never_raises(rule: str, start: dt.date) -> None:
    try:
        cadence = Cadence.parse_rrule(rule, start)
    except CadenceError:
        return
    first = cadence.next_due(None, start)
    assert first is None or start <= first <= DATE_MAX
    if first is not None:
        dates = cadence.upcoming(first, 3)
        assert dates == sorted(dates) and all(d <= DATE_MAX for d in dates)
        following = cadence.next_due(dates[-1], start)
        assert following is None or following > dates[-1]
    assert cadence.approx_days >= 1
    assert cadence.describe() and cadence.label()
    assert Cadence.parse(cadence.spec(), start) == cadence


@settings(deadline=1000, max_examples=200)
@given(st.text(max_size=80))
def test_any_text_is_a_cadence_or_a_cadence_error(text: str) -> None:
    for parse in (Cadence.parse, Cadence.parse_every, Cadence.parse_rrule):
        try:
            parse(text)
        except CadenceError as exc:
            assert "\n" not in str(exc)
