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


class OwedBy(StrEnum):
    """Whose promise it is (practice 4, both ways): what I promised someone, or what
    they promised me. Mine put the person in the plan to keep it; theirs, to ask."""

    ME = "me"
    THEM = "them"


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
