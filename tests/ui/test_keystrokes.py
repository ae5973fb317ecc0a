"""No keystroke is ever misdirected: a letter typed where text is typed is text, never
a command; quitting with typed text anywhere asks first; `?` toggles the keys panel;
`c`/Enter open the person of the focused pane's row; Escape closes every box, and every
screen but the main one says on its footer how to leave."""

from __future__ import annotations

import datetime as dt
import io
import threading
from collections.abc import Callable, Iterator

import pytest
from rich.console import Console
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Label, TextArea

from netday.services.contacts import show_contact
from netday.services.context import Context
from netday.services.invites import record_received, send_invite
from netday.services.journal import log_interaction
from netday.services.planner import plan_for
from netday.services.posts import add_post
from netday.services.review import review_day
from netday.services.views import ReviewView
from netday.ui.actions import SCOPE_TITLES, Scope
from netday.ui.screens.contact import ContactScreen
from netday.ui.screens.dialogs import Confirm
from netday.ui.screens.keys import KeysScreen
from netday.ui.screens.review import ReviewScreen
from netday.ui.screens.today import TodayScreen
from netday.ui.widgets.panes import CallsPane, CommentsPane, InvitesPane, LogPane
from tests.services.helpers import person
from tests.ui.conftest import settle, terminal_text

SENTENCE = "Made quick progress, asked Ana why: yes!"
"""Every key of the main screen's commands is in it (q, a, d, s, y, w, ...)."""


def a_day(ctx: Context) -> None:
    """Three calls planned, a post by a contact, invitations linked and not, a log line."""
    person(ctx, "Ana Souza", last_call_days_ago=30)
    person(ctx, "Bruno Costa", last_call_days_ago=40)
    person(ctx, "Chloé Dubois", last_call_days_ago=50)
    plan_for(ctx)
    add_post(ctx, "bruno", "https://example.com/p/1", "On hiring")
    send_invite(ctx, "Hi Ana, good to see you", name="Ana Souza")
    record_received(ctx, name="Paulo Lima", message="Hello!")
    log_interaction(ctx, "ana", kind="email", summary="sent the deck")


def running(pilot: Pilot[None]) -> bool:
    return pilot.app.return_code is None and pilot.app.is_running


def panel_text(panel: KeysScreen) -> str:
    """All the keys panel says, scrolled or not."""
    console = Console(width=90, file=io.StringIO(), record=True)
    console.print(panel.render_keys())
    return console.export_text()


def notifications(pilot: Pilot[None]) -> list[str]:
    return [n.message for n in pilot.app._notifications]


def footer_line(pilot: Pilot[None]) -> str:
    return terminal_text(pilot.app).rstrip("\n").splitlines()[-1]


# --- 1. typing is typing ------------------------------------------------------------


async def test_the_review_opens_on_the_reflection_and_a_q_typed_there_is_text(
    ctx, open_app
) -> None:
    a_day(ctx)
    async with open_app(size=(80, 24)) as pilot:
        await pilot.press("r")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ReviewScreen)
        note = screen.query_one("#reflection", Input)
        assert pilot.app.focused is note
        assert screen.can_view_entire(note), "the reflection is below the visible area"
        await pilot.press(*"Made quick progress")
        await settle(pilot)
        assert running(pilot) and pilot.app.screen is screen
        assert "Made quick progress" in terminal_text(pilot.app)
        await pilot.press("enter")
        await settle(pilot)
        assert running(pilot)
    assert review_day(ctx).note == "Made quick progress"


