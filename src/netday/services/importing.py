"""Taking in records read from someone else's files: match, then create or update.

One import is one transaction, in steps: clean every record (a record over a limit is
rejected with its file and line), decide who it is about by the identity rule in
`services.identity` (a profile URL decides; a shared or contradicted e-mail, phone or
name decides nothing), then create or update. So importing the same export twice, or a
newer one, updates and never duplicates, and two people are never merged by mistake.
New people arrive without a cadence and "to triage": quality over quantity (PRODUCT.md).

This module runs the steps and keeps the report. What a record may be and what it may
change (cleaning, keys, the merge policy) is in `services.import_rules`; the bulk SQL,
which lets 20,000 connections take seconds, is in `services.import_writing`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from sqlalchemy.orm import Session

from netday.services.context import Context
from netday.services.identity import Crowd, Known, Match
from netday.services.import_rules import (
    NewContact,
    Target,
    clean_invite,
    clean_person,
    clean_talk,
    clean_vouch,
    id_of,
    lone_traits,
    merge_into_new,
    new_contact,
    person_traits,
    update_existing,
)
from netday.services.import_writing import (
    Companies,
    VouchKey,
    chunks,
    contacts_with_details,
    count_to_triage,
    follow_companies,
    insert_contacts,
    insert_invites,
    insert_messages,
    insert_vouches,
    invite_key,
    known_invites,
    known_vouches,
    load_known,
    message_days,
    names_of,
)
from netday.services.records import (
    PENDING_ASK,
    ImportBatch,
    InviteRecord,
    Origin,
    PersonRecord,
    Rejected,
    TalkRecord,
    VouchRecord,
)
from netday.vocabulary import InteractionKind, InviteDirection

Progress = Callable[[str, int, int], None]
"""Called as (stage, done, total) while an import runs; from a worker thread in the TUI."""

PROGRESS_EVERY = 500

UNMATCHED_NAMES = 5
"""How many names the report gives for each kind of record it found nobody for."""

Cleaned = TypeVar("Cleaned", PersonRecord, InviteRecord, TalkRecord, VouchRecord)
"""A record of a file, before and after the one cleaning step."""


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
class Unmatched:
    """Records about people netday does not know: nothing is written for them (no
    contact is made from an endorsement or a message), and the report says so."""

    what: str
    """What they were, counted: "endorsements", "recommendations", "people in messages"."""
    count: int
    names: tuple[str, ...]
    """The first few of them, for the user to recognise."""

    def __str__(self) -> str:
        more = self.count - len(self.names)
        listed = ", ".join(self.names) + (f" and {more} more" if more > 0 else "")
        return f"{self.count} {self.what}: {listed}"


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
    """Days of messages with a contact logged (one message interaction per person-day)."""
    endorsements_added: int = 0
    recommendations_added: int = 0
    vouches_known: int = 0
    """Endorsements and recommendations netday had already (from an earlier import)."""
    open_asks: tuple[str, ...] = ()
    """The contacts with a recommendation received still PENDING: asks still open."""
    unmatched: tuple[Unmatched, ...] = ()
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
            or self.endorsements_added
            or self.recommendations_added
        )


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
    unmatched: dict[str, list[str]] = field(default_factory=dict)
    """What found nobody, by what it was: every name (the report counts and shows a few)."""

    def note_unmatched(self, what: str, name: str) -> None:
        self.unmatched.setdefault(what, []).append(name)

    def note_match(self, match: Match[Target], origin: Origin, what: str) -> None:
        if match.by == "name":
            self.by_name.append((origin, what, match.target))


def _taken(
    raws: Iterable[Cleaned], clean: Callable[[Cleaned], Cleaned | str], out: _Outcome
) -> list[Cleaned]:
    """The records that come through the cleaning step; each other one goes to the
    report's rejections with the reason its cleaning gave."""
    kept: list[Cleaned] = []
    for raw in raws:
        record = clean(raw)
        if isinstance(record, str):
            out.rejected.append(Rejected(raw.origin, record))
        else:
            kept.append(record)
    return kept


