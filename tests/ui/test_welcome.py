from __future__ import annotations

from sqlalchemy import func, select
from textual.widgets import Input, Static

from netday.services.contacts import list_contacts
from netday.services.demo import open_demo
from netday.store.models import Contact
from netday.ui.app import NetdayApp
from netday.ui.screens.contact_form import ContactForm
from netday.ui.screens.transfer import ExportScreen
from netday.ui.screens.welcome import WelcomeScreen
from netday.ui.widgets.panes import CallsPane
from tests.services.helpers import person
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


async def test_the_demo_the_app_opened_is_removed_on_quit_and_exports_beside_the_user(
    ctx, open_app, tmp_path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    async with open_app() as pilot:
        await pilot.press("d")
        await settle(pilot)
        demo = pilot.app.demo
        assert demo is not None and pilot.app.ctx == demo.ctx.acting_as(pilot.app.ctx.origin)
        folder = demo.ctx.db.path.parent
        assert folder.exists() and folder != tmp_path
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ExportScreen)
        path = pilot.app.screen.query_one("#export-path", Input).value
        assert path == str(tmp_path / "netday-contacts.vcf")
    assert not folder.exists()


async def test_a_real_database_is_never_removed_whatever_flag_is_set(ctx, clock) -> None:
    """`cli/main.py` used to set a public `is_demo` flag that made the app delete the
    folder of whatever database it had: forced on, nothing happens any more."""
    person(ctx, "Ana Souza")
    app = NetdayApp(ctx)
    app.is_demo = True  # what the command line did for --demo
    async with app.run_test() as pilot:
        await settle(pilot)
    assert [c.name for c in list_contacts(ctx)] == ["Ana Souza"]
    if ctx.db.path is not None:
        assert ctx.db.path.exists()


async def test_a_demo_handed_in_is_shown_and_left_to_its_owner(clock) -> None:
    with open_demo(clock, contacts=8) as demo:
        app = NetdayApp(demo.ctx, demo=demo)
        async with app.run_test() as pilot:
            await settle(pilot)
            header = str(app.query_one("#day-header", Static).render())
            assert header.startswith("DEMO")
        assert demo.ctx.db.path is not None and demo.ctx.db.path.exists()
        folder = demo.ctx.db.path.parent
    assert not folder.exists()
