"""`u` on the main screen: this planner's last changes taken back, newest first."""

from __future__ import annotations

from textual.widgets import Static

from netday.services.planner import skip_call
from netday.ui.widgets.panes import CallsPane, LogPane
from tests.services.test_undo import dump
from tests.ui.conftest import settle, wait_until
from tests.ui.test_main_screen import cell_text, three_due


def notifications(pilot) -> list[str]:
    return [n.message for n in pilot.app._notifications]


def header(pilot) -> str:
    return str(pilot.app.query_one("#day-header", Static).render())


async def test_u_takes_back_a_call_marked_done_then_a_skip(ctx, open_app) -> None:
    three_due(ctx)
    async with open_app() as pilot:
        opened = dump(ctx)
        calls = pilot.app.query_one(CallsPane)
        await pilot.press("s")  # Ana: not today
        await settle(pilot)
        skipped = dump(ctx)
        await pilot.press("down", "d", *"Asked how the move went", "enter")
        await settle(pilot)
        assert cell_text(calls, 1, 0) == "✓" and "calls 1/3 done" in header(pilot)
        assert pilot.app.query_one(LogPane).row_count == 1

        await pilot.press("u")
        await settle(pilot)
        assert "Undone: Logged a call with Bruno Martin" in notifications(pilot)
        # A reload the watcher started before the undo may land after it; the next one
        # (within a second) shows the day as it is.
        await wait_until(pilot, lambda: cell_text(calls, 1, 0) == " ")
        assert "calls 0/3 done" in header(pilot)
        assert pilot.app.query_one(LogPane).row_count == 0
        assert dump(ctx) == skipped

        await pilot.press("u")
        await settle(pilot)
        assert "Undone: Skipped the call with Ana Souza" in notifications(pilot)
        assert dump(ctx) == opened

        await pilot.press("u")
        await settle(pilot)
        assert "nothing to undo since netday was opened" in notifications(pilot)
        assert dump(ctx) == opened


async def test_u_leaves_what_the_command_line_did(ctx, open_app) -> None:
    three_due(ctx)
    skip_call(ctx, "Ana Souza")  # `netday plan skip ana`, before the planner opened
    before = dump(ctx)
    async with open_app() as pilot:
        await pilot.press("u")
        await settle(pilot)
        assert "nothing to undo since netday was opened" in notifications(pilot)
    assert dump(ctx) == before
