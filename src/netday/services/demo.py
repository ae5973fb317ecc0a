"""A realistic, seeded sample network, so netday can be tried (and measured) at once.

Everything is written in one transaction with bulk inserts: a demo interrupted at any
point leaves the database as it was.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from netday.clock import Clock
from netday.errors import NetdayError
from netday.normalise import fold
from netday.scheduling.cadence import Cadence
from netday.scheduling.kinds import CONVERSATION_KINDS
from netday.services.context import Context
from netday.store.models import (
    Company,
    Contact,
    ContactTag,
    DayPlan,
    DayReview,
    Interaction,
    Invite,
    MessageTemplate,
    PlanItem,
    Post,
)

HISTORY_DAYS = 90
INTERACTIONS_PER_TIER = {"A": 35, "B": 24, "C": 14}
STREAK_DAYS = 6

FIRST = [
    "Ana",
    "Amélie",
    "Bruno",
    "Chloé",
    "Dmitri",
    "Elena",
    "Farid",
    "Grace",
    "Hiroshi",
    "Inès",
    "Jonas",
    "Kavya",
    "Liam",
    "Lucía",
    "Mateo",
    "Mei",
    "Nadia",
    "Noah",
    "Olga",
    "Omar",
    "Priya",
    "Rafael",
    "Sofia",
    "Tariq",
    "Uma",
    "Viktor",
    "Wei",
    "Yasmin",
    "Zoë",
    "Aisha",
    "Björn",
    "Camille",
    "Diego",
    "Emeka",
    "Fatima",
    "Giulia",
    "Hannah",
    "Ibrahim",
    "Jana",
    "Kenji",
    "Léa",
    "Marco",
    "Nia",
    "Oskar",
    "Paulo",
    "Rania",
    "Sven",
    "Thandiwe",
    "Yuki",
    "Zeynep",
]
LAST = [
    "Souza",
    "Martin",
    "Okafor",
    "Nakamura",
    "Dubois",
    "Kowalski",
    "Haddad",
    "Lindqvist",
    "García",
    "Rossi",
    "Chen",
    "Ivanova",
    "Mensah",
    "Fischer",
    "O'Brien",
    "Patel",
    "Kim",
    "Müller",
    "Novák",
    "Ferreira",
    "Andersson",
    "Moreau",
    "Singh",
    "Tanaka",
    "Costa",
    "Nguyen",
    "Schmidt",
    "Levi",
    "Almeida",
    "Jovanović",
    "Becker",
    "Santos",
    "Eriksson",
    "Romano",
    "Yilmaz",
    "Kaur",
    "Bianchi",
    "Petrov",
    "Herrera",
    "Lambert",
]
COMPANIES = (
    "Acme Analytics",
    "Northwind Labs",
    "Bluefin Health",
    "Kestrel Capital",
    "Orbital Design",
    "Lumen Energy",
    "Harbor & Co",
    "Quill Media",
    "Granite Logistics",
    "Sable Robotics",
    "Tidewater Bank",
    "Verdant Foods",
    "Cobalt Security",
    "Meridian Consulting",
    "Pixel Forge",
    "Atlas Mobility",
    "Juniper Legal",
    "Saffron Hotels",
    "Helix Bio",
    "Ironwood Partners",
)
ROLES = (
    "CTO",
    "Head of Product",
    "Engineering Manager",
    "Founder",
    "Sales Director",
    "Designer",
    "Recruiter",
    "Data Scientist",
    "VP Marketing",
    "Account Executive",
    "Product Manager",
    "Operations Lead",
    "Consultant",
    "Journalist",
    "Investor",
    "Researcher",
)
WHY = (
    "Met at {event}; we share an interest in {topic}.",
    "Former colleague at {company}; always generous with advice.",
    "Introduced by a friend; works on {topic}.",
    "Spoke together on a panel at {event}.",
    "Hired me for a first project; a great reference.",
    "We met at a meetup on {topic} and kept in touch.",
)
EVENTS = (
    "Web Summit",
    "a local meetup",
    "PyCon",
    "SaaStr",
    "a client workshop",
    "a conference dinner",
)
TOPICS = ("climate tech", "design systems", "B2B sales", "data privacy", "open source", "hiring")
TAGS = ("mentor", "client", "prospect", "alumni", "investor", "friend", "speaker", "recruiter")
CADENCES = {
    "A": ("2 weeks", "3 weeks", "RRULE:FREQ=MONTHLY;BYDAY=1MO", "10 days"),
    "B": (
        "1 month",
        "6 weeks",
        "RRULE:FREQ=MONTHLY;BYDAY=-1FR",
        "RRULE:FREQ=WEEKLY;INTERVAL=4;BYDAY=TU",
        "2 months",
    ),
    "C": ("3 months", "2 months", "RRULE:FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15"),
}
KINDS = (
    ("call", 25),
    ("message", 18),
    ("email", 14),
    ("video", 8),
    ("meeting", 5),
    ("event", 3),
    ("comment", 13),
    ("like", 8),
    ("share", 4),
    ("note", 2),
)
MINUTES = {
    "call": (5, 30),
    "video": (20, 45),
    "meeting": (30, 90),
    "message": (2, 10),
    "email": (3, 15),
    "event": (60, 180),
    "comment": (2, 5),
    "like": (1, 1),
    "share": (2, 5),
    "note": (1, 3),
}
SUMMARIES = {
    "call": (
        "Caught up on how things are going.",
        "Asked how the new role is going.",
        "Talked about their team's plans for next quarter.",
        "Quick hello, all well.",
    ),
    "video": ("Video call about a possible collaboration.", "Walked through their new product."),
    "meeting": ("Coffee near their office.", "Lunch: talked about hiring."),
    "message": ("Sent congratulations on the new job.", "Shared an article on {topic}."),
    "email": ("Sent the introduction they asked for.", "Followed up on our last call."),
    "event": ("Saw each other at {event}.",),
    "comment": ("Commented on their post about {topic}.",),
    "like": ("Liked their post.",),
    "share": ("Shared their article on {topic}.",),
    "note": ("Remember: they are moving to Lisbon in spring.",),
}
INVITE_MESSAGES = (
    "Hi {first}, we met at {event} and I enjoyed our talk on {topic}. Let's stay in touch!",
    "Hello {first}, I read your post on {topic}; I'd be glad to connect and compare notes.",
)
POST_EXCERPTS = (
    "Five lessons from scaling a team in {topic}",
    "Why we changed our mind about {topic}",
    "A thread on what I learned at {event}",
    "We're hiring! Looking for people who care about {topic}",
)


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


class _Builder:
    """Generates the rows; kept apart from the writing so the whole is one transaction."""

    def __init__(self, rng: random.Random, today: dt.date, now: dt.datetime) -> None:
        self.rng, self.today, self.now = rng, today, now
        self.contacts: list[dict[str, Any]] = []
        self.interactions: list[dict[str, Any]] = []
        self.last_talk: dict[int, dt.date] = {}

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

    def interaction(self, contact_id: int, kind: str, at: dt.datetime, **extra: Any) -> None:
        low, high = MINUTES[kind]
        row = {
            "contact_id": contact_id,
            "kind": kind,
            "occurred_at": at,
            "minutes": self.rng.randint(low, high),
            "summary": self.text(self.rng.choice(SUMMARIES[kind])),
            "direction": self.rng.choices(("gave", "asked", "neutral"), (35, 15, 50))[0]
            if kind in CONVERSATION_KINDS
            else "neutral",
            "follow_up_on": None,
            "created_at": at,
        }
        row.update(extra)
        self.interactions.append(row)
        if kind in CONVERSATION_KINDS:
            day = at.date()
            if day > self.last_talk.get(contact_id, dt.date.min):
                self.last_talk[contact_id] = day


def seed_demo(ctx: Context, contacts: int = 40, seed: int = 7) -> DemoSummary:
    """Fill an empty database with a sample network; refuse one that has contacts."""
    if not 1 <= contacts <= 100_000:
        raise NetdayError("--contacts must be between 1 and 100000")
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
        tags: list[dict[str, Any]] = []
        for index in range(contacts):
            cid = index + 1
            tier = rng.choices("ABC", (15, 35, 50))[0]
            personal = rng.random() < 0.18
            name = b.name(index)
            spec = rng.choice(CADENCES[tier])
            cadence = (
                Cadence.parse_rrule(spec) if spec.startswith("RRULE") else Cadence.parse_every(spec)
            )
            created = now - dt.timedelta(days=rng.randint(HISTORY_DAYS + 10, 400))
            first = name.split()[0]
            b.contacts.append(
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
                    "circle": "personal" if personal else "professional",
                    "tier": tier,
                    "why": b.text(rng.choice(WHY)),
                    "notes": "",
                    "birthday": dt.date(
                        rng.randint(1960, 1998), rng.randint(1, 12), rng.randint(1, 28)
                    )
                    if rng.random() < 0.3
                    else None,
                    "archived": rng.random() < 0.02,
                    "cadence_kind": cadence.kind,
                    "cadence_every": cadence.every if cadence.kind == "relative" else None,
                    "cadence_unit": cadence.unit if cadence.kind == "relative" else None,
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
                tags.append({"contact_id": cid, "tag": tag})
            count = max(0, int(rng.gauss(INTERACTIONS_PER_TIER[tier], 4)))
            # How long since the last interaction varies with the cadence, so some
            # contacts are overdue, some due soon, most comfortably in touch.
            quiet = rng.randint(1, max(2, int(cadence.approx_days * 1.4)))
            for _ in range(count):
                day = today - dt.timedelta(days=rng.randint(min(quiet, HISTORY_DAYS), HISTORY_DAYS))
                kind = rng.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
                b.interaction(cid, kind, b.moment(day))

        active = [c for c in b.contacts if not c["archived"]]
        streak_plans: list[dict[str, Any]] = []
        streak_items: list[dict[str, Any]] = []
        for back in range(1, STREAK_DAYS + 2):
            day = today - dt.timedelta(days=back)
            chosen = rng.sample(active, min(3, len(active)))
            streak_plans.append(
                {
                    "plan_date": day,
                    "minutes": 30,
                    "created_at": dt.datetime.combine(day, dt.time(8)),
                }
            )
            for pos, c in enumerate(chosen, start=1):
                done = back <= STREAK_DAYS or pos == 1
                at = dt.datetime.combine(day, dt.time(9 + pos, 30))
                if done:
                    b.interaction(
                        c["id"], "call", at, summary="Five-minute call: how are you doing?"
                    )
                streak_items.append(
                    {
                        "plan_date": day,
                        "contact_id": c["id"],
                        "position": pos,
                        "reason": "picked by the demo",
                        "status": "done" if done else "planned",
                        "snoozed_until": None,
                        "done_at": at if done else None,
                    }
                )
        for c in rng.sample(active, min(2, len(active))):
            at = max(
                dt.datetime.combine(today, dt.time()),
                now - dt.timedelta(minutes=rng.randint(20, 90)),
            )
            b.interaction(c["id"], "like", at)

        promised = rng.sample(active, max(1, len(active) // 20))
        for n, c in enumerate(promised):
            since = today - dt.timedelta(days=rng.randint(4, 16))
            due = today if n == 0 else since + dt.timedelta(days=rng.randint(3, 21))
            b.interaction(
                c["id"],
                "call",
                b.moment(since),
                follow_up_on=due,
                summary="Promised to send over the notes and check back.",
            )
            c.update(follow_up_on=due, follow_up_kind="promised", follow_up_since=since)
        for c in b.contacts:
            cadence = c.pop("_cadence")
            c["next_due_on"] = cadence.next_due(
                b.last_talk.get(c["id"]), c["cadence_since"], c["id"]
            )

        invites, accepted_ids = _invites(b, active, company_names, now)
        for c in b.contacts:
            if c["id"] in accepted_ids:
                c.update(
                    follow_up_on=today - dt.timedelta(days=2),
                    follow_up_kind="invite_accepted",
                    follow_up_since=today - dt.timedelta(days=2),
                )
        posts = _posts(b, active, now)

        # The rows above name contacts by a local number; the database assigns the ids.
        local_ids = [c.pop("id") for c in b.contacts]
        new_ids = _insert_returning_ids(session, Contact, b.contacts)
        real = dict(zip(local_ids, new_ids, strict=True))
        for rows, key in (
            (tags, "contact_id"),
            (b.interactions, "contact_id"),
            (invites, "contact_id"),
            (posts, "author_id"),
            (streak_items, "contact_id"),
        ):
            for row in rows:
                if row[key] is not None:
                    row[key] = real[row[key]]
        if tags:
            session.execute(insert(ContactTag), tags)
        session.execute(insert(Interaction), b.interactions)
        if invites:
            session.execute(insert(Invite), invites)
        if posts:
            session.execute(insert(Post), posts)
        existing_plans = set(session.scalars(select(DayPlan.plan_date)))
        plans = [p for p in streak_plans if p["plan_date"] not in existing_plans]
        kept = {p["plan_date"] for p in plans}
        if plans:
            session.execute(insert(DayPlan), plans)
            session.execute(insert(PlanItem), [i for i in streak_items if i["plan_date"] in kept])
        for back in range(2, STREAK_DAYS + 1):
            day = today - dt.timedelta(days=back)
            if session.get(DayReview, day) is None:
                session.add(
                    DayReview(
                        review_date=day,
                        note=rng.choice(
                            (
                                "Good calls; follow up with the two intros.",
                                "Short day, but every call done.",
                                "Three calls, one new opportunity.",
                                "Quiet day: wrote two thoughtful comments.",
                            )
                        ),
                        minutes_spent=rng.randint(20, 45),
                        updated_at=dt.datetime.combine(day, dt.time(18)),
                    )
                )
        if session.scalar(select(MessageTemplate.id).limit(1)) is None:
            session.add(
                MessageTemplate(
                    name="generic", body="I'd like to add you to my professional network."
                )
            )
        return DemoSummary(
            len(b.contacts), len(company_ids), len(b.interactions), len(invites), len(posts)
        )


def _invites(
    b: _Builder, active: list[dict[str, Any]], company_names: list[str], now: dt.datetime
) -> tuple[list[dict[str, Any]], set[int]]:
    rng = b.rng
    rows: list[dict[str, Any]] = []
    accepted: set[int] = set()
    newcomers = [c for c in active if c["tier"] == "C"] or active
    # Each person gets at most one invitation; the last one is the accepted one below.
    invitees = rng.sample(newcomers, min(len(newcomers), max(4, len(active) // 25), 401))
    accepted_person = invitees.pop() if invitees else None
    for n, target in enumerate(invitees):
        age = (1, 9, 25, 3)[n] if n < 4 else rng.randint(0, 30)
        first = target["full_name"].split()[0]
        sent = now - dt.timedelta(days=age, hours=rng.randint(0, 6))
        status = "pending" if n < 4 or rng.random() < 0.6 else rng.choice(("accepted", "declined"))
        rows.append(
            {
                "contact_id": target["id"],
                "name": target["full_name"],
                "profile_url": target["profile_url"],
                "direction": "sent",
                "message": b.text(rng.choice(INVITE_MESSAGES), first=first),
                "sent_at": sent,
                "status": status,
                "answered_at": sent + dt.timedelta(days=1) if status != "pending" else None,
                "follow_up_due": sent.date() + dt.timedelta(days=7),
                "follow_ups": 0,
                "created_at": sent,
            }
        )
    received_count = max(3, len(active) // 30)
    for n in range(min(received_count, 300)):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        sent = now - dt.timedelta(days=rng.randint(0, 10), hours=rng.randint(0, 6))
        message = (
            ""
            if n % 2 == 0
            else f"Hi! I saw your talk on {rng.choice(TOPICS)}; would love to connect."
        )
        rows.append(
            {
                "contact_id": None,
                "name": f"{first} {last}",
                "profile_url": f"https://www.linkedin.com/in/demo-guest-{n}",
                "direction": "received",
                "message": message,
                "sent_at": sent,
                "status": "pending",
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
                "direction": "sent",
                "message": f"Hi {chosen['full_name'].split()[0]}, "
                f"great meeting you at {rng.choice(EVENTS)}!",
                "sent_at": sent,
                "status": "accepted",
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
            "to_comment" if n < 5 or rng.random() < 0.5 else rng.choice(("commented", "skipped"))
        )
        rows.append(
            {
                "author_id": author["id"],
                "url": f"https://www.linkedin.com/posts/demo-{author['id']}-{n}",
                "excerpt": b.text(rng.choice(POST_EXCERPTS)),
                "found_at": found,
                "status": status,
                "draft_comment": "",
                "done_at": found + dt.timedelta(hours=3) if status != "to_comment" else None,
            }
        )
    return rows


def open_demo(clock: Clock, contacts: int = 40) -> Context:
    """A fresh sample network in a temporary folder, leaving the user's database alone."""
    import tempfile
    from pathlib import Path

    from netday.store.schema import open_database

    folder = Path(tempfile.mkdtemp(prefix="netday-demo-"))
    db = open_database(f"sqlite:///{folder / 'demo.sqlite3'}", clock.now())
    ctx = Context(db, clock)
    seed_demo(ctx, contacts)
    return ctx
