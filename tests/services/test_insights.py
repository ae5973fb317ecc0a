"""The insights on a hand-built fortnight: every figure counted by hand (both backends)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from netday.errors import NetdayError
from netday.services.contacts import ContactFields, add_contact, follow_company
from netday.services.insights import insights
from netday.services.invites import accept_invite, record_received, send_invite
from netday.services.journal import log_interaction
from netday.services.review import save_review
from netday.services.undo import undo_last
from netday.vocabulary import CallOutcome
from tests.conftest import NOON
from tests.services.helpers import person


def at(day: int, hour: int = 10) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour)


def someone(ctx, name: str, company: str | None, role: str, circle: str = "professional"):
    fields = ContactFields(full_name=name, company=company, role=role, circle=circle)
    return add_contact(ctx, fields)


@pytest.fixture
def fortnight(ctx, clock):
    """Today is Sunday 22 November 2026: this week began on Monday 16, the one before
    on Monday 9."""
    someone(ctx, "Ana Souza", "Acme", "Software Engineer")
    someone(ctx, "Bruno Costa", "Acme", "Engineering Manager")
    someone(ctx, "Carla Diaz", "Globex", "VP Sales")
    someone(ctx, "Dan Ek", None, "Designer")
    someone(ctx, "Eve Lund", "Acme", "", circle="personal")
    log = log_interaction
    # Before the window (2 weeks): never counted.
    log(ctx, "dan", kind="call", at=dt.datetime(2026, 11, 1, 10), minutes=50, direction="asked")
    # Last week.
    log(ctx, "ana", kind="meeting", at=at(10), minutes=15, direction="gave")
    log(ctx, "carla", kind="email", at=at(11), direction="asked")
    # This week.
    log(ctx, "ana", kind="call", at=at(16), minutes=20, direction="gave")
    log(ctx, "bruno", kind="call", at=at(17), outcome=CallOutcome.NO_ANSWER)
    log(ctx, "bruno", kind="meeting", at=at(18), minutes=30, direction="asked")
    save_review(ctx, dt.date(2026, 11, 18), minutes=45)  # the day's time as the user said
    log(ctx, "carla", kind="comment", at=at(19))
    log(ctx, "carla", kind="share", at=at(19, 11), direction="gave")
    log(ctx, "eve", kind="video", at=at(20))  # no minutes: a call counts minutes_per_call
    clock.set(at(17, 9))
    jane = send_invite(ctx, "Hi Jane, loved your talk", name="Jane Roe")
    send_invite(ctx, "Hi Dan, shall we connect?", contact_ref="dan")
    clock.set(at(19, 9))
    accept_invite(ctx, jane.id)
    record_received(ctx, name="Zoe Park", message="Hello", at=at(20, 8))
    clock.set(NOON)
    follow_company(ctx, "Initech")  # followed, nobody known there
    return ctx


def test_each_week_counts_what_happened_in_it(fortnight) -> None:
    view = insights(fortnight, weeks=2)
    last, this = view.weeks
    assert (last.week, this.week) == (dt.date(2026, 11, 9), dt.date(2026, 11, 16))
    assert (last.minutes, last.conversations, last.calls_answered, last.people) == (15, 2, 0, 2)
    assert (last.gave, last.asked, last.invites_sent) == (1, 1, 0)
    # 20 (Ana) + 10 (Bruno's unanswered call, the plan's minutes per call) + 45 (the
    # reviewed day, instead of its 30 logged) + 10 (Eve's video call without minutes).
    assert this.minutes == 85
    assert (this.calls_answered, this.conversations, this.people) == (2, 3, 3)
    assert (this.comments, this.shares, this.gave, this.asked) == (1, 1, 2, 1)
    assert (this.invites_sent, this.invites_accepted, this.acceptance_rate) == (2, 1, 0.5)
    assert this.new_connections == 1  # Jane, who accepted
    assert this.replies_received == 2  # Jane's acceptance, Zoe's invitation
    assert (this.company_hhi, last.company_hhi) == (10_000, 5_000)  # all Acme; Acme, Globex
    assert view.total.minutes == 100 and view.total.conversations == 5
    assert view.total.people == 4 and view.total.acceptance_rate == 0.5


def test_balance_diversity_and_follows(fortnight) -> None:
    view = insights(fortnight, weeks=2)
    assert [(b.name, b.gave, b.asked) for b in view.balances] == [
        ("Bruno Costa", 0, 1),
        ("Carla Diaz", 1, 1),
        ("Ana Souza", 2, 0),
    ]
    company, role, circle = view.diversity
    assert (company.people, company.unknown, company.top_share, company.hhi) == (4, 0, 0.75, 6250)
    assert [(s.value, s.people) for s in company.top] == [("Acme", 3), ("Globex", 1)]
    assert [(s.value, s.people) for s in role.top] == [("engineering", 2), ("leadership", 1)]
    assert role.unknown == 1  # Eve wrote no role
    assert [(s.value, s.people) for s in circle.top] == [("professional", 3), ("personal", 1)]
    assert company.warning is None  # four people are too few to be dominated
    assert [c.name for c in view.followed_unknown] == ["Initech"]
    assert [(c.name, c.people) for c in view.known_unfollowed] == [("Acme", 3), ("Globex", 1)]
    assert view.known_unfollowed_total == 2


def test_one_company_dominating_the_last_weeks_is_warned_of(ctx) -> None:
    for i in range(4):
        someone(ctx, f"Person {i}", "Acme", "Engineer")
    someone(ctx, "Other One", "Globex", "Sales")
    for ref in ("person 0", "person 1", "person 2", "person 3", "other"):
        log_interaction(ctx, ref, kind="meeting", at=at(20))
    company, role, _ = insights(ctx).diversity
    assert company.warning == (
        "80% of the people you talked with in the last 4 weeks share one company: Acme"
    )
    assert role.warning is not None and "engineering" in role.warning


def test_drifting_people_by_tier_longest_first(ctx) -> None:
    person(ctx, "Late Lena", tier="A", last_call_days_ago=40)
    person(ctx, "Later Lars", tier="A", last_call_days_ago=50)
    person(ctx, "On Time Olga", tier="A", last_call_days_ago=2)
    drift = {d.tier: d for d in insights(ctx).drifting}
    assert drift["A"].total == 2
    assert [(p.name, p.days_overdue) for p in drift["A"].people] == [
        ("Later Lars", 29),
        ("Late Lena", 19),
    ]
    assert drift["B"].total == 0 and drift["B"].people == ()


def test_the_window_is_bounded(ctx) -> None:
    for weeks in (0, 105, -3):
        with pytest.raises(NetdayError, match="weeks must be a whole number from 1 to 104"):
            insights(ctx, weeks=weeks)
    assert len(insights(ctx, weeks=104).weeks) == 104


def test_a_window_of_one_week_is_this_week(fortnight) -> None:
    (week,) = insights(fortnight, weeks=1).weeks
    assert (week.week, week.minutes, week.conversations, week.new_connections) == (
        dt.date(2026, 11, 16),
        85,
        3,
        1,
    )
    assert week.people == 3 and week.company_hhi == 10_000


def test_an_empty_database_has_zeros_not_errors(ctx) -> None:
    view = insights(ctx)
    assert len(view.weeks) == 12 and view.total.conversations == 0
    assert view.total.acceptance_rate is None and view.diversity[0].hhi is None
    assert view.streak == 0 and view.longest_streak == 0


def test_following_a_company_is_undoable(ctx) -> None:
    someone(ctx, "Ana Souza", "Acme", "Engineer")
    follow_company(ctx, "Acme")
    assert insights(ctx).known_unfollowed == ()
    assert undo_last(ctx) == "Followed Acme"
    assert [c.name for c in insights(ctx).known_unfollowed] == ["Acme"]


ROLES = (
    "Senior Software Engineer",
    "VP Engineering",
    "CTO, Acme",
    "Coordinator",
    "Sales Engineer",
    "Product Designer",
    "Head of Talent",
    "Data Analyst",
    "UX Researcher",
    "Nurse",
    "Growth Marketing",
    "Product Manager",
)


def test_the_database_gives_each_role_the_family_python_gives(ctx) -> None:
    """The SQL built from `ROLE_KEYWORDS` and `roles.family_of` agree, on both backends."""
    from netday.scheduling.roles import family_of
    from netday.services.insights import role_family_sql
    from netday.store.models import Contact

    for i, role in enumerate(ROLES):
        someone(ctx, f"Person {i}", None, role)
    with ctx.db.reading() as session:
        found = dict(session.execute(select(Contact.role, role_family_sql())).all())
    assert found == {role: family_of(role) for role in ROLES}
