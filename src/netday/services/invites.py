"""Invitations: sent with a personal message, answered, followed up, never left to rot."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from netday import limits
from netday.cleaning import clean_block, clean_line, quoted
from netday.errors import NetdayError, NotFound
from netday.scheduling.invites import HELP_REPLY as HELP_REPLY
from netday.scheduling.invites import MessageCheck, check_message
from netday.services.circles import in_circle
from netday.services.contacts import (
    ContactFields,
    check_profile_url,
    create_contact,
    refresh_next_due,
)
from netday.services.context import Context
from netday.services.journal import record_interaction, summary_text
from netday.services.lookup import name_key, resolve_contact
from netday.services.settings import load_settings
from netday.services.snapshots import invite_view
from netday.services.undo import undoable
from netday.services.views import InviteView
from netday.store.models import Contact, Invite, MessageTemplate
from netday.vocabulary import InteractionKind, InviteDirection, InviteStatus, Tier

PENDING_LIMIT = 50
ACCEPTED_TIER = Tier.C
"""Someone new who accepted an invitation starts at the lowest tier, until triaged up."""


def _message(text: str) -> str:
    return clean_block(text, what="the message", limit=limits.LONG_TEXT)


def _url(text: str) -> str:
    url = clean_line(text, what="a profile URL", limit=limits.URL)
    check_profile_url(url)  # an accepted invitation's URL becomes its contact's
    return url


def _cut(text: str) -> str:
    """A note netday writes itself around a user's text, kept within `LONG_TEXT`."""
    return text[: limits.LONG_TEXT]


def _display_name(session: Session, invite: Invite) -> str:
    if invite.contact_id is not None:
        contact = session.get(Contact, invite.contact_id)
        if contact is not None:
            return contact.full_name
    return invite.name


def _view(
    session: Session, invite: Invite, ctx: Context, warnings: tuple[str, ...] = ()
) -> InviteView:
    return invite_view(
        invite, _display_name(session, invite), ctx.today(), load_settings(session), warnings
    )


def _templates(session: Session) -> list[str]:
    return list(session.scalars(select(MessageTemplate.body)))


def _party(
    session: Session, contact_ref: str | None, name: str | None
) -> tuple[Contact | None, str]:
    """The other person: an existing contact, or just a name (not yet a contact)."""
    contact = resolve_contact(session, contact_ref) if contact_ref else None
    typed = clean_line(name or "", what="a name", limit=limits.NAME)
    person = contact.full_name if contact else typed
    if contact is None and person:
        # Someone typed by name who is already a contact, exactly: link them.
        same = session.scalars(
            select(Contact).where(Contact.name_key == name_key(person), Contact.archived.is_(False))
        ).all()
        if len(same) == 1:
            contact = same[0]
    if not person:
        raise NetdayError("say who the invitation is with: a contact or a name")
    return contact, person


def _new_invite(
    session: Session,
    contact: Contact | None,
    person: str,
    direction: str,
    message: str,
    profile_url: str,
    *,
    sent_at: dt.datetime,
    now: dt.datetime,
    follow_up_due: dt.date | None = None,
) -> Invite:
    invite = Invite(
        contact_id=contact.id if contact else None,
        name=person,
        profile_url=profile_url or (contact.profile_url if contact else ""),
        direction=direction,
        message=message,
        sent_at=sent_at,
        status=InviteStatus.PENDING,
        follow_up_due=follow_up_due,
        follow_ups=0,
        created_at=now,
    )
    session.add(invite)
    return invite


def send_invite(
    ctx: Context,
    message: str,
    *,
    contact_ref: str | None = None,
    name: str | None = None,
    profile_url: str = "",
) -> InviteView:
    """Refused without a message; flagged when it names nobody or copies a template."""
    now = ctx.now()
    message, profile_url = _message(message), _url(profile_url)
    with undoable(ctx) as (session, step):
        contact, person = _party(session, contact_ref, name)
        step.label = f"Sent an invitation to {person}"
        check = check_message(message, person, _templates(session))
        settings = load_settings(session)
        invite = _new_invite(
            session,
            contact,
            person,
            InviteDirection.SENT,
            message,
            profile_url,
            sent_at=now,
            now=now,
            follow_up_due=now.date() + dt.timedelta(days=settings.invite_follow_up_days),
        )
        if contact is not None:
            record_interaction(
                session,
                contact,
                kind=InteractionKind.INVITE,
                at=now,
                now=now,
                summary=_cut(f"Invitation sent: {message}"),
            )
        session.flush()
        return _view(session, invite, ctx, tuple(check.warnings))


def record_received(
    ctx: Context,
    *,
    contact_ref: str | None = None,
    name: str | None = None,
    message: str = "",
    profile_url: str = "",
    at: dt.datetime | None = None,
) -> InviteView:
    now = ctx.now()
    message, profile_url = _message(message), _url(profile_url)
    with undoable(ctx) as (session, step):
        contact, person = _party(session, contact_ref, name)
        step.label = f"Recorded an invitation from {person}"
        invite = _new_invite(
            session,
            contact,
            person,
            InviteDirection.RECEIVED,
            message,
            profile_url,
            sent_at=at or now,
            now=now,
        )
        session.flush()
        return _view(session, invite, ctx)


def _get(session: Session, invite_id: int) -> Invite:
    if not 1 <= invite_id <= limits.ID_MAX:
        raise NotFound(f"no invitation has that id (ids are 1 to {limits.ID_MAX:,})")
    invite = session.get(Invite, invite_id)
    if invite is None:
        raise NotFound(f"no invitation has id {invite_id}")
    return invite


def _require_pending(invite: Invite) -> None:
    if invite.status != InviteStatus.PENDING:
        raise NetdayError(f"invitation {invite.id} is already {invite.status}")


