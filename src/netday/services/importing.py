"""Taking in records read from someone else's files: match, then create or update.

One import is one transaction. Every record first passes the shared cleaning step
(`netday.cleaning`, limits from `netday.limits`; a record over a limit is rejected with
its file and line). Who a record is about is decided by the identity rule in
`services.identity` (a profile URL decides; a shared or contradicted e-mail, phone or
name decides nothing), so importing the same export twice, or a newer one, updates and
never duplicates, and two people are never merged by mistake. What a match may change
is written there too: nothing the user owns in netday. New people arrive without a
cadence and "to triage": quality over quantity (PRODUCT.md). Matching runs against
indexes loaded once and new rows are inserted in bulk, so 20,000 connections take seconds.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session, selectinload

from netday import limits
from netday.cleaning import clean_block, clean_line, clean_optional
from netday.errors import NetdayError
from netday.scheduling.cadence import Cadence
from netday.scheduling.kinds import CIRCLES, CONVERSATION_KINDS, TIERS
from netday.services.contacts import apply_cadence, refresh_next_due
from netday.services.context import Context
from netday.services.identity import (
    Crowd,
    Known,
    Match,
    Traits,
    email_key,
    is_profile_url,
    traits,
    url_key,
)
from netday.services.lookup import company_key, name_key
from netday.services.records import (
    ImportBatch,
    InviteRecord,
    NetdayFields,
    Origin,
    PersonRecord,
    Rejected,
    TalkRecord,
)
from netday.store.models import (
    Company,
    Contact,
    ContactDetail,
    ContactTag,
    Interaction,
    Invite,
)
from netday.store.upsert import insert_all_missing

Progress = Callable[[str, int, int], None]
"""Called as (stage, done, total) while an import runs; from a worker thread in the TUI."""

PROGRESS_EVERY = 500
CHUNK = 500
TALK_SUMMARY = "Messaged on LinkedIn (learned from the data export)"


@dataclass(frozen=True)
class NameOnly:
    """A record matched to a contact by name alone: listed so the user can check it."""

    origin: Origin
    what: str
    """The record as the user knows it: "Eve Stone", "invitation from Lee Wong"."""
    contact_id: int
    contact_name: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.what} -> #{self.contact_id} {self.contact_name}"


@dataclass(frozen=True)
class ImportReport:
    kind: str
    files: tuple[str, ...]
    dry_run: bool
    created: int
    updated: int
    unchanged: int
    rejected: tuple[Rejected, ...]
    invites_added: int = 0
    invites_known: int = 0
    companies_followed: int = 0
    conversations_learned: int = 0
    to_triage: int = 0
    notes: tuple[str, ...] = ()
    name_only: tuple[NameOnly, ...] = ()
    """Matches made on the weakest evidence (identity rule 3), for the user to check."""

    @property
    def changed_anything(self) -> bool:
        return bool(
            self.created
            or self.updated
            or self.invites_added
            or self.companies_followed
            or self.conversations_learned
        )


class _DryRun(Exception):
    """Raised to roll back a dry run after the report is known."""


@dataclass(eq=False)
class _New:
    """A contact to insert: the column values, plus tags and extra details.

    Compared by identity: it is a key of the identity index until it has an id."""

    values: dict[str, Any]
    tags: set[str] = field(default_factory=set)
    details: list[tuple[str, str]] = field(default_factory=list)
    netday: NetdayFields | None = None
    id: int | None = None


Target = int | _New


def _person_traits(record: PersonRecord) -> Traits:
    return traits(
        record.full_name,
        record.company,
        profile_urls=[record.profile_url, *(u for u in record.urls if is_profile_url(u))],
        emails=record.emails,
        phones=record.phones,
    )


def _load_known(session: Session) -> Known[Target]:
    """Every contact (archived ones too: archiving is not forgetting) in the identity index."""
    urls: dict[int, list[str]] = {}
    emails: dict[int, list[str]] = {}
    phones: dict[int, list[str]] = {}
    for cid, kind, value in session.execute(
        select(ContactDetail.contact_id, ContactDetail.kind, ContactDetail.value)
    ):
        if kind == "email":
            emails.setdefault(cid, []).append(value)
        elif kind == "phone":
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


class _Companies:
    """Company ids by folded name, creating the missing ones in one insert at the end."""

    def __init__(self, session: Session, now: dt.datetime) -> None:
        self.session = session
        self.now = now
        self.ids: dict[str, int] = dict(
            (key, cid) for cid, key in session.execute(select(Company.id, Company.name_key))
        )
        self.missing: dict[str, str] = {}

    def want(self, name: str) -> str:
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
        keys = list(self.missing)
        for start in range(0, len(keys), CHUNK):
            self.ids.update(
                (key, cid)
                for key, cid in self.session.execute(
                    select(Company.name_key, Company.id).where(
                        Company.name_key.in_(keys[start : start + CHUNK])
                    )
                )
            )
        self.missing.clear()

    def id_of(self, key: str) -> int | None:
        return self.ids.get(key) if key else None


def _check_netday(fields: NetdayFields | None, today: dt.date) -> NetdayFields | None:
    """netday's own fields, checked and cleaned; NetdayError says what is wrong."""
    if fields is None:
        return None
    if fields.tier and fields.tier.upper() not in TIERS:
        raise NetdayError(f"X-NETDAY-TIER must be one of {', '.join(TIERS)}, not {fields.tier!r}")
    if fields.circle and fields.circle.lower() not in CIRCLES:
        raise NetdayError(f"X-NETDAY-CIRCLE must be one of {', '.join(CIRCLES)}")
    cadence = clean_optional(fields.cadence, what="X-NETDAY-CADENCE", limit=limits.CADENCE_TEXT)
    if cadence:
        Cadence.parse(cadence, today)
    if fields.triage and fields.triage not in ("pending", "skipped"):
        raise NetdayError("X-NETDAY-TRIAGE must be pending or skipped")
    why = (
        None
        if fields.why is None
        else clean_block(fields.why, what="X-NETDAY-WHY", limit=limits.LONG_TEXT)
    )
    return replace(fields, cadence=cadence, why=why)


