"""Plain, frozen snapshots handed to the command line and the TUI (never ORM rows)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from netday.vocabulary import CallStatus, OwedBy


@dataclass(frozen=True)
class ContactSummary:
    id: int
    name: str
    company: str
    role: str
    tier: str
    circle: str
    phone: str
    profile_url: str
    cadence: str
    next_due: dt.date | None
    archived: bool
    untriaged: bool = False
    """Imported and not yet placed by triage: its tier is only the default, no choice."""

    @property
    def tier_text(self) -> str:
        """ "tier A", or "untriaged" for someone triage has not placed yet."""
        return "untriaged" if self.untriaged else f"tier {self.tier}"


@dataclass(frozen=True)
class InteractionView:
    id: int
    contact_id: int
    contact_name: str
    kind: str
    at: dt.datetime
    minutes: int | None
    summary: str
    direction: str
    follow_up_on: dt.date | None
    outcome: str | None = None
    """A call's `CallOutcome` (answered, no-answer, message); None for other kinds."""


@dataclass(frozen=True)
class InviteView:
    id: int
    contact_id: int | None
    name: str
    profile_url: str
    direction: str
    message: str
    sent_at: dt.datetime
    status: str
    answered_at: dt.datetime | None
    follow_up_due: dt.date | None
    follow_ups: int
    age_days: int
    action: str | None
    action_text: str | None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class PostView:
    id: int
    author_id: int | None
    author: str
    url: str
    excerpt: str
    found_at: dt.datetime
    status: str
    draft_comment: str
    done_at: dt.datetime | None
    age_days: int


@dataclass(frozen=True)
class ContactDetail:
    summary: ContactSummary
    email: str
    why: str
    notes: str
    tags: tuple[str, ...]
    birthday: dt.date | None
    connected_on: dt.date | None
    cadence_spec: str
    upcoming: tuple[dt.date, ...]
    last_conversation: dt.date | None
    follow_up_on: dt.date | None
    snoozed_until: dt.date | None
    gave: int
    asked: int
    interactions: tuple[InteractionView, ...]
    invites: tuple[InviteView, ...]
    posts: tuple[PostView, ...]
    created_at: dt.datetime
    updated_at: dt.datetime
    promises: tuple[PromiseView, ...] = ()
    """The promise ledger with this person: every open one (soonest due first), then
    the last few done."""


@dataclass(frozen=True)
class LastTalk:
    """The last conversation with a person: where the next call starts (practice 3)."""

    at: dt.datetime
    kind: str
    summary: str
    minutes: int | None


@dataclass(frozen=True)
class Promise:
    """A follow-up still open: promised in a conversation, or owed after an invitation
    was accepted (`follow_up_kind`), due on `due`."""

    due: dt.date
    kind: str
    since: dt.date | None


@dataclass(frozen=True)
class PromiseView:
    """One entry of the promise ledger (practice 4): mine (`owed_by` me) or theirs, due
    on `due`, open until `done_at`."""

    id: int
    contact_id: int
    contact_name: str
    owed_by: str
    what: str
    due: dt.date
    done_at: dt.datetime | None
    made_on: dt.date
    interaction_id: int | None = None

    @property
    def is_open(self) -> bool:
        return self.done_at is None

    @property
    def mine(self) -> bool:
        return self.owed_by == OwedBy.ME


@dataclass(frozen=True)
class PlannedCall:
    position: int
    contact: ContactSummary
    reason: str
    status: str
    snoozed_until: dt.date | None
    last_talk: LastTalk | None = None
    promise: Promise | None = None
    outcome: str | None = None
    """Once done: answered (any conversation that day was), else how the last try went
    (`CallOutcome`): the person comes back tomorrow."""
    promises: tuple[PromiseView, ...] = ()
    """Open promises with this person, either way, soonest due first (a few at most)."""


@dataclass(frozen=True)
class NextDue:
    """Who comes due next, and when: why today's plan is empty, and until when."""

    contact_id: int
    name: str
    due: dt.date


@dataclass(frozen=True)
class PlanView:
    date: dt.date
    minutes: int
    calls: tuple[PlannedCall, ...]

    @property
    def done(self) -> int:
        return sum(1 for c in self.calls if c.status == CallStatus.DONE)


@dataclass(frozen=True)
class TodayView:
    date: dt.date
    plan: PlanView
    streak: int
    comments: tuple[PostView, ...]
    comments_total: int
    invites: tuple[InviteView, ...]
    log: tuple[InteractionView, ...]
    is_empty: bool = False
    """No contacts and no invitations yet: a first run."""
    to_triage: int = 0
    """Imported people nobody has looked at yet."""
    opportunities: int = 0
    """Open opportunities, worth passing on (the header says how many, calmly)."""
    contacts: int = 0
    """Contacts that can be planned (not archived); read only when no call is planned."""
    next_due: NextDue | None = None
    """Read only when no call is planned: who the plan will hold next, and when."""
    circle: str | None = None
    """The one circle the lists show, or None for both (the header says which)."""


@dataclass(frozen=True)
class ReviewView:
    date: dt.date
    plan: PlanView | None
    interactions: tuple[InteractionView, ...]
    comments_written: tuple[PostView, ...]
    invites_sent: tuple[InviteView, ...]
    invites_answered: tuple[InviteView, ...]
    minutes_logged: int
    minutes_spent: int
    note: str
    streak: int
    carry_over: tuple[PlannedCall, ...]
    comments_waiting: int
    invites_needing_action: int
    reviewed: bool = field(default=False)
    promises_due: tuple[PromiseView, ...] = ()
    """Promises that came due by the day: kept that day, or still open."""
    circle: str | None = None
    """The one circle whose people this review counts and lists, or None for both."""
