"""Every one-of-a-few choice in the forms (ui/widgets/choice.py): the arrows choose, with
nothing to confirm, and the chosen option shows by a mark, not by colour alone."""

from __future__ import annotations

from sqlalchemy import select

from netday.store.models import Contact, Interaction
from netday.ui.widgets.choice import Choice
from tests.services.helpers import person
from tests.ui.conftest import settle, terminal_text


def _marked(pilot, choice_id: str) -> list[str]:
    """The options as a monochrome screen shows them: mark and label."""
    choice = pilot.app.screen.query_one(f"#{choice_id}", Choice)
    return [str(button.render()).strip() for button in choice.query("ChoiceButton")]


async def test_an_arrow_chooses_in_the_call_done_dialog(ctx, open_app) -> None:
    person(ctx, "Ana Souza", last_call_days_ago=40)
    async with open_app() as pilot:
        await pilot.press("d", *"Talked about the move", "tab", "tab")
        assert _marked(pilot, "direction") == ["● neutral", "○ I gave", "○ I asked"]
        await pilot.press("right")
        assert _marked(pilot, "direction") == ["○ neutral", "● I gave", "○ I asked"]
        text = terminal_text(pilot.app)  # styles dropped: what NO_COLOR shows
        assert "○ neutral" in text and "● I gave" in text
        await pilot.press("tab", "enter")
        await settle(pilot)
    with ctx.db.reading() as s:
        said = select(Interaction.direction).where(Interaction.summary == "Talked about the move")
        assert s.scalars(said).one() == "gave"


async def test_arrows_choose_the_tier_and_circle_of_a_contact(ctx, open_app) -> None:
    async with open_app() as pilot:
        await pilot.press("a", *"Jane Roe")
        await pilot.pause()
        form = pilot.app.screen
        form.query_one("#tier", Choice).focus()
        await pilot.press("left")  # B -> A
        form.query_one("#circle", Choice).focus()
        await pilot.press("down")  # professional -> the next circle
        await pilot.pause()
        assert _marked(pilot, "tier")[0] == "● A"
        circle = [m for m in _marked(pilot, "circle") if m.startswith("●")]
        assert len(circle) == 1
        form.query_one("#name").focus()
        await pilot.press("enter")
        await settle(pilot)
    with ctx.db.reading() as s:
        jane = s.scalars(select(Contact)).one()
        assert (jane.tier, jane.circle) == ("A", circle[0].removeprefix("● "))
