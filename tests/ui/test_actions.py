"""One registry of actions: every binding comes from it, the palette offers what it
marks, and a keymap rebinds by id."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from textual.binding import Binding
from textual.command import CommandList
from textual.dom import DOMNode

import netday.ui
from netday.ui.actions import ACTIONS, BY_ID, Scope, palette_actions
from netday.ui.screens.review import ReviewScreen
from netday.ui.screens.today import TodayScreen
from tests.services.helpers import person
from tests.ui.conftest import settle, wait_until


def ui_nodes() -> list[type[DOMNode]]:
    """Every screen and widget class netday.ui defines."""
    found: list[type[DOMNode]] = []
    for info in pkgutil.walk_packages(netday.ui.__path__, "netday.ui."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, DOMNode) and cls.__module__ == module.__name__:
                found.append(cls)
    return found


def test_every_binding_of_every_screen_comes_from_the_registry() -> None:
    nodes = ui_nodes()
    assert {"NetdayApp", "TodayScreen", "CallsPane", "ContactForm", "ImportScreen"} <= {
        n.__name__ for n in nodes
    }
    seen: set[str] = set()
    for node in nodes:
        for binding in node.__dict__.get("BINDINGS", []):
            assert isinstance(binding, Binding), f"{node.__name__}: {binding!r}"
            assert binding.id in BY_ID, f"{node.__name__}: {binding.key} has no registry id"
            assert binding == BY_ID[binding.id].binding(), node.__name__
            seen.add(binding.id)
    assert seen == set(BY_ID), "an action in the registry is bound nowhere"
    assert len(BY_ID) == len(ACTIONS), "two actions share an id"


async def test_the_palette_offers_every_palette_action_of_the_main_screen(ctx, open_app) -> None:
    person(ctx, "Ana Souza")
    wanted = {a.palette for a in palette_actions(Scope.APP, *TodayScreen.ACTION_SCOPES)}
    assert "Record an invitation you received" in wanted and "Show all keys" in wanted
    async with open_app() as pilot:
        await pilot.press("ctrl+p")
        commands = pilot.app.screen.query_one(CommandList)
        await wait_until(pilot, lambda: commands.option_count >= len(wanted))
        shown = {
            str(commands.get_option_at_index(i).prompt).splitlines()[0]
            for i in range(commands.option_count)
        }
        assert wanted <= shown


async def test_a_keymap_rebinds_an_action_by_its_id(ctx, open_app) -> None:
    person(ctx, "Ana Souza")
    async with open_app() as pilot:
        pilot.app.set_keymap({"today.review": "v"})
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(pilot.app.screen, TodayScreen)
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ReviewScreen)


async def test_ui_tests_run_without_cursor_blink(ctx, open_app) -> None:
    """The conftest's promise: no Input blinks, so frames do not depend on timing."""
    from textual.widgets import Input

    person(ctx, "Ana Souza")
    async with open_app() as pilot:
        line = pilot.app.query_one("#quick-log", Input)
        line.focus()
        await pilot.pause()
        assert line.cursor_blink is False and line._cursor_visible