def _apply_people(
    session: Session, batch: ImportBatch, ctx: Context, progress: Progress | None
) -> _Outcome:
    now = ctx.now()
    out = _Outcome(load_known(session))
    companies = Companies(session, now)
    today = ctx.today()
    records = _taken(batch.people, lambda raw: clean_person(raw, today), out)
    found = [person_traits(r) for r in records]
    crowd = Crowd(found)
    news: list[NewContact] = []
    updates: dict[int, list[PersonRecord]] = {}
    total = len(records)
    for done, (record, who) in enumerate(zip(records, found, strict=True), 1):
        if progress and done % PROGRESS_EVERY == 0:
            progress("matching", done, total)
        company_key = companies.want(record.company)
        match = out.known.find(who, crowd)
        if match is None:
            new = new_contact(record, company_key, now)
            news.append(new)
            out.known.add(new, who)
            continue
        out.known.add(match.target, who)
        out.note_match(match, record.origin, record.full_name)
        if isinstance(match.target, NewContact):
            merge_into_new(match.target, record, company_key)
            out.unchanged += 1
        else:
            updates.setdefault(match.target, []).append(record)
    companies.create_missing()
    if progress:
        progress("saving", 0, max(1, len(news)))
    insert_contacts(session, news, companies, ctx.today())
    out.created = len(news)
    ids = list(updates)
    done = 0
    for chunk in chunks(ids):
        for contact in contacts_with_details(session, chunk):
            changed = False
            for record in updates[contact.id]:
                company_id = companies.id_for(record.company)
                changed = update_existing(contact, record, company_id) or changed
            if changed:
                contact.updated_at = now
                out.updated += 1
            else:
                out.unchanged += 1
        done += len(chunk)
        if progress:
            progress("updating", done, len(ids))
    return out


def _apply_invites(
    session: Session, batch: ImportBatch, out: _Outcome, now: dt.datetime
) -> tuple[int, int]:
    """Add the invitations netday does not have yet; (added, already known)."""
    invites = _taken(batch.invites, clean_invite, out)
    crowd = Crowd(lone_traits(i.name, i.profile_url) for i in invites)
    known = known_invites(session)
    seen = 0
    fresh: list[tuple[InviteRecord, int | None]] = []
    for invite in invites:
        key = invite_key(invite)
        if key in known:
            seen += 1
            continue
        known.add(key)
        match = out.known.find(lone_traits(invite.name, invite.profile_url), crowd)
        if match is not None:
            way = "from" if invite.direction == InviteDirection.RECEIVED else "to"
            out.note_match(match, invite.origin, f"invitation {way} {invite.name}")
        fresh.append((invite, None if match is None else id_of(match.target)))
    insert_invites(session, fresh, now)
    return len(fresh), seen


def _apply_talks(session: Session, batch: ImportBatch, out: _Outcome, ctx: Context) -> int:
    """Log one message per known person per day talked, where netday has no message with
    them that day; how many days were learned. People in messages netday does not know
    are counted in the report, never made contacts."""
    talks = _taken(batch.talks, clean_talk, out)
    crowd = Crowd(lone_traits(t.name, t.profile_url) for t in talks)
    days: dict[tuple[int, dt.date], tuple[Match[Target], TalkRecord]] = {}
    strangers: dict[str, str] = {}
    for talk in talks:
        match = out.known.find(lone_traits(talk.name, talk.profile_url), crowd)
        if match is None:
            strangers.setdefault(talk.profile_url or talk.name, talk.name or talk.profile_url)
            continue
        key = (id_of(match.target), talk.at.date())
        if key not in days or talk.at > days[key][1].at:
            days[key] = (match, talk)
    for name in strangers.values():
        out.note_unmatched("people in messages", name)
    ids = sorted({cid for cid, _ in days})
    learned = 0
    named: set[int] = set()
    for chunk in chunks(ids):
        have = message_days(session, chunk)
        wanted = set(chunk)
        fresh = [
            (key, found) for key, found in days.items() if key[0] in wanted and key not in have
        ]
        if not fresh:
            continue
        insert_messages(
            session, [(cid, talk.at) for (cid, _), (_, talk) in fresh], ctx.today(), ctx.now()
        )
        for (cid, _), (match, talk) in fresh:
            if cid not in named:  # one line per person in "matched by name only"
                named.add(cid)
                out.note_match(match, talk.origin, f"messages with {talk.name}")
        learned += len(fresh)
    return learned


