import datetime as dt

import pytest
from sqlalchemy import func, select

from netday.errors import NetdayError
from netday.services.journal import log_interaction
from netday.services.planner import plan_for, skip_call, snooze_contact
from netday.services.settings import change_setting
from netday.store.models import PlanItem
from tests.services.helpers import person


def names(plan) -> list[str]:
    return [c.contact.name for c in plan.calls]


def test_plan_picks_the_most_overdue_with_reasons_and_is_stable(ctx) -> None:
    person(ctx, "Ana Souza", last_call_days_ago=33)
    person(ctx, "Bruno Martin", last_call_days_ago=25)
    person(ctx, "Chloé Dubois", last_call_days_ago=22)
    person(ctx, "Dmitri Petrov", last_call_days_ago=2)
    first = plan_for(ctx)
    assert names(first) == ["Ana Souza", "Bruno Martin", "Chloé Dubois"]
    assert first.calls[0].reason == "overdue by 12 days (3-week cadence)"
    person(ctx, "Elena Rossi", last_call_days_ago=60)
    assert plan_for(ctx) == first


def test_logging_a_call_marks_the_planned_contact_done(ctx) -> None:
    ana = person(ctx, "Ana Souza", last_call_days_ago=30)
    person(ctx, "Bruno Martin", last_call_days_ago=30)
    plan_for(ctx)
    log_interaction(ctx, "ana", kind="call", summary="How are you?", minutes=8)
    plan = plan_for(ctx)
    status = {c.contact.name: c.status for c in plan.calls}
    assert status == {"Ana Souza": "done", "Bruno Martin": "planned"}
    assert plan.done == 1
    assert plan.calls[0].contact.next_due == ctx.today() + dt.timedelta(weeks=3)
    assert ana.id == plan.calls[0].contact.id


def test_a_light_touch_does_not_count_as_the_call(ctx) -> None:
    ana = person(ctx, "Ana Souza", last_call_days_ago=30)
    plan_for(ctx)
    log_interaction(ctx, "ana", kind="like")
    plan = plan_for(ctx)
    assert plan.calls[0].status == "planned"
    assert plan.calls[0].contact.next_due == ana.next_due


def test_the_plan_resizes_when_the_minutes_change(ctx) -> None:
    for i, name in enumerate(["Ana A", "Bob B", "Cem C", "Dan D", "Eve E", "Fay F"]):
        person(ctx, name, last_call_days_ago=40 - i)
    assert len(plan_for(ctx).calls) == 3
    grown = plan_for(ctx, minutes=50)
    assert names(grown) == ["Ana A", "Bob B", "Cem C", "Dan D", "Eve E"]
    log_interaction(ctx, "Eve E", kind="call")
    shrunk = plan_for(ctx, minutes=30)
    assert names(shrunk) == ["Ana A", "Bob B", "Eve E"]
    assert shrunk.minutes == 30


def test_no_more_than_two_calls_from_one_company(ctx) -> None:
    for i in range(4):
        person(ctx, f"Acme Person{i}", company="Acme", last_call_days_ago=40 + i)
    person(ctx, "Solo Person", company="Other", last_call_days_ago=23)
    plan = plan_for(ctx)
    assert sum(1 for c in plan.calls if c.contact.company == "Acme") == 2
    assert "Solo Person" in names(plan)


def test_skip_keeps_the_contact_due_and_snooze_hides_them(ctx, clock) -> None:
    person(ctx, "Ana Souza", last_call_days_ago=30)
    person(ctx, "Bruno Martin", last_call_days_ago=30)
    plan_for(ctx)
    skipped = skip_call(ctx, "ana")
    assert {c.contact.name: c.status for c in skipped.calls}["Ana Souza"] == "skipped"
    snoozed = snooze_contact(ctx, "bruno", ctx.today() + dt.timedelta(days=2))
    assert {c.contact.name: c.status for c in snoozed.calls}["Bruno Martin"] == "snoozed"

    clock.advance(dt.timedelta(days=1))
    assert names(plan_for(ctx)) == ["Ana Souza"]
    clock.advance(dt.timedelta(days=1))
    assert set(names(plan_for(ctx))) == {"Ana Souza", "Bruno Martin"}


def test_skip_of_someone_not_planned_is_an_error_and_writes_nothing(ctx) -> None:
    person(ctx, "Ana Souza", last_call_days_ago=1)
    with pytest.raises(NetdayError, match="not in today's plan"):
        skip_call(ctx, "ana")
    with ctx.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(PlanItem)) == 0


def test_plan_size_follows_settings(ctx) -> None:
    for i in range(8):
        person(ctx, f"Person {chr(65 + i)}", last_call_days_ago=30)
    change_setting(ctx, "minutes_per_call", "5")
    change_setting(ctx, "max_calls", "6")
    assert len(plan_for(ctx).calls) == 6


def test_contacts_added_in_bulk_do_not_fall_due_on_one_day(ctx) -> None:
    dues = {person(ctx, f"New Person {i:02d}", every="4 weeks").next_due for i in range(40)}
    assert len(dues) >= 15
    assert all(ctx.today() <= d < ctx.today() + dt.timedelta(weeks=4) for d in dues)


def test_the_short_list_widens_when_one_company_fills_it(ctx, monkeypatch) -> None:
    from netday.services import planner

    monkeypatch.setattr(planner, "SHORTLIST", 2)
    for i in range(6):
        person(ctx, f"Acme Person{i}", company="Acme", last_call_days_ago=60 + i)
    person(ctx, "Other One", company="Globex", last_call_days_ago=25)
    person(ctx, "Other Two", last_call_days_ago=24)
    plan = plan_for(ctx)
    assert sorted(names(plan)) == ["Acme Person4", "Acme Person5", "Other One"]


def test_sql_ranking_agrees_with_the_planner_rules(ctx) -> None:
    """The shortlist is ranked in SQL; the pure rules must rank it the same way."""
    from netday.scheduling.plan import choose_calls
    from netday.services.planner import shortlist

    for i, (every, late, tier) in enumerate(
        [
            ("3 weeks", 30, "C"),
            ("quarterly", 120, "A"),
            ("10 days", 14, "B"),
            ("2 months", 70, "A"),
            ("1 week", 9, "C"),
            ("monthly", 33, "B"),
        ]
    ):
        person(ctx, f"Person {i}", every=every, tier=tier, last_call_days_ago=late)
    with ctx.db.reading() as session:
        short, _ = shortlist(session, ctx.today(), limit=3)
        full, _ = shortlist(session, ctx.today(), limit=100)
    best_short = [p.contact_id for p in choose_calls(short, ctx.today(), 3)]
    best_full = [p.contact_id for p in choose_calls(full, ctx.today(), 3)]
    assert best_short == best_full


def test_searching_contacts_by_words_of_name_and_company_in_any_order(ctx) -> None:
    from netday.services.contacts import list_contacts

    person(ctx, "Ana Souza", company="Kestrel Capital")
    person(ctx, "Anatole Dubois", company="Northwind")
    assert [c.name for c in list_contacts(ctx, search="souza kest")] == ["Ana Souza"]
    assert [c.name for c in list_contacts(ctx, search="KESTREL ana")] == ["Ana Souza"]
    assert [c.name for c in list_contacts(ctx, search="an")] == ["Ana Souza", "Anatole Dubois"]
    assert list_contacts(ctx, search="souza north") == []
