"""Correcting the log: edit a logged interaction in a form pre-filled with it, or delete
it after a question that names the person, the kind and the day.

Both the Interaction log pane and a contact's timeline use `edit_entry` and
`delete_entry`; the service (`services.journal`) reads and judges every value and then
derives the plan, the cadence and the follow-up again, so neither holds a rule.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.dom import DOMNode
from textual.widgets import Input, Select

from netday.errors import NetdayError
from netday.services.context import Context
from netday.services.journal import (
    InteractionChanges,
    delete_interaction,
    edit_interaction,
    read_day,
    read_minutes,
    read_moment,
)
from netday.services.outcomes import has_outcome
from netday.services.views import InteractionView
from netday.ui.messages import Refused
from netday.ui.screens.dialogs import DIRECTIONS, OUTCOME_PREFIX, Confirm
from netday.ui.screens.modal_form import Form
from netday.ui.text import editable
from netday.ui.widgets.choice import Choice
from netday.vocabulary import OUTCOME_SAID, CallOutcome, Direction, InteractionKind, values
from netday.wording import long_date, short_date


def entry_title(entry: InteractionView) -> str:
    """`the call with Ana Souza on Sunday 22 November 2026 at 09:30`."""
    return (
        f"the {entry.kind} with {entry.contact_name} on {long_date(entry.at.date())}"
        f" at {entry.at:%H:%M}"
    )


class InteractionForm(Form[InteractionChanges, InteractionView]):
    """Every field of a logged interaction, as it is now; saving sends them all."""

    def __init__(
        self,
        ctx: Context,
        entry: InteractionView,
        save: Callable[[InteractionChanges], InteractionView],
    ) -> None:
        super().__init__(save)
        self.ctx = ctx
        self.entry = entry
        self.heading = f"Edit the {entry.kind} with {entry.contact_name}"

    def compose_fields(self) -> ComposeResult:
        e = self.entry
        yield Select(
            [(kind, kind) for kind in values(InteractionKind)],
            value=e.kind,
            allow_blank=False,
            compact=True,
            id="kind",
        )
        outcome = Choice(  # how a call went: shown while the kind is a call
            list(OUTCOME_SAID.values()),
            list(OUTCOME_SAID).index(e.outcome or CallOutcome.ANSWERED),
            ids=[OUTCOME_PREFIX + outcome for outcome in OUTCOME_SAID],
            id="outcome",
        )
        outcome.display = has_outcome(e.kind)
        yield outcome
        yield Input(f"{e.at:%Y-%m-%d %H:%M}", placeholder="when (14:30, yesterday 16:00)", id="at")
        yield Input(editable(e.summary), placeholder="what happened", id="note")
        yield Input(
            "" if e.minutes is None else str(e.minutes),
            placeholder="minutes",
            id="minutes",
            type="integer",
        )
        yield Choice(
            list(DIRECTIONS.values()),
            list(DIRECTIONS).index(Direction(e.direction)),
            ids=list(DIRECTIONS),
            id="direction",
        )
        yield Input(
            e.follow_up_on.isoformat() if e.follow_up_on else "",
            placeholder="follow-up date (friday, 2026-12-01): optional",
            id="follow-up",
        )

    @on(Select.Changed, "#kind")
    def kind_changed(self, event: Select.Changed) -> None:
        self.query_one("#outcome", Choice).display = has_outcome(str(event.value))

    def collect(self) -> InteractionChanges:
        """The fields as the services' readers read them; a blank minutes or follow-up
        field clears it."""
        text = {w.id: w.value.strip() for w in self.query(Input) if w.id}
        if not text["at"]:
            raise NetdayError("say when it happened (14:30, yesterday 16:00, 2026-11-20 09:15)")
        pressed = self.query_one("#direction", Choice).pressed_button
        how = self.query_one("#outcome", Choice).pressed_button
        kind = str(self.query_one("#kind", Select).value)
        minutes = read_minutes(text["minutes"])
        follow_up = read_day(self.ctx, text["follow-up"]) if text["follow-up"] else None
        return InteractionChanges(
            kind=kind,
            outcome=(
                (how.id or "").removeprefix(OUTCOME_PREFIX) if how and has_outcome(kind) else None
            ),
            direction=pressed.id if pressed and pressed.id else Direction.NEUTRAL,
            at=read_moment(self.ctx, text["at"]),
            minutes=minutes,
            summary=text["note"],
            follow_up_on=follow_up,
            clear_minutes=minutes is None,
            clear_follow_up=follow_up is None,
        )


def edit_entry(
    node: DOMNode,
    ctx: Context,
    entry: InteractionView,
    saved: Callable[[InteractionView | None], None],
) -> None:
    """Open the form over `node`'s screen; `saved` gets the entry as saved (None when
    the form was cancelled)."""
    form = InteractionForm(ctx, entry, lambda changes: edit_interaction(ctx, entry.id, changes))
    node.app.push_screen(form, saved)


def delete_entry(
    node: DOMNode, ctx: Context, entry: InteractionView, deleted: Callable[[], None]
) -> None:
    """Ask first; on yes, delete in a worker of `node` and call `deleted` on the event
    loop. A refusal (someone else deleted it first) is posted to `node` as `Refused`."""

    def run() -> None:
        try:
            gone = delete_interaction(ctx, entry.id)
        except NetdayError as exc:
            node.post_message(Refused(str(exc), "Not deleted"))
            return
        node.app.call_from_thread(node.app.notify, f"Deleted {entry_title(gone)}.")
        node.app.call_from_thread(deleted)

    def answered(yes: bool | None) -> None:
        if yes:
            node.run_worker(run, thread=True, group="db", exit_on_error=False)

    note = f"\n“{entry.summary}”" if entry.summary else ""
    promised = entry.follow_up_on
    follow = f"\nIts follow-up ({short_date(promised)}) goes too." if promised else ""
    node.app.push_screen(Confirm(f"Delete {entry_title(entry)}?{note}{follow}"), answered)