def _check_day(day: dt.date | None, what: str) -> None:
    if day is not None and not limits.DATE_MIN <= day <= limits.DATE_MAX:
        raise NetdayError(
            f"{what} {day.isoformat()} is outside {limits.DATE_MIN.isoformat()}"
            f" to {limits.DATE_MAX.isoformat()}"
        )


def _distinct(values: Sequence[str], what: str, limit: int) -> tuple[str, ...]:
    cleaned = (clean_line(v, what=what, limit=limit) for v in values)
    return tuple(dict.fromkeys(v for v in cleaned if v))


def _clean(record: PersonRecord, today: dt.date) -> PersonRecord | str:
    """The record through the shared cleaning step, or why it cannot be taken in."""
    try:
        name = clean_line(record.full_name, what="the name", limit=limits.NAME)
        if not name:
            return "no name"
        emails = tuple(e for e in _distinct(record.emails, "an e-mail", limits.EMAIL) if "@" in e)
        phones = _distinct(record.phones, "a phone", limits.PHONE)
        urls = _distinct(record.urls, "a URL", limits.URL)
        if len(emails) + len(phones) + len(urls) > limits.DETAILS_PER_CONTACT:
            return f"more than {limits.DETAILS_PER_CONTACT} e-mails, phones and URLs"
        tags = {t.lower() for t in _distinct(record.tags, "a tag", limits.TAG)}
        if len(tags) > limits.TAGS_PER_CONTACT:
            return f"more than {limits.TAGS_PER_CONTACT} tags"
        _check_day(record.birthday, "the birthday")
        _check_day(record.connected_on, "the connection date")
        return replace(
            record,
            full_name=name,
            company=clean_line(record.company, what="the company", limit=limits.NAME),
            role=clean_line(record.role, what="the title", limit=limits.ROLE),
            profile_url=clean_line(record.profile_url, what="the profile URL", limit=limits.URL),
            emails=emails,
            phones=phones,
            urls=urls,
            notes=clean_block(record.notes, what="the note", limit=limits.LONG_TEXT),
            tags=tuple(sorted(tags)),
            netday=_check_netday(record.netday, today),
        )
    except NetdayError as exc:
        return str(exc)


