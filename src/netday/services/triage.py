"""Triage: turning hundreds of imported connections into a network that matters.

Imported people wait with no cadence (they never reach a plan) until someone looks at
them, one by one, most recently connected first, and says: tier A, B or C (each with
its own default cadence), personal, skip for now, or archive.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from netday.cleaning import quoted
from netday.errors import NetdayError
from netday.limits import COUNT_MAX, ID_MAX
from netday.scheduling.cadence import Cadence
from netday.scheduling.spread import first_due
from netday.services.contacts import apply_cadence, last_conversation_on
from netday.services.context import Context
from netday.services.lookup import resolve_contact
from netday.services.planner import top_up_plan
from netday.services.settings import load_settings
from netday.services.undo import undoable
from netday.store.models import Company, Contact
from netday.vocabulary import Circle, Tier, TriageState

TIER_DECISIONS: dict[str, Tier] = {tier.lower(): tier for tier in Tier}
"""`a`, `b`, `c`: a tier, with that tier's cadence setting."""
PERSONAL = Circle.PERSONAL.value
DECISIONS: dict[str, str] = {
    **{key: f"tier {tier}" for key, tier in TIER_DECISIONS.items()},
    PERSONAL: "personal",
    "skip": "skipped for now",
    "archive": "archived",
}
"""What a person can be told in triage, and how it reads back."""
SHORT_KEYS = {"p": PERSONAL, "s": "skip", "x": "archive"}


@dataclass(frozen=True)
class TriageItem:
    id: int
    name: str
    company: str
    role: str
    profile_url: str
    email: str
    connected_on: dt.date | None
    skipped: bool


@dataclass(frozen=True)
class TriageCounts:
    pending: int
    skipped: int

    @property
    def total(self) -> int:
        return self.pending + self.skipped


@dataclass(frozen=True)
class TriageOutcome:
    id: int
    name: str
    decision: str
    next_due: dt.date | None
    cadence: str
    in_today_plan: bool = False
    """Today's plan had room and took this person (see `planner.top_up_plan`)."""

    @property
    def text(self) -> str:
        said = DECISIONS[self.decision]
        if self.next_due:
            first = f"{self.name}: {said}, {self.cadence}, first call {self.next_due.isoformat()}"
            return f"{first}; in today's plan" if self.in_today_plan else first
        return f"{self.name}: {said}"


QUEUE_ORDER = (
    case((Contact.triage == TriageState.PENDING, 0), else_=1),
    Contact.connected_on.is_(None),
    Contact.connected_on.desc(),
    Contact.id,
)
"""Not yet looked at before skipped; then the most recently connected first."""


def triage_queue(ctx: Context, limit: int = 50, after: int = 0) -> list[TriageItem]:
    """The next people to look at; `after` skips those already shown on a screen."""
    if not 1 <= limit <= COUNT_MAX or not 0 <= after <= ID_MAX:
        raise NetdayError(f"list between 1 and {COUNT_MAX:,} people to triage")
    query = (
        select(
            Contact.id,
            Contact.full_name,
            Company.name,
            Contact.role,
            Contact.profile_url,
            Contact.email,
            Contact.connected_on,
            Contact.triage,
        )
        .outerjoin(Company, Company.id == Contact.company_id)
        .where(Contact.triage.is_not(None), Contact.archived.is_(False))
        .order_by(*QUEUE_ORDER)
        .offset(after)
        .limit(limit)
    )
    with ctx.db.reading() as session:
        return [
            TriageItem(
                cid, name, company or "", role, url, email, connected, state == TriageState.SKIPPED
            )
            for cid, name, company, role, url, email, connected, state in session.execute(query)
        ]


def triage_counts(ctx: Context) -> TriageCounts:
    with ctx.db.reading() as session:
        counts = dict(
            session.execute(
                select(Contact.triage, func.count())
                .where(Contact.triage.is_not(None), Contact.archived.is_(False))
                .group_by(Contact.triage)
            ).all()
        )
    return TriageCounts(counts.get(TriageState.PENDING, 0), counts.get(TriageState.SKIPPED, 0))


def _load(session: Session, start: dt.date, days: int) -> dict[dt.date, int]:
    end = start + dt.timedelta(days=days)
    rows = session.execute(
        select(Contact.next_due_on, func.count())
        .where(
            Contact.archived.is_(False),
            Contact.next_due_on >= start,
            Contact.next_due_on < end,
        )
        .group_by(Contact.next_due_on)
    ).all()
    return {day: count for day, count in rows if day is not None}


def _give_cadence(session: Session, contact: Contact, cadence: Cadence, today: dt.date) -> None:
    apply_cadence(contact, cadence, today)
    span = max(1, round(cadence.approx_days))
    last = last_conversation_on(session, contact.id)
    natural = cadence.next_due(last, today) if last else None
    load = _load(session, today + dt.timedelta(days=1), span)
    contact.next_due_on = first_due(today, span, natural, load)


def decide(ctx: Context, ref: str | int, decision: str) -> TriageOutcome:
    """Apply one triage decision; each is its own transaction, so none is ever lost."""
    choice = decision.strip().lower()
    choice = SHORT_KEYS.get(choice, choice)
    if choice not in DECISIONS:
        raise NetdayError(
            f"unknown triage decision {quoted(decision)}; one of: {', '.join(DECISIONS)}"
        )
    today = ctx.today()
    with undoable(ctx) as (session, step):
        contact = resolve_contact(session, str(ref), include_archived=False)
        settings = load_settings(session)
        tier = TIER_DECISIONS.get(choice)
        cadence = None
        planned = False
        if tier is not None or choice == PERSONAL:
            spec = settings.tier_cadence(tier) if tier else settings.personal_cadence
            cadence = Cadence.parse_every(spec)
            if tier is not None:
                contact.tier = tier
            else:
                contact.circle = Circle.PERSONAL
            _give_cadence(session, contact, cadence, today)
            contact.triage = None
            planned = contact.id in top_up_plan(session, today)
        elif choice == "skip":
            contact.triage = TriageState.SKIPPED
        else:
            contact.archived = True
            contact.triage = None
        contact.updated_at = ctx.now()
        step.label = f"Triaged {contact.full_name} ({DECISIONS[choice]})"
        return TriageOutcome(
            id=contact.id,
            name=contact.full_name,
            decision=choice,
            next_due=contact.next_due_on if cadence else None,
            cadence=cadence.describe() if cadence else "",
            in_today_plan=planned,
        )
