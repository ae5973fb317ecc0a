"""The SQL of an import: indexes loaded once, new rows inserted in bulk, in chunks.

20,000 connections must take seconds, so nothing here runs a query per record: the
identity index and the companies are read once, new contacts, tags, details,
invitations and messages go in as bulk inserts, and lookups by id run `CHUNK` ids at a
time (a bound every database accepts in one `IN`). What to write is decided by
`services.import_rules`; `services.importing` calls these in order, in one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session, selectinload

from netday.scheduling.cadence import Cadence
from netday.scheduling.kinds import TESTIMONIAL_KINDS
from netday.services.contacts import apply_cadence, refresh_next_due
from netday.services.identity import Known, is_profile_url, traits
from netday.services.import_rules import NewContact, Target
from netday.services.lookup import company_key, name_key
from netday.services.records import InviteRecord, VouchRecord
from netday.store.models import Company, Contact, ContactDetail, ContactTag, Interaction, Invite
from netday.store.upsert import insert_all_missing
from netday.vocabulary import DetailKind, Direction, InteractionKind, InviteStatus, TriageState

CHUNK = 500
TALK_SUMMARY = "Messaged on LinkedIn (learned from the data export)"

InviteKey = tuple[str, str, dt.datetime]
"""(direction, name key, minute sent): older exports have no profile URLs, so the name
and the minute identify an invitation."""


T = TypeVar("T")


def chunks(items: Sequence[T]) -> Iterator[Sequence[T]]:
    """`items` in slices of at most `CHUNK`."""
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def load_known(session: Session) -> Known[Target]:
    """Every contact (archived ones too: archiving is not forgetting) in the identity index."""
    urls: dict[int, list[str]] = {}
    emails: dict[int, list[str]] = {}
    phones: dict[int, list[str]] = {}
    for cid, kind, value in session.execute(
        select(ContactDetail.contact_id, ContactDetail.kind, ContactDetail.value)
    ):
        if kind == DetailKind.EMAIL:
            emails.setdefault(cid, []).append(value)
        elif kind == DetailKind.PHONE:
            phones.setdefault(cid, []).append(value)
        elif is_profile_url(value):
            urls.setdefault(cid, []).append(value)
    known: Known[Target] = Known()
    rows = session.execute(
        select(
            Contact.id, Contact.full_name, Company.name, Contact.profile_url, Contact.email,
            Contact.phone,
        ).outerjoin(Company, Company.id == Contact.company_id).order_by(Contact.id)
    )  # fmt: skip
    for cid, name, company, url, email, phone in rows:
        known.add(
            cid,
            traits(
                name,
                company or "",
                profile_urls=[url, *urls.get(cid, ())],
                emails=[email, *emails.get(cid, ())],
                phones=[phone, *phones.get(cid, ())],
            ),
        )
    return known


class Companies:
    """Company ids by folded name, creating the missing ones in one insert at the end."""

    def __init__(self, session: Session, now: dt.datetime) -> None:
        self.session = session
        self.now = now
        self.ids: dict[str, int] = dict(
            (key, cid) for cid, key in session.execute(select(Company.id, Company.name_key))
        )
        self.missing: dict[str, str] = {}

    def want(self, name: str) -> str:
        """The company's key, to be created by `create_missing` if netday lacks it."""
        clean = " ".join(name.split())
        key = company_key(clean)
        if key and key not in self.ids:
            self.missing.setdefault(key, clean)
        return key

    def create_missing(self) -> None:
        if not self.missing:
            return
        rows = [
            {"name": name, "name_key": key, "followed": False, "notes": "", "created_at": self.now}
            for key, name in self.missing.items()
        ]
        # Race-free: a netday importing the same company at the same time makes it a no-op.
        insert_all_missing(self.session, Company, rows, ["name_key"])
        for chunk in chunks(list(self.missing)):
            self.ids.update(
                (key, cid)
                for key, cid in self.session.execute(
                    select(Company.name_key, Company.id).where(Company.name_key.in_(chunk))
                )
            )
        self.missing.clear()

    def id_of(self, key: str) -> int | None:
        return self.ids.get(key) if key else None

    def id_for(self, name: str) -> int | None:
        """The id of the company of that name, once `create_missing` has run."""
        return self.id_of(company_key(name))


def insert_contacts(
    session: Session, news: Sequence[NewContact], companies: Companies, today: dt.date
) -> None:
    """Insert the new contacts with their tags and details; each learns its id. Those
    that came with netday's own cadence get it, counted from today."""
    if not news:
        return
    rows = []
    for new in news:
        row = {k: v for k, v in new.values.items() if k != "company_key"}
        row["company_id"] = companies.id_of(new.values["company_key"])
        rows.append(row)
    ids = session.scalars(
        insert(Contact).returning(Contact.id, sort_by_parameter_order=True), rows
    ).all()
    tags: list[dict[str, Any]] = []
    details: list[dict[str, Any]] = []
    for new, cid in zip(news, ids, strict=True):
        new.id = cid
        tags += [{"contact_id": cid, "tag": t} for t in sorted(new.tags)]
        details += [{"contact_id": cid, "kind": k, "value": v} for k, v in new.details]
    if tags:
        session.execute(insert(ContactTag), tags)
    if details:
        session.execute(insert(ContactDetail), details)
    for new in news:
        if new.netday is not None and new.netday.cadence:
            contact = session.get_one(Contact, new.id)
            apply_cadence(contact, Cadence.parse(new.netday.cadence, today), today)
            refresh_next_due(session, contact, today)


