"""The return on the investment and the reach of the network (practices 1 and 8).

Every figure is counted in the database, a handful of GROUP BY queries over the window
only (at most `limits.STATS_WEEKS` weeks, so the work is bounded by the window, not by
the size of the log): a week is a CASE over the window's Mondays, which both SQLite and
PostgreSQL compare as dates (and which the index on `occurred_at` serves). The
definitions are those of the rest of netday: a conversation is `outcomes.answered`, the
minutes of a day are the review's (`review.counted_minutes`, or the time spent a saved
review says), a completed plan is the streak's (`review.completed_plans`).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, literal, or_, select
from sqlalchemy.orm import Session

from netday.errors import NetdayError
from netday.limits import STATS_WEEKS
from netday.scheduling.insights import (
    DEFAULT_WEEKS,
    HHI_SCALE,
    RECENT_WEEKS,
    Concentration,
    concentration,
    rate,
    week_starts,
)
from netday.scheduling.kinds import CALL_KINDS
from netday.scheduling.roles import ROLE_KEYWORDS
from netday.services.circles import in_circle
from netday.services.context import Context
from netday.services.insights_views import (
    CompanyFollow,
    Diversity,
    DriftingContact,
    InsightsView,
    PersonBalance,
    ShareOf,
    TierDrift,
    WeekFigures,
)
from netday.services.outcomes import answered
from netday.services.review import completed_plans, counted_minutes_sql, streak
from netday.services.settings import load_settings
from netday.store.models import Company, Contact, DayReview, Interaction, Invite
from netday.vocabulary import (
    Direction,
    InteractionKind,
    InviteDirection,
    InviteStatus,
    RoleFamily,
    Tier,
)
from netday.wording import circle_only, long_date, percent, plural

WEEKS_BY_DEFAULT = DEFAULT_WEEKS
"""The window when none is asked for (`scheduling.insights.DEFAULT_WEEKS`), for the
command line, which imports no scheduling."""

BALANCES_SHOWN = 10
"""People listed with their give / ask balance."""
DRIFTING_SHOWN = 10
"""People listed per tier among those past due (the total is always given)."""
COMPANIES_SHOWN = 20
"""Companies listed in each of the two follow lists (the total is always given)."""
SHARES_SHOWN = 5
"""Largest groups listed per diversity attribute."""
ONE_DAY = dt.timedelta(days=1)


SHOWN: tuple[tuple[str, str], ...] = (
    ("minutes", "minutes invested"),
    ("calls_answered", "calls answered"),
    ("conversations", "conversations"),
    ("people", "people talked with"),
    ("comments", "comments"),
    ("shares", "shares"),
    ("invites_sent", "invitations sent"),
    ("invites_accepted", "accepted"),
    ("acceptance_rate", "acceptance rate"),
    ("new_connections", "new connections"),
    ("replies_received", "replies received"),
    ("gave", "gave"),
    ("asked", "asked"),
    ("plans_completed", "plans completed"),
)
"""The weekly measures in the order every view shows them (terminal, Markdown, the
insights screen), each with its label: declared once."""


def shown_value(week: WeekFigures, key: str) -> str:
    """One measure of a week as text: a count, or a rate as a percentage."""
    value = getattr(week, key)
    return percent(value) if key == "acceptance_rate" else f"{value:,}"


def chart_value(week: WeekFigures, key: str) -> float:
    """One measure of a week as a number to chart (a week without a rate charts 0)."""
    return float(getattr(week, key) or 0)


def check_weeks(weeks: int) -> int:
    """The window asked for, or refused: 1 to `limits.STATS_WEEKS` weeks."""
    if not 1 <= weeks <= STATS_WEEKS:
        raise NetdayError(f"weeks must be a whole number from 1 to {STATS_WEEKS}, not {weeks:,}")
    return weeks


def _week_of(column: Any, mondays: Sequence[dt.date], moment: bool) -> ColumnElement[int]:
    """SQL: the index of the week (0 = the oldest Monday) a date or timestamp column
    falls in; rows are already restricted to the window."""
    bounds = [dt.datetime.combine(d, dt.time()) if moment else d for d in mondays]
    whens = [(column >= bounds[i], literal(i)) for i in range(len(bounds) - 1, 0, -1)]
    return case(*whens, else_=literal(0)) if whens else literal(0)


def _count(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.sum(case((condition, 1), else_=0))


def role_family_sql() -> ColumnElement[str]:
    """SQL: a contact's role family by `scheduling.roles.ROLE_KEYWORDS` (NULL when no
    role is known), the same answer `roles.family_of` gives in Python."""
    text = literal(" ") + func.lower(Contact.role) + literal(" ")
    whens = [
        (or_(*(text.like(f"%{word}%") for word in words)), literal(family.value))
        for family, words in ROLE_KEYWORDS
    ]
    return case(
        (func.trim(Contact.role) == "", None),
        *whens,
        else_=literal(RoleFamily.OTHER.value),
    )


def insights(ctx: Context, weeks: int = DEFAULT_WEEKS, circle: str | None = None) -> InsightsView:
    """The last `weeks` calendar weeks (this one in progress), read in one transaction.

    With a `circle`, every figure about people counts only people of that circle (the
    log, invitations, connections, balances, who drifts, diversity); the plans completed,
    the streaks and the companies followed are the whole day's and the whole network's,
    and a reviewed day's minutes are the logged ones (a review's time names no circle)."""
    check_weeks(weeks)
    today = ctx.today()
    mondays = week_starts(today, weeks)
    first, end = mondays[0], mondays[-1] + dt.timedelta(days=7)
    start_at, end_at = (dt.datetime.combine(d, dt.time()) for d in (first, end))
    with ctx.db.reading() as session:
        settings = load_settings(session)
        per_week = _weekly(session, mondays, start_at, end_at, settings, circle)
        completed = completed_plans(session, first, end - dt.timedelta(days=1))
        for day in completed:
            per_week[bisect.bisect_right(mondays, day) - 1]["plans_completed"] += 1
        hhis = _weekly_companies(session, mondays, start_at, end_at, per_week, circle)
        figures = tuple(
            _figures(monday, per_week[i], hhis.get(i)) for i, monday in enumerate(mondays)
        )
        groups = _talked_groups(session, start_at, end_at, _recent(mondays), circle)
        people = sum(group.people for group in groups)
        total = _figures(first, _summed(per_week), None, people=people)
        return InsightsView(
            today=today,
            weeks=figures,
            total=total,
            streak=streak(session, today),
            longest_streak=_longest_run(completed),
            balances=_balances(session, start_at, end_at, circle),
            drifting=_drifting(session, today, circle),
            diversity=(
                _diversity(groups, "company", 0),
                _diversity(groups, "role family", 1),
                _diversity(groups, "circle", 2, warns=False),
            ),
            **_follows(session),
            circle=circle,
        )


MEASURES = (
    "minutes",
    "calls_answered",
    "conversations",
    "comments",
    "shares",
    "invites_sent",
    "invites_accepted",
    "new_connections",
    "replies_received",
    "gave",
    "asked",
    "plans_completed",
    "people",
)


def _weekly(
    session: Session,
    mondays: Sequence[dt.date],
    start_at: dt.datetime,
    end_at: dt.datetime,
    settings: Any,
    circle: str | None = None,
) -> list[dict[str, int]]:
    """Every weekly count but the completed plans, as one dict per week (with a
    `circle`, of people in it)."""
    per_week = [dict.fromkeys(MEASURES, 0) for _ in mondays]

    def add(rows: Any) -> None:
        for row in rows:
            values = row._asdict()
            week = values.pop("week")
            for key, value in values.items():
                per_week[week][key] += int(value or 0)

    in_window = and_(
        Interaction.occurred_at >= start_at,
        Interaction.occurred_at < end_at,
        in_circle(Interaction.contact_id, circle),
    )
    week = _week_of(Interaction.occurred_at, mondays, moment=True).label("week")
    minutes = counted_minutes_sql(settings.minutes_per_call)
    add(
        session.execute(
            select(
                week,
                func.sum(minutes).label("minutes"),
                _count(and_(answered(), Interaction.kind.in_(CALL_KINDS))).label("calls_answered"),
                _count(answered()).label("conversations"),
                _count(Interaction.kind == InteractionKind.COMMENT).label("comments"),
                _count(Interaction.kind == InteractionKind.SHARE).label("shares"),
                _count(Interaction.direction == Direction.GAVE).label("gave"),
                _count(Interaction.direction == Direction.ASKED).label("asked"),
            )
            .where(in_window)
            .group_by(week)
        )
    )
    day_week = _week_of(DayReview.review_date, mondays, moment=False).label("week")
    if circle is None:  # a review's time is the whole day's: no circle's own
        add(
            session.execute(
                select(day_week, func.sum(DayReview.minutes_spent).label("minutes"))
                .where(DayReview.review_date >= mondays[0], DayReview.review_date < end_at.date())
                .group_by(day_week)
            )
        )
    # A reviewed day counts the time its review says (added above) instead of its log:
    # the log of those few days is taken back out, read by their time ranges.
    reviewed = (
        session.scalars(
            select(DayReview.review_date).where(
                DayReview.review_date >= mondays[0], DayReview.review_date < end_at.date()
            )
        ).all()
        if circle is None
        else ()
    )
    if reviewed:
        days = [dt.datetime.combine(day, dt.time()) for day in reviewed]
        on_reviewed_days = or_(
            *(
                and_(Interaction.occurred_at >= d, Interaction.occurred_at < d + ONE_DAY)
                for d in days
            )
        )
        for index, logged in session.execute(
            select(week, func.sum(minutes)).where(on_reviewed_days).group_by(week)
        ):
            per_week[index]["minutes"] -= int(logged or 0)
    sent_week = _week_of(Invite.sent_at, mondays, moment=True).label("week")
    add(
        session.execute(
            select(
                sent_week,
                func.count().label("invites_sent"),
                _count(Invite.status == InviteStatus.ACCEPTED).label("invites_accepted"),
            )
            .where(
                Invite.direction == InviteDirection.SENT,
                Invite.sent_at >= start_at,
                Invite.sent_at < end_at,
                in_circle(Invite.contact_id, circle),
            )
            .group_by(sent_week)
        )
    )
    add(
        session.execute(
            select(sent_week, func.count().label("replies_received"))
            .where(
                Invite.direction == InviteDirection.RECEIVED,
                Invite.sent_at >= start_at,
                Invite.sent_at < end_at,
                in_circle(Invite.contact_id, circle),
            )
            .group_by(sent_week)
        )
    )
    answer_week = _week_of(Invite.answered_at, mondays, moment=True).label("week")
    add(
        session.execute(
            select(answer_week, func.count().label("replies_received"))
            .where(
                Invite.direction == InviteDirection.SENT,
                Invite.status.in_((InviteStatus.ACCEPTED, InviteStatus.DECLINED)),
                Invite.answered_at >= start_at,
                Invite.answered_at < end_at,
                in_circle(Invite.contact_id, circle),
            )
            .group_by(answer_week)
        )
    )
    connected_week = _week_of(Contact.connected_on, mondays, moment=False).label("week")
    add(
        session.execute(
            select(connected_week, func.count().label("new_connections"))
            .where(
                Contact.connected_on >= mondays[0],
                Contact.connected_on < end_at.date(),
                in_circle(Contact.id, circle),
            )
            .group_by(connected_week)
        )
    )
    # An accepted invitation (sent or received) is a new connection too, unless its
    # contact carries a connection date (from LinkedIn): then it was counted above.
    add(
        session.execute(
            select(answer_week, func.count().label("new_connections"))
            .select_from(Invite)
            .outerjoin(Contact, Contact.id == Invite.contact_id)
            .where(
                Invite.status == InviteStatus.ACCEPTED,
                Invite.answered_at >= start_at,
                Invite.answered_at < end_at,
                Contact.connected_on.is_(None),
                in_circle(Invite.contact_id, circle),
            )
            .group_by(answer_week)
        )
    )
    return per_week


def _figures(
    monday: dt.date, counts: dict[str, int], hhi: int | None, people: int | None = None
) -> WeekFigures:
    return WeekFigures(
        week=monday,
        minutes=counts["minutes"],
        calls_answered=counts["calls_answered"],
        conversations=counts["conversations"],
        comments=counts["comments"],
        shares=counts["shares"],
        invites_sent=counts["invites_sent"],
        invites_accepted=counts["invites_accepted"],
        acceptance_rate=rate(counts["invites_accepted"], counts["invites_sent"]),
        new_connections=counts["new_connections"],
        replies_received=counts["replies_received"],
        gave=counts["gave"],
        asked=counts["asked"],
        plans_completed=counts["plans_completed"],
        people=counts["people"] if people is None else people,
        company_hhi=hhi,
    )


def _summed(per_week: list[dict[str, int]]) -> dict[str, int]:
    return {key: sum(week[key] for week in per_week) for key in MEASURES}


def _longest_run(days: set[dt.date]) -> int:
    longest = 0
    for day in days:
        if day - dt.timedelta(days=1) in days:
            continue  # not the start of a run
        length = 1
        while day + dt.timedelta(days=length) in days:
            length += 1
        longest = max(longest, length)
    return longest


def _weekly_companies(
    session: Session,
    mondays: Sequence[dt.date],
    start_at: dt.datetime,
    end_at: dt.datetime,
    per_week: list[dict[str, int]],
    circle: str | None = None,
) -> dict[int, int | None]:
    """Per week, the people talked with (added to `per_week`) and how concentrated by
    company they were (those whose company is known), from one count per company."""
    week = _week_of(Interaction.occurred_at, mondays, moment=True).label("week")
    rows = session.execute(
        select(week, Contact.company_id, func.count(func.distinct(Interaction.contact_id)))
        .select_from(Interaction)
        .join(Contact, Contact.id == Interaction.contact_id)
        .where(Interaction.occurred_at >= start_at, Interaction.occurred_at < end_at, answered())
        .where(in_circle(Interaction.contact_id, circle))
        .group_by(week, Contact.company_id)
    )
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for index, company_id, people in rows:
        per_week[index]["people"] += people
        if company_id is not None:
            counts[index][str(company_id)] = people
    return {index: concentration(by_company).hhi for index, by_company in counts.items()}


def _recent(mondays: Sequence[dt.date]) -> dt.datetime:
    """The start of the last weeks the dominance warning looks at."""
    return dt.datetime.combine(mondays[max(0, len(mondays) - RECENT_WEEKS)], dt.time())


@dataclass(frozen=True)
class _Group:
    """People talked with who share a company, a role family and a circle."""

    values: tuple[str | None, str | None, str | None]
    people: int
    recent: int


def _talked_groups(
    session: Session,
    start_at: dt.datetime,
    end_at: dt.datetime,
    recent_at: dt.datetime,
    circle: str | None = None,
) -> list[_Group]:
    """The people you had a conversation with in the window (and in its last weeks),
    counted by company, role family and circle together: one pass over the window, a
    few hundred groups at most, from which each attribute's counts are summed."""
    talked = (
        select(
            Interaction.contact_id.label("contact_id"),
            func.max(Interaction.occurred_at).label("last_at"),
        )
        .where(Interaction.occurred_at >= start_at, Interaction.occurred_at < end_at, answered())
        .where(in_circle(Interaction.contact_id, circle))
        .group_by(Interaction.contact_id)
        .subquery()
    )
    company = Company.name.label("company")
    family = role_family_sql().label("family")
    circle_of = Contact.circle.label("circle")
    rows = session.execute(
        select(
            company,
            family,
            circle_of,
            func.count().label("people"),
            _count(talked.c.last_at >= recent_at).label("recent"),
        )
        .select_from(talked)
        .join(Contact, Contact.id == talked.c.contact_id)
        .outerjoin(Company, Company.id == Contact.company_id)
        .group_by(company, family, circle_of)
    )
    return [
        _Group((row.company, row.family, row.circle), int(row.people), int(row.recent or 0))
        for row in rows
    ]


