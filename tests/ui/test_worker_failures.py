"""An unexpected failure in a worker never closes the app.

The service a worker calls is made to raise what a database locked past its timeout
raises (`sqlalchemy.exc.OperationalError`); the app must stay open, say so in one line,
keep what was typed, and append the traceback to errors.log in the data folder.
"""

from __future__ import annotations

import sqlite3
from typing import NoReturn

from sqlalchemy.exc import OperationalError
from textual.pilot import Pilot
from textual.widgets import Input, Label, Static

from netday.ui.failures import log_path
from netday.ui.screens.contact_form import ContactForm
from netday.ui.screens.transfer import ImportScreen
from netday.ui.screens.triage import TriageScreen
from netday.ui.widgets.panes import CallsPane
from tests.services.helpers import person
from tests.ui.conftest import settle, wait_until

LOCKED = "Not done: OperationalError: database is locked."


def locked(*args: object, **kwargs: object) -> NoReturn:
    raise OperationalError(
        "UPDATE contact SET ...", {}, sqlite3.OperationalError("database is locked")
    )


def errors(pilot: Pilot[None]) -> list[str]:
    return [n.message for n in pilot.app._notifications if n.severity == "error"]


def assert_reported(pilot: Pilot[None], where: str) -> None:
    assert pilot.app.is_running and pilot.app.return_code is None
    shown = errors(pilot)
    assert len(shown) == 1 and shown[0].startswith(LOCKED)
    assert f"Details in {log_path()}." in shown[0] and "\n" not in shown[0]
    log = log_path().read_text(encoding="utf-8")
    assert f" {where}\n" in log and "Traceback (most recent call last)" in log
    assert "(sqlite3.OperationalError) database is locked" in log
    assert log_path().stat().st_mode & 0o077 == 0


async def test_a_form_that_fails_to_save_stays_open_with_its_text(
    ctx, open_app, monkeypatch
) -> None:
    person(ctx, "Ana Souza")
    monkeypatch.setattr("netday.ui.screens.today.add_contact", locked)
    async with open_app(failures=True) as pilot:
        await pilot.press("a")
        await settle(pilot)
        await pilot.press(*"Zoe Quinn")
        await pilot.press("ctrl+s")
        await settle(pilot)
        form = pilot.app.screen
        assert isinstance(form, ContactForm)
        assert form.query_one("#name", Input).value == "Zoe Quinn"
        assert str(form.query_one("#form-error", Label).render()).startswith(LOCKED)
        assert_reported(pilot, "ContactForm._persist")
        monkeypatch.undo()
        await pilot.press("ctrl+s")  # the database is back: the same form saves
        await settle(pilot)
        assert not isinstance(pilot.app.screen, ContactForm)


async def test_a_pane_action_that_fails_leaves_the_day_as_it_was(
    ctx, open_app, monkeypatch
) -> None:
    person(ctx, "Ana Souza", last_call_days_ago=30)
    monkeypatch.setattr("netday.ui.screens.today.skip_call", locked)
    async with open_app(failures=True) as pilot:
        await pilot.press("s")
        await settle(pilot)
        assert_reported(pilot, "TodayScreen.run_job")
        assert str(pilot.app.query_one(CallsPane).get_row_at(0)[0]) == " "


async def test_the_quick_log_line_is_kept(ctx, open_app, monkeypatch) -> None:
    person(ctx, "Ana Souza")
    monkeypatch.setattr("netday.ui.screens.today.log_interaction", locked)
    async with open_app(failures=True) as pilot:
        line = pilot.app.query_one("#quick-log", Input)
        line.focus()
        await pilot.press(*"ana: coffee")
        await pilot.press("enter")
        await settle(pilot)
        assert_reported(pilot, "TodayScreen.quick_log")
        assert line.value == "ana: coffee"


async def test_an_import_that_fails_can_be_closed(ctx, open_app, monkeypatch, tmp_path) -> None:
    person(ctx, "Ana Souza")
    monkeypatch.setattr("netday.io.transfer.import_files", locked)
    export = tmp_path / "export.zip"
    export.write_bytes(b"")
    async with open_app(failures=True) as pilot:
        await pilot.press("ctrl+o")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ImportScreen)
        screen.query_one("#import-path", Input).value = str(export)
        await pilot.press("enter")
        await settle(pilot)
        assert_reported(pilot, "ImportScreen.run_import")
        assert str(screen.query_one("#form-error", Label).render()).startswith(LOCKED)
        assert screen.query_one("#import-path", Input).value == str(export)
        await pilot.press("escape")  # not stuck "still running"
        await settle(pilot)
        assert not isinstance(pilot.app.screen, ImportScreen)


async def test_a_triage_decision_that_fails_brings_the_person_back(
    ctx, open_app, monkeypatch
) -> None:
    from sqlalchemy import update

    from netday.store.models import Contact

    person(ctx, "Ana Souza")
    with ctx.db.transaction() as s:
        s.execute(update(Contact).values(triage="pending"))
    monkeypatch.setattr("netday.ui.screens.triage.decide", locked)
    async with open_app(failures=True) as pilot:
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(pilot.app.screen, TriageScreen)
        await pilot.press("a")
        await settle(pilot)
        assert_reported(pilot, "TriageScreen.save")
        card = str(pilot.app.screen.query_one("#triage-card", Static).render())
        assert card.startswith("Ana Souza")


async def test_netday_debug_shows_the_traceback(ctx, open_app, monkeypatch) -> None:
    person(ctx, "Ana Souza", last_call_days_ago=30)
    monkeypatch.setenv("NETDAY_DEBUG", "1")
    monkeypatch.setattr("netday.ui.screens.today.skip_call", locked)
    async with open_app(failures=True) as pilot:
        await pilot.press("s")
        await settle(pilot)
        (shown,) = errors(pilot)
        assert shown.startswith(LOCKED) and "Traceback (most recent call last)" in shown


async def test_a_failing_watcher_notifies_once(ctx, open_app, monkeypatch) -> None:
    """The change watcher runs every second: a lasting failure is reported once."""
    person(ctx, "Ana Souza")
    monkeypatch.setattr("netday.services.changes.ChangeCheck.data_changed", locked)
    async with open_app(failures=True) as pilot:
        for _ in range(3):
            pilot.app.check_for_changes()
            await settle(pilot)
        assert_reported(pilot, "NetdayApp.check_for_changes")
        assert log_path().read_text(encoding="utf-8").count("--- ") == 1


async def test_a_palette_search_that_fails_is_reported(ctx, open_app, monkeypatch) -> None:
    person(ctx, "Ana Souza")
    monkeypatch.setattr("netday.ui.commands.search", locked)
    async with open_app(failures=True) as pilot:
        await pilot.press("ctrl+p", *"an")
        await wait_until(pilot, lambda: errors(pilot))
        assert_reported(pilot, "palette search")


async def test_the_first_read_failing_still_opens_the_app(ctx, open_app, monkeypatch) -> None:
    person(ctx, "Ana Souza")
    monkeypatch.setattr("netday.ui.screens.today.today_overview", locked)
    async with open_app(failures=True) as pilot:
        assert_reported(pilot, "reading today")
