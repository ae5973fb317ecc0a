"""Text typed but not saved yet: quitting with some anywhere asks first.

A screen that holds typed text (the main screen's quick-log line, the review's
reflection, any form) says in a few words what quitting now would lose; the app asks
the screens of its stack before it quits (`NetdayApp.action_quit`).
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

SHOWN = 30
"""How much of the typed text the question quotes."""


@runtime_checkable
class HoldsTypedText(Protocol):
    def unsaved(self) -> str | None:
        """What quitting now would lose (`the quick-log line “ana: coffee”`), or None."""
        ...


def quoted(text: str) -> str:
    """The start of what was typed, quoted: enough to recognise it in a question."""
    text = " ".join(text.split())
    return f"“{text if len(text) <= SHOWN else text[: SHOWN - 1] + '…'}”"


def unsaved_question(losses: list[str]) -> str:
    """The question quitting asks when something typed would be lost."""
    return f"Not saved: {'; '.join(losses)}. Quit and lose it?"
