"""The exporting service on a seeded database: the records the writers get."""

from __future__ import annotations

import datetime as dt

import pytest

from netday.services import exporting
from netday.services.context import Context
from netday.services.exporting import (
    calendar_items,
    contact_records,
    count_contacts,
    interaction_records,
    week_reviews,
)
from tests.conftest import TODAY

FOLLOW_UP = dt.date(2026, 11, 25)


@pytest.fixture
def seeded(cli, ctx: Context) -> Context:
    """Four contacts (one archived), three interactions, a promised follow-up."""
    for args in (
        ("Ana Lima", "--every", "1 days", "--company", "Acme", "--role", "CTO",
         "--email", "ana@acme.example", "--phone", "+1 555 0100", "--tag", "mentors",
         "--tag", "work", "--birthday", "1985-04-03", "--tier", "A", "--why", "mentor"),
        ("Bo Chen", "--rrule", "FREQ=MONTHLY;BYDAY=1MO", "--circle", "personal"),
        ("Cy Dee", "--every", "3 weeks"),
        ("Eve Old", "--every", "2 months"),
    ):  # fmt: skip
        assert cli("contact", "add", *args).code == 0
    assert cli("contact", "archive", "Eve").code == 0
    assert cli("log", "Ana", "call one", "--at", "2026-11-20 09:00", "--minutes", "15").code == 0
    assert cli("log", "Bo", "lunch", "--at", "2026-11-21 12:30", "--kind", "meeting").code == 0
    log = ("log", "Cy", "coffee", "--at", "2026-11-22 08:00", "--follow-up", str(FOLLOW_UP))
    assert cli(*log).code == 0
    return ctx


def test_contact_records_hold_everything_an_address_book_can(seeded: Context) -> None:
    records = list(contact_records(seeded))
    assert [r.full_name for r in records] == ["Ana Lima", "Bo Chen", "Cy Dee", "Eve Old"]
    assert [r.id for r in records] == sorted(r.id for r in records)
    ana = records[0]
    assert (ana.company, ana.role, ana.email, ana.phone) == (
        "Acme",
        "CTO",
        "ana@acme.example",
        "+1 555 0100",
    )
    assert (ana.tags, ana.birthday, ana.tier, ana.why) == (
        ("mentors", "work"),
        dt.date(1985, 4, 3),
        "A",
        "mentor",
    )
    assert (ana.cadence, ana.cadence_kind, ana.archived, ana.vcard) == (
        "every day",
        "relative",
        False,
        None,
    )
    bo = records[1]
    assert (bo.circle, bo.cadence_kind, bo.cadence_rule) == (
        "personal",
        "calendar",
        "FREQ=MONTHLY;BYDAY=1MO",
    )
    assert records[3].archived
    assert count_contacts(seeded) == 4


def test_archived_contacts_are_left_out_when_asked(seeded: Context) -> None:
    assert [r.full_name for r in contact_records(seeded, archived=False)] == [
        "Ana Lima",
        "Bo Chen",
        "Cy Dee",
    ]
    assert count_contacts(seeded, archived=False) == 3


def test_records_come_a_page_at_a_time_each_once(
    seeded: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    everyone = [r.id for r in contact_records(seeded)]
    talks = [i.id for i in interaction_records(seeded)]
    monkeypatch.setattr(exporting, "PAGE", 2)
    assert [r.id for r in contact_records(seeded)] == everyone
    assert [i.id for i in interaction_records(seeded)] == talks


def test_interaction_records_oldest_first_with_the_contact_name(seeded: Context) -> None:
    records = list(interaction_records(seeded))
    assert [(r.contact_name, r.kind, r.at, r.summary) for r in records] == [
        ("Ana Lima", "call", dt.datetime(2026, 11, 20, 9, 0), "call one"),
        ("Bo Chen", "meeting", dt.datetime(2026, 11, 21, 12, 30), "lunch"),
        ("Cy Dee", "call", dt.datetime(2026, 11, 22, 8, 0), "coffee"),
    ]
    assert records[0].minutes == 15
    assert records[2].follow_up_on == FOLLOW_UP


def test_calendar_items_plan_due_dates_and_follow_ups(seeded: Context) -> None:
    ana, bo, cy = (r.id for r in list(contact_records(seeded))[:3])
    items = calendar_items(seeded, days=30)
    assert [(i.uid, i.day, i.title, i.minutes, i.rrule) for i in items] == [
        (f"plan-2026-11-22-{ana}@netday", TODAY, "Call Ana Lima", 30, None),
        (
            f"follow-{cy}-2026-11-25@netday",
            dt.date(2026, 11, 25),
            "Follow up with Cy Dee",
            15,
            None,
        ),
        (f"due-{bo}@netday", dt.date(2026, 12, 7), "Call Bo Chen", 15, "FREQ=MONTHLY;BYDAY=1MO"),
        (f"due-{cy}@netday", dt.date(2026, 12, 13), "Call Cy Dee", 15, None),
    ]  # today's plan (Ana alone, the whole 30 minutes), then by day; Eve is archived
    assert items[0].description.splitlines() == [
        "overdue by 1 day (1-day cadence)",
        "CTO at Acme",
        "+1 555 0100",
        "ana@acme.example",
        "mentor",
    ]
    assert items[2].description == "due: first Monday of each month"
    assert [i.title for i in calendar_items(seeded, days=3)] == ["Call Ana Lima"]
    assert not any(i.uid.startswith("birthday-") for i in items)  # Ana's is in April
    assert [i.title for i in calendar_items(seeded, days=4)] == [
        "Call Ana Lima",
        "Follow up with Cy Dee",
    ]


def test_week_reviews_are_the_seven_days_ending_on_the_day(seeded: Context) -> None:
    reviews = week_reviews(seeded, dt.date(2026, 11, 21))
    assert [r.date for r in reviews] == [
        dt.date(2026, 11, 15) + dt.timedelta(days=n) for n in range(7)
    ]
    assert [len(r.interactions) for r in reviews][-2:] == [1, 1]
    assert [r.date for r in week_reviews(seeded)][-1] == TODAY


def test_birthdays_in_the_window_are_events_on_the_day_the_plan_keeps(seeded: Context, cli) -> None:
    """One event a birthday in the window (a message will do); 29 February on 28
    February in a year without one; archived people and anniversaries left out."""
    for args in (
        ("Lea Leap", "--birthday", "1992-02-29", "--every", "6 months"),
        ("Old Friend", "--birthday", "1980-12-01", "--every", "6 months"),
        ("Kai Lund", "--connected", "2020-11-30", "--every", "6 months"),
    ):
        assert cli("contact", "add", *args).code == 0
    assert cli("contact", "edit", "Eve", "--birthday", "1970-11-30").code == 0  # archived
    items = [i for i in calendar_items(seeded, days=120) if i.uid.startswith("birthday-")]
    assert [(i.day, i.title, i.minutes) for i in items] == [
        (dt.date(2026, 12, 1), "Birthday: Old Friend", 5),
        (dt.date(2027, 2, 28), "Birthday: Lea Leap", 5),
    ]
    assert items[0].description.splitlines()[0] == "birthday: a message will do"
    assert not [i for i in calendar_items(seeded, days=9) if i.uid.startswith("birthday-")]
