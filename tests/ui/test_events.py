"""Events from the keyboard: e opens them (and the palette), the selected event's people
to meet first; after the event, m logs each met with an optional line (one key each,
the cursor on the next to meet), i opens the invitation form about them and f a
promise or follow-up; u takes the last change back."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from textual.widgets import Input, Label, Static

from netday.services import events as ev
from netday.services.contacts import ContactFields, add_contact
from netday.store.models import EventPerson, Interaction, Promise
from netday.ui.screens.dialogs import Confirm
from netday.ui.screens.events import EventForm, EventPeople, Events, EventsScreen, MetForm
from netday.ui.screens.network_forms import InviteForm
from netday.ui.screens.promise_form import PromiseForm
from netday.ui.screens.today import TodayScreen
from tests.services.test_undo import dump
from tests.ui.conftest import palette_offers, settle, terminal_text, wait_until


def people(screen: EventsScreen) -> list[tuple[str, ...]]:
    table = screen.query_one(EventPeople)
    return [tuple(map(str, table.get_row_at(i))) for i in range(table.row_count)]


def summit(ctx) -> int:
    for name in ("Ana Souza", "Bo Lind", "Cy Old"):
        add_contact(ctx, ContactFields(full_name=name))
    found = ev.add_event(ctx, "Web Summit", ctx.today(), place="Lisbon")
    ev.add_event(ctx, "PyData", ctx.today() - dt.timedelta(days=10))
    ev.plan_to_meet(ctx, found.id, ["ana", "bo", "cy"])
    return found.id


async def test_met_is_one_key_each_with_an_optional_line(ctx, open_app) -> None:
    summit(ctx)
    async with open_app(size=(80, 24)) as pilot:
        await pilot.press("e")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, EventsScreen)
        listed = screen.query_one(Events)
        assert [str(listed.get_row_at(i)[1]) for i in range(listed.row_count)] == [
            "Web Summit",
            "PyData",
        ]
        about = str(screen.query_one("#event-about", Static).render())
        assert "Lisbon · 3 to meet, 0 met" in about
        await pilot.press("enter")  # to the people
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(pilot.app.screen, MetForm)
        await pilot.press(*"hiring in Q1", "enter")
        await settle(pilot)
        await pilot.press("m", "enter")  # the next to meet, no line
        await settle(pilot)
        assert people(screen) == [
            ("Cy Old", "to meet", ""),
            ("Ana Souza", "met 22 Nov", "hiring in Q1"),
            ("Bo Lind", "met 22 Nov", ""),
        ]
        assert screen.query_one(EventPeople).cursor_row == 0
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, TodayScreen)
    with ctx.db.reading() as s:
        logged = s.execute(select(Interaction.kind, Interaction.summary)).all()
    assert logged == [("event", "Met at Web Summit: hiring in Q1"), ("event", "Met at Web Summit")]


async def test_invite_and_follow_up_from_a_person_met(ctx, open_app) -> None:
    event = summit(ctx)
    ev.mark_met(ctx, event, "ana")
    async with open_app() as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"events: plan")
        await wait_until(pilot, lambda: palette_offers(pilot, "Events"))
        await pilot.press("enter")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, EventsScreen)
        await pilot.press("enter", "down", "down")  # Ana, met, last
        await pilot.press("i")
        await settle(pilot)
        form = pilot.app.screen
        assert isinstance(form, InviteForm)
        assert form.query_one("#who", Input).value == "Ana Souza"
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        promise = pilot.app.screen
        assert isinstance(promise, PromiseForm)
        promise.query_one("#what", Input).value = "the deck"
        promise.query_one("#due", Input).value = "friday"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert pilot.app.screen is screen
    with ctx.db.reading() as s:
        owed = s.execute(select(Promise.contact_id, Promise.what, Promise.due_on)).all()
    assert owed == [(1, "the deck", dt.date(2026, 11, 27))]


async def test_add_plan_and_undo(ctx, open_app) -> None:
    add_contact(ctx, ContactFields(full_name="Ana Souza"))
    async with open_app() as pilot:
        await pilot.press("e")
        await settle(pilot)
        screen = pilot.app.screen
        await pilot.press("a")
        await settle(pilot)
        form = pilot.app.screen
        form.query_one("#title", Input).value = "Meetup"
        form.query_one("#place", Input).value = "Porto"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert pilot.app.screen is screen
        before = dump(ctx)
        await pilot.press("p")
        await settle(pilot)
        await pilot.press(*"ana")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert people(screen) == [("Ana Souza", "to meet", "")]
        await pilot.press("u")
        await settle(pilot)
        assert dump(ctx) == before


def titles(screen: EventsScreen) -> list[str]:
    listed = screen.query_one(Events)
    return [str(listed.get_row_at(i)[1]) for i in range(listed.row_count)]


async def test_edit_opens_the_add_form_filled_refuses_as_it_does_and_undoes(ctx, open_app) -> None:
    event = summit(ctx)
    async with open_app(size=(80, 24)) as pilot:
        await pilot.press("e")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, EventsScreen)
        before = dump(ctx)  # opening the app made the day's plan
        await pilot.press("e")
        await settle(pilot)
        form = pilot.app.screen
        assert isinstance(form, EventForm)
        assert [form.query_one(f"#{f}", Input).value for f in ("title", "on", "place", "url")] == [
            "Web Summit",
            "2026-11-22",
            "Lisbon",
            "",
        ]
        form.query_one("#title", Input).value = ""
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert pilot.app.screen is form  # refused as on add, shown in the form
        assert "give the event a title" in str(form.query_one("#form-error", Label).render())
        form.query_one("#title", Input).value = "Web Summit 2026"
        form.query_one("#on", Input).value = "tomorrow"
        form.query_one("#place", Input).value = "Arena"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert pilot.app.screen is screen
        assert titles(screen) == ["Web Summit 2026", "PyData"]
        assert "Arena · 3 to meet, 0 met" in str(screen.query_one("#event-about", Static).render())
        assert [str(c.label) for c in screen.query_one(EventPeople).columns.values()] == [
            "Who",
            "Status",
            "Line",
        ]
        shown = ev.event_detail(ctx, event).event
        assert (shown.title, shown.on_date, shown.place) == (
            "Web Summit 2026",
            dt.date(2026, 11, 23),
            "Arena",
        )
        await pilot.press("u")
        await settle(pilot)
        assert titles(screen) == ["Web Summit", "PyData"]
    assert dump(ctx) == before


async def test_delete_asks_naming_what_goes_and_undo_restores_it(ctx, open_app) -> None:
    event = summit(ctx)
    ev.mark_met(ctx, event, "ana")
    async with open_app() as pilot:
        before = dump(ctx)  # opening the app made the day's plan
        await pilot.press("e")
        await settle(pilot)
        screen = pilot.app.screen
        await pilot.press("x")
        await settle(pilot)
        asked = pilot.app.screen
        assert isinstance(asked, Confirm)
        question = str(asked.query_one("#question", Label).render())
        assert question == (
            "Delete the event Web Summit (Sun 22 Nov)? Its people go with it: 3 planned to"
            " meet, 1 met. The meetings logged stay in the log."
        )
        await pilot.press("n")
        await settle(pilot)
        assert dump(ctx) == before
        await pilot.press("delete", "y")
        await settle(pilot)
        assert pilot.app.screen is screen
        assert titles(screen) == ["PyData"]
        with ctx.db.reading() as s:
            assert s.scalars(select(EventPerson)).all() == []
            logged = s.execute(select(Interaction.summary)).scalars().all()
        assert logged == ["Met at Web Summit"]
        await pilot.press("u")
        await settle(pilot)
        assert titles(screen) == ["Web Summit", "PyData"]
    assert dump(ctx) == before


async def test_long_titles_are_cut_with_an_ellipsis_never_pushing_columns_away(
    ctx, open_app
) -> None:
    add_contact(ctx, ContactFields(full_name="Ana Souza"))
    title = "Lisbon Web Summit " + "with talks " * 10
    ev.add_event(ctx, title, ctx.today(), place="FIL - Feira Internacional de Lisboa")
    async with open_app(size=(80, 24)) as pilot:
        await pilot.press("e")
        await settle(pilot)

        def lines() -> list[str]:
            return terminal_text(pilot.app).splitlines()

        header = next(line for line in lines() if "When" in line)
        assert header.split() == ["│", "When", "Title", "Where", "To", "meet", "Met", "│"]
        row = next(line for line in lines() if "Lisbon" in line)
        assert "Lisbon Web Summit with" in row and "…" in row and "FIL - Feira" in row
        await pilot.resize_terminal(160, 40)
        await settle(pilot)
        row = next(line for line in lines() if "Lisbon" in line)
        assert "Lisbon Web Summit with talks with talks with talks" in row and "…" in row
        assert "FIL - Feira Internacion…" in row  # the place has its cap; the title the rest
