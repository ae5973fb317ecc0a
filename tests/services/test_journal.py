import datetime as dt

import pytest
from sqlalchemy import func, select

from netday.errors import NetdayError
from netday.scheduling.cadence import Cadence
from netday.services.contacts import ContactFields, add_contact, show_contact
from netday.services.journal import (
    InteractionChanges,
    delete_interaction,
    edit_interaction,
    log_interaction,
)
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


# --- correcting the log: edit and delete, with what they decided derived again ---------


def _status(ctx, name: str) -> str:
    return next(c.status for c in plan_for(ctx).calls if c.contact.name == name)


def test_deleting_todays_call_unticks_the_plan_and_restores_the_cadence(ctx) -> None:
    person(ctx, "Ana Souza", every="10 days", last_call_days_ago=15)
    assert _status(ctx, "Ana Souza") == "planned"
    before = show_contact(ctx, "ana")
    logged = log_interaction(ctx, "ana", kind="call", summary="catch-up")
    assert _status(ctx, "Ana Souza") == "done"
    assert show_contact(ctx, "ana").summary.next_due == ctx.today() + dt.timedelta(days=10)

    gone = delete_interaction(ctx, logged.id)

    assert (gone.id, gone.kind, gone.contact_name) == (logged.id, "call", "Ana Souza")
    assert _status(ctx, "Ana Souza") == "planned"
    after = show_contact(ctx, "ana")
    assert after.summary.next_due == before.summary.next_due
    assert after.last_conversation == before.last_conversation
    assert logged.id not in [i.id for i in after.interactions]


def test_moving_todays_call_to_another_day_unticks_today(ctx) -> None:
    person(ctx, "Ana Souza", every="10 days", last_call_days_ago=15)
    assert _status(ctx, "Ana Souza") == "planned"
    logged = log_interaction(ctx, "ana", kind="call")
    yesterday = ctx.now() - dt.timedelta(days=1)
    edited = edit_interaction(ctx, logged.id, InteractionChanges(at=yesterday))
    assert edited.at == yesterday
    assert _status(ctx, "Ana Souza") == "planned"
    assert show_contact(ctx, "ana").summary.next_due == yesterday.date() + dt.timedelta(days=10)
    # and back to today: ticked again, as logging it today would have
    edit_interaction(ctx, logged.id, InteractionChanges(at=ctx.now()))
    assert _status(ctx, "Ana Souza") == "done"


def test_a_call_turned_into_a_like_no_longer_counts_as_a_conversation(ctx) -> None:
    person(ctx, "Ana Souza", every="10 days", last_call_days_ago=15)
    assert _status(ctx, "Ana Souza") == "planned"
    logged = log_interaction(ctx, "ana", kind="call")
    edit_interaction(ctx, logged.id, InteractionChanges(kind="email"))
    assert _status(ctx, "Ana Souza") == "done"
    edit_interaction(ctx, logged.id, InteractionChanges(kind="like"))
    assert _status(ctx, "Ana Souza") == "planned"
    assert show_contact(ctx, "ana").last_conversation == ctx.today() - dt.timedelta(days=15)


def test_the_promised_follow_up_follows_what_remains(ctx) -> None:
    person(ctx, "Ana Souza", every="3 months", last_call_days_ago=20)
    friday = dt.date(2026, 11, 27)
    promise = log_interaction(
        ctx,
        "ana",
        kind="call",
        at=ctx.now() - dt.timedelta(days=2),
        follow_up_on=friday,
    )
    fulfilled = log_interaction(ctx, "ana", kind="call", summary="sent the deck")
    assert show_contact(ctx, "ana").follow_up_on is None

    delete_interaction(ctx, fulfilled.id)  # the promise stands again
    assert show_contact(ctx, "ana").follow_up_on == friday

    edit_interaction(ctx, promise.id, InteractionChanges(follow_up_on=dt.date(2026, 11, 30)))
    assert show_contact(ctx, "ana").follow_up_on == dt.date(2026, 11, 30)

    edit_interaction(ctx, promise.id, InteractionChanges(clear_follow_up=True))
    assert show_contact(ctx, "ana").follow_up_on is None


def test_an_accepted_invitations_first_call_is_not_the_logs_to_undo(ctx) -> None:
    from netday.services.invites import accept_invite, record_received

    invite = record_received(ctx, name="Olga Novak", message="Hello!")
    accept_invite(ctx, invite.id)
    note = log_interaction(ctx, "olga", kind="note", summary="met at the meetup")
    delete_interaction(ctx, note.id)
    assert show_contact(ctx, "olga").follow_up_on == ctx.today()


def test_an_edit_changes_only_what_it_names_and_follows_the_rules_of_logging(ctx) -> None:
    person(ctx, "Ana Souza")
    logged = log_interaction(
        ctx, "ana", kind="meeting", summary="coffee", minutes=30, direction="gave"
    )
    edited = edit_interaction(ctx, logged.id, InteractionChanges(summary="coffee at Lx"))
    assert (edited.kind, edited.minutes, edited.direction, edited.summary) == (
        "meeting",
        30,
        "gave",
        "coffee at Lx",
    )
    edited = edit_interaction(ctx, logged.id, InteractionChanges(clear_minutes=True))
    assert edited.minutes is None and edited.summary == "coffee at Lx"

    refusals = [
        (InteractionChanges(at=ctx.now() + dt.timedelta(days=1)), "future"),
        (InteractionChanges(kind="telepathy"), "kind must be one of"),
        (InteractionChanges(minutes=5000), "minutes"),
        (InteractionChanges(follow_up_on=ctx.today() - dt.timedelta(days=3)), "before"),
        (InteractionChanges(summary="x" * 20_001), "longer than"),
    ]
    for changes, message in refusals:
        with pytest.raises(NetdayError, match=message):
            edit_interaction(ctx, logged.id, changes)
    assert show_contact(ctx, "ana").interactions[0] == edited
    for missing in (0, 999, 2**40):
        with pytest.raises(NetdayError, match="no interaction has"):
            edit_interaction(ctx, missing, InteractionChanges(summary="x"))
        with pytest.raises(NetdayError, match="no interaction has"):
            delete_interaction(ctx, missing)
