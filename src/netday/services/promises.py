"""The promise ledger (PRODUCT.md, practice 4): what I promised someone and what they
promised me, each due on a day and done or not.

A promise is a thing owed ("the deck", "an intro to their CTO"); it is kept by marking
it done, not by talking. The follow-up date a logged interaction carries is another
idea, and stays the log's: when to talk again, settled by the next conversation
(`services.journal`). Every change here is one undoable step; the plan reads due
promises through `due_promises`, a planned call its open ones through `open_promises_of`
(one query for the whole plan).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from netday import limits
from netday.cleaning import clean_line, quoted
from netday.errors import NetdayError, NotFound
from netday.scheduling.promises import DuePromise, by_when, first_name
from netday.scheduling.when import in_range, parse_day
from netday.services.circles import in_circle
from netday.services.context import Context
from netday.services.lookup import resolve_contact
from netday.services.undo import undoable
from netday.services.views import PromiseView
from netday.store.models import Contact, Promise
from netday.vocabulary import OwedBy, listed, values

LISTED = 200
"""`netday promise list` shows at most this many (soonest due first) and says so."""
DONE_SHOWN = 5
"""Promises kept, shown on a person's screen after the open ones (so one can be reopened)."""


def promise_view(row: Promise, name: str) -> PromiseView:
    return PromiseView(
        id=row.id,
        contact_id=row.contact_id,
        contact_name=name,
        owed_by=row.owed_by,
        what=row.what,
        due=row.due_on,
        done_at=row.done_at,
        made_on=row.created_at.date(),
        interaction_id=row.interaction_id,
    )


@dataclass(frozen=True)
class NewPromise:
    """A promise made in a conversation, as a form read it (`read_promise`): the call
    is logged and the promise noted in one step (`journal.log_interaction`)."""

    owed_by: str
    what: str
    due: dt.date


# --- the rules ------------------------------------------------------------------------


def check_what(text: str) -> str:
    """What was promised, as one clean line: not empty, at most `limits.PROMISE`."""
    what = clean_line(text, what="a promise", limit=limits.PROMISE)
    if not what:
        raise NetdayError('say what was promised (e.g. "the deck", "an intro to Bo")')
    return what


def check_owed_by(owed_by: str) -> str:
    if owed_by not in values(OwedBy):
        raise NetdayError(f"a promise is owed by {listed(OwedBy)}, not {quoted(owed_by)}")
    return owed_by


def check_due(due: dt.date, made_on: dt.date) -> dt.date:
    """A promise falls due on or after the day it was made, within netday's dates."""
    in_range(due, f"due {due.isoformat()}")
    if due < made_on:
        raise NetdayError(
            f"a promise made on {made_on.isoformat()} cannot be due before it ({due.isoformat()})"
        )
    return due


def read_due(ctx: Context, text: str) -> dt.date:
    """A due day as typed ("friday", "next week", "2026-12-01"), counted from today."""
    if not text.strip():
        raise NetdayError("say by when (today, friday, next week, 2026-12-01)")
    return parse_day(text, ctx.today())


def read_promise(ctx: Context, text: str, owed_by: str = OwedBy.ME) -> NewPromise:
    """ "the deck by friday" as typed in a form: what, and the day after the last " by "
    (without one, due today)."""
    what, sep, when = text.strip().rpartition(" by ")
    if not sep:
        return NewPromise(check_owed_by(owed_by), check_what(text), ctx.today())
    due = check_due(read_due(ctx, when), ctx.today())
    return NewPromise(check_owed_by(owed_by), check_what(what), due)


# --- writing --------------------------------------------------------------------------


def _label(owed_by: str, what: str, name: str) -> str:
    if owed_by == OwedBy.ME:
        return f"you promised {name} {what}"
    return f"{name} promised {what}"


def record_promise(
    session: Session,
    contact: Contact,
    *,
    owed_by: str,
    what: str,
    due: dt.date,
    now: dt.datetime,
    interaction_id: int | None = None,
) -> Promise:
    """Write one promise inside the caller's transaction (the call-done dialog adds one
    with the call it was made in: one step)."""
    row = Promise(
        contact_id=contact.id,
        owed_by=check_owed_by(owed_by),
        what=check_what(what),
        due_on=check_due(due, now.date()),
        interaction_id=interaction_id,
        created_at=now,
    )
    session.add(row)
    session.flush()
    return row


