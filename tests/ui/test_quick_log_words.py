"""The quick-log line as the placeholder shows it: `ana: coffee, ...` logs a meeting with
Ana Souza (not Jana, not Tanaka) and says so in English."""

from __future__ import annotations

from sqlalchemy import select
from textual.widgets import Input

from netday.store.models import Contact, Interaction
from tests.services.helpers import person
from tests.ui.conftest import settle


async def test_the_placeholder_example_logs_a_meeting_with_ana(ctx, open_app) -> None:
    for name in ("Jana Herrera", "Tariq Tanaka", "Ana Souza", "Anatole Dubois"):
        person(ctx, name)
    async with open_app() as pilot:
        quick = pilot.app.query_one("#quick-log", Input)
        assert quick.placeholder.startswith("quick log: ana: coffee")
        quick.focus()
        await pilot.press(*"ana: coffee, talked about hiring", "enter")
        await settle(pilot)
        assert quick.value == ""
        said = [n.message for n in pilot.app._notifications]
        assert "Logged a meeting with Ana Souza." in said
    with ctx.db.reading() as s:
        (row,) = s.execute(
            select(Contact.full_name, Interaction.kind, Interaction.summary).join(Contact)
        ).all()
    assert tuple(row) == ("Ana Souza", "meeting", "coffee, talked about hiring")
