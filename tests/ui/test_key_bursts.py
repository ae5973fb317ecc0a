"""A burst of letters typed into a pane by mistake (the user thought the quick-log line
had the focus) runs as few commands as can be, and none of them crashes or stacks boxes.

Keys are posted at once, as a terminal delivers a typed word, not one by one with a
pause as `pilot.press` does: the first command that opens a form reads its defaults off
the event loop, and the letters after it must not run commands in the meantime."""

from __future__ import annotations

from textual import events

from netday.services.demo import seed_demo
from netday.ui.screens.today import TodayScreen

KEY_NAMES = {" ": "space", ":": "colon"}


def burst(app, text: str) -> None:
    for char in text:
        app.post_message(events.Key(KEY_NAMES.get(char, char), char))


async def test_a_sentence_typed_into_a_pane_opens_one_box_at_most(ctx, open_app) -> None:
    seed_demo(ctx)
    async with open_app(size=(80, 24)) as pilot:
        await pilot.press("tab")  # the Comments pane
        await pilot.pause(0.3)
        burst(pilot.app, "Ana: juick coffee")
        await pilot.pause(2)
        stack = pilot.app.screen_stack
        assert isinstance(stack[0], TodayScreen)
        assert len(stack) == 2, stack  # the Add contact form ("a"), and nothing else
        assert type(stack[1]).__name__ == "ContactForm"


async def test_a_q_in_a_burst_quits_cleanly_or_not_at_all(ctx, open_app) -> None:
    """ "Ana: quick coffee" once quit netday with a traceback: the contact screen opened
    by the "c" was still being built when the "q" made the app exit."""
    seed_demo(ctx)
    async with open_app(size=(80, 24)) as pilot:
        await pilot.press("tab")
        await pilot.pause(0.3)
        burst(pilot.app, "Ana: quick coffee")
        await pilot.pause(2)
    assert pilot.app.return_code in (None, 0)
