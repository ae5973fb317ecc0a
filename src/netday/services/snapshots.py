"""Turning ORM rows into the frozen views of `views.py`, in one place."""

from __future__ import annotations

import datetime as dt

from netday.scheduling.cadence import Cadence
from netday.scheduling.invites import invite_action
from netday.services.settings import SettingsView
from netday.services.views import ContactSummary, InteractionView, InviteView, PostView
from netday.store.models import Contact, Interaction, Invite, Post


def cadence_of(contact: Contact) -> Cadence | None:
    if contact.cadence_kind == "relative" and contact.cadence_every and contact.cadence_unit:
        return Cadence.relative(contact.cadence_every, contact.cadence_unit)  # type: ignore[arg-type]
    if contact.cadence_kind == "calendar" and contact.cadence_rule:
        return Cadence("calendar", rule=contact.cadence_rule)
    return None


def contact_summary(contact: Contact) -> ContactSummary:
    cadence = cadence_of(contact)
    return ContactSummary(
        id=contact.id,
        name=contact.full_name,
        company=contact.company.name if contact.company else "",
        role=contact.role,
        tier=contact.tier,
        circle=contact.circle,
        phone=contact.phone,
        profile_url=contact.profile_url,
        cadence=cadence.describe() if cadence else "",
        next_due=contact.next_due_on,
        archived=contact.archived,
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
