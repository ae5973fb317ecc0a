"""The invitation forms take a person as the log dialog does: typing "Olga" and choosing
Olga Novák links the invitation to her; the last choice is someone new, by name."""

from __future__ import annotations

from sqlalchemy import select
from textual.widgets import Input, Label, OptionList

from netday.store.models import Invite
from tests.services.helpers import person
from tests.ui.conftest import settle


def _offered(pilot) -> list[str]:
    matches = pilot.app.screen.query_one("#matches", OptionList)
    return [str(matches.get_option_at_index(i).prompt) for i in range(matches.option_count)]


async def test_typing_olga_and_choosing_her_links_the_invitation(ctx, open_app) -> None:
    olga = person(ctx, "Olga Novák", company="Acme")
    async with open_app() as pilot:
        await pilot.press("i")
        await settle(pilot)
        await pilot.press(*"Olga")
        await settle(pilot)
        assert _offered(pilot) == ["Olga Novák · Acme", "someone new: Olga"]
        await pilot.press("enter")  # takes Olga Novák, moves to the message
        assert pilot.app.focused is pilot.app.screen.query_one("#message", Input)
        await pilot.press(*"Hi Olga, great talk on hiring")
        await pilot.pause()
        check = str(pilot.app.screen.query_one("#message-check", Label).render())
        assert check == "names the person ✓ · personal ✓"
        await pilot.press("enter")
        await settle(pilot)
    with ctx.db.reading() as s:
        invite = s.scalars(select(Invite)).one()
        assert (invite.contact_id, invite.name) == (olga.id, "Olga Novák")


async def test_the_last_choice_is_someone_new(ctx, open_app) -> None:
    person(ctx, "Olga Novák")
    async with open_app() as pilot:
        await pilot.press("i")
        await settle(pilot)
        await pilot.press(*"Olga")
        await settle(pilot)
        await pilot.press("down", "enter", *"Hi Olga, see you at the meetup", "enter")
        await settle(pilot)
    with ctx.db.reading() as s:
        invite = s.scalars(select(Invite)).one()
        assert (invite.contact_id, invite.name) == (None, "Olga")


async def test_a_received_invitation_from_a_contact_is_linked(ctx, open_app) -> None:
    olga = person(ctx, "Olga Novák")
    async with open_app() as pilot:
        await pilot.press("tab", "tab", "g")
        await settle(pilot)
        await pilot.press(*"olg")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
    with ctx.db.reading() as s:
        invite = s.scalars(select(Invite)).one()
        assert (invite.contact_id, invite.direction) == (olga.id, "received")
