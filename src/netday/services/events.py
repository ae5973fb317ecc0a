"""Events (PRODUCT.md, practice 10: from online to in person): a day, a place or a link,
and the people one plans to meet there or met.

Planning to meet someone at an event puts them in that day's plan with the reason ("at
Web Summit today"): the planner reads them through `services.at_events` (one bounded
query); a plan already made today takes them when it has room (`top_up_plan`).
Marking someone met logs an interaction of kind event, a conversation: it ticks the
person off the day's plan and restarts the cadence (`services.journal`). Every change
here is one undoable step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from netday import limits
from netday.cleaning import clean_line, quoted
from netday.errors import NetdayError, NotFound
from netday.scheduling.when import in_range, parse_day
from netday.services.circles import in_circle
from netday.services.context import Context
from netday.services.journal import record_interaction
from netday.services.lookup import resolve_contact
from netday.services.opportunities import check_notes, check_url
from netday.services.planner import top_up_plan
from netday.services.undo import undoable
from netday.store.models import Contact, Event, EventPerson, Interaction
from netday.vocabulary import InteractionKind

LISTED = 200
"""`netday event list` shows at most this many (coming ones first) and says so."""
PEOPLE_SHOWN = 500
"""People listed on one event's page: a big conference, never the whole network."""
PEOPLE_PER_STEP = 50
"""People planned in one step (`event plan ID A B C ...`)."""
MET_NOON = dt.time(12, 0)
"""When someone met at a past event is logged: the event's day at noon (the hour is
not known)."""


@dataclass(frozen=True)
class EventView:
    id: int
    title: str
    on_date: dt.date
    place: str
    url: str
    notes: str
    created_at: dt.datetime
    planned: int = 0
    """How many people are planned to be met there (met or not)."""
    met: int = 0
    """How many were met there."""


@dataclass(frozen=True)
class EventPersonView:
    """One person at an event: planned to meet there, met (when, and what the log says)."""

    event_id: int
    contact_id: int
    contact_name: str
    planned: bool
    met_at: dt.datetime | None
    interaction_id: int | None
    summary: str = ""

    @property
    def is_met(self) -> bool:
        return self.met_at is not None


@dataclass(frozen=True)
class EventDetail:
    event: EventView
    people: tuple[EventPersonView, ...]
    """Planned and not met first, then those met; by name."""
    circle: str | None = None
    """The one circle whose people `people` lists, or None for both (the event's own
    counts are always everyone's: an event belongs to no circle)."""
    outside: int = 0
    """People of the event left out of `people` because they are of the other circle."""


# --- the rules ------------------------------------------------------------------------


def check_title(text: str) -> str:
    title = clean_line(text, what="a title", limit=limits.EVENT_TITLE)
    if not title:
        raise NetdayError('give the event a title (e.g. "Web Summit")')
    return title


def check_place(text: str) -> str:
    return clean_line(text, what="a place", limit=limits.PLACE)


def check_line(text: str) -> str:
    """The optional line logged with meeting someone: one line, may be blank."""
    return clean_line(text, what="the line", limit=limits.MET_LINE)


def read_day(ctx: Context, text: str) -> dt.date:
    """An event's day as typed ("friday", "2026-12-10")."""
    return parse_day(text, ctx.today())


def met_summary(title: str, line: str) -> str:
    """What the log says of meeting someone at an event ("Met at Web Summit: ...")."""
    return (f"Met at {title}: {line}" if line else f"Met at {title}")[: limits.LONG_TEXT]


# --- views ----------------------------------------------------------------------------


def _view(row: Event, planned: int = 0, met: int = 0) -> EventView:
    return EventView(
        id=row.id,
        title=row.title,
        on_date=row.on_date,
        place=row.place,
        url=row.url,
        notes=row.notes,
        created_at=row.created_at,
        planned=planned,
        met=met,
    )


def _counts(session: Session, event_id: int) -> tuple[int, int]:
    planned, met = session.execute(
        select(
            func.count(case((EventPerson.planned.is_(True), 1))),
            func.count(EventPerson.met_at),
        ).where(EventPerson.event_id == event_id)
    ).one()
    return planned or 0, met or 0


def _get(session: Session, event_id: int) -> Event:
    if not 1 <= event_id <= limits.ID_MAX:
        raise NotFound(f"no event has that id (ids are 1 to {limits.ID_MAX:,})")
    row = session.get(Event, event_id)
    if row is None:
        raise NotFound(f"no event has id {event_id}")
    return row