@dataclass(frozen=True)
class _Vouched:
    endorsements: int = 0
    recommendations: int = 0
    known: int = 0
    open_asks: tuple[int, ...] = ()


def _apply_vouches(
    session: Session, batch: ImportBatch, out: _Outcome, now: dt.datetime
) -> _Vouched:
    """Log the endorsements and recommendations about known people that netday does not
    have yet (given: gave; received: asked). A pending recommendation already logged
    that the file now shows settled has its summary brought up to date."""
    vouches = _taken(batch.vouches, clean_vouch, out)
    crowd = Crowd(lone_traits(v.name, v.profile_url) for v in vouches)
    matched: list[tuple[Match[Target], VouchRecord]] = []
    for vouch in vouches:
        match = out.known.find(lone_traits(vouch.name, vouch.profile_url), crowd)
        if match is None:
            out.note_unmatched(f"{vouch.kind}s", vouch.name)
        else:
            matched.append((match, vouch))
    added: dict[str, int] = {}
    known = 0
    asks: list[int] = []
    by_contact: dict[int, list[tuple[Match[Target], VouchRecord]]] = {}
    for match, vouch in matched:
        by_contact.setdefault(id_of(match.target), []).append((match, vouch))
    taken: set[VouchKey] = set()
    for chunk in chunks(sorted(by_contact)):
        logged = known_vouches(session, chunk)
        fresh: list[tuple[int, VouchRecord]] = []
        for cid in chunk:
            for match, vouch in by_contact[cid]:
                if vouch.pending and cid not in asks:
                    asks.append(cid)
                key = (cid, vouch.kind, vouch.direction, vouch.at.date())
                earlier = logged.get(key)
                if earlier is not None or key in taken:
                    known += 1
                    if earlier is not None and earlier.summary.startswith(PENDING_ASK):
                        earlier.summary = vouch.summary  # settled since, or still pending
                    continue
                taken.add(key)
                fresh.append((cid, vouch))
                added[vouch.kind] = added.get(vouch.kind, 0) + 1
                what = "endorsed" if vouch.kind == InteractionKind.ENDORSEMENT else "recommended"
                out.note_match(match, vouch.origin, f"{what} {vouch.name}")
        insert_vouches(session, fresh, now)
    return _Vouched(
        endorsements=added.get(InteractionKind.ENDORSEMENT, 0),
        recommendations=added.get(InteractionKind.RECOMMENDATION, 0),
        known=known,
        open_asks=tuple(asks),
    )


def _name_only(session: Session, out: _Outcome) -> tuple[NameOnly, ...]:
    names = names_of(session, sorted({id_of(target) for _, _, target in out.by_name}))
    return tuple(
        NameOnly(origin, what, id_of(target), names.get(id_of(target), ""))
        for origin, what, target in out.by_name
    )


def run_import(
    ctx: Context, batch: ImportBatch, *, dry_run: bool = False, progress: Progress | None = None
) -> ImportReport:
    """Apply a batch in one transaction; with `dry_run`, report what would happen and roll back."""
    with ctx.db.transaction(rehearse=dry_run) as session:
        now = ctx.now()
        out = _apply_people(session, batch, ctx, progress)
        session.flush()
        invites_added, invites_known = _apply_invites(session, batch, out, now)
        followed = follow_companies(session, (f.company for f in batch.follows), now)
        learned = _apply_talks(session, batch, out, ctx)
        vouched = _apply_vouches(session, batch, out, now)
        session.flush()
        asks = names_of(session, list(vouched.open_asks))
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
            endorsements_added=vouched.endorsements,
            recommendations_added=vouched.recommendations,
            vouches_known=vouched.known,
            open_asks=tuple(f"{asks.get(cid, '')} (#{cid})" for cid in vouched.open_asks),
            unmatched=tuple(
                Unmatched(what, len(names), tuple(names[:UNMATCHED_NAMES]))
                for what, names in out.unmatched.items()
            ),
            to_triage=count_to_triage(session),
            notes=batch.notes,
            name_only=_name_only(session, out),
        )
    return report
