import datetime as dt

import pytest

from netday.config import make_clock
from netday.errors import NetdayError
from netday.limits import DATE_MAX, DATE_MIN
from netday.scheduling.when import DateError, parse_day, parse_moment

SUNDAY = dt.date(2026, 11, 22)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2026-12-01", dt.date(2026, 12, 1)),
        ("today", SUNDAY),
        ("tomorrow", dt.date(2026, 11, 23)),
        ("next week", dt.date(2026, 11, 23)),
        ("friday", dt.date(2026, 11, 27)),
        ("sunday", dt.date(2026, 11, 29)),
        ("+3d", dt.date(2026, 11, 25)),
        ("in 2 weeks", dt.date(2026, 12, 6)),
        ("+1m", dt.date(2026, 12, 22)),
    ],
)
def test_parse_day(text: str, day: dt.date) -> None:
    assert parse_day(text, SUNDAY) == day


@pytest.mark.parametrize("text", ["2026-13-01", "someday", "31/12/2026", ""])
def test_parse_day_refuses_bad_dates(text: str) -> None:
    with pytest.raises(DateError):
        parse_day(text, SUNDAY)


def test_parse_moment() -> None:
    now = dt.datetime(2026, 11, 22, 15, 0)
    assert parse_moment("14:30", now) == dt.datetime(2026, 11, 22, 14, 30)
    assert parse_moment("yesterday 16:00", now) == dt.datetime(2026, 11, 21, 16, 0)
    assert parse_moment("2026-11-20 09:15", now) == dt.datetime(2026, 11, 20, 9, 15)
    assert parse_moment("today", now) == now
    with pytest.raises(DateError):
        parse_moment("25:00", now)


def test_quick_entries_read_who_what_and_kind() -> None:
    from netday.errors import NetdayError
    from netday.services.journal import parse_quick_entry

    assert parse_quick_entry("ana: coffee, talked about hiring") == (
        "meeting",
        "ana",
        "coffee, talked about hiring",
    )
    assert parse_quick_entry("email Ana Souza: sent the deck") == (
        "email",
        "Ana Souza",
        "sent the deck",
    )
    with pytest.raises(NetdayError):
        parse_quick_entry("no colon here")


@pytest.mark.parametrize(
    "text",
    ["+99999999d", "+99999999999999999999w", "in 9999999 months", "0001-01-01", "9999-12-31"],
)
def test_dates_outside_the_range_are_refused_in_one_line(text: str) -> None:
    with pytest.raises(DateError) as refused:
        parse_day(text, SUNDAY)
    assert "outside the dates netday keeps (1900-01-01 to 2199-12-31)" in str(refused.value)


def test_relative_dates_at_the_edges_are_refused_not_overflowed() -> None:
    with pytest.raises(DateError):
        parse_day("tomorrow", DATE_MAX)
    with pytest.raises(DateError):
        parse_day("tomorrow", dt.date.max)
    with pytest.raises(DateError):
        parse_moment("yesterday 10:00", dt.datetime.combine(DATE_MIN, dt.time(9)))
    assert parse_day("+1d", DATE_MAX - dt.timedelta(days=1)) == DATE_MAX


def test_a_huge_date_text_is_refused_with_a_short_message() -> None:
    with pytest.raises(DateError) as refused:
        parse_day("x" * 100_000, SUNDAY)
    assert len(str(refused.value)) < 200


@pytest.mark.parametrize("text", ["9999-12-31", "0001-01-01", "1899-12-31", "2200-01-01"])
def test_a_pinned_today_outside_the_range_is_refused(text: str) -> None:
    with pytest.raises(NetdayError) as refused:
        make_clock(text)
    assert "outside the dates netday keeps" in str(refused.value)
    assert make_clock("2199-12-31").today() == DATE_MAX
