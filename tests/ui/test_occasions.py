"""Dates that matter and unanswered calls, keys pressed in the real app (issue 11): the
plan row says "birthday today", the contact form edits the day you connected (refusing
a day to come), and the Interaction log and the timeline mark a call that was a try."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input, Label

from netday.scheduling.cadence import Cadence
from netday.services.contacts import ContactFields, add_contact, show_contact
from netday.ui.screens.contact import ContactScreen, Timeline
from netday.ui.widgets.panes import CallsPane, LogPane
from tests.services.helpers import person
from tests.ui.conftest import settle, terminal_text


def cells(table, row: int) -> list[str]:
    return [str(c) for c in table.get_row_at(row)]


async def _replace(pilot, field: Input, text: str) -> None:
    field.focus()
    await pilot.press("ctrl+a", "ctrl+k", *text)
    await pilot.pause()


async def test_the_plan_row_says_birthday_today(ctx, open_app) -> None:
    add_contact(
        ctx,
        ContactFields(
            full_name="Lena Vogel",
            circle="personal",
            birthday=ctx.today().replace(year=1990),
            cadence=Cadence.parse_every("6 months"),
        ),
    )
    person(ctx, "Ana Souza", last_call_days_ago=40)
    async with open_app() as pilot:
        calls = pilot.app.query_one(CallsPane)
        first = " ".join(cells(calls, 0))
        assert "Lena Vogel · birthday today: a message will do" in first
        assert "birthday today" in terminal_text(pilot.app)


async def test_the_form_edits_the_day_you_connected(ctx, open_app) -> None:
    person(ctx, "Ana Souza", last_call_days_ago=40)
    async with open_app() as pilot:
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        form = pilot.app.screen
        field = form.query_one("#connected", Input)
        assert field.value == ""
        await _replace(pilot, field, "2027-01-01")  # a day still to come
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert pilot.app.screen is form
        assert "in the future" in str(form.query_one("#form-error", Label).render())
        await _replace(pilot, field, "2021-11-22")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ContactScreen)
        assert "2021-11-22" in terminal_text(pilot.app)
    assert show_contact(ctx, "ana").connected_on == dt.date(2021, 11, 22)
    async with open_app() as pilot:  # blank clears it
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        field = pilot.app.screen.query_one("#connected", Input)
        assert field.value == "2021-11-22"
        await _replace(pilot, field, "")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ContactScreen)
    assert show_contact(ctx, "ana").connected_on is None


async def test_the_log_and_the_timeline_mark_a_call_not_answered(ctx, open_app) -> None:
    person(ctx, "Ana Souza", last_call_days_ago=40)
    person(ctx, "Bruno Martin", last_call_days_ago=35)
    person(ctx, "Chloé Dubois", last_call_days_ago=30)
    async with open_app() as pilot:
        await pilot.press("d", "ctrl+n", *"rang twice", "enter")
        await settle(pilot)
        # the cursor moves on to the next call to make after each
        await pilot.press("d", "ctrl+l", *"voicemail", "enter")
        await settle(pilot)
        await pilot.press("d", *"all good", "enter")
        await settle(pilot)
        log = pilot.app.query_one(LogPane)
        rows = [" | ".join(cells(log, r)) for r in range(log.row_count)]
        assert any("Ana Souza" in r and "no answer · rang twice" in r for r in rows), rows
        assert any("Bruno Martin" in r and "left a message · voicemail" in r for r in rows), rows
        (answered,) = [r for r in rows if "Chloé Dubois" in r]
        assert "no answer" not in answered and "message" not in answered
        calls = pilot.app.query_one(CallsPane)
        calls.focus()
        calls.move_cursor(row=0)
        await pilot.press("c")
        await settle(pilot)
        timeline = pilot.app.screen.query_one(Timeline)
        kinds = [cells(timeline, r)[1] for r in range(timeline.row_count)]
        assert kinds[0] == "call · no answer"
        assert "call" in kinds[1:]  # the answered call 40 days ago
    async with open_app((80, 24)) as pilot:  # narrow: the kind column gives way, not the mark
        log = pilot.app.query_one(LogPane)
        rows = [" | ".join(cells(log, r)) for r in range(log.row_count)]
        assert any("no answer" in r for r in rows), rows
