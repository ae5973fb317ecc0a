"""Which interactions count as a conversation, which are light touches (the words
themselves are declared once in `netday.vocabulary`)."""

from __future__ import annotations

from netday.vocabulary import UNANSWERED, InteractionKind

CONVERSATION_KINDS: tuple[InteractionKind, ...] = (
    InteractionKind.CALL,
    InteractionKind.VIDEO,
    InteractionKind.MEETING,
    InteractionKind.MESSAGE,
    InteractionKind.EMAIL,
    InteractionKind.EVENT,
)
"""These tick the person off that day's plan; answered (`is_answered`), they also restart
a relative cadence, fulfil a promised follow-up and are the last talk."""

CALL_KINDS: tuple[InteractionKind, ...] = (InteractionKind.CALL, InteractionKind.VIDEO)
"""The kinds that have an outcome (`CallOutcome`): a call can go unanswered."""

LIGHT_TOUCH_KINDS: tuple[InteractionKind, ...] = (
    InteractionKind.COMMENT,
    InteractionKind.LIKE,
    InteractionKind.SHARE,
)
"""Public gestures: logged, but they do not replace a conversation."""

TESTIMONIAL_KINDS: tuple[InteractionKind, ...] = (
    InteractionKind.ENDORSEMENT,
    InteractionKind.RECOMMENDATION,
)
"""A skill endorsed, a recommendation written, either way (from the LinkedIn export):
counted as given or asked on the person's balance, never a conversation, so they
neither tick a plan's call nor restart the cadence."""


def is_conversation(kind: str) -> bool:
    """A kind of conversation, answered or not: what ticks a plan's call."""
    return kind in CONVERSATION_KINDS


def is_answered(kind: str, outcome: str | None) -> bool:
    """A conversation that happened: restarts the cadence, fulfils a promise. A call
    without an outcome (written before outcomes, or in bulk) was answered."""
    return kind in CONVERSATION_KINDS and outcome not in UNANSWERED
