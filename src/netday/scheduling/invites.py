"""What an invitation asks of the user, and whether its message is personal.

PRODUCT.md, practice 6: an invitation always carries a personal message; a cold
connection gets "How can I help you?"; nothing is left unanswered to rot.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from netday.errors import NetdayError
from netday.normalise import fold
from netday.vocabulary import InviteDirection, InviteStatus

HELP_REPLY = "How can I help you?"


class InviteMessageError(NetdayError):
    pass


@dataclass(frozen=True)
class InviteAction:
    code: str  # follow_up | withdraw | reply_help | answer
    text: str


@dataclass(frozen=True)
class MessageCheck:
    names_person: bool
    is_template: bool

    @property
    def warnings(self) -> list[str]:
        found = []
        if not self.names_person:
            found.append("the message does not name the person")
        if self.is_template:
            found.append("the message is a saved template word for word")
        return found


def check_message(message: str, person_name: str, templates: Iterable[str] = ()) -> MessageCheck:
    """Refuse an empty message; flag one that names nobody or is a template verbatim."""
    if not message.strip():
        raise InviteMessageError(
            "an invitation needs a personal message: say why you want to connect"
        )
    folded = fold(message)
    words = [w for w in re.split(r"[\s\-']+", fold(person_name)) if len(w) >= 2]
    names = any(re.search(rf"\b{re.escape(w)}\b", folded) for w in words)
    template = any(fold(t) == folded for t in templates if t.strip())
    return MessageCheck(names_person=names, is_template=template)


def invite_action(
    direction: str,
    status: str,
    sent_on: dt.date,
    has_message: bool,
    follow_up_due: dt.date | None,
    today: dt.date,
    expiry_days: int,
) -> InviteAction | None:
    """The next thing to do about a pending invitation, or None when nothing is due."""
    if status != InviteStatus.PENDING:
        return None
    age = (today - sent_on).days
    if direction == InviteDirection.SENT:
        if age >= expiry_days:
            return InviteAction("withdraw", f"no answer for {age} days: withdraw?")
        if follow_up_due is not None and today >= follow_up_due:
            return InviteAction("follow_up", f"no answer for {age} days: follow up")
        return None
    if not has_message:
        return InviteAction("reply_help", f"no message: accept and reply {HELP_REPLY!r}")
    return InviteAction("answer", "answer it: accept or decline")
