from __future__ import annotations

from sqlalchemy import func, select
from textual.widgets import Static

from netday.store.models import Contact
from netday.ui.screens.contact_form import ContactForm
from netday.ui.screens.welcome import WelcomeScreen
from netday.ui.widgets.panes import CallsPane
from tests.ui.conftest import settle


async def test_an_empty_database_is_welcomed_and_can_open_the_demo(ctx, open_app) -> None:
    async with open_app() as pilot:
        assert isinstance(pilot.app.screen, WelcomeScreen)
        await pilot.press("d")
        await settle(pilot)
        header = str(pilot.app.query_one("#day-header", Static).render())
        assert header.startswith("DEMO")
        assert 3 <= pilot.app.query_one(CallsPane).row_count <= 5
    with ctx.db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Contact)) == 0


async def test_the_welcome_offers_to_add_a_first_contact(ctx, open_app) -> None:
    async with open_app() as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ContactForm)
        await pilot.press(*"Ana Souza", "enter")
        await settle(pilot)
        assert not isinstance(pilot.app.screen, ContactForm)
    with ctx.db.reading() as s:
        assert s.scalars(select(Contact.full_name)).all() == ["Ana Souza"]
