"""The keys panel (`?`): netday's own keys for the screen in front, grouped by where
they apply, all read from the registry (`netday.ui.actions`).

A box over the screen instead of Textual's docked help panel, which squeezes the panes
at 80x24 and lists the generic table keys first; `?` or Escape closes it.
"""

from __future__ import annotations

from collections.abc import Iterable

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


def key_text(action: Action, keymap: dict[str, str], display: dict[str, str]) -> str:
    """The keys of an action as the footer writes them (`^s`, `?`), after a user keymap."""
    keys = keymap.get(action.id, action.key)
    return " ".join(display.get(key, key) for key in keys.split(","))


def panel_text(
    groups: list[tuple[Scope, bool]], keymap: dict[str, str], display: dict[str, str]
) -> Group:
    """One titled table a group: the keys, the label, what it does (wrapped beside)."""
    rows: list[tuple[str, bool, list[tuple[str, str, str]]]] = []
    for scope, focused in groups:
        title = SCOPE_TITLES[scope]
        if all(title != shown for shown, _, _ in rows):
            rows.append((title, focused, []))
        keys = [
            (key_text(a, keymap, display), a.label, a.description)
            for a in ACTIONS
            if a.scope is scope
        ]
        next(r for t, _, r in rows if t == title).extend(keys)
    key_width = max((len(k) for _, _, r in rows for k, _, _ in r), default=0)
    label_width = max((len(label) for _, _, r in rows for _, label, _ in r), default=0)
    parts: list[RenderableType] = []
    for title, focused, keys in rows:
        where = ("  (where the focus is)", "dim") if focused else ""
        heading = assemble(title, where, style="bold")
        heading.end = "\n"
        table = Table.grid(padding=(0, 2, 0, 0))
        table.add_column(width=key_width + 2, no_wrap=True, style="bold")
        table.add_column(width=label_width, no_wrap=True)
        table.add_column(ratio=1, style="dim")
        for key, label, description in keys:
            table.add_row(f"  {key}", label, description)
        parts.extend([heading, table, Text("")])
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
        keymap: dict[str, str] = dict(self.app._keymap)
        display = {
            key: self.app.get_key_display(Binding(key, ""))
            for action in ACTIONS
            for key in (*action.keys, *keymap.get(action.id, "").split(","))
            if key
        }
        return panel_text(scopes_in_reach(self.under), keymap, display)

    def on_mount(self) -> None:
        self.query_one("#keys-list").focus()
