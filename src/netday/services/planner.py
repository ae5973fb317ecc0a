"""The day's plan: created once per date from the scheduling rules, then stable."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Collection
from typing import Any

from sqlalchemy import Date, Row, and_, case, func, literal, or_, select
from sqlalchemy.orm import Session

from netday.errors import NetdayError
from netday.scheduling.occasions import Occasion, month_days, occasion_on
from netday.scheduling.plan import (
    DEFAULT_CADENCE_DAYS,
    LOOKAHEAD_DAYS,
    TIER_WEIGHT,
    Candidate,
    Tries,
    choose_calls,
    plan_size,
)
from netday.scheduling.promises import DuePromise
from netday.scheduling.when import in_range, parse_day
from netday.services.at_events import planned_on
from netday.services.context import Context
from netday.services.journal import check_minutes
from netday.services.lookup import resolve_contact
from netday.services.outcomes import answered, open_tries, outcomes_on
from netday.services.promises import due_promises, open_promises_of
from netday.services.settings import SettingsView, load_settings
from netday.services.snapshots import cadence_from_columns, contact_summary
from netday.services.undo import undoable
from netday.services.views import LastTalk, NextDue, PlannedCall, PlanView, Promise
from netday.store.models import Contact, DayPlan, Interaction, PlanItem
from netday.store.sqlfunctions import days_between, month_day
from netday.store.upsert import insert_if_missing
from netday.vocabulary import CallStatus, Circle
from netday.wording import short_date

SHORTLIST = 40


_COLUMNS = (
    Contact.id,
    Contact.tier,
    Contact.company_id,
    Contact.next_due_on,
    Contact.cadence_kind,
    Contact.cadence_every,
    Contact.cadence_unit,
    Contact.cadence_rule,
    Contact.follow_up_on,
    Contact.follow_up_kind,
    Contact.follow_up_since,
    Contact.snoozed_until,
    Contact.birthday,
    Contact.connected_on,
    Contact.circle,
    Contact.triage,
)


def _occasion(row: Row[*tuple[Any, ...]], today: dt.date) -> Occasion | None:
    """The person's birthday or connection anniversary today; none for someone still
    waiting in triage (not yet part of the network)."""
    if row.triage is not None:
        return None
    return occasion_on(
        today,
        birthday=row.birthday,
        connected_on=row.connected_on,
        circle=row.circle,
        tier=row.tier,
    )


def _candidate(
    row: Row[*tuple[Any, ...]],
    tries: Tries | None,
    promise: DuePromise | None,
    today: dt.date,
    event: str | None = None,
) -> Candidate:
    return Candidate(
        contact_id=row.id,
        tier=row.tier,
        company_id=row.company_id,
        next_due=row.next_due_on,
        cadence=cadence_from_columns(
            row.cadence_kind, row.cadence_every, row.cadence_unit, row.cadence_rule
        ),
        follow_up_on=row.follow_up_on,
        follow_up_kind=row.follow_up_kind,
        follow_up_since=row.follow_up_since,
        snoozed_until=row.snoozed_until,
        tries=tries,
        promise=promise,
        occasion=_occasion(row, today),
        event=event,
    )


def shortlist(session: Session, today: dt.date, limit: int) -> tuple[list[Candidate], bool]:
    """The few contacts worth considering today, and whether the list was cut short.

    People planned to be met at an event that day (`at_events.planned_on`, snoozed or
    not), people whose call went unanswered (`open_tries`), promised follow-ups and
    promises (either way) that are due, the `limit` people with a birthday or a
    connection anniversary today (friends first, then by tier), the `limit` most
    overdue by the planner's own score (tier weight x how late relative to the
    cadence, ranked in SQL), and the `limit` due soonest in the coming week.
    `choose_calls` then applies the exact rules to this short list, so the work stays
    bounded however large the network grows.
    """
    awake = or_(Contact.snoozed_until.is_(None), Contact.snoozed_until <= today)
    active = and_(Contact.archived.is_(False), awake)
    horizon = today + dt.timedelta(days=LOOKAHEAD_DAYS)
    weight = case(
        *((Contact.tier == tier, value) for tier, value in TIER_WEIGHT.items()), else_=1.0
    )
    lateness = days_between(literal(today, Date), Contact.next_due_on) / func.coalesce(
        Contact.cadence_days, DEFAULT_CADENCE_DAYS
    )
    at_events: dict[int, str] = {}
    for planned in planned_on(session, today):
        at_events.setdefault(planned.contact_id, planned.title)
    meeting = select(*_COLUMNS).where(
        Contact.archived.is_(False), Contact.id.in_(sorted(at_events))
    )
    tries = open_tries(session, today, load_settings(session).call_tries)
    tried = select(*_COLUMNS).where(active, Contact.id.in_(list(tries)))
    follow_ups = select(*_COLUMNS).where(active, Contact.follow_up_on <= today)
    dues = due_promises(session, today)
    promised = select(*_COLUMNS).where(active, Contact.id.in_(list(dues)))
    days = [f"{month:02d}-{day:02d}" for month, day in month_days(today)]
    occasions = (
        select(*_COLUMNS)
        .where(
            active,
            Contact.triage.is_(None),
            or_(month_day(Contact.birthday).in_(days), month_day(Contact.connected_on).in_(days)),
        )
        .order_by((Contact.circle == Circle.PERSONAL).desc(), Contact.tier, Contact.id)
        .limit(limit)
    )
    overdue = (
        select(*_COLUMNS)
        .where(active, Contact.next_due_on <= today)
        .order_by((weight * (1.0 + lateness)).desc(), Contact.tier, Contact.id)
        .limit(limit)
    )
    upcoming = (
        select(*_COLUMNS)
        .where(active, Contact.next_due_on > today, Contact.next_due_on <= horizon)
        .order_by(Contact.next_due_on, Contact.tier, Contact.id)
        .limit(limit)
    )
    found: dict[int, Candidate] = {}
    cut = False
    queries = (
        (meeting, False),
        (tried, False),
        (follow_ups, False),
        (promised, False),
        (occasions, True),
        (overdue, True),
        (upcoming, True),
    )
    for query, bounded in queries:
        rows = session.execute(query).all()
        cut = cut or (bounded and len(rows) >= limit)
        for row in rows:
            found.setdefault(
                row.id,
                _candidate(row, tries.get(row.id), dues.get(row.id), today, at_events.get(row.id)),
            )
    return list(found.values()), cut


def _fill(session: Session, plan: DayPlan, settings: SettingsView) -> None:
    """Add picks until the plan has as many calls as its minutes allow."""
    size = plan_size(plan.minutes, settings.limits)
    if len(plan.items) >= size:
        return
    taken = frozenset(i.contact_id for i in plan.items)
    companies: Counter[int] = Counter()
    if taken:
        for company_id in session.scalars(select(Contact.company_id).where(Contact.id.in_(taken))):
            if company_id is not None:
                companies[company_id] += 1
    wanted = size - len(plan.items)
    limit = SHORTLIST
    while True:
        candidates, cut = shortlist(session, plan.plan_date, limit + len(taken))
        picks = choose_calls(
            candidates, plan.plan_date, wanted, exclude=taken, company_counts=companies
        )
        # A short list can run dry when one company fills it; widen it then.
        if len(picks) >= wanted or not cut:
            break
        limit *= 4
    start = max((i.position for i in plan.items), default=0)
    for offset, pick in enumerate(picks, start=1):
        plan.items.append(
            PlanItem(contact_id=pick.contact_id, position=start + offset, reason=pick.reason)
        )


def _shrink(plan: DayPlan, settings: SettingsView) -> None:
    """Drop not-yet-touched calls from the end when the budget shrinks."""
    size = plan_size(plan.minutes, settings.limits)
    for item in sorted(plan.items, key=lambda i: i.position, reverse=True):
        if len(plan.items) <= size:
            break
        if item.status == CallStatus.PLANNED:
            plan.items.remove(item)


def ensure_plan(
    session: Session, day: dt.date, now: dt.datetime, minutes: int | None = None
) -> DayPlan:
    """The plan of `day`, created on first request; a new `minutes` re-sizes it."""
    check_minutes(minutes)
    settings = load_settings(session)
    plan = session.get(DayPlan, day)
    if plan is None:
        # Race-free: when another netday creates this day's plan at the same moment, the
        # insert waits for it and does nothing, and its plan (with its picks) is used.
        values = {
            "plan_date": day,
            "minutes": settings.minutes_per_day if minutes is None else minutes,
            "created_at": now,
        }
        created = insert_if_missing(session, DayPlan, values, ["plan_date"])
        plan = session.get_one(DayPlan, day)
        if created:
            _fill(session, plan, settings)
            session.flush()
            return plan
    if minutes is not None and minutes != plan.minutes:
        plan.minutes = minutes
        _shrink(plan, settings)
        _fill(session, plan, settings)
    session.flush()
    return plan


def top_up_plan(session: Session, day: dt.date) -> frozenset[int]:
    """Let an existing plan of `day` take people who just became plannable (placed by
    triage), up to its size, by the planner's own rule; the ids it took. A plan not yet
    made is left alone: it is filled when first asked for, with them among the candidates."""
    plan = session.get(DayPlan, day)
    if plan is None:
        return frozenset()
    session.flush()
    before = {item.contact_id for item in plan.items}
    _fill(session, plan, load_settings(session))
    session.flush()
    return frozenset(item.contact_id for item in plan.items) - before


def last_talks(session: Session, contact_ids: Collection[int]) -> dict[int, LastTalk]:
    """The last conversation with each of these contacts, in one query however many
    there are (a plan holds a handful): a call starts from what was said last time.

    Ranked in SQL by the (contact, time) index; a light touch (a like, a comment) is
    not a conversation, and the newest of two at the same minute is the one logged last.
    """
    if not contact_ids:
        return {}
    rank = (
        func.row_number()
        .over(
            partition_by=Interaction.contact_id,
            order_by=(Interaction.occurred_at.desc(), Interaction.id.desc()),
        )
        .label("rank")
    )
    ranked = (
        select(
            Interaction.contact_id,
            Interaction.occurred_at,
            Interaction.kind,
            Interaction.summary,
            Interaction.minutes,
            rank,
        )
        .where(
            Interaction.contact_id.in_(contact_ids),
            answered(),
        )
        .subquery()
    )
    rows = session.execute(select(ranked).where(ranked.c.rank == 1))
    return {
        row.contact_id: LastTalk(
            at=row.occurred_at, kind=row.kind, summary=row.summary, minutes=row.minutes
        )
        for row in rows
    }


def _promise(contact: Contact) -> Promise | None:
    if contact.follow_up_on is None:
        return None
    return Promise(
        due=contact.follow_up_on,
        kind=contact.follow_up_kind or "",
        since=contact.follow_up_since,
    )


def plan_view(session: Session, plan: DayPlan, circle: str | None = None) -> PlanView:
    """The plan as the screens show it: each call with its contact, the last
    conversation, any follow-up still open, the open promises either way and, once
    done, how the call went (a few queries for the whole plan, never one per call).
    With a `circle`, only the calls with people in it: the plan is shown filtered, never
    made again (each call keeps its place in the day's plan)."""
    wanted = select(Contact).where(Contact.id.in_([i.contact_id for i in plan.items]))
    if circle:
        wanted = wanted.where(Contact.circle == circle)
    contacts = {c.id: c for c in session.scalars(wanted)}
    ids = [i.contact_id for i in plan.items if i.contact_id in contacts]
    talks = last_talks(session, ids)
    done = [i.contact_id for i in plan.items if i.status == CallStatus.DONE]
    outcomes = outcomes_on(session, done, plan.plan_date)
    promises = open_promises_of(session, ids)
    return PlanView(
        date=plan.plan_date,
        minutes=plan.minutes,
        calls=tuple(
            PlannedCall(
                position=index,
                contact=contact_summary(contacts[item.contact_id]),
                reason=item.reason,
                status=item.status,
                snoozed_until=item.snoozed_until,
                last_talk=talks.get(item.contact_id),
                promise=_promise(contacts[item.contact_id]),
                outcome=outcomes.get(item.contact_id),
                promises=promises.get(item.contact_id, ()),
            )
            for index, item in enumerate(sorted(plan.items, key=lambda i: i.position), start=1)
            if item.contact_id in contacts
        ),
    )


def next_due(session: Session) -> NextDue | None:
    """Who comes due first, counting promised follow-ups and snoozes: what an empty
    plan says it is waiting for. Only read when nobody is planned, so a scan is fine."""
    due = case(
        (Contact.follow_up_on < Contact.next_due_on, Contact.follow_up_on),
        else_=func.coalesce(Contact.next_due_on, Contact.follow_up_on),
    )
    awake_on = case((Contact.snoozed_until > due, Contact.snoozed_until), else_=due)
    row = session.execute(
        select(Contact.id, Contact.full_name, awake_on.label("due"))
        .where(Contact.archived.is_(False), due.is_not(None))
        .order_by(awake_on, Contact.id)
        .limit(1)
    ).first()
    return NextDue(contact_id=row.id, name=row.full_name, due=row.due) if row else None


def plannable_contacts(session: Session) -> int:
    """Contacts a plan may hold (the archived never are)."""
    count = session.scalar(
        select(func.count()).select_from(Contact).where(Contact.archived.is_(False))
    )
    return int(count or 0)


def prepare_plan(ctx: Context, day: dt.date, minutes: int | None = None) -> None:
    """Make sure `day` has its plan (re-sized to `minutes` if given).

    Once a date's plan exists this only reads, so showing the day never waits for
    another netday's write (an import, say); the write that creates or re-sizes the
    plan is a transaction of its own, as short as it can be.
    """
    with ctx.db.reading() as session:
        plan = session.get(DayPlan, day)
        if plan is not None and (minutes is None or minutes == plan.minutes):
            return
    with ctx.db.transaction() as session:
        ensure_plan(session, day, ctx.now(), minutes)


def plan_for(ctx: Context, day: dt.date | None = None, minutes: int | None = None) -> PlanView:
    day = day or ctx.today()
    prepare_plan(ctx, day, minutes)
    with ctx.db.reading() as session:
        return plan_view(session, session.get_one(DayPlan, day))


def _today_item(session: Session, ctx: Context, ref: str) -> tuple[Contact, PlanItem | None]:
    contact = resolve_contact(session, ref)
    plan = ensure_plan(session, ctx.today(), ctx.now())
    item = next((i for i in plan.items if i.contact_id == contact.id), None)
    return contact, item


def skip_call(ctx: Context, ref: str) -> PlanView:
    """Not today: the contact stays due and comes back in a later plan."""
    with undoable(ctx) as (session, step):
        contact, item = _today_item(session, ctx, ref)
        if item is None:
            raise NetdayError(f"{contact.full_name} is not in today's plan")
        if item.status == CallStatus.DONE:
            raise NetdayError(f"the call with {contact.full_name} is already done")
        item.status = CallStatus.SKIPPED
        step.label = f"Skipped the call with {contact.full_name}"
        session.flush()
        return plan_view(session, session.get_one(DayPlan, ctx.today()))


def snooze_until(ctx: Context, text: str = "") -> dt.date:
    """The day a snooze lasts until, as typed (`tomorrow`, `friday`, `2026-12-01`; blank
    for tomorrow), or refused: it must come after today."""
    today = ctx.today()
    until = parse_day(text, today) if text.strip() else today + dt.timedelta(days=1)
    check_snooze_until(ctx, until)
    return until


def check_snooze_until(ctx: Context, until: dt.date) -> None:
    """A snooze lasts until a day after today, within the dates netday keeps."""
    in_range(until, f"snooze until {until.isoformat()}")
    if until <= ctx.today():
        raise NetdayError("snooze until a day after today")


def snooze_contact(ctx: Context, ref: str, until: dt.date | None = None) -> PlanView:
    """Out of every plan until `until` (tomorrow by default)."""
    today = ctx.today()
    until = until or today + dt.timedelta(days=1)
    check_snooze_until(ctx, until)
    with undoable(ctx) as (session, step):
        contact, item = _today_item(session, ctx, ref)
        if item is not None and item.status == CallStatus.DONE:
            raise NetdayError(f"the call with {contact.full_name} is already done")
        contact.snoozed_until = until
        contact.updated_at = ctx.now()
        if item is not None:
            item.status, item.snoozed_until = CallStatus.SNOOZED, until
        step.label = f"Snoozed {contact.full_name} until {short_date(until)}"
        session.flush()
        return plan_view(session, session.get_one(DayPlan, today))