def _diversity(groups: list[_Group], by: str, index: int, *, warns: bool = True) -> Diversity:
    """The people talked with, by one attribute (`index` in `_Group.values`), over the
    window and over its last weeks. A circle never warns: most of a network is
    professional by design."""
    known: dict[str, int] = defaultdict(int)
    recent: dict[str, int] = defaultdict(int)
    unknown = 0
    for group in groups:
        value = group.values[index]
        if not value:
            unknown += group.people
            continue
        known[value] += group.people
        if group.recent:
            recent[value] += group.recent
    overall, lately = concentration(known), concentration(recent)
    ranked = sorted(known.items(), key=lambda item: (-item[1], item[0]))[:SHARES_SHOWN]
    return Diversity(
        by=by,
        people=overall.people,
        unknown=unknown,
        top=tuple(ShareOf(name, n, round(n / overall.people, 2)) for name, n in ranked),
        top_share=overall.top_share,
        hhi=overall.hhi,
        recent_people=lately.people,
        recent_top=lately.top,
        recent_top_share=lately.top_share,
        warning=_warning(by, lately) if warns else None,
    )


def _warning(by: str, lately: Concentration) -> str | None:
    if not lately.dominated or lately.top_share is None or lately.top == RoleFamily.OTHER:
        return None  # "other" is every role the table does not name, not one role
    return (
        f"{percent(lately.top_share)} of the people you talked with in the last "
        f"{RECENT_WEEKS} weeks share one {by}: {lately.top}"
    )


