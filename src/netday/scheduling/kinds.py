"""Which interactions count as a conversation, which are light touches."""

from __future__ import annotations

CONVERSATION_KINDS: tuple[str, ...] = ("call", "video", "meeting", "message", "email", "event")
"""These restart a relative cadence and fulfil a promised follow-up."""

LIGHT_TOUCH_KINDS: tuple[str, ...] = ("comment", "like", "share")
"""Public gestures: logged, but they do not replace a conversation."""

OTHER_KINDS: tuple[str, ...] = ("invite", "note")

INTERACTION_KINDS: tuple[str, ...] = CONVERSATION_KINDS + LIGHT_TOUCH_KINDS + OTHER_KINDS

DIRECTIONS: tuple[str, ...] = ("gave", "asked", "neutral")

TIERS: tuple[str, ...] = ("A", "B", "C")

CIRCLES: tuple[str, ...] = ("professional", "personal")


def is_conversation(kind: str) -> bool:
    return kind in CONVERSATION_KINDS
