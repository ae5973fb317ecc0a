"""Small forms over the main screen. Escape cancels without writing; a form that does
not validate stays open with what was typed and says what is wrong.

The forms hold no rules: what a field means (minutes, a day) is read by the services'
readers, and what may be saved is the service's call; its refusal shows in the form."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet
from textual.worker import Worker

from netday.errors import NetdayError
from netday.services.context import Context
from netday.services.journal import read_day, read_minutes
from netday.ui.actions import Scope, bindings
from netday.ui.failures import RecoversFromFailures
from netday.ui.text import plain
from netday.vocabulary import Direction

DIRECTIONS = {Direction.NEUTRAL: "neutral", Direction.GAVE: "I gave", Direction.ASKED: "I asked"}


@dataclass(frozen=True)
class CallOutcome:
    note: str
    minutes: int | None
    direction: str
    follow_up_on: dt.date | None


class Form(RecoversFromFailures, ModalScreen[object]):
    """Shared shape: a titled box, fields, an error line, Save / Cancel.

    With a `save` function, the form saves itself (in a worker) and closes only when
    that succeeded; a refusal, or any failure of the save, is shown in the form, with
    everything typed still there.
    """

    BINDINGS = bindings(Scope.FORM)
    heading = ""

    def __init__(self, save: Callable[[Any], object] | None = None) -> None:
        super().__init__()
        self._save = save

    def compose_fields(self) -> ComposeResult:
        yield from ()

    def compose(self) -> ComposeResult:
        with Vertical(classes="form") as box:
            box.border_title = plain(self.heading)
            yield from self.compose_fields()
            yield Label("", id="form-error")
            with Horizontal(classes="buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def on_input_submitted(self) -> None:
        self.action_save()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def show_error(self, message: str) -> None:
        self.query_one("#form-error", Label).update(plain(message))

    def after_failure(self, worker: Worker[object], message: str) -> None:
        self.show_error(message)

    def action_save(self) -> None:
        try:
            result = self.collect()
        except NetdayError as exc:
            self.show_error(str(exc))
            return
        if self._save is None:
            self.dismiss(result)
        else:
            self._persist(result)

    @work(thread=True, exclusive=True, group="form-save", exit_on_error=False)
    def _persist(self, result: object) -> None:
        assert self._save is not None
        try:
            saved = self._save(result)
        except NetdayError as exc:
            self.app.call_from_thread(self.show_error, str(exc))
            return
        self.app.call_from_thread(self.dismiss, saved if saved is not None else result)

    def collect(self) -> object:
        raise NotImplementedError


class CallDoneForm(Form):
    """Mark a call done with a quick note."""

    def __init__(
        self, name: str, ctx: Context, save: Callable[[Any], object] | None = None
    ) -> None:
        super().__init__(save)
        self.heading = f"Call with {name}: done"
        self.ctx = ctx

    def compose_fields(self) -> ComposeResult:
        yield Input(placeholder="what you talked about", id="note")
        yield Input(placeholder="minutes", id="minutes", type="integer")
        with RadioSet(id="direction"):
            for direction, label in DIRECTIONS.items():
                yield RadioButton(label, value=direction == Direction.NEUTRAL, id=direction)
        yield Input(
            placeholder="follow-up date (tomorrow, friday, 2026-12-01): optional", id="follow-up"
        )

    def collect(self) -> CallOutcome:
        follow_text = self.query_one("#follow-up", Input).value.strip()
        pressed = self.query_one("#direction", RadioSet).pressed_button
        return CallOutcome(
            note=self.query_one("#note", Input).value.strip(),
            minutes=read_minutes(self.query_one("#minutes", Input).value),
            direction=pressed.id if pressed and pressed.id else Direction.NEUTRAL,
            follow_up_on=read_day(self.ctx, follow_text) if follow_text else None,
        )


class SnoozeForm(Form):
    """Snooze until a day: tomorrow by default."""

    def __init__(
        self, name: str, ctx: Context, save: Callable[[Any], object] | None = None
    ) -> None:
        super().__init__(save)
        self.heading = f"Snooze {name} until"
        self.ctx = ctx

    def compose_fields(self) -> ComposeResult:
        yield Input(
            value="tomorrow", placeholder="tomorrow, next week, friday, 2026-12-01", id="until"
        )

    def collect(self) -> dt.date:
        return read_day(self.ctx, self.query_one("#until", Input).value)


class MinutesForm(Form):
    """Today's time budget: the plan re-sizes to it."""

    heading = "Minutes for networking today"

    def __init__(self, minutes: int | None, save: Callable[[Any], object] | None = None) -> None:
        """`minutes`: today's budget as the plan shows it (None before the day is read)."""
        super().__init__(save)
        self.minutes = minutes

    def compose_fields(self) -> ComposeResult:
        shown = "" if self.minutes is None else str(self.minutes)
        yield Input(value=shown, placeholder="minutes", id="minutes", type="integer")

    def collect(self) -> int:
        value = read_minutes(self.query_one("#minutes", Input).value)
        if value is None:
            raise NetdayError("say how many minutes you have today")
        return value


class Confirm(ModalScreen[bool]):
    """A destructive action asks first: y or Enter confirms, n or Escape does nothing."""

    BINDINGS = bindings(Scope.CONFIRM)

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="form") as box:
            box.border_title = "Are you sure?"
            yield Label(plain(self.question))
            with Horizontal(classes="buttons"):
                yield Button("Yes", variant="error", id="yes")
                yield Button("No", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
