"""Taking in records read from someone else's files: match, then create or update.

One import is one transaction. A person is matched by profile URL, then by e-mail, then
by exact name and company (accents and case aside), so importing the same export twice,
or a newer one, updates and never duplicates. New people arrive without a cadence and
"to triage": quality over quantity (PRODUCT.md). Matching runs against dictionaries
loaded once and new rows are inserted in bulk, so 20,000 connections take seconds.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from netday.errors import NetdayError
from netday.scheduling.cadence import Cadence
from netday.scheduling.invites import fold
from netday.scheduling.kinds import CIRCLES, CONVERSATION_KINDS, TIERS
from netday.services.contacts import apply_cadence, refresh_next_due
from netday.services.context import Context
from netday.services.lookup import name_key
from netday.services.records import ImportBatch, NetdayFields, PersonRecord, Rejected
from netday.services.snapshots import cadence_of
from netday.store.models import (
    Company,
    Contact,
    ContactDetail,
    ContactTag,
    Interaction,
    Invite,
)

Progress = Callable[[str, int, int], None]
"""Called as (stage, done, total) while an import runs; from a worker thread in the TUI."""

PROGRESS_EVERY = 500
CHUNK = 500
TALK_SUMMARY = "Messaged on LinkedIn (learned from the data export)"


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


def url_key(url: str) -> str:
    """A profile URL reduced to what identifies it (no scheme, www, query or end slash)."""
    key = url.strip().casefold()
    key = re.sub(r"^[a-z][a-z0-9+.-]*://", "", key).removeprefix("www.")
    key = re.split(r"[?#]", key, maxsplit=1)[0].rstrip("/")
    return key


def email_key(email: str) -> str:
    return email.strip().casefold()


@dataclass
class _New:
    """A contact to insert: the column values, plus tags and extra details."""

    values: dict[str, Any]
    tags: set[str] = field(default_factory=set)
    details: list[tuple[str, str]] = field(default_factory=list)
    netday: NetdayFields | None = None
    id: int | None = None


Target = int | _New


class _Matcher:
    """Finds the contact a record is about; knows the new ones of this import too."""

    def __init__(self, session: Session) -> None:
        self.by_url: dict[str, Target] = {}
        self.by_email: dict[str, Target] = {}
        self.by_name: dict[tuple[str, str], Target] = {}
        self.names: dict[str, list[int]] = {}
        rows = session.execute(
            select(
                Contact.id, Contact.profile_url, Contact.email, Contact.name_key, Company.name_key
            ).outerjoin(Company, Company.id == Contact.company_id)
        )
        for cid, url, email, nkey, ckey in rows:
            self._index(cid, url, (email,), nkey, ckey or "")
            self.names.setdefault(nkey, []).append(cid)
        for cid, kind, value in session.execute(
            select(ContactDetail.contact_id, ContactDetail.kind, ContactDetail.value).where(
                ContactDetail.kind.in_(("email", "url"))
            )
        ):
            if kind == "email":
                self.by_email.setdefault(email_key(value), cid)
            elif "linkedin.com/in/" in value.casefold():
                self.by_url.setdefault(url_key(value), cid)

    def _index(self, target: Target, url: str, emails: Iterable[str], nkey: str, ckey: str) -> None:
        if url.strip():
            self.by_url.setdefault(url_key(url), target)
        for email in emails:
            if email.strip():
                self.by_email.setdefault(email_key(email), target)
        if nkey:
            self.by_name.setdefault((nkey, ckey), target)

    def find(self, record: PersonRecord) -> Target | None:
        if record.profile_url and (hit := self.by_url.get(url_key(record.profile_url))):
            return hit
        for email in record.emails:
            if hit := self.by_email.get(email_key(email)):
                return hit
        return self.by_name.get((name_key(record.full_name), fold(record.company)))

    def remember(self, target: Target, record: PersonRecord) -> None:
        self._index(
            target,
            record.profile_url,
            record.emails,
            name_key(record.full_name),
            fold(record.company),
        )

    def contact_for(self, url: str, name: str) -> int | None:
        """An existing (already inserted) contact by profile URL, else by a unique name."""
        hit = self.by_url.get(url_key(url)) if url.strip() else None
        if hit is None:
            ids = self.names.get(name_key(name), [])
            hit = ids[0] if len(ids) == 1 else None
        if isinstance(hit, _New):
            return hit.id
        return hit


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
        key = fold(clean)
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
        ids = self.session.scalars(
            insert(Company).returning(Company.id, sort_by_parameter_order=True), rows
        ).all()
        self.ids.update(zip(self.missing, ids, strict=True))
        self.missing.clear()

    def id_of(self, key: str) -> int | None:
        return self.ids.get(key) if key else None


def _check_netday(fields: NetdayFields | None) -> None:
    if fields is None:
        return
    if fields.tier and fields.tier.upper() not in TIERS:
        raise NetdayError(f"X-NETDAY-TIER must be one of {', '.join(TIERS)}, not {fields.tier!r}")
    if fields.circle and fields.circle.lower() not in CIRCLES:
        raise NetdayError(f"X-NETDAY-CIRCLE must be one of {', '.join(CIRCLES)}")
    if fields.cadence:
        Cadence.parse(fields.cadence)
    if fields.triage and fields.triage not in ("pending", "skipped"):
        raise NetdayError("X-NETDAY-TRIAGE must be pending or skipped")


def _clean(record: PersonRecord) -> PersonRecord | str:
    """The record tidied, or why it cannot be taken in."""
    name = " ".join(record.full_name.split())
    if not name:
        return "no name"
    if len(name) > 200:
        return "the name is longer than 200 characters"
    try:
        _check_netday(record.netday)
    except NetdayError as exc:
        return str(exc)
    emails = tuple(dict.fromkeys(e.strip() for e in record.emails if "@" in e))
    phones = tuple(dict.fromkeys(p.strip() for p in record.phones if p.strip()))
    urls = tuple(dict.fromkeys(u.strip() for u in record.urls if u.strip()))
    return replace(
        record,
        full_name=name,
        company=" ".join(record.company.split())[:200],
        role=" ".join(record.role.split())[:200],
        profile_url=record.profile_url.strip()[:500],
        emails=emails,
        phones=phones,
        urls=urls,
        notes=record.notes.strip(),
        tags=tuple(sorted({t.strip().lower()[:64] for t in record.tags if t.strip()})),
    )


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


def _merge_into_new(new: _New, record: PersonRecord, company_key: str) -> None:
    """A second row about someone created by this same import: it fills the gaps."""
    values = new.values
    for column, value in (
        ("role", record.role),
        ("notes", record.notes),
        ("profile_url", record.profile_url),
    ):
        if value and not values[column]:
            values[column] = value
    if company_key and not values["company_key"]:
        values["company_key"] = company_key
    if record.birthday and not values["birthday"]:
        values["birthday"] = record.birthday
    if record.connected_on and not values["connected_on"]:
        values["connected_on"] = record.connected_on
    have = {values["email"], values["phone"], values["profile_url"]} | {v for _, v in new.details}
    for kind, value in _extra_details(record, "", "", ""):
        if value not in have:
            new.details.append((kind, value))
            have.add(value)
    new.tags |= set(record.tags)


def _update_existing(
    session: Session,
    contact: Contact,
    record: PersonRecord,
    companies: _Companies,
    today: dt.date,
) -> bool:
    """Bring an existing contact up to date with a record; True when anything changed.

    What the file knows better (company, title, connection date, the address-book card)
    replaces; what the user wrote in netday (name, notes, why) is kept; lists are merged.
    """
    changed = False

    def put(column: str, value: object) -> None:
        nonlocal changed
        if getattr(contact, column) != value:
            setattr(contact, column, value)
            changed = True

    if record.company:
        company_id = companies.id_of(fold(record.company))
        if company_id is not None:
            put("company_id", company_id)
    if record.role:
        put("role", record.role)
    if record.connected_on:
        put("connected_on", record.connected_on)
    if record.profile_url and not contact.profile_url:
        put("profile_url", record.profile_url)
    if record.emails and not contact.email:
        put("email", record.emails[0])
    if record.phones and not contact.phone:
        put("phone", record.phones[0])
    if record.notes and not contact.notes:
        put("notes", record.notes)
    if record.birthday and not contact.birthday:
        put("birthday", record.birthday)
    if record.vcard and contact.vcard != record.vcard:
        put("vcard", record.vcard)
    have = {contact.email, contact.phone, contact.profile_url} | {d.value for d in contact.details}
    for kind, value in _extra_details(record, "", "", ""):
        if value not in have:
            contact.details.append(ContactDetail(kind=kind, value=value))
            have.add(value)
            changed = True
    tags = {t.tag for t in contact.tags}
    for tag in record.tags:
        if tag not in tags:
            contact.tags.append(ContactTag(tag=tag))
            tags.add(tag)
            changed = True
    netday = record.netday
    if netday is not None:
        if netday.tier:
            put("tier", netday.tier.upper())
        if netday.circle:
            put("circle", netday.circle.lower())
        if netday.why is not None and netday.why:
            put("why", netday.why)
        if netday.cadence:
            cadence = Cadence.parse(netday.cadence)
            if cadence_of(contact) != cadence:
                apply_cadence(contact, cadence, today)
                refresh_next_due(session, contact, today)
                changed = True
        put("triage", netday.triage)
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
        details += [{"contact_id": cid, "kind": k, "value": v[:500]} for k, v in new.details]
    if tags:
        session.execute(insert(ContactTag), tags)
    if details:
        session.execute(insert(ContactDetail), details)
    today = ctx.today()
    for new in news:
        if new.netday is not None and new.netday.cadence:
            contact = session.get_one(Contact, new.id)
            apply_cadence(contact, Cadence.parse(new.netday.cadence), today)
            refresh_next_due(session, contact, today)


def _apply_people(
    session: Session, batch: ImportBatch, ctx: Context, progress: Progress | None
) -> tuple[int, int, int, list[Rejected], _Matcher]:
    now = ctx.now()
    matcher = _Matcher(session)
    companies = _Companies(session, now)
    rejected: list[Rejected] = []
    news: list[_New] = []
    updates: dict[int, list[PersonRecord]] = {}
    unchanged = 0
    total = len(batch.people)
    for done, raw in enumerate(batch.people, 1):
        if progress and done % PROGRESS_EVERY == 0:
            progress("matching", done, total)
        record = _clean(raw)
        if isinstance(record, str):
            rejected.append(Rejected(raw.origin, record))
            continue
        company_key = companies.want(record.company)
        target = matcher.find(record)
        if target is None:
            new = _new_contact(record, company_key, now)
            news.append(new)
            matcher.remember(new, record)
        elif isinstance(target, _New):
            _merge_into_new(target, record, company_key)
            matcher.remember(target, record)
            unchanged += 1
        else:
            updates.setdefault(target, []).append(record)
            matcher.remember(target, record)
    companies.create_missing()
    if progress:
        progress("saving", 0, max(1, len(news)))
    _insert_new(session, news, companies, ctx)
    for new in news:
        assert new.id is not None
        matcher.names.setdefault(new.values["name_key"], []).append(new.id)
    updated = 0
    ids = list(updates)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        for contact in session.scalars(select(Contact).where(Contact.id.in_(chunk))).unique():
            changed = False
            for record in updates[contact.id]:
                changed = (
                    _update_existing(session, contact, record, companies, ctx.today()) or changed
                )
            if changed:
                contact.updated_at = now
                updated += 1
            else:
                unchanged += 1
        if progress:
            progress("updating", min(start + CHUNK, len(ids)), len(ids))
    return len(news), updated, unchanged, rejected, matcher


def _apply_invites(
    session: Session, batch: ImportBatch, matcher: _Matcher, now: dt.datetime
) -> tuple[int, int]:
    # Older exports have no profile URLs: the name and the minute identify an invitation.
    known = {
        (direction, name_key(name), sent_at)
        for direction, name, sent_at in session.execute(
            select(Invite.direction, Invite.name, Invite.sent_at)
        )
    }
    added = seen = 0
    rows = []
    for invite in batch.invites:
        key = (invite.direction, name_key(invite.name), invite.sent_at)
        if key in known:
            seen += 1
            continue
        known.add(key)
        rows.append(
            {
                "contact_id": matcher.contact_for(invite.profile_url, invite.name),
                "name": " ".join(invite.name.split())[:200],
                "profile_url": invite.profile_url[:500],
                "direction": invite.direction,
                "message": invite.message.strip(),
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


def _apply_talks(session: Session, batch: ImportBatch, matcher: _Matcher, ctx: Context) -> int:
    latest: dict[int, dt.datetime] = {}
    for talk in batch.talks:
        cid = matcher.contact_for(talk.profile_url, talk.name)
        if cid is not None and (cid not in latest or talk.at > latest[cid]):
            latest[cid] = talk.at
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
        learned += len(fresh)
        for contact in session.scalars(
            select(Contact).where(Contact.id.in_(fresh), Contact.cadence_kind.is_not(None))
        ):
            refresh_next_due(session, contact, ctx.today())
    return learned


def run_import(
    ctx: Context, batch: ImportBatch, *, dry_run: bool = False, progress: Progress | None = None
) -> ImportReport:
    """Apply a batch in one transaction; with `dry_run`, report what would happen and roll back."""
    report: ImportReport | None = None
    try:
        with ctx.db.transaction() as session:
            now = ctx.now()
            created, updated, unchanged, rejected, matcher = _apply_people(
                session, batch, ctx, progress
            )
            session.flush()
            invites_added, invites_known = _apply_invites(session, batch, matcher, now)
            followed = _apply_follows(session, batch, now)
            learned = _apply_talks(session, batch, matcher, ctx)
            session.flush()
            pending = session.scalar(
                select(func.count()).select_from(Contact).where(Contact.triage == "pending")
            )
            report = ImportReport(
                kind=batch.kind,
                files=batch.files,
                dry_run=dry_run,
                created=created,
                updated=updated,
                unchanged=unchanged,
                rejected=tuple(batch.rejected) + tuple(rejected),
                invites_added=invites_added,
                invites_known=invites_known,
                companies_followed=followed,
                conversations_learned=learned,
                to_triage=pending or 0,
                notes=batch.notes,
            )
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    assert report is not None
    return report
