"""The insights screen: opened with its key (and from the palette), it shows the weeks,
the balance, who drifts, the diversity and the companies; `f` follows; Escape closes."""

from __future__ import annotations

import datetime as dt

from textual.widgets import DataTable, Sparkline, Static

from netday.config import default_data_dir
from netday.services.contacts import ContactFields, add_contact, follow_company
from netday.services.insights import insights
from netday.services.journal import log_interaction
from netday.ui.screens.insights import InsightsScreen
from netday.ui.screens.today import TodayScreen
from tests.services.helpers import person
from tests.ui.conftest import palette_offers, settle, wait_until


def network(ctx) -> None:
    add_contact(ctx, ContactFields(full_name="Ana Souza", company="Acme", role="Engineer"))
    log_interaction(ctx, "ana", kind="meeting", minutes=25, direction="asked")
    log_interaction(
        ctx, "ana", kind="call", minutes=5, direction="asked", at=dt.datetime(2026, 11, 10, 9)
    )
    person(ctx, "Late Lena", tier="A", last_call_days_ago=40)
    follow_company(ctx, "Initech")


async def test_the_key_opens_the_insights_and_escape_closes_them(ctx, open_app) -> None:
    network(ctx)
    async with open_app() as pilot:
        await pilot.press("I")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, InsightsScreen)
        summary = str(screen.query_one("#insights-summary", Static).render())
        assert "Insights · 12 weeks" in summary and "asked 2" in summary
        assert screen.query_one("#spark-conversations", Sparkline).data[-3:] == [0.0, 1.0, 1.0]
        figures = str(screen.query_one("#figures-minutes", Static).render())
        assert figures.split() == ["25", "40"]  # this week; the 12 weeks (Lena: a call, 10)
        weeks = screen.query_one("#insights-weeks", DataTable)
        assert weeks.row_count == 13  # twelve weeks and the total
        assert [str(c) for c in weeks.get_row_at(0)[:2]] == ["16 Nov", "25"]
        balance = screen.query_one("#insights-balance", DataTable)
        assert [str(c) for c in balance.get_row_at(0)] == ["Ana Souza", "0", "2"]
        drifting = screen.query_one("#insights-drifting", DataTable)
        assert [str(c) for c in drifting.get_row_at(0)] == ["A", "Late Lena", "", "19 days"]
        diversity = str(screen.query_one("#insights-diversity", Static).render())
        assert "by company: Acme 100%" in diversity
        companies = screen.query_one("#insights-companies", DataTable)
        assert [str(companies.get_row_at(i)[0]) for i in range(companies.row_count)] == [
            "Initech",
            "Acme",
        ]
        companies.focus()
        companies.move_cursor(row=1)
        await pilot.press("f")  # follow Acme: it leaves the list of companies not followed
        await settle(pilot)
        await wait_until(pilot, lambda: companies.row_count == 1)
        assert insights(ctx).known_unfollowed == ()
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, TodayScreen)
        await pilot.press("u")  # the follow is undone like any change
        await settle(pilot)
    assert [c.name for c in insights(ctx).known_unfollowed] == ["Acme"]


async def test_the_palette_opens_the_insights(ctx, open_app) -> None:
    network(ctx)
    async with open_app() as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"insights")
        await wait_until(pilot, lambda: palette_offers(pilot, "Insights"))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, InsightsScreen)
        await pilot.press("w")  # 12 weeks -> 26
        await settle(pilot)
        assert pilot.app.screen.query_one("#insights-weeks", DataTable).row_count == 27
        await pilot.press("ctrl+o")
        await settle(pilot)
    exported = default_data_dir() / "exports" / "netday-insights-2026-11-22.md"
    assert exported.read_text().startswith("# Insights: 26 weeks, Monday 25 May 2026")
