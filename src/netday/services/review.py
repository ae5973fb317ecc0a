"""The morning overview and the end-of-day review (PRODUCT.md, practices 1 and 11)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import ColumnElement, case, func, literal, select
from sqlalchemy.orm import Session

from netday.cleaning import clean_block
from netday.errors import NetdayError
from netday.limits import LONG_TEXT
from netday.scheduling.kinds import CALL_KINDS
from netday.scheduling.when import in_range
from netday.services.circles import in_circle
from netday.services.context import Context
from netday.services.invites import pending_invites
from netday.services.journal import check_minutes, day_bounds, interactions_between
from netday.services.opportunities import count_open
from netday.services.planner import next_due, plan_view, plannable_contacts, prepare_plan
from netday.services.posts import waiting_posts
from netday.services.promises import came_due
from netday.services.settings import load_settings
from netday.services.snapshots import invite_view, post_view
from netday.services.views import ReviewView, TodayView
from netday.store.models import Contact, DayPlan, DayReview, Interaction, Invite, PlanItem, Post
from netday.vocabulary import (
    CallStatus,
    InviteDirection,
    PostStatus,
    TriageState,
)
from netday.wording import circle_only, plural

LOG_LIMIT = 100
STREAK_WINDOW = 400


def counted_minutes(logged: Iterable[tuple[str, int | None]], minutes_per_call: int) -> int:
    """The minutes a day's interactions (kind, minutes) took: as logged, and a call
    logged without minutes at `minutes_per_call`, the time the plan gave it."""
    return sum(
        minutes if minutes is not None else minutes_per_call if kind in CALL_KINDS else 0
        for kind, minutes in logged
    )


def counted_minutes_sql(minutes_per_call: int) -> ColumnElement[int]:
    """SQL: the minutes one interaction counts, by the rule of `counted_minutes`."""
    return func.coalesce(
        Interaction.minutes,
        case((Interaction.kind.in_(CALL_KINDS), literal(minutes_per_call)), else_=0),
    )


def completed_plans(session: Session, first: dt.date, last: dt.date) -> set[dt.date]:
    """The days from `first` to `last` whose plan was completed: at least one call done
    and none left untouched (skipped and snoozed calls were dealt with)."""
    rows = session.execute(
        select(
            DayPlan.plan_date,
            func.sum(case((PlanItem.status == CallStatus.PLANNED, 1), else_=0)),
            func.sum(case((PlanItem.status == CallStatus.DONE, 1), else_=0)),
        )
        .outerjoin(PlanItem, PlanItem.plan_date == DayPlan.plan_date)
        .where(DayPlan.plan_date <= last, DayPlan.plan_date >= first)
        .group_by(DayPlan.plan_date)
    )
    return {d for d, planned, done in rows if (done or 0) > 0 and not planned}


def streak(session: Session, day: dt.date) -> int:
    """Consecutive days, ending at `day`, whose plan was completed (`completed_plans`).
    A day still in progress does not break the streak."""
    complete = completed_plans(session, day - dt.timedelta(days=STREAK_WINDOW - 1), day)
    count = 0
    cursor = day if day in complete else day - dt.timedelta(days=1)
    while cursor in complete:
        count += 1
        cursor -= dt.timedelta(days=1)
    return count


def today_overview(
    ctx: Context, minutes: int | None = None, circle: str | None = None
) -> TodayView:
    """Everything the morning needs, read in one transaction; creating today's plan
    (once a day) is a short write of its own before it. With a `circle`, the calls,
    comments, invitations and log show only people in it (the plan itself is the
    whole day's: only what is shown is filtered)."""
    today = ctx.today()
    prepare_plan(ctx, today, minutes)
    with ctx.db.reading() as session:
        plan = plan_view(session, session.get_one(DayPlan, today), circle)
        posts, total = waiting_posts(session, ctx, circle=circle)
        quiet = not plan.calls  # an empty plan says why: who comes due next, and when
        start, end = day_bounds(today)
        return TodayView(
            date=today,
            plan=plan,
            streak=streak(session, today),
            comments=tuple(posts),
            comments_total=total,
            invites=tuple(pending_invites(session, ctx, circle=circle)),
            log=tuple(interactions_between(session, start, end, LOG_LIMIT, circle)),
            is_empty=session.scalar(select(Contact.id).limit(1)) is None
            and session.scalar(select(Invite.id).limit(1)) is None,
            to_triage=session.scalar(
                select(func.count())
                .select_from(Contact)
                .where(Contact.triage == TriageState.PENDING)
            )
            or 0,
            opportunities=count_open(session),
            contacts=plannable_contacts(session) if quiet else 0,
            next_due=next_due(session) if quiet else None,
            circle=circle,
        )


def _names(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = session.execute(select(Contact.id, Contact.full_name).where(Contact.id.in_(ids)))
    return {contact_id: name for contact_id, name in rows}


def reviewable_day(ctx: Context, day: dt.date | None = None) -> dt.date:
    """The day to review (today when None), or refused: a day that has not started yet
    cannot be reviewed, and it must lie within the dates netday keeps."""
    day = day or ctx.today()
    in_range(day, day.isoformat())
    if day > ctx.today():
        raise NetdayError("a day can be reviewed once it has started")
    return day


def review_day(ctx: Context, day: dt.date | None = None, circle: str | None = None) -> ReviewView:
    """What was planned against what was done, and what carries over to tomorrow.

    With a `circle`, every call, interaction, comment, invitation and promise counted
    or listed is one with a person of that circle (the plan is shown filtered, as the
    morning shows it, never re-made). The minutes are the whole day's: the time a
    review keeps names no circle, and saving it must not shrink it to one circle's."""
    day = reviewable_day(ctx, day)
    start, end = day_bounds(day)
    with ctx.db.reading() as session:
        settings = load_settings(session)
        plan_row = session.get(DayPlan, day)
        plan = plan_view(session, plan_row, circle) if plan_row else None
        interactions = interactions_between(session, start, end, circle=circle)
        whole_day: list[tuple[str, int | None]] = (
            [(i.kind, i.minutes) for i in interactions]
            if circle is None
            else [
                (kind, minutes)
                for kind, minutes in session.execute(
                    select(Interaction.kind, Interaction.minutes).where(
                        Interaction.occurred_at >= start, Interaction.occurred_at < end
                    )
                )
            ]
        )
        commented = session.scalars(
            select(Post)
            .where(
                Post.status == PostStatus.COMMENTED,
                Post.done_at >= start,
                Post.done_at < end,
                in_circle(Post.author_id, circle),
            )
            .order_by(Post.done_at)
        ).all()
        sent = session.scalars(
            select(Invite)
            .where(
                Invite.direction == InviteDirection.SENT,
                Invite.sent_at >= start,
                Invite.sent_at < end,
                in_circle(Invite.contact_id, circle),
            )
            .order_by(Invite.sent_at)
        ).all()
        answered = session.scalars(
            select(Invite)
            .where(
                Invite.answered_at >= start,
                Invite.answered_at < end,
                in_circle(Invite.contact_id, circle),
            )
            .order_by(Invite.answered_at)
        ).all()
        names = _names(
            session,
            {p.author_id for p in commented if p.author_id}
            | {i.contact_id for i in [*sent, *answered] if i.contact_id},
        )

        def invite_name(i: Invite) -> str:
            return names.get(i.contact_id, i.name) if i.contact_id else i.name

        saved = session.get(DayReview, day)
        logged = counted_minutes(whole_day, settings.minutes_per_call)
        waiting = session.scalar(
            select(func.count())
            .select_from(Post)
            .where(Post.status == PostStatus.TO_COMMENT, in_circle(Post.author_id, circle))
        )
        invites_open = pending_invites(session, ctx, circle=circle)
        return ReviewView(
            date=day,
            plan=plan,
            interactions=tuple(interactions),
            comments_written=tuple(
                post_view(p, names.get(p.author_id or 0, ""), ctx.today()) for p in commented
            ),
            invites_sent=tuple(invite_view(i, invite_name(i), ctx.today(), settings) for i in sent),
            invites_answered=tuple(
                invite_view(i, invite_name(i), ctx.today(), settings) for i in answered
            ),
            minutes_logged=logged,
            minutes_spent=saved.minutes_spent if saved else logged,
            note=saved.note if saved else "",
            streak=streak(session, day),
            carry_over=tuple(
                c for c in plan.calls if c.status in (CallStatus.PLANNED, CallStatus.SKIPPED)
            )
            if plan
            else (),
            comments_waiting=int(waiting or 0),
            invites_needing_action=sum(1 for i in invites_open if i.action),
            reviewed=saved is not None,
            promises_due=came_due(session, day, circle=circle),
            circle=circle,
        )


def save_review(
    ctx: Context,
    day: dt.date | None = None,
    note: str | None = None,
    minutes: int | None = None,
    circle: str | None = None,
) -> ReviewView:
    """Keep the reflection of a day; yesterday's can still be written the next morning.
    What is kept is the whole day's (a note and minutes name no circle); the review it
    returns shows `circle`'s people, as `review_day` does."""
    day = reviewable_day(ctx, day)
    check_minutes(minutes)
    if note is not None:
        note = clean_block(note, what="a reflection", limit=LONG_TEXT)
    start, end = day_bounds(day)
    with ctx.db.transaction() as session:
        row = session.get(DayReview, day)
        if row is None:
            rows = session.execute(
                select(Interaction.kind, Interaction.minutes).where(
                    Interaction.occurred_at >= start, Interaction.occurred_at < end
                )
            )
            logged = counted_minutes(rows, load_settings(session).minutes_per_call)
            row = DayReview(review_date=day, note="", minutes_spent=logged)
            session.add(row)
        if note is not None:
            row.note = note
        if minutes is not None:
            row.minutes_spent = minutes
        row.updated_at = ctx.now()
    return review_day(ctx, day, circle)


def review_headline(r: ReviewView) -> str:
    """One line for the top of any review (the CLI's and the TUI's): done against
    planned, interactions, time, streak (with a circle, the counts are its people's and
    the minutes all circles', which it says; the title says the circle)."""
    planned = len(r.plan.calls) if r.plan else 0
    done = r.plan.done if r.plan else 0
    minutes = f"{r.minutes_spent} min" + (" (all circles)" if r.circle else "")
    return (
        f"calls {done}/{planned} done · {plural(len(r.interactions), 'interaction')} · "
        f"{minutes} · streak {plural(r.streak, 'day')}"
    )


def review_title(r: ReviewView, title: str) -> str:
    """A review's title (`Review · Monday 23 November 2026`) and, with a circle, that it
    counts only that circle's people."""
    return f"{title} · {circle_only(r.circle)}" if r.circle else title
