"""The keys panel (`?`): netday's own keys for the screen in front, grouped by where
they apply, all read from the registry (`netday.ui.actions`).

A box over the screen instead of Textual's docked help panel, which squeezes the panes
at 80x24 and lists the generic table keys first; `?` or Escape closes it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Static

from netday.ui.actions import ACTIONS, BY_ID, SCOPE_TITLES, Action, Scope, bindings
from netday.ui.text import assemble

FIRST = (Scope.APP,)
"""Groups shown before the screen's own, whatever the screen."""


def scopes_in_reach(screen: Screen[object]) -> list[tuple[Scope, bool]]:
    """The scopes whose actions are bound on the screen or on a widget in it (the app's
    first), each with whether it belongs to the focused widget, in the registry's order."""
    nodes: list[DOMNode] = [screen.app, screen, *screen.walk_children()]
    focused = screen.focused
    found: dict[Scope, bool] = {}
    for node in nodes:
        for scope in _bound_scopes(type(node)):
            found[scope] = found.get(scope, False) or node is focused
    order = [*FIRST, *(s for s in Scope if s not in FIRST)]
    return [(scope, found[scope]) for scope in order if scope in found]


def _bound_scopes(node_type: type[DOMNode]) -> Iterable[Scope]:
    """The registry scopes in a node's BINDINGS, its bases' included (as Textual merges them)."""
    for cls in node_type.__mro__:
        for binding in cls.__dict__.get("BINDINGS", ()):
            if isinstance(binding, Binding) and binding.id in BY_ID:
                yield BY_ID[binding.id].scope


def key_text(action: Action, keymap: Mapping[str, str], display: Callable[[str], str]) -> str:
    """The keys of an action as the footer writes them (`^s`, `?`), after a user keymap."""
    keys = keymap.get(action.id, action.key).split(",")
    return " ".join(display(key.strip()) for key in keys)


Row = tuple[str, str, str]
"""Keys, label, what it does."""


def panel_text(
    scopes: list[tuple[Scope, bool]], keymap: Mapping[str, str], display: Callable[[str], str]
) -> Group:
    """One titled table a group (scopes that share a title share a group): the keys, the
    label, and what it does wrapped beside; columns aligned across groups."""
    groups: dict[str, tuple[bool, list[Row]]] = {}
    for scope, focused in scopes:
        was_focused, rows = groups.get(SCOPE_TITLES[scope], (False, []))
        rows += [
            (key_text(a, keymap, display), a.label, a.description)
            for a in ACTIONS
            if a.scope is scope
        ]
        groups[SCOPE_TITLES[scope]] = (was_focused or focused, rows)
    every_row = [row for _, rows in groups.values() for row in rows]
    key_width = max((len(keys) for keys, _, _ in every_row), default=0)
    label_width = max((len(label) for _, label, _ in every_row), default=0)
    parts: list[RenderableType] = []
    for title, (focused, rows) in groups.items():
        heading = assemble(
            title, ("  (where the focus is)", "dim") if focused else "", style="bold"
        )
        heading.end = "\n"
        table = Table.grid(padding=(0, 2, 0, 0))
        table.add_column(width=key_width + 2, no_wrap=True, style="bold")
        table.add_column(width=label_width, no_wrap=True)
        table.add_column(ratio=1, style="dim")
        for keys, label, description in rows:
            table.add_row(f"  {keys}", label, description)
        parts.extend([Text(""), heading, table] if parts else [heading, table])
    return Group(*parts)


class KeysScreen(ModalScreen[None]):
    """The keys of `screen` (the one `?` was pressed on)."""

    BINDINGS = bindings(Scope.KEYS, Scope.CLOSE)

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self.under = screen

    def compose(self) -> ComposeResult:
        with Vertical(classes="form", id="keys") as box:
            box.border_title = "Keys"
            with VerticalScroll(id="keys-list"):
                yield Static(self.render_keys(), id="keys-text")
        yield Footer()

    def render_keys(self) -> Group:
        """The panel's text, with the keys the app's keymap gives (`App.set_keymap`)."""

        def display(key: str) -> str:
            return self.app.get_key_display(Binding(key, ""))

        return panel_text(scopes_in_reach(self.under), self.app._keymap, display)

    def on_mount(self) -> None:
        self.query_one("#keys-list").focus()
