"""The end-of-day review: two minutes, planned against done, a line of reflection.

The reflection is what the screen is for: it has the focus from the start and sits
under the summary, above the tables (which scroll), so it shows at 80x24 and every
letter typed lands in it. Alt+Left/Alt+Right (or `[`/`]` when the tables have the
focus) move between days, so yesterday's review can be finished the next morning.
"""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Static
from textual.worker import Worker

from netday.errors import NetdayError
from netday.io.markdown import export_review
from netday.services.context import Context
from netday.services.review import review_day, review_headline, review_title, save_review
from netday.services.views import ReviewView
from netday.ui.actions import Scope, bindings
from netday.ui.failures import RecoversFromFailures
from netday.ui.messages import Refused, ReviewRead
from netday.ui.text import assemble, cell, editable, plain, stacked
from netday.ui.tickets import DropsStaleResults
from netday.ui.unsaved import quoted
from netday.ui.widgets.detail import promise_cells
from netday.ui.widgets.fitted import Cells, FittedTable
from netday.ui.widgets.panes import MARKS, Column
from netday.vocabulary import CallStatus
from netday.wording import long_date, plural


def summary_text(r: ReviewView) -> Text:
    carry = [f"call {c.contact.name}" for c in r.carry_over]
    carry += [plural(r.comments_waiting, "comment") + " to write"]
    carry += [plural(r.invites_needing_action, "invitation") + " needing action"]
    return stacked(
        [
            plain(review_title(r, f"Review · {long_date(r.date)}"), "bold"),
            plain(review_headline(r)),
            plain(
                f"comments written: {len(r.comments_written)} · invitations sent: "
                f"{len(r.invites_sent)} · answered: {len(r.invites_answered)}"
            ),
            assemble(("carries over to tomorrow →", "dim"), " " + " · ".join(carry)),
        ]
    )


