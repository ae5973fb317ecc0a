"""Reading everything out for the exporters: contacts whole, interactions, the coming days.

Exports stream over large tables in pages and hand out the frozen records of
`services.records`, so a writer in `netday.io` never holds a session or an ORM row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from netday.config import default_export_dir
from netday.scheduling.occasions import LIGHT_TOUCH, next_return
from netday.services.circles import in_circle
from netday.services.context import Context
from netday.services.events import dated as events_dated
from netday.services.opportunities import kind_said, open_dated
from netday.services.planner import prepare_plan
from netday.services.records import CalendarItem, ContactRecord, InteractionRecord
from netday.services.review import review_day
from netday.services.snapshots import cadence_of
from netday.services.views import ReviewView
from netday.store.models import Contact, DayPlan, Interaction, PlanItem, Promise
from netday.vocabulary import CadenceKind, CallStatus, DetailKind, OwedBy

PAGE = 1000


def _record(c: Contact) -> ContactRecord:
    cadence = cadence_of(c)
    return ContactRecord(
        id=c.id,
        full_name=c.full_name,
        company=c.company.name if c.company else "",
        role=c.role,
        email=c.email,
        phone=c.phone,
        profile_url=c.profile_url,
        emails=tuple(d.value for d in c.details if d.kind == DetailKind.EMAIL),
        phones=tuple(d.value for d in c.details if d.kind == DetailKind.PHONE),
        urls=tuple(d.value for d in c.details if d.kind == DetailKind.URL),
        notes=c.notes,
        birthday=c.birthday,
        tags=tuple(t.tag for t in c.tags),
        tier=c.tier,
        circle=c.circle,
        why=c.why,
        cadence=cadence.spec() if cadence else "",
        cadence_kind=c.cadence_kind,
        cadence_rule=c.cadence_rule,
        next_due=c.next_due_on,
        connected_on=c.connected_on,
        triage=c.triage,
        archived=c.archived,
        vcard=c.vcard,
        updated_at=c.updated_at,
    )


def count_contacts(ctx: Context, archived: bool = True) -> int:
    query = select(func.count()).select_from(Contact)
    if not archived:
        query = query.where(Contact.archived.is_(False))
    with ctx.db.reading() as session:
        return session.scalar(query) or 0


def contact_records(
    ctx: Context, archived: bool = True, circle: str | None = None
) -> Iterator[ContactRecord]:
    """Every contact (with a `circle`, of that circle) in the order they were added, a
    page at a time."""
    last_id = 0
    while True:
        query = (
            select(Contact)
            .options(selectinload(Contact.tags), selectinload(Contact.details))
            .where(Contact.id > last_id, in_circle(Contact.id, circle))
            .order_by(Contact.id)
            .limit(PAGE)
        )
        if not archived:
            query = query.where(Contact.archived.is_(False))
        with ctx.db.reading() as session:
            page = [_record(c) for c in session.scalars(query).unique()]
        yield from page
        if len(page) < PAGE:
            return
        last_id = page[-1].id


def interaction_records(ctx: Context, circle: str | None = None) -> Iterator[InteractionRecord]:
    """Every interaction (with a `circle`, with people of it), oldest first, a page at a
    time."""
    last_id = 0
    while True:
        query = (
            select(Interaction, Contact.full_name)
            .join(Contact, Contact.id == Interaction.contact_id)
            .where(Interaction.id > last_id, in_circle(Interaction.contact_id, circle))
            .order_by(Interaction.id)
            .limit(PAGE)
        )
        with ctx.db.reading() as session:
            page = [
                InteractionRecord(
                    i.id,
                    i.contact_id,
                    name,
                    i.kind,
                    i.occurred_at,
                    i.minutes,
                    i.direction,
                    i.summary,
                    i.follow_up_on,
                )
                for i, name in session.execute(query)
            ]
        yield from page
        if len(page) < PAGE:
            return
        last_id = page[-1].id


def calendar_items(ctx: Context, days: int, circle: str | None = None) -> list[CalendarItem]:
    """Today's planned calls, then who falls due, the follow-ups, the open promises
    (either way) and the birthdays in the coming days, and the open opportunities on
    those days (an event to attend, a call for speakers closing: the day to pass it on by),
    and the events on those days (all-day, with the place and the link). With a `circle`,
    the items about people are those of that circle's; opportunities and events belong to
    no circle and stay.

    A calendar cadence ("first Monday of the month") is one recurring event with its
    RRULE; a relative one restarts after every conversation, so only its next date is known.
    """
    today = ctx.today()
    end = today + dt.timedelta(days=max(1, days))
    items: list[CalendarItem] = []
    prepare_plan(ctx, today)
    with ctx.db.reading() as session:
        plan = session.get_one(DayPlan, today)
        settings_minutes = plan.minutes
        planned_ids = set()
        for item in session.scalars(
            select(PlanItem).where(
                PlanItem.plan_date == today,
                PlanItem.status == CallStatus.PLANNED,
                in_circle(PlanItem.contact_id, circle),
            )
        ):
            contact = session.get_one(Contact, item.contact_id)
            planned_ids.add(contact.id)
            items.append(
                CalendarItem(
                    uid=f"plan-{today.isoformat()}-{contact.id}@netday",
                    day=today,
                    title=f"Call {contact.full_name}",
                    description=_describe(contact, item.reason),
                    minutes=max(5, settings_minutes // max(1, len(plan.items))),
                )
            )
        due = session.scalars(
            select(Contact)
            .where(
                Contact.archived.is_(False),
                Contact.next_due_on > today,
                Contact.next_due_on < end,
                in_circle(Contact.id, circle),
            )
            .order_by(Contact.next_due_on, Contact.id)
        ).all()
        for contact in due:
            assert contact.next_due_on is not None
            if contact.id in planned_ids and contact.cadence_kind != CadenceKind.CALENDAR:
                continue
            calendar = contact.cadence_kind == CadenceKind.CALENDAR
            items.append(
                CalendarItem(
                    uid=f"due-{contact.id}@netday",
                    day=contact.next_due_on,
                    title=f"Call {contact.full_name}",
                    description=_describe(contact, f"due: {_cadence_text(contact)}"),
                    minutes=15,
                    rrule=contact.cadence_rule if calendar else None,
                )
            )
        follow = session.scalars(
            select(Contact)
            .where(
                Contact.archived.is_(False),
                Contact.follow_up_on >= today,
                Contact.follow_up_on < end,
                in_circle(Contact.id, circle),
            )
            .order_by(Contact.follow_up_on, Contact.id)
        ).all()
        for contact in follow:
            assert contact.follow_up_on is not None
            if contact.id in planned_ids and contact.follow_up_on == today:
                continue
            items.append(
                CalendarItem(
                    uid=f"follow-{contact.id}-{contact.follow_up_on.isoformat()}@netday",
                    day=contact.follow_up_on,
                    title=f"Follow up with {contact.full_name}",
                    description=_describe(contact, "a follow-up you promised"),
                    minutes=15,
                )
            )
        owed = session.execute(
            select(Promise, Contact)
            .join(Contact, Contact.id == Promise.contact_id)
            .where(
                Contact.archived.is_(False),
                Promise.done_at.is_(None),
                Promise.due_on >= today,
                Promise.due_on < end,
                in_circle(Contact.id, circle),
            )
            .order_by(Promise.due_on, Promise.id)
        ).all()
        for promise, contact in owed:
            mine = promise.owed_by == OwedBy.ME
            items.append(
                CalendarItem(
                    uid=f"promise-{promise.id}@netday",
                    day=promise.due_on,
                    title=f"Promised {contact.full_name}: {promise.what}"
                    if mine
                    else f"Ask {contact.full_name}: {promise.what}",
                    description=_describe(
                        contact, "a promise you made" if mine else "a promise made to you"
                    ),
                    minutes=15,
                )
            )
        items.extend(_birthdays(session, today, end, circle))
        for found in open_dated(session, today, end - dt.timedelta(days=1)):
            assert found.on_date is not None
            about = [f"{kind_said(found.kind)}: worth passing on (netday opportunity show)"]
            about += [
                value for value in (found.url, " ".join(f"#{t}" for t in found.tags)) if value
            ]
            items.append(
                CalendarItem(
                    uid=f"opportunity-{found.id}@netday",
                    day=found.on_date,
                    title=found.title,
                    description="\n".join(about),
                    minutes=15,
                )
            )
        for event in events_dated(session, today, end - dt.timedelta(days=1)):
            about = [value for value in (event.place, event.url) if value]
            about.append(f"people to meet and met there: netday event show {event.id}")
            items.append(
                CalendarItem(
                    uid=f"event-{event.id}@netday",
                    day=event.on_date,
                    title=event.title,
                    description="\n".join(about),
                    minutes=60,
                )
            )
    return sorted(items, key=lambda i: (i.day, i.title))


BIRTHDAY_MINUTES = 5
"""A birthday's event: a greeting, a message will do."""