async def test_leaving_the_review_saves_the_reflection_typed(ctx, open_app) -> None:
    a_day(ctx)
    async with open_app(size=(80, 24)) as pilot:
        await pilot.press("r")
        await settle(pilot)
        await pilot.press(*"Two good calls", "escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, TodayScreen)
    assert review_day(ctx).note == "Two good calls"


async def _focus(pilot: Pilot[None], pane: type) -> None:
    pilot.app.screen.query_one(pane).focus()
    await pilot.pause()


async def open_in_pane(pilot: Pilot[None], pane: type, key: str) -> None:
    await _focus(pilot, pane)
    await pilot.press(key)


async def _share(p: Pilot[None]) -> None:
    """The share line of an opportunity Ana fits (tagged alike)."""
    from netday.services.contacts import ContactFields, edit_contact
    from netday.services.opportunities import add_opportunity

    ctx = p.app.ctx  # type: ignore[attr-defined]
    edit_contact(ctx, "ana", ContactFields(tags=("python",)))
    add_opportunity(ctx, "Python meetup", "event", tags=("python",))
    await p.press("o")
    await settle(p)
    await p.press("enter", "enter")


TYPING_PLACES: dict[str, Callable[[Pilot[None]], object]] = {
    "add contact": lambda p: p.press("a"),
    "log any interaction": lambda p: p.press("l"),
    "send an invitation": lambda p: p.press("i"),
    "add a post": lambda p: p.press("p"),
    "call done": lambda p: p.press("d"),
    "snooze": lambda p: p.press("z"),
    "minutes": lambda p: p.press("m"),
    "commented": lambda p: open_in_pane(p, CommentsPane, "d"),
    "invitation received": lambda p: open_in_pane(p, InvitesPane, "g"),
    "import": lambda p: p.press("ctrl+o"),
    "export": lambda p: p.press("ctrl+e"),
    "review": lambda p: p.press("r"),
    "edit a logged interaction": lambda p: open_in_pane(p, LogPane, "e"),
    "add an opportunity": lambda p: p.press("O"),
    "share an opportunity": _share,
}


@pytest.mark.parametrize("place", TYPING_PLACES)
async def test_no_letter_typed_in_a_text_field_runs_a_command(ctx, open_app, place) -> None:
    a_day(ctx)
    async with open_app(size=(80, 24)) as pilot:
        await TYPING_PLACES[place](pilot)  # type: ignore[misc]
        await settle(pilot)
        screen = pilot.app.screen
        for _ in range(5):  # to the first text field (a form may open on a choice)
            if isinstance(pilot.app.focused, Input):
                break
            await pilot.press("tab")
        field = pilot.app.focused
        assert isinstance(field, Input), f"{place}: no text field reached, {field!r}"
        before = field.value
        await pilot.press(*SENTENCE)
        await settle(pilot)
        assert running(pilot), f"{place}: a letter quit the app"
        assert pilot.app.screen is screen and pilot.app.focused is field, place
        if field.type == "text":
            assert field.value.endswith(SENTENCE) or field.value == before + SENTENCE, place


async def test_the_quick_log_line_takes_every_letter(ctx, open_app) -> None:
    a_day(ctx)
    async with open_app(size=(80, 24)) as pilot:
        line = pilot.app.screen.query_one("#quick-log", Input)
        line.focus()
        await pilot.press(*SENTENCE)
        await settle(pilot)
        assert running(pilot) and isinstance(pilot.app.screen, TodayScreen)
        assert line.value == SENTENCE


# --- 2. quitting with typed text asks first ------------------------------------------


async def test_q_quits_at_once_when_nothing_typed_is_unsaved(ctx, open_app) -> None:
    a_day(ctx)
    async with open_app() as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert pilot.app.return_code == 0


async def test_quitting_with_a_quick_log_line_typed_asks_first(ctx, open_app) -> None:
    a_day(ctx)
    async with open_app() as pilot:
        line = pilot.app.screen.query_one("#quick-log", Input)
        line.focus()
        await pilot.press(*"ana: coffee", "tab", "q")
        await settle(pilot)
        assert running(pilot)
        question = pilot.app.screen
        assert isinstance(question, Confirm)
        assert "the quick-log line “ana: coffee”" in str(
            question.query_one("#question", Label).render()
        )
        await pilot.press("n")
        await settle(pilot)
        assert running(pilot) and line.value == "ana: coffee"
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert isinstance(pilot.app.screen, Confirm)
        await pilot.press("y")
        await pilot.pause()
        assert pilot.app.return_code == 0


async def test_ctrl_q_in_a_form_with_typed_text_asks_and_escape_keeps_the_form(
    ctx, open_app
) -> None:
    a_day(ctx)
    async with open_app() as pilot:
        await pilot.press("d")
        await settle(pilot)
        form = pilot.app.screen
        await pilot.press(*"Talked about the move", "ctrl+q")
        await settle(pilot)
        question = pilot.app.screen
        assert isinstance(question, Confirm)
        text = str(question.query_one("#question", Label).render())
        assert "Call with Chloé Dubois: done" in text and "Talked about the move" in text
        await pilot.press("escape")
        await settle(pilot)
        assert running(pilot) and pilot.app.screen is form
        assert form.query_one("#note", Input).value == "Talked about the move"


async def test_notes_typed_in_the_contact_form_count_as_unsaved(ctx, open_app) -> None:
    a_day(ctx)
    async with open_app() as pilot:
        await pilot.press("a")
        await settle(pilot)
        pilot.app.screen.query_one("#notes", TextArea).focus()
        await pilot.press(*"Met at the quiet meetup", "ctrl+q")
        await settle(pilot)
        question = pilot.app.screen
        assert isinstance(question, Confirm) and running(pilot)
        assert "Met at the quiet meetup" in str(question.query_one("#question", Label).render())


async def test_quitting_from_the_palette_with_a_reflection_typed_asks_first(ctx, open_app) -> None:
    a_day(ctx)
    async with open_app() as pilot:
        await pilot.press("r")
        await settle(pilot)
        await pilot.press(*"Half a thought", "ctrl+q")
        await settle(pilot)
        question = pilot.app.screen
        assert isinstance(question, Confirm)
        assert "the reflection of Sunday 22 November 2026" in str(
            question.query_one("#question", Label).render()
        )
        await pilot.press("y")
        await pilot.pause()
        assert pilot.app.return_code == 0
    assert review_day(ctx).note == ""


async def test_the_palettes_quit_asks_too(ctx, open_app) -> None:
    a_day(ctx)
    async with open_app() as pilot:
        pilot.app.screen.query_one("#quick-log", Input).value = "bruno: lunch"
        await pilot.app.run_action("quit")
        await settle(pilot)
        assert isinstance(pilot.app.screen, Confirm) and running(pilot)


# --- 3. the keys panel ----------------------------------------------------------------


async def test_question_mark_toggles_the_keys_panel_and_escape_closes_it(ctx, open_app) -> None:
    a_day(ctx)
    async with open_app(size=(80, 24)) as pilot:
        calls = pilot.app.screen.query_one(CallsPane)
        size = calls.size
        await pilot.press("question_mark")
        await settle(pilot)
        panel = pilot.app.screen
        assert isinstance(panel, KeysScreen)
        assert calls.size == size, "the panel squeezes the panes"
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(pilot.app.screen, TodayScreen)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(pilot.app.screen, KeysScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, TodayScreen) and running(pilot)


async def test_the_keys_panel_lists_netdays_keys_by_where_they_apply(ctx, open_app) -> None:
    a_day(ctx)
    async with open_app(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        await settle(pilot)
        panel = pilot.app.screen
        assert isinstance(panel, KeysScreen)
        shown = panel_text(panel)
    titles = ["Everywhere", "Today's screen", "Today's calls", "Comments to write"]
    titles += ["Pending invites", "Interaction log"]
    assert [shown.index(t) for t in titles] == sorted(shown.index(t) for t in titles)
    assert "Today's calls  (where the focus is)" in shown
    assert "Mark the call done, with a quick note" in shown
    for generic in ("Scroll", "Cursor", "cursor_up", "page_down", "select_cursor"):
        assert generic not in shown


async def test_the_keys_panel_follows_a_keymap(ctx, open_app) -> None:
    a_day(ctx)
    async with open_app(size=(120, 40)) as pilot:
        pilot.app.set_keymap({"today.review": "v"})
        await pilot.press("question_mark")
        await settle(pilot)
        panel = pilot.app.screen
        assert isinstance(panel, KeysScreen)
        lines = panel_text(panel).splitlines()
    review = next(line for line in lines if "Planned vs done" in line)
    assert " v " in review and " r " not in review


# --- 4. c and Enter open the person of the focused pane --------------------------------


async def _opened(pilot: Pilot[None], key: str) -> int | None:
    await pilot.press(key)
    await settle(pilot)
    screen = pilot.app.screen
    if not isinstance(screen, ContactScreen):
        return None
    await pilot.press("escape")
    await settle(pilot)
    return screen.contact_id


async def test_c_and_enter_open_the_person_of_the_focused_panes_row(ctx, open_app) -> None:
    a_day(ctx)
    ana, bruno, chloe = (show_contact(ctx, n).summary.id for n in ("ana", "bruno", "chloe"))
    async with open_app() as pilot:
        screen = pilot.app.screen
        assert await _opened(pilot, "c") == chloe  # the first call: the most overdue

        await _focus(pilot, CommentsPane)
        assert await _opened(pilot, "c") == bruno  # the post's author

        await _focus(pilot, LogPane)
        log = screen.query_one(LogPane)
        row = next(i for i in range(log.row_count) if "email" in str(log.get_row_at(i)[1]))
        log.move_cursor(row=row)
        assert await _opened(pilot, "c") == ana
        assert await _opened(pilot, "enter") == ana

        await _focus(pilot, InvitesPane)
        invites = screen.query_one(InvitesPane)
        names = [str(invites.get_row_at(i)[2]) for i in range(invites.row_count)]
        invites.move_cursor(row=names.index("Ana Souza"))
        assert await _opened(pilot, "c") == ana
        assert await _opened(pilot, "enter") == ana

        invites.move_cursor(row=names.index("Paulo Lima"))
        assert await _opened(pilot, "c") is None
        assert isinstance(pilot.app.screen, TodayScreen)
        assert "Paulo Lima is not linked to a contact." in notifications(pilot)


# --- 5. Escape closes every box; every footer says how to leave ------------------------


async def _contact(p: Pilot[None]) -> None:
    await p.press("c")


async def _merge(p: Pilot[None]) -> None:
    await p.press("c")
    await settle(p)
    await p.press("m")


async def _withdraw(p: Pilot[None]) -> None:
    await open_in_pane(p, InvitesPane, "w")


LEAVING: dict[str, tuple[Callable[[Pilot[None]], object], str]] = {
    **{place: (opener, "esc Close") for place, opener in TYPING_PLACES.items()},
    "review": (lambda p: p.press("r"), "esc Back"),
    "contact": (_contact, "esc Back"),
    "triage": (lambda p: p.press("t"), "esc Back"),
    "opportunities": (lambda p: p.press("o"), "esc Back"),
    "merge": (_merge, "esc Close"),
    "confirm": (_withdraw, "esc Close"),
    "keys": (lambda p: p.press("question_mark"), "esc Close"),
}


@pytest.mark.parametrize("place", LEAVING)
async def test_escape_leaves_every_screen_and_its_footer_says_so(ctx, open_app, place) -> None:
    a_day(ctx)
    opener, footer = LEAVING[place]
    async with open_app(size=(80, 24)) as pilot:
        await opener(pilot)  # type: ignore[misc]
        await settle(pilot)
        opened: Screen[object] = pilot.app.screen
        assert not isinstance(opened, TodayScreen), place
        assert footer_line(pilot).lstrip().startswith(footer), footer_line(pilot)
        while pilot.app.screen is not pilot.app.screen_stack[0]:
            await pilot.press("escape")
            await settle(pilot)
        assert isinstance(pilot.app.screen, TodayScreen) and running(pilot)


async def test_escape_closes_the_welcome(ctx, open_app) -> None:
    async with open_app(size=(80, 24)) as pilot:
        assert footer_line(pilot).lstrip().startswith("esc Close")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, TodayScreen)


# --- 6. errors in a box wrap ------------------------------------------------------------


async def test_a_long_refusal_in_a_form_is_shown_whole_at_80x24(ctx, open_app) -> None:
    a_day(ctx)
    async with open_app(size=(80, 24)) as pilot:
        await pilot.press("a")
        await settle(pilot)
        form = pilot.app.screen
        form.query_one("#name", Input).value = "Dora Lee"
        form.query_one("#cadence", Input).value = "whenever it suits"
        await pilot.press("ctrl+s")
        await settle(pilot)
        label = form.query_one("#form-error", Label)
        error = str(label.render())
        assert "say e.g. 'every 10 days', '3 weeks'" in error
        frame = terminal_text(pilot.app)
        area = label.region
    # What the terminal shows where the error sits (the main screen shows around the box).
    shown = [line[area.x : area.right] for line in frame.splitlines()[area.y : area.bottom]]
    assert " ".join(error.split()) in " ".join(" ".join(shown).split())


async def test_escape_waits_for_a_running_export(ctx, open_app, tmp_path, monkeypatch) -> None:
    """An export cannot stop half-way: Escape says so and the box stays until it ends."""
    a_day(ctx)
    release = threading.Event()

    def slow_chunks(ctx_: Context, fmt: str) -> Iterator[str]:
        release.wait(10)
        yield "BEGIN:VCARD\r\nEND:VCARD\r\n"

    monkeypatch.setattr("netday.io.transfer.export_chunks", slow_chunks)
    async with open_app() as pilot:
        await pilot.press("ctrl+e")
        await settle(pilot)
        box = pilot.app.screen
        box.query_one("#export-path", Input).value = str(tmp_path / "out.vcf")
        await pilot.press("ctrl+s", "escape")
        await pilot.pause()
        assert pilot.app.screen is box
        assert "Still running; it finishes on its own in a moment." in notifications(pilot)
        release.set()
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, TodayScreen)
    assert (tmp_path / "out.vcf").exists()


async def test_a_reflection_typed_before_the_day_is_read_is_kept(
    ctx, open_app, monkeypatch
) -> None:
    a_day(ctx)
    release = threading.Event()

    def slow_review_day(
        ctx_: Context, day: dt.date | None = None, circle: str | None = None
    ) -> ReviewView:
        release.wait(10)
        return review_day(ctx_, day, circle)

    monkeypatch.setattr("netday.ui.screens.review.review_day", slow_review_day)
    async with open_app() as pilot:
        await pilot.press("r")
        await pilot.pause()
        await pilot.press(*"Early words")
        release.set()
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ReviewScreen) and screen.review is not None
        assert screen.query_one("#reflection", Input).value == "Early words"


async def test_show_all_keys_from_the_palette_toggles_the_panel_too(ctx, open_app) -> None:
    a_day(ctx)
    async with open_app() as pilot:
        await pilot.app.run_action("keys")
        await settle(pilot)
        assert isinstance(pilot.app.screen, KeysScreen)
        await pilot.app.run_action("keys")
        await settle(pilot)
        assert isinstance(pilot.app.screen, TodayScreen)


def test_every_scope_has_a_title_in_the_keys_panel() -> None:
    assert set(SCOPE_TITLES) == set(Scope)