def _clean_invite(invite: InviteRecord) -> InviteRecord | str:
    try:
        _check_day(invite.sent_at.date(), "the date sent")
        return replace(
            invite,
            name=clean_line(invite.name, what="the name", limit=limits.NAME),
            profile_url=clean_line(invite.profile_url, what="the profile URL", limit=limits.URL),
            message=clean_block(invite.message, what="the message", limit=limits.LONG_TEXT),
        )
    except NetdayError as exc:
        return str(exc)


def _clean_talk(talk: TalkRecord) -> TalkRecord | str:
    try:
        _check_day(talk.at.date(), "the date")
        return replace(
            talk,
            name=clean_line(talk.name, what="the name", limit=limits.NAME),
            profile_url=clean_line(talk.profile_url, what="the profile URL", limit=limits.URL),
        )
    except NetdayError as exc:
        return str(exc)


def _detail_key(kind: str, value: str) -> tuple[str, str]:
    """What makes two e-mails, phones or URLs the same entry (case, punctuation aside)."""
    if kind == "email":
        return kind, email_key(value)
    if kind == "phone":
        return kind, re.sub(r"\D", "", value) or value.strip()
    return kind, url_key(value)


def _new_contact(record: PersonRecord, company_key: str, now: dt.datetime) -> _New:
    triage: str | None = "pending"
    tier, circle, why = "B", "professional", ""
    if record.netday is not None:
        triage = record.netday.triage
        tier = (record.netday.tier or tier).upper()
        circle = (record.netday.circle or circle).lower()
        why = record.netday.why or ""
    values = {
        "full_name": record.full_name,
        "name_key": name_key(record.full_name),
        "company_key": company_key,
        "role": record.role,
        "email": record.emails[0] if record.emails else "",
        "phone": record.phones[0] if record.phones else "",
        "profile_url": record.profile_url,
        "circle": circle,
        "tier": tier,
        "why": why,
        "notes": record.notes,
        "birthday": record.birthday,
        "archived": False,
        "triage": triage,
        "connected_on": record.connected_on,
        "source": record.source,
        "vcard": record.vcard,
        "created_at": now,
        "updated_at": now,
    }
    new = _New(values=values, tags=set(record.tags), netday=record.netday)
    new.details = _extra_details(
        record, str(values["email"]), str(values["phone"]), record.profile_url
    )
    return new


def _extra_details(
    record: PersonRecord, email: str, phone: str, profile_url: str
) -> list[tuple[str, str]]:
    """E-mails, phones and URLs beyond the one of each the contact row holds."""
    details = [("email", e) for e in record.emails if e != email]
    details += [("phone", p) for p in record.phones if p != phone]
    details += [("url", u) for u in record.urls if u != profile_url]
    return details


def _file_entries(record: PersonRecord) -> list[tuple[str, str]]:
    """Every e-mail, phone and URL of a record (its profile URL too), as detail entries."""
    entries = [("email", e) for e in record.emails] + [("phone", p) for p in record.phones]
    return entries + [("url", u) for u in (record.profile_url, *record.urls) if u]


