"""Dates that matter in the plan (issue 11): a birthday or a connection anniversary
falling today is a reason, within the daily budget, on both backends; the connection
date is edited and checked like any field of a contact."""

from __future__ import annotations

import datetime as dt

import pytest

from netday.errors import NetdayError
from netday.scheduling.cadence import Cadence
from netday.services.contacts import (
    ContactFields,
    add_contact,
    edit_contact,
    set_archived,
    show_contact,
)
from netday.services.context import Context
from netday.services.importing import run_import
from netday.services.planner import plan_for
from netday.services.records import ImportBatch, Origin, PersonRecord
from netday.services.undo import undo_last
from netday.services.views import ContactSummary
from tests.services.helpers import person
from tests.services.test_undo import dump

TODAY = dt.date(2026, 11, 22)


def friend(
    ctx: Context,
    name: str,
    *,
    birthday: dt.date | None = None,
    connected_on: dt.date | None = None,
    circle: str = "personal",
    tier: str = "B",
) -> ContactSummary:
    """Someone not due for weeks (a cadence just restarted), with a date that matters."""
    return add_contact(
        ctx,
        ContactFields(
            full_name=name,
            circle=circle,
            tier=tier,
            birthday=birthday,
            connected_on=connected_on,
            cadence=Cadence.parse_every("6 months"),
        ),
    )


def reasons(ctx: Context) -> dict[str, str]:
    return {c.contact.name: c.reason for c in plan_for(ctx).calls}


def test_a_friends_birthday_today_is_a_reason_and_a_message_will_do(ctx: Context) -> None:
    assert ctx.today() == TODAY
    friend(ctx, "Lena Vogel", birthday=dt.date(1990, 11, 22))
    friend(ctx, "Otto Berg", birthday=dt.date(1990, 11, 23))
    person(ctx, "Ana Souza", last_call_days_ago=40)
    assert reasons(ctx) == {
        "Lena Vogel": "birthday today: a message will do",
        "Ana Souza": "overdue by 19 days (3-week cadence)",
    }


def test_an_anniversary_joins_the_reason_of_a_person_due_anyway(ctx: Context) -> None:
    ana = person(ctx, "Ana Souza", last_call_days_ago=40)
    edit_contact(ctx, str(ana.id), ContactFields(connected_on=dt.date(2021, 11, 22)))
    plan = plan_for(ctx)
    assert [c.reason for c in plan.calls] == [
        "overdue by 19 days (3-week cadence) · connected 5 years ago today"
    ]


def test_a_professional_anniversary_waits_for_room_behind_the_overdue(ctx: Context) -> None:
    for i in range(3):
        person(ctx, f"Due Person{i}", last_call_days_ago=40 + i)
    friend(ctx, "Kai Lund", connected_on=dt.date(2025, 11, 22), circle="professional")
    assert "Kai Lund" not in reasons(ctx)  # three calls, three people due: no room


def test_a_professional_anniversary_fills_a_day_with_room(ctx: Context) -> None:
    person(ctx, "Due Person", last_call_days_ago=40)
    friend(ctx, "Kai Lund", connected_on=dt.date(2025, 11, 22), circle="professional")
    assert reasons(ctx)["Kai Lund"] == "connected 1 year ago today: a message will do"


def test_archived_and_untriaged_people_are_never_planned_for_a_date(ctx: Context) -> None:
    gone = friend(ctx, "Gone Person", birthday=dt.date(1980, 11, 22), tier="A")
    set_archived(ctx, str(gone.id))
    record = PersonRecord(
        Origin("Connections.csv", 2),
        "linkedin",
        "New Import",
        profile_url="https://www.linkedin.com/in/new-import",
        connected_on=dt.date(2020, 11, 22),
    )
    assert run_import(ctx, ImportBatch("linkedin", ("Connections.csv",), people=(record,)))
    assert plan_for(ctx).calls == ()


def test_a_leap_day_birthday_is_planned_on_28_february(ctx: Context, clock) -> None:
    friend(ctx, "Leap Person", birthday=dt.date(1992, 2, 29))
    clock.set(dt.datetime(2027, 2, 28, 9, 0))
    assert reasons(ctx) == {"Leap Person": "birthday today: a message will do"}
    clock.set(dt.datetime(2027, 3, 1, 9, 0))
    assert "Leap Person" not in reasons(ctx)


def test_the_connection_date_is_edited_cleared_and_never_in_the_future(ctx: Context) -> None:
    ana = friend(ctx, "Ana Souza")
    edit_contact(ctx, str(ana.id), ContactFields(connected_on=dt.date(2019, 5, 1)))
    assert show_contact(ctx, str(ana.id)).connected_on == dt.date(2019, 5, 1)
    with pytest.raises(NetdayError, match="in the future"):
        edit_contact(ctx, str(ana.id), ContactFields(connected_on=TODAY + dt.timedelta(days=1)))
    with pytest.raises(NetdayError):
        edit_contact(ctx, str(ana.id), ContactFields(connected_on=dt.date(1500, 1, 1)))
    assert show_contact(ctx, str(ana.id)).connected_on == dt.date(2019, 5, 1)
    edit_contact(ctx, str(ana.id), ContactFields(connected_on=TODAY))  # today is fine
    edit_contact(ctx, str(ana.id), ContactFields(clear_connected_on=True))
    assert show_contact(ctx, str(ana.id)).connected_on is None


def test_editing_the_connection_date_is_undone_exactly(ctx: Context) -> None:
    ana = friend(ctx, "Ana Souza", connected_on=dt.date(2019, 5, 1))
    before = dump(ctx)
    edit_contact(ctx, str(ana.id), ContactFields(connected_on=dt.date(2020, 6, 2)))
    assert dump(ctx) != before
    undo_last(ctx)
    assert dump(ctx) == before