def _balances(
    session: Session, start_at: dt.datetime, end_at: dt.datetime, circle: str | None = None
) -> tuple[PersonBalance, ...]:
    gave = _count(Interaction.direction == Direction.GAVE)
    asked = _count(Interaction.direction == Direction.ASKED)
    rows = session.execute(
        select(Contact.id, Contact.full_name, gave.label("gave"), asked.label("asked"))
        .join(Contact, Contact.id == Interaction.contact_id)
        .where(
            Interaction.occurred_at >= start_at,
            Interaction.occurred_at < end_at,
            Interaction.direction != Direction.NEUTRAL,
            in_circle(Interaction.contact_id, circle),
        )
        .group_by(Contact.id, Contact.full_name)
        .order_by((gave - asked).asc(), asked.desc(), Contact.id)
        .limit(BALANCES_SHOWN)
    )
    return tuple(PersonBalance(row.id, row.full_name, row.gave, row.asked) for row in rows)


def _drifting(session: Session, today: dt.date, circle: str | None = None) -> tuple[TierDrift, ...]:
    """Per tier, the people past due (not archived, not snoozed), longest first."""
    awake = or_(Contact.snoozed_until.is_(None), Contact.snoozed_until <= today)
    past_due = and_(
        Contact.archived.is_(False),
        awake,
        Contact.next_due_on < today,
        in_circle(Contact.id, circle),
    )
    totals: dict[str, int] = {
        tier: count
        for tier, count in session.execute(
            select(Contact.tier, func.count()).where(past_due).group_by(Contact.tier)
        )
    }
    found = []
    for tier in Tier:
        rows = session.execute(
            select(Contact.id, Contact.full_name, Company.name, Contact.next_due_on)
            .outerjoin(Company, Company.id == Contact.company_id)
            .where(past_due, Contact.tier == tier)
            .order_by(Contact.next_due_on, Contact.id)
            .limit(DRIFTING_SHOWN)
        )
        people = tuple(
            DriftingContact(cid, name, company or "", due, (today - due).days)
            for cid, name, company, due in rows
            if due is not None  # always: past_due holds only dated rows
        )
        found.append(TierDrift(tier.value, int(totals.get(tier.value, 0)), people))
    return tuple(found)