def _merge_into_new(new: _New, record: PersonRecord, company_key: str) -> None:
    """A second row about someone created by this same import: it fills the gaps."""
    values = new.values
    for column, value in (
        ("role", record.role),
        ("notes", record.notes),
        ("profile_url", record.profile_url),
        ("birthday", record.birthday),
        ("connected_on", record.connected_on),
    ):
        if value and not values[column]:
            values[column] = value
    if company_key and not values["company_key"]:
        values["company_key"] = company_key
    have = {
        _detail_key(kind, str(values[column]))
        for kind, column in (("email", "email"), ("phone", "phone"), ("url", "profile_url"))
    } | {_detail_key(kind, value) for kind, value in new.details}
    for kind, value in _file_entries(record):
        key = _detail_key(kind, value)
        if key not in have and len(new.details) < limits.DETAILS_PER_CONTACT:
            new.details.append((kind, value))
            have.add(key)
    new.tags |= set(record.tags)


def _update_existing(contact: Contact, record: PersonRecord, companies: _Companies) -> bool:
    """Bring an existing contact up to date with a record; True when anything changed.

    The rule is in `services.identity` ("What a matched record may change"): nothing the
    user owns is touched and X-NETDAY-* values are ignored; company, title and connection
    date follow a file of the contact's own source, and otherwise only fill what is empty.
    """
    changed = False

    def put(column: str, value: object) -> None:
        nonlocal changed
        if getattr(contact, column) != value:
            setattr(contact, column, value)
            changed = True

    def fill(column: str, value: object) -> None:
        if value and not getattr(contact, column):
            put(column, value)

    follows_file = contact.source == record.source
    company_id = companies.id_of(company_key(record.company))
    if company_id is not None and (follows_file or contact.company_id is None):
        put("company_id", company_id)
    for column, value in (("role", record.role), ("connected_on", record.connected_on)):
        if follows_file and value:
            put(column, value)
        else:
            fill(column, value)
    fill("profile_url", record.profile_url)
    fill("email", record.emails[0] if record.emails else "")
    fill("phone", record.phones[0] if record.phones else "")
    fill("notes", record.notes)
    fill("birthday", record.birthday)
    if record.vcard and contact.vcard != record.vcard:
        put("vcard", record.vcard)
    have = {
        _detail_key("email", contact.email),
        _detail_key("phone", contact.phone),
        _detail_key("url", contact.profile_url),
    } | {_detail_key(d.kind, d.value) for d in contact.details}
    for kind, value in _file_entries(record):
        key = _detail_key(kind, value)
        if key not in have and len(contact.details) < limits.DETAILS_PER_CONTACT:
            contact.details.append(ContactDetail(kind=kind, value=value))
            have.add(key)
            changed = True
    tags = {t.tag for t in contact.tags}
    for tag in record.tags:
        if tag not in tags and len(tags) < limits.TAGS_PER_CONTACT:
            contact.tags.append(ContactTag(tag=tag))
            tags.add(tag)
            changed = True
    return changed


def _insert_new(
    session: Session, news: Sequence[_New], companies: _Companies, ctx: Context
) -> None:
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
    today = ctx.today()
    for new in news:
        if new.netday is not None and new.netday.cadence:
            contact = session.get_one(Contact, new.id)
            apply_cadence(contact, Cadence.parse(new.netday.cadence, today), today)
            refresh_next_due(session, contact, today)


def _id_of(target: Target) -> int:
    if isinstance(target, _New):
        assert target.id is not None, "a new contact is inserted before anything links to it"
        return target.id
    return target


@dataclass
class _Outcome:
    """What applying a batch did so far; becomes the ImportReport."""

    known: Known[Target]
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    by_name: list[tuple[Origin, str, Target]] = field(default_factory=list)
    """(where, what, whom) for every match made on the name alone."""

    def note_match(self, match: Match[Target], origin: Origin, what: str) -> None:
        if match.by == "name":
            self.by_name.append((origin, what, match.target))


