"""The undo recorder on its own: what the named actions never do yet (delete a row that
others refer to) is recorded and replayed too, for the actions that will."""

from __future__ import annotations

from sqlalchemy import func, select

from netday.services.context import Context
from netday.services.demo import seed_demo
from netday.store.models import Contact, Interaction, Post
from netday.store.undo import recording, replay_last
from tests.services.test_undo import dump


def busiest_author(ctx: Context) -> int:
    """The author of a post with the most interactions."""
    with ctx.db.reading() as s:
        found = s.scalars(
            select(Interaction.contact_id)
            .where(Interaction.contact_id.in_(select(Post.author_id)))
            .group_by(Interaction.contact_id)
            .order_by(func.count().desc(), Interaction.contact_id)
        ).first()
        assert found is not None
        return found


def test_a_deleted_contact_comes_back_with_all_it_took_along(ctx: Context) -> None:
    """ORM cascades (tags), database cascades (interactions, plan items) and SET NULL
    (invitations, posts) are all put back, with the same ids."""
    seed_demo(ctx, 40)
    contact_id = busiest_author(ctx)
    before = dump(ctx)
    with ctx.db.transaction() as session, recording(session, "test", ctx.now()) as step:
        session.delete(session.get_one(Contact, contact_id))
        step.label = "Deleted someone"
    gone = dump(ctx)
    assert len(gone["interaction"]) < len(before["interaction"])
    assert gone["post"] != before["post"] and len(gone["post"]) == len(before["post"])
    with ctx.db.transaction() as session:
        assert replay_last(session, "test") == "Deleted someone"
    assert dump(ctx) == before


def test_a_block_that_changes_nothing_leaves_no_step(ctx: Context) -> None:
    seed_demo(ctx, 5)
    with ctx.db.transaction() as session, recording(session, "test", ctx.now()):
        contact = session.scalars(select(Contact)).first()
        assert contact is not None
        contact.notes = contact.notes  # touched, not changed
    with ctx.db.transaction() as session:
        assert replay_last(session, "test") is None