def contacts_with_details(session: Session, ids: Sequence[int]) -> Iterable[Contact]:
    """The contacts (at most `CHUNK`) with their details and tags, ready to update."""
    query = (
        select(Contact)
        .where(Contact.id.in_(ids))
        .options(selectinload(Contact.details), selectinload(Contact.tags))
    )
    return session.scalars(query).unique()


def known_invites(session: Session) -> set[InviteKey]:
    return {
        (direction, name_key(name), sent_at)
        for direction, name, sent_at in session.execute(
            select(Invite.direction, Invite.name, Invite.sent_at)
        )
    }


def invite_key(invite: InviteRecord) -> InviteKey:
    return invite.direction, name_key(invite.name), invite.sent_at


def insert_invites(
    session: Session, invites: Sequence[tuple[InviteRecord, int | None]], now: dt.datetime
) -> None:
    """Insert pending invitations, each with the contact it is about (None: nobody yet)."""
    if not invites:
        return
    rows = [
        {
            "contact_id": contact_id,
            "name": invite.name,
            "profile_url": invite.profile_url,
            "direction": invite.direction,
            "message": invite.message,
            "sent_at": invite.sent_at,
            "status": InviteStatus.PENDING.value,
            "follow_ups": 0,
            "created_at": now,
        }
        for invite, contact_id in invites
    ]
    session.execute(insert(Invite), rows)


def follow_companies(session: Session, names: Iterable[str], now: dt.datetime) -> int:
    """Follow these companies (creating the ones netday lacks); how many were not yet."""
    companies = Companies(session, now)
    keys = sorted({companies.want(name) for name in names} - {""})
    companies.create_missing()
    followed = 0
    for chunk in chunks(keys):
        for company in session.scalars(select(Company).where(Company.name_key.in_(chunk))):
            if not company.followed:
                company.followed = True
                followed += 1
    return followed


def message_days(session: Session, ids: Sequence[int]) -> set[tuple[int, dt.date]]:
    """The (contact, day) pairs of these contacts (at most `CHUNK`) with a message
    logged: an import adds a message day only where netday has none, so importing the
    same export again (or one that overlaps) adds nothing twice."""
    return {
        (cid, at.date())
        for cid, at in session.execute(
            select(Interaction.contact_id, Interaction.occurred_at).where(
                Interaction.contact_id.in_(ids), Interaction.kind == InteractionKind.MESSAGE
            )
        )
    }


def insert_messages(
    session: Session, days: Sequence[tuple[int, dt.datetime]], today: dt.date, now: dt.datetime
) -> None:
    """Log each (contact, day's last message) as one conversation, then move the next
    due date of those with a cadence (a conversation restarts it)."""
    session.execute(
        insert(Interaction),
        [
            {
                "contact_id": cid,
                "kind": InteractionKind.MESSAGE.value,
                "occurred_at": at,
                "summary": TALK_SUMMARY,
                "direction": Direction.NEUTRAL.value,
                "created_at": now,
            }
            for cid, at in days
        ],
    )
    ids = sorted({cid for cid, _ in days})
    for contact in session.scalars(
        select(Contact).where(Contact.id.in_(ids), Contact.cadence_kind.is_not(None))
    ):
        refresh_next_due(session, contact, today)


VouchKey = tuple[int, str, str, dt.date]
"""(contact, kind, direction, day): one endorsement or recommendation each way per
person per day, whatever the time zone moved its minute to."""


def known_vouches(session: Session, ids: Sequence[int]) -> dict[VouchKey, Interaction]:
    """The endorsements and recommendations already logged with these contacts (at most
    `CHUNK`), by their key."""
    found = session.scalars(
        select(Interaction).where(
            Interaction.contact_id.in_(ids), Interaction.kind.in_(TESTIMONIAL_KINDS)
        )
    )
    return {(i.contact_id, i.kind, i.direction, i.occurred_at.date()): i for i in found}


def insert_vouches(
    session: Session, vouches: Sequence[tuple[int, VouchRecord]], now: dt.datetime
) -> None:
    """Log each endorsement or recommendation with its contact: given or asked on the
    balance, never a conversation (the cadence and the plan do not move)."""
    if not vouches:
        return
    session.execute(
        insert(Interaction),
        [
            {
                "contact_id": cid,
                "kind": vouch.kind,
                "occurred_at": vouch.at,
                "summary": vouch.summary,
                "direction": vouch.direction,
                "created_at": now,
            }
            for cid, vouch in vouches
        ],
    )


def names_of(session: Session, ids: Sequence[int]) -> dict[int, str]:
    names: dict[int, str] = {}
    for chunk in chunks(ids):
        names.update(
            (cid, name)
            for cid, name in session.execute(
                select(Contact.id, Contact.full_name).where(Contact.id.in_(chunk))
            )
        )
    return names


def count_to_triage(session: Session) -> int:
    pending = session.scalar(
        select(func.count()).select_from(Contact).where(Contact.triage == TriageState.PENDING)
    )
    return pending or 0