def _apply_people(
    session: Session, batch: ImportBatch, ctx: Context, progress: Progress | None
) -> _Outcome:
    now = ctx.now()
    out = _Outcome(_load_known(session))
    companies = _Companies(session, now)
    records: list[PersonRecord] = []
    for raw in batch.people:
        record = _clean(raw, ctx.today())
        if isinstance(record, str):
            out.rejected.append(Rejected(raw.origin, record))
        else:
            records.append(record)
    found = [_person_traits(r) for r in records]
    crowd = Crowd(found)
    news: list[_New] = []
    updates: dict[int, list[PersonRecord]] = {}
    total = len(records)
    for done, (record, who) in enumerate(zip(records, found, strict=True), 1):
        if progress and done % PROGRESS_EVERY == 0:
            progress("matching", done, total)
        company_key = companies.want(record.company)
        match = out.known.find(who, crowd)
        if match is None:
            new = _new_contact(record, company_key, now)
            news.append(new)
            out.known.add(new, who)
            continue
        out.known.add(match.target, who)
        out.note_match(match, record.origin, record.full_name)
        if isinstance(match.target, _New):
            _merge_into_new(match.target, record, company_key)
            out.unchanged += 1
        else:
            updates.setdefault(match.target, []).append(record)
    companies.create_missing()
    if progress:
        progress("saving", 0, max(1, len(news)))
    _insert_new(session, news, companies, ctx)
    out.created = len(news)
    ids = list(updates)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        query = (
            select(Contact)
            .where(Contact.id.in_(chunk))
            .options(selectinload(Contact.details), selectinload(Contact.tags))
        )
        for contact in session.scalars(query).unique():
            changed = False
            for record in updates[contact.id]:
                changed = _update_existing(contact, record, companies) or changed
            if changed:
                contact.updated_at = now
                out.updated += 1
            else:
                out.unchanged += 1
        if progress:
            progress("updating", min(start + CHUNK, len(ids)), len(ids))
    return out


def _lone_traits(name: str, profile_url: str) -> Traits:
    """An invitation or a message names a person and maybe a profile, never a company."""
    return traits(name, None, profile_urls=[profile_url])


def _apply_invites(
    session: Session, batch: ImportBatch, out: _Outcome, now: dt.datetime
) -> tuple[int, int]:
    invites: list[InviteRecord] = []
    for raw in batch.invites:
        invite = _clean_invite(raw)
        if isinstance(invite, str):
            out.rejected.append(Rejected(raw.origin, invite))
        else:
            invites.append(invite)
    crowd = Crowd(_lone_traits(i.name, i.profile_url) for i in invites)
    # Older exports have no profile URLs: the name and the minute identify an invitation.
    known = {
        (direction, name_key(name), sent_at)
        for direction, name, sent_at in session.execute(
            select(Invite.direction, Invite.name, Invite.sent_at)
        )
    }
    added = seen = 0
    rows = []
    for invite in invites:
        key = (invite.direction, name_key(invite.name), invite.sent_at)
        if key in known:
            seen += 1
            continue
        known.add(key)
        match = out.known.find(_lone_traits(invite.name, invite.profile_url), crowd)
        if match is not None:
            way = "from" if invite.direction == "received" else "to"
            out.note_match(match, invite.origin, f"invitation {way} {invite.name}")
        rows.append(
            {
                "contact_id": None if match is None else _id_of(match.target),
                "name": invite.name,
                "profile_url": invite.profile_url,
                "direction": invite.direction,
                "message": invite.message,
                "sent_at": invite.sent_at,
                "status": "pending",
                "follow_ups": 0,
                "created_at": now,
            }
        )
        added += 1
    if rows:
        session.execute(insert(Invite), rows)
    return added, seen


def _apply_follows(session: Session, batch: ImportBatch, now: dt.datetime) -> int:
    companies = _Companies(session, now)
    keys = sorted({companies.want(f.company) for f in batch.follows} - {""})
    companies.create_missing()
    followed = 0
    for start in range(0, len(keys), CHUNK):
        chunk = keys[start : start + CHUNK]
        for company in session.scalars(select(Company).where(Company.name_key.in_(chunk))):
            if not company.followed:
                company.followed = True
                followed += 1
    return followed


