"""First run on an empty database: the three ways to start."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static

from netday.ui.actions import BY_ID, Scope, bindings

WELCOME = (
    "netday plans a few calls a day so that nobody important drifts away, keeps the "
    "comments worth writing and the invitations waiting in one place, and closes the "
    "day with a two-minute review.\n\nStart with the people who matter:"
)


CHOICES = ("add", "import", "demo")
"""The three ways to start, as buttons (in this order) and as the keys of `Scope.WELCOME`."""


def _button(choice: str) -> Button:
    """A choice's button, named and keyed as the action registry says ("Open the demo
    (d)"): short enough that all three fit side by side at 80 columns."""
    action = BY_ID[f"welcome.{choice}"]
    label = f"{action.label} ({action.key})"
    if choice == CHOICES[0]:
        return Button(label, variant="primary", id=choice)
    return Button(label, id=choice)


class WelcomeScreen(ModalScreen[str | None]):
    BINDINGS = bindings(Scope.WELCOME, Scope.CLOSE)
    """Escape closes it on an empty day (dismissed with None)."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="form", id="welcome") as box:
            box.border_title = "Welcome to netday"
            yield Static(WELCOME)
            with Horizontal(classes="buttons"):
                for choice in CHOICES:
                    yield _button(choice)
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
