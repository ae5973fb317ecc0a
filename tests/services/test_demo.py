import json

import pytest
from sqlalchemy import func, select

from netday.errors import NetdayError
from netday.services.demo import seed_demo
from netday.services.review import today_overview
from netday.store.models import Contact, DayPlan, Interaction, Invite, Post
from tests.services.helpers import person


def test_the_demo_builds_a_realistic_network(ctx) -> None:
    summary = seed_demo(ctx, contacts=60)
    with ctx.db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Contact)) == 60 == summary.contacts
        circles = set(s.scalars(select(Contact.circle).distinct()))
        kinds = set(s.scalars(select(Contact.cadence_kind).distinct()))
        units = set(s.scalars(select(Contact.cadence_unit).distinct()))
        oldest = s.scalar(select(func.min(Interaction.occurred_at)))
        assert circles == {"professional", "personal"}
        assert kinds == {"relative", "calendar"}
        assert {"days", "weeks", "months"} <= units
        assert (ctx.today() - oldest.date()).days >= 80
        assert s.scalar(select(func.count()).select_from(Invite)) >= 5
        assert s.scalar(select(func.count()).select_from(Post)) >= 5
        assert s.scalar(select(func.count()).select_from(DayPlan)) >= 6
    today = today_overview(ctx)
    assert 3 <= len(today.plan.calls) <= 5
    assert today.streak == 6
    assert any("invite accepted" in c.reason for c in today.plan.calls)


def test_the_demo_is_reproducible(new_db_url, clock) -> None:
    from netday.services.context import Context
    from netday.store.schema import open_database

    names = []
    for n in (1, 2):
        db = open_database(new_db_url(f"demo{n}"), clock.now())
        seed_demo(Context(db, clock), contacts=30)
        with db.reading() as s:
            names.append(list(s.scalars(select(Contact.full_name).order_by(Contact.id))))
        db.close()
    assert names[0] == names[1]


def test_the_demo_refuses_a_database_with_contacts(ctx) -> None:
    person(ctx, "Ana Souza")
    with pytest.raises(NetdayError, match="already has contacts"):
        seed_demo(ctx)
    with ctx.db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Contact)) == 1


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
