"""The one shape of a modal form: a titled box, its fields, an error line, its buttons.

`ModalForm[ResultT]` is the box (also the import and export screens, which run a job
instead of saving); `Form[DraftT, ResultT]` is the common case: `collect()` reads the
fields into a draft, `save(draft)` (a service call, run in a worker) returns the
result the form is dismissed with. A refusal (`NetdayError`) or any failure of the
save shows in the form (wrapped, whole), which stays open with everything typed;
Escape closes it without writing (dismissed with None), as its footer says. Quitting
netday while a form holds typed text asks first (`unsaved`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Footer, Input, Label, TextArea
from textual.worker import Worker

from netday.errors import NetdayError
from netday.ui.actions import Scope, bindings
from netday.ui.failures import RecoversFromFailures
from netday.ui.text import plain
from netday.ui.unsaved import quoted

DraftT = TypeVar("DraftT")
ResultT = TypeVar("ResultT")


class ModalForm(RecoversFromFailures, ModalScreen[ResultT | None]):
    """The box; subclasses give its fields, what shows under them, and its buttons."""

    BINDINGS = bindings(Scope.CLOSE)
    heading = ""

    def __init__(self) -> None:
        super().__init__()
        self._given: dict[Widget, str] = {}
        """What each field held when the form opened: anything else was typed."""

    def compose_fields(self) -> ComposeResult:
        yield from ()

    def compose_status(self) -> ComposeResult:
        """Between the fields and the error line (a progress bar, a summary)."""
        yield from ()

    def compose_buttons(self) -> ComposeResult:
        yield from ()

    def compose(self) -> ComposeResult:
        with Vertical(classes="form") as box:
            box.border_title = plain(self.heading)
            yield from self.compose_fields()
            yield from self.compose_status()
            yield Label("", id="form-error")
            with Horizontal(classes="buttons"):
                yield from self.compose_buttons()
        yield Footer()

    def on_mount(self) -> None:
        self._given = self.field_texts()

    def field_texts(self) -> dict[Widget, str]:
        """The text in each of the form's text fields (one line or several)."""
        texts: dict[Widget, str] = {field: field.value for field in self.query(Input)}
        texts.update((area, area.text) for area in self.query(TextArea))
        return texts

    def unsaved(self) -> str | None:
        """What was typed here (see `netday.ui.unsaved`): a field changed since it opened."""
        typed = [t for f, t in self.field_texts().items() if t != self._given.get(f, "")]
        if not any(text.strip() for text in typed):
            return None
        return f"what you typed in “{self.heading}” ({quoted(typed[0])})"

    def show_error(self, message: str) -> None:
        error = self.query_one("#form-error", Label)
        error.update(plain(message))
        self.call_after_refresh(error.scroll_visible, animate=False)

    def after_failure(self, worker: Worker[object], message: str) -> None:
        self.show_error(message)


class Form(ModalForm[ResultT], Generic[DraftT, ResultT]):
    """Save / Cancel: saves itself through `save` and closes only once that succeeded."""

    BINDINGS = bindings(Scope.FORM)

    def __init__(self, save: Callable[[DraftT], ResultT]) -> None:
        super().__init__()
        self._save = save

    def compose_buttons(self) -> ComposeResult:
        yield Button("Save", variant="primary", id="save")
        yield Button("Cancel", id="cancel")

    def collect(self) -> DraftT:
        """The fields as a draft; `NetdayError` when one does not read (shown in the form)."""
        raise NotImplementedError

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def action_save(self) -> None:
        try:
            draft = self.collect()
        except NetdayError as exc:
            self.show_error(str(exc))
            return
        self._persist(draft)

    @on(Button.Pressed, "#cancel")
    def cancelled(self) -> None:
        self.dismiss(None)

    @work(thread=True, exclusive=True, group="form-save", exit_on_error=False)
    def _persist(self, draft: DraftT) -> None:
        try:
            saved = self._save(draft)
        except NetdayError as exc:
            self.app.call_from_thread(self.show_error, str(exc))
            return
        self.app.call_from_thread(self.dismiss, saved)
