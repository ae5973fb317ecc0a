"""Logging interactions: the memory of every relationship (PRODUCT.md, practice 11)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from netday.cleaning import clean_block, quoted
from netday.errors import NetdayError
from netday.limits import LONG_TEXT, MINUTES_MAX
from netday.scheduling.kinds import is_conversation
from netday.scheduling.when import in_range, parse_day, parse_moment
from netday.services.contacts import refresh_next_due
from netday.services.context import Context
from netday.services.lookup import resolve_contact
from netday.services.snapshots import interaction_view
from netday.services.views import InteractionView
from netday.store.models import Contact, Interaction, PlanItem
from netday.vocabulary import CallStatus, Direction, InteractionKind, listed, values


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


def _validate(kind: str, direction: str, minutes: int | None) -> None:
    if kind not in values(InteractionKind):
        raise NetdayError(f"kind must be one of {listed(InteractionKind)}, not {quoted(kind)}")
    if direction not in values(Direction):
        raise NetdayError(f"direction must be one of {listed(Direction)}")
    check_minutes(minutes)


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
) -> Interaction:
    """Write one interaction and everything it changes, inside the caller's transaction.

    A conversation fulfils a promised follow-up made before it, lifts a snooze, restarts
    the cadence and ticks the contact off that day's plan. Light touches change none of that.
    """
    _validate(kind, direction, minutes)
    summary = summary_text(summary)
    in_range(at.date(), f"{at:%Y-%m-%d %H:%M}")
    if follow_up_on is not None:
        in_range(follow_up_on, f"follow-up {follow_up_on.isoformat()}")
    if at.date() > now.date():
        raise NetdayError("an interaction cannot be logged in the future")
    if follow_up_on is not None and follow_up_on < at.date():
        raise NetdayError("a follow-up date cannot be before the interaction")
    row = Interaction(
        contact_id=contact.id,
        kind=kind,
        occurred_at=at,
        minutes=minutes,
        summary=summary,
        direction=direction,
        follow_up_on=follow_up_on,
        created_at=now,
    )
    session.add(row)
    if is_conversation(kind):
        promised_before = contact.follow_up_since is None or contact.follow_up_since <= at.date()
        if contact.follow_up_on is not None and promised_before:
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
        contact.follow_up_kind = "promised"
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
) -> InteractionView:
    now = ctx.now()
    with ctx.db.transaction() as session:
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
        )
        return interaction_view(row, contact.full_name)


def interactions_between(
    session: Session, start: dt.datetime, end: dt.datetime, limit: int | None = None
) -> list[InteractionView]:
    """Interactions in [start, end), newest first."""
    query = (
        select(Interaction, Contact.full_name)
        .join(Contact, Contact.id == Interaction.contact_id)
        .where(Interaction.occurred_at >= start, Interaction.occurred_at < end)
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
