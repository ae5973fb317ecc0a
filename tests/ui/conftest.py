"""Pilot fixtures: the real app over a real SQLite file, today pinned, no cursor blink."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import pytest
from textual.pilot import Pilot

from netday.services.context import Context
from netday.ui.app import NetdayApp


async def settle(pilot: Pilot[None]) -> None:
    """Wait for database workers and the screen updates they post."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.fixture
def open_app(ctx: Context) -> Callable[..., AsyncIterator[Pilot[None]]]:
    @asynccontextmanager
    async def opener(size: tuple[int, int] = (120, 40)) -> AsyncIterator[Pilot[None]]:
        app = NetdayApp(ctx)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            yield pilot

    return opener  # type: ignore[return-value]