def _follows(session: Session) -> dict[str, Any]:
    """Followed companies where you know nobody; companies with people, not followed.
    The people of every company are counted in one pass over the contacts."""
    counted = (
        select(Contact.company_id.label("company_id"), func.count().label("people"))
        .where(Contact.archived.is_(False), Contact.company_id.is_not(None))
        .group_by(Contact.company_id)
        .subquery()
    )
    people = func.coalesce(counted.c.people, 0)
    nobody = and_(Company.followed.is_(True), people == 0)
    unfollowed = and_(Company.followed.is_(False), people > 0)
    listed: dict[str, Any] = {}
    for key, condition, order in (
        ("followed_unknown", nobody, (Company.name_key, Company.id)),
        ("known_unfollowed", unfollowed, (people.desc(), Company.name_key, Company.id)),
    ):
        found = (
            select(Company.id, Company.name, people, Company.followed)
            .outerjoin(counted, counted.c.company_id == Company.id)
            .where(condition)
        )
        rows = session.execute(found.order_by(*order).limit(COMPANIES_SHOWN))
        listed[key] = tuple(CompanyFollow(*row) for row in rows)
        total = session.scalar(select(func.count()).select_from(found.subquery()))
        listed[f"{key}_total"] = int(total or 0)
    return listed


def window_line(view: InsightsView) -> str:
    """The window in words, for the top of every view of the insights."""
    last = view.weeks[-1].week + dt.timedelta(days=6)
    only = f" · {circle_only(view.circle)}" if view.circle else ""
    return (
        f"{plural(len(view.weeks), 'week')}, {long_date(view.weeks[0].week)} to "
        f"{long_date(last)}{only}"
    )


def streak_line(view: InsightsView) -> str:
    return (
        f"streak {plural(view.streak, 'day')} · longest in these weeks "
        f"{plural(view.longest_streak, 'day')} · {plural(view.total.plans_completed, 'plan')} "
        "completed"
    )


def balance_line(view: InsightsView) -> str:
    total = view.total
    return f"gave {total.gave:,} · asked {total.asked:,} (give first: give 10, get 11)"


def diversity_line(d: Diversity) -> str:
    """One attribute's diversity in a line: the top groups, the top share and the HHI."""
    if not d.people:
        return f"by {d.by}: nobody to count yet"
    top = ", ".join(f"{s.value} {percent(s.share)}" for s in d.top[:3])
    unknown = f" · {d.unknown:,} unknown" if d.unknown else ""
    return (
        f"by {d.by}: {top} · HHI {d.hhi:,} of {HHI_SCALE:,} "
        f"({d.people:,} {'person' if d.people == 1 else 'people'}{unknown})"
    )
