from __future__ import annotations

from sqlalchemy import select
from textual.widgets import Input, Label

from netday.store.models import Contact
from netday.ui.screens.contact import ContactScreen
from tests.services.helpers import person
from tests.ui.conftest import settle


async def test_adding_a_contact_with_an_rrule_and_its_preview(ctx, open_app) -> None:
    async with open_app() as pilot:
        await pilot.press("a")
        await pilot.press(*"Jane Roe", "tab", *"Acme", "tab", *"CTO")
        form = pilot.app.screen
        cadence = form.query_one("#cadence", Input)
        cadence.focus()
        await pilot.press("ctrl+a", "ctrl+k", *"FREQ=MONTHLY;BYDAY=1MO")
        await pilot.pause()
        preview = str(form.query_one("#cadence-preview", Label).render())
        assert preview == "first Monday of each month: Mon 07 Dec, Mon 04 Jan, Mon 01 Feb"
        await pilot.press("tab", *"Met at PyCon", "enter")
        await settle(pilot)
    with ctx.db.reading() as s:
        jane = s.scalars(select(Contact).where(Contact.full_name == "Jane Roe")).one()
        assert (jane.role, jane.company.name, jane.why) == ("CTO", "Acme", "Met at PyCon")
        assert (jane.cadence_kind, jane.cadence_rule) == ("calendar", "FREQ=MONTHLY;BYDAY=1MO")


async def test_a_cadence_that_does_not_parse_keeps_the_form_open(ctx, open_app) -> None:
    async with open_app() as pilot:
        await pilot.press("a", *"Jane Roe")
        form = pilot.app.screen
        form.query_one("#cadence", Input).focus()
        await pilot.press("ctrl+a", "ctrl+k", *"FREQ=SOMETIMES")
        await pilot.pause()
        assert "does not parse" in str(form.query_one("#cadence-preview", Label).render())
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.screen is form
        assert "does not parse" in str(form.query_one("#form-error", Label).render())
        assert form.query_one("#name", Input).value == "Jane Roe"
        await pilot.press("escape")
        await settle(pilot)
    with ctx.db.reading() as s:
        assert s.scalars(select(Contact)).all() == []


async def test_editing_a_contact_from_its_screen(ctx, open_app) -> None:
    person(ctx, "Ana Souza", company="Acme", last_call_days_ago=30)
    async with open_app() as pilot:
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ContactScreen)
        await pilot.press("e")
        form = pilot.app.screen
        assert form.query_one("#name", Input).value == "Ana Souza"
        form.query_one("#cadence", Input).focus()
        await pilot.press("ctrl+a", "ctrl+k", *"every 10 days")
        form.query_one("#why", Input).focus()
        await pilot.press(*"Introduced me to my first client", "enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ContactScreen)
    with ctx.db.reading() as s:
        ana = s.scalars(select(Contact)).one()
        assert (ana.cadence_every, ana.cadence_unit) == (10, "days")
        assert ana.why == "Introduced me to my first client"
