"""The contact form's cadence field: it reads the words netday prints, and its preview
shows the dates the saved contact then has."""

from __future__ import annotations

from sqlalchemy import select
from textual.widgets import Input, Label

from netday.services.contacts import show_contact
from netday.store.models import Contact
from tests.ui.conftest import settle


async def _type_cadence(pilot, words: str) -> str:
    form = pilot.app.screen
    form.query_one("#cadence", Input).focus()
    await pilot.press("ctrl+a", "ctrl+k", *words)
    await pilot.pause()
    return str(form.query_one("#cadence-preview", Label).render())


async def test_the_preview_shows_the_dates_the_new_contact_gets(ctx, open_app) -> None:
    async with open_app() as pilot:
        await pilot.press("a", *"Jane Roe")
        preview = await _type_cadence(pilot, "every 3 weeks")
        await pilot.press("enter")
        await settle(pilot)
    with ctx.db.reading() as s:
        jane = s.scalars(select(Contact).where(Contact.full_name == "Jane Roe")).one()
        jane_id = jane.id
    upcoming = show_contact(ctx, str(jane_id)).upcoming
    assert preview == "every 3 weeks: " + ", ".join(f"{d:%a %d %b}" for d in upcoming)


async def test_the_field_reads_a_phrase_netday_prints(ctx, open_app) -> None:
    async with open_app() as pilot:
        await pilot.press("a", *"Jane Roe")
        preview = await _type_cadence(pilot, "last Friday of each month")
        assert preview == "last Friday of each month: Fri 27 Nov, Fri 25 Dec, Fri 29 Jan"
        await pilot.press("enter")
        await settle(pilot)
    with ctx.db.reading() as s:
        jane = s.scalars(select(Contact).where(Contact.full_name == "Jane Roe")).one()
        assert (jane.cadence_kind, jane.cadence_rule) == ("calendar", "FREQ=MONTHLY;BYDAY=-1FR")
