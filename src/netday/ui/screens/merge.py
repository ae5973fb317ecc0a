"""Merging a duplicate into the contact on screen: pick one of its likely duplicates,
see what would move (a dry run), confirm; the duplicate is then deleted."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Label, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker

from netday.errors import NetdayError
from netday.services.context import Context
from netday.services.merge import (
    Duplicates,
    MergeReport,
    find_duplicates,
    merge_contacts,
    merge_text,
)
from netday.ui.actions import Scope, bindings
from netday.ui.failures import RecoversFromFailures
from netday.ui.screens.dialogs import Confirm
from netday.ui.text import plain
from netday.ui.tickets import DropsStaleResults


class MergeDialog(DropsStaleResults, RecoversFromFailures, ModalScreen[MergeReport | None]):
    """KEEP is the contact on screen; the highlighted duplicate is OTHER."""

    BINDINGS = bindings(Scope.MERGE, Scope.CLOSE)

    def __init__(self, ctx: Context, contact_id: int, name: str) -> None:
        super().__init__()
        self.ctx = ctx
        self.contact_id = contact_id
        self.name_shown = name

    def compose(self) -> ComposeResult:
        with Vertical(classes="form", id="merge") as box:
            box.border_title = plain(f"Merge a duplicate into #{self.contact_id}")
            yield Label(plain(f"Likely duplicates of {self.name_shown}:"))
            yield OptionList(id="merge-candidates")
            yield Static("", id="merge-preview")
            yield Label("", id="form-error")
            with Horizontal(classes="buttons"):
                yield Button("Merge", variant="error", id="merge-run")
                yield Button("Cancel", id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        self.load_candidates()

    @work(thread=True, exclusive=True, exit_on_error=False, group="merge-load")
    def load_candidates(self) -> None:
        found = find_duplicates(self.ctx, contact_id=self.contact_id)
        self.app.call_from_thread(self.show_candidates, found)

    def show_candidates(self, found: Duplicates) -> None:
        options = self.query_one("#merge-candidates", OptionList)
        for pair in found.pairs:
            other = pair.second if pair.first.id == self.contact_id else pair.first
            where = f" · {other.company}" if other.company else ""
            label = f"#{other.id} {other.name}{where}: {', '.join(pair.evidence)}"
            options.add_option(Option(plain(label), id=str(other.id)))
        if found.pairs:
            options.highlighted = 0
            options.focus()
        else:
            options.display = False
            self.query_one("#merge-run", Button).disabled = True
            self.query_one("#merge-preview", Static).update(
                plain("No likely duplicates (same URL, e-mail, phone or name).")
            )

    def _other(self) -> int | None:
        options = self.query_one("#merge-candidates", OptionList)
        if options.highlighted is None or not options.option_count:
            return None
        option_id = options.get_option_at_index(options.highlighted).id
        return int(option_id) if option_id else None

    @on(OptionList.OptionHighlighted, "#merge-candidates")
    def preview(self) -> None:
        other = self._other()
        if other is not None:
            self.dry_run(other)

    @work(thread=True, exclusive=True, exit_on_error=False, group="merge-preview")
    def dry_run(self, other: int) -> None:
        """What merging the highlighted duplicate would move (only the latest is shown)."""
        ticket = self.take_ticket()
        try:
            report = merge_contacts(self.ctx, str(self.contact_id), str(other), dry_run=True)
        except NetdayError as exc:
            self.app.call_from_thread(self.show_error, str(exc))
            return
        self.app.call_from_thread(self.show_preview, report, ticket)

    def show_preview(self, report: MergeReport, ticket: int) -> None:
        if not self.is_fresh(ticket):
            return
        lines = list(merge_text(report))[1:]  # the heading says who goes where already
        self.query_one("#merge-preview", Static).update(plain("\n".join(lines)))

    def after_failure(self, worker: Worker[object], message: str) -> None:
        self.show_error(message)

    def show_error(self, message: str) -> None:
        self.query_one("#form-error", Label).update(plain(message))

    @on(OptionList.OptionSelected, "#merge-candidates")
    @on(Button.Pressed, "#merge-run")
    def action_merge(self) -> None:
        other = self._other()
        if other is None:
            self.show_error("no duplicate to merge")
            return
        question = f"Move everything of #{other} to #{self.contact_id}, then delete #{other}?"

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.run_merge(other)

        self.app.push_screen(Confirm(question), confirmed)

    @work(thread=True, exclusive=True, exit_on_error=False, group="merge-run")
    def run_merge(self, other: int) -> None:
        try:
            report = merge_contacts(self.ctx, str(self.contact_id), str(other))
        except NetdayError as exc:
            self.app.call_from_thread(self.show_error, str(exc))
            return
        self.app.call_from_thread(self.dismiss, report)

    @on(Button.Pressed, "#cancel")
    def cancelled(self) -> None:
        self.dismiss(None)
