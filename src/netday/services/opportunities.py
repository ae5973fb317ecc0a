"""Opportunities (PRODUCT.md, practice 10): something worth passing on, shared with the
people it fits, each time with a personal line.

An opportunity is an event, a webinar, an article, a job or a call for speakers, open
until closed. `opportunity_detail` proposes the people it fits, each with the reasons
(the ranking is pure: `scheduling.opportunities`), read by a few bounded queries here.
Sharing it with someone logs a share interaction (a light touch: it counts as giving on
the balance and does not restart the cadence), linked to the opportunity; the line must
name the person and not be a saved template word for word (the invitation's check,
`scheduling.invites.check_message`). Every change is one undoable step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from netday import limits
from netday.cleaning import clean_block, clean_line, quoted
from netday.errors import NetdayError, NotFound
from netday.scheduling.invites import check_message
from netday.scheduling.opportunities import (
    ROLE_FAMILIES,
    Candidate,
    Offer,
    Proposal,
    propose,
    role_families,
)
from netday.scheduling.promises import first_name
from netday.scheduling.when import in_range, parse_day
from netday.services.contacts import check_profile_url
from netday.services.context import Context
from netday.services.journal import record_interaction
from netday.services.lookup import company_key, resolve_contact
from netday.services.undo import undoable
from netday.store.models import (
    Company,
    Contact,
    ContactTag,
    Interaction,
    MessageTemplate,
    Opportunity,
    OpportunityShare,
    OpportunityTag,
)
from netday.vocabulary import Direction, InteractionKind, OpportunityKind, listed, values

LISTED = 200
"""`netday opportunity list` shows at most this many (soonest first) and says so."""
CANDIDATES = 300
"""People read for one opportunity, per kind of fit (a tag, the company, a role, an
event): the ranking keeps the best `limits.PROPOSALS` of them."""
SHARES_SHOWN = 50
"""Shares listed on an opportunity's page, latest first."""
KIND_SAID: dict[str, str] = {
    OpportunityKind.EVENT: "event",
    OpportunityKind.WEBINAR: "webinar",
    OpportunityKind.ARTICLE: "article",
    OpportunityKind.JOB: "job",
    OpportunityKind.CALL_FOR_SPEAKERS: "call for speakers",
}
"""Each kind as a person says it: a form's options, a list's column."""


ProposalView = Proposal
"""Whom an opportunity fits, with the reasons: the ranking's answer, handed on as it is."""


@dataclass(frozen=True)
class OpportunityView:
    id: int
    title: str
    kind: str
    url: str
    on_date: dt.date | None
    tags: tuple[str, ...]
    notes: str
    created_at: dt.datetime
    closed_at: dt.datetime | None
    shared: int = 0
    """How many people it was shared with."""

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


@dataclass(frozen=True)
class ShareView:
    """One share of an opportunity: with whom, when, and what the log says."""

    interaction_id: int
    opportunity_id: int
    contact_id: int
    contact_name: str
    at: dt.datetime
    summary: str


@dataclass(frozen=True)
class OpportunityDetail:
    opportunity: OpportunityView
    proposals: tuple[Proposal, ...]
    """The people it fits, best first, none it was shared with (none once closed)."""
    shares: tuple[ShareView, ...]


# --- the rules ------------------------------------------------------------------------


def check_title(text: str) -> str:
    title = clean_line(text, what="a title", limit=limits.OPPORTUNITY_TITLE)
    if not title:
        raise NetdayError('give the opportunity a title (e.g. "PyCon call for speakers")')
    return title


def check_kind(kind: str) -> str:
    if kind not in values(OpportunityKind):
        raise NetdayError(f"an opportunity is one of {listed(OpportunityKind)}, not {quoted(kind)}")
    return kind


def check_url(text: str) -> str:
    """A web address or blank (the same shape a profile URL has)."""
    url = clean_line(text, what="a URL", limit=limits.POST_URL)
    check_profile_url(url)
    return url