def _apply_talks(session: Session, batch: ImportBatch, out: _Outcome, ctx: Context) -> int:
    talks: list[TalkRecord] = []
    for raw in batch.talks:
        talk = _clean_talk(raw)
        if isinstance(talk, str):
            out.rejected.append(Rejected(raw.origin, talk))
        else:
            talks.append(talk)
    crowd = Crowd(_lone_traits(t.name, t.profile_url) for t in talks)
    latest: dict[int, dt.datetime] = {}
    matched: dict[int, tuple[Match[Target], TalkRecord]] = {}
    for talk in talks:
        match = out.known.find(_lone_traits(talk.name, talk.profile_url), crowd)
        if match is None:
            continue
        cid = _id_of(match.target)
        if cid not in latest or talk.at > latest[cid]:
            latest[cid] = talk.at
            matched[cid] = (match, talk)
    learned = 0
    ids = list(latest)
    now = ctx.now()
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        last = dict(
            session.execute(
                select(Interaction.contact_id, func.max(Interaction.occurred_at))
                .where(
                    Interaction.contact_id.in_(chunk),
                    Interaction.kind.in_(CONVERSATION_KINDS),
                )
                .group_by(Interaction.contact_id)
            ).all()
        )
        fresh = [cid for cid in chunk if last.get(cid) is None or latest[cid] > last[cid]]
        if not fresh:
            continue
        session.execute(
            insert(Interaction),
            [
                {
                    "contact_id": cid,
                    "kind": "message",
                    "occurred_at": latest[cid],
                    "summary": TALK_SUMMARY,
                    "direction": "neutral",
                    "created_at": now,
                }
                for cid in fresh
            ],
        )
        for cid in fresh:
            match, talk = matched[cid]
            out.note_match(match, talk.origin, f"last message with {talk.name}")
        learned += len(fresh)
        for contact in session.scalars(
            select(Contact).where(Contact.id.in_(fresh), Contact.cadence_kind.is_not(None))
        ):
            refresh_next_due(session, contact, ctx.today())
    return learned


def _name_only(session: Session, out: _Outcome) -> tuple[NameOnly, ...]:
    ids = sorted({_id_of(target) for _, _, target in out.by_name})
    names: dict[int, str] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        names.update(
            (cid, name)
            for cid, name in session.execute(
                select(Contact.id, Contact.full_name).where(Contact.id.in_(chunk))
            )
        )
    return tuple(
        NameOnly(origin, what, _id_of(target), names.get(_id_of(target), ""))
        for origin, what, target in out.by_name
    )


def run_import(
    ctx: Context, batch: ImportBatch, *, dry_run: bool = False, progress: Progress | None = None
) -> ImportReport:
    """Apply a batch in one transaction; with `dry_run`, report what would happen and roll back."""
    report: ImportReport | None = None
    try:
        with ctx.db.transaction() as session:
            now = ctx.now()
            out = _apply_people(session, batch, ctx, progress)
            session.flush()
            invites_added, invites_known = _apply_invites(session, batch, out, now)
            followed = _apply_follows(session, batch, now)
            learned = _apply_talks(session, batch, out, ctx)
            session.flush()
            pending = session.scalar(
                select(func.count()).select_from(Contact).where(Contact.triage == "pending")
            )
            report = ImportReport(
                kind=batch.kind,
                files=batch.files,
                dry_run=dry_run,
                created=out.created,
                updated=out.updated,
                unchanged=out.unchanged,
                rejected=tuple(batch.rejected) + tuple(out.rejected),
                invites_added=invites_added,
                invites_known=invites_known,
                companies_followed=followed,
                conversations_learned=learned,
                to_triage=pending or 0,
                notes=batch.notes,
                name_only=_name_only(session, out),
            )
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    assert report is not None
    return report
