"""The contact screen offers to merge a likely duplicate: keys pressed, database checked."""

from __future__ import annotations

from sqlalchemy import select
from textual.widgets import OptionList, Static

from netday.services.contacts import ContactFields, add_contact
from netday.services.journal import log_interaction
from netday.store.models import Contact, Interaction
from netday.ui.screens.contact import ContactScreen
from netday.ui.screens.dialogs import Confirm
from netday.ui.screens.merge import MergeDialog
from tests.ui.conftest import settle


async def test_merge_a_duplicate_from_the_contact_screen(ctx, open_app) -> None:
    keep = add_contact(ctx, ContactFields(full_name="Ana Lima", email="ana@acme.com")).id
    other = add_contact(
        ctx, ContactFields(full_name="Ana [b]Lima[/b]", email="ANA@acme.com", company="Hooli")
    ).id
    add_contact(ctx, ContactFields(full_name="Bruno Martin"))
    log_interaction(ctx, str(other), kind="call", summary="met at the fair")
    async with open_app() as pilot:
        await pilot.app.push_screen(ContactScreen(ctx, keep))
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        dialog = pilot.app.screen
        assert isinstance(dialog, MergeDialog)
        options = dialog.query_one("#merge-candidates", OptionList)
        assert options.option_count == 1  # Bruno is nobody's duplicate
        prompt = str(options.get_option_at_index(0).prompt)
        assert prompt == f"#{other} Ana [b]Lima[/b] · Hooli: same e-mail"  # text, not markup
        preview = str(dialog.query_one("#merge-preview", Static).render())
        assert "1 interaction" in preview
        assert f"#{other} Ana [b]Lima[/b] would be deleted" in preview
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, Confirm)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ContactScreen)
        profile = str(pilot.app.screen.query_one("#profile", Static).render())
        assert "Hooli" in profile  # KEEP had no company: it took OTHER's
    with ctx.db.reading() as session:
        assert session.get(Contact, other) is None
        assert session.scalars(select(Interaction.contact_id)).all() == [keep]


async def test_escape_merges_nothing(ctx, open_app) -> None:
    keep = add_contact(ctx, ContactFields(full_name="Ana Lima", email="ana@acme.com")).id
    other = add_contact(ctx, ContactFields(full_name="Ana Lima", email="ana@acme.com")).id
    async with open_app() as pilot:
        await pilot.app.push_screen(ContactScreen(ctx, keep))
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("n")  # the question: no
        await settle(pilot)
        assert isinstance(pilot.app.screen, MergeDialog)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ContactScreen)
    with ctx.db.reading() as session:
        assert session.get(Contact, other) is not None
