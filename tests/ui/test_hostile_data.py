"""Data is text on every screen: markup shows literally, escape sequences never reach the
terminal, and nothing crashes the app.

Each test opens the real app over data carrying markup-shaped names (`Ana [/]`,
`Bob [PhD]`, `[@click=app.quit]x[/]`, `[link=…]`) and a title, clipboard, clear-screen,
OSC 8, SGR and C1 sequence in every text field (tests/hostile_data.py), presses the keys
that show it, and checks the frame written to the terminal (`terminal_text`) as well as
the widgets' own text.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Label, OptionList, Static

from netday.ui.screens.contact import ContactScreen
from netday.ui.screens.contact_form import ContactForm
from netday.ui.screens.dialogs import CallDoneForm
from netday.ui.screens.insights import InsightsScreen
from netday.ui.screens.network_forms import CommentForm, LogForm
from netday.ui.screens.people import PeopleList, PeopleScreen
from netday.ui.screens.review import ReviewScreen
from netday.ui.screens.transfer import ExportScreen, ImportScreen
from netday.ui.screens.triage import TriageScreen
from netday.ui.widgets.detail import Detail
from netday.ui.widgets.panes import CallsPane, CommentsPane, InvitesPane, LogPane
from tests.hostile_data import ANA, BOB, CLICK, DEE, LINKED, TITLE, controls_in, poison
from tests.ui.conftest import settle, terminal_text, wait_until

SHOWN_TITLE = "^[]0;pwned-title^G"


def row(table: DataTable[object], index: int) -> list[str]:
    return [str(cell) for cell in table.get_row_at(index)]


def shown(pilot: Pilot[None]) -> str:
    """The frame on the terminal, after checking that the app is alive and that no
    control character from the data is in it."""
    assert pilot.app.is_running and pilot.app.return_code is None
    text = terminal_text(pilot.app)
    assert controls_in(text) == []
    return text


def notifications(pilot: Pilot[None]) -> list[str]:
    return [n.message for n in pilot.app._notifications]


async def test_the_main_screen_panes(ctx, open_app) -> None:
    poison(ctx)
    async with open_app() as pilot:
        screen = shown(pilot)
        assert ANA + SHOWN_TITLE in screen and BOB + SHOWN_TITLE in screen
        app = pilot.app
        calls = row(app.query_one(CallsPane), 0)[1]
        assert calls.startswith(ANA + SHOWN_TITLE) and CLICK in calls  # the company
        detail = str(app.query_one("#detail", Static).render())  # the role is in the detail
        assert detail.startswith(ANA + SHOWN_TITLE) and LINKED in detail
        assert row(app.query_one(CallsPane), 1)[1].startswith(BOB)
        comment = row(app.query_one(CommentsPane), 0)
        assert comment[1].startswith(BOB) and comment[2].startswith(LINKED + " ^[]0;")
        assert row(app.query_one(InvitesPane), 0)[2] == "Cara [/]" + SHOWN_TITLE
        log = row(app.query_one(LogPane), 0)
        assert log[2].startswith(DEE) and log[3].startswith(f"{CLICK} said ^[]0;")


async def test_the_contact_screen_and_its_edit_form(ctx, open_app) -> None:
    poison(ctx)
    async with open_app() as pilot:
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ContactScreen)
        screen = shown(pilot)
        assert ANA + SHOWN_TITLE in screen
        profile = str(pilot.app.screen.query_one("#profile", Static).render())
        assert profile.startswith(ANA + SHOWN_TITLE) and LINKED + "^[[2J" in profile
        assert "met at a talk ^[]8;;https://evil.example/^[\\click me" in profile
        timeline = pilot.app.screen.query_one("#timeline", DataTable)
        assert row(timeline, 0)[3].startswith(CLICK)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ContactForm)
        assert "Edit " + ANA + SHOWN_TITLE in shown(pilot)
        name = pilot.app.screen.query_one("#name", Input).value
        assert name.startswith(ANA + "]0;pwned-title]52;c;") and controls_in(name) == []


async def test_the_review_and_triage_screens(ctx, open_app) -> None:
    poison(ctx)
    async with open_app() as pilot:
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ReviewScreen)
        # The name fills its column (cut with … past 28 cells): shown escaped, kept whole.
        assert DEE + SHOWN_TITLE[:12] in shown(pilot)
        log = row(pilot.app.screen.query_one("#review-log", DataTable), 0)
        assert log[2].startswith(DEE + SHOWN_TITLE) and log[4].startswith(CLICK)
        await pilot.press("escape", "t")
        await settle(pilot)
        assert isinstance(pilot.app.screen, TriageScreen)
        assert DEE + SHOWN_TITLE in shown(pilot)
        card = str(pilot.app.screen.query_one("#triage-card", Static).render())
        assert card.startswith(DEE + SHOWN_TITLE) and LINKED in card


async def test_the_people_screen(ctx, open_app) -> None:
    """Names and companies as data, and a company filter typed with markup in it."""
    poison(ctx)
    async with open_app() as pilot:
        await pilot.press("P")
        await settle(pilot)
        assert isinstance(pilot.app.screen, PeopleScreen)
        screen = shown(pilot)
        assert ANA + SHOWN_TITLE in screen and CLICK[:10] in screen
        rows_shown = [row(pilot.app.screen.query_one(PeopleList), i) for i in range(3)]
        assert {r[0].split("^")[0] for r in rows_shown} == {ANA, BOB, DEE}
        await pilot.press("o", *"[b]", "enter")
        await settle(pilot)
        assert "company: [b]" in shown(pilot)
        await pilot.press("o", "ctrl+u", *"initech", "enter")  # Bob's, renamed [@click…]
        await settle(pilot)
        assert row(pilot.app.screen.query_one(PeopleList), 0)[0].startswith(BOB)


async def test_dialogs_palette_and_notifications(ctx, open_app) -> None:
    poison(ctx)
    async with open_app() as pilot:
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(pilot.app.screen, CallDoneForm)
        assert f"Call with {ANA}{SHOWN_TITLE}" in shown(pilot)
        await pilot.press("escape", "tab")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, CommentForm)
        assert f"Commented on {BOB}{SHOWN_TITLE}" in shown(pilot)
        await pilot.press("escape", "l", *"bob")
        await settle(pilot)
        assert isinstance(pilot.app.screen, LogForm)
        matches = pilot.app.screen.query_one("#matches", OptionList)
        assert str(matches.get_option_at_index(0).prompt).startswith(BOB + SHOWN_TITLE)
        assert f"[PhD]{SHOWN_TITLE}" in shown(pilot)  # the option wraps after "Bob"
        await pilot.press("escape", "ctrl+p", *"ana")
        await wait_until(pilot, lambda: ANA + SHOWN_TITLE in shown(pilot))
        assert ANA + SHOWN_TITLE in shown(pilot)
        # A search by what was written shows the words around the match as text
        await pilot.press("escape", "slash", *"talk")
        await wait_until(pilot, lambda: "note: met at a talk" in shown(pilot))
        # (the snippet is one line with the control characters gone, the rest as text)
        assert "note: met at a talk ]8;;https://evil.example/\\click me]8;;\\" in shown(pilot)
        await pilot.press("escape")
        pilot.app.query_one("#quick-log", Input).value = "ana: [@click=app.quit]hello[/]"
        pilot.app.query_one("#quick-log", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        logged = [m for m in notifications(pilot) if m.startswith("Logged")]
        assert len(logged) == 1 and logged[0].startswith(f"Logged a note about {ANA}{SHOWN_TITLE}")
        assert logged[0].endswith("^[[1;31m?2J?0;c1-title?.")
        shown(pilot)


async def test_import_and_export_summaries_show_paths_as_typed(ctx, open_app, tmp_path) -> None:
    poison(ctx)
    folder = tmp_path / "odd [b] [PhD] folder"  # no "/" in a folder's name, so no "[/]"
    folder.mkdir()
    async with open_app() as pilot:
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ExportScreen)
        pilot.app.screen.query_one("#export-path", Input).value = str(folder / "out.vcf")
        await pilot.press("enter")
        await settle(pilot)
        summary = str(pilot.app.screen.query_one("#transfer-summary", Static).render())
        assert summary.startswith(f"Wrote {folder / 'out.vcf'}")
        assert any(m.startswith(f"Wrote {folder}") for m in notifications(pilot))
        shown(pilot)
        await pilot.press("escape", "ctrl+o")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ImportScreen)
        missing = Path(folder / "[@click=app.quit]x[/].zip")
        pilot.app.screen.query_one("#import-path", Input).value = str(missing)
        await pilot.press("enter")
        await settle(pilot)
        assert "[@click=app.quit]x[/].zip" in str(
            pilot.app.screen.query_one("#form-error").render()
        )
        shown(pilot)


async def test_the_log_entry_form_and_the_keys_panel(ctx, open_app) -> None:
    """Issue 10's new screens over hostile data: the form that corrects a logged entry
    (pre-filled with its note) and the keys panel."""
    from netday.ui.screens.interaction_form import InteractionForm
    from netday.ui.screens.keys import KeysScreen

    poison(ctx)
    async with open_app() as pilot:
        log = pilot.app.query_one(LogPane)
        assert log.row_count
        log.focus()
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, InteractionForm))
        await settle(pilot)
        note = pilot.app.screen.query_one("#note", Input).value
        assert controls_in(note) == []
        shown(pilot)
        await pilot.press("escape", "question_mark")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, KeysScreen))
        shown(pilot)


async def test_promises_in_the_call_row_the_detail_and_the_call_done_dialog(ctx, open_app) -> None:
    poison(ctx)
    async with open_app() as pilot:
        await pilot.press("down")
        await settle(pilot)
        assert f"owed {CLICK} owed ^[]0;" in row(pilot.app.query_one(CallsPane), 1)[1]
        panel = pilot.app.query_one("#detail", Detail)
        assert f"promise they owe {CLICK} owed ^[]0;pwned-title^G" in str(panel.whole)
        assert str(panel.render()).endswith("…")  # too long for the panel: cut, and says so
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(pilot.app.screen, CallDoneForm)
        context = str(pilot.app.screen.query_one("#call-context", Static).render())
        assert f"they owe {CLICK} owed ^[]0;pwned-title^G" in context
        assert f"they owe {CLICK} owed" in shown(pilot)


async def test_hostile_endorsements_reach_the_import_summary_and_the_timeline_as_text(
    ctx, open_app, tmp_path
) -> None:
    """A skill name and a recommender's name carrying markup and escape sequences: stored
    without control characters, shown literally in the import summary (the unmatched
    recommender)."""
    from tests.io.linkedin_export import (
        connections_csv,
        endorsements_csv,
        recommendations_csv,
        write_zip,
    )

    url = "https://www.linkedin.com/in/ana-hostile"
    files = {
        "Connections.csv": connections_csv([("Ana", "Hostile", url, "", "", "", "15 Mar 2023")]),
        "Endorsement_Received_Info.csv": endorsements_csv(
            False,
            [
                (
                    "2026/11/02 10:00:00 UTC",
                    f"{CLICK} {TITLE}",
                    "Ana",
                    "Hostile",
                    "www.linkedin.com/in/ana-hostile",
                    "ACCEPTED",
                )
            ],
        ),
        "Recommendations_Received.csv": recommendations_csv(
            False, [(f"{LINKED}{TITLE}", DEE, "", "", "x", "11/18/26, 09:15 AM", "VISIBLE")]
        ),
    }
    export = write_zip(tmp_path / "hostile.zip", files)
    async with open_app() as pilot:
        await pilot.press("i")
        await settle(pilot)
        pilot.app.screen.query_one("#import-path", Input).value = str(export)
        await pilot.press("enter")
        await settle(pilot)
        summary = str(pilot.app.screen.query_one("#transfer-summary", Static).render())
        # The name as cleaned (escape and bell out), shown literally: markup is text.
        assert f"1 recommendations: {LINKED}]0;pwned-title {DEE}" in summary
        assert "endorsements: 1 added" in summary
        assert LINKED in shown(pilot)
    with ctx.db.reading() as session:
        from sqlalchemy import select

        from netday.store.models import Interaction

        (summary_stored,) = session.scalars(select(Interaction.summary)).all()
    assert summary_stored.startswith(f"Endorsed you for {CLICK}")
    assert controls_in(summary_stored) == []


async def test_the_insights_screen(ctx, open_app) -> None:
    poison(ctx)
    async with open_app() as pilot:
        await pilot.press("I")
        await settle(pilot)
        assert isinstance(pilot.app.screen, InsightsScreen)
        shown(pilot)
        drifting = pilot.app.screen.query_one("#insights-drifting", DataTable)
        late = [row(drifting, i) for i in range(drifting.row_count)]
        assert any(r[1].startswith(BOB) and r[2].startswith(CLICK) for r in late)
        companies = pilot.app.screen.query_one("#insights-companies", DataTable)
        companies.focus()
        await settle(pilot)
        text = shown(pilot)
        assert CLICK in text and SHOWN_TITLE in text


async def test_a_birthday_row_and_an_unanswered_call_in_the_log(ctx, open_app) -> None:
    """Issue 11's words beside hostile data: the plan row that says "birthday today"
    and the log's "no answer · " before a hostile note, the contact form's connection
    date field."""
    import datetime as dt

    from netday.services.contacts import ContactFields, edit_contact
    from netday.services.journal import log_interaction

    ids = poison(ctx)
    edit_contact(ctx, str(ids["ana"]), ContactFields(birthday=dt.date(1990, 11, 22)))
    log_interaction(ctx, str(ids["bob"]), kind="call", outcome="no-answer", summary=CLICK)
    async with open_app() as pilot:
        screen = shown(pilot)
        assert "birthday today" in screen
        calls = row(pilot.app.query_one(CallsPane), 0)[1]
        assert calls.startswith(ANA + SHOWN_TITLE) and "birthday today" in calls
        log = [row(pilot.app.query_one(LogPane), r) for r in range(2)]
        assert any(cells[-1] == f"no answer · {CLICK}" for cells in log), log
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ContactForm)
        assert pilot.app.screen.query_one("#connected", Input).value == ""
        shown(pilot)


async def test_opportunities_their_proposals_and_the_share_line(ctx, open_app) -> None:
    from netday.ui.screens.opportunities import Opportunities, Proposals, ShareForm
    from tests.hostile_data import poison_opportunity

    ids = poison(ctx)
    poison_opportunity(ctx, ids["bob"])
    async with open_app() as pilot:
        assert "1 to pass on" in shown(pilot)
        await pilot.press("o")
        await settle(pilot)
        screen = shown(pilot)
        assert f"{CLICK} talk {SHOWN_TITLE}" in screen
        app = pilot.app
        assert row(app.screen.query_one(Opportunities), 0)[2].startswith(f"{CLICK} talk ^[]0;")
        about = str(app.screen.query_one("#opportunity-about", Static).render())
        assert f"#{CLICK}^[[1;31m" in about and f"{LINKED} {SHOWN_TITLE}" in about
        assert f"shared with {BOB}{SHOWN_TITLE}" in about
        fits = app.screen.query_one(Proposals)
        assert row(fits, 0)[0].startswith(ANA + SHOWN_TITLE)
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ShareForm)
        assert CLICK in shown(pilot) and ANA in shown(pilot)
        app.screen.query_one("#line", Input).value = f"Ana {CLICK} \x1b]0;x\x07"
        await pilot.press("enter")
        await settle(pilot)
        shown(pilot)
        assert not isinstance(app.screen, ShareForm)


async def test_events_their_people_and_the_line_when_met(ctx, open_app) -> None:
    from netday.ui.screens.dialogs import Confirm
    from netday.ui.screens.events import EventForm, EventPeople, Events, MetForm
    from tests.hostile_data import poison_event

    ids = poison(ctx)
    poison_event(ctx, [ids["bob"], ids["ana"]])
    async with open_app() as pilot:
        assert "summit" in shown(pilot)  # today's plan: "at ... summit ... today"
        await pilot.press("e")
        await settle(pilot)
        screen = shown(pilot)
        assert f"{CLICK} summit {SHOWN_TITLE}" in screen
        app = pilot.app
        assert row(app.screen.query_one(Events), 0)[1].startswith(f"{CLICK} summit ^[]0;")
        about = str(app.screen.query_one("#event-about", Static).render())
        assert f"{LINKED} {SHOWN_TITLE}" in about
        people = app.screen.query_one(EventPeople)
        assert row(people, 0)[0].startswith(ANA + SHOWN_TITLE)
        assert row(people, 1)[2].startswith(f"{CLICK} ^[]0;")
        await pilot.press("enter", "m")
        await settle(pilot)
        assert isinstance(app.screen, MetForm)
        assert ANA in shown(pilot)
        app.screen.query_one("#line", Input).value = f"Ana {CLICK} \x1b]0;x\x07"
        await pilot.press("enter")
        await settle(pilot)
        shown(pilot)
        assert not isinstance(app.screen, MetForm)
        await pilot.press("e")  # the edit form's heading and fields: the title as text
        await settle(pilot)
        assert isinstance(app.screen, EventForm)
        assert app.screen.query_one("#title", Input).value.startswith(f"{CLICK} summit ]0;")
        assert f"Edit {CLICK} summit {SHOWN_TITLE}" in shown(pilot)
        await pilot.press("escape", "x")  # the question before deleting it
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        question = str(app.screen.query_one("#question", Label).render())
        assert question.startswith(f"Delete the event {CLICK} summit {SHOWN_TITLE}")
        shown(pilot)
        await pilot.press("n")