def check_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags as a contact's are kept: cleaned, lower-case, each once, sorted."""
    found = {clean_line(t, what="a tag", limit=limits.TAG).lower() for t in tags}
    found.discard("")
    if len(found) > limits.TAGS_PER_CONTACT:
        raise NetdayError(f"an opportunity has at most {limits.TAGS_PER_CONTACT} tags")
    return tuple(sorted(found))


def check_notes(text: str) -> str:
    return clean_block(text, what="notes", limit=limits.LONG_TEXT)


def read_on(ctx: Context, text: str) -> dt.date | None:
    """An opportunity's day as typed ("friday", "2026-12-10"), or None when blank."""
    if not text.strip():
        return None
    return parse_day(text, ctx.today())


def check_line(line: str, person: str, templates: Sequence[str]) -> str:
    """The personal line a share carries: one line, naming the person, not a saved
    template word for word (the invitation's check); refused otherwise."""
    text = clean_line(line, what="the personal line", limit=limits.SHARE_LINE)
    who = first_name(person)
    if not text:
        raise NetdayError(f"a share needs a personal line: say why it made you think of {who}")
    check = check_message(text, person, templates)
    if check.is_template:
        raise NetdayError("the line is a saved template word for word: make it personal")
    if not check.names_person:
        raise NetdayError(f"the line does not name {who}: make it personal")
    return text


# --- views ----------------------------------------------------------------------------


def _view(row: Opportunity, shared: int = 0) -> OpportunityView:
    return OpportunityView(
        id=row.id,
        title=row.title,
        kind=row.kind,
        url=row.url,
        on_date=row.on_date,
        tags=tuple(t.tag for t in row.tags),
        notes=row.notes,
        created_at=row.created_at,
        closed_at=row.closed_at,
        shared=shared,
    )


def _shared_count(session: Session, opportunity_id: int) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(OpportunityShare)
            .where(OpportunityShare.opportunity_id == opportunity_id)
        )
        or 0
    )


def _get(session: Session, opportunity_id: int) -> Opportunity:
    if not 1 <= opportunity_id <= limits.ID_MAX:
        raise NotFound(f"no opportunity has that id (ids are 1 to {limits.ID_MAX:,})")
    row = session.get(Opportunity, opportunity_id)
    if row is None:
        raise NotFound(f"no opportunity has id {opportunity_id}")
    return row


# --- writing --------------------------------------------------------------------------


def add_opportunity(
    ctx: Context,
    title: str,
    kind: str,
    *,
    url: str = "",
    on: dt.date | None = None,
    tags: Iterable[str] = (),
    notes: str = "",
) -> OpportunityView:
    """A new open opportunity; undoable."""
    title, kind, url = check_title(title), check_kind(kind), check_url(url)
    tag_list, notes = check_tags(tags), check_notes(notes)
    if on is not None:
        in_range(on, on.isoformat())
    with undoable(ctx) as (session, step):
        row = Opportunity(
            title=title,
            kind=kind,
            url=url,
            on_date=on,
            notes=notes,
            created_at=ctx.now(),
            closed_at=None,
            tags=[OpportunityTag(tag=t) for t in tag_list],
        )
        session.add(row)
        session.flush()
        step.label = f"Added the opportunity {quoted(title)}"
        return _view(row)


def edit_opportunity(
    ctx: Context,
    opportunity_id: int,
    *,
    title: str | None = None,
    kind: str | None = None,
    url: str | None = None,
    on: dt.date | None = None,
    clear_on: bool = False,
    tags: Iterable[str] | None = None,
    notes: str | None = None,
) -> OpportunityView:
    """Correct an opportunity (None keeps a field; `clear_on` takes its day away);
    undoable."""
    with undoable(ctx) as (session, step):
        row = _get(session, opportunity_id)
        if title is not None:
            row.title = check_title(title)
        if kind is not None:
            row.kind = check_kind(kind)
        if url is not None:
            row.url = check_url(url)
        if clear_on:
            row.on_date = None
        elif on is not None:
            row.on_date = in_range(on, on.isoformat())
        if tags is not None:
            wanted = check_tags(tags)
            if wanted != tuple(t.tag for t in row.tags):
                row.tags = [OpportunityTag(tag=t) for t in wanted]
        if notes is not None:
            row.notes = check_notes(notes)
        step.label = f"Edited the opportunity {quoted(row.title)}"
        session.flush()
        return _view(row, _shared_count(session, row.id))


