"""Triage as a service: the queue, the counts, every decision, cadences from settings.

The command line's view of the same is in tests/io/test_triage.py; here the service is
called directly on people brought in by `run_import`, as the readers do.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from netday.errors import NetdayError
from netday.services.context import Context
from netday.services.importing import run_import
from netday.services.records import ImportBatch, Origin, PersonRecord
from netday.services.settings import change_setting
from netday.services.triage import decide, triage_counts, triage_queue
from netday.store.models import Contact

CONNECTED = {
    "Ana Souza": dt.date(2026, 11, 1),
    "Bo Chen": dt.date(2026, 11, 15),
    "Cy Long": None,
    "Di Park": dt.date(2026, 10, 2),
    "Ed Hale": dt.date(2026, 9, 9),
    "Flo Diaz": dt.date(2026, 8, 8),
}


@pytest.fixture
def imported(ctx: Context) -> dict[str, int]:
    """Six people just imported, waiting for triage; their ids by name."""
    records = tuple(
        PersonRecord(
            Origin("Connections.csv", line),
            "linkedin",
            name,
            company="Acme",
            profile_url=f"https://www.linkedin.com/in/{name.split()[0].lower()}",
            connected_on=connected,
        )
        for line, (name, connected) in enumerate(CONNECTED.items(), start=2)
    )
    assert run_import(ctx, ImportBatch("linkedin", ("Connections.csv",), people=records)).created
    return {item.name: item.id for item in triage_queue(ctx)}


def stored(ctx: Context, cid: int) -> Contact:
    with ctx.db.reading() as s:
        contact = s.get_one(Contact, cid)
        s.expunge(contact)
        return contact


def test_the_queue_shows_the_most_recently_connected_first(
    ctx: Context, imported: dict[str, int]
) -> None:
    names = [item.name for item in triage_queue(ctx)]
    assert names == ["Bo Chen", "Ana Souza", "Di Park", "Ed Hale", "Flo Diaz", "Cy Long"]
    assert [i.name for i in triage_queue(ctx, limit=2, after=2)] == ["Di Park", "Ed Hale"]
    first = triage_queue(ctx, limit=1)[0]
    assert (first.company, first.connected_on, first.skipped) == (
        "Acme",
        CONNECTED["Bo Chen"],
        False,
    )
    with pytest.raises(NetdayError, match="between 1 and"):
        triage_queue(ctx, limit=0)


def test_skipped_people_wait_behind_the_others_and_archived_ones_leave(
    ctx: Context, imported: dict[str, int]
) -> None:
    decide(ctx, imported["Bo Chen"], "s")
    decide(ctx, imported["Ana Souza"], "x")
    queue = triage_queue(ctx)
    assert [i.name for i in queue] == ["Di Park", "Ed Hale", "Flo Diaz", "Cy Long", "Bo Chen"]
    assert queue[-1].skipped
    counts = triage_counts(ctx)
    assert (counts.pending, counts.skipped, counts.total) == (4, 1, 5)


def test_each_decision(ctx: Context, imported: dict[str, int]) -> None:
    today = ctx.today()
    outcomes = {
        name: decide(ctx, imported[name], choice)
        for name, choice in (
            ("Ana Souza", "a"),
            ("Bo Chen", "B"),
            ("Cy Long", " c "),
            ("Di Park", "p"),
            ("Ed Hale", "skip"),
            ("Flo Diaz", "archive"),
        )
    }
    assert {n: o.decision for n, o in outcomes.items()} == {
        "Ana Souza": "a",
        "Bo Chen": "b",
        "Cy Long": "c",
        "Di Park": "personal",
        "Ed Hale": "skip",
        "Flo Diaz": "archive",
    }
    for name, tier, cadence in (
        ("Ana Souza", "A", "every 3 weeks"),
        ("Bo Chen", "B", "every 2 months"),
        ("Cy Long", "C", "every 4 months"),
    ):
        contact = stored(ctx, imported[name])
        outcome = outcomes[name]
        assert (contact.tier, contact.triage, outcome.cadence) == (tier, None, cadence)
        assert contact.cadence_kind == "relative"
        assert outcome.next_due == contact.next_due_on and today < contact.next_due_on
        assert outcome.text == (
            f"{name}: tier {tier}, {cadence}, first call {contact.next_due_on.isoformat()}"
        )
    personal = stored(ctx, imported["Di Park"])
    assert (personal.circle, personal.tier, personal.triage) == ("personal", "B", None)
    assert outcomes["Di Park"].cadence == "every 2 months"  # the personal circle's
    skipped = stored(ctx, imported["Ed Hale"])
    assert (skipped.triage, skipped.cadence_kind, skipped.archived) == ("skipped", None, False)
    assert outcomes["Ed Hale"].text == "Ed Hale: skipped for now"
    archived = stored(ctx, imported["Flo Diaz"])
    assert (archived.triage, archived.archived) == (None, True)
    assert triage_counts(ctx).total == 1


def test_tier_cadences_and_the_personal_one_come_from_the_settings(
    ctx: Context, imported: dict[str, int]
) -> None:
    change_setting(ctx, "tier_a_cadence", "10 days")
    change_setting(ctx, "tier_c_cadence", "6 months")
    change_setting(ctx, "personal_cadence", "5 weeks")
    change_setting(ctx, "default_cadence", "7 weeks")  # the professional circle's: unused
    assert decide(ctx, imported["Ana Souza"], "a").cadence == "every 10 days"
    assert decide(ctx, imported["Bo Chen"], "c").cadence == "every 6 months"
    assert decide(ctx, imported["Cy Long"], "personal").cadence == "every 5 weeks"
    ana = stored(ctx, imported["Ana Souza"])
    assert (ana.cadence_every, ana.cadence_unit) == (10, "days")
    # The first call lands within the cadence, never on top of today.
    assert ctx.today() < ana.next_due_on <= ctx.today() + dt.timedelta(days=10)


def test_first_calls_of_a_batch_are_spread(ctx: Context, imported: dict[str, int]) -> None:
    days = {decide(ctx, cid, "a").next_due for cid in imported.values()}
    assert len(days) == len(imported)


def test_a_wrong_decision_or_person_changes_nothing(ctx: Context, imported: dict[str, int]) -> None:
    with pytest.raises(NetdayError, match="unknown triage decision"):
        decide(ctx, imported["Ana Souza"], "maybe")
    with pytest.raises(NetdayError):
        decide(ctx, 999, "a")
    decide(ctx, imported["Flo Diaz"], "archive")
    with pytest.raises(NetdayError):
        decide(ctx, "flo", "a")  # by name, an archived person is nobody to triage
    assert triage_counts(ctx).pending == 5
    with ctx.db.reading() as s:
        assert (
            s.scalar(select(Contact.triage).where(Contact.id == imported["Ana Souza"])) == "pending"
        )


def test_people_placed_into_an_empty_plan_join_todays_plan(
    ctx: Context, imported: dict[str, int]
) -> None:
    from netday.services.planner import plan_for

    assert plan_for(ctx).calls == ()  # the day was opened before triage
    first = decide(ctx, imported["Ana Souza"], "a")
    assert first.in_today_plan and first.text.endswith("; in today's plan")
    assert [c.contact.name for c in plan_for(ctx).calls] == ["Ana Souza"]
    assert decide(ctx, imported["Bo Chen"], "a").in_today_plan
    # Two from one company is the most a plan takes (everyone here is at Acme).
    third = decide(ctx, imported["Cy Long"], "a")
    assert not third.in_today_plan and third.next_due is not None
    assert third.text.endswith(f"first call {third.next_due.isoformat()}")
    assert [c.contact.name for c in plan_for(ctx).calls] == ["Ana Souza", "Bo Chen"]


def test_a_day_not_yet_planned_is_planned_with_them(ctx: Context, imported: dict[str, int]):
    from netday.services.planner import plan_for

    outcome = decide(ctx, imported["Ana Souza"], "a")
    assert not outcome.in_today_plan and outcome.next_due is not None
    assert "first call" in outcome.text
    assert [c.contact.name for c in plan_for(ctx).calls] == ["Ana Souza"]


def test_untriaged_people_are_not_tier_b_until_placed(ctx: Context, imported: dict[str, int]):
    from netday.services.contacts import list_contacts, show_contact

    ana = show_contact(ctx, str(imported["Ana Souza"])).summary
    assert ana.untriaged and ana.tier_text == "untriaged"
    decide(ctx, imported["Ana Souza"], "b")
    listed = {c.name: c for c in list_contacts(ctx)}
    assert listed["Ana Souza"].tier_text == "tier B" and not listed["Ana Souza"].untriaged
    assert listed["Bo Chen"].untriaged
