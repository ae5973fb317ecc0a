"""The main screen laid out from its content, at 80x24, 120x40 and 200x60: no cut without
`…`, panes sized by their rows, the selected row whole in the detail panel, empty panes
that say why, a header that keeps every fact on a narrow screen, the cursor moving on
after a call is done, and the two themes."""

from __future__ import annotations

import datetime as dt

import pytest
from rich.cells import cell_len
from rich.text import Text
from textual.widgets import Input, Static
from textual.widgets.data_table import ColumnKey

from netday.services.demo import seed_demo
from netday.services.invites import record_received
from netday.services.journal import log_interaction
from netday.services.posts import add_post
from netday.services.review import today_overview
from netday.ui.screens.dialogs import CallDoneForm
from netday.ui.screens.today import header_text
from netday.ui.themes import DARK, LIGHT
from netday.ui.widgets.detail import Detail, day
from netday.ui.widgets.panes import (
    CallsPane,
    Column,
    CommentsPane,
    InvitesPane,
    LogPane,
    Pane,
    fit_widths,
)
from tests.services.helpers import person
from tests.ui.conftest import settle, terminal_text

SIZES = [(80, 24), (120, 40), (200, 60)]
PANES = (CallsPane, CommentsPane, InvitesPane, LogPane)


def visible_cells(pane: Pane) -> list[tuple[str, int]]:
    """Each line of each cell on the pane's visible rows, with its column's width."""
    out: list[tuple[str, int]] = []
    top = 0
    for row_index in range(pane.row_count):
        row_key = pane._row_locations.get_key(row_index)
        height = pane.rows[row_key].height
        if top + height > pane.scrollable_content_region.height:
            break
        top += height
        for column, value in zip(pane.ordered_columns, pane.get_row_at(row_index), strict=True):
            for line in str(value).split("\n"):
                out.append((line, pane.columns[ColumnKey(column.key.value)].width))
    return out


def detail_text(pilot) -> str:
    return str(pilot.app.query_one(Detail).render())


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_cut_ends_in_an_ellipsis_and_everything_else_shows_whole(
    ctx, open_app, size
) -> None:
    seed_demo(ctx)
    async with open_app(size=size) as pilot:
        screen = terminal_text(pilot.app)
        checked = cut = 0
        for kind in PANES:
            for line, width in visible_cells(pilot.app.query_one(kind)):
                checked += 1
                if cell_len(line) <= width:
                    assert line in screen, f"{line!r} should show whole at {size}"
                    continue
                cut += 1
                shown = Text(line)
                shown.truncate(width, overflow="ellipsis")
                assert shown.plain.endswith("…") and shown.plain in screen, (line, size)
        assert checked > 40
        if size == (200, 60):
            # The extra room goes to the text: the demo's posts and steps fit whole.
            for text in (
                "We're hiring! Looking for people who care about B2B sales",
                "reply: How can I help you?",
                "Aisha Jovanović",
            ):
                assert text in screen
        if size == (80, 24):
            assert cut > 0  # the narrow screen does cut, and every cut said so


async def test_the_issue_cuts_are_gone_at_120x40(ctx, open_app) -> None:
    seed_demo(ctx)
    async with open_app(size=(120, 40)) as pilot:
        screen = terminal_text(pilot.app)
        assert "reply: How can I help you?" in screen
        assert "Aisha Jovanović" in screen
        for bare in ("Looking for p ", "How can I help yo ", "Aisha Jovanov "):
            assert bare not in screen


async def test_panes_share_the_rows_by_what_they_hold(ctx, open_app) -> None:
    seed_demo(ctx)  # 3 calls (2 lines each), 5 posts, 6 invitations, 2 logged touches
    async with open_app(size=(120, 40)) as pilot:
        app = pilot.app
        log, invites = app.query_one(LogPane), app.query_one(InvitesPane)
        assert log.row_count == 2
        assert log.outer_size.height <= 2 + 2 + 1  # its rows, its border, a line to spare
        assert invites.outer_size.height > 2 * log.outer_size.height
        for kind in PANES:
            pane = app.query_one(kind)
            assert pane.scrollable_content_region.height >= pane.rows_wanted(), kind.__name__
    async with open_app(size=(80, 24)) as pilot:
        for kind in PANES:  # even at 80x24, every demo row is on screen
            pane = pilot.app.query_one(kind)
            assert pane.scrollable_content_region.height >= pane.rows_wanted(), kind.__name__


async def test_an_empty_pane_is_small_and_says_why(ctx, open_app) -> None:
    ana = person(ctx, "Ana Souza", last_call_days_ago=1)  # next due in 20 days
    async with open_app(size=(200, 60)) as pilot:
        app = pilot.app
        screen = terminal_text(app)
        view = today_overview(ctx)
        assert ana.next_due is not None
        assert f"No calls today: next due Ana Souza on {day(view.next_due.due)}" in screen
        assert "Nothing to comment on: add a post with p" in screen
        assert "No invitations waiting: i sends one, g records one you got" in screen
        assert "Nothing logged today: l logs anything, or type on the line below" in screen
        for kind in (CallsPane, CommentsPane):
            pane = app.query_one(kind)
            assert pane.row_count == 0 and pane.selected() is None
        # An empty pane keeps to its line of reason; the fullest of a column takes the rest.
        assert app.query_one(CommentsPane).outer_size.height <= 1 + 2 + 1