def add_promise(
    ctx: Context, ref: str, what: str, due: dt.date, *, owed_by: str = OwedBy.ME
) -> PromiseView:
    """A new promise with a person, either way; undoable."""
    what, owed_by = check_what(what), check_owed_by(owed_by)
    check_due(due, ctx.today())
    with undoable(ctx) as (session, step):
        contact = resolve_contact(session, ref)
        row = record_promise(session, contact, owed_by=owed_by, what=what, due=due, now=ctx.now())
        step.label = f"Noted: {_label(owed_by, what, contact.full_name)}"
        return promise_view(row, contact.full_name)


def _promise(session: Session, promise_id: int) -> tuple[Promise, Contact]:
    if not 1 <= promise_id <= limits.ID_MAX:
        raise NotFound(f"no promise has that id (ids are 1 to {limits.ID_MAX:,})")
    row = session.get(Promise, promise_id)
    if row is None:
        raise NotFound(f"no promise has id {promise_id}")
    return row, session.get_one(Contact, row.contact_id)


def mark_done(ctx: Context, promise_id: int, *, done: bool = True) -> PromiseView:
    """Kept (`done`), or open again; undoable. Marking a kept promise kept again, or an
    open one open, is refused: it says nothing changed."""
    with undoable(ctx) as (session, step):
        row, contact = _promise(session, promise_id)
        said = _label(row.owed_by, row.what, contact.full_name)
        if done == (row.done_at is not None):
            state = "already done" if done else "still open"
            raise NetdayError(f"promise {promise_id} is {state} ({said})")
        row.done_at = ctx.now() if done else None
        step.label = f"{'Done' if done else 'Reopened'}: {said}"
        session.flush()
        return promise_view(row, contact.full_name)


def edit_promise(
    ctx: Context,
    promise_id: int,
    *,
    what: str | None = None,
    due: dt.date | None = None,
    owed_by: str | None = None,
) -> PromiseView:
    """Correct a promise (None leaves a field as it is); undoable."""
    with undoable(ctx) as (session, step):
        row, contact = _promise(session, promise_id)
        wanted = {
            "what": row.what if what is None else check_what(what),
            "owed_by": row.owed_by if owed_by is None else check_owed_by(owed_by),
            "due_on": row.due_on if due is None else check_due(due, row.created_at.date()),
        }
        for name, value in wanted.items():
            if getattr(row, name) != value:
                setattr(row, name, value)
        step.label = f"Edited: {_label(row.owed_by, row.what, contact.full_name)}"
        session.flush()
        return promise_view(row, contact.full_name)


def delete_promise(ctx: Context, promise_id: int) -> PromiseView:
    """Remove a promise from the ledger; returns what it was. Undoable."""
    with undoable(ctx) as (session, step):
        row, contact = _promise(session, promise_id)
        gone = promise_view(row, contact.full_name)
        step.label = f"Deleted: {_label(row.owed_by, row.what, contact.full_name)}"
        session.delete(row)
        session.flush()
        return gone


# --- reading --------------------------------------------------------------------------


def ledger_of(session: Session, contact: Contact) -> tuple[PromiseView, ...]:
    """A person's ledger: every open promise, soonest due first, then the last few kept."""
    open_rows = session.scalars(
        select(Promise)
        .where(Promise.contact_id == contact.id, Promise.done_at.is_(None))
        .order_by(Promise.due_on, Promise.id)
    ).all()
    done_rows = session.scalars(
        select(Promise)
        .where(Promise.contact_id == contact.id, Promise.done_at.is_not(None))
        .order_by(Promise.done_at.desc(), Promise.id.desc())
        .limit(DONE_SHOWN)
    ).all()
    return tuple(promise_view(r, contact.full_name) for r in (*open_rows, *done_rows))


def promises_of(ctx: Context, ref: str) -> tuple[PromiseView, ...]:
    """A person's ledger (`ledger_of`), by id or name."""
    with ctx.db.reading() as session:
        return ledger_of(session, resolve_contact(session, ref, include_archived=True))


