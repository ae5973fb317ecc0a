import datetime as dt
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

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
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", "every 2 weeks on Tuesday"),
        ("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15", "day 15 of every 3 months"),
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


def test_one_field_reads_either_form_and_previews_the_next_dates() -> None:
    today = dt.date(2026, 11, 22)
    assert Cadence.parse("every 2 weeks").preview(today) == [
        dt.date(2026, 12, 6),
        dt.date(2026, 12, 20),
        dt.date(2027, 1, 3),
    ]
    assert Cadence.parse("rrule:FREQ=MONTHLY;BYDAY=1MO").preview(today) == [
        dt.date(2026, 12, 7),
        dt.date(2027, 1, 4),
        dt.date(2027, 2, 1),
    ]
    with pytest.raises(CadenceError):
        Cadence.parse("FREQ=NEVER")
