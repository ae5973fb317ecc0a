"""Promises, both ways (PRODUCT.md, practice 4), as the plan and the screens say them.

Pure: a promise comes in as plain data (`DuePromise`), its words go out. "you promised
the deck by 2 Nov" is what I owe; "Ana promised the intro by 2 Nov: ask" is what is owed
to me, which a call is the moment to ask about.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from netday.vocabulary import OwedBy
from netday.wording import short_date

WHAT_IN_REASON = 60
"""A promise's words in a plan's reason are cut here (with `…`): a reason is one line."""


@dataclass(frozen=True)
class DuePromise:
    """One open promise as the planner sees it: whose, what, due when, and the first
    name of the person it is with (who says it, when it is theirs)."""

    owed_by: str
    what: str
    due: dt.date
    who: str


def by_when(due: dt.date, today: dt.date) -> str:
    """`by today`, `by tomorrow`, `by 2 Nov`: when a promise is due, from today."""
    if due == today:
        return "by today"
    if due == today + dt.timedelta(days=1):
        return "by tomorrow"
    return f"by {short_date(due)}"


def _cut(what: str) -> str:
    return what if len(what) <= WHAT_IN_REASON else what[: WHAT_IN_REASON - 1] + "…"


def promise_reason(promise: DuePromise, today: dt.date) -> str:
    """Why a promise puts someone in the plan: "you promised the deck by 2 Nov", or
    "Ana promised the intro by today: ask"."""
    when = by_when(promise.due, today)
    if promise.owed_by == OwedBy.ME:
        return f"you promised {_cut(promise.what)} {when}"
    return f"{promise.who or 'they'} promised {_cut(promise.what)} {when}: ask"


def first_name(full_name: str) -> str:
    """The name a reason uses for a person: the first word of the full name."""
    return (full_name.split() or [""])[0]
