"""Words that agree with what is true: an untriaged person is not "tier B", the
withdraw question names the person, and an invitation shows once on a timeline."""

from __future__ import annotations

from textual.widgets import DataTable, Label, Static

from netday.services.contacts import ContactFields, add_contact
from netday.services.invites import send_invite
from netday.ui.screens.contact import ContactScreen
from netday.ui.screens.dialogs import Confirm
from tests.io.linkedin_export import write_zip
from tests.ui.conftest import settle


async def test_an_untriaged_contact_says_so_on_its_screen(ctx, open_app, tmp_path) -> None:
    from netday.io.transfer import import_files
    from netday.services.triage import triage_queue

    import_files(ctx, "linkedin", [write_zip(tmp_path / "e.zip")])
    waiting = triage_queue(ctx)[0]
    async with open_app() as pilot:
        pilot.app.open_contact(waiting.id)
        await settle(pilot)
        assert isinstance(pilot.app.screen, ContactScreen)
        profile = str(pilot.app.screen.query_one("#profile", Static).render())
        assert "untriaged · professional" in profile and "tier B" not in profile


async def test_the_withdraw_question_names_the_person(ctx, open_app) -> None:
    send_invite(ctx, "Hi Jane, great panel", name="Jane Roe")
    async with open_app() as pilot:
        await pilot.press("tab", "tab", "w")
        await pilot.pause()
        assert isinstance(pilot.app.screen, Confirm)
        question = str(pilot.app.screen.query_one(Label).render())
        assert question == "Withdraw the invitation to Jane Roe? It cannot be sent again."
        await pilot.press("n")


async def test_an_invitation_shows_once_on_the_timeline(ctx, open_app) -> None:
    olga = add_contact(ctx, ContactFields(full_name="Olga Novák"))
    send_invite(ctx, "Hi Olga, see you at the meetup", contact_ref=str(olga.id))
    async with open_app() as pilot:
        pilot.app.open_contact(olga.id)
        await settle(pilot)
        timeline = pilot.app.screen.query_one("#timeline", DataTable)
        rows = [[str(v) for v in timeline.get_row_at(i)] for i in range(timeline.row_count)]
        assert [r for r in rows if "Hi Olga" in r[3]] == [
            [rows[0][0], "invite", "sent", "pending: Hi Olga, see you at the meetup"]
        ]
