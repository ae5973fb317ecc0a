from __future__ import annotations

import datetime as dt

from textual.widgets import DataTable, Input, Static

from netday.config import default_data_dir
from netday.services.journal import log_interaction
from netday.services.planner import plan_for
from netday.services.review import review_day
from netday.ui.screens.review import ReviewScreen
from tests.services.helpers import person
from tests.ui.conftest import settle


async def test_the_review_shows_the_day_and_saves_a_reflection(ctx, open_app) -> None:
    person(ctx, "Ana Souza", last_call_days_ago=30)
    person(ctx, "Bruno Martin", last_call_days_ago=30)
    plan_for(ctx)
    log_interaction(ctx, "ana", kind="call", minutes=9, summary="all good")
    async with open_app() as pilot:
        await pilot.press("r")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ReviewScreen)
        summary = str(screen.query_one("#review-summary", Static).render())
        assert "calls 1/2 done" in summary and "call Bruno Martin" in summary
        plan = screen.query_one("#review-plan", DataTable)
        assert [str(plan.get_row_at(i)[0]) for i in range(plan.row_count)] == ["✓", " "]
        assert screen.query_one("#review-log", DataTable).row_count == 1
        screen.query_one("#reflection", Input).focus()
        await pilot.press(*"Good call with Ana", "enter")
        await settle(pilot)
    assert review_day(ctx).note == "Good call with Ana"


async def test_yesterdays_review_can_be_finished_the_next_morning(ctx, clock, open_app) -> None:
    person(ctx, "Ana Souza", last_call_days_ago=30)
    plan_for(ctx)
    clock.advance(dt.timedelta(days=1))
    async with open_app() as pilot:
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("alt+left")
        await settle(pilot)
        screen = pilot.app.screen
        assert "Sunday 22 November 2026" in str(
            screen.query_one("#review-summary", Static).render()
        )
        screen.query_one("#reflection", Input).focus()
        await pilot.press(*"Written the morning after", "ctrl+s")
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
    assert review_day(ctx, dt.date(2026, 11, 22)).note == "Written the morning after"
    exported = default_data_dir() / "exports" / "netday-review-2026-11-22.md"
    assert exported.read_text().startswith("# Review of Sunday 22 November 2026")
    assert "Written the morning after" in exported.read_text()


async def test_changing_day_saves_the_reflection_typed_first(ctx, clock, open_app) -> None:
    """Seen: Alt+← with a reflection typed showed the day before and the typed line was
    gone, never saved. Changing day now saves it first, as leaving the review does."""
    person(ctx, "Ana Souza", last_call_days_ago=30)
    plan_for(ctx)
    async with open_app() as pilot:
        await pilot.press("r")
        await settle(pilot)
        await pilot.press(*"A quiet day", "alt+left")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ReviewScreen)
        assert "Saturday 21 November 2026" in str(
            screen.query_one("#review-summary", Static).render()
        )
        assert screen.query_one("#reflection", Input).value == ""  # the 21st's own
        await pilot.press("alt+right")
        await settle(pilot)
        assert screen.query_one("#reflection", Input).value == "A quiet day"
    assert review_day(ctx).note == "A quiet day"
