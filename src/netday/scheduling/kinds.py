"""Which interactions count as a conversation, which are light touches (the words
themselves are declared once in `netday.vocabulary`)."""

from __future__ import annotations

from netday.vocabulary import InteractionKind

CONVERSATION_KINDS: tuple[InteractionKind, ...] = (
    InteractionKind.CALL,
    InteractionKind.VIDEO,
    InteractionKind.MEETING,
    InteractionKind.MESSAGE,
    InteractionKind.EMAIL,
    InteractionKind.EVENT,
)
"""These restart a relative cadence and fulfil a promised follow-up."""

LIGHT_TOUCH_KINDS: tuple[InteractionKind, ...] = (
    InteractionKind.COMMENT,
    InteractionKind.LIKE,
    InteractionKind.SHARE,
)
"""Public gestures: logged, but they do not replace a conversation."""


def is_conversation(kind: str) -> bool:
    return kind in CONVERSATION_KINDS
