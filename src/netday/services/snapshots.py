"""Turning ORM rows into the frozen views of `views.py`, in one place."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from sqlalchemy import Row

from netday.scheduling.cadence import Cadence
from netday.scheduling.invites import invite_action
from netday.services.settings import SettingsView
from netday.services.views import ContactSummary, InteractionView, InviteView, PostView
from netday.store.models import Company, Contact, Interaction, Invite, Post
from netday.vocabulary import CadenceKind


@lru_cache(maxsize=1024)
def cadence_from_columns(
    kind: str | None, every: int | None, unit: str | None, rule: str | None
) -> Cadence | None:
    """Cadences repeat across thousands of contacts: build (and describe) each one once."""
    if kind == CadenceKind.RELATIVE and every and unit:
        return Cadence.relative(every, unit)  # type: ignore[arg-type]
    if kind == CadenceKind.CALENDAR and rule:
        return Cadence(CadenceKind.CALENDAR, rule=rule)
    return None


@lru_cache(maxsize=1024)
def _describe(cadence: Cadence | None) -> str:
    return cadence.describe() if cadence else ""


def cadence_of(contact: Contact) -> Cadence | None:
    return cadence_from_columns(
        contact.cadence_kind, contact.cadence_every, contact.cadence_unit, contact.cadence_rule
    )


SUMMARY_COLUMNS = (
    Contact.id,
    Contact.full_name,
    Company.name.label("company_name"),
    Contact.role,
    Contact.tier,
    Contact.circle,
    Contact.phone,
    Contact.profile_url,
    Contact.cadence_kind,
    Contact.cadence_every,
    Contact.cadence_unit,
    Contact.cadence_rule,
    Contact.next_due_on,
    Contact.archived,
    Contact.triage,
)
"""Select these (outer-joined to Company) to build summaries without loading ORM objects."""


def summary_from_row(row: Row[*tuple[Any, ...]]) -> ContactSummary:
    cadence = cadence_from_columns(
        row.cadence_kind, row.cadence_every, row.cadence_unit, row.cadence_rule
    )
    return ContactSummary(
        id=row.id,
        name=row.full_name,
        company=row.company_name or "",
        role=row.role,
        tier=row.tier,
        circle=row.circle,
        phone=row.phone,
        profile_url=row.profile_url,
        cadence=_describe(cadence),
        next_due=row.next_due_on,
        archived=row.archived,
        untriaged=row.triage is not None,
    )


def contact_summary(contact: Contact) -> ContactSummary:
    return ContactSummary(
        id=contact.id,
        name=contact.full_name,
        company=contact.company.name if contact.company else "",
        role=contact.role,
        tier=contact.tier,
        circle=contact.circle,
        phone=contact.phone,
        profile_url=contact.profile_url,
        cadence=_describe(cadence_of(contact)),
        next_due=contact.next_due_on,
        archived=contact.archived,
        untriaged=contact.triage is not None,
    )


def interaction_view(row: Interaction, contact_name: str) -> InteractionView:
    return InteractionView(
        id=row.id,
        contact_id=row.contact_id,
        contact_name=contact_name,
        kind=row.kind,
        at=row.occurred_at,
        minutes=row.minutes,
        summary=row.summary,
        direction=row.direction,
        follow_up_on=row.follow_up_on,
        outcome=row.outcome,
    )


def invite_view(
    row: Invite,
    display_name: str,
    today: dt.date,
    settings: SettingsView,
    warnings: tuple[str, ...] = (),
) -> InviteView:
    action = invite_action(
        row.direction,
        row.status,
        row.sent_at.date(),
        bool(row.message.strip()),
        row.follow_up_due,
        today,
        settings.invite_expiry_days,
    )
    return InviteView(
        id=row.id,
        contact_id=row.contact_id,
        name=display_name,
        profile_url=row.profile_url,
        direction=row.direction,
        message=row.message,
        sent_at=row.sent_at,
        status=row.status,
        answered_at=row.answered_at,
        follow_up_due=row.follow_up_due,
        follow_ups=row.follow_ups,
        age_days=(today - row.sent_at.date()).days,
        action=action.code if action else None,
        action_text=action.text if action else None,
        warnings=warnings,
    )


def post_view(row: Post, author: str, today: dt.date) -> PostView:
    return PostView(
        id=row.id,
        author_id=row.author_id,
        author=author,
        url=row.url,
        excerpt=row.excerpt,
        found_at=row.found_at,
        status=row.status,
        draft_comment=row.draft_comment,
        done_at=row.done_at,
        age_days=(today - row.found_at.date()).days,
    )
