"""Screenshot comparisons (SVG) of every screen, at 80x24, 120x40 and 200x60, in the
dark and the light theme.

The same seeded demo network, the same pinned clock: the same pixels. On a mismatch the
new rendering is written beside the snapshot as `*.actual.svg`; to accept a deliberate
change, run with NETDAY_UPDATE_SNAPSHOTS=1 and look at the new files before committing.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from textual import events
from textual.widgets import DataTable

from netday.services.demo import seed_demo
from netday.ui.app import NetdayApp
from netday.ui.themes import DARK, LIGHT
from netday.ui.widgets.panes import Pane
from tests.ui.conftest import settle, wait_until

SNAPSHOTS = Path(__file__).with_name("snapshots")
SIZES = [(80, 24), (120, 40), (200, 60)]
THEMES = [DARK.name, LIGHT.name]
SCREENS: list[tuple[str, tuple[str, ...]]] = [
    ("main", ()),
    ("keys", ("question_mark",)),
    ("contact", ("c",)),
    ("review", ("r",)),
    ("call-done", ("d",)),
    ("add-contact", ("a",)),
    ("log", ("l",)),
    ("invite", ("i",)),
    ("triage", ("t",)),
    ("import", ("ctrl+o",)),
    ("export", ("ctrl+e",)),
    ("insights", ("I",)),
]
"""Each screen of the demo's day, with the keys a user presses from the main screen."""
STILL_TRIES = 5
STABLE_DATA_HOME = Path(tempfile.gettempdir()) / "netday-snapshots" / "xdg-data"
"""The data folder the pictured screens see (nothing is written there)."""


async def screenshot(ctx, size: tuple[int, int], keys: tuple[str, ...], theme: str) -> str:
    app = NetdayApp(ctx)
    async with app.run_test(size=size) as pilot:
        app.theme = theme
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        # The screen's first read is back and shown, whatever the machine's load.
        await wait_until(pilot, lambda: getattr(app.screen, "shows_a_result", True))
        # The main screen under a box has shown its day too (each pane its rows or why not).
        await wait_until(pilot, lambda: all(p.shows_a_day for p in panes(app)))
        await settle(pilot)
        # A table sizes its columns when its message queue runs dry (Textual's DataTable
        # measures on Idle): under load the export can come first. Measure them now,
        # then take a picture that holds.
        for table in app.screen.query(DataTable):
            await table._on_idle(events.Idle())
            table.refresh()
        await settle(pilot)
        shot = app.export_screenshot()
        for _ in range(STILL_TRIES):
            await settle(pilot)
            again = app.export_screenshot()
            if again == shot:
                break
            shot = again
        return shot


def panes(app: NetdayApp) -> list[Pane]:
    return list(app.today_screen.query(Pane))


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


@pytest.mark.sqlite_only("the pixels do not depend on the database: checked once")
@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.removeprefix("netday-"))
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize(("screen", "keys"), SCREENS, ids=[name for name, _ in SCREENS])
async def test_screens_look_as_they_did(ctx, size, screen, keys, theme, monkeypatch) -> None:
    # The export screen shows the export folder: one path for every run, whatever the
    # test's own folder is called (it is numbered by the order tests run in).
    monkeypatch.setenv("XDG_DATA_HOME", str(STABLE_DATA_HOME))
    seed_demo(ctx)
    name = f"{screen}-{size[0]}x{size[1]}-{theme.removeprefix('netday-')}"
    compare(name, await screenshot(ctx, size, keys, theme))


@pytest.mark.sqlite_only("the pixels do not depend on the database: checked once")
@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.removeprefix("netday-"))
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_welcome_looks_as_it_did(ctx, size, theme) -> None:
    name = f"welcome-{size[0]}x{size[1]}-{theme.removeprefix('netday-')}"
    compare(name, await screenshot(ctx, size, (), theme))
