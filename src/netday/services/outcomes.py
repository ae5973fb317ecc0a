"""Calls have outcomes (PRODUCT.md, practice 3): which logged interactions were
conversations, as SQL every query shares, and the unanswered tries that bring a person
back to the next day's plan.

A call or a video call is answered, not answered, or a message left (`CallOutcome`).
Only an answered one (or any other conversation) restarts the cadence, fulfils a
promise and is the "last talk"; every one of them, answered or not, ticks that day's
plan (the attempt was made). `scheduling.kinds.is_answered` is the same rule in Python.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from sqlalchemy import ColumnElement, and_, exists, or_, select
from sqlalchemy.orm import Session, aliased

from netday.cleaning import quoted
from netday.errors import NetdayError
from netday.scheduling.kinds import CALL_KINDS, CONVERSATION_KINDS
from netday.scheduling.plan import TRIES_REMEMBERED_DAYS, Tries
from netday.store.models import Interaction, PlanItem
from netday.vocabulary import UNANSWERED, CallOutcome, listed, values

TRIES_READ = 1000
"""At most this many unanswered calls are read for one plan (the newest): a handful is
usual, so the bound only keeps a pathological log from slowing the day down."""


def answered(row: type[Interaction] = Interaction) -> ColumnElement[bool]:
    """SQL: `row` (the model or an alias of it) is a conversation that happened, which
    restarts a cadence. A call without an outcome was answered (`is_answered`)."""
    return and_(
        row.kind.in_(CONVERSATION_KINDS),
        or_(row.outcome.is_(None), row.outcome.not_in(UNANSWERED)),
    )


def has_outcome(kind: str) -> bool:
    """Whether an interaction of this kind has an outcome: a call or a video call (the
    forms show the outcome choice for these kinds only)."""
    return kind in CALL_KINDS


def check_outcome(kind: str, outcome: str | None) -> str | None:
    """The outcome stored for an interaction of `kind`: a call's (answered unless said
    otherwise), none for other kinds; `NetdayError` for a word outside `CallOutcome` or
    an unanswered meeting."""
    if outcome is not None and outcome not in values(CallOutcome):
        raise NetdayError(f"outcome must be one of {listed(CallOutcome)}, not {quoted(outcome)}")
    if has_outcome(kind):
        return outcome or CallOutcome.ANSWERED
    if outcome not in (None, CallOutcome.ANSWERED):
        raise NetdayError(f"only a call or a video call can go unanswered, not a {kind}")
    return None


def open_tries(session: Session, day: dt.date, limit: int) -> dict[int, Tries]:
    """The people with calls that went unanswered before `day` and no conversation
    since, each with their `Tries` (`limit` is the `call_tries` setting). A person who
    reached the limit is `told` once a plan after the last try has held them."""
    start = dt.datetime.combine(day - dt.timedelta(days=TRIES_REMEMBERED_DAYS), dt.time())
    later = aliased(Interaction)
    talked_since = exists().where(  # of two at the same minute, the one logged last
        later.contact_id == Interaction.contact_id,
        or_(
            later.occurred_at > Interaction.occurred_at,
            and_(later.occurred_at == Interaction.occurred_at, later.id > Interaction.id),
        ),
        answered(later),
    )
    rows = session.execute(
        select(Interaction.contact_id, Interaction.occurred_at, Interaction.outcome)
        .where(
            Interaction.kind.in_(CALL_KINDS),
            Interaction.outcome.in_(UNANSWERED),
            Interaction.occurred_at >= start,
            Interaction.occurred_at < dt.datetime.combine(day, dt.time()),
            ~talked_since,
        )
        .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
        .limit(TRIES_READ)
    ).all()
    found: dict[int, Tries] = {}
    for row in rows:  # newest first: the first row of a person is their last try
        seen = found.get(row.contact_id)
        if seen is None:
            found[row.contact_id] = Tries(1, row.occurred_at.date(), row.outcome, limit)
        else:
            found[row.contact_id] = Tries(seen.count + 1, seen.last_on, seen.outcome, limit)
    done = [cid for cid, tries in found.items() if not tries.insists]
    if done:
        held = session.execute(
            select(PlanItem.contact_id, PlanItem.plan_date).where(
                PlanItem.contact_id.in_(done), PlanItem.plan_date < day
            )
        )
        for cid, plan_date in held:
            tries = found[cid]
            if plan_date > tries.last_on:
                found[cid] = Tries(tries.count, tries.last_on, tries.outcome, limit, told=True)
    return found


def outcomes_on(session: Session, contact_ids: Collection[int], day: dt.date) -> dict[int, str]:
    """How the calls with these people on `day` went: answered if any conversation
    that day was, else the last try's outcome (the mark of a plan's call)."""
    if not contact_ids:
        return {}
    start = dt.datetime.combine(day, dt.time())
    rows = session.execute(
        select(Interaction.contact_id, Interaction.outcome)
        .where(
            Interaction.contact_id.in_(contact_ids),
            Interaction.kind.in_(CONVERSATION_KINDS),
            Interaction.occurred_at >= start,
            Interaction.occurred_at < start + dt.timedelta(days=1),
        )
        .order_by(Interaction.occurred_at, Interaction.id)
    )
    found: dict[int, str] = {}
    for cid, outcome in rows:
        if found.get(cid) != CallOutcome.ANSWERED:
            found[cid] = CallOutcome.ANSWERED if outcome not in UNANSWERED else outcome
    return found