def open_promises_of(
    session: Session, contact_ids: Collection[int], per_contact: int = limits.PROMISES_SHOWN
) -> dict[int, tuple[PromiseView, ...]]:
    """The open promises of each of these contacts, soonest due first, at most
    `per_contact` each, in one query however many contacts (a plan holds a handful)."""
    if not contact_ids:
        return {}
    rank = (
        func.row_number()
        .over(partition_by=Promise.contact_id, order_by=(Promise.due_on, Promise.id))
        .label("rank")
    )
    ranked = (
        select(Promise.id, rank)
        .where(Promise.contact_id.in_(contact_ids), Promise.done_at.is_(None))
        .subquery()
    )
    rows = session.execute(
        select(Promise, Contact.full_name)
        .join(ranked, ranked.c.id == Promise.id)
        .join(Contact, Contact.id == Promise.contact_id)
        .where(ranked.c.rank <= per_contact)
        .order_by(Promise.contact_id, Promise.due_on, Promise.id)
    )
    found: dict[int, list[PromiseView]] = {}
    for row, name in rows:
        found.setdefault(row.contact_id, []).append(promise_view(row, name))
    return {cid: tuple(views) for cid, views in found.items()}


def due_promises(session: Session, today: dt.date) -> dict[int, DuePromise]:
    """For the plan: each person with an open promise due by `today`, with the one due
    first (the one the reason names). Open due promises are few; the index on
    (done_at, due_on) finds them without reading the ledger."""
    rows = session.execute(
        select(Promise.contact_id, Promise.owed_by, Promise.what, Promise.due_on, Contact.full_name)
        .join(Contact, Contact.id == Promise.contact_id)
        .where(Promise.done_at.is_(None), Promise.due_on <= today)
        .order_by(Promise.due_on, Promise.id)
    )
    found: dict[int, DuePromise] = {}
    for row in rows:
        if row.contact_id not in found:
            found[row.contact_id] = DuePromise(
                owed_by=row.owed_by, what=row.what, due=row.due_on, who=first_name(row.full_name)
            )
    return found


def came_due(
    session: Session, day: dt.date, limit: int = LISTED, circle: str | None = None
) -> tuple[PromiseView, ...]:
    """For the review of `day`: promises due by that day that were still open when it
    began (kept since, or open yet), soonest due first; with a `circle`, only those with
    people of it."""
    start = dt.datetime.combine(day, dt.time())
    end = start + dt.timedelta(days=1)
    rows = session.execute(
        select(Promise, Contact.full_name)
        .join(Contact, Contact.id == Promise.contact_id)
        .where(
            Promise.due_on <= day,
            or_(Promise.done_at.is_(None), Promise.done_at >= start),
            Promise.created_at < end,
            in_circle(Promise.contact_id, circle),
        )
        .order_by(Promise.due_on, Promise.id)
        .limit(limit)
    )
    return tuple(promise_view(row, name) for row, name in rows)


def list_promises(
    ctx: Context,
    *,
    due_only: bool = False,
    include_done: bool = False,
    limit: int = LISTED,
    circle: str | None = None,
) -> tuple[PromiseView, ...]:
    """Open promises (and kept ones with `include_done`), soonest due first;
    `due_only`: those due by today; `circle`: only with people in it."""
    today = ctx.today()
    query = (
        select(Promise, Contact.full_name)
        .join(Contact, Contact.id == Promise.contact_id)
        .where(in_circle(Promise.contact_id, circle))
    )
    if not include_done:
        query = query.where(Promise.done_at.is_(None))
    if due_only:
        query = query.where(Promise.due_on <= today)
    query = query.order_by(Promise.due_on, Promise.id).limit(limit)
    with ctx.db.reading() as session:
        return tuple(promise_view(row, name) for row, name in session.execute(query))


def promise_line(p: PromiseView, today: dt.date) -> str:
    """ "you owe the deck by 2 Nov" / "they owe an intro by today", and "(done)" once kept:
    one promise as a list, a panel or a dialog says it (without the person's name)."""
    whose = "you owe" if p.mine else "they owe"
    done = " (done)" if not p.is_open else ""
    late = " (late)" if p.is_open and p.due < today else ""
    return f"{whose} {p.what} {by_when(p.due, today)}{late}{done}"
