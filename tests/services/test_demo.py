"""The demo: what `seed_demo` stores, and the folder `open_demo` owns and alone removes."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from netday.errors import NetdayError
from netday.normalise import fold
from netday.services.context import Context
from netday.services.demo import HISTORY_DAYS, MARK, STREAK_DAYS, DemoNetwork, open_demo, seed_demo
from netday.services.demo_data import COMPANIES
from netday.services.events import list_events
from netday.services.review import today_overview
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
from netday.store.schema import open_database
from tests.services.helpers import person

TABLES = (
    Company,
    Contact,
    ContactTag,
    Interaction,
    Invite,
    Post,
    DayPlan,
    PlanItem,
    DayReview,
    MessageTemplate,
)


def counts(ctx: Context) -> dict[str, int]:
    with ctx.db.reading() as s:
        return {m.__tablename__: s.scalar(select(func.count()).select_from(m)) or 0 for m in TABLES}


def test_the_summary_counts_what_was_stored(ctx: Context) -> None:
    summary = seed_demo(ctx, contacts=60)
    stored = counts(ctx)
    assert (summary.contacts, summary.companies) == (stored["contact"], stored["company"])
    assert (summary.interactions, summary.invites, summary.posts) == (
        stored["interaction"],
        stored["invite"],
        stored["post"],
    )
    assert stored["contact"] == 60 and stored["company"] == len(COMPANIES)
    assert stored["interaction"] >= 60 * 10 and stored["contact_tag"] > 0
    # The streak's plans (three calls each) and earlier ones (up to three) on weekdays.
    assert STREAK_DAYS + 1 < stored["day_plan"] <= STREAK_DAYS + 1 + 12 * 5
    assert stored["plan_item"] <= 3 * stored["day_plan"]
    assert stored["day_review"] == STREAK_DAYS - 1 and stored["message_template"] == 1


def test_the_people_are_varied_unique_and_planned(ctx: Context) -> None:
    seed_demo(ctx, contacts=60)
    with ctx.db.reading() as s:
        people = s.scalars(select(Contact)).all()
    names = [c.full_name for c in people]
    assert len(set(names)) == len(names) == 60
    assert all(c.name_key == fold(c.full_name) for c in people)
    tiers = Counter(c.tier for c in people)
    assert set(tiers) == {"A", "B", "C"} and tiers["A"] < tiers["C"]
    assert {c.circle for c in people} == {"professional", "personal"}
    assert {c.cadence_kind for c in people} == {"relative", "calendar"}
    assert {"days", "weeks", "months"} <= {c.cadence_unit for c in people}
    assert all(c.next_due_on is not None and c.cadence_days for c in people)
    assert all(c.triage is None for c in people)
    assert sum(c.archived for c in people) <= 60 // 10
    promised = [c for c in people if c.follow_up_kind == "promised"]
    assert promised and min(c.follow_up_on for c in promised) == ctx.today()
    accepted = [c for c in people if c.follow_up_kind == "invite_accepted"]
    assert len(accepted) == 1


def test_history_lies_in_the_past_and_reaches_back(ctx: Context) -> None:
    seed_demo(ctx, contacts=60)
    with ctx.db.reading() as s:
        oldest, newest = s.execute(
            select(func.min(Interaction.occurred_at), func.max(Interaction.occurred_at))
        ).one()
        kinds = set(s.scalars(select(Interaction.kind).distinct()))
        invites = s.execute(select(Invite.direction, Invite.status, Invite.sent_at)).all()
        posts = s.execute(select(Post.status, Post.found_at)).all()
        reviews = set(s.scalars(select(DayReview.review_date)))
    assert newest <= ctx.now()
    assert HISTORY_DAYS - 10 <= (ctx.today() - oldest.date()).days <= HISTORY_DAYS
    assert {"call", "message", "email", "comment", "like"} <= kinds
    assert all(sent <= ctx.now() for _, _, sent in invites)
    assert {("sent", "pending"), ("received", "pending"), ("sent", "accepted")} <= {
        (d, st) for d, st, _ in invites
    }
    assert sum(st == "to_comment" for st, _ in posts) >= 5
    assert all(found <= ctx.now() for _, found in posts)
    assert reviews == {ctx.today() - dt.timedelta(days=n) for n in range(2, STREAK_DAYS + 1)}


def test_today_opens_on_a_plan_and_a_streak(ctx: Context) -> None:
    seed_demo(ctx, contacts=60)
    today = today_overview(ctx)
    assert 3 <= len(today.plan.calls) <= 5
    assert today.streak == STREAK_DAYS
    reasons = [c.reason for c in today.plan.calls]
    assert any("invite accepted" in r for r in reasons)
    # The one owed a follow-up today is also owed the deck, due today: the promise says
    # more; it is their birthday too, joined on the same row.
    assert "birthday today · you promised the deck from the workshop by today" in reasons
    (owed,) = (c for c in today.plan.calls if "you promised" in c.reason)
    assert owed.promise is not None and owed.promise.due == ctx.today()
    assert [p.what for p in owed.promises] == ["the deck from the workshop"]
    # a message left, then no answer; connected four years ago today
    # met at today's event too: the demo plans the first two the plan takes anyway
    assert reasons[0] == (
        "at Product meetup today · tried Saturday, no answer · connected 4 years ago today"
    )
    assert reasons[1].startswith("at Product meetup today · ")
    coming, past = list_events(ctx)
    assert (coming.on_date, coming.planned, coming.met) == (ctx.today(), 2, 0)
    assert past.on_date < ctx.today() and past.met >= 1
    assert today.comments and today.invites and not today.is_empty


def dump(ctx: Context) -> list[tuple[object, ...]]:
    """Everything the demo stored that a seed decides (not the database's ids)."""
    with ctx.db.reading() as s:
        people = s.execute(
            select(
                Contact.full_name,
                Contact.tier,
                Contact.circle,
                Contact.cadence_kind,
                Contact.cadence_every,
                Contact.cadence_rule,
                Contact.next_due_on,
                Contact.email,
                Contact.why,
            ).order_by(Contact.id)
        ).all()
        talks = s.execute(
            select(Interaction.kind, Interaction.occurred_at, Interaction.summary).order_by(
                Interaction.id
            )
        ).all()
    return [tuple(row) for row in [*people, *talks]]


def test_the_same_seed_gives_the_same_network_and_another_seed_another(new_db_url, clock) -> None:
    dumps = []
    for n, seed in ((1, 7), (2, 7), (3, 8)):
        db = open_database(new_db_url(f"demo{n}"), clock.now())
        ctx = Context(db, clock)
        seed_demo(ctx, contacts=30, seed=seed)
        dumps.append(dump(ctx))
        db.close()
    assert dumps[0] == dumps[1]
    assert dumps[0] != dumps[2]


def test_the_demo_refuses_a_database_with_contacts(ctx: Context) -> None:
    person(ctx, "Ana Souza")
    with pytest.raises(NetdayError, match="already has contacts"):
        seed_demo(ctx)
    assert counts(ctx)["contact"] == 1


def test_the_demo_refuses_a_size_out_of_range(ctx: Context) -> None:
    for size in (0, 100_001):
        with pytest.raises(NetdayError, match="between 1 and 100000"):
            seed_demo(ctx, contacts=size)
    assert counts(ctx)["contact"] == 0


def test_after_the_demo_every_new_row_gets_a_fresh_id(cli) -> None:
    """On PostgreSQL a demo that wrote its own ids left the sequences at 1, and every
    later insert failed with a duplicate key."""
    assert cli("demo", "--contacts", "30").code == 0
    added = cli("contact", "add", "New Person", "--company", "Brand New Co", "--json")
    assert added.code == 0, added.err
    assert json.loads(added.out)["id"] == 31
    assert cli("company", "follow", "Another Co").code == 0
    assert cli("log", "new person", "coffee").code == 0
    received = cli("invite", "received", "--name", "Guest Person", "-m", "Hello!", "--json")
    assert received.code == 0, received.err
    accepted = cli("invite", "accept", str(json.loads(received.out)["id"]))
    assert accepted.code == 0, accepted.err
    assert cli("post", "add", "guest person", "https://example.com/p").code == 0


# --- the demo's folder: one owner ----------------------------------------------------


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The temporary folder the demo makes its own in, watched by the test."""
    folder = tmp_path / "scratch"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_a_demo_lives_in_a_folder_of_its_own_gone_after_close(clock, scratch: Path) -> None:
    demo = open_demo(clock, contacts=12)
    (folder,) = scratch.iterdir()
    assert demo.folder == folder and demo.ctx.db.path is not None
    assert demo.ctx.db.path.parent == folder
    assert counts(demo.ctx)["contact"] == 12
    demo.close()
    assert list(scratch.iterdir()) == []
    demo.close()  # a second close is harmless
    with open_demo(clock, contacts=3) as again:
        assert counts(again.ctx)["contact"] == 3
    assert list(scratch.iterdir()) == []


def test_a_demo_that_fails_to_build_leaves_no_folder(clock, scratch: Path) -> None:
    with pytest.raises(NetdayError):
        open_demo(clock, contacts=0)
    assert list(scratch.iterdir()) == []


def user_database(folder: Path, clock) -> Context:
    """The user's own database, with a contact in it, in their own folder."""
    folder.mkdir()
    ctx = Context(open_database(f"sqlite:///{folder / 'netday.sqlite3'}", clock.now()), clock)
    person(ctx, "Ana Souza")
    return ctx


def still_there(folder: Path, clock) -> bool:
    db = open_database(f"sqlite:///{folder / 'netday.sqlite3'}", clock.now())
    try:
        with db.reading() as s:
            return s.scalars(select(Contact.full_name)).all() == ["Ana Souza"]
    finally:
        db.close()


def test_a_demo_handed_the_users_database_deletes_nothing(tmp_path: Path, clock) -> None:
    """Whatever calls itself a demo (a flag forced on, a Context from elsewhere), only
    the folder `open_demo` made and marked can be deleted."""
    home = tmp_path / "home-data"
    ctx = user_database(home, clock)
    (home / MARK).write_text("a mark netday did not write", "ascii")
    DemoNetwork(ctx, home, "a guessed token").close()
    DemoNetwork(ctx, home, "").close()
    assert still_there(home, clock)


def test_a_demo_whose_folder_was_replaced_deletes_nothing(tmp_path: Path, clock, scratch) -> None:
    demo = open_demo(clock, contacts=3)
    (demo.folder / MARK).write_text("replaced", "ascii")
    demo.close()
    assert demo.folder.exists()

    demo = open_demo(clock, contacts=3)
    token = (demo.folder / MARK).read_text("ascii")
    demo.ctx.db.close()
    for leftover in demo.folder.iterdir():
        leftover.unlink()
    demo.folder.rmdir()
    # The user's own folder, even carrying a copy of the mark, reached by a link.
    home = tmp_path / "home-data"
    user_database(home, clock).db.close()
    (home / MARK).write_text(token, "ascii")
    demo.folder.symlink_to(home, target_is_directory=True)
    demo.close()
    assert still_there(home, clock)


def test_some_people_have_endorsements_and_recommendations_and_one_open_ask(ctx: Context) -> None:
    """As a LinkedIn import would log them: both ways, never a conversation."""
    seed_demo(ctx, contacts=60)
    with ctx.db.reading() as s:
        vouches = s.execute(
            select(Interaction.kind, Interaction.direction, Interaction.summary).where(
                Interaction.kind.in_(("endorsement", "recommendation"))
            )
        ).all()
    assert {(kind, way) for kind, way, _ in vouches} >= {
        ("endorsement", "gave"),
        ("recommendation", "asked"),
    }
    asks = [s for _, _, s in vouches if s.startswith("Recommendation pending (an open ask)")]
    assert len(asks) == 1


def test_the_insights_have_twelve_weeks_of_history(ctx: Context) -> None:
    """Plans completed, conversations and time invested in (nearly) every week."""
    from netday.services.insights import insights

    seed_demo(ctx, contacts=60)
    view = insights(ctx)
    assert sum(1 for w in view.weeks if w.plans_completed) >= 10
    assert all(w.conversations and w.minutes for w in view.weeks)
    assert view.streak == STREAK_DAYS and view.longest_streak >= STREAK_DAYS
    assert view.followed_unknown and view.known_unfollowed
