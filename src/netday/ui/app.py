"""The main screen: today's calls, comments to write, pending invites, the day's log.

Widgets never touch the database: every service call runs in a thread worker and the
fresh `TodayView` comes back to the event loop with `call_from_thread`.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from itertools import count
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.command import Provider
from textual.containers import Grid, Vertical
from textual.notifications import SeverityLevel
from textual.widgets import Footer, Input, Static
from textual.worker import Worker, WorkerState

from netday.cleaning import for_terminal
from netday.errors import NetdayError
from netday.services.changes import ChangeCheck
from netday.services.contacts import add_contact
from netday.services.context import Context
from netday.services.exporting import default_export_folder
from netday.services.invites import (
    accept_invite,
    decline_invite,
    follow_up_invite,
    list_templates,
    record_received,
    send_invite,
    withdraw_invite,
)
from netday.services.journal import log_interaction, parse_quick_entry
from netday.services.planner import skip_call, snooze_contact
from netday.services.posts import add_post, mark_commented, skip_post
from netday.services.review import today_overview
from netday.services.views import PlannedCall, PostView, TodayView
from netday.ui.failures import RecoversFromFailures, debugging, summary, write_log
from netday.ui.text import plain
from netday.ui.widgets.panes import CallsPane, CommentsPane, InvitesPane, LogPane

if TYPE_CHECKING:
    from netday.services.demo import DemoNetwork

Job = Callable[[], TodayView]
CHECK_SECONDS = 1.0
MAIN_SCREEN_ACTIONS = frozenset(
    {
        "minutes",
        "open_selected_contact",
        "add_contact",
        "review",
        "log_any",
        "invite_send",
        "post_add",
        "triage",
        "import_contacts",
        "export_data",
    }
)


def header_text(view: TodayView) -> str:
    plan = view.plan
    streak = "1 day" if view.streak == 1 else f"{view.streak} days"
    return (
        f"{view.date:%A} {view.date.day} {view.date:%B %Y}  ·  budget {plan.minutes} min  ·  "
        f"calls {plan.done}/{len(plan.calls)} done  ·  streak {streak}"
        + (f"  ·  {view.to_triage} to triage (t)" if view.to_triage else "")
    )


def _palette_provider() -> type[Provider]:
    """Imported when the palette first opens, not on the way to the first frame."""
    from netday.ui.commands import NetdayCommands

    return NetdayCommands


class NetdayApp(App[None]):
    CSS_PATH = "netday.tcss"
    TITLE = "netday"
    COMMANDS = App.COMMANDS | {_palette_provider}
    BINDINGS = [
        Binding("r", "review", "Review"),
        Binding("question_mark", "show_help_panel", "Keys"),
        Binding("q", "quit", "Quit"),
        # Reachable from everywhere, listed by `?` and the palette, kept out of the
        # footer so that it shows the focused pane's own keys.
        Binding("m", "minutes", "Today's minutes", show=False),
        Binding("c", "open_selected_contact", "Open contact", show=False),
        Binding("a", "add_contact", "Add contact", show=False),
        Binding("l", "log_any", "Log an interaction", show=False),
        Binding("i", "invite_send", "Send an invitation", show=False),
        Binding("p", "post_add", "Add a post to comment", show=False),
        Binding("t", "triage", "Triage imported contacts", show=False),
        Binding("ctrl+o", "import_contacts", "Import contacts", show=False),
        Binding("ctrl+e", "export_data", "Export", show=False),
        Binding("ctrl+r", "reload", "Reload", show=False),
    ]

    def __init__(self, ctx: Context, demo: DemoNetwork | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.view: TodayView | None = None
        self._sequence = count(1)
        self._shown = 0
        self._welcomed = False
        self._watch_failing = False
        self.demo = demo
        """The sample network being shown, if any: closed (and its folder removed) on quit."""

    def compose(self) -> ComposeResult:
        yield Static("", id="day-header")
        with Grid(id="panes"):
            yield CallsPane(id="calls")
            yield CommentsPane(id="comments")
            yield InvitesPane(id="invites")
            with Vertical(id="log-cell"):
                yield LogPane(id="log")
                yield Input(
                    placeholder="quick log: ana: coffee, talked about hiring  (Enter)",
                    id="quick-log",
                    compact=True,
                )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(CallsPane).focus()
        # The first view is read before the first frame, like any start-up work (a few
        # milliseconds even at 10,000 contacts); every later read runs in a worker.
        try:
            self.show_today(today_overview(self.ctx), next(self._sequence))
        except NetdayError as exc:
            self.notify(str(exc), severity="error")
        except Exception as exc:  # the day could not be read: say so, keep the app open
            self.report_failure(exc, "reading today")
        self.changes = ChangeCheck(self.ctx)
        self.set_interval(CHECK_SECONDS, self.check_for_changes)

    def on_unmount(self) -> None:
        self.changes.close()
        if self.demo is not None:
            self.demo.close()

    @work(thread=True, exclusive=True, group="watch", exit_on_error=False)
    def check_for_changes(self) -> None:
        """Past midnight, move to the new day; after a write elsewhere, show it."""
        new_day = self.view is not None and self.ctx.today() != self.view.date
        if new_day or self.changes.data_changed():
            ticket = next(self._sequence)
            view = today_overview(self.ctx)
            self.call_from_thread(self.show_today, view, ticket)

    @work(thread=True, group="db", exit_on_error=False)
    def run_job(self, job: Job) -> None:
        """Run one unit of database work off the event loop; show the fresh day after."""
        ticket = next(self._sequence)
        try:
            view = job()
        except NetdayError as exc:
            self.call_from_thread(self.notify, str(exc), severity="error", title="Not saved")
            return
        self.call_from_thread(self.show_today, view, ticket)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every notification is plain text, whatever the caller asked: messages quote
        names, notes and paths, and `Ana [/]` must neither crash nor style anything."""
        super().notify(
            for_terminal(message),
            title=for_terminal(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.worker_failed(event.worker)
        elif event.state == WorkerState.SUCCESS and event.worker.group == "watch":
            self._watch_failing = False

    def worker_failed(self, worker: Worker[object]) -> None:
        """The one handler of a failed worker, wherever it ran (see `netday.ui.failures`)."""
        error = worker.error
        if error is None:
            return
        if worker.group == "watch":
            # The watcher runs every second: one report until it works again, so a
            # database locked for an hour is one notification and one log entry.
            if self._watch_failing:
                return
            self._watch_failing = True
        message = self.report_failure(error, f"{type(worker.node).__name__}.{worker.name}")
        if isinstance(worker.node, RecoversFromFailures):
            worker.node.after_failure(worker, message)

    def report_failure(self, error: BaseException, where: str) -> str:
        """Log the traceback, show one line (the traceback too with NETDAY_DEBUG=1), and
        return the line for the screen to show where the user is looking."""
        message = f"Not done: {summary(error)}."
        try:
            path = write_log(error, self.ctx.now(), where)
        except OSError as exc:
            message += f" (the error log could not be written: {exc.strerror or exc})"
        else:
            message += f" Details in {path}."
        details = "".join(traceback.format_exception(error)) if debugging() else ""
        self.notify(
            message + ("\n" + details if details else ""),
            title="Something went wrong",
            severity="error",
            timeout=30 if details else None,
        )
        return message

    def show_today(self, view: TodayView, ticket: int = 0) -> None:
        from netday.ui.screens.welcome import WelcomeScreen

        if ticket and ticket < self._shown:
            return
        self._shown = ticket
        self.view = view
        prefix = "DEMO  ·  " if self.demo is not None else ""
        self.query_one("#day-header", Static).update(plain(prefix + header_text(view)))
        self.query_one(CallsPane).show(view.plan.calls)
        self.query_one(CommentsPane).show(view.comments)
        self.query_one(InvitesPane).show(view.invites)
        self.query_one(LogPane).show(view.log)
        if view.is_empty and not self._welcomed:
            self._welcomed = True
            self.push_screen(WelcomeScreen(), self.welcome_choice)

    def welcome_choice(self, choice: str | None) -> None:
        if choice == "add":
            self.action_add_contact()
        elif choice == "import":
            self.action_import_contacts()
        elif choice == "demo":
            self.notify("Building a sample network…")
            self.switch_to_demo()

    @work(thread=True, exclusive=True, group="db", exit_on_error=False)
    def switch_to_demo(self) -> None:
        from netday.services.demo import open_demo

        """Work on a throwaway sample network; the user's own database stays as it was."""
        demo = open_demo(self.ctx.clock)
        view = today_overview(demo.ctx)

        def switch() -> None:
            self.changes.close()
            self.ctx = demo.ctx
            self.demo = demo
            self.changes = ChangeCheck(demo.ctx)
            self.show_today(view, next(self._sequence))

        self.call_from_thread(switch)

    def selected_call(self) -> PlannedCall | None:
        key = self.query_one(CallsPane).selected_key()
        if self.view is None or key is None:
            return None
        return next((c for c in self.view.plan.calls if str(c.contact.id) == key), None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys of the main screen are hidden while another screen is on top."""
        return not (action in MAIN_SCREEN_ACTIONS and len(self.screen_stack) > 1)

    def open_contact(self, contact_id: int) -> None:
        from netday.ui.screens.contact import ContactScreen

        self.push_screen(ContactScreen(self.ctx, contact_id))

    def action_open_selected_contact(self) -> None:
        call = self.selected_call()
        if call is not None:
            self.open_contact(call.contact.id)

    def action_triage(self) -> None:
        from netday.ui.screens.triage import TriageScreen

        self.push_screen(TriageScreen(self.ctx), lambda _: self.action_reload())

    def action_import_contacts(self) -> None:
        from netday.ui.screens.transfer import ImportScreen

        self.push_screen(ImportScreen(self.ctx), self.after_import)

    def after_import(self, start_triage: bool | None) -> None:
        self.action_reload()
        if start_triage:
            self.action_triage()

    def action_export_data(self) -> None:
        from netday.ui.screens.transfer import ExportScreen

        self.push_screen(ExportScreen(self.ctx, default_export_folder(self.ctx)))

    def action_review(self) -> None:
        from netday.ui.screens.review import ReviewScreen

        self.push_screen(ReviewScreen(self.ctx, self.ctx.today()))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "quick-log" and event.value.strip():
            self.quick_log(event.value)

    @work(thread=True, exclusive=True, group="quick-log", exit_on_error=False)
    def quick_log(self, text: str) -> None:
        """One line, logged; the line is cleared only once it is saved."""
        try:
            kind, who, note = parse_quick_entry(text)
            logged = log_interaction(self.ctx, who, kind=kind, summary=note)
            view = today_overview(self.ctx)
        except NetdayError as exc:
            self.call_from_thread(self.notify, str(exc), severity="error", title="Not logged")
            return

        def done() -> None:
            self.query_one("#quick-log", Input).value = ""
            self.show_today(view, next(self._sequence))
            self.notify(f"Logged a {logged.kind} with {logged.contact_name}.")

        self.call_from_thread(done)

    def action_reload(self) -> None:
        self.run_job(lambda: today_overview(self.ctx))

    def reload_after(self, result: object) -> None:
        """A form closed: if it saved something, show the day as it is now."""
        if result is not None:
            self.action_reload()

    def action_call_done(self) -> None:
        from netday.ui.screens.dialogs import CallDoneForm, CallOutcome

        call = self.selected_call()
        if call is None:
            return
        if call.status == "done":
            self.notify(f"The call with {call.contact.name} is already done.")
            return
        contact_id = str(call.contact.id)

        def save(outcome: CallOutcome) -> object:
            return log_interaction(
                self.ctx,
                contact_id,
                kind="call",
                summary=outcome.note,
                minutes=outcome.minutes,
                direction=outcome.direction,
                follow_up_on=outcome.follow_up_on,
            )

        self.push_screen(CallDoneForm(call.contact.name, self.ctx.today(), save), self.reload_after)

    def action_call_skip(self) -> None:
        call = self.selected_call()
        if call is not None:
            contact_id = str(call.contact.id)
            self.run_job(lambda: self._then_today(lambda: skip_call(self.ctx, contact_id)))

    def action_call_snooze(self) -> None:
        from netday.ui.screens.dialogs import SnoozeForm

        call = self.selected_call()
        if call is None:
            return
        contact_id = str(call.contact.id)
        form = SnoozeForm(
            call.contact.name,
            self.ctx.today(),
            lambda until: snooze_contact(self.ctx, contact_id, until),
        )
        self.push_screen(form, self.reload_after)

    def action_minutes(self) -> None:
        from netday.ui.screens.dialogs import MinutesForm

        current = self.view.plan.minutes if self.view else 30
        form = MinutesForm(current, lambda minutes: today_overview(self.ctx, minutes))
        self.push_screen(form, self.reload_after)

    def action_add_contact(self) -> None:
        from netday.ui.screens.contact_form import ContactForm

        form = ContactForm(self.ctx.today(), save=lambda fields: add_contact(self.ctx, fields))
        self.push_screen(form, self.reload_after)

    def action_log_any(self) -> None:
        from netday.ui.screens.network_forms import LogDraft, LogForm

        def save(d: LogDraft) -> object:
            return log_interaction(
                self.ctx, str(d.contact_id), kind=d.kind, summary=d.note, minutes=d.minutes, at=d.at
            )

        self.push_screen(LogForm(self.ctx, save), self.reload_after)

    def action_invite_send(self) -> None:
        from netday.ui.screens.network_forms import InviteDraft, InviteForm

        def save(d: InviteDraft) -> object:
            return send_invite(self.ctx, d.message, name=d.who, profile_url=d.url)

        def opened(templates: list[str]) -> None:
            self.push_screen(InviteForm(templates, save), self.reload_after)

        self._with_templates(opened)

    @work(thread=True, group="templates", exit_on_error=False)
    def _with_templates(self, then: Callable[[list[str]], None]) -> None:
        templates = [body for _, body in list_templates(self.ctx)]
        self.call_from_thread(then, templates)

    def action_invite_received(self) -> None:
        from netday.ui.screens.network_forms import InviteDraft, ReceivedInviteForm

        def save(d: InviteDraft) -> object:
            return record_received(self.ctx, name=d.who, message=d.message, profile_url=d.url)

        self.push_screen(ReceivedInviteForm(save), self.reload_after)

    def action_invite(self, what: str) -> None:
        from netday.ui.screens.dialogs import Confirm

        key = self.query_one(InvitesPane).selected_key()
        if key is None:
            return
        invite_id = int(key)
        operations: dict[str, Callable[[], object]] = {
            "accept": lambda: accept_invite(self.ctx, invite_id),
            "decline": lambda: decline_invite(self.ctx, invite_id),
            "withdraw": lambda: withdraw_invite(self.ctx, invite_id),
            "follow_up": lambda: follow_up_invite(self.ctx, invite_id),
        }
        if what == "withdraw":
            self.push_screen(
                Confirm("Withdraw this invitation? It cannot be sent again."),
                lambda yes: (
                    self.run_job(lambda: self._then_today(operations[what])) if yes else None
                ),
            )
            return
        self.run_job(lambda: self._then_today(operations[what]))

    def action_post_add(self) -> None:
        from netday.ui.screens.network_forms import PostDraft, PostForm

        def save(d: PostDraft) -> object:
            return add_post(self.ctx, d.author, d.url, d.excerpt)

        self.push_screen(PostForm(save), self.reload_after)

    def _selected_post(self) -> PostView | None:
        key = self.query_one(CommentsPane).selected_key()
        if self.view is None or key is None:
            return None
        return next((p for p in self.view.comments if str(p.id) == key), None)

    def action_post_done(self) -> None:
        from netday.ui.screens.network_forms import CommentForm

        post = self._selected_post()
        if post is None:
            return
        post_id = post.id
        form = CommentForm(
            post.author, post.draft_comment, lambda text: mark_commented(self.ctx, post_id, text)
        )
        self.push_screen(form, self.reload_after)

    def action_post_skip(self) -> None:
        post = self._selected_post()
        if post is not None:
            post_id = post.id
            self.run_job(lambda: self._then_today(lambda: skip_post(self.ctx, post_id)))

    def _then_today(self, action: Callable[[], object]) -> TodayView:
        action()
        return today_overview(self.ctx)
