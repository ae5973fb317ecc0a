"""The promise ledger: both ways, due dates, done and undone, in the plan and the review,
each change stored as asked and taken back exactly."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from netday.errors import NetdayError, NotFound
from netday.services import promises
from netday.services.contacts import delete_contact
from netday.services.journal import log_interaction
from netday.services.planner import plan_for
from netday.services.review import review_day
from netday.services.undo import undo_last
from netday.store.models import Promise
from tests.services.helpers import person
from tests.services.test_undo import dump


def stored(ctx) -> list[tuple]:
    with ctx.db.reading() as s:
        return [
            (p.contact_id, p.owed_by, p.what, p.due_on, p.done_at)
            for p in s.scalars(select(Promise).order_by(Promise.id))
        ]


def test_a_promise_each_way_is_stored_and_listed_soonest_first(ctx) -> None:
    ana = person(ctx, "Ana Souza")
    friday = promises.read_due(ctx, "friday")
    mine = promises.add_promise(ctx, "ana", "  the deck\x1b[31m ", friday)
    theirs = promises.add_promise(ctx, "ana", "an intro to Bo", ctx.today(), owed_by="them")
    assert stored(ctx) == [
        (ana.id, "me", "the deck[31m", friday, None),
        (ana.id, "them", "an intro to Bo", ctx.today(), None),
    ]
    assert mine.mine and not theirs.mine
    assert [p.id for p in promises.promises_of(ctx, "ana")] == [theirs.id, mine.id]
    assert [p.id for p in promises.list_promises(ctx, due_only=True)] == [theirs.id]
    assert promises.promise_line(mine, ctx.today()) == f"you owe the deck[31m by {friday:%-d %b}"


@pytest.mark.parametrize(
    ("what", "due", "message"),
    [
        ("   ", "friday", "say what was promised"),
        ("x" * 301, "friday", "longer than 300"),
        ("the deck", "yesterday", "cannot be due before it"),
        ("the deck", "", "say by when"),
        ("the deck", "someday", "someday"),
    ],
)
def test_a_promise_that_does_not_read_is_refused_and_nothing_stored(
    ctx, what: str, due: str, message: str
) -> None:
    person(ctx, "Ana Souza")
    with pytest.raises(NetdayError, match=message):
        promises.add_promise(ctx, "ana", what, promises.read_due(ctx, due))
    assert stored(ctx) == []


def test_whose_promise_is_a_closed_set(ctx) -> None:
    person(ctx, "Ana Souza")
    with pytest.raises(NetdayError, match="owed by me, them"):
        promises.add_promise(ctx, "ana", "x", ctx.today(), owed_by="us")


def test_done_undone_edited_deleted_and_each_undone_exactly(ctx) -> None:
    person(ctx, "Ana Souza")
    p = promises.add_promise(ctx, "ana", "the deck", ctx.today())
    for action in (
        lambda: promises.mark_done(ctx, p.id),
        lambda: promises.mark_done(ctx, p.id, done=False),
        lambda: promises.edit_promise(
            ctx, p.id, what="the slides", due=ctx.today() + dt.timedelta(days=3), owed_by="them"
        ),
        lambda: promises.delete_promise(ctx, p.id),
    ):
        before = dump(ctx)
        action()
        assert dump(ctx) != before
        undo_last(ctx)
        assert dump(ctx) == before
        action()
    assert stored(ctx) == []
    before = dump(ctx)
    promises.add_promise(ctx, "ana", "a call back", ctx.today())
    assert undo_last(ctx) == "Noted: you promised Ana Souza a call back"
    assert dump(ctx) == before


def test_marking_twice_or_a_missing_id_is_refused(ctx) -> None:
    person(ctx, "Ana Souza")
    p = promises.add_promise(ctx, "ana", "the deck", ctx.today())
    with pytest.raises(NetdayError, match="still open"):
        promises.mark_done(ctx, p.id, done=False)
    promises.mark_done(ctx, p.id)
    with pytest.raises(NetdayError, match="already done"):
        promises.mark_done(ctx, p.id)
    for missing in (999, 0, 2**40):
        with pytest.raises(NotFound):
            promises.delete_promise(ctx, missing)


def test_a_promise_due_puts_the_person_in_todays_plan_with_the_reason(ctx) -> None:
    person(ctx, "Ana Souza", last_call_days_ago=1)  # not due for weeks
    person(ctx, "Bruno Martin", last_call_days_ago=2)
    person(ctx, "Chloé Petit", last_call_days_ago=3)
    promises.add_promise(ctx, "ana", "the deck", ctx.today())
    promises.add_promise(ctx, "bruno", "the intro", ctx.today(), owed_by="them")
    promises.add_promise(ctx, "chloé", "a reference", ctx.today() + dt.timedelta(days=1))
    calls = {c.contact.name: c for c in plan_for(ctx).calls}
    assert calls["Ana Souza"].reason == "you promised the deck by today"
    assert calls["Bruno Martin"].reason == "Bruno promised the intro by today: ask"
    assert "Chloé Petit" not in calls
    assert [p.what for p in calls["Ana Souza"].promises] == ["the deck"]


def test_a_kept_promise_or_an_archived_person_is_not_planned(ctx) -> None:
    person(ctx, "Ana Souza", last_call_days_ago=1)
    p = promises.add_promise(ctx, "ana", "the deck", ctx.today())
    promises.mark_done(ctx, p.id)
    assert plan_for(ctx).calls == ()


def test_the_review_lists_the_promises_that_came_due(ctx) -> None:
    person(ctx, "Ana Souza")
    kept = promises.add_promise(ctx, "ana", "the deck", ctx.today())
    still = promises.add_promise(ctx, "ana", "the intro", ctx.today(), owed_by="them")
    promises.add_promise(ctx, "ana", "later", ctx.today() + dt.timedelta(days=5))
    promises.mark_done(ctx, kept.id)
    got = review_day(ctx).promises_due
    assert [(p.id, p.is_open) for p in got] == [(kept.id, False), (still.id, True)]


def test_a_promise_outlives_the_call_it_was_made_in_and_goes_with_the_person(ctx) -> None:
    ana = person(ctx, "Ana Souza")
    call = log_interaction(ctx, "ana", kind="call", summary="talked")
    with ctx.db.transaction() as s:
        from netday.store.models import Contact

        promises.record_promise(
            s,
            s.get_one(Contact, ana.id),
            owed_by="me",
            what="the deck",
            due=ctx.today(),
            now=ctx.now(),
            interaction_id=call.id,
        )
    from netday.services.journal import delete_interaction

    delete_interaction(ctx, call.id)
    (p,) = promises.promises_of(ctx, "ana")
    assert p.interaction_id is None
    delete_contact(ctx, str(ana.id))
    assert stored(ctx) == []


def test_open_promises_of_a_plan_are_one_query_bounded_per_person(ctx) -> None:
    ana = person(ctx, "Ana Souza")
    for n in range(8):
        promises.add_promise(ctx, "ana", f"thing {n}", ctx.today() + dt.timedelta(days=n))
    with ctx.db.reading() as s:
        got = promises.open_promises_of(s, [ana.id], per_contact=3)
    assert [p.what for p in got[ana.id]] == ["thing 0", "thing 1", "thing 2"]
