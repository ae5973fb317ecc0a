"""Logging interactions: the memory of every relationship (PRODUCT.md, practice 11)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from netday.cleaning import clean_block, quoted
from netday.errors import NetdayError, NotFound
from netday.limits import ID_MAX, LONG_TEXT, MINUTES_MAX
from netday.scheduling.kinds import CALL_KINDS, CONVERSATION_KINDS, is_answered, is_conversation
from netday.scheduling.when import in_range, parse_day, parse_moment
from netday.services.circles import in_circle
from netday.services.contacts import refresh_next_due
from netday.services.context import Context
from netday.services.lookup import resolve_contact
from netday.services.outcomes import answered, check_outcome
from netday.services.promises import NewPromise, record_promise
from netday.services.snapshots import interaction_view
from netday.services.undo import undoable
from netday.services.views import InteractionView
from netday.store.models import Contact, Interaction, PlanItem
from netday.vocabulary import CallStatus, Direction, InteractionKind, listed, values

PROMISED = "promised"
"""The follow-up kind of a follow-up promised in an interaction (an accepted
invitation's first call is another)."""

_T = TypeVar("_T")


def check_minutes(minutes: int | None) -> None:
    """The one rule for minutes of one day (a call, today's budget, a review's time
    spent), which every service that takes minutes applies: 0 to `MINUTES_MAX`."""
    if minutes is not None and not 0 <= minutes <= MINUTES_MAX:
        raise NetdayError(f"minutes must be between 0 and {MINUTES_MAX}, not {minutes:,}")


def read_minutes(text: str) -> int | None:
    """Minutes as typed in a form: blank for none, else a whole number `check_minutes`
    accepts."""
    raw = text.strip()
    if not raw:
        return None
    if not (raw.isascii() and raw.isdigit() and len(raw) <= len(str(MINUTES_MAX))):
        raise NetdayError(f"minutes must be a whole number from 0 to {MINUTES_MAX}")
    minutes = int(raw)
    check_minutes(minutes)
    return minutes


def summary_text(text: str) -> str:
    """What an interaction says, cleaned; refused past `LONG_TEXT` characters."""
    return clean_block(text, what="a note", limit=LONG_TEXT)


def _checked(
    *,
    kind: str,
    direction: str,
    minutes: int | None,
    summary: str,
    at: dt.datetime,
    follow_up_on: dt.date | None,
    now: dt.datetime,
    outcome: str | None = None,
) -> tuple[str, str | None]:
    """Every rule an interaction's values follow, for a new one and an edited one alike;
    returns the summary cleaned and the outcome stored (`check_outcome`), or
    `NetdayError` says what is wrong."""
    if kind not in values(InteractionKind):
        raise NetdayError(f"kind must be one of {listed(InteractionKind)}, not {quoted(kind)}")
    if direction not in values(Direction):
        raise NetdayError(f"direction must be one of {listed(Direction)}")
    stored_outcome = check_outcome(kind, outcome)
    check_minutes(minutes)
    clean = summary_text(summary)
    in_range(at.date(), f"{at:%Y-%m-%d %H:%M}")
    if follow_up_on is not None:
        in_range(follow_up_on, f"follow-up {follow_up_on.isoformat()}")
    if at.date() > now.date():
        raise NetdayError("an interaction cannot be logged in the future")
    if follow_up_on is not None and follow_up_on < at.date():
        raise NetdayError("a follow-up date cannot be before the interaction")
    return clean, stored_outcome


def record_interaction(
    session: Session,
    contact: Contact,
    *,
    kind: str,
    at: dt.datetime,
    now: dt.datetime,
    summary: str = "",
    minutes: int | None = None,
    direction: str = Direction.NEUTRAL,
    follow_up_on: dt.date | None = None,
    outcome: str | None = None,
) -> Interaction:
    """Write one interaction and everything it changes, inside the caller's transaction.

    A conversation lifts a snooze and ticks the contact off that day's plan; answered
    (a call's `outcome`), it also fulfils a promised follow-up made before it and
    restarts the cadence. A call not answered is a try: the plan brings the person back
    (`services.outcomes`). Light touches change none of that.
    """
    summary, outcome = _checked(
        kind=kind,
        direction=direction,
        minutes=minutes,
        summary=summary,
        at=at,
        follow_up_on=follow_up_on,
        now=now,
        outcome=outcome,
    )
    row = Interaction(
        contact_id=contact.id,
        kind=kind,
        occurred_at=at,
        minutes=minutes,
        summary=summary,
        direction=direction,
        follow_up_on=follow_up_on,
        outcome=outcome,
        created_at=now,
    )
    session.add(row)
    if is_conversation(kind):
        promised_before = contact.follow_up_since is None or contact.follow_up_since <= at.date()
        talked = is_answered(kind, outcome)
        if talked and contact.follow_up_on is not None and promised_before:
            contact.follow_up_on = contact.follow_up_kind = contact.follow_up_since = None
        if contact.snoozed_until is not None and at.date() >= now.date():
            contact.snoozed_until = None
        session.flush()
        refresh_next_due(session, contact, now.date())
        item = session.scalar(
            select(PlanItem).where(
                PlanItem.plan_date == at.date(), PlanItem.contact_id == contact.id
            )
        )
        if item is not None:
            item.status, item.done_at, item.snoozed_until = CallStatus.DONE, at, None
    if follow_up_on is not None:
        contact.follow_up_on = follow_up_on
        contact.follow_up_kind = PROMISED
        contact.follow_up_since = at.date()
    contact.updated_at = now
    session.flush()
    return row


def log_interaction(
    ctx: Context,
    ref: str,
    *,
    kind: str = InteractionKind.CALL,
    summary: str = "",
    at: dt.datetime | None = None,
    minutes: int | None = None,
    direction: str = Direction.NEUTRAL,
    follow_up_on: dt.date | None = None,
    outcome: str | None = None,
    promises: Sequence[NewPromise] = (),
) -> InteractionView:
    """Log one interaction (`record_interaction`); `outcome` is a call's (answered when
    not given). `promises` made in it are noted with it, in the same undoable step."""
    now = ctx.now()
    with undoable(ctx) as (session, step):
        contact = resolve_contact(session, ref)
        row = record_interaction(
            session,
            contact,
            kind=kind,
            at=at or now,
            now=now,
            summary=summary,
            minutes=minutes,
            direction=direction,
            follow_up_on=follow_up_on,
            outcome=outcome,
        )
        for p in promises:
            record_promise(
                session,
                contact,
                owed_by=p.owed_by,
                what=p.what,
                due=p.due,
                now=now,
                interaction_id=row.id,
            )
        article = "an" if row.kind[0] in "aeiou" else "a"
        step.label = f"Logged {article} {row.kind} with {contact.full_name}"
        return interaction_view(row, contact.full_name)


@dataclass(frozen=True)
class InteractionChanges:
    """What an edit changes; None leaves a field as it is, and the `clear_` flags empty
    the two optional fields (a form sends every field, the CLI only those given). A
    call's outcome is kept when the kind stays a call, and dropped when it no longer is."""

    kind: str | None = None
    outcome: str | None = None
    direction: str | None = None
    at: dt.datetime | None = None
    minutes: int | None = None
    summary: str | None = None
    follow_up_on: dt.date | None = None
    clear_minutes: bool = False
    clear_follow_up: bool = False


def _interaction(session: Session, interaction_id: int) -> Interaction:
    if not 1 <= interaction_id <= ID_MAX:
        raise NotFound(f"no interaction has that id (ids are 1 to {ID_MAX:,})")
    row = session.get(Interaction, interaction_id)
    if row is None:
        raise NotFound(f"no interaction has id {interaction_id}")
    return row


def edit_interaction(
    ctx: Context, interaction_id: int, changes: InteractionChanges
) -> InteractionView:
    """Correct a logged interaction, under the rules of a new one; what it changed in the
    plan, the cadence and the promised follow-up is derived again (`_recount`)."""
    now = ctx.now()
    with undoable(ctx) as (session, step):
        row = _interaction(session, interaction_id)
        contact = session.get_one(Contact, row.contact_id)
        step.label = f"Edited the {row.kind} with {contact.full_name}"
        old_day, old_talk = row.occurred_at.date(), is_conversation(row.kind)
        old_promise = row.follow_up_on is not None
        kind = changes.kind or row.kind
        direction = changes.direction or row.direction
        at = changes.at or row.occurred_at
        minutes = None if changes.clear_minutes else _given(changes.minutes, row.minutes)
        follow_up_on = (
            None if changes.clear_follow_up else _given(changes.follow_up_on, row.follow_up_on)
        )
        kept_outcome = row.outcome if kind in CALL_KINDS else None
        summary, outcome = _checked(
            kind=kind,
            direction=direction,
            minutes=minutes,
            summary=row.summary if changes.summary is None else changes.summary,
            at=at,
            follow_up_on=follow_up_on,
            now=now,
            outcome=changes.outcome or kept_outcome,
        )
        wanted = {
            "kind": kind,
            "direction": direction,
            "occurred_at": at,
            "minutes": minutes,
            "summary": summary,
            "follow_up_on": follow_up_on,
            "outcome": outcome,
        }
        for name, value in wanted.items():
            if getattr(row, name) != value:
                setattr(row, name, value)  # only what changed: an undo sees exactly that
        session.flush()
        new_promise = follow_up_on is not None
        _recount(
            session,
            contact,
            now,
            days={old_day, at.date()},
            promise=old_talk or old_promise or is_conversation(kind) or new_promise,
        )
        return interaction_view(row, contact.full_name)


def delete_interaction(ctx: Context, interaction_id: int) -> InteractionView:
    """Remove a logged interaction; returns what it was. The plan, the cadence and the
    promised follow-up are derived again from what remains (`_recount`)."""
    now = ctx.now()
    with undoable(ctx) as (session, step):
        row = _interaction(session, interaction_id)
        contact = session.get_one(Contact, row.contact_id)
        gone = interaction_view(row, contact.full_name)
        step.label = f"Deleted the {row.kind} with {contact.full_name}"
        session.delete(row)
        session.flush()
        _recount(
            session,
            contact,
            now,
            days={gone.at.date()},
            promise=gone.follow_up_on is not None or is_conversation(gone.kind),
        )
        return gone


def _given(value: _T | None, current: _T | None) -> _T | None:
    return current if value is None else value


def _recount(
    session: Session, contact: Contact, now: dt.datetime, *, days: set[dt.date], promise: bool
) -> None:
    """After an edit or a delete, what a contact's interactions decide is decided again
    from those that remain, as logging them one by one would have: the next due date
    (from the last conversation), the plan item of each day touched (done while a
    conversation that day remains, planned again when none does) and, when `promise`
    (a conversation or a follow-up was involved), the promised follow-up."""
    refresh_next_due(session, contact, now.date())
    for day in days:
        _settle_plan_item(session, contact.id, day)
    if promise:
        _settle_promise(session, contact)
    contact.updated_at = now
    session.flush()


def _conversations_on(session: Session, contact_id: int, day: dt.date) -> list[Interaction]:
    start, end = day_bounds(day)
    return list(
        session.scalars(
            select(Interaction)
            .where(
                Interaction.contact_id == contact_id,
                Interaction.kind.in_(CONVERSATION_KINDS),
                Interaction.occurred_at >= start,
                Interaction.occurred_at < end,
            )
            .order_by(Interaction.occurred_at, Interaction.id)
        )
    )


def _settle_plan_item(session: Session, contact_id: int, day: dt.date) -> None:
    """A plan's call is done exactly when a conversation with that person is logged on
    its date (`record_interaction` ticks it; removing the last one un-ticks it)."""
    item = session.scalar(
        select(PlanItem).where(PlanItem.plan_date == day, PlanItem.contact_id == contact_id)
    )
    if item is None:
        return
    talks = _conversations_on(session, contact_id, day)
    if talks:
        moments = {t.occurred_at for t in talks}
        if item.status != CallStatus.DONE:
            item.status, item.snoozed_until = CallStatus.DONE, None
        if item.done_at not in moments:
            item.done_at = talks[-1].occurred_at
    elif item.status == CallStatus.DONE:
        item.status, item.done_at = CallStatus.PLANNED, None


def _settle_promise(session: Session, contact: Contact) -> None:
    """The promised follow-up, from the interactions: the latest one that promised one,
    unless a conversation came after it (on a later day, or logged after it on its
    day: the rule `record_interaction` applies as they are logged). A follow-up of
    another kind (an accepted invitation's first call) is not the log's to decide."""
    if contact.follow_up_kind not in (None, PROMISED):
        return
    promise = session.scalars(
        select(Interaction)
        .where(Interaction.contact_id == contact.id, Interaction.follow_up_on.is_not(None))
        .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
        .limit(1)
    ).first()
    kept = promise is not None and not any(
        talk.id != promise.id
        and (talk.occurred_at.date() > promise.occurred_at.date() or talk.id > promise.id)
        for talk in session.scalars(
            select(Interaction).where(
                Interaction.contact_id == contact.id,
                answered(),
                Interaction.occurred_at >= day_bounds(promise.occurred_at.date())[0],
            )
        )
    )
    if promise is not None and kept:
        contact.follow_up_on = promise.follow_up_on
        contact.follow_up_kind = PROMISED
        contact.follow_up_since = promise.occurred_at.date()
    elif contact.follow_up_on is not None or contact.follow_up_kind is not None:
        contact.follow_up_on = contact.follow_up_kind = contact.follow_up_since = None


def interactions_between(
    session: Session,
    start: dt.datetime,
    end: dt.datetime,
    limit: int | None = None,
    circle: str | None = None,
) -> list[InteractionView]:
    """Interactions in [start, end), newest first; with a `circle`, only with people in it."""
    query = (
        select(Interaction, Contact.full_name)
        .join(Contact, Contact.id == Interaction.contact_id)
        .where(Interaction.occurred_at >= start, Interaction.occurred_at < end)
        .where(in_circle(Interaction.contact_id, circle))
        .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
    )
    if limit:
        query = query.limit(limit)
    return [interaction_view(row, name) for row, name in session.execute(query)]


def day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(day, dt.time())
    return start, start + dt.timedelta(days=1)


_K = InteractionKind
QUICK_KIND_WORDS: dict[str, InteractionKind] = {
    **{kind.value: kind for kind in InteractionKind},
    **dict.fromkeys(("phone", "phoned", "called", "rang"), _K.CALL),
    **dict.fromkeys(("zoom", "teams", "facetime", "videocall"), _K.VIDEO),
    **dict.fromkeys(
        ("coffee", "lunch", "dinner", "breakfast", "drinks", "meet", "met", "meetings"),
        _K.MEETING,
    ),
    **dict.fromkeys(("mail", "mailed", "emailed", "e-mail"), _K.EMAIL),
    **dict.fromkeys(
        ("dm", "messaged", "msg", "text", "texted", "sms", "whatsapp", "chat", "chatted"),
        _K.MESSAGE,
    ),
    **dict.fromkeys(("conference", "meetup", "webinar"), _K.EVENT),
    **{"commented": _K.COMMENT, "liked": _K.LIKE, "shared": _K.SHARE, "noted": _K.NOTE},
}
"""The words people put in a quick-log line for each kind of interaction ("coffee" is a
meeting, "dm" a message); a kind's own name is one of them."""

_SAID: dict[str, str] = {
    _K.CALL: "a call with",
    _K.VIDEO: "a video call with",
    _K.MEETING: "a meeting with",
    _K.MESSAGE: "a message with",
    _K.EMAIL: "an email with",
    _K.EVENT: "an event with",
    _K.COMMENT: "a comment for",
    _K.LIKE: "a like for",
    _K.SHARE: "a share for",
    _K.INVITE: "an invitation with",
    _K.NOTE: "a note about",
    _K.ENDORSEMENT: "an endorsement with",
    _K.RECOMMENDATION: "a recommendation with",
}


def _kind_word(word: str) -> InteractionKind | None:
    return QUICK_KIND_WORDS.get(word.strip(".,;:!?").lower())


def parse_quick_entry(text: str) -> tuple[str, str, str]:
    """Read "ana: coffee, talked about hiring" or "email ana: sent the deck".

    Returns (kind, who, note). The kind is a word of `QUICK_KIND_WORDS` before the name
    or first in the note ("coffee" is a meeting); without one, the line is a note.
    """
    who_part, sep, note = text.partition(":")
    if not sep or not who_part.strip():
        raise NetdayError('write it as "name: what happened" (e.g. "ana: coffee chat")')
    words = who_part.split()
    note = note.strip()
    kind = _kind_word(words[0]) if len(words) > 1 else None
    if kind is not None:
        words = words[1:]
    elif note:
        kind = _kind_word(note.split()[0])
    return kind or InteractionKind.NOTE, " ".join(words), note


def logged_text(kind: str, name: str) -> str:
    """What a log says once saved, as English: "Logged an email with Ana Souza."."""
    return f"Logged {_SAID.get(kind, f'a {kind} with')} {name}."


# --- what a form reads from the text typed (the CLI reads its arguments the same way) ---


def read_day(ctx: Context, text: str) -> dt.date:
    """A day as typed ("friday", "next week", "2026-12-01"), counted from today."""
    return parse_day(text, ctx.today())


def read_moment(ctx: Context, text: str) -> dt.datetime:
    """A moment as typed ("14:30", "yesterday 16:00"), counted from now."""
    return parse_moment(text, ctx.now())
