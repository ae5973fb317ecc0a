"""Calls have outcomes: only an answered call restarts the cadence; a call not answered
brings the person back to the top of the next day's plan, with why, for `call_tries`
tries, after which the plan says once that it stops insisting."""

from __future__ import annotations

import datetime as dt

import pytest

from netday.clock import ManualClock
from netday.errors import NetdayError
from netday.services.contacts import show_contact
from netday.services.context import Context
from netday.services.journal import InteractionChanges, edit_interaction, log_interaction
from netday.services.planner import plan_for
from netday.services.settings import change_setting
from tests.services.helpers import person

DAY = dt.timedelta(days=1)


def first(ctx: Context) -> tuple[str, str]:
    call = plan_for(ctx).calls[0]
    return call.contact.name, call.reason


@pytest.fixture
def ana(ctx: Context) -> Context:
    """Ana is barely overdue; four others are far more overdue and fill the plan."""
    person(ctx, "Ana Souza", last_call_days_ago=22)
    for n, days in enumerate((60, 55, 50, 45)):
        person(ctx, f"Other{n} Person", tier="A", last_call_days_ago=days)
    return ctx


def test_unanswered_calls_keep_the_cadence_and_come_back_until_the_plan_stops_insisting(
    ana: Context, clock: ManualClock
) -> None:
    ctx = ana  # today is Sunday 22 Nov
    before = show_contact(ctx, "ana")
    due, last = before.summary.next_due, before.last_conversation
    assert "Ana Souza" not in [c.contact.name for c in plan_for(ctx).calls]
    called = log_interaction(ctx, "ana", kind="call", outcome="no-answer", summary="voicemail")
    assert called.outcome == "no-answer"
    clock.advance(DAY)
    assert first(ctx) == ("Ana Souza", "tried Sunday, no answer")
    log_interaction(ctx, "ana", kind="video", outcome="message")
    today = plan_for(ctx).calls[0]
    assert (today.status, today.outcome) == ("done", "message")  # attempted: ticked
    clock.advance(DAY)
    assert first(ctx) == ("Ana Souza", "left a message Monday")
    log_interaction(ctx, "ana", kind="call", outcome="no-answer")
    clock.advance(DAY)
    assert first(ctx) == ("Ana Souza", "3 tries without an answer: try another way")
    clock.advance(DAY)  # said once: then Ana is planned like anyone overdue again
    assert first(ctx)[0] != "Ana Souza"
    summary = show_contact(ctx, "ana")
    assert (summary.summary.next_due, summary.last_conversation) == (due, last)


def test_an_answered_call_restarts_the_cadence_and_ends_the_tries(
    ana: Context, clock: ManualClock
) -> None:
    ctx = ana
    change_setting(ctx, "call_tries", "1")
    tried = log_interaction(ctx, "ana", kind="call", outcome="no-answer")
    clock.advance(DAY)
    assert first(ctx) == ("Ana Souza", "1 try without an answer: try another way")
    edit_interaction(ctx, tried.id, InteractionChanges(outcome="answered"))
    assert show_contact(ctx, "ana").summary.next_due == dt.date(2026, 12, 13)
    log_interaction(ctx, "ana", kind="call", outcome="no-answer", at=clock.now())
    log_interaction(ctx, "ana", kind="call", summary="called back")  # answered by default
    clock.advance(DAY)
    assert first(ctx)[0] != "Ana Souza"
    assert show_contact(ctx, "ana").summary.next_due == dt.date(2026, 12, 14)


def test_only_a_call_can_go_unanswered(ctx: Context) -> None:
    person(ctx, "Ana Souza")
    with pytest.raises(NetdayError, match="only a call or a video call"):
        log_interaction(ctx, "ana", kind="meeting", outcome="no-answer")
    with pytest.raises(NetdayError, match="outcome must be one of answered, no-answer"):
        log_interaction(ctx, "ana", kind="call", outcome="busy")
    assert log_interaction(ctx, "ana", kind="email").outcome is None
