"""First run on an empty database: the three ways to start."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static

from netday.ui.actions import Scope, bindings

WELCOME = (
    "netday plans a few calls a day so that nobody important drifts away, keeps the "
    "comments worth writing and the invitations waiting in one place, and closes the "
    "day with a two-minute review.\n\nStart with the people who matter:"
)


class WelcomeScreen(ModalScreen[str | None]):
    BINDINGS = bindings(Scope.WELCOME, Scope.CLOSE)
    """Escape closes it on an empty day (dismissed with None)."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="form", id="welcome") as box:
            box.border_title = "Welcome to netday"
            yield Static(WELCOME)
            with Horizontal(classes="buttons"):
                yield Button("Add a contact  (a)", variant="primary", id="add")
                yield Button("Import LinkedIn / vCard  (i)", id="import")
                yield Button("Open the demo  (d)", id="demo")
            yield Static(
                "Import takes the LinkedIn data export (the ZIP LinkedIn e-mails you) or "
                "vCard files; then triage sorts the people into tiers, one key each. The demo "
                "opens a sample network in a temporary file: your own database stays empty.",
                classes="hint",
            )
        yield Footer()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or None)

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice or None)
