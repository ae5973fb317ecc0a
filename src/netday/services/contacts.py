"""Adding, editing, finding and archiving contacts; keeping their next-due date right."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from netday import limits
from netday.cleaning import clean_block, clean_line, clean_optional, quoted, strip_controls
from netday.config import parse_iso_date
from netday.errors import NetdayError
from netday.scheduling.cadence import Cadence, spread_key
from netday.scheduling.when import in_range
from netday.services.context import Context
from netday.services.lookup import company_key, name_key, resolve_contact
from netday.services.outcomes import answered
from netday.services.people import PeopleFilter, list_people
from netday.services.promises import ledger_of
from netday.services.settings import load_settings
from netday.services.snapshots import (
    cadence_of,
    contact_summary,
    interaction_view,
    invite_view,
    post_view,
)
from netday.services.undo import undoable
from netday.services.views import ContactDetail, ContactSummary
from netday.settings_fields import NEW_CONTACT_CIRCLE, NEW_CONTACT_TIER
from netday.store.models import (
    Company,
    Contact,
    ContactTag,
    Interaction,
    Invite,
    PlanItem,
    Post,
)
from netday.store.upsert import insert_if_missing
from netday.vocabulary import (
    CadenceKind,
    Circle,
    Direction,
    DueFilter,
    InteractionKind,
    PeopleSort,
    Tier,
    listed,
    values,
)
from netday.wording import plural

TIMELINE_LIMIT = 50


@dataclass(frozen=True)
class ContactFields:
    """What a user may set on a contact; None means "leave as it is"."""

    full_name: str | None = None
    company: str | None = None
    role: str | None = None
    email: str | None = None
    phone: str | None = None
    profile_url: str | None = None
    circle: str | None = None
    tier: str | None = None
    why: str | None = None
    notes: str | None = None
    tags: tuple[str, ...] | None = None
    birthday: dt.date | None = None
    connected_on: dt.date | None = None
    """The day the user and the person connected (LinkedIn's date when imported): its
    anniversaries are reasons in the plan (`scheduling.occasions`)."""
    cadence: Cadence | None = None
    clear_cadence: bool = False
    clear_birthday: bool = False
    clear_connected_on: bool = False


@dataclass(frozen=True)
class NewContactDefaults:
    """What a new contact gets when nobody says otherwise; a form pre-fills these."""

    circle: str
    tier: str
    cadence: str
    """The cadence of the default circle's new contact (`default_cadence`), as
    `Cadence.parse` reads it back."""
    circle_cadences: dict[str, str]
    """Each circle's new-contact cadence (`SettingsView.circle_cadence`), so a form that
    changes the circle can change the cadence it pre-fills."""


def new_contact_defaults(ctx: Context) -> NewContactDefaults:
    """The defaults `add_contact` applies: circle and tier as declared in
    `netday.settings_fields`, the cadence from the settings."""
    with ctx.db.reading() as session:
        settings = load_settings(session)
    cadences = {circle.value: settings.circle_cadence(circle) for circle in Circle}
    return NewContactDefaults(
        circle=NEW_CONTACT_CIRCLE,
        tier=NEW_CONTACT_TIER,
        cadence=cadences[NEW_CONTACT_CIRCLE],
        circle_cadences=cadences,
    )


def company_by_name(session: Session, name: str, now: dt.datetime) -> Company | None:
    """The company of that name, created if new; None for a blank name."""
    clean = " ".join(name.split())
    if not clean:
        return None
    key = company_key(clean)
    company = session.scalar(select(Company).where(Company.name_key == key))
    if company is None:
        # Race-free: a concurrent netday creating the same company makes this a no-op.
        values = {"name": clean, "name_key": key, "followed": False, "notes": "", "created_at": now}
        insert_if_missing(session, Company, values, ["name_key"])
        company = session.scalars(select(Company).where(Company.name_key == key)).one()
    return company


def last_conversation_on(session: Session, contact_id: int) -> dt.date | None:
    last = session.scalar(
        select(func.max(Interaction.occurred_at)).where(
            Interaction.contact_id == contact_id, answered()
        )
    )
    return last.date() if last else None


def refresh_next_due(session: Session, contact: Contact, today: dt.date) -> None:
    """Recompute the indexed next-due date from the cadence and the last conversation."""
    cadence = cadence_of(contact)
    if cadence is None:
        contact.next_due_on = None
        return
    if contact.id is None:
        session.flush()
    last = last_conversation_on(session, contact.id)
    anchor = contact.cadence_since or today
    contact.next_due_on = cadence.next_due(last, anchor, spread_key(contact.name_key))


def cadence_schedule(
    cadence: Cadence, name: str, last_conversation: dt.date | None, today: dt.date
) -> list[dt.date]:
    """The next three dates a contact named `name` is due once saved today with
    `cadence` (`last_conversation` None for a new contact): what `refresh_next_due`
    stores, so the form's preview and the saved contact agree."""
    return cadence.schedule(last_conversation, today, spread_key(name_key(strip_controls(name))))


def apply_cadence(contact: Contact, cadence: Cadence | None, today: dt.date) -> None:
    contact.cadence_kind = cadence.kind if cadence else None
    relative = cadence is not None and cadence.kind == CadenceKind.RELATIVE
    contact.cadence_every = cadence.every if cadence and relative else None
    contact.cadence_unit = cadence.unit if cadence and relative else None
    contact.cadence_rule = cadence.rule if cadence and not relative else None
    contact.cadence_since = today if cadence else None
    contact.cadence_days = cadence.approx_days if cadence else None


_LINES = {
    "full_name": ("a name", limits.NAME),
    "company": ("a company name", limits.NAME),
    "role": ("a role", limits.ROLE),
    "email": ("an e-mail address", limits.EMAIL),
    "phone": ("a phone number", limits.PHONE),
    "profile_url": ("a profile URL", limits.URL),
}
_BLOCKS = {"why": "why they matter", "notes": "the notes"}

PHONE_CHARACTERS = "digits, spaces and + ( ) - ."
_PHONE = re.compile(r"[0-9 +().-]*[0-9][0-9 +().-]*")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+")
_URL = re.compile(r"(?:https?://)?[^\s/?#@]+\.[^\s/?#@.]+(?:[/?#]\S*)?", re.IGNORECASE)


def check_shapes(fields: ContactFields) -> None:
    """What a field can hold, beyond its length: a phone is a number (`PHONE_CHARACTERS`,
    at least one digit), an e-mail has one `@` with something on both sides, a profile
    URL is an address (`https://` optional, a host with a dot, no spaces). Typed values
    only: an importer keeps an address book's phones as written (README, "What netday
    accepts"), and an edit that leaves a field as it is does not judge it again."""
    if fields.phone and not _PHONE.fullmatch(fields.phone):
        raise NetdayError(f"{quoted(fields.phone)} is not a phone number: use {PHONE_CHARACTERS}")
    if fields.email and not _EMAIL.fullmatch(fields.email):
        raise NetdayError(f"{quoted(fields.email)} is not an e-mail address")
    check_profile_url(fields.profile_url or "")


def check_profile_url(url: str) -> None:
    """A profile URL (cleaned) is a web address, or blank: a contact's, and an
    invitation's, which becomes the contact's when it is accepted."""
    if url and not _URL.fullmatch(url):
        raise NetdayError(
            f"{quoted(url)} is not a web address (like https://www.linkedin.com/in/name)"
        )


def checked_fields(fields: ContactFields, today: dt.date) -> ContactFields:
    """The fields cleaned (`netday.cleaning`, limits from `netday.limits`) and checked;
    NetdayError names the first field over its limit or out of its choices."""
    changes: dict[str, object] = {
        name: clean_optional(getattr(fields, name), what=what, limit=limit)
        for name, (what, limit) in _LINES.items()
    }
    for name, what in _BLOCKS.items():
        value = getattr(fields, name)
        if value is not None:
            changes[name] = clean_block(value, what=what, limit=limits.LONG_TEXT)
    if fields.tags is not None:
        tags = {clean_line(t, what="a tag", limit=limits.TAG).lower() for t in fields.tags}
        tags.discard("")
        if len(tags) > limits.TAGS_PER_CONTACT:
            raise NetdayError(f"a contact has at most {limits.TAGS_PER_CONTACT} tags")
        changes["tags"] = tuple(sorted(tags))
    clean = dataclasses.replace(fields, **changes)  # type: ignore[arg-type]
    if clean.full_name is not None and not clean.full_name:
        raise NetdayError("a contact needs a name")
    if clean.tier is not None and clean.tier.upper() not in values(Tier):
        raise NetdayError(f"tier must be one of {listed(Tier)}, not {quoted(clean.tier)}")
    if clean.circle is not None and clean.circle.lower() not in values(Circle):
        raise NetdayError(f"circle must be one of {listed(Circle)}, not {quoted(clean.circle)}")
    check_shapes(clean)
    if clean.birthday is not None:
        in_range(clean.birthday, f"birthday {clean.birthday.isoformat()}")
    if clean.connected_on is not None:
        in_range(clean.connected_on, f"connected on {clean.connected_on.isoformat()}")
        if clean.connected_on > today:
            raise NetdayError(
                f"connected on {clean.connected_on.isoformat()} is in the future:"
                " the day you connected has to have come"
            )
    if clean.cadence is not None:
        clean.cadence.check(today)
    return clean


def check_contact(ctx: Context, fields: ContactFields, *, new: bool) -> ContactFields:
    """The verdict on a contact's fields before saving them: cleaned, or refused with the
    reason (a new contact needs a name, an e-mail needs an `@`, limits, choices)."""
    if new and fields.full_name is None:
        raise NetdayError("a contact needs a name")
    return checked_fields(fields, ctx.today())


def _assign(session: Session, contact: Contact, fields: ContactFields, ctx: Context) -> None:
    now = ctx.now()
    for name in ("role", "email", "phone", "profile_url", "why", "notes"):
        value = getattr(fields, name)
        if value is not None:
            setattr(contact, name, value)
    if fields.full_name is not None:
        contact.full_name = fields.full_name
        contact.name_key = name_key(contact.full_name)
    if fields.company is not None:
        company = company_by_name(session, fields.company, now)
        contact.company_id = company.id if company else None
        contact.company = company
    if fields.tier is not None:
        contact.tier = fields.tier.upper()
    if fields.circle is not None:
        contact.circle = fields.circle.lower()
    if fields.birthday is not None or fields.clear_birthday:
        contact.birthday = fields.birthday
    if fields.connected_on is not None or fields.clear_connected_on:
        contact.connected_on = fields.connected_on
    if fields.tags is not None:
        contact.tags = [ContactTag(tag=t) for t in fields.tags]
    contact.updated_at = now


def create_contact(session: Session, fields: ContactFields, ctx: Context) -> Contact:
    """A new contact inside the caller's transaction; the default cadence unless told."""
    fields = check_contact(ctx, fields, new=True)
    now = ctx.now()
    contact = Contact(
        full_name="",
        name_key="",
        role="",
        email="",
        phone="",
        profile_url="",
        circle=NEW_CONTACT_CIRCLE,
        tier=NEW_CONTACT_TIER,
        why="",
        notes="",
        archived=False,
        created_at=now,
        updated_at=now,
    )
    _assign(session, contact, fields, ctx)
    session.add(contact)
    session.flush()
    cadence = None if fields.clear_cadence else fields.cadence
    if cadence is None and not fields.clear_cadence:
        cadence = Cadence.parse_every(load_settings(session).circle_cadence(contact.circle))
    apply_cadence(contact, cadence, ctx.today())
    refresh_next_due(session, contact, ctx.today())
    return contact


def add_contact(ctx: Context, fields: ContactFields) -> ContactSummary:
    with undoable(ctx) as (session, step):
        contact = create_contact(session, fields, ctx)
        step.label = f"Added {contact.full_name}"
        return contact_summary(contact)


def edit_contact(ctx: Context, ref: str, fields: ContactFields) -> ContactSummary:
    fields = check_contact(ctx, fields, new=False)
    with undoable(ctx) as (session, step):
        contact = resolve_contact(session, ref, include_archived=True)
        step.label = f"Edited {contact.full_name}"
        _assign(session, contact, fields, ctx)
        if fields.clear_cadence or fields.cadence is not None:
            apply_cadence(contact, None if fields.clear_cadence else fields.cadence, ctx.today())
            refresh_next_due(session, contact, ctx.today())
        return contact_summary(contact)


def set_archived(ctx: Context, ref: str, archived: bool = True) -> ContactSummary:
    with undoable(ctx) as (session, step):
        contact = resolve_contact(session, ref, include_archived=True)
        contact.archived = archived
        contact.updated_at = ctx.now()
        step.label = f"{'Archived' if archived else 'Restored'} {contact.full_name}"
        return contact_summary(contact)


@dataclass(frozen=True)
class ContactDeletion:
    """A contact and the history that goes with it when it is deleted."""

    id: int
    name: str
    interactions: int
    invites: int
    posts: int

    def what(self) -> str:
        """`Bruno Costa and 14 interactions, 2 invitations, 3 posts`."""
        history = [
            plural(count, word)
            for count, word in (
                (self.interactions, "interaction"),
                (self.invites, "invitation"),
                (self.posts, "post"),
            )
            if count
        ]
        return f"{self.name} and {', '.join(history)}" if history else self.name


_HISTORY = (
    (Interaction, Interaction.contact_id),
    (Invite, Invite.contact_id),
    (Post, Post.author_id),
)
"""What a contact's deletion takes with it (its tags, details and plan entries too)."""


def _deletion(session: Session, contact: Contact) -> ContactDeletion:
    interactions, invites, posts = (
        session.scalar(select(func.count()).select_from(model).where(column == contact.id)) or 0
        for model, column in _HISTORY
    )
    return ContactDeletion(contact.id, contact.full_name, interactions, invites, posts)


def deletion_of(ctx: Context, ref: str) -> ContactDeletion:
    """What deleting this contact would take with it, for the question asked first."""
    with ctx.db.reading() as session:
        return _deletion(session, resolve_contact(session, ref, include_archived=True))


def delete_contact(ctx: Context, ref: str) -> ContactDeletion:
    """Delete a contact with its interactions, invitations, posts, tags, details and
    plan entries (archiving keeps the history instead); returns what went. Row by row
    through the session, so whatever watches the session's flushes sees each one."""
    with undoable(ctx) as (session, step):
        contact = resolve_contact(session, ref, include_archived=True)
        gone = _deletion(session, contact)
        step.label = f"Deleted {gone.what()}"
        for model, column in (*_HISTORY, (PlanItem, PlanItem.contact_id)):
            for row in session.scalars(select(model).where(column == contact.id)):
                session.delete(row)
        session.delete(contact)
        session.flush()
        return gone


def show_contact(ctx: Context, ref: str) -> ContactDetail:
    today = ctx.today()
    with ctx.db.reading() as session:
        contact = resolve_contact(session, ref, include_archived=True)
        settings = load_settings(session)
        invites = session.scalars(
            select(Invite).where(Invite.contact_id == contact.id).order_by(Invite.sent_at.desc())
        ).all()
        # Sending an invitation is also logged as an interaction; the invitation itself
        # is on the timeline, so that record of its sending is not shown a second time.
        sending = and_(
            Interaction.kind == InteractionKind.INVITE,
            Interaction.occurred_at.in_([i.sent_at for i in invites]),
        )
        rows = session.scalars(
            select(Interaction)
            .where(Interaction.contact_id == contact.id, ~sending)
            .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
            .limit(TIMELINE_LIMIT)
        ).all()
        balance: dict[str, int] = {
            direction: count
            for direction, count in session.execute(
                select(Interaction.direction, func.count())
                .where(Interaction.contact_id == contact.id)
                .group_by(Interaction.direction)
            )
        }
        posts = session.scalars(
            select(Post)
            .where(Post.author_id == contact.id)
            .order_by(Post.found_at.desc())
            .limit(TIMELINE_LIMIT)
        ).all()
        cadence = cadence_of(contact)
        return ContactDetail(
            summary=contact_summary(contact),
            email=contact.email,
            why=contact.why,
            notes=contact.notes,
            tags=tuple(t.tag for t in contact.tags),
            birthday=contact.birthday,
            connected_on=contact.connected_on,
            cadence_spec=cadence.spec() if cadence else "",
            upcoming=tuple(
                cadence.upcoming(contact.next_due_on, 3) if cadence and contact.next_due_on else ()
            ),
            last_conversation=last_conversation_on(session, contact.id),
            follow_up_on=contact.follow_up_on,
            snoozed_until=contact.snoozed_until,
            gave=balance.get(Direction.GAVE, 0),
            asked=balance.get(Direction.ASKED, 0),
            interactions=tuple(interaction_view(r, contact.full_name) for r in rows),
            invites=tuple(invite_view(i, contact.full_name, today, settings) for i in invites),
            posts=tuple(post_view(p, contact.full_name, today) for p in posts),
            created_at=contact.created_at,
            updated_at=contact.updated_at,
            promises=ledger_of(session, contact),
        )


def list_contacts(
    ctx: Context,
    *,
    due: bool = False,
    circle: str | None = None,
    tier: str | None = None,
    tag: str | None = None,
    search: str | None = None,
    archived: bool = False,
    limit: int | None = None,
) -> list[ContactSummary]:
    """Contacts by name; with `due`, those due today or overdue, soonest due (most
    overdue) first. The people list's query (`netday.services.people`), without the
    last conversation."""
    found = PeopleFilter(
        circle=circle,
        tier=tier,
        tag=tag or "",
        search=search or "",
        due=DueFilter.DUE if due else None,
        archived=archived,
    )
    sort = PeopleSort.NEXT_DUE if due else PeopleSort.NAME
    return [row.summary for row in list_people(ctx, found, sort, limit=limit, last_talk=False)]


def follow_company(ctx: Context, name: str, followed: bool = True) -> str:
    """Companies are followed, not connected to (PRODUCT.md, practice 7); undoable (a
    company first named here goes again)."""
    name = clean_line(name, what="a company name", limit=limits.NAME)
    with undoable(ctx) as (session, step):
        company = company_by_name(session, name, ctx.now())
        if company is None:
            raise NetdayError("name the company to follow")
        company.followed = followed
        step.label = f"{'Followed' if followed else 'Stopped following'} {company.name}"
        return company.name


def read_birthday(text: str, what: str = "the birthday") -> dt.date | None:
    """A birthday as typed, YYYY-MM-DD within the dates netday keeps; blank for none."""
    return parse_iso_date(text, what) if text.strip() else None


def read_connected_on(text: str, what: str = "the connection date") -> dt.date | None:
    """The day of connecting as typed, YYYY-MM-DD; blank for none (`check_contact`
    refuses a day after today)."""
    return parse_iso_date(text, what) if text.strip() else None


def read_tags(text: str) -> tuple[str, ...]:
    """Tags as typed in one field, separated by commas (`check_contact` cleans them)."""
    return tuple(tag for tag in (t.strip() for t in text.split(",")) if tag)


def read_cadence(
    text: str, today: dt.date, form: Literal["either", "every", "rrule"] = "either"
) -> Cadence | None:
    """A cadence as typed, from today: words ("every 3 weeks", "last Friday of each
    month", as netday prints them) or an RRULE in one field (the form, where blank means
    none), or one of the two (the CLI's `--every` / `--rrule`, where blank is refused).
    `NetdayError` says why a text does not parse."""
    if form == "either" and not text.strip():
        return None
    read = {"either": Cadence.parse, "every": Cadence.parse_words, "rrule": Cadence.parse_rrule}
    return read[form](text, today)
