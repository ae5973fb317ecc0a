"""A realistic, seeded sample network, so netday can be tried (and measured) at once.

`seed_demo` fills an empty database: everything is written in one transaction with bulk
inserts, so a demo interrupted at any point leaves the database as it was. The words it
draws on are in `services.demo_data`.

`open_demo` is the one owner of the demo's throwaway folder: it creates the folder,
and its `DemoNetwork.close()` is the only code that deletes it, after checking the
mark it left there. Nothing else in netday removes a folder, so no flag, path or
Context handed in from outside can make netday delete the user's data.
"""

from __future__ import annotations

import datetime as dt
import random
import secrets
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from netday.clock import Clock
from netday.errors import NetdayError
from netday.limits import COUNT_MAX
from netday.normalise import fold
from netday.scheduling.cadence import Cadence, spread_key
from netday.scheduling.kinds import CALL_KINDS, CONVERSATION_KINDS, is_answered
from netday.scheduling.plan import choose_calls
from netday.services.context import Context
from netday.services.demo_data import (
    CADENCES,
    COMPANIES,
    CONTACTS,
    EVENT_TODAY,
    EVENTS,
    FIRST,
    INTERACTIONS_PER_TIER,
    INVITE_ACCEPTED,
    INVITE_MESSAGES,
    INVITE_RECEIVED,
    KINDS,
    LAST,
    LEDGER,
    MINUTES,
    OPEN_ASK,
    OPPORTUNITIES,
    POST_EXCERPTS,
    PROMISE,
    REVIEW_NOTES,
    ROLES,
    SAW_AT,
    SEED,
    SHARED_LINE,
    STREAK_CALL,
    SUMMARIES,
    TAGS,
    TEMPLATE,
    TIER_WEIGHTS,
    TOPICS,
    TRIES,
    VOUCHES,
    WHY,
)
from netday.services.journal import PROMISED
from netday.services.planner import SHORTLIST, shortlist
from netday.settings_fields import SettingsValues
from netday.store.models import (
    Company,
    Contact,
    ContactTag,
    DayPlan,
    DayReview,
    Event,
    EventPerson,
    Interaction,
    Invite,
    MessageTemplate,
    Opportunity,
    OpportunityShare,
    OpportunityTag,
    PlanItem,
    Post,
    Promise,
)
from netday.store.schema import open_database
from netday.vocabulary import (
    CadenceKind,
    CallOutcome,
    CallStatus,
    Circle,
    Direction,
    InteractionKind,
    InviteDirection,
    InviteStatus,
    PostStatus,
    Tier,
)

HISTORY_DAYS = 90
"""How far back the demo's interactions go."""
STREAK_DAYS = 6
"""Days before today with a plan whose calls were done, so the demo opens on a streak."""
PLAN_HISTORY_DAYS = 84
"""Before the streak, a plan on each weekday of these days, made of calls the history
already holds (no conversation is added), so the insights show streaks over 12 weeks."""
PLANS_COMPLETED = 0.7
"""The share of those earlier plans that were completed (the others left a call over)."""


@dataclass(frozen=True)
class DemoSummary:
    contacts: int
    companies: int
    interactions: int
    invites: int
    posts: int


def _insert_returning_ids(session: Session, model: Any, rows: list[dict[str, Any]]) -> list[int]:
    """Insert `rows` in bulk and return the ids the database gave them, in order.

    The database assigns every id (never netday): explicit ids leave a PostgreSQL
    sequence behind, and the next ordinary insert would then collide with a demo row.
    A Core insert on the table: the ORM's bulk path groups rows by which values are
    None and splices the groups' results together, which is quadratic at 10,000 rows.
    """
    if not rows:
        return []
    table = model.__table__
    statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return list(session.connection().scalars(statement, rows))


BIRTH_YEAR = 1988
"""The year of birth the demo gives a person whose birthday it makes today (a leap year,
so 29 February is a day in it)."""
ANNIVERSARY_YEARS = 4
"""How long ago the demo's anniversary person connected (a multiple of four: a leap
day has one)."""