def close_opportunity(ctx: Context, opportunity_id: int, *, closed: bool = True) -> OpportunityView:
    """Closed (nothing more to pass on), or open again; undoable. Closing a closed one,
    or reopening an open one, is refused: nothing would change."""
    with undoable(ctx) as (session, step):
        row = _get(session, opportunity_id)
        if closed == (row.closed_at is not None):
            state = "already closed" if closed else "still open"
            raise NetdayError(f"opportunity {opportunity_id} is {state} ({quoted(row.title)})")
        row.closed_at = ctx.now() if closed else None
        step.label = f"{'Closed' if closed else 'Reopened'} the opportunity {quoted(row.title)}"
        session.flush()
        return _view(row, _shared_count(session, row.id))


def delete_opportunity(ctx: Context, opportunity_id: int) -> OpportunityView:
    """Remove an opportunity and its tags; its shares stay in the log (unlinked).
    Returns what it was; undoable."""
    with undoable(ctx) as (session, step):
        row = _get(session, opportunity_id)
        gone = _view(row, _shared_count(session, row.id))
        step.label = f"Deleted the opportunity {quoted(row.title)}"
        session.delete(row)
        session.flush()
        return gone


def _templates(session: Session) -> list[str]:
    return list(session.scalars(select(MessageTemplate.body)))


def _share_summary(title: str, line: str) -> str:
    return f"Shared {title}: {line}"[: limits.LONG_TEXT]


def share_opportunity(ctx: Context, opportunity_id: int, ref: str, line: str) -> ShareView:
    """Pass an open opportunity on to one person with a personal line (`check_line`):
    a share interaction, given, linked to the opportunity. Refused for an archived
    person, a closed opportunity, or someone it was already shared with. Undoable."""
    now = ctx.now()
    with undoable(ctx) as (session, step):
        row = _get(session, opportunity_id)
        contact = resolve_contact(session, ref)
        if contact.archived:
            raise NetdayError(f"{contact.full_name} is archived: unarchive them to share")
        if row.closed_at is not None:
            raise NetdayError(f"opportunity {row.id} is closed ({quoted(row.title)})")
        text = check_line(line, contact.full_name, _templates(session))
        before = session.scalar(
            select(Interaction.occurred_at)
            .join(OpportunityShare, OpportunityShare.interaction_id == Interaction.id)
            .where(
                OpportunityShare.opportunity_id == row.id,
                Interaction.contact_id == contact.id,
            )
            .limit(1)
        )
        if before is not None:
            raise NetdayError(
                f"{quoted(row.title)} was already shared with {contact.full_name}"
                f" on {before:%Y-%m-%d}"
            )
        interaction = record_interaction(
            session,
            contact,
            kind=InteractionKind.SHARE,
            at=now,
            now=now,
            summary=_share_summary(row.title, text),
            direction=Direction.GAVE,
        )
        session.add(OpportunityShare(interaction_id=interaction.id, opportunity_id=row.id))
        session.flush()
        step.label = f"Shared {quoted(row.title)} with {contact.full_name}"
        return ShareView(
            interaction_id=interaction.id,
            opportunity_id=row.id,
            contact_id=contact.id,
            contact_name=contact.full_name,
            at=interaction.occurred_at,
            summary=interaction.summary,
        )


# --- reading --------------------------------------------------------------------------


