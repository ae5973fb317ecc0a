"""The main screen: today's calls, comments to write, pending invites, the day's log.

Widgets never touch the database: every service call runs in a thread worker and the
fresh `TodayView` comes back to the event loop with `call_from_thread`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from itertools import count

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Grid
from textual.widgets import Footer, Static

from netday.errors import NetdayError
from netday.services.changes import ChangeCheck
from netday.services.contacts import ContactFields, add_contact
from netday.services.context import Context
from netday.services.journal import log_interaction
from netday.services.planner import skip_call, snooze_contact
from netday.services.review import today_overview
from netday.services.views import PlannedCall, TodayView
from netday.ui.commands import NetdayCommands
from netday.ui.screens.contact import ContactScreen
from netday.ui.screens.contact_form import ContactForm
from netday.ui.screens.dialogs import CallDoneForm, CallOutcome, MinutesForm, SnoozeForm
from netday.ui.screens.review import ReviewScreen
from netday.ui.widgets.panes import CallsPane, CommentsPane, InvitesPane, LogPane

Job = Callable[[], TodayView]
CHECK_SECONDS = 1.0
MAIN_SCREEN_ACTIONS = frozenset({"minutes", "open_selected_contact", "add_contact", "review"})


def header_text(view: TodayView) -> str:
    plan = view.plan
    streak = "1 day" if view.streak == 1 else f"{view.streak} days"
    return (
        f"{view.date:%A} {view.date.day} {view.date:%B %Y}  ·  budget {plan.minutes} min  ·  "
        f"calls {plan.done}/{len(plan.calls)} done  ·  streak {streak}"
    )


class NetdayApp(App[None]):
    CSS_PATH = "netday.tcss"
    TITLE = "netday"
    COMMANDS = App.COMMANDS | {NetdayCommands}
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("m", "minutes", "Minutes"),
        Binding("question_mark", "show_help_panel", "Keys"),
        Binding("c", "open_selected_contact", "Contact"),
        Binding("a", "add_contact", "Add contact"),
        Binding("r", "review", "Review"),
        Binding("ctrl+r", "reload", "Reload", show=False),
    ]

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.view: TodayView | None = None
        self._sequence = count(1)
        self._shown = 0

    def compose(self) -> ComposeResult:
        yield Static("", id="day-header")
        with Grid(id="panes"):
            yield CallsPane(id="calls")
            yield CommentsPane(id="comments")
            yield InvitesPane(id="invites")
            yield LogPane(id="log")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(CallsPane).focus()
        self.run_job(lambda: today_overview(self.ctx))
        self.changes = ChangeCheck(self.ctx)
        self.set_interval(CHECK_SECONDS, self.check_for_changes)

    def on_unmount(self) -> None:
        self.changes.close()

    @work(thread=True, exclusive=True, group="watch")
    def check_for_changes(self) -> None:
        """Past midnight, move to the new day; after a write elsewhere, show it."""
        new_day = self.view is not None and self.ctx.today() != self.view.date
        if new_day or self.changes.data_changed():
            ticket = next(self._sequence)
            view = today_overview(self.ctx)
            self.call_from_thread(self.show_today, view, ticket)

    @work(thread=True, group="db")
    def run_job(self, job: Job) -> None:
        """Run one unit of database work off the event loop; show the fresh day after."""
        ticket = next(self._sequence)
        try:
            view = job()
        except NetdayError as exc:
            self.call_from_thread(self.notify, str(exc), severity="error", title="Not saved")
            return
        self.call_from_thread(self.show_today, view, ticket)

    def show_today(self, view: TodayView, ticket: int = 0) -> None:
        if ticket and ticket < self._shown:
            return
        self._shown = ticket
        self.view = view
        self.query_one("#day-header", Static).update(header_text(view))
        self.query_one(CallsPane).show(view.plan.calls)
        self.query_one(CommentsPane).show(view.comments)
        self.query_one(InvitesPane).show(view.invites)
        self.query_one(LogPane).show(view.log)

    def selected_call(self) -> PlannedCall | None:
        key = self.query_one(CallsPane).selected_key()
        if self.view is None or key is None:
            return None
        return next((c for c in self.view.plan.calls if str(c.contact.id) == key), None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys of the main screen are hidden while another screen is on top."""
        return not (action in MAIN_SCREEN_ACTIONS and len(self.screen_stack) > 1)

    def open_contact(self, contact_id: int) -> None:
        self.push_screen(ContactScreen(self.ctx, contact_id))

    def action_open_selected_contact(self) -> None:
        call = self.selected_call()
        if call is not None:
            self.open_contact(call.contact.id)

    def action_add_contact(self) -> None:
        def save(fields: object) -> None:
            if isinstance(fields, ContactFields):
                self.run_job(lambda: self._then_today(lambda: add_contact(self.ctx, fields)))
                self.notify(f"Added {fields.full_name}.")

        self.push_screen(ContactForm(self.ctx.today()), save)

    def action_review(self) -> None:
        self.push_screen(ReviewScreen(self.ctx, self.ctx.today()))

    def action_reload(self) -> None:
        self.run_job(lambda: today_overview(self.ctx))

    def action_call_done(self) -> None:
        call = self.selected_call()
        if call is None:
            return
        if call.status == "done":
            self.notify(f"The call with {call.contact.name} is already done.")
            return
        contact_id = str(call.contact.id)

        def save(outcome: object) -> None:
            if not isinstance(outcome, CallOutcome):
                return
            self.run_job(
                lambda: self._then_today(
                    lambda: log_interaction(
                        self.ctx,
                        contact_id,
                        kind="call",
                        summary=outcome.note,
                        minutes=outcome.minutes,
                        direction=outcome.direction,
                        follow_up_on=outcome.follow_up_on,
                    )
                )
            )

        self.push_screen(CallDoneForm(call.contact.name, self.ctx.today()), save)

    def action_call_skip(self) -> None:
        call = self.selected_call()
        if call is not None:
            contact_id = str(call.contact.id)
            self.run_job(lambda: self._then_today(lambda: skip_call(self.ctx, contact_id)))

    def action_call_snooze(self) -> None:
        call = self.selected_call()
        if call is None:
            return
        contact_id = str(call.contact.id)

        def save(until: object) -> None:
            if isinstance(until, dt.date):
                self.run_job(
                    lambda: self._then_today(lambda: snooze_contact(self.ctx, contact_id, until))
                )

        self.push_screen(SnoozeForm(call.contact.name, self.ctx.today()), save)

    def action_minutes(self) -> None:
        current = self.view.plan.minutes if self.view else 30

        def save(minutes: object) -> None:
            if isinstance(minutes, int):
                self.run_job(lambda: today_overview(self.ctx, minutes))

        self.push_screen(MinutesForm(current), save)

    def _then_today(self, action: Callable[[], object]) -> TodayView:
        action()
        return today_overview(self.ctx)