async def test_without_contacts_the_calls_pane_says_how_to_add_them(ctx, open_app) -> None:
    record_received(ctx, name="Olga Novák", message="Hello!")  # not a first run: no welcome
    async with open_app(size=(200, 60)) as pilot:
        screen = terminal_text(pilot.app)
        assert "No contacts yet: a adds one, ^o imports your network" in screen


async def test_an_empty_pane_fills_when_the_data_arrives(ctx, open_app) -> None:
    person(ctx, "Ana Souza", last_call_days_ago=33)
    async with open_app(size=(120, 40)) as pilot:
        comments = pilot.app.query_one(CommentsPane)
        assert comments.is_empty
        add_post(ctx, "Ana Souza", "https://example.org/post/1", "On hiring designers")
        pilot.app.screen.action_reload()
        await settle(pilot)
        assert comments.row_count == 1 and not comments.is_empty
        assert "On hiring designers" in terminal_text(pilot.app)


async def test_the_detail_follows_the_cursor_and_the_focus(ctx, open_app) -> None:
    seed_demo(ctx)
    view = today_overview(ctx)
    async with open_app(size=(120, 40)) as pilot:
        first = view.plan.calls[0]
        assert first.last_talk is not None
        text = detail_text(pilot)
        assert text.startswith(first.contact.name)
        assert first.last_talk.summary in text and first.contact.phone in text
        await pilot.press("down")
        second = view.plan.calls[1]
        assert detail_text(pilot).startswith(second.contact.name)
        assert second.promise is not None and f"due {day(second.promise.due)}" in detail_text(pilot)

        await pilot.press("tab")  # Comments to write
        post = view.comments[0]
        text = detail_text(pilot)
        assert post.excerpt in text and post.url in text
        await pilot.press("down")
        assert view.comments[1].excerpt in detail_text(pilot)
        screen = terminal_text(pilot.app)
        assert view.comments[1].excerpt in screen and view.comments[1].url in screen

        await pilot.press("tab")  # Pending invites
        invite = view.invites[0]
        assert invite.message and invite.message in detail_text(pilot)
        assert invite.action_text and invite.action_text in detail_text(pilot)

        await pilot.press("tab")  # Interaction log
        logged = view.log[0]
        text = detail_text(pilot)
        assert logged.contact_name in text and logged.summary in text

        await pilot.press("tab")  # the quick-log line: the detail keeps the last pane's row
        assert isinstance(pilot.app.focused, Input)
        assert logged.contact_name in detail_text(pilot)


async def test_a_long_note_shows_whole_in_the_detail(ctx, open_app) -> None:
    person(ctx, "Ana Souza", last_call_days_ago=33)
    note = "Talked about the reorganisation, the two open roles and the offsite " * 2
    log_interaction(ctx, "ana", kind="email", summary=note.strip())
    async with open_app(size=(120, 40)) as pilot:
        await pilot.press("tab", "tab", "tab")  # the log
        assert isinstance(pilot.app.focused, LogPane)
        assert note.strip() in detail_text(pilot)
        assert pilot.app.query_one(LogPane).get_row_at(0)[3].plain == note.strip()


def promised(ctx) -> None:
    person(ctx, "Ana Souza", company="Acme", last_call_days_ago=33)
    person(ctx, "Bruno Martin", last_call_days_ago=25)
    person(ctx, "Chloé Dubois", last_call_days_ago=22)
    log_interaction(
        ctx,
        "ana",
        kind="meeting",
        at=ctx.now() - dt.timedelta(days=30),
        summary="She is hiring two designers",
        follow_up_on=ctx.today() + dt.timedelta(days=3),
    )


async def test_the_call_row_and_the_done_dialog_start_from_the_last_talk(ctx, open_app) -> None:
    promised(ctx)
    async with open_app(size=(120, 40)) as pilot:
        calls = pilot.app.query_one(CallsPane)
        row = calls.get_row_at(0)[1].plain
        name_line, context = row.split("\n")
        assert name_line.startswith("Ana Souza · ")
        assert (
            context
            == "Acme · last meeting 23 Oct: She is hiring two designers · follow-up due 25 Nov"
        )
        await pilot.press("d")
        await settle(pilot)
        form = pilot.app.screen
        assert isinstance(form, CallDoneForm)
        said = str(form.query_one("#call-context", Static).render())
        assert "meeting on Fri 23 Oct: She is hiring two designers" in said
        assert "follow-up due Wed 25 Nov" in said
        assert "She is hiring two designers" in terminal_text(pilot.app)


