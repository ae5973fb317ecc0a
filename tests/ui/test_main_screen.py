"""The main screen, driven with the keys a user presses; the database is checked after."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from textual.widgets import Input, Label, Static

from netday.store.models import DayPlan, Interaction, PlanItem
from netday.ui.widgets.panes import CallsPane, CommentsPane, InvitesPane, LogPane
from tests.services.helpers import person
from tests.ui.conftest import settle, wait_until


def cell_text(table, row: int, column: int) -> str:
    return str(table.get_row_at(row)[column])


def logged_today(ctx) -> list[Interaction]:
    start = dt.datetime.combine(ctx.today(), dt.time())
    with ctx.db.reading() as s:
        return list(s.scalars(select(Interaction).where(Interaction.occurred_at >= start)))


def three_due(ctx) -> None:
    person(ctx, "Ana Souza", company="Acme", last_call_days_ago=33)
    person(ctx, "Bruno Martin", last_call_days_ago=25)
    person(ctx, "Chloé Dubois", last_call_days_ago=22)


async def test_four_titled_panes_and_a_header(ctx, open_app) -> None:
    three_due(ctx)
    async with open_app() as pilot:
        app = pilot.app
        titles = [
            app.query_one(p).border_title for p in (CallsPane, CommentsPane, InvitesPane, LogPane)
        ]
        assert titles == [
            "Today's calls",
            "Comments to write",
            "Pending invites",
            "Interaction log",
        ]
        header = str(app.query_one("#day-header", Static).render())
        assert "Sunday 22 November 2026" in header
        assert (
            "budget 30 min" in header and "calls 0/3 done" in header and "streak 0 days" in header
        )
        calls = app.query_one(CallsPane)
        assert calls.row_count == 3
        first = cell_text(calls, 0, 1)
        assert "Ana Souza" in first and "overdue by 12 days (3-week cadence)" in first
        assert "Acme" in first


async def test_marking_a_call_done_with_a_quick_note(ctx, open_app) -> None:
    three_due(ctx)
    async with open_app() as pilot:
        await pilot.press("d")
        await pilot.press(*"Asked how the move went")
        await pilot.press("tab")
        await pilot.press(*"12")
        await pilot.press("tab", "right", "space")  # "I gave"
        await pilot.press("tab")
        await pilot.press(*"friday")
        await pilot.press("enter")
        await settle(pilot)
        calls = pilot.app.query_one(CallsPane)
        assert cell_text(calls, 0, 0) == "✓"
        assert "calls 1/3 done" in str(pilot.app.query_one("#day-header", Static).render())
        log = pilot.app.query_one(LogPane)
        assert log.row_count == 1 and cell_text(log, 0, 3) == "Asked how the move went"
    (row,) = logged_today(ctx)
    assert (row.kind, row.minutes, row.direction) == ("call", 12, "gave")
    assert row.follow_up_on == dt.date(2026, 11, 27)
    with ctx.db.reading() as s:
        statuses = s.scalars(select(PlanItem.status).order_by(PlanItem.position)).all()
        assert statuses == ["done", "planned", "planned"]


async def test_a_call_not_answered_is_one_key_and_comes_back_tomorrow(ctx, open_app, clock) -> None:
    """`d` on Chloé, Ctrl+N (no answer) while the note has the focus, a note with every
    letter typed as text, Enter: the call is stored unanswered and ticked as attempted
    (↻); tomorrow Chloé, the least overdue, opens the plan, saying why."""
    three_due(ctx)
    async with open_app() as pilot:
        await pilot.press("down", "down", "d", "ctrl+n", *"no one, voicemail", "enter")
        await settle(pilot)
        calls = pilot.app.query_one(CallsPane)
        assert cell_text(calls, 2, 0) == "↻"
        assert "Chloé Dubois · no answer · back tomorrow" in cell_text(calls, 2, 1)
    (row,) = logged_today(ctx)
    assert (row.kind, row.outcome, row.summary) == ("call", "no-answer", "no one, voicemail")
    clock.advance(dt.timedelta(days=1))
    async with open_app() as pilot:
        first = cell_text(pilot.app.query_one(CallsPane), 0, 1)
        assert first.startswith("Chloé Dubois · tried Sunday, no answer")


async def test_escape_cancels_without_writing(ctx, open_app) -> None:
    three_due(ctx)
    async with open_app() as pilot:
        await pilot.press("d")
        await pilot.press(*"half a note")
        await pilot.press("escape")
        await settle(pilot)
        assert cell_text(pilot.app.query_one(CallsPane), 0, 0) == " "
    assert logged_today(ctx) == []


async def test_a_bad_value_keeps_the_form_and_what_was_typed(ctx, open_app) -> None:
    three_due(ctx)
    async with open_app() as pilot:
        await pilot.press("d")
        await pilot.press(*"keep this note")
        await pilot.press("tab", "tab", "tab")
        await pilot.press(*"someday")
        await pilot.press("enter")
        await pilot.pause()
        screen = pilot.app.screen
        assert "is not a date" in str(screen.query_one("#form-error", Label).render())
        assert screen.query_one("#note", Input).value == "keep this note"
    assert logged_today(ctx) == []


async def test_skip_and_snooze_from_the_keyboard(ctx, open_app) -> None:
    three_due(ctx)
    async with open_app() as pilot:
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("down", "z")
        await pilot.press("ctrl+a", "ctrl+k")
        await pilot.press(*"next week", "enter")
        await settle(pilot)
        calls = pilot.app.query_one(CallsPane)
        assert cell_text(calls, 0, 0) == "–" and cell_text(calls, 1, 0) == "z"
        assert "snoozed until 23 Nov" in cell_text(calls, 1, 1)
    with ctx.db.reading() as s:
        statuses = s.scalars(select(PlanItem.status).order_by(PlanItem.position)).all()
        assert statuses == ["skipped", "snoozed", "planned"]


async def test_changing_todays_minutes_resizes_the_plan(ctx, open_app) -> None:
    for i in range(6):
        person(ctx, f"Person {chr(65 + i)}", last_call_days_ago=30 + i)
    async with open_app() as pilot:
        assert pilot.app.query_one(CallsPane).row_count == 3
        await pilot.press("m", "ctrl+a", "ctrl+k", *"50", "enter")
        await settle(pilot)
        assert pilot.app.query_one(CallsPane).row_count == 5
        assert "budget 50 min" in str(pilot.app.query_one("#day-header", Static).render())
    with ctx.db.reading() as s:
        assert s.get(DayPlan, ctx.today()).minutes == 50


async def test_left_open_past_midnight_the_screen_moves_to_the_new_day(
    ctx, clock, open_app
) -> None:
    three_due(ctx)
    async with open_app() as pilot:
        header = pilot.app.query_one("#day-header", Static)
        assert "Sunday 22 November 2026" in str(header.render())
        clock.set(dt.datetime(2026, 11, 22, 23, 59, 30))
        pilot.app.check_for_changes()
        await settle(pilot)
        assert "Sunday 22 November 2026" in str(header.render())
        clock.advance(dt.timedelta(minutes=1))
        pilot.app.check_for_changes()
        await settle(pilot)
        assert "Monday 23 November 2026" in str(header.render())
    with ctx.db.reading() as s:
        assert s.get(DayPlan, dt.date(2026, 11, 23)) is not None


async def test_an_interaction_logged_from_another_terminal_appears(ctx, open_app, db_url) -> None:
    import asyncio
    import time

    from tests.conftest import netday_process

    three_due(ctx)
    async with open_app() as pilot:
        log = pilot.app.query_one(LogPane)
        assert log.row_count == 0
        done = await asyncio.to_thread(
            netday_process, "log", "bruno", "called from the other tab", db=db_url
        )
        assert done.returncode == 0, done.stderr
        logged_at = time.monotonic()
        await wait_until(pilot, lambda: log.row_count > 0, seconds=5)
        assert time.monotonic() - logged_at <= 2.0
        assert cell_text(log, 0, 3) == "called from the other tab"
        assert cell_text(pilot.app.query_one(CallsPane), 1, 0) == "✓"


async def test_the_one_line_quick_entry_logs_and_keeps_text_on_refusal(ctx, open_app) -> None:
    three_due(ctx)
    async with open_app() as pilot:
        quick = pilot.app.query_one("#quick-log", Input)
        quick.focus()
        await pilot.press(*"nobody: hello", "enter")
        await settle(pilot)
        assert quick.value == "nobody: hello"
        quick.value = ""
        await pilot.press(*"call bruno: caught up quickly", "enter")
        await settle(pilot)
        assert quick.value == ""
        log = pilot.app.query_one(LogPane)
        assert str(log.get_row_at(0)[3]) == "caught up quickly"
        assert cell_text(pilot.app.query_one(CallsPane), 1, 0) == "✓"
    (row,) = logged_today(ctx)
    assert (row.kind, row.summary) == ("call", "caught up quickly")
