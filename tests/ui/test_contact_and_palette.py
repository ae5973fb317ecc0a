from __future__ import annotations

import datetime as dt

from textual.widgets import DataTable, Static

from netday.services.journal import log_interaction
from netday.ui.screens.contact import ContactScreen
from tests.services.helpers import person
from tests.ui.conftest import palette_offers, settle, terminal_text, wait_until


async def test_the_contact_screen_shows_who_why_cadence_and_timeline(ctx, open_app) -> None:
    person(ctx, "Ana Souza", company="Acme", tier="A", last_call_days_ago=30)
    at = ctx.now() - dt.timedelta(days=29)
    log_interaction(ctx, "ana", kind="like", summary="sent the intro", direction="gave", at=at)
    person(ctx, "Bruno Martin", last_call_days_ago=25)
    async with open_app() as pilot:
        await pilot.press("c")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ContactScreen)
        profile = str(screen.query_one("#profile", Static).render())
        assert "Ana Souza" in profile and "Acme" in profile and "tier A" in profile
        lines = [" ".join(line.split()) for line in profile.splitlines()]
        assert "cadence every 3 weeks · next due Fri 13 Nov 2026 (overdue)" in lines
        assert "balance gave 1 · asked 0" in lines
        timeline = screen.query_one("#timeline", DataTable)
        assert timeline.row_count == 2
        assert str(timeline.get_row_at(0)[3]) == "sent the intro"
        assert "next dates 13 Nov, 04 Dec, 25 Dec" in lines
        await pilot.press("escape")
        assert not isinstance(pilot.app.screen, ContactScreen)


async def test_the_palette_finds_a_contact_by_company_fragment(ctx, open_app) -> None:
    person(ctx, "Ana Souza", company="Kestrel Capital")
    person(ctx, "Bruno Martin", company="Northwind")
    async with open_app() as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"kestrel")
        await wait_until(pilot, lambda: palette_offers(pilot, "Ana Souza"))
        await pilot.press("enter")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ContactScreen)
        assert "Ana Souza" in str(screen.query_one("#profile", Static).render())


async def test_slash_searches_what_was_written_and_opens_the_person(ctx, open_app) -> None:
    person(ctx, "Ana Souza", company="Kestrel Capital")
    person(ctx, "Bruno Martin", company="Northwind")
    at = ctx.now() - dt.timedelta(days=2)
    log_interaction(ctx, "bruno", kind="meeting", summary="Lunch: talked about origami", at=at)
    async with open_app() as pilot:
        await pilot.press("slash")
        await pilot.press(*"origami")
        await wait_until(pilot, lambda: palette_offers(pilot, "Bruno Martin"))
        shown = terminal_text(pilot.app)
        assert "interaction of 2026-11-20: Lunch: talked about origami" in shown
        await pilot.press("enter")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ContactScreen)
        assert "Bruno Martin" in str(screen.query_one("#profile", Static).render())


async def test_the_palette_keeps_the_search_order(ctx, open_app) -> None:
    """A name before a note, whatever the palette's fuzzy matcher makes of the labels."""
    from textual.command import CommandList

    from netday.services.contacts import ContactFields, add_contact

    add_contact(ctx, ContactFields(full_name="Pat Lima", notes="keeps a falcon"))
    add_contact(ctx, ContactFields(full_name="Falcon Reyes"))
    async with open_app() as pilot:
        await pilot.press("slash", *"falcon")
        await wait_until(pilot, lambda: palette_offers(pilot, "Falcon Reyes"))
        commands = pilot.app.screen.query_one(CommandList)
        prompts = [str(commands.get_option_at_index(i).prompt) for i in range(2)]
        assert prompts[0].startswith("Falcon Reyes") and "name" in prompts[0]
        assert prompts[1].startswith("Pat Lima") and "note: keeps a falcon" in prompts[1]
