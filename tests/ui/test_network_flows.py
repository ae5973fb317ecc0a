"""Invitations, posts and logging any interaction, from the keyboard."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from textual.widgets import Input, Label

from netday.services.invites import add_template, record_received, send_invite
from netday.services.posts import add_post
from netday.store.models import Contact, Interaction, Invite, Post
from netday.ui.widgets.panes import CommentsPane, InvitesPane, LogPane
from tests.services.helpers import person
from tests.ui.conftest import palette_offers, settle, wait_until


async def test_an_invitation_cannot_be_sent_without_a_personal_message(ctx, open_app) -> None:
    add_template(ctx, "generic", "I'd like to add you to my professional network.")
    async with open_app() as pilot:
        await pilot.press("escape")  # the first-run welcome
        await pilot.press("i")
        await settle(pilot)
        form = pilot.app.screen
        await pilot.press(*"Jane Roe", "tab", "tab")
        check = form.query_one("#message-check", Label)
        # The service's own verdict, as `send_invite` would refuse it.
        assert "needs a personal message" in str(check.render())
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.screen is form
        assert "personal message" in str(form.query_one("#form-error", Label).render())
        await pilot.press(*"I'd like to add you to my professional network.")
        await pilot.pause()
        assert str(check.render()) == (
            "does not name the person ✗ · a saved template word for word ✗"
        )
        form.query_one("#message", Input).value = "Hi Jane, loved your talk on hiring!"
        await pilot.pause()
        assert str(check.render()) == "names the person ✓ · personal ✓"
        await pilot.press("enter")
        await settle(pilot)
        assert "Jane Roe" in str(pilot.app.query_one(InvitesPane).get_row_at(0)[2])
    with ctx.db.reading() as s:
        invite = s.scalars(select(Invite)).one()
        assert (invite.name, invite.direction, invite.message) == (
            "Jane Roe",
            "sent",
            "Hi Jane, loved your talk on hiring!",
        )


async def test_accepting_a_received_invite_puts_a_first_call_in_the_plan(
    ctx, clock, open_app
) -> None:
    async with open_app() as pilot:
        await pilot.press("escape")  # the first-run welcome
        await pilot.press("tab", "tab")
        assert pilot.app.focused is pilot.app.query_one(InvitesPane)
        await pilot.press("g", *"Cold Caller", "enter")
        await settle(pilot)
        pane = pilot.app.query_one(InvitesPane)
        assert "How can I help you?" in str(pane.get_row_at(0)[3])
        await pilot.press("y")
        await settle(pilot)
        assert pane.row_count == 0
    with ctx.db.reading() as s:
        caller = s.scalars(select(Contact)).one()
        assert (caller.full_name, caller.follow_up_kind) == ("Cold Caller", "invite_accepted")


async def test_withdrawing_asks_first(ctx, clock, open_app) -> None:
    sent = send_invite(ctx, "Hi Jane, great panel", name="Jane Roe")
    async with open_app() as pilot:
        await pilot.press("tab", "tab", "w")
        await pilot.pause()
        await pilot.press("n")
        await settle(pilot)
        with ctx.db.reading() as s:
            assert s.get(Invite, sent.id).status == "pending"
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
    with ctx.db.reading() as s:
        assert s.get(Invite, sent.id).status == "withdrawn"


async def test_following_up_a_sent_invite(ctx, clock, open_app) -> None:
    received = record_received(ctx, name="Someone Else", message="hello there")
    sent = send_invite(ctx, "Hi Jane, great panel", name="Jane Roe")
    clock.advance(dt.timedelta(days=8))
    async with open_app() as pilot:
        await pilot.press("tab", "tab")
        pane = pilot.app.query_one(InvitesPane)
        keys = [str(pane.get_row_at(i)[2]) for i in range(pane.row_count)]
        await pilot.press(*["down"] * keys.index("Jane Roe"), "f")
        await settle(pilot)
    with ctx.db.reading() as s:
        assert s.get(Invite, sent.id).follow_ups == 1
        assert s.get(Invite, received.id).follow_ups == 0


async def test_adding_a_post_and_marking_it_commented(ctx, open_app) -> None:
    person(ctx, "Ana Souza", last_call_days_ago=1)
    async with open_app() as pilot:
        await pilot.press("p", *"Ana Souza", "tab", *"https://example.com/p/1", "tab")
        await pilot.press(*"Five lessons on hiring", "enter")
        await settle(pilot)
        pane = pilot.app.query_one(CommentsPane)
        assert str(pane.get_row_at(0)[2]) == "Five lessons on hiring"
        await pilot.press("tab", "d", *"Great point about referrals", "enter")
        await settle(pilot)
        assert pane.row_count == 0
        assert pilot.app.query_one(LogPane).row_count == 1
    with ctx.db.reading() as s:
        post = s.scalars(select(Post)).one()
        assert (post.status, post.draft_comment) == ("commented", "Great point about referrals")
        comment = s.scalars(select(Interaction).where(Interaction.kind == "comment")).one()
        assert comment.summary.startswith("Great point about referrals")


async def test_a_refused_post_keeps_the_form_and_what_was_typed(ctx, open_app) -> None:
    async with open_app() as pilot:
        await pilot.press("escape")  # the first-run welcome
        await pilot.press("p", *"Nobody Known", "tab", *"https://example.com/p/2", "enter")
        await settle(pilot)
        form = pilot.app.screen
        assert "no contact matches" in str(form.query_one("#form-error", Label).render())
        assert form.query_one("#url", Input).value == "https://example.com/p/2"
    with ctx.db.reading() as s:
        assert s.scalars(select(Post)).all() == []


async def test_skipping_a_post(ctx, open_app) -> None:
    person(ctx, "Ana Souza")
    add_post(ctx, "ana", "https://example.com/p/3")
    async with open_app() as pilot:
        await pilot.press("tab", "s")
        await settle(pilot)
    with ctx.db.reading() as s:
        assert s.scalars(select(Post.status)).one() == "skipped"


async def test_logging_any_interaction_with_the_picker(ctx, open_app) -> None:
    person(ctx, "Ana Souza", company="Kestrel Capital", last_call_days_ago=2)
    person(ctx, "Bruno Martin", company="Northwind", last_call_days_ago=2)
    person(ctx, "Zed Last", company="Zmart", last_call_days_ago=2)
    async with open_app() as pilot:
        await pilot.press("l", *"ma")
        await settle(pilot)
        await pilot.press("down", "enter")  # the second match, then on to the note
        form = pilot.app.screen
        form.query_one("#kind").value = "meeting"
        await pilot.press(*"Coffee near the office", "tab", *"45", "enter")
        await settle(pilot)
        log = pilot.app.query_one(LogPane)
        assert str(log.get_row_at(0)[2]) == "Zed Last"
    with ctx.db.reading() as s:
        meeting = s.scalars(select(Interaction).where(Interaction.kind == "meeting")).one()
        assert (meeting.summary, meeting.minutes) == ("Coffee near the office", 45)


async def test_declining_a_received_invite(ctx, open_app) -> None:
    received = record_received(ctx, name="Spam Sender", message="Buy my course")
    async with open_app() as pilot:
        await pilot.press("tab", "tab", "x")
        await settle(pilot)
        assert pilot.app.query_one(InvitesPane).row_count == 0
    with ctx.db.reading() as s:
        assert s.get(Invite, received.id).status == "declined"
        assert s.scalars(select(Contact)).all() == []


async def test_the_palette_offers_the_actions_too(ctx, open_app) -> None:
    from netday.ui.screens.network_forms import LogForm

    person(ctx, "Ana Souza")
    async with open_app() as pilot:
        await pilot.press("ctrl+p", *"log an inter")
        await wait_until(pilot, lambda: palette_offers(pilot, "Log an interaction"))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, LogForm)


async def test_an_invitation_to_nobody_is_refused_in_the_forms_words(ctx, open_app) -> None:
    """The service's refusal shows in the form, so it must not speak in CLI flags."""
    async with open_app() as pilot:
        await pilot.press("escape")  # the first-run welcome
        await pilot.press("i")
        await settle(pilot)
        form = pilot.app.screen
        await pilot.press("tab", "tab", *"Hi, loved your talk on hiring!", "enter")
        await settle(pilot)
        assert pilot.app.screen is form
        error = str(form.query_one("#form-error", Label).render())
        assert error == "say who the invitation is with: a contact or a name"
    with ctx.db.reading() as s:
        assert s.scalars(select(Invite)).all() == []