def _person_view(link: EventPerson, name: str, summary: str | None) -> EventPersonView:
    return EventPersonView(
        event_id=link.event_id,
        contact_id=link.contact_id,
        contact_name=name,
        planned=link.planned,
        met_at=link.met_at,
        interaction_id=link.interaction_id,
        summary=summary or "",
    )


# --- writing --------------------------------------------------------------------------


def add_event(
    ctx: Context, title: str, on: dt.date, *, place: str = "", url: str = "", notes: str = ""
) -> EventView:
    """A new event on a day; undoable."""
    title, place, url, notes = (
        check_title(title),
        check_place(place),
        check_url(url),
        check_notes(notes),
    )
    in_range(on, on.isoformat())
    with undoable(ctx) as (session, step):
        row = Event(
            title=title, on_date=on, place=place, url=url, notes=notes, created_at=ctx.now()
        )
        session.add(row)
        session.flush()
        step.label = f"Added the event {quoted(title)}"
        return _view(row)


def edit_event(
    ctx: Context,
    event_id: int,
    *,
    title: str | None = None,
    on: dt.date | None = None,
    place: str | None = None,
    url: str | None = None,
    notes: str | None = None,
) -> EventView:
    """Correct an event (None keeps a field); undoable."""
    with undoable(ctx) as (session, step):
        row = _get(session, event_id)
        if title is not None:
            row.title = check_title(title)
        if on is not None:
            row.on_date = in_range(on, on.isoformat())
        if place is not None:
            row.place = check_place(place)
        if url is not None:
            row.url = check_url(url)
        if notes is not None:
            row.notes = check_notes(notes)
        step.label = f"Edited the event {quoted(row.title)}"
        session.flush()
        return _view(row, *_counts(session, row.id))


def delete_event(ctx: Context, event_id: int) -> EventView:
    """Remove an event and who was planned or met there; the meetings stay in the log.
    Returns what it was; undoable."""
    with undoable(ctx) as (session, step):
        row = _get(session, event_id)
        gone = _view(row, *_counts(session, row.id))
        step.label = f"Deleted the event {quoted(row.title)}"
        session.delete(row)
        session.flush()
        return gone


def plan_to_meet(ctx: Context, event_id: int, refs: Iterable[str]) -> tuple[EventPersonView, ...]:
    """Plan to meet these people at an event (on its day, the plan says so). Someone
    already planned is left as they are; an archived person is refused. One undoable
    step for them all."""
    wanted = list(refs)
    if not wanted:
        raise NetdayError("name at least one person to meet there")
    if len(wanted) > PEOPLE_PER_STEP:
        raise NetdayError(f"plan at most {PEOPLE_PER_STEP} people at once")
    with undoable(ctx) as (session, step):
        row = _get(session, event_id)
        done: list[EventPersonView] = []
        for ref in wanted:
            contact = resolve_contact(session, ref)
            if contact.archived:
                raise NetdayError(f"{contact.full_name} is archived: unarchive them first")
            link = session.get(EventPerson, (row.id, contact.id))
            if link is None:
                link = EventPerson(
                    event_id=row.id,
                    contact_id=contact.id,
                    planned=True,
                    met_at=None,
                    interaction_id=None,
                )
                session.add(link)
            link.planned = True
            session.flush()
            done.append(_person_view(link, contact.full_name, None))
        if row.on_date == ctx.today():  # today's plan takes them if it has room
            top_up_plan(session, row.on_date)
        names = ", ".join(p.contact_name for p in done)
        step.label = f"Planned to meet {names} at {quoted(row.title)}"[:300]
        return tuple(done)


def unplan(ctx: Context, event_id: int, ref: str) -> EventPersonView:
    """No longer plan to meet someone at an event (someone met stays met); undoable."""
    with undoable(ctx) as (session, step):
        row = _get(session, event_id)
        contact = resolve_contact(session, ref, include_archived=True)
        link = session.get(EventPerson, (row.id, contact.id))
        if link is None or not link.planned:
            raise NetdayError(f"{contact.full_name} is not planned at {quoted(row.title)}")
        if link.met_at is None:
            session.delete(link)
        else:
            link.planned = False
        session.flush()
        step.label = f"No longer planned to meet {contact.full_name} at {quoted(row.title)}"
        return EventPersonView(
            event_id=row.id,
            contact_id=contact.id,
            contact_name=contact.full_name,
            planned=False,
            met_at=link.met_at,
            interaction_id=link.interaction_id,
        )


