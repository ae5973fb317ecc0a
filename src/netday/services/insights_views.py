"""The insights screen's snapshots (practices 1 and 8), kept apart from `views`.

Python 3.11 compiles each generated method of a dataclass with its own `exec`: the
main screen's first frame loads `views` and not these eight classes, which only the
insights screen, `netday insights` and its export use.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class WeekFigures:
    """One week of the practice (practice 1), Monday to Sunday; the window's totals
    have the same shape (`week` is then the window's first Monday)."""

    week: dt.date
    minutes: int
    """Minutes invested: a reviewed day's time spent, else what its log counts
    (`review.counted_minutes`)."""
    calls_answered: int
    conversations: int
    """Conversations that happened (answered calls and every other conversation kind)."""
    comments: int
    shares: int
    invites_sent: int
    invites_accepted: int
    """Of the invitations sent that week, those accepted since."""
    acceptance_rate: float | None
    new_connections: int
    replies_received: int
    """Invitations received, and answers (accepted or declined) to those you sent."""
    gave: int
    asked: int
    plans_completed: int
    """Days whose plan was completed (the days a streak is made of)."""
    people: int
    """Different people you had a conversation with."""
    company_hhi: int | None
    """How concentrated by company those people were (`scheduling.insights.HHI_SCALE`)."""


@dataclass(frozen=True)
class PersonBalance:
    contact_id: int
    name: str
    gave: int
    asked: int


@dataclass(frozen=True)
class DriftingContact:
    contact_id: int
    name: str
    company: str
    next_due: dt.date
    days_overdue: int


@dataclass(frozen=True)
class TierDrift:
    """The people of one tier past their due date, longest overdue first (bounded)."""

    tier: str
    total: int
    people: tuple[DriftingContact, ...]


@dataclass(frozen=True)
class ShareOf:
    value: str
    people: int
    share: float


@dataclass(frozen=True)
class Diversity:
    """The people you had conversations with over the window, by one attribute."""

    by: str
    """"company", "role family" or "circle"."""
    people: int
    """People whose value is known (they count in the shares)."""
    unknown: int
    top: tuple[ShareOf, ...]
    """The largest groups, largest first (bounded)."""
    top_share: float | None
    hhi: int | None
    recent_people: int
    """The same over the last weeks (`scheduling.insights.RECENT_WEEKS`)."""
    recent_top: str | None
    recent_top_share: float | None
    warning: str | None
    """Set when one value dominates the last weeks' conversations."""


@dataclass(frozen=True)
class CompanyFollow:
    id: int
    name: str
    people: int
    """Contacts (not archived) at the company."""
    followed: bool


@dataclass(frozen=True)
class InsightsView:
    """The return on the investment and the reach of the network (practices 1 and 8)."""

    today: dt.date
    weeks: tuple[WeekFigures, ...]
    """Oldest first; the last is this week, in progress."""
    total: WeekFigures
    streak: int
    longest_streak: int
    """The longest run of completed plans within the window."""
    balances: tuple[PersonBalance, ...]
    """Per person over the window: who you asked more of than you gave first (bounded)."""
    drifting: tuple[TierDrift, ...]
    diversity: tuple[Diversity, ...]
    followed_unknown: tuple[CompanyFollow, ...]
    """Followed companies where you know nobody: find one person to invite (bounded)."""
    followed_unknown_total: int
    known_unfollowed: tuple[CompanyFollow, ...]
    """Companies where you know people but do not follow, most people first (bounded)."""
    known_unfollowed_total: int
    circle: str | None = None
    """The one circle the figures about people count, or None for both."""