def list_opportunities(
    ctx: Context, *, include_closed: bool = False, limit: int = LISTED
) -> tuple[OpportunityView, ...]:
    """Open opportunities (and closed ones with `include_closed`): dated ones soonest
    first, then undated ones newest first."""
    shared = (
        select(OpportunityShare.opportunity_id, func.count().label("n"))
        .group_by(OpportunityShare.opportunity_id)
        .subquery()
    )
    query = (
        select(Opportunity, func.coalesce(shared.c.n, 0))
        .outerjoin(shared, shared.c.opportunity_id == Opportunity.id)
        .options(selectinload(Opportunity.tags))
    )
    if not include_closed:
        query = query.where(Opportunity.closed_at.is_(None))
    query = query.order_by(
        Opportunity.closed_at.is_not(None),
        Opportunity.on_date.is_(None),
        Opportunity.on_date,
        Opportunity.created_at.desc(),
        Opportunity.id.desc(),
    ).limit(limit)
    with ctx.db.reading() as session:
        return tuple(_view(row, n) for row, n in session.execute(query))


def count_open(session: Session) -> int:
    """How many opportunities are open: the main screen's calm mention of them (the
    index on (closed_at, on_date) counts them)."""
    return (
        session.scalar(
            select(func.count()).select_from(Opportunity).where(Opportunity.closed_at.is_(None))
        )
        or 0
    )


def open_count(ctx: Context) -> int:
    with ctx.db.reading() as session:
        return count_open(session)


def _shares(session: Session, opportunity_id: int) -> tuple[ShareView, ...]:
    rows = session.execute(
        select(Interaction, Contact.full_name)
        .join(OpportunityShare, OpportunityShare.interaction_id == Interaction.id)
        .join(Contact, Contact.id == Interaction.contact_id)
        .where(OpportunityShare.opportunity_id == opportunity_id)
        .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
        .limit(SHARES_SHOWN)
    )
    return tuple(
        ShareView(
            interaction_id=i.id,
            opportunity_id=opportunity_id,
            contact_id=i.contact_id,
            contact_name=name,
            at=i.occurred_at,
            summary=i.summary,
        )
        for i, name in rows
    )


def _phrases(words: Sequence[str], longest: int = 4) -> set[str]:
    """Every run of up to `longest` words: where a company's name may be."""
    return {
        " ".join(words[i : i + n]) for n in range(1, longest + 1) for i in range(len(words) - n + 1)
    }


def _candidate_ids(session: Session, offer: Offer) -> set[int]:
    """The people who may fit, by each kind of fit, each read bounded (`CANDIDATES`)."""
    ids: set[int] = set()
    if offer.tags:
        ids.update(
            session.scalars(
                select(ContactTag.contact_id)
                .where(ContactTag.tag.in_(sorted(offer.tags)))
                .limit(CANDIDATES)
            )
        )
    phrases = sorted(company_key(p) for p in _phrases(offer.text.split()))
    if phrases:
        ids.update(
            session.scalars(
                select(Contact.id)
                .join(Company, Company.id == Contact.company_id)
                .where(Company.name_key.in_(phrases))
                .limit(CANDIDATES)
            )
        )
    role_words = sorted(
        {word for family in role_families(offer.text) for word in ROLE_FAMILIES[family]}
    )
    if role_words:
        role = func.lower(Contact.role)
        ids.update(
            session.scalars(
                select(Contact.id)
                .where(
                    Contact.archived.is_(False),
                    or_(*(role.like(f"%{w}%") for w in role_words)),
                )
                .order_by(Contact.tier, Contact.id)
                .limit(CANDIDATES)
            )
        )
    words = sorted(offer.words)[:10]
    if words:
        summary = func.lower(Interaction.summary)
        ids.update(
            session.scalars(
                select(Interaction.contact_id)
                .where(
                    Interaction.kind == InteractionKind.EVENT,
                    or_(*(summary.like(f"%{w}%") for w in words)),
                )
                .order_by(Interaction.occurred_at.desc())
                .limit(CANDIDATES)
            )
        )
    return ids