async def test_after_a_call_is_done_the_cursor_moves_to_the_next_open_call(ctx, open_app) -> None:
    promised(ctx)
    async with open_app(size=(120, 40)) as pilot:
        calls = pilot.app.query_one(CallsPane)
        names = [call.contact.name for call in calls.items.values()]
        assert names == ["Ana Souza", "Bruno Martin", "Chloé Dubois"]
        await pilot.press("down")  # Bruno first: the next open one after him is Chloé
        for expected in ("Chloé Dubois", "Ana Souza"):
            await pilot.press("d")
            await pilot.press(*"fine")
            await pilot.press("enter")
            await settle(pilot)
            selected = calls.selected()
            assert selected is not None and selected.contact.name == expected
            assert detail_text(pilot).startswith(expected)
        await pilot.press("d", *"last", "enter")
        await settle(pilot)
        selected = calls.selected()  # none left open: the cursor stays on the one done
        assert selected is not None and selected.contact.name == "Ana Souza"
        assert [c.status for c in calls.items.values()] == ["done"] * 3


@pytest.mark.parametrize("width", [80, 120, 200])
def test_the_header_keeps_every_fact_and_shortens_its_words(ctx, width) -> None:
    seed_demo(ctx)
    view = today_overview(ctx)
    text = header_text(view, width - 2, demo=True)
    assert cell_len(text) <= width - 2
    assert text.startswith("DEMO")
    assert "streak" in text and "0/3" in text and "30 m" in text
    if width >= 120:
        assert "Sunday 22 November 2026" in text and "streak 6 days" in text
    else:
        assert "Sun 22 Nov" in text


async def test_the_header_on_a_narrow_screen_keeps_the_streak(ctx, open_app) -> None:
    three = [person(ctx, n, last_call_days_ago=30) for n in ("Ana A", "Bob B", "Cem C")]
    assert len(three) == 3
    async with open_app(size=(80, 24)) as pilot:
        header = pilot.app.query_one("#day-header", Static)
        assert "streak 0 days" in str(header.render())
        await pilot.resize_terminal(40, 24)
        await settle(pilot)
        text = str(header.render())
        assert "0d streak" in text and cell_len(text) <= 38


async def test_ctrl_t_switches_between_the_light_and_the_dark_theme(ctx, open_app) -> None:
    person(ctx, "Ana Souza", last_call_days_ago=30)
    async with open_app() as pilot:
        assert pilot.app.theme == DARK.name
        await pilot.press("ctrl+t")
        assert pilot.app.theme == LIGHT.name and not pilot.app.current_theme.dark
        await pilot.press("ctrl+t")
        assert pilot.app.theme == DARK.name


def test_the_text_column_takes_the_room_and_names_give_way_last() -> None:
    columns = (Column(cap=5, least=3, optional=True), Column(cap=22, least=10), Column())
    # Room enough: data columns as wide as their data, the text the rest.
    assert fit_widths(columns, [3, 14, 60], 100, 2) == [3, 14, 100 - 6 - 17]
    # Narrow: the optional column goes first, then the name shrinks, never below least.
    assert fit_widths(columns, [3, 14, 60], 36, 2) == [None, 14, 36 - 4 - 14]
    assert fit_widths(columns, [3, 20, 60], 30, 2) == [None, 12, 14]
    assert fit_widths(columns, [3, 20, 60], 20, 2) == [None, 10, 6]
    # A short text never takes the names' room.
    assert fit_widths(columns, [3, 20, 8], 38, 2) == [3, 20, 38 - 6 - 23]


async def test_todays_few_calls_are_never_hidden_beside_fifty_posts(ctx, open_app) -> None:
    """Seen at 10,000 contacts: 50 posts to comment on took the column in proportion,
    and the Calls pane kept 3 lines for 3 calls of 2 lines each (the third hidden)."""
    seed_demo(ctx)  # 3 calls of 2 lines each
    for n in range(50):
        add_post(ctx, "Ana Souza", f"https://example.org/post/{n}", f"Post number {n}")
    async with open_app(size=(120, 40)) as pilot:
        calls = pilot.app.query_one(CallsPane)
        assert calls.row_count == 3
        assert calls.scrollable_content_region.height >= calls.rows_wanted() == 6
        comments = pilot.app.query_one(CommentsPane)
        assert comments.row_count >= 50  # the pane shows a bounded list
        assert comments.scrollable_content_region.height >= 20  # the fullest takes the rest
        screen = terminal_text(pilot.app)
        for call in today_overview(ctx).plan.calls:
            assert call.contact.name in screen
    async with open_app(size=(80, 24)) as pilot:  # and the posts keep a few rows
        calls, comments = pilot.app.query_one(CallsPane), pilot.app.query_one(CommentsPane)
        assert calls.scrollable_content_region.height >= 6
        assert comments.scrollable_content_region.height >= 3
