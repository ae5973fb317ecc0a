"""Duplicates the user made, and merging two contacts into one.

Imports never merge on weak evidence (`services.identity`), so a person can end up twice:
typed by hand and imported, or imported from two address books. `find_duplicates` lists
likely pairs with the evidence for each; `merge_contacts` moves everything of OTHER to
KEEP in one transaction and says exactly what happened to OTHER (it is deleted once it
holds nothing): every interaction, invitation, post, plan entry, e-mail, phone, URL and
tag ends up on KEEP, once. KEEP's own values win; OTHER's fill what KEEP lacks, and
what could not be kept (a different company, title or name) is listed in the report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import combinations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from netday import limits
from netday.errors import NetdayError
from netday.services.contacts import refresh_next_due
from netday.services.context import Context
from netday.services.identity import email_key, is_profile_url, phone_key, url_key
from netday.services.lookup import resolve_contact
from netday.services.snapshots import SUMMARY_COLUMNS, contact_summary, summary_from_row
from netday.services.views import ContactSummary
from netday.store.models import (
    Company,
    Contact,
    ContactDetail,
    ContactTag,
    Interaction,
    Invite,
    PlanItem,
    Post,
)
from netday.vocabulary import CallStatus, DetailKind

DUPLICATES_SHOWN = 50
NAMESAKES_MAX = 5
"""A name shared by more contacts than this is a common name, not a likely duplicate."""

EVIDENCE = ("same profile URL", "same e-mail", "same phone", "same name and company", "same name")
"""Strongest first: pairs are listed in this order."""

PLAN_STATUS_RANK: dict[str, int] = {
    CallStatus.DONE: 0,
    CallStatus.PLANNED: 1,
    CallStatus.SNOOZED: 2,
    CallStatus.SKIPPED: 3,
}
"""When both were planned the same day, the entry that says more is kept."""


@dataclass(frozen=True)
class DuplicatePair:
    first: ContactSummary
    second: ContactSummary
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class Duplicates:
    pairs: tuple[DuplicatePair, ...]
    total: int
    """Pairs found; more than `pairs` when the list was cut at the limit."""


def _pair_evidence(session: Session, contact_id: int | None) -> dict[tuple[int, int], set[int]]:
    """Likely pairs (lower id first) and the indexes into EVIDENCE that join them."""
    groups: list[dict[str, list[int]]] = [{} for _ in EVIDENCE]

    def note(kind: int, key: str, cid: int) -> None:
        if key and cid not in (ids := groups[kind].setdefault(key, [])):
            ids.append(cid)

    for cid, kind, value in session.execute(
        select(ContactDetail.contact_id, ContactDetail.kind, ContactDetail.value)
    ):
        if kind == DetailKind.EMAIL:
            note(1, email_key(value), cid)
        elif kind == DetailKind.PHONE:
            note(2, phone_key(value), cid)
        elif is_profile_url(value):
            note(0, url_key(value), cid)
    for cid, nkey, company_id, url, email, phone in session.execute(
        select(
            Contact.id, Contact.name_key, Contact.company_id, Contact.profile_url, Contact.email,
            Contact.phone,
        ).order_by(Contact.id)
    ):  # fmt: skip
        note(0, url_key(url) if url.strip() else "", cid)
        note(1, email_key(email), cid)
        note(2, phone_key(phone), cid)
        if company_id is not None:
            note(3, f"{nkey}\x00{company_id}", cid)
        note(4, nkey, cid)
    pairs: dict[tuple[int, int], set[int]] = {}
    for rank, by_key in enumerate(groups):
        for ids in by_key.values():
            if len(ids) < 2 or (rank >= 3 and len(ids) > NAMESAKES_MAX):
                continue
            if contact_id is not None and contact_id not in ids:
                continue
            for a, b in combinations(sorted(ids), 2):
                if contact_id is None or contact_id in (a, b):
                    pairs.setdefault((a, b), set()).add(rank)
    for evidence in pairs.values():
        if 3 in evidence:
            evidence.discard(4)  # "same name and company" says it already
    return pairs


def find_duplicates(
    ctx: Context, *, limit: int = DUPLICATES_SHOWN, contact_id: int | None = None
) -> Duplicates:
    """Likely duplicate pairs, strongest evidence first; only those of one contact if asked."""
    with ctx.db.reading() as session:
        pairs = _pair_evidence(session, contact_id)
        ranked = sorted(pairs.items(), key=lambda item: (min(item[1]), -len(item[1]), item[0]))
        shown = ranked[: max(0, limit)]
        ids = sorted({cid for (a, b), _ in shown for cid in (a, b)})
        summaries = {
            s.id: s
            for s in map(
                summary_from_row,
                session.execute(
                    select(*SUMMARY_COLUMNS)
                    .outerjoin(Company, Company.id == Contact.company_id)
                    .where(Contact.id.in_(ids))
                ),
            )
        }
        return Duplicates(
            pairs=tuple(
                DuplicatePair(summaries[a], summaries[b], tuple(EVIDENCE[k] for k in sorted(ev)))
                for (a, b), ev in shown
            ),
            total=len(ranked),
        )


@dataclass(frozen=True)
class MergeReport:
    keep: ContactSummary
    """KEEP as it is after the merge (or would be, in a dry run)."""
    other_id: int
    other_name: str
    dry_run: bool
    interactions: int
    invites: int
    posts: int
    plan_entries: int
    details: int
    """E-mails, phones and URLs KEEP gained."""
    tags: int
    filled: tuple[str, ...]
    """KEEP's empty fields that took OTHER's value."""
    not_kept: tuple[str, ...]
    """OTHER's values KEEP already had a different one for, so they are gone: said aloud."""
    plan_days_joined: tuple[dt.date, ...]
    """Days both were planned: one entry (the one that says more) stays."""
    other_fate: str = "deleted"


