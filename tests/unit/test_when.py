import datetime as dt

import pytest

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
        "note",
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
