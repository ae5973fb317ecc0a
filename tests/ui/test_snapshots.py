"""Screenshot comparisons (SVG) of the main, contact and review screens, two sizes each.

The same seeded demo network, the same pinned clock: the same pixels. On a mismatch the
new rendering is written beside the snapshot as `*.actual.svg`; to accept a deliberate
change, run with NETDAY_UPDATE_SNAPSHOTS=1 and look at the new files before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from netday.services.demo import seed_demo
from netday.ui.app import NetdayApp
from tests.ui.conftest import settle, wait_until

SNAPSHOTS = Path(__file__).with_name("snapshots")
SIZES = [(120, 40), (80, 24)]


async def screenshot(ctx, size: tuple[int, int], keys: tuple[str, ...]) -> str:
    app = NetdayApp(ctx)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        # The screen's first read is back and shown, whatever the machine's load.
        await wait_until(pilot, lambda: getattr(app.screen, "shows_a_result", True))
        await settle(pilot)
        return app.export_screenshot()


def compare(name: str, svg: str) -> None:
    expected = SNAPSHOTS / f"{name}.svg"
    actual = SNAPSHOTS / f"{name}.actual.svg"
    if os.environ.get("NETDAY_UPDATE_SNAPSHOTS") == "1":
        expected.write_text(svg, encoding="utf-8")
        actual.unlink(missing_ok=True)
        return
    if not expected.exists():
        actual.write_text(svg, encoding="utf-8")
        pytest.fail(f"no snapshot {expected.name}: look at {actual.name}, then accept it")
    if expected.read_text(encoding="utf-8") != svg:
        actual.write_text(svg, encoding="utf-8")
        pytest.fail(f"{name} differs from its snapshot: compare {actual.name} with {expected.name}")
    actual.unlink(missing_ok=True)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize(
    ("screen", "keys"),
    [("main", ()), ("contact", ("c",)), ("review", ("r",))],
)
async def test_screens_look_as_they_did(ctx, size, screen, keys) -> None:
    seed_demo(ctx)
    compare(f"{screen}-{size[0]}x{size[1]}", await screenshot(ctx, size, keys))