@dataclass
class _Moves:
    details: int = 0
    tags: int = 0
    filled: list[str] = field(default_factory=list)
    not_kept: list[str] = field(default_factory=list)


def _detail_key(kind: str, value: str) -> tuple[str, str]:
    if kind == DetailKind.EMAIL:
        return kind, email_key(value)
    if kind == DetailKind.PHONE:
        return kind, phone_key(value) or value.strip()
    return kind, url_key(value)


def _addresses(contact: Contact) -> Iterator[tuple[str, str]]:
    for kind, value in (
        (DetailKind.EMAIL, contact.email),
        (DetailKind.PHONE, contact.phone),
        (DetailKind.URL, contact.profile_url),
    ):
        if value:
            yield kind, value
    for detail in contact.details:
        yield detail.kind, detail.value


def _join_text(keep: Contact, other: Contact, column: str, label: str, moves: _Moves) -> None:
    """Why and notes are the user's own words: both are kept, KEEP's first."""
    mine, theirs = getattr(keep, column), getattr(other, column)
    if not theirs or theirs == mine:
        return
    joined = f"{mine}\n\n{theirs}" if mine else theirs
    if len(joined) > limits.LONG_TEXT:
        raise NetdayError(
            f"the two {label} together are longer than {limits.LONG_TEXT:,} characters;"
            " shorten one first"
        )
    setattr(keep, column, joined)
    moves.filled.append(label if not mine else f"{label} (appended)")


def _take_fields(keep: Contact, other: Contact, moves: _Moves) -> None:
    def fill(column: str, label: str, shown: object = None) -> None:
        mine, theirs = getattr(keep, column), getattr(other, column)
        if theirs in (None, "") or theirs == mine:
            return
        if mine in (None, ""):
            setattr(keep, column, theirs)
            moves.filled.append(label)
        elif shown is not None:
            moves.not_kept.append(f"{label}: kept {mine_text(column)!r}, #{other.id} had {shown!r}")

    def mine_text(column: str) -> object:
        if column == "company_id":
            return keep.company.name if keep.company else ""
        return getattr(keep, column)

    if other.full_name != keep.full_name:
        moves.not_kept.append(f"name: kept {keep.full_name!r}, #{other.id} was {other.full_name!r}")
    fill("company_id", "company", other.company.name if other.company else None)
    fill("role", "title", other.role)
    fill("birthday", "birthday", other.birthday)
    fill("vcard", "address-book card")
    for column, label in (("email", "e-mail"), ("phone", "phone"), ("profile_url", "profile URL")):
        fill(column, label)
    _join_text(keep, other, "why", "why", moves)
    _join_text(keep, other, "notes", "notes", moves)
    if keep.cadence_kind is None and other.cadence_kind is not None:
        for column in ("kind", "every", "unit", "rule", "since", "days"):
            setattr(keep, f"cadence_{column}", getattr(other, f"cadence_{column}"))
        moves.filled.append("cadence")
    if other.follow_up_on and (not keep.follow_up_on or other.follow_up_on < keep.follow_up_on):
        keep.follow_up_on = other.follow_up_on
        keep.follow_up_kind = other.follow_up_kind
        keep.follow_up_since = other.follow_up_since
        moves.filled.append("follow-up")
    for column in ("connected_on", "created_at"):
        theirs = getattr(other, column)
        if theirs and (not getattr(keep, column) or theirs < getattr(keep, column)):
            setattr(keep, column, theirs)
    if keep.triage and not other.triage:
        keep.triage = None  # OTHER was already placed: the person is part of the network


