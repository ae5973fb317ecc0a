"""Triage: one imported person at a time, one key each (A, B, C, personal, skip, archive).

Every key is saved at once in a worker (nothing typed is ever lost); the next person
shows immediately from a small queue read ahead, so a few hundred take minutes.
"""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static
from textual.worker import Worker

from netday.errors import NetdayError
from netday.services.context import Context
from netday.services.triage import (
    TriageCounts,
    TriageItem,
    decide,
    triage_counts,
    triage_queue,
)
from netday.ui.actions import Scope, bindings
from netday.ui.failures import RecoversFromFailures
from netday.ui.text import assemble, cell, plain, stacked
from netday.ui.tickets import DropsStaleResults

READ_AHEAD = 20
KEYS_HELP = "a tier A · b tier B · c tier C · p personal · s skip for now · x archive"


def card_text(item: TriageItem) -> Text:
    skipped = ("  (skipped before)", "dim") if item.skipped else ""
    lines = [assemble((item.name, "bold"), skipped)]
    if item.role or item.company:
        lines.append(plain(" at ".join(p for p in (item.role, item.company) if p)))
    if item.connected_on:
        lines.append(plain(f"connected {item.connected_on:%d %b %Y}"))
    for value in (item.email, item.profile_url):
        if value:
            lines.append(plain(value, "dim"))
    return stacked(lines)


class TriageScreen(DropsStaleResults, RecoversFromFailures, Screen[None]):
    BINDINGS = bindings(Scope.TRIAGE, Scope.BACK)

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.queue: list[TriageItem] = []
        self.passed: set[int] = set()
        """Skipped in this sitting: not shown again until the screen is opened again."""
        self.counts = TriageCounts(0, 0)
        self.decided = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="triage"):
            yield Static("", id="triage-progress")
            card = Static("", id="triage-card")
            card.border_title = "Who is this to you?"
            yield card
            yield Static(KEYS_HELP, id="triage-keys")
            upcoming: DataTable[Text] = DataTable(id="triage-next", cursor_type="none")
            upcoming.border_title = "Next"
            yield upcoming
            yield Static("", id="triage-last", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#triage-next", DataTable).add_columns("Who", "Role", "Connected")
        self.refill()

    @work(thread=True, exclusive=True, group="triage-read", exit_on_error=False)
    def refill(self) -> None:
        ticket = self.take_ticket()
        counts = triage_counts(self.ctx)
        items = triage_queue(self.ctx, limit=READ_AHEAD + len(self.passed))
        fresh = [i for i in items if i.id not in self.passed]
        self.app.call_from_thread(self.show_queue, fresh, counts, ticket)

    def show_queue(self, items: list[TriageItem], counts: TriageCounts, ticket: int) -> None:
        if not self.is_fresh(ticket):
            return
        self.queue = items
        self.counts = counts
        self.render_current()

    def render_current(self) -> None:
        left = max(0, self.counts.total - len(self.passed))
        progress = self.query_one("#triage-progress", Static)
        card = self.query_one("#triage-card", Static)
        progress.update(
            assemble(
                ("Triage ·", "bold"),
                f" {left} to go ({self.counts.pending} new, {self.counts.skipped} skipped) · "
                f"{self.decided} decided now · most recently connected first",
            )
        )
        if not self.queue:
            card.update(
                "Nobody left to triage: every imported contact has a place.\n\n"
                "Import more with Ctrl+O, or press Esc to go back to today."
            )
        else:
            card.update(card_text(self.queue[0]))
        table = self.query_one("#triage-next", DataTable)
        table.clear()
        for item in self.queue[1:8]:
            connected = f"{item.connected_on:%d %b %Y}" if item.connected_on else ""
            role = " at ".join(p for p in (item.role, item.company) if p)
            table.add_row(cell(item.name), cell(role), cell(connected))

    def action_decide(self, decision: str) -> None:
        if not self.queue:
            self.notify("Nobody left to triage.")
            return
        item = self.queue.pop(0)
        if decision == "skip":
            self.passed.add(item.id)
        self.decided += 1
        # Shown at once; the count is corrected when the save comes back.
        pending, skipped = self.counts.pending, self.counts.skipped
        if item.skipped:
            skipped -= 1
        else:
            pending -= 1
        if decision == "skip":
            skipped += 1
        self.counts = TriageCounts(max(0, pending), max(0, skipped))
        self.render_current()
        self.save(item, decision)

    @work(thread=True, group="triage-write", exit_on_error=False)
    def save(self, item: TriageItem, decision: str) -> None:
        try:
            outcome = decide(self.ctx, item.id, decision)
        except NetdayError as exc:
            self.app.call_from_thread(
                self.app.notify, f"{item.name}: {exc}", severity="error", title="Not saved"
            )
            self.app.call_from_thread(self.refill)
            return
        self.app.call_from_thread(self.show_saved, outcome.text)

    def show_saved(self, text: str) -> None:
        self.query_one("#triage-last", Static).update(plain(f"saved: {text}"))
        if len(self.queue) < 3:
            self.refill()

    def after_failure(self, worker: Worker[object], message: str) -> None:
        """A decision that failed to save: read the queue again, so the person it was
        about comes back instead of looking decided."""
        if worker.group == "triage-write":
            self.refill()
