"""The screens' tables fit their width: a long note is cut with `…`, never run off the
edge of a table that scrolls sideways (it read "Tried again: no answe" at 80x24)."""

from __future__ import annotations

from netday.services.contacts import ContactFields, edit_contact
from netday.services.journal import log_interaction
from netday.services.opportunities import add_opportunity
from netday.services.planner import plan_for
from netday.ui.screens.contact import ContactScreen, Promises, Timeline
from netday.ui.screens.opportunities import OpportunitiesScreen, Proposals
from netday.ui.widgets.fitted import FittedTable
from tests.services.helpers import person
from tests.ui.conftest import settle

LONG = "Talked about the move to Lisbon, the new team, hiring two designers and a deck"


def lines(table: FittedTable) -> list[str]:
    return [table.render_line(y).text for y in range(table.size.height)]


def fits(table: FittedTable) -> bool:
    """Nothing to scroll to sideways: the columns take no more than the table's width."""
    return table.virtual_size.width <= table.size.width


async def test_a_long_note_on_a_timeline_ends_in_an_ellipsis_at_80x24(ctx, open_app) -> None:
    person(ctx, "Ana Souza", last_call_days_ago=30)
    plan_for(ctx)
    log_interaction(ctx, "ana souza", kind="call", summary=LONG)
    async with open_app(size=(80, 24)) as pilot:
        await pilot.press("c")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ContactScreen)
        timeline = screen.query_one(Timeline)
        assert fits(timeline)
        row = next(line for line in lines(timeline) if "Talked about" in line)
        assert row.rstrip().endswith("…") and "a deck" not in row
        await pilot.resize_terminal(200, 60)
        await settle(pilot)
        row = next(line for line in lines(timeline) if "Talked about" in line)
        assert fits(timeline) and LONG in row  # the room that came goes to the note
        assert not screen.query_one(Promises).display


async def test_why_a_person_fits_an_opportunity_is_cut_with_an_ellipsis(ctx, open_app) -> None:
    tags = tuple(f"topic-{n}" for n in range(12))
    person(ctx, "Ana Souza")
    edit_contact(ctx, "ana souza", ContactFields(tags=tags))
    add_opportunity(ctx, "A meetup on everything", "event", tags=tags)
    async with open_app(size=(80, 24)) as pilot:
        await pilot.press("o")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, OpportunitiesScreen)
        fits_table = screen.query_one(Proposals)
        assert fits(fits_table)
        row = next(line for line in lines(fits_table) if "Ana Souza" in line)
        assert row.rstrip(" │▏").endswith("…")
