"""Small forms over the main screen. Escape cancels without writing; a form that does
not validate stays open with what was typed and says what is wrong.

The forms hold no rules: what a field means (minutes, a day) is read by the services'
readers, and what may be saved is the service's call; its refusal shows in the form."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, RadioSet, Static

from netday.errors import NetdayError
from netday.services.context import Context
from netday.services.journal import read_day, read_minutes
from netday.services.planner import snooze_until
from netday.services.promises import NewPromise, read_promise
from netday.services.views import InteractionView, PlannedCall, PlanView, TodayView
from netday.ui.actions import Scope, bindings
from netday.ui.screens.modal_form import Form
from netday.ui.text import assemble, plain, stacked
from netday.ui.widgets.choice import Choice, ChoiceButton
from netday.ui.widgets.detail import day, last_talk_text, promise_text
from netday.vocabulary import OUTCOME_SAID, CallOutcome, Direction, OwedBy

DIRECTIONS = {Direction.NEUTRAL: "neutral", Direction.GAVE: "I gave", Direction.ASKED: "I asked"}


@dataclass(frozen=True)
class CallNote:
    note: str
    minutes: int | None
    direction: str
    follow_up_on: dt.date | None
    outcome: str = CallOutcome.ANSWERED
    promises: tuple[NewPromise, ...] = ()


OUTCOME_PREFIX = "outcome-"
"""The outcome options' widget ids: `outcome-answered`, `outcome-no-answer`, …"""


class CallDoneForm(Form[CallNote, InteractionView]):
    """Mark a call done with a quick note; the form opens on what was said last time,
    any follow-up still owed and the open promises either way, so the note can pick up
    where that left off; a promise made in the call is typed as "the deck by friday".

    How the call went is a choice above the note, answered unless said otherwise: one
    key (`call-done.no_answer`, `call-done.message`, keys no text field types) says
    otherwise while the note is being typed, and again takes it back; shift+tab and the
    arrows reach it too. The note has the focus, so `d`, a note and Enter stay the routine.
    """

    BINDINGS = bindings(Scope.CALL_DONE)
    AUTO_FOCUS = "#note"

    def __init__(
        self, call: PlannedCall, ctx: Context, save: Callable[[CallNote], InteractionView]
    ) -> None:
        super().__init__(save)
        self.heading = f"Call with {call.contact.name}: done"
        self.call = call
        self.ctx = ctx
        self.outcome: str = CallOutcome.ANSWERED

    def compose_fields(self) -> ComposeResult:
        context = [assemble(("last talk ", "dim"), last_talk_text(self.call))]
        if self.call.promise is not None:
            context.append(assemble(("follow-up ", "dim"), f"due {day(self.call.promise.due)}"))
        context.extend(assemble(("promise ", "dim"), promise_text(p)) for p in self.call.promises)
        yield Static(stacked(context), id="call-context")
        yield Choice(
            list(OUTCOME_SAID.values()),
            list(OUTCOME_SAID).index(self.outcome),
            ids=[OUTCOME_PREFIX + outcome for outcome in OUTCOME_SAID],
            id="outcome",
        )
        yield Input(placeholder="what you talked about", id="note")
        yield Input(placeholder="minutes", id="minutes", type="integer")
        yield Choice(
            list(DIRECTIONS.values()),
            list(DIRECTIONS).index(Direction.NEUTRAL),
            ids=list(DIRECTIONS),
            id="direction",
        )
        yield Input(
            placeholder="follow-up date (tomorrow, friday, 2026-12-01): optional", id="follow-up"
        )
        with Horizontal(id="promises"):
            yield Input(placeholder="I promised… by when", id="promised-mine")
            yield Input(placeholder="they promised… by when", id="promised-theirs")

    def action_outcome(self, outcome: str) -> None:
        """Say how the call went; the same key again makes it answered."""
        chosen = CallOutcome.ANSWERED if self.outcome == outcome else outcome
        self.outcome = chosen
        self.query_one(f"#{OUTCOME_PREFIX}{chosen}", ChoiceButton).value = True

    @on(RadioSet.Changed, "#outcome")
    def outcome_chosen(self, event: RadioSet.Changed) -> None:
        self.outcome = (event.pressed.id or "").removeprefix(OUTCOME_PREFIX)

    def collect(self) -> CallNote:
        follow_text = self.query_one("#follow-up", Input).value.strip()
        pressed = self.query_one("#direction", Choice).pressed_button
        return CallNote(
            note=self.query_one("#note", Input).value.strip(),
            minutes=read_minutes(self.query_one("#minutes", Input).value),
            direction=pressed.id if pressed and pressed.id else Direction.NEUTRAL,
            follow_up_on=read_day(self.ctx, follow_text) if follow_text else None,
            outcome=self.outcome,
            promises=tuple(
                read_promise(self.ctx, text, owed_by)
                for owed_by, text in (
                    (OwedBy.ME, self.query_one("#promised-mine", Input).value),
                    (OwedBy.THEM, self.query_one("#promised-theirs", Input).value),
                )
                if text.strip()
            ),
        )


class SnoozeForm(Form[dt.date, PlanView]):
    """Snooze until a day: tomorrow by default."""

    def __init__(self, name: str, ctx: Context, save: Callable[[dt.date], PlanView]) -> None:
        super().__init__(save)
        self.heading = f"Snooze {name} until"
        self.ctx = ctx

    def compose_fields(self) -> ComposeResult:
        yield Input(
            value="tomorrow", placeholder="tomorrow, next week, friday, 2026-12-01", id="until"
        )

    def collect(self) -> dt.date:
        """The planner reads the day and refuses one that is not after today."""
        return snooze_until(self.ctx, self.query_one("#until", Input).value)


class MinutesForm(Form[int, TodayView]):
    """Today's time budget: the plan re-sizes to it."""

    heading = "Minutes for networking today"

    def __init__(self, minutes: int | None, save: Callable[[int], TodayView]) -> None:
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
    """A destructive action asks first: y confirms, n or Escape does nothing (the
    callback gets False, or None from Escape: both mean no)."""

    BINDINGS = bindings(Scope.CONFIRM, Scope.CLOSE)

    def __init__(self, question: str, *, title: str = "Are you sure?") -> None:
        super().__init__()
        self.question = question
        self.title_shown = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="form") as box:
            box.border_title = plain(self.title_shown)
            yield Label(plain(self.question), id="question")
            with Horizontal(classes="buttons"):
                yield Button("Yes", variant="error", id="yes")
                yield Button("No", id="no")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed, "#yes")
    def confirmed(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def declined(self) -> None:
        self.dismiss(False)

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
