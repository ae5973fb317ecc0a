"""What a planned call starts from (the last conversation, what was promised), and why an
empty plan is empty: read with the plan, in a bounded number of queries."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import event

from netday.services.journal import log_interaction
from netday.services.planner import last_talks, plan_for, snooze_contact
from netday.services.review import today_overview
from netday.services.settings import change_setting
from netday.services.views import LastTalk, NextDue, Promise
from tests.services.helpers import person


def test_each_call_carries_the_last_conversation_and_the_open_promise(ctx) -> None:
    person(ctx, "Ana Souza", last_call_days_ago=33)
    person(ctx, "Bruno Martin", last_call_days_ago=25)
    long_ago = ctx.now() - dt.timedelta(days=20)
    log_interaction(
        ctx,
        "ana",
        kind="meeting",
        at=long_ago,
        summary="Coffee: she is hiring two designers",
        minutes=30,
        follow_up_on=ctx.today() + dt.timedelta(days=4),
    )
    # A like later on is a light touch, not what the call starts from.
    log_interaction(ctx, "ana", kind="like", at=long_ago + dt.timedelta(days=1))
    calls = {c.contact.name: c for c in plan_for(ctx).calls}
    ana, bruno = calls["Ana Souza"], calls["Bruno Martin"]
    assert ana.last_talk == LastTalk(
        at=long_ago, kind="meeting", summary="Coffee: she is hiring two designers", minutes=30
    )
    assert ana.promise == Promise(
        due=ctx.today() + dt.timedelta(days=4), kind="promised", since=long_ago.date()
    )
    assert bruno.last_talk is not None and bruno.last_talk.summary == "catch-up"
    assert bruno.promise is None


def test_someone_only_liked_has_no_last_conversation(ctx) -> None:
    ana = person(ctx, "Ana Souza")
    talked = person(ctx, "Bruno Martin", last_call_days_ago=3)
    log_interaction(ctx, "ana", kind="like")
    with ctx.db.reading() as session:
        talks = last_talks(session, [ana.id, talked.id])
    assert list(talks) == [talked.id]
    assert last_talks_of_nobody(ctx) == {}


def last_talks_of_nobody(ctx) -> dict:
    with ctx.db.reading() as session:
        return last_talks(session, [])


def statements_while(ctx, action) -> int:
    seen: list[str] = []

    def count(conn, cursor, statement, *args) -> None:
        seen.append(statement)

    for engine in {ctx.db.engine, ctx.db.read_engine.engine}:
        event.listen(engine, "before_cursor_execute", count)
    try:
        action()
    finally:
        for engine in {ctx.db.engine, ctx.db.read_engine.engine}:
            event.remove(engine, "before_cursor_execute", count)
    return len(seen)


def test_the_context_of_every_call_costs_the_same_queries_for_three_calls_or_five(ctx) -> None:
    for i, name in enumerate(["Ana A", "Bob B", "Cem C", "Dan D", "Eve E", "Fay F"]):
        person(ctx, name, last_call_days_ago=40 - i)
    plan_for(ctx)
    three = statements_while(ctx, lambda: plan_for(ctx))
    plan_for(ctx, minutes=50)
    assert len(plan_for(ctx).calls) == 5
    five = statements_while(ctx, lambda: plan_for(ctx))
    assert three == five


def test_an_empty_plan_says_who_comes_due_next_and_when(ctx) -> None:
    ana = person(ctx, "Ana Souza", last_call_days_ago=1)  # due in 20 days
    bruno = person(ctx, "Bruno Martin", every="2 months", last_call_days_ago=1)
    view = today_overview(ctx)
    assert view.plan.calls == ()
    assert view.contacts == 2
    assert view.next_due == NextDue(ana.id, "Ana Souza", ctx.today() + dt.timedelta(days=20))
    # A promised follow-up comes first when it is sooner than any cadence.
    log_interaction(ctx, "bruno", kind="email", follow_up_on=ctx.today() + dt.timedelta(days=9))
    assert today_overview(ctx).next_due == NextDue(
        bruno.id, "Bruno Martin", ctx.today() + dt.timedelta(days=9)
    )


def test_a_snoozed_contact_comes_due_when_the_snooze_ends(ctx, clock) -> None:
    person(ctx, "Ana Souza", last_call_days_ago=30)
    change_setting(ctx, "min_calls", "1")
    change_setting(ctx, "max_calls", "1")
    snooze_contact(ctx, "ana", ctx.today() + dt.timedelta(days=30))
    view = today_overview(ctx)
    assert [c.status for c in view.plan.calls] == ["snoozed"]
    assert view.next_due is None  # not read: the plan is not empty
    clock.advance(dt.timedelta(days=1))
    view = today_overview(ctx)
    assert view.plan.calls == ()
    assert view.next_due is not None and view.next_due.due == ctx.today() + dt.timedelta(days=29)


def test_a_populated_plan_reads_no_reasons(ctx) -> None:
    person(ctx, "Ana Souza", last_call_days_ago=30)
    view = today_overview(ctx)
    assert view.plan.calls and view.contacts == 0 and view.next_due is None