def _candidates(session: Session, ids: set[int]) -> list[Candidate]:
    """The facts the ranking reads about these people, in plain columns (no ORM objects:
    a thousand of them would cost more than the ranking), the archived and those
    waiting for triage left out."""
    if not ids:
        return []
    people = session.execute(
        select(
            Contact.id, Contact.full_name, Contact.circle, Contact.tier, Contact.role, Company.name
        )
        .outerjoin(Company, Company.id == Contact.company_id)
        .where(Contact.id.in_(sorted(ids)), Contact.archived.is_(False), Contact.triage.is_(None))
    ).all()
    kept = [row[0] for row in people]
    if not kept:
        return []
    tags: dict[int, set[str]] = {}
    for cid, tag in session.execute(
        select(ContactTag.contact_id, ContactTag.tag).where(ContactTag.contact_id.in_(kept))
    ):
        tags.setdefault(cid, set()).add(tag)
    last: dict[int, dt.datetime] = {
        cid: at
        for cid, at in session.execute(
            select(Interaction.contact_id, func.max(Interaction.occurred_at))
            .where(Interaction.contact_id.in_(kept))
            .group_by(Interaction.contact_id)
        )
    }
    events: dict[int, list[str]] = {}
    for cid, summary in session.execute(
        select(Interaction.contact_id, Interaction.summary)
        .where(Interaction.kind == InteractionKind.EVENT, Interaction.contact_id.in_(kept))
        .order_by(Interaction.occurred_at.desc())
        .limit(CANDIDATES)
    ):
        events.setdefault(cid, []).append(summary)
    return [
        Candidate(
            contact_id=cid,
            name=name,
            circle=circle,
            tier=tier,
            role=role,
            company=company or "",
            tags=frozenset(tags.get(cid, ())),
            events=tuple(events.get(cid, ())[:5]),
            last_heard=last[cid].date() if cid in last else None,
        )
        for cid, name, circle, tier, role, company in people
    ]


def proposals_for(session: Session, row: Opportunity, today: dt.date) -> tuple[Proposal, ...]:
    """The people `row` fits, best first, without those it was shared with."""
    offer = Offer(
        kind=row.kind, title=row.title, tags=frozenset(t.tag for t in row.tags), url=row.url
    )
    shared_with = session.scalars(
        select(Interaction.contact_id)
        .join(OpportunityShare, OpportunityShare.interaction_id == Interaction.id)
        .where(OpportunityShare.opportunity_id == row.id)
    ).all()
    people = _candidates(session, _candidate_ids(session, offer))
    return propose(offer, people, today, limit=limits.PROPOSALS, exclude=shared_with)


def opportunity_detail(ctx: Context, opportunity_id: int) -> OpportunityDetail:
    """One opportunity with the people it fits (while open) and whom it was shared with."""
    with ctx.db.reading() as session:
        row = _get(session, opportunity_id)
        shares = _shares(session, row.id)
        proposals = proposals_for(session, row, ctx.today()) if row.closed_at is None else ()
        return OpportunityDetail(
            opportunity=_view(row, _shared_count(session, row.id)),
            proposals=proposals,
            shares=shares,
        )


def open_dated(session: Session, start: dt.date, end: dt.date) -> tuple[OpportunityView, ...]:
    """Open opportunities with a day from `start` to `end` (for the calendar export)."""
    rows = session.scalars(
        select(Opportunity)
        .where(
            Opportunity.closed_at.is_(None),
            Opportunity.on_date >= start,
            Opportunity.on_date <= end,
        )
        .order_by(Opportunity.on_date, Opportunity.id)
        .options(selectinload(Opportunity.tags))
        .limit(LISTED)
    )
    return tuple(_view(row) for row in rows)


def kind_said(kind: str) -> str:
    return KIND_SAID.get(kind, kind)
