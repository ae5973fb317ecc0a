"""Pilot fixtures: the real app over a real SQLite file, today pinned, no cursor blink."""

from __future__ import annotations

import asyncio
import io
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import pytest
from rich.console import Console
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input

from netday.services.context import Context
from netday.ui.app import NetdayApp
from netday.ui.failures import log_path


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every Input's cursor stays still: a blinking one makes screenshots and timing
    depend on the moment they are taken."""
    monkeypatch.setattr(Input, "cursor_blink", False)


async def settle(pilot: Pilot[None]) -> None:
    """Wait for database workers and the screen updates they post, until none is left
    (a result may start another worker: a form closing reloads the day).

    A failed worker is the app's business (it notifies and logs it); `open_app` fails
    the test for any failure it did not expect.
    """
    await pilot.pause()  # what the last key set off (a dismissed form's callback) starts
    for _ in range(20):
        busy = [w for w in pilot.app.workers if not w.is_finished]
        if not busy:
            break
        await asyncio.gather(*(w.wait() for w in busy), return_exceptions=True)
        await pilot.pause()
    await pilot.pause()


async def wait_until(
    pilot: Pilot[None], condition: Callable[[], object], seconds: float = 10.0
) -> None:
    """Let the app run until `condition()` holds (fail after `seconds`): for what comes
    back on its own time (a palette's search, a worker's result), instead of a fixed pause."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"still not true after {seconds} s: {condition}")
        await pilot.pause(0.02)


def palette_offers(pilot: Pilot[None], text: str) -> bool:
    """The open command palette has finished its search (it runs in the background)
    and highlights an option containing `text`: what Enter would run."""
    from textual.command import CommandList, CommandPalette

    gathering = CommandPalette._GATHER_COMMANDS_GROUP
    if any(w.group == gathering and not w.is_finished for w in pilot.app.workers):
        return False
    found = pilot.app.screen.query(CommandList)
    if not found or found.first().highlighted is None:
        return False
    commands = found.first()
    highlighted = commands.get_option_at_index(commands.highlighted or 0)
    return text.lower() in str(highlighted.prompt).lower()


def terminal_text(app: App[None]) -> str:
    """The text of the frame the app writes to the terminal now (every screen of the
    stack that shows, notifications included), without the styles and cursor moves
    Textual adds: where data shows literally, and where none of its control characters
    may appear. Rendered as `App.export_screenshot` does, as text instead of SVG."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text(styles=False)


@pytest.fixture
def open_app(ctx: Context) -> Callable[..., AsyncIterator[Pilot[None]]]:
    @asynccontextmanager
    async def opener(
        size: tuple[int, int] = (120, 40), *, failures: bool = False
    ) -> AsyncIterator[Pilot[None]]:
        """The app; unless `failures` are the point of the test, no worker may fail."""
        app = NetdayApp(ctx)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            yield pilot
        if not failures and log_path().exists():
            pytest.fail("a worker failed:\n" + log_path().read_text(encoding="utf-8"))

    return opener