def mark_met(ctx: Context, event_id: int, ref: str, line: str = "") -> EventPersonView:
    """Met someone at an event: logs an interaction of kind event ("Met at Web Summit:
    line"), a conversation (restarts the cadence, ticks today's plan). Today's event is
    logged now, a past one on its day at noon; an event still to come, someone already
    met there or an archived person is refused. Undoable."""
    text = check_line(line)
    now, today = ctx.now(), ctx.today()
    with undoable(ctx) as (session, step):
        row = _get(session, event_id)
        if row.on_date > today:
            raise NetdayError(
                f"{quoted(row.title)} is on {row.on_date.isoformat()}: mark people met"
                " on the day or after"
            )
        contact = resolve_contact(session, ref)
        if contact.archived:
            raise NetdayError(f"{contact.full_name} is archived: unarchive them first")
        link = session.get(EventPerson, (row.id, contact.id))
        if link is not None and link.met_at is not None:
            raise NetdayError(
                f"{contact.full_name} was already met at {quoted(row.title)}"
                f" ({link.met_at:%Y-%m-%d})"
            )
        at = now if row.on_date == today else dt.datetime.combine(row.on_date, MET_NOON)
        interaction = record_interaction(
            session,
            contact,
            kind=InteractionKind.EVENT,
            at=at,
            now=now,
            summary=met_summary(row.title, text),
        )
        if link is None:
            link = EventPerson(event_id=row.id, contact_id=contact.id, planned=False)
            session.add(link)
        link.met_at = at
        link.interaction_id = interaction.id
        session.flush()
        step.label = f"Met {contact.full_name} at {quoted(row.title)}"
        return _person_view(link, contact.full_name, interaction.summary)


# --- reading --------------------------------------------------------------------------


def list_events(ctx: Context, *, limit: int = LISTED) -> tuple[EventView, ...]:
    """Events from today on, soonest first, then past ones, latest first."""
    today = ctx.today()
    counts = (
        select(
            EventPerson.event_id,
            func.count(case((EventPerson.planned.is_(True), 1))).label("planned"),
            func.count(EventPerson.met_at).label("met"),
        )
        .group_by(EventPerson.event_id)
        .subquery()
    )
    past = Event.on_date < today
    query = (
        select(Event, func.coalesce(counts.c.planned, 0), func.coalesce(counts.c.met, 0))
        .outerjoin(counts, counts.c.event_id == Event.id)
        .order_by(
            past,
            case((past, None), else_=Event.on_date),
            Event.on_date.desc(),
            Event.id,
        )
        .limit(limit)
    )
    with ctx.db.reading() as session:
        return tuple(_view(row, planned, met) for row, planned, met in session.execute(query))


def event_detail(ctx: Context, event_id: int, circle: str | None = None) -> EventDetail:
    """One event with its people: planned and not met first, then those met. With a
    `circle`, only its people are listed, and `outside` says how many were left out
    (the event itself, and its counts, are everyone's)."""
    with ctx.db.reading() as session:
        row = _get(session, event_id)
        found = session.execute(
            select(EventPerson, Contact.full_name, Interaction.summary)
            .join(Contact, Contact.id == EventPerson.contact_id)
            .outerjoin(Interaction, Interaction.id == EventPerson.interaction_id)
            .where(EventPerson.event_id == row.id, in_circle(Contact.id, circle))
            .order_by(EventPerson.met_at.is_not(None), Contact.full_name, Contact.id)
            .limit(PEOPLE_SHOWN)
        )
        people = tuple(_person_view(link, name, summary) for link, name, summary in found)
        outside = 0
        if circle is not None:
            outside = (
                session.scalar(
                    select(func.count())
                    .select_from(EventPerson)
                    .join(Contact, Contact.id == EventPerson.contact_id)
                    .where(EventPerson.event_id == row.id, Contact.circle != circle)
                )
                or 0
            )
        return EventDetail(
            event=_view(row, *_counts(session, row.id)),
            people=people,
            circle=circle,
            outside=outside,
        )


def dated(session: Session, start: dt.date, end: dt.date) -> tuple[EventView, ...]:
    """Events from `start` to `end` (for the calendar export)."""
    rows = session.scalars(
        select(Event)
        .where(Event.on_date >= start, Event.on_date <= end)
        .order_by(Event.on_date, Event.id)
        .limit(LISTED)
    )
    return tuple(_view(row) for row in rows)
