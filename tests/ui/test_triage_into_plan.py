"""Triage on a day whose plan came out empty: the people placed show in today's calls."""

from __future__ import annotations

from netday.ui.screens.triage import TriageScreen
from netday.ui.widgets.panes import CallsPane
from tests.io.linkedin_export import write_zip
from tests.ui.conftest import settle


async def test_people_triaged_into_an_empty_plan_appear_in_todays_calls(
    ctx, open_app, tmp_path
) -> None:
    from netday.io.transfer import import_files

    import_files(ctx, "linkedin", [write_zip(tmp_path / "e.zip")])
    async with open_app() as pilot:
        calls = pilot.app.query_one(CallsPane)
        assert calls.row_count == 0
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(pilot.app.screen, TriageScreen)
        await pilot.press("a")  # Dana O'Neil, connected most recently
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        calls = pilot.app.query_one(CallsPane)
        assert calls.row_count == 1
        assert "Dana O'Neil" in str(calls.get_row_at(0))