def _contact_for_accepted(session: Session, invite: Invite, ctx: Context) -> Contact:
    """An accepted invitation makes a connection: reuse the contact or create one."""
    if invite.contact_id is not None:
        existing = session.get(Contact, invite.contact_id)
        if existing is not None:
            return existing
    fields = ContactFields(
        full_name=invite.name, profile_url=invite.profile_url, tier=ACCEPTED_TIER
    )
    contact = create_contact(session, fields, ctx)
    invite.contact_id = contact.id
    return contact


def accept_invite(ctx: Context, invite_id: int) -> InviteView:
    """Accepted either way: the first call goes into the next plan."""
    now = ctx.now()
    with undoable(ctx) as (session, step):
        invite = _get(session, invite_id)
        _require_pending(invite)
        step.label = f"Marked the invitation with {_display_name(session, invite)} accepted"
        invite.status, invite.answered_at = InviteStatus.ACCEPTED, now
        contact = _contact_for_accepted(session, invite, ctx)
        contact.follow_up_on = now.date()
        contact.follow_up_kind = "invite_accepted"
        contact.follow_up_since = now.date()
        contact.updated_at = now
        refresh_next_due(session, contact, now.date())
        session.flush()
        return _view(session, invite, ctx)


def _close(ctx: Context, invite_id: int, status: str, direction: str | None) -> InviteView:
    with undoable(ctx) as (session, step):
        invite = _get(session, invite_id)
        _require_pending(invite)
        if direction and invite.direction != direction:
            raise NetdayError(f"only a {direction} invitation can be {status}")
        step.label = f"Marked the invitation with {_display_name(session, invite)} {status}"
        invite.status, invite.answered_at = status, ctx.now()
        session.flush()
        return _view(session, invite, ctx)


def decline_invite(ctx: Context, invite_id: int) -> InviteView:
    return _close(ctx, invite_id, InviteStatus.DECLINED, None)


def withdraw_invite(ctx: Context, invite_id: int) -> InviteView:
    return _close(ctx, invite_id, InviteStatus.WITHDRAWN, InviteDirection.SENT)


def follow_up_invite(ctx: Context, invite_id: int, note: str = "") -> InviteView:
    """A nudge on a sent invitation: logged, and the next follow-up pushed back."""
    now = ctx.now()
    note = summary_text(note)
    with undoable(ctx) as (session, step):
        invite = _get(session, invite_id)
        _require_pending(invite)
        if invite.direction != InviteDirection.SENT:
            raise NetdayError("only a sent invitation can be followed up")
        step.label = f"Followed up on the invitation to {_display_name(session, invite)}"
        settings = load_settings(session)
        invite.follow_ups += 1
        invite.follow_up_due = now.date() + dt.timedelta(days=settings.invite_follow_up_days)
        if invite.contact_id is not None:
            contact = session.get_one(Contact, invite.contact_id)
            record_interaction(
                session,
                contact,
                kind=InteractionKind.INVITE,
                at=now,
                now=now,
                summary=note or "Followed up on the invitation",
            )
        session.flush()
        return _view(session, invite, ctx)


def _views(session: Session, ctx: Context, query: Select[Invite]) -> list[InviteView]:
    """Invitations with their display names in one query, settings read once."""
    settings = load_settings(session)
    rows = session.execute(
        query.add_columns(Contact.full_name).outerjoin(Contact, Contact.id == Invite.contact_id)
    )
    return [invite_view(row, name or row.name, ctx.today(), settings) for row, name in rows]


def pending_invites(
    session: Session, ctx: Context, limit: int = PENDING_LIMIT, circle: str | None = None
) -> list[InviteView]:
    """Invitations waiting for an answer, oldest first; with a `circle`, only those with
    someone in it."""
    query = (
        select(Invite)
        .where(Invite.status == InviteStatus.PENDING, in_circle(Invite.contact_id, circle))
        .order_by(Invite.sent_at)
        .limit(limit)
    )
    return _views(session, ctx, query)


def list_invites(
    ctx: Context,
    status: str | None = InviteStatus.PENDING,
    direction: str | None = None,
    limit: int = 200,
    circle: str | None = None,
) -> list[InviteView]:
    """Invitations, newest first; with a `circle`, only those with someone in it."""
    query = (
        select(Invite)
        .where(in_circle(Invite.contact_id, circle))
        .order_by(Invite.sent_at.desc())
        .limit(limit)
    )
    if status:
        query = query.where(Invite.status == status)
    if direction:
        query = query.where(Invite.direction == direction)
    with ctx.db.reading() as session:
        return _views(session, ctx, query)


def add_template(ctx: Context, name: str, body: str) -> None:
    name = clean_line(name, what="a template name", limit=limits.TEMPLATE_NAME)
    body = _message(body)
    if not name or not body:
        raise NetdayError("a template needs a name and a text")
    with ctx.db.transaction() as session:
        if session.scalar(select(MessageTemplate).where(MessageTemplate.name == name)):
            raise NetdayError(f"a template named {quoted(name)} already exists")
        session.add(MessageTemplate(name=name, body=body))


def list_templates(ctx: Context) -> list[tuple[str, str]]:
    with ctx.db.reading() as session:
        rows = session.execute(
            select(MessageTemplate.name, MessageTemplate.body).order_by(MessageTemplate.name)
        )
        return [(n, b) for n, b in rows]


def check_invite_message(message: str, who: str, templates: Iterable[str]) -> MessageCheck:
    """The verdict on a message before it is sent (a form shows it as you type):
    `NetdayError` without a personal message; flags for one that does not name `who`
    or copies a template word for word. `send_invite` applies the same check."""
    return check_message(message, who or " ", templates)
