"""The closed sets of words netday stores and shows, each declared once.

A tier, a circle, an interaction kind or a status is a word in the database, a choice in
a form, a mark in a table and an argument on the command line. Each set is one `StrEnum`
here; the schema's check constraints, the forms' choices, the CLI's `choices=` and the
marks are derived from it, so adding a word is one line. Members compare equal to their
strings (`Tier.B == "B"`), so a value read from the database needs no conversion.

This module sits at the bottom of the layers (like `limits` and `cleaning`): every layer
may import it, and it imports nothing of netday's.
"""

from __future__ import annotations

from enum import StrEnum


class Tier(StrEnum):
    """How much a person matters to the user: A most, C least (drives cadence and order)."""

    A = "A"
    B = "B"
    C = "C"


class Circle(StrEnum):
    """Professional contacts are planned as networking; personal ones as friends."""

    PROFESSIONAL = "professional"
    PERSONAL = "personal"


class CircleFilter(StrEnum):
    """Which circles a list keeps: both (everyone), or only one. The app holds one for
    every screen (the main screen's key cycles it); `--circle` takes one of a `Circle`."""

    BOTH = "both"
    PROFESSIONAL = Circle.PROFESSIONAL.value
    PERSONAL = Circle.PERSONAL.value


def only_circle(shown: str | None) -> Circle | None:
    """The one circle a filter keeps, or None when it keeps both (or none was given):
    what a service's optional `circle` argument takes."""
    return None if shown in (None, CircleFilter.BOTH) else Circle(shown)


class InteractionKind(StrEnum):
    """What happened between the user and a contact."""

    CALL = "call"
    VIDEO = "video"
    MEETING = "meeting"
    MESSAGE = "message"
    EMAIL = "email"
    EVENT = "event"
    COMMENT = "comment"
    LIKE = "like"
    SHARE = "share"
    INVITE = "invite"
    NOTE = "note"
    ENDORSEMENT = "endorsement"
    RECOMMENDATION = "recommendation"


class CallOutcome(StrEnum):
    """How a call went: only an answered one is a conversation (restarts the cadence);
    the others are tries, and the plan brings the person back (practice 3). Stored for
    calls and video calls only; other kinds have none."""

    ANSWERED = "answered"
    NO_ANSWER = "no-answer"
    MESSAGE_LEFT = "message"


UNANSWERED: tuple[CallOutcome, ...] = (CallOutcome.NO_ANSWER, CallOutcome.MESSAGE_LEFT)
"""A try, not a conversation: the plan brings the person back the next day."""

OUTCOME_SAID: dict[str, str] = {
    CallOutcome.ANSWERED: "answered",
    CallOutcome.NO_ANSWER: "no answer",
    CallOutcome.MESSAGE_LEFT: "left a message",
}
"""Each call outcome as a person says it: the call-done dialog's options, a log line."""


def tried_said(outcome: str | None) -> str:
    """`no answer`, `left a message` for a call that was a try, not a conversation;
    empty for an answered call and for other kinds (no outcome)."""
    return OUTCOME_SAID[outcome] if outcome in UNANSWERED else ""


def kind_said(kind: str, outcome: str | None) -> str:
    """A logged interaction's kind as a log or a timeline shows it: `call`, and for a
    call that went unanswered `call · no answer` or `call · left a message`, so a try
    never reads as a conversation."""
    tried = tried_said(outcome)
    return f"{kind} · {tried}" if tried else kind


class OwedBy(StrEnum):
    """Whose promise it is (practice 4, both ways): what I promised someone, or what
    they promised me. Mine put the person in the plan to keep it; theirs, to ask."""

    ME = "me"
    THEM = "them"


class MatchPlace(StrEnum):
    """Where a search found a person (`netday search`, the palette): in what the user
    wrote about them. Declared in the order hits are ranked: a name before a company,
    before a role, a note, a promise, an interaction, a post."""

    NAME = "name"
    COMPANY = "company"
    ROLE = "role"
    NOTE = "note"
    PROMISE = "promise"
    INTERACTION = "interaction"
    POST = "post"


class OpportunityKind(StrEnum):
    """Something worth passing on (practice 10): shared with the people it fits, each
    time with a personal line."""

    EVENT = "event"
    WEBINAR = "webinar"
    ARTICLE = "article"
    JOB = "job"
    CALL_FOR_SPEAKERS = "call-for-speakers"


class Direction(StrEnum):
    """Who gave: the give / ask balance of an interaction."""

    GAVE = "gave"
    ASKED = "asked"
    NEUTRAL = "neutral"


class RoleFamily(StrEnum):
    """What kind of work a person does, read from their role by `scheduling.roles`: the
    diversity of the network by profession (practice 8). Not stored; derived."""

    LEADERSHIP = "leadership"
    RECRUITING = "recruiting"
    PRODUCT = "product"
    DESIGN = "design"
    ENGINEERING = "engineering"
    DATA = "data"
    SALES = "sales"
    MARKETING = "marketing"
    OTHER = "other"


class InviteDirection(StrEnum):
    SENT = "sent"
    RECEIVED = "received"


class InviteStatus(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"


class PostStatus(StrEnum):
    TO_COMMENT = "to_comment"
    COMMENTED = "commented"
    SKIPPED = "skipped"


class CallStatus(StrEnum):
    """Where a planned call stands today."""

    PLANNED = "planned"
    DONE = "done"
    SKIPPED = "skipped"
    SNOOZED = "snoozed"


class TriageState(StrEnum):
    """An imported contact waiting for a decision, or one the user put off."""

    PENDING = "pending"
    SKIPPED = "skipped"


class DueFilter(StrEnum):
    """Which people a list keeps by their next due date: due today or before (the
    planner's own "due", `next_due_on <= today`), or overdue (due before today)."""

    DUE = "due"
    OVERDUE = "overdue"


class TriageFilter(StrEnum):
    """Which people a list keeps by triage: waiting in it (new or skipped), only the new,
    only the skipped, or placed (part of the network: never imported, or triaged)."""

    UNTRIAGED = "untriaged"
    PENDING = TriageState.PENDING.value
    SKIPPED = TriageState.SKIPPED.value
    PLACED = "placed"


class PeopleSort(StrEnum):
    """How the people list is ordered: soonest due first (no cadence last), most
    recent conversation first (never talked last), or by name."""

    NEXT_DUE = "next-due"
    LAST_TALK = "last-talk"
    NAME = "name"


class CadenceKind(StrEnum):
    """Relative cadences restart at each conversation; calendar ones keep their dates."""

    RELATIVE = "relative"
    CALENDAR = "calendar"


class DetailKind(StrEnum):
    """The kinds of extra contact detail a person can have several of."""

    EMAIL = "email"
    PHONE = "phone"
    URL = "url"


def values(words: type[StrEnum]) -> tuple[str, ...]:
    """The set's words in declaration order, for `choices=` and check constraints."""
    return tuple(member.value for member in words)


def listed(words: type[StrEnum]) -> str:
    """The set's words for a message: `A, B, C`."""
    return ", ".join(values(words))
