"""Promises from the keyboard: noted in the call-done dialog with the call, kept, reopened,
added and deleted on a person's screen, and shown where the call is made."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from textual.widgets import DataTable, Input, Static

from netday.services.planner import plan_for
from netday.services.promises import add_promise
from netday.store.models import Interaction, Promise
from netday.ui.screens.contact import ContactScreen, Promises
from netday.ui.screens.dialogs import CallDoneForm, Confirm
from netday.ui.widgets.detail import Detail
from netday.ui.widgets.panes import CallsPane
from tests.services.helpers import person
from tests.ui.conftest import settle

FRIDAY = dt.date(2026, 11, 27)


def ledger(ctx) -> list[tuple]:
    with ctx.db.reading() as s:
        return [
            (p.owed_by, p.what, p.due_on, p.done_at is not None, p.interaction_id)
            for p in s.scalars(select(Promise).order_by(Promise.id))
        ]


async def test_the_call_done_dialog_shows_open_promises_and_notes_new_ones_both_ways(
    ctx, open_app
) -> None:
    person(ctx, "Ana Souza", last_call_days_ago=1)
    add_promise(ctx, "ana", "the deck", ctx.today())
    plan_for(ctx)
    async with open_app() as pilot:
        pane = pilot.app.query_one(CallsPane)
        assert "you promised the deck by today" in str(pane.get_row_at(0)[1])
        detail = str(pilot.app.query_one("#detail", Static).render())
        assert "promise you owe the deck · due Sun 22 Nov" in detail
        await pilot.press("d")
        await settle(pilot)
        form = pilot.app.screen
        assert isinstance(form, CallDoneForm)
        context = str(form.query_one("#call-context", Static).render())
        assert "promise you owe the deck · due Sun 22 Nov" in context
        await pilot.press(*"sent the deck")
        form.query_one("#promised-mine", Input).value = "the pricing sheet by friday"
        form.query_one("#promised-theirs", Input).value = "an intro to Bo"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(pilot.app.screen, CallDoneForm)
    with ctx.db.reading() as s:
        call_id = s.scalars(select(Interaction.id).where(Interaction.kind == "call")).all()[-1]
    assert ledger(ctx) == [
        ("me", "the deck", ctx.today(), False, None),
        ("me", "the pricing sheet", FRIDAY, False, call_id),
        ("them", "an intro to Bo", ctx.today(), False, call_id),
    ]


async def test_a_promise_that_does_not_read_keeps_the_dialog_open_and_logs_nothing(
    ctx, open_app
) -> None:
    person(ctx, "Ana Souza", last_call_days_ago=30)
    plan_for(ctx)
    async with open_app() as pilot:
        await pilot.press("d")
        await settle(pilot)
        form = pilot.app.screen
        form.query_one("#promised-mine", Input).value = "the deck by someday"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert pilot.app.screen is form
        assert "someday" in str(form.query_one("#form-error").render())
    assert ledger(ctx) == []
    with ctx.db.reading() as s:
        assert s.scalars(select(Interaction).where(Interaction.kind == "call")).all() != []
        assert len(s.scalars(select(Interaction)).all()) == 1  # only the call of 30 days ago


async def test_a_persons_screen_adds_keeps_reopens_and_deletes_promises(ctx, open_app) -> None:
    person(ctx, "Ana Souza", last_call_days_ago=30)
    plan_for(ctx)
    async with open_app() as pilot:
        await pilot.press("c")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ContactScreen)
        assert not screen.query_one(Promises).display  # nothing owed yet: no table
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("shift+tab", "right")  # back to whose: they promised
        form = pilot.app.screen
        form.query_one("#what", Input).value = "an intro to Bo"
        form.query_one("#due", Input).value = "friday"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert pilot.app.screen is screen
        assert ledger(ctx) == [("them", "an intro to Bo", FRIDAY, False, None)]
        table = screen.query_one(Promises)
        assert table.display
        assert [str(c) for c in table.get_row_at(0)] == [
            "Fri 27 Nov",
            "they owe",
            "an intro to Bo",
            "open",
        ]
        table.focus()
        await pilot.press("space")
        await settle(pilot)
        assert ledger(ctx)[0][3] is True
        assert str(table.get_row_at(0)[3]) == "done"
        await pilot.press("enter")
        await settle(pilot)
        assert ledger(ctx)[0][3] is False
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(pilot.app.screen, Confirm)
        await pilot.press("y")
        await settle(pilot)
        assert ledger(ctx) == []


async def test_the_review_lists_the_promises_that_came_due(ctx, open_app) -> None:
    person(ctx, "Ana Souza", last_call_days_ago=30)
    add_promise(ctx, "ana", "the deck", ctx.today())
    add_promise(ctx, "ana", "not yet", FRIDAY)
    async with open_app() as pilot:
        await pilot.press("r")
        await settle(pilot)
        table = pilot.app.screen.query_one("#review-promises", DataTable)
        assert table.row_count == 1
        assert [str(c) for c in table.get_row_at(0)] == [
            "Sun 22 Nov",
            "Ana Souza",
            "you owe the deck",
            "open",
        ]


async def test_at_80x24_a_detail_too_long_for_its_panel_ends_in_an_ellipsis(ctx, open_app) -> None:
    """The panel has four lines at 80x24: the call's last talk, follow-up and promise lines
    do not fit, and the last line shown says so with `…` instead of stopping mid-sentence."""
    person(ctx, "Ana Souza", last_call_days_ago=1)
    add_promise(ctx, "ana", "the deck from the workshop, with the pricing sheet", ctx.today())
    plan_for(ctx)
    async with open_app(size=(80, 24)) as pilot:
        panel = pilot.app.query_one("#detail", Detail)
        shown = str(panel.render()).splitlines()
        assert "promise you owe the deck from the workshop" in str(panel.whole)
        assert len(shown) == panel.content_size.height
        assert shown[-1].endswith("…")