def _take_addresses(keep: Contact, other: Contact, moves: _Moves) -> None:
    have = {_detail_key(kind, value) for kind, value in _addresses(keep)}
    for kind, value in _addresses(other):
        key = _detail_key(kind, value)
        if key not in have:
            keep.details.append(ContactDetail(kind=kind, value=value))
            have.add(key)
            moves.details += 1
    tags = {t.tag for t in keep.tags}
    for tag in other.tags:
        if tag.tag not in tags:
            keep.tags.append(ContactTag(tag=tag.tag))
            tags.add(tag.tag)
            moves.tags += 1


def _move_plan_entries(
    session: Session, keep: Contact, other: Contact
) -> tuple[int, list[dt.date]]:
    """OTHER's plan entries become KEEP's; on a day both were planned, one entry stays."""
    mine = {
        item.plan_date: item
        for item in session.scalars(select(PlanItem).where(PlanItem.contact_id == keep.id))
    }
    moved = 0
    joined: list[dt.date] = []
    for item in session.scalars(select(PlanItem).where(PlanItem.contact_id == other.id)):
        twin = mine.get(item.plan_date)
        if twin is None:
            item.contact_id = keep.id
            moved += 1
            continue
        joined.append(item.plan_date)
        if PLAN_STATUS_RANK.get(item.status, 9) < PLAN_STATUS_RANK.get(twin.status, 9):
            twin.status, twin.snoozed_until = item.status, item.snoozed_until
            twin.done_at = item.done_at
        session.delete(item)
    session.flush()
    return moved, sorted(joined)


def _count_moved(session: Session, other_id: int, keep_id: int) -> tuple[int, int, int]:
    counts = []
    for table, column in (
        (Interaction, Interaction.contact_id),
        (Invite, Invite.contact_id),
        (Post, Post.author_id),
    ):
        result = session.execute(update(table).where(column == other_id).values({column: keep_id}))
        counts.append(int(result.rowcount))  # type: ignore[attr-defined]
    return counts[0], counts[1], counts[2]


def merge_contacts(
    ctx: Context, keep_ref: str, other_ref: str, *, dry_run: bool = False
) -> MergeReport:
    """Everything of OTHER moves to KEEP, in one transaction; OTHER is then deleted."""
    with ctx.db.transaction(rehearse=dry_run) as session:
        keep = resolve_contact(session, keep_ref, include_archived=True)
        other = resolve_contact(session, other_ref, include_archived=True)
        if keep.id == other.id:
            raise NetdayError(f"#{keep.id} is one contact: name two different ones")
        moves = _Moves()
        _take_fields(keep, other, moves)
        _take_addresses(keep, other, moves)
        interactions, invites, posts = _count_moved(session, other.id, keep.id)
        plan_entries, joined = _move_plan_entries(session, keep, other)
        other_id, other_name = other.id, other.full_name
        session.delete(other)
        session.flush()
        keep.updated_at = ctx.now()
        refresh_next_due(session, keep, ctx.today())
        session.flush()
        report = MergeReport(
            keep=contact_summary(keep),
            other_id=other_id,
            other_name=other_name,
            dry_run=dry_run,
            interactions=interactions,
            invites=invites,
            posts=posts,
            plan_entries=plan_entries,
            details=moves.details,
            tags=moves.tags,
            filled=tuple(moves.filled),
            not_kept=tuple(moves.not_kept),
            plan_days_joined=tuple(joined),
        )
    return report


def merge_text(report: MergeReport) -> Iterable[str]:
    """The report in words, for the command line and the contact screen."""
    keep = f"#{report.keep.id} {report.keep.name}"
    head = f"merged #{report.other_id} {report.other_name} into {keep}"
    yield head + (" (dry run: nothing was written)" if report.dry_run else "")
    counts = (
        (report.interactions, "interaction", "interactions"),
        (report.invites, "invitation", "invitations"),
        (report.posts, "post", "posts"),
        (report.plan_entries, "plan entry", "plan entries"),
        (report.details, "e-mail/phone/URL", "e-mails/phones/URLs"),
        (report.tags, "tag", "tags"),
    )
    yield f"  moved to {keep}: " + ", ".join(
        f"{n} {one if n == 1 else many}" for n, one, many in counts
    )
    if report.filled:
        yield f"  taken from #{report.other_id}: " + ", ".join(report.filled)
    for line in report.not_kept:
        yield f"  {line}"
    for day in report.plan_days_joined:
        yield f"  plan of {day.isoformat()}: both were planned; one entry kept"
    verb = "would be" if report.dry_run else "was"
    yield (
        f"  #{report.other_id} {report.other_name} {verb} {report.other_fate}:"
        f" it holds nothing any more, everything is on {keep}"
    )
