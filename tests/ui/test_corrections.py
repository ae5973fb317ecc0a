"""Every mistake can be corrected from the keyboard: a logged interaction edited or
deleted (from the Interaction log and from a contact's timeline), a contact deleted
with its history, tags, notes and birthday edited in the form, and a value a field
cannot hold refused by the form that was given it."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input, Label, TextArea

from netday.services.contacts import ContactFields, edit_contact, list_contacts, show_contact
from netday.services.journal import log_interaction
from netday.services.planner import plan_for
from netday.services.posts import add_post
from netday.ui.screens.contact import ContactScreen, Timeline
from netday.ui.screens.dialogs import Confirm
from netday.ui.screens.interaction_form import InteractionForm
from netday.ui.screens.today import TodayScreen
from netday.ui.widgets.choice import Choice
from netday.ui.widgets.panes import CallsPane, LogPane
from tests.services.helpers import person
from tests.ui.conftest import settle, terminal_text


def _question(pilot) -> str:
    screen = pilot.app.screen
    assert isinstance(screen, Confirm)
    return str(screen.query_one(Label).render())


async def _replace(pilot, field: Input | TextArea, text: str) -> None:
    field.focus()
    if isinstance(field, Input):
        await pilot.press("ctrl+a", "ctrl+k", *text)
    else:
        field.text = text
    await pilot.pause()


async def test_editing_an_entry_of_the_interaction_log(ctx, open_app) -> None:
    person(ctx, "Ana Souza", last_call_days_ago=30)
    logged = log_interaction(ctx, "ana", kind="call", summary="cofee", minutes=10)
    async with open_app() as pilot:
        pilot.app.screen.query_one(LogPane).focus()
        await pilot.press("e")
        await settle(pilot)
        form = pilot.app.screen
        assert isinstance(form, InteractionForm)
        assert form.query_one("#note", Input).value == "cofee"
        assert form.query_one("#at", Input).value == "2026-11-22 12:00"
        await _replace(pilot, form.query_one("#note", Input), "coffee: their new team")
        await _replace(pilot, form.query_one("#minutes", Input), "25")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, TodayScreen)
        assert "coffee: their new" in terminal_text(pilot.app)
    entry = show_contact(ctx, "ana").interactions[0]
    assert (entry.id, entry.summary, entry.minutes) == (logged.id, "coffee: their new team", 25)


async def test_a_call_logged_as_answered_is_corrected_to_no_answer(ctx, open_app) -> None:
    """The edit form holds the call's outcome too: a call marked answered by mistake is
    set right from the keyboard (arrows in the choice), and stops counting as a talk."""
    person(ctx, "Ana Souza", last_call_days_ago=30)
    logged = log_interaction(ctx, "ana", kind="call", summary="rang, nobody")
    async with open_app() as pilot:
        pilot.app.screen.query_one(LogPane).focus()
        await pilot.press("e")
        await settle(pilot)
        form = pilot.app.screen
        assert isinstance(form, InteractionForm)
        choice = form.query_one("#outcome", Choice)
        assert choice.pressed_button is not None
        assert choice.pressed_button.id == "outcome-answered"
        choice.focus()
        await pilot.press("right", "ctrl+s")
        await settle(pilot)
        assert isinstance(pilot.app.screen, TodayScreen)
        ana = show_contact(ctx, "ana")
        assert ana.last_conversation is not None
        assert ana.last_conversation < dt.date(2026, 11, 22)  # the try was no talk
        log_interaction(ctx, "ana", kind="meeting", summary="coffee")
        pilot.app.screen.action_reload()
        await settle(pilot)
        await pilot.press("up", "e")  # the meeting, newest: no outcome to show
        await settle(pilot)
        assert "meeting" in pilot.app.screen.heading
        assert not pilot.app.screen.query_one("#outcome", Choice).display
        await pilot.press("escape")
    ana = show_contact(ctx, "ana")
    entry = ana.interactions[1]
    assert (entry.id, entry.outcome) == (logged.id, "no-answer")


async def test_deleting_todays_call_asks_first_and_unticks_the_plan(ctx, open_app) -> None:
    person(ctx, "Ana Souza", last_call_days_ago=30)
    plan_for(ctx)
    log_interaction(ctx, "ana", kind="call", summary="how are you")
    assert plan_for(ctx).calls[0].status == "done"
    async with open_app() as pilot:
        pilot.app.screen.query_one(LogPane).focus()
        await pilot.press("x")
        await settle(pilot)
        assert _question(pilot) == (
            "Delete the call with Ana Souza on Sunday 22 November 2026 at 12:00?\n“how are you”"
        )
        await pilot.press("n")  # no: nothing changes
        await settle(pilot)
        assert len(show_contact(ctx, "ana").interactions) == 2
        await pilot.press("delete")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(pilot.app.screen, TodayScreen)
        calls = pilot.app.screen.query_one(CallsPane)
        assert str(calls.get_cell_at((0, 0))) == " "  # no longer ticked
        assert pilot.app.screen.query_one(LogPane).row_count == 0
    assert plan_for(ctx).calls[0].status == "planned"
    assert [i.summary for i in show_contact(ctx, "ana").interactions] == ["catch-up"]


async def test_the_timeline_edits_and_deletes_its_entries(ctx, open_app) -> None:
    person(ctx, "Ana Souza", last_call_days_ago=30)
    plan_for(ctx)
    log_interaction(ctx, "ana", kind="email", summary="sent the deck")
    async with open_app() as pilot:
        await pilot.press("c")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ContactScreen)
        screen.query_one(Timeline).focus()
        await pilot.press("enter")  # the newest entry: the e-mail
        await settle(pilot)
        form = pilot.app.screen
        assert isinstance(form, InteractionForm)
        await _replace(pilot, form.query_one("#at", Input), "yesterday 09:15")
        await pilot.press("enter")
        await settle(pilot)
        assert pilot.app.screen is screen
        assert "2026-11-21 09:15" in terminal_text(pilot.app)
        await pilot.press("x")
        await settle(pilot)
        assert _question(pilot).startswith(
            "Delete the email with Ana Souza on Saturday 21 November 2026 at 09:15?"
        )
        await pilot.press("y")
        await settle(pilot)
        assert pilot.app.screen is screen
        assert "sent the deck" not in terminal_text(pilot.app)
    assert [i.kind for i in show_contact(ctx, "ana").interactions] == ["call"]


async def test_a_refused_edit_keeps_the_form_open(ctx, open_app) -> None:
    person(ctx, "Ana Souza")
    log_interaction(ctx, "ana", kind="call", summary="hello")
    async with open_app() as pilot:
        pilot.app.screen.query_one(LogPane).focus()
        await pilot.press("e")
        await settle(pilot)
        form = pilot.app.screen
        await _replace(pilot, form.query_one("#at", Input), "tomorrow 10:00")
        await pilot.press("enter")
        await settle(pilot)
        assert pilot.app.screen is form
        assert "future" in str(form.query_one("#form-error", Label).render())
        await pilot.press("escape")
        await settle(pilot)
    assert show_contact(ctx, "ana").interactions[0].at == dt.datetime(2026, 11, 22, 12, 0)


async def test_deleting_a_contact_says_how_much_history_goes(ctx, open_app) -> None:
    person(ctx, "Bruno Costa", last_call_days_ago=30)
    person(ctx, "Ana Souza", last_call_days_ago=25)
    plan_for(ctx)
    log_interaction(ctx, "bruno", kind="email", summary="the deck")
    add_post(ctx, "bruno", "https://example.com/p/1", "on hiring")
    async with open_app() as pilot:
        await pilot.press("c")  # the first call: Bruno, most overdue
        await settle(pilot)
        assert isinstance(pilot.app.screen, ContactScreen)
        await pilot.press("D")
        await settle(pilot)
        assert _question(pilot).startswith("Delete Bruno Costa and 2 interactions, 1 post?")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ContactScreen)
        await pilot.press("D")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(pilot.app.screen, TodayScreen)
        await settle(pilot)
        assert "Bruno" not in terminal_text(pilot.app).replace("Deleted Bruno Costa", "")
    assert [c.name for c in list_contacts(ctx)] == ["Ana Souza"]


async def test_tags_notes_and_birthday_are_edited_in_the_form(ctx, open_app) -> None:
    person(ctx, "Ana Souza", last_call_days_ago=30)
    edit_contact(ctx, "ana", ContactFields(tags=("pycon",), notes="likes tea"))
    async with open_app() as pilot:
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        form = pilot.app.screen
        assert form.query_one("#tags", Input).value == "pycon"
        assert form.query_one("#notes", TextArea).text == "likes tea"
        await _replace(pilot, form.query_one("#birthday", Input), "1990-02-30")
        await pilot.press("enter")
        await settle(pilot)
        assert pilot.app.screen is form
        assert "is not a date" in str(form.query_one("#form-error", Label).render())
        await _replace(pilot, form.query_one("#birthday", Input), "1990-02-28")
        await _replace(pilot, form.query_one("#tags", Input), "PyCon, mentors")
        await _replace(pilot, form.query_one("#notes", TextArea), "likes tea\nhas two kids")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ContactScreen)
        assert "mentors, pycon" in terminal_text(pilot.app)
    detail = show_contact(ctx, "ana")
    assert detail.tags == ("mentors", "pycon")
    assert detail.notes == "likes tea\nhas two kids"
    assert detail.birthday == dt.date(1990, 2, 28)


async def test_the_slip_of_the_issue_saves_no_contact(ctx, open_app) -> None:
    """Typing "lked design systems ... someday" at the main screen opened Add contact
    and saved that phone. The form now shows the service's refusal and stays open."""
    async with open_app() as pilot:
        await pilot.press("a")
        await settle(pilot)
        form = pilot.app.screen
        await pilot.press(*"lked design systems", "tab", "tab", "tab", *"someday", "enter")
        await settle(pilot)
        assert pilot.app.screen is form
        error = str(form.query_one("#form-error", Label).render())
        assert error == "'someday' is not a phone number: use digits, spaces and + ( ) - ."
        await pilot.press("escape")
        await settle(pilot)
    assert list_contacts(ctx) == []


async def test_an_imported_phone_is_not_judged_again_by_an_edit_that_keeps_it(
    ctx, cli, open_app, tmp_path
) -> None:
    """An address book's "030/1234" is kept as imported (typed, it is refused); an edit
    that changes only the tags saves, and the phone stays as it was."""
    card = tmp_path / "ana.vcf"
    card.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Ana Souza\nTEL:030/1234\nEND:VCARD\n")
    assert cli("import", "vcard", str(card)).code == 0
    assert cli("triage", "ana", "a").code == 0
    async with open_app() as pilot:
        pilot.app.open_contact(list_contacts(ctx)[0].id)
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        form = pilot.app.screen
        assert form.query_one("#phone", Input).value == "030/1234"
        await _replace(pilot, form.query_one("#tags", Input), "berlin")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ContactScreen)
    detail = show_contact(ctx, "ana")
    assert (detail.summary.phone, detail.tags) == ("030/1234", ("berlin",))