def _same_day(today: dt.date, year: int) -> dt.date:
    """Today's month and day in `year`, a leap year when today is a leap day (the
    callers' years are); any other year keeps it on 28 February, as the plan does."""
    try:
        return today.replace(year=year)
    except ValueError:
        return dt.date(year, 2, 28)


class _Builder:
    """Generates the rows; kept apart from the writing so the whole is one transaction."""

    def __init__(self, rng: random.Random, today: dt.date, now: dt.datetime) -> None:
        self.rng, self.today, self.now = rng, today, now
        self.contacts: list[dict[str, Any]] = []
        self.interactions: list[dict[str, Any]] = []
        self.last_talk: dict[int, dt.date] = {}
        self.tags: list[dict[str, Any]] = []
        self.plans: list[dict[str, Any]] = []
        self.plan_items: list[dict[str, Any]] = []
        self.promise_rows: list[dict[str, Any]] = []
        self.tried: int | None = None
        """The person called twice without an answer (`tries`), if any."""

    def text(self, pattern: str, **extra: str) -> str:
        values = {
            "event": self.rng.choice(EVENTS),
            "topic": self.rng.choice(TOPICS),
            "company": self.rng.choice(COMPANIES),
            **extra,
        }
        return pattern.format(**values)

    def name(self, index: int) -> str:
        first = FIRST[index % len(FIRST)]
        last = LAST[(index // len(FIRST) + index) % len(LAST)]
        rounds = index // (len(FIRST) * len(LAST))
        middle = f" {chr(ord('A') + rounds % 26)}." if rounds else ""
        return f"{first}{middle} {last}"

    def moment(self, day: dt.date) -> dt.datetime:
        at = dt.datetime.combine(
            day, dt.time(self.rng.randint(8, 18), self.rng.choice((0, 15, 30, 45)))
        )
        return min(at, self.now)

    def interaction(
        self, contact_id: int, kind: InteractionKind, at: dt.datetime, **extra: Any
    ) -> None:
        low, high = MINUTES[kind]
        row: dict[str, Any] = {
            "contact_id": contact_id,
            "kind": kind,
            "occurred_at": at,
            "minutes": self.rng.randint(low, high),
            "summary": self.text(self.rng.choice(SUMMARIES[kind])),
            "direction": self.rng.choices(tuple(Direction), (35, 15, 50))[0]
            if kind in CONVERSATION_KINDS
            else Direction.NEUTRAL,
            "follow_up_on": None,
            "outcome": CallOutcome.ANSWERED if kind in CALL_KINDS else None,
            "created_at": at,
        }
        row.update(extra)
        self.interactions.append(row)
        if is_answered(kind, row["outcome"]):
            day = at.date()
            if day > self.last_talk.get(contact_id, dt.date.min):
                self.last_talk[contact_id] = day

    def person(self, index: int, company_ids: Sequence[int]) -> None:
        """One contact, numbered `index + 1` until the database gives the ids, with
        tags and a history of interactions."""
        rng, now, today = self.rng, self.now, self.today
        cid = index + 1
        tier = rng.choices(tuple(TIER_WEIGHTS), tuple(TIER_WEIGHTS.values()))[0]
        personal = rng.random() < 0.18
        name = self.name(index)
        spec = rng.choice(CADENCES[tier])
        cadence = (
            Cadence.parse_rrule(spec) if spec.startswith("RRULE") else Cadence.parse_every(spec)
        )
        created = now - dt.timedelta(days=rng.randint(HISTORY_DAYS + 10, 400))
        first = name.split()[0]
        self.contacts.append(
            {
                "id": cid,
                "full_name": name,
                "name_key": fold(name),
                "company_id": None
                if personal and rng.random() < 0.7
                else rng.choice(company_ids)
                if company_ids
                else None,
                "role": "" if personal else rng.choice(ROLES),
                "email": f"{fold(first).replace(' ', '')}.{cid}@example.com"
                if rng.random() < 0.6
                else "",
                "phone": f"+1 555 {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
                if rng.random() < 0.8
                else "",
                "profile_url": "" if personal else f"https://www.linkedin.com/in/demo-{cid}",
                "circle": Circle.PERSONAL if personal else Circle.PROFESSIONAL,
                "tier": tier,
                "why": self.text(rng.choice(WHY)),
                "notes": "",
                "birthday": dt.date(rng.randint(1960, 1998), rng.randint(1, 12), rng.randint(1, 28))
                if rng.random() < 0.3
                else None,
                "archived": rng.random() < 0.02,
                "connected_on": None,
                "cadence_kind": cadence.kind,
                "cadence_every": cadence.every if cadence.kind == CadenceKind.RELATIVE else None,
                "cadence_unit": cadence.unit if cadence.kind == CadenceKind.RELATIVE else None,
                "cadence_rule": cadence.rule or None,
                "cadence_since": created.date(),
                "cadence_days": cadence.approx_days,
                "next_due_on": None,
                "follow_up_on": None,
                "follow_up_kind": None,
                "follow_up_since": None,
                "snoozed_until": None,
                "created_at": created,
                "updated_at": created,
                "_cadence": cadence,
            }
        )
        for tag in rng.sample(TAGS, rng.choice((0, 1, 1, 2))):
            self.tags.append({"contact_id": cid, "tag": tag})
        count = max(0, int(rng.gauss(INTERACTIONS_PER_TIER[tier], 4)))
        # How long since the last interaction varies with the cadence, so some
        # contacts are overdue, some due soon, most comfortably in touch.
        quiet = rng.randint(1, max(2, int(cadence.approx_days * 1.4)))
        for _ in range(count):
            day = today - dt.timedelta(days=rng.randint(min(quiet, HISTORY_DAYS), HISTORY_DAYS))
            kind = rng.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
            self.interaction(cid, kind, self.moment(day))

    def streak(self, active: list[dict[str, Any]]) -> None:
        """Plans for the days before today, three calls each, all done for `STREAK_DAYS`
        days (the day before has one left over)."""
        rng = self.rng
        for back in range(1, STREAK_DAYS + 2):
            day = self.today - dt.timedelta(days=back)
            chosen = rng.sample(active, min(3, len(active)))
            self.plans.append(
                {
                    "plan_date": day,
                    "minutes": SettingsValues().minutes_per_day,
                    "created_at": dt.datetime.combine(day, dt.time(8)),
                }
            )
            for pos, c in enumerate(chosen, start=1):
                done = back <= STREAK_DAYS or pos == 1
                at = dt.datetime.combine(day, dt.time(9 + pos, 30))
                if done:
                    self.interaction(c["id"], InteractionKind.CALL, at, summary=STREAK_CALL)
                self.plan_items.append(
                    {
                        "plan_date": day,
                        "contact_id": c["id"],
                        "position": pos,
                        "reason": "picked by the demo",
                        "status": CallStatus.DONE if done else CallStatus.PLANNED,
                        "snoozed_until": None,
                        "done_at": at if done else None,
                    }
                )

    def earlier_plans(self, active: list[dict[str, Any]]) -> None:
        """Plans before the streak (`PLAN_HISTORY_DAYS`, weekdays): up to three people
        the history says were talked with that day, done; a day not completed
        (`PLANS_COMPLETED`) has one of them left planned instead. A generator of its
        own, seeded from the demo's, so the rest of the demo stays as it was."""
        rng = random.Random(repr(self.rng.getstate()))
        first = self.today - dt.timedelta(days=PLAN_HISTORY_DAYS)
        last = self.today - dt.timedelta(days=STREAK_DAYS + 2)
        ids = {c["id"] for c in active}
        talked: dict[dt.date, list[int]] = {}
        for row in self.interactions:
            day = row["occurred_at"].date()
            known = first <= day <= last and row["contact_id"] in ids
            if known and is_answered(row["kind"], row["outcome"]):
                people = talked.setdefault(day, [])
                if row["contact_id"] not in people:
                    people.append(row["contact_id"])
        for day in sorted(talked):
            if day.weekday() >= 5:
                continue
            chosen = rng.sample(talked[day], min(3, len(talked[day])))
            completed = rng.random() < PLANS_COMPLETED or len(chosen) < 2
            self.plans.append(
                {
                    "plan_date": day,
                    "minutes": SettingsValues().minutes_per_day,
                    "created_at": dt.datetime.combine(day, dt.time(8)),
                }
            )
            for pos, cid in enumerate(chosen, start=1):
                done = completed or pos < len(chosen)
                self.plan_items.append(
                    {
                        "plan_date": day,
                        "contact_id": cid,
                        "position": pos,
                        "reason": "picked by the demo",
                        "status": CallStatus.DONE if done else CallStatus.PLANNED,
                        "snoozed_until": None,
                        "done_at": dt.datetime.combine(day, dt.time(18)) if done else None,
                    }
                )

    def this_morning(self, active: list[dict[str, Any]]) -> None:
        """Two light touches earlier today, so the log is not empty."""
        for c in self.rng.sample(active, min(2, len(active))):
            at = max(
                dt.datetime.combine(self.today, dt.time()),
                self.now - dt.timedelta(minutes=self.rng.randint(20, 90)),
            )
            self.interaction(c["id"], InteractionKind.LIKE, at)

    def promises(self, active: list[dict[str, Any]]) -> None:
        """Follow-ups promised in recent calls, the first one due today."""
        rng, today = self.rng, self.today
        promised = rng.sample(active, max(1, len(active) // 20))
        for n, c in enumerate(promised):
            since = today - dt.timedelta(days=rng.randint(4, 16))
            due = today if n == 0 else since + dt.timedelta(days=rng.randint(3, 21))
            self.interaction(
                c["id"],
                InteractionKind.CALL,
                self.moment(since),
                follow_up_on=due,
                summary=PROMISE,
            )
            c.update(follow_up_on=due, follow_up_kind="promised", follow_up_since=since)
        self.ledger(promised, active)

    def ledger(self, promised: list[dict[str, Any]], active: list[dict[str, Any]]) -> None:
        """Promises both ways: mine due today on the first person owed a follow-up
        (made in the same call), theirs in a few days, two on someone else, one kept
        yesterday. Chosen without the random generator, so the rest of the demo is drawn
        as before."""
        today = self.today
        first = promised[0]
        other = next((c for c in reversed(active) if c not in promised), first)
        second = promised[1] if len(promised) > 1 else other
        since = first["follow_up_since"]
        for (owed_by, what), contact, due, done in zip(
            LEDGER,
            (first, second, other, other, first),
            (0, 3, 6, 2, -1),
            (False, False, False, False, True),
            strict=True,
        ):
            made = dt.datetime.combine(since, dt.time(11))
            self.promise_rows.append(
                {
                    "contact_id": contact["id"],
                    "owed_by": owed_by,
                    "what": what,
                    "due_on": today + dt.timedelta(days=due),
                    "done_at": dt.datetime.combine(today - dt.timedelta(days=1), dt.time(16))
                    if done
                    else None,
                    "interaction_id": None,
                    "created_at": min(made, self.now),
                }
            )

    def tries(self, active: list[dict[str, Any]]) -> None:
        """One person called twice without an answer (a message left the day before
        yesterday, no answer yesterday): today's plan opens on them, saying so. Not one
        of yesterday's plan, nor anyone owed a follow-up, whose reason it would hide."""
        yesterday = self.today - dt.timedelta(days=1)
        planned = {i["contact_id"] for i in self.plan_items if i["plan_date"] == yesterday}
        free = [c for c in active if c["follow_up_on"] is None and c["id"] not in planned]
        if not free:
            return
        tried = self.tried = self.rng.choice(free)["id"]
        for back, outcome, note in zip(
            (2, 1), (CallOutcome.MESSAGE_LEFT, CallOutcome.NO_ANSWER), TRIES, strict=True
        ):
            at = dt.datetime.combine(self.today - dt.timedelta(days=back), dt.time(17, 15))
            self.interaction(tried, InteractionKind.CALL, at, outcome=outcome, summary=note)

    def vouches(self, active: list[dict[str, Any]], rng: random.Random) -> None:
        """Endorsements and recommendations on some people, both ways, and one open ask:
        what a LinkedIn import brings. Never a conversation, so no date moves. `rng` is
        their own, so the rest of a seeded network stays as it was before them."""
        main, self.rng = self.rng, rng
        picked = rng.sample(active, min(len(active), max(len(VOUCHES), len(active) // 15)))
        for n, c in enumerate(picked):
            kind, direction, summary = VOUCHES[n % len(VOUCHES)]
            day = self.today - dt.timedelta(days=rng.randint(3, HISTORY_DAYS - 1))
            at = dt.datetime.combine(day, dt.time(rng.randint(8, 20), rng.choice((0, 30))))
            self.interaction(
                c["id"], kind, at, direction=direction, minutes=None, summary=self.text(summary)
            )
        if active:
            asked = rng.choice(active)
            at = dt.datetime.combine(self.today - dt.timedelta(days=6), dt.time(9, 15))
            self.interaction(
                asked["id"],
                InteractionKind.RECOMMENDATION,
                at,
                direction=Direction.ASKED,
                minutes=None,
                summary=self.text(OPEN_ASK),
            )
        self.rng = main

    def occasions(self, active: list[dict[str, Any]]) -> None:
        """Dates that matter today, on two people today's plan holds anyway, so the
        demo opens on both reasons joined on one row: a birthday for the person owed
        the deck today, a connection anniversary (4 years, a leap day's too) for the
        person tried twice. Chosen without the random generator: the rest of the demo
        is drawn as before."""
        today = self.today
        owed = next(
            (c for c in active if c["follow_up_on"] == today and c["follow_up_kind"] == PROMISED),
            None,
        )
        if owed is not None:
            owed["birthday"] = _same_day(today, BIRTH_YEAR)
        for c in active:
            if c["id"] == self.tried:
                c["connected_on"] = _same_day(today, today.year - ANNIVERSARY_YEARS)

    def schedule(self) -> None:
        """Each contact's next due date, from its cadence and its last conversation."""
        for c in self.contacts:
            cadence = c.pop("_cadence")
            c["next_due_on"] = cadence.next_due(
                self.last_talk.get(c["id"]), c["cadence_since"], spread_key(c["name_key"])
            )

    def accepted(self, ids: set[int]) -> None:
        """Those whose invitation was accepted two days ago wait for a first call."""
        day = self.today - dt.timedelta(days=2)
        for c in self.contacts:
            if c["id"] in ids:
                c.update(follow_up_on=day, follow_up_kind="invite_accepted", follow_up_since=day)


def seed_demo(ctx: Context, contacts: int = CONTACTS, seed: int = SEED) -> DemoSummary:
    """Fill an empty database with a sample network; refuse one that has contacts."""
    if not 1 <= contacts <= COUNT_MAX:
        raise NetdayError(f"--contacts must be between 1 and {COUNT_MAX}")
    today, now = ctx.today(), ctx.now()
    rng = random.Random(seed)
    b = _Builder(rng, today, now)
    with ctx.db.transaction() as session:
        if session.scalar(select(Contact.id).limit(1)) is not None:
            raise NetdayError("this database already has contacts; the demo needs an empty one")
        company_names = [
            n
            for n in COMPANIES
            if session.scalar(select(Company.id).where(Company.name_key == fold(n))) is None
        ]
        company_ids = _insert_returning_ids(
            session,
            Company,
            [
                {
                    "name": n,
                    "name_key": fold(n),
                    "followed": i % 5 < 2,
                    "notes": "",
                    "created_at": now,
                }
                for i, n in enumerate(company_names)
            ],
        )
        for index in range(contacts):
            b.person(index, company_ids)
        active = [c for c in b.contacts if not c["archived"]]
        b.earlier_plans(active)
        b.streak(active)
        b.this_morning(active)
        b.promises(active)
        b.schedule()
        invites, accepted_ids = _invites(b, active, company_names, now)
        b.accepted(accepted_ids)
        b.tries(active)
        b.occasions(active)
        posts = _posts(b, active, now)
        b.vouches(active, random.Random(f"{seed}:vouches"))
        _write(session, b, invites, posts)
        for back in range(2, STREAK_DAYS + 1):
            day = today - dt.timedelta(days=back)
            if session.get(DayReview, day) is None:
                session.add(
                    DayReview(
                        review_date=day,
                        note=rng.choice(REVIEW_NOTES),
                        minutes_spent=rng.randint(20, 45),
                        updated_at=dt.datetime.combine(day, dt.time(18)),
                    )
                )
        shares = _opportunities(session, today, now)
        _events(session, today, now)
        if session.scalar(select(MessageTemplate.id).limit(1)) is None:
            session.add(MessageTemplate(name=TEMPLATE[0], body=TEMPLATE[1]))
        return DemoSummary(
            len(b.contacts),
            len(company_ids),
            len(b.interactions) + shares,
            len(invites),
            len(posts),
        )


def _events(session: Session, today: dt.date, now: dt.datetime) -> None:
    """An event today with two people planned to be met there: the first two today's
    plan would take anyway, so the plan keeps its people and its order and says they
    are at the event; and a past one, the day of the latest event interaction of the
    log, with the people seen that day linked as met. No random draw: the rest of the
    demo stays as it was."""
    candidates, _ = shortlist(session, today, SHORTLIST)
    planned = [pick.contact_id for pick in choose_calls(candidates, today, 2)]
    title, place = EVENT_TODAY
    coming = Event(title=title, on_date=today, place=place, url="", notes="", created_at=now)
    session.add(coming)
    session.flush()
    session.add_all(
        EventPerson(event_id=coming.id, contact_id=cid, planned=True, met_at=None)
        for cid in planned
    )
    latest = session.scalars(
        select(Interaction)
        .where(
            Interaction.kind == InteractionKind.EVENT,
            Interaction.occurred_at < dt.datetime.combine(today, dt.time()),
            Interaction.summary.startswith(SAW_AT),
        )
        .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
        .limit(1)
    ).first()
    if latest is None:
        return
    day = latest.occurred_at.date()
    said = latest.summary.removeprefix(SAW_AT).rstrip(".")
    past = Event(
        title=(said[:1].upper() + said[1:])[:200],
        on_date=day,
        place="",
        url="",
        notes="",
        created_at=dt.datetime.combine(day, dt.time(9)) - dt.timedelta(days=7),
    )
    session.add(past)
    session.flush()
    seen = session.scalars(
        select(Interaction)
        .where(
            Interaction.kind == InteractionKind.EVENT,
            Interaction.summary == latest.summary,
            Interaction.occurred_at >= dt.datetime.combine(day, dt.time()),
            Interaction.occurred_at < dt.datetime.combine(day + dt.timedelta(days=1), dt.time()),
        )
        .order_by(Interaction.id)
        .limit(5)
    ).all()
    met: dict[int, Interaction] = {}
    for row in seen:
        met.setdefault(row.contact_id, row)
    session.add_all(
        EventPerson(
            event_id=past.id,
            contact_id=cid,
            planned=False,
            met_at=row.occurred_at,
            interaction_id=row.id,
        )
        for cid, row in met.items()
    )


def _opportunities(session: Session, today: dt.date, now: dt.datetime) -> int:
    """A few open opportunities; the last shared three days ago with the first active
    professional contact (no random draw: the rest of the demo stays as it was).
    Returns how many share interactions it wrote."""
    rows = [
        Opportunity(
            title=title,
            kind=kind,
            url=url,
            on_date=None if ahead is None else today + dt.timedelta(days=ahead),
            notes=notes,
            created_at=now - dt.timedelta(days=4),
            closed_at=None,
            tags=[OpportunityTag(tag=t) for t in tags],
        )
        for title, kind, url, ahead, tags, notes in OPPORTUNITIES
    ]
    session.add_all(rows)
    session.flush()
    someone = session.scalars(
        select(Contact)
        .where(Contact.archived.is_(False), Contact.circle == Circle.PROFESSIONAL)
        .order_by(Contact.id)
        .limit(1)
    ).first()
    if someone is None:
        return 0
    at = dt.datetime.combine(today - dt.timedelta(days=3), dt.time(11, 30))
    line = SHARED_LINE.format(first=someone.full_name.split()[0])
    share = Interaction(
        contact_id=someone.id,
        kind=InteractionKind.SHARE,
        occurred_at=at,
        minutes=None,
        summary=f"Shared {rows[-1].title}: {line}",
        direction=Direction.GAVE,
        follow_up_on=None,
        outcome=None,
        created_at=at,
    )
    session.add(share)
    session.flush()
    session.add(OpportunityShare(interaction_id=share.id, opportunity_id=rows[-1].id))
    return 1


def _write(
    session: Session, b: _Builder, invites: list[dict[str, Any]], posts: list[dict[str, Any]]
) -> None:
    """Insert what was built; the rows name contacts by a local number until the
    database assigns the ids."""
    local_ids = [c.pop("id") for c in b.contacts]
    new_ids = _insert_returning_ids(session, Contact, b.contacts)
    real = dict(zip(local_ids, new_ids, strict=True))
    for rows, key in (
        (b.tags, "contact_id"),
        (b.interactions, "contact_id"),
        (invites, "contact_id"),
        (posts, "author_id"),
        (b.plan_items, "contact_id"),
        (b.promise_rows, "contact_id"),
    ):
        for row in rows:
            if row[key] is not None:
                row[key] = real[row[key]]
    if b.tags:
        session.execute(insert(ContactTag), b.tags)
    session.execute(insert(Interaction), b.interactions)
    if invites:
        session.execute(insert(Invite), invites)
    if posts:
        session.execute(insert(Post), posts)
    if b.promise_rows:
        session.execute(insert(Promise), b.promise_rows)
    existing_plans = set(session.scalars(select(DayPlan.plan_date)))
    plans = [p for p in b.plans if p["plan_date"] not in existing_plans]
    kept = {p["plan_date"] for p in plans}
    if plans:
        session.execute(insert(DayPlan), plans)
        session.execute(insert(PlanItem), [i for i in b.plan_items if i["plan_date"] in kept])


def _invites(
    b: _Builder, active: list[dict[str, Any]], company_names: list[str], now: dt.datetime
) -> tuple[list[dict[str, Any]], set[int]]:
    rng = b.rng
    rows: list[dict[str, Any]] = []
    accepted: set[int] = set()
    newcomers = [c for c in active if c["tier"] == Tier.C] or active
    # Each person gets at most one invitation; the last one is the accepted one below.
    invitees = rng.sample(newcomers, min(len(newcomers), max(4, len(active) // 25), 401))
    accepted_person = invitees.pop() if invitees else None
    for n, target in enumerate(invitees):
        age = (1, 9, 25, 3)[n] if n < 4 else rng.randint(0, 30)
        first = target["full_name"].split()[0]
        sent = now - dt.timedelta(days=age, hours=rng.randint(0, 6))
        status = (
            InviteStatus.PENDING
            if n < 4 or rng.random() < 0.6
            else rng.choice((InviteStatus.ACCEPTED, InviteStatus.DECLINED))
        )
        rows.append(
            {
                "contact_id": target["id"],
                "name": target["full_name"],
                "profile_url": target["profile_url"],
                "direction": InviteDirection.SENT,
                "message": b.text(rng.choice(INVITE_MESSAGES), first=first),
                "sent_at": sent,
                "status": status,
                "answered_at": sent + dt.timedelta(days=1)
                if status != InviteStatus.PENDING
                else None,
                "follow_up_due": sent.date() + dt.timedelta(days=7),
                "follow_ups": 0,
                "created_at": sent,
            }
        )
    received_count = max(3, len(active) // 30)
    for n in range(min(received_count, 300)):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        sent = now - dt.timedelta(days=rng.randint(0, 10), hours=rng.randint(0, 6))
        message = "" if n % 2 == 0 else INVITE_RECEIVED.format(topic=rng.choice(TOPICS))
        rows.append(
            {
                "contact_id": None,
                "name": f"{first} {last}",
                "profile_url": f"https://www.linkedin.com/in/demo-guest-{n}",
                "direction": InviteDirection.RECEIVED,
                "message": message,
                "sent_at": sent,
                "status": InviteStatus.PENDING,
                "answered_at": None,
                "follow_up_due": None,
                "follow_ups": 0,
                "created_at": sent,
            }
        )
    if accepted_person is not None:
        chosen = accepted_person
        accepted.add(chosen["id"])
        sent = now - dt.timedelta(days=6)
        rows.append(
            {
                "contact_id": chosen["id"],
                "name": chosen["full_name"],
                "profile_url": chosen["profile_url"],
                "direction": InviteDirection.SENT,
                "message": INVITE_ACCEPTED.format(
                    first=chosen["full_name"].split()[0], event=rng.choice(EVENTS)
                ),
                "sent_at": sent,
                "status": InviteStatus.ACCEPTED,
                "answered_at": now - dt.timedelta(days=2),
                "follow_up_due": None,
                "follow_ups": 0,
                "created_at": sent,
            }
        )
    return rows, accepted


def _posts(b: _Builder, active: list[dict[str, Any]], now: dt.datetime) -> list[dict[str, Any]]:
    rng = b.rng
    rows: list[dict[str, Any]] = []
    for n in range(min(max(6, len(active) // 20), 400)):
        author = rng.choice(active)
        found = now - dt.timedelta(days=rng.randint(0, 14), hours=rng.randint(0, 8))
        status = (
            PostStatus.TO_COMMENT
            if n < 5 or rng.random() < 0.5
            else rng.choice((PostStatus.COMMENTED, PostStatus.SKIPPED))
        )
        rows.append(
            {
                "author_id": author["id"],
                "url": f"https://www.linkedin.com/posts/demo-{author['id']}-{n}",
                "excerpt": b.text(rng.choice(POST_EXCERPTS)),
                "found_at": found,
                "status": status,
                "draft_comment": "",
                "done_at": found + dt.timedelta(hours=3)
                if status != PostStatus.TO_COMMENT
                else None,
            }
        )
    return rows


class DemoNetwork:
    """A sample network in a throwaway folder of its own: `.ctx` to work on it,
    `.close()` (or leaving a `with` block) to close its database and delete the folder.

    Made by `open_demo`. The folder is deleted only if it still holds the mark
    `open_demo` wrote there with this network's random token: a DemoNetwork given any
    other folder (the user's, say), or whose folder was replaced or re-marked since,
    deletes nothing. A second `close()` does nothing.
    """

    def __init__(self, ctx: Context, folder: Path, token: str) -> None:
        self.ctx = ctx
        self.folder = folder
        self._token = token
        self._closed = False

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.ctx.db.close()
        _remove_if_marked(self.folder, self._token)

    def __enter__(self) -> DemoNetwork:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


MARK = ".netday-demo"
"""The file in a demo's folder that holds its token."""


def _remove_if_marked(folder: Path, token: str) -> None:
    """Delete `folder` if its mark holds `token`; never through a symbolic link."""
    mark = folder / MARK
    try:
        if folder.is_symlink() or mark.is_symlink() or mark.read_text("ascii") != token:
            return
    except (OSError, UnicodeDecodeError):
        return
    shutil.rmtree(folder, ignore_errors=True)


def open_demo(clock: Clock, contacts: int = CONTACTS) -> DemoNetwork:
    """A fresh sample network in a new temporary folder; the user's database is never
    opened. Close it (or use it in a `with` block) to delete the folder."""
    folder = Path(tempfile.mkdtemp(prefix="netday-demo-"))
    token = secrets.token_hex(16)
    (folder / MARK).write_text(token, "ascii")
    try:
        db = open_database(f"sqlite:///{folder / 'demo.sqlite3'}", clock.now())
    except BaseException:
        _remove_if_marked(folder, token)
        raise
    network = DemoNetwork(Context(db, clock), folder, token)
    try:
        seed_demo(network.ctx, contacts)
    except BaseException:
        network.close()
        raise
    return network