class ReviewScreen(DropsStaleResults, RecoversFromFailures, Screen[None]):
    BINDINGS = bindings(Scope.BACK, Scope.REVIEW)

    def __init__(self, ctx: Context, day: dt.date, *, circle: str | None = None) -> None:
        """`circle`: count and list only people of that circle (the app's filter, `C`);
        the reflection and the minutes are the whole day's."""
        super().__init__()
        self.ctx = ctx
        self.day = day
        self.circle = circle
        self.review: ReviewView | None = None
        self._stored_note = ""
        """The reflection as the database has it (as last read or saved): anything else
        in the field was typed and is not saved yet."""
        self._saving = ""
        self._note_day = day
        """The day the reflection in the field belongs to."""
        self._leaving = False
        self._step_after_save = 0
        """Days to move once the reflection typed for this day is saved (Alt+←/→ with
        a reflection typed: it is saved first, never dropped)."""

    def compose(self) -> ComposeResult:
        with Vertical(id="review-page"):
            yield Static("", id="review-summary")
            note = Input(
                placeholder="a line of reflection (Enter or Ctrl+S saves)", id="reflection"
            )
            note.border_title = "Reflection"
            yield note
            with VerticalScroll(id="review"):
                plan = FittedTable(
                    ("", Column(cap=1)),
                    ("Who", Column(cap=28, least=10)),
                    ("Why / status", Column()),
                    id="review-plan",
                )
                plan.border_title = "Planned vs done"
                yield plan
                due = FittedTable(
                    ("Due", Column(cap=12, least=6)),
                    ("Who", Column(cap=28, least=10)),
                    ("Promise", Column()),
                    ("", Column(cap=4)),
                    id="review-promises",
                )
                due.border_title = "Promises that came due"
                yield due
                log = FittedTable(
                    ("Time", Column(cap=5)),
                    ("Kind", Column(cap=14, least=4)),
                    ("Who", Column(cap=28, least=10)),
                    ("Min", Column(cap=3)),
                    ("Note", Column()),
                    id="review-log",
                )
                log.border_title = "Every interaction of the day"
                yield log
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#reflection", Input).focus()
        self.load()

    def unsaved(self) -> str | None:
        """The reflection typed and not saved (see `netday.ui.unsaved`)."""
        typed = self.query_one("#reflection", Input).value
        if typed.strip() == self._stored_note.strip():
            return None
        return f"the reflection of {long_date(self.day)} ({quoted(typed)})"

    @work(thread=True, exclusive=True, group="review", exit_on_error=False)
    def load(self, note: str | None = None) -> None:
        """Read (or save the note of) the day asked for; a day the service refuses to
        review (one that has not started) leaves the screen on the day it shows."""
        ticket, day = self.take_ticket(), self.day
        try:
            view = (
                save_review(self.ctx, day, note=note, circle=self.circle)
                if note is not None
                else review_day(self.ctx, day, self.circle)
            )
        except NetdayError as exc:
            self.post_message(Refused(str(exc), "", ticket))
            return
        self.post_message(ReviewRead(view, ticket, saved=note is not None))

    def on_review_read(self, message: ReviewRead) -> None:
        if self.is_fresh(message.ticket):
            self.show_review(message.review, message.saved)

    def on_refused(self, message: Refused) -> None:
        self._leaving = False
        self._step_after_save = 0
        if self.is_fresh(message.ticket):
            self.day = self.review.date if self.review else self.day
            self.notify(message.message, severity="warning")

    def show_review(self, r: ReviewView, saved: bool = False) -> None:
        self.review = r
        self.day = r.date
        self.query_one("#review-summary", Static).update(summary_text(r))
        plan: list[tuple[Cells, str | None]] = []
        for call in r.plan.calls if r.plan else ():
            status = (
                call.reason
                if call.status == CallStatus.PLANNED
                else f"{call.status} · {call.reason}"
            )
            plan.append(((cell(MARKS[call.status]), cell(call.contact.name), cell(status)), None))
        self.query_one("#review-plan", FittedTable).show_rows(plan)
        due = self.query_one("#review-promises", FittedTable)
        due.display = bool(r.promises_due)
        due.show_rows(
            ((when, cell(p.contact_name), assemble(whose, " ", what), state), str(p.id))
            for p in r.promises_due
            for when, whose, what, state in [promise_cells(p, r.date)]
        )
        self.query_one("#review-log", FittedTable).show_rows(
            (
                tuple(
                    cell(value)
                    for value in (
                        f"{i.at:%H:%M}",
                        i.kind,
                        i.contact_name,
                        str(i.minutes or ""),
                        i.summary,
                    )
                ),
                None,
            )
            for i in r.interactions
        )
        self.show_note(r, saved)

    def show_note(self, r: ReviewView, saved: bool) -> None:
        """The stored reflection goes into the field, unless what is there was typed
        for this same day meanwhile (a first read that comes back after the first
        letters): typed text is never overwritten."""
        note = self.query_one("#reflection", Input)
        if saved:
            self._stored_note = self._saving
            self.notify(f"Saved the reflection of {long_date(r.date)}.")
            if self._leaving:
                self.dismiss(None)
            elif self._step_after_save:
                step, self._step_after_save = self._step_after_save, 0
                self.action_day(step)
            return
        typed_here = note.value != self._stored_note and r.date == self._note_day
        self._stored_note = editable(r.note)
        self._note_day = r.date
        if not typed_here:
            note.value = self._stored_note

    def on_input_submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        self._saving = self.query_one("#reflection", Input).value
        self.load(self._saving)

    def after_failure(self, worker: Worker[object], message: str) -> None:
        """A save that failed keeps the screen open, with the reflection as typed."""
        self._leaving = False
        self._step_after_save = 0

    async def action_dismiss(self, result: None = None) -> None:
        """Back to today; a reflection typed and not saved is saved first (leaving
        once it is: a refusal keeps the screen open and says why)."""
        if self.unsaved() is None:
            self.dismiss(None)
            return
        self._leaving = True
        self.action_save()

    def action_day(self, step: int) -> None:
        """Another day; a reflection typed and not saved is saved first, as leaving does."""
        if self.unsaved() is not None:
            self._step_after_save = step
            self.action_save()
            return
        self.day += dt.timedelta(days=step)
        self.load()

    @work(thread=True, group="export", exit_on_error=False)
    def action_export(self) -> None:
        try:
            path = export_review(self.ctx, self.day, circle=self.circle)
        except (NetdayError, OSError) as exc:
            self.app.call_from_thread(self.app.notify, str(exc), severity="error")
            return
        self.app.call_from_thread(self.app.notify, f"Exported to {path}")