def _birthdays(
    session: Session, today: dt.date, end: dt.date, circle: str | None = None
) -> Iterator[CalendarItem]:
    """The birthdays falling before `end`, one event each on the day the plan keeps
    it (`scheduling.occasions`: 29 February on 28 February in a year without one).
    Connection anniversaries stay out: a whole LinkedIn network's would crowd a calendar.
    """
    people = session.scalars(
        select(Contact)
        .where(Contact.archived.is_(False), Contact.triage.is_(None), Contact.birthday.is_not(None))
        .where(in_circle(Contact.id, circle))
        .order_by(Contact.id)
    )
    for contact in people:
        assert contact.birthday is not None
        day = next_return(contact.birthday, today)
        if day < end:
            yield CalendarItem(
                uid=f"birthday-{contact.id}-{day.isoformat()}@netday",
                day=day,
                title=f"Birthday: {contact.full_name}",
                description=_describe(contact, f"birthday: {LIGHT_TOUCH}"),
                minutes=BIRTHDAY_MINUTES,
            )


def _cadence_text(contact: Contact) -> str:
    cadence = cadence_of(contact)
    return cadence.describe() if cadence else "no cadence"


def _describe(contact: Contact, reason: str) -> str:
    lines = [reason]
    if contact.company:
        lines.append(f"{contact.role + ' at ' if contact.role else ''}{contact.company.name}")
    for value in (contact.phone, contact.email, contact.profile_url, contact.why):
        if value:
            lines.append(value)
    return "\n".join(lines)


def week_reviews(
    ctx: Context, last_day: dt.date | None = None, circle: str | None = None
) -> list[ReviewView]:
    """The seven daily reviews ending on `last_day` (today by default), oldest first."""
    end = last_day or ctx.today()
    return [review_day(ctx, end - dt.timedelta(days=n), circle) for n in range(6, -1, -1)]


def default_export_folder() -> Path:
    """Where an export or a review goes unless the user says: one folder for every
    database, `exports` in the user data folder (on Linux
    `~/.local/share/netday/exports`), created on first use, readable by the user only.
    Not beside the database: a server database has no folder, and the demo's is
    deleted when it closes."""
    folder = default_export_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder
