import datetime as dt

import pytest
from sqlalchemy import func, select

from netday.errors import NetdayError
from netday.scheduling.cadence import Cadence
from netday.services.contacts import ContactFields, add_contact, show_contact
from netday.services.journal import log_interaction
from netday.services.planner import plan_for
from netday.store.models import Interaction
from tests.services.helpers import person


def test_a_conversation_restarts_the_relative_cadence(ctx) -> None:
    person(ctx, "Ana Souza", every="10 days", last_call_days_ago=15)
    log_interaction(ctx, "ana", kind="email", at=ctx.now() - dt.timedelta(days=3))
    detail = show_contact(ctx, "ana")
    assert detail.summary.next_due == ctx.today() + dt.timedelta(days=7)
    assert detail.last_conversation == ctx.today() - dt.timedelta(days=3)


def test_a_calendar_cadence_is_due_on_its_first_occurrence_after_the_last_talk(ctx) -> None:
    add_contact(
        ctx,
        ContactFields(full_name="Ana Souza", cadence=Cadence.parse_rrule("FREQ=MONTHLY;BYDAY=1MO")),
    )
    log_interaction(ctx, "ana", kind="call", at=dt.datetime(2026, 11, 2, 10))
    assert show_contact(ctx, "ana").summary.next_due == dt.date(2026, 12, 7)


def test_a_promised_follow_up_tops_the_plan_and_is_fulfilled_by_a_conversation(ctx, clock) -> None:
    for i in range(4):
        person(ctx, f"Overdue {chr(65 + i)}", tier="A", last_call_days_ago=40)
    person(ctx, "Ana Souza", every="3 months", last_call_days_ago=1)
    log_interaction(
        ctx, "ana", kind="call", summary="will send the deck", follow_up_on=dt.date(2026, 11, 25)
    )

    clock.set(dt.datetime(2026, 11, 25, 9, 0))
    plan = plan_for(ctx)
    assert plan.calls[0].contact.name == "Ana Souza"
    assert plan.calls[0].reason == "follow-up promised on 22 Nov"

    log_interaction(ctx, "ana", kind="call")
    assert show_contact(ctx, "ana").follow_up_on is None
    assert plan_for(ctx).calls[0].status == "done"


def test_logging_validates_and_writes_nothing_on_error(ctx) -> None:
    person(ctx, "Ana Souza")
    with pytest.raises(NetdayError, match="future"):
        log_interaction(ctx, "ana", at=ctx.now() + dt.timedelta(days=1))
    with pytest.raises(NetdayError, match="before the interaction"):
        log_interaction(ctx, "ana", follow_up_on=ctx.today() - dt.timedelta(days=1))
    with pytest.raises(NetdayError, match="minutes"):
        log_interaction(ctx, "ana", minutes=-5)
    with pytest.raises(NetdayError, match="no contact matches"):
        log_interaction(ctx, "nobody")
    with ctx.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Interaction)) == 0


def test_gave_and_asked_balance_is_visible_per_person(ctx) -> None:
    person(ctx, "Ana Souza")
    log_interaction(ctx, "ana", kind="email", direction="gave", summary="intro to Bruno")
    log_interaction(ctx, "ana", kind="call", direction="gave")
    log_interaction(ctx, "ana", kind="message", direction="asked", summary="a reference")
    detail = show_contact(ctx, "ana")
    assert (detail.gave, detail.asked) == (2, 1)
    assert [i.kind for i in detail.interactions] == ["message", "call", "email"]
