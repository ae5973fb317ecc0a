"""The main screen: today's calls, comments to write, pending invites, the day's log.

It owns the header, the four panes, the quick-log line and every action on them, with
their keys (other screens pushed on top have their own, so none of these leak). Widgets
never touch the database: every service call runs in a thread worker, and the fresh
`TodayView` comes back as a message with the ticket its read took (`netday.ui.tickets`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, cast

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from netday.errors import NetdayError
from netday.services.contacts import add_contact, new_contact_defaults
from netday.services.context import Context
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
from netday.services.undo import undo_last
from netday.services.views import InteractionView, InviteView, PlannedCall, PostView, TodayView
from netday.ui.actions import Scope, bindings
from netday.ui.failures import RecoversFromFailures
from netday.ui.messages import DataChanged, QuickLogged, Refused, TodayRead
from netday.ui.text import plain
from netday.ui.tickets import DropsStaleResults
from netday.ui.unsaved import quoted
from netday.ui.widgets.panes import CallsPane, CommentsPane, InvitesPane, LogPane, Pane
from netday.vocabulary import CallStatus, InteractionKind
from netday.wording import plural

if TYPE_CHECKING:
    from netday.ui.app import NetdayApp

Job = Callable[[], object]
"""A change to save; the day is read again after it."""


def header_text(view: TodayView) -> str:
    plan = view.plan
    return (
        f"{view.date:%A} {view.date.day} {view.date:%B %Y}  ·  budget {plan.minutes} min  ·  "
        f"calls {plan.done}/{len(plan.calls)} done  ·  streak {plural(view.streak, 'day')}"
        + (f"  ·  {view.to_triage} to triage (t)" if view.to_triage else "")
    )


def person_on_row(view: TodayView, pane: Pane, key: str) -> tuple[int | None, str] | None:
    """(contact id, or None when unlinked; the name shown) of the person on the row of
    `pane` with `key`: a call's contact, a post's author, an invitation's other party,
    a logged interaction's contact. None when no row has that key any more."""
    rows: Iterable[tuple[str, int | None, str]]
    if isinstance(pane, CallsPane):
        rows = ((str(c.contact.id), c.contact.id, c.contact.name) for c in view.plan.calls)
    elif isinstance(pane, CommentsPane):
        rows = ((str(p.id), p.author_id, p.author) for p in view.comments)
    elif isinstance(pane, InvitesPane):
        rows = ((str(i.id), i.contact_id, i.name) for i in view.invites)
    else:
        rows = ((str(i.id), i.contact_id, i.contact_name) for i in view.log)
    return next(((who, name) for row, who, name in rows if row == key), None)


class TodayScreen(DropsStaleResults, RecoversFromFailures, Screen[None]):
    BINDINGS = bindings(Scope.TODAY)
    ACTION_SCOPES = (Scope.TODAY, Scope.CALLS, Scope.COMMENTS, Scope.INVITES)
    """What the palette offers over this screen."""

    def __init__(self) -> None:
        super().__init__()
        self.view: TodayView | None = None
        self._welcomed = False

    @property
    def netday(self) -> NetdayApp:
        return cast("NetdayApp", self.app)

    @property
    def ctx(self) -> Context:
        """The app's database (the user's, or the demo once the welcome opened it)."""
        return self.netday.ctx

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

    def unsaved(self) -> str | None:
        """The quick-log line typed and not logged (see `netday.ui.unsaved`)."""
        typed = self.query_one("#quick-log", Input).value
        return f"the quick-log line {quoted(typed)}" if typed.strip() else None

    def on_mount(self) -> None:
        self.query_one(CallsPane).focus()
        # The first view is read before the first frame, like any start-up work (a few
        # milliseconds even at 10,000 contacts); every later read runs in a worker.
        try:
            self.show_today(today_overview(self.ctx), self.take_ticket())
        except NetdayError as exc:
            self.notify(str(exc), severity="error")
        except Exception as exc:  # the day could not be read: say so, keep the app open
            self.netday.report_failure(exc, "reading today")

    # --- results coming back --------------------------------------------------------

    def on_data_changed(self, _: DataChanged) -> None:
        self.action_reload()

    def on_today_read(self, message: TodayRead) -> None:
        self.show_today(message.view, message.ticket)

    def on_refused(self, message: Refused) -> None:
        self.notify(message.message, severity="error", title=message.title)

    def on_quick_logged(self, message: QuickLogged) -> None:
        self.query_one("#quick-log", Input).value = ""
        self.show_today(message.view, message.ticket)
        self.notify(f"Logged a {message.kind} with {message.name}.")

    def show_today(self, view: TodayView, ticket: int) -> None:
        from netday.ui.screens.welcome import WelcomeScreen

        if not self.is_fresh(ticket):
            return
        self.view = view
        prefix = "DEMO  ·  " if self.netday.demo is not None else ""
        self.query_one("#day-header", Static).update(plain(prefix + header_text(view)))
        self.query_one(CallsPane).show(view.plan.calls)
        self.query_one(CommentsPane).show(view.comments)
        self.query_one(InvitesPane).show(view.invites)
        self.query_one(LogPane).show(view.log)
        if view.is_empty and not self._welcomed:
            self._welcomed = True
            self.app.push_screen(WelcomeScreen(), self.welcome_choice)

    # --- the welcome and the demo ---------------------------------------------------

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
        """Work on a throwaway sample network; the user's own database stays as it was."""
        from netday.services.demo import open_demo

        demo = open_demo(self.ctx.clock)
        ticket = self.take_ticket()
        view = today_overview(demo.ctx)

        def switch() -> None:
            self.netday.use_demo(demo)
            self.show_today(view, ticket)

        self.app.call_from_thread(switch)

    # --- running changes ------------------------------------------------------------

    @work(thread=True, group="db", exit_on_error=False)
    def run_job(self, job: Job | None = None) -> None:
        """Save one change off the event loop (if any), then read the day again."""
        ticket = self.take_ticket()
        try:
            if job is not None:
                job()
            view = today_overview(self.ctx)
        except NetdayError as exc:
            self.post_message(Refused(str(exc), "Not saved"))
            return
        self.post_message(TodayRead(view, ticket))

    def action_reload(self) -> None:
        self.run_job()

    @work(thread=True, group="db", exit_on_error=False)
    def action_undo(self) -> None:
        """Take back this planner's last change (`netday.services.undo`), then show the day
        (read after the undo is committed, so a read that started before it is older)."""
        try:
            label = undo_last(self.ctx)
            ticket = self.take_ticket()
            view = today_overview(self.ctx)
        except NetdayError as exc:
            self.post_message(Refused(str(exc), "Nothing undone"))
            return
        self.post_message(TodayRead(view, ticket))
        self.app.call_from_thread(self.notify, f"Undone: {label}")

    def reload_after(self, result: object) -> None:
        """A form closed: if it saved something, show the day as it is now."""
        if result is not None:
            self.action_reload()

    @on(Input.Submitted, "#quick-log")
    def quick_log_submitted(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self.quick_log(event.value)

    @work(thread=True, exclusive=True, group="quick-log", exit_on_error=False)
    def quick_log(self, text: str) -> None:
        """One line, logged; the line is cleared only once it is saved."""
        ticket = self.take_ticket()
        try:
            kind, who, note = parse_quick_entry(text)
            logged = log_interaction(self.ctx, who, kind=kind, summary=note)
            view = today_overview(self.ctx)
        except NetdayError as exc:
            self.post_message(Refused(str(exc), "Not logged"))
            return
        self.post_message(QuickLogged(view, ticket, logged.kind, logged.contact_name))

    # --- what is selected -----------------------------------------------------------

    def selected_call(self) -> PlannedCall | None:
        key = self.query_one(CallsPane).selected_key()
        if self.view is None or key is None:
            return None
        return next((c for c in self.view.plan.calls if str(c.contact.id) == key), None)

    def selected_post(self) -> PostView | None:
        key = self.query_one(CommentsPane).selected_key()
        if self.view is None or key is None:
            return None
        return next((p for p in self.view.comments if str(p.id) == key), None)

    # --- other screens --------------------------------------------------------------

    def action_open_selected_contact(self) -> None:
        """The person on the selected row of the focused pane (the Calls pane's when no
        pane has the focus); a row that names nobody linked says so."""
        focused = self.focused
        pane = focused if isinstance(focused, Pane) else self.query_one(CallsPane)
        key = pane.selected_key()
        person = person_on_row(self.view, pane, key) if self.view and key else None
        if person is None:
            self.notify(f"Nothing selected in {pane.TITLE}.")
            return
        contact_id, name = person
        if contact_id is None:
            self.notify(f"{name or 'This row'} is not linked to a contact.")
            return
        self.netday.open_contact(contact_id)

    def action_triage(self) -> None:
        from netday.ui.screens.triage import TriageScreen

        self.app.push_screen(TriageScreen(self.ctx), lambda _: self.action_reload())

    def action_import_contacts(self) -> None:
        from netday.ui.screens.transfer import ImportScreen

        self.app.push_screen(ImportScreen(self.ctx), self.after_import)

    def after_import(self, start_triage: bool | None) -> None:
        self.action_reload()
        if start_triage:
            self.action_triage()

    def action_export_data(self) -> None:
        from netday.ui.screens.transfer import ExportScreen

        self.app.push_screen(ExportScreen(self.ctx))

    def action_review(self) -> None:
        from netday.ui.screens.review import ReviewScreen

        self.app.push_screen(ReviewScreen(self.ctx, self.ctx.today()))

    # --- the calls pane -------------------------------------------------------------

    def action_call_done(self) -> None:
        from netday.ui.screens.dialogs import CallDoneForm, CallOutcome

        call = self.selected_call()
        if call is None:
            return
        if call.status == CallStatus.DONE:
            self.notify(f"The call with {call.contact.name} is already done.")
            return
        contact_id = str(call.contact.id)
        ctx = self.ctx

        def save(outcome: CallOutcome) -> InteractionView:
            return log_interaction(
                ctx,
                contact_id,
                kind=InteractionKind.CALL,
                summary=outcome.note,
                minutes=outcome.minutes,
                direction=outcome.direction,
                follow_up_on=outcome.follow_up_on,
            )

        self.app.push_screen(CallDoneForm(call.contact.name, ctx, save), self.reload_after)

    def action_call_skip(self) -> None:
        call = self.selected_call()
        if call is not None:
            contact_id, ctx = str(call.contact.id), self.ctx
            self.run_job(lambda: skip_call(ctx, contact_id))

    def action_call_snooze(self) -> None:
        from netday.ui.screens.dialogs import SnoozeForm

        call = self.selected_call()
        if call is None:
            return
        contact_id, ctx = str(call.contact.id), self.ctx
        form = SnoozeForm(
            call.contact.name, ctx, lambda until: snooze_contact(ctx, contact_id, until)
        )
        self.app.push_screen(form, self.reload_after)

    # --- anything, with anyone ------------------------------------------------------

    def action_minutes(self) -> None:
        from netday.ui.screens.dialogs import MinutesForm

        ctx = self.ctx
        current = self.view.plan.minutes if self.view else None
        form = MinutesForm(current, lambda minutes: today_overview(ctx, minutes))
        self.app.push_screen(form, self.reload_after)

    def action_add_contact(self) -> None:
        self.open_contact_form()

    @work(thread=True, group="defaults", exit_on_error=False)
    def open_contact_form(self) -> None:
        """The form starts from what the service gives a new contact (the settings)."""
        from netday.ui.screens.contact_form import ContactForm

        ctx = self.ctx
        defaults = new_contact_defaults(ctx)

        def show() -> None:  # on the event loop: widgets are made there, not in a thread
            form = ContactForm(ctx.today(), defaults, save=lambda f: add_contact(ctx, f))
            self.app.push_screen(form, self.reload_after)

        self.app.call_from_thread(show)

    def action_log_any(self) -> None:
        from netday.ui.screens.network_forms import LogDraft, LogForm

        ctx = self.ctx

        def save(d: LogDraft) -> InteractionView:
            return log_interaction(
                ctx, str(d.contact_id), kind=d.kind, summary=d.note, minutes=d.minutes, at=d.at
            )

        self.app.push_screen(LogForm(ctx, save), self.reload_after)

    def action_post_add(self) -> None:
        from netday.ui.screens.network_forms import PostDraft, PostForm

        ctx = self.ctx

        def save(d: PostDraft) -> PostView:
            return add_post(ctx, d.author, d.url, d.excerpt)

        self.app.push_screen(PostForm(save), self.reload_after)

    # --- invitations ----------------------------------------------------------------

    def action_invite_send(self) -> None:
        self.open_invite_form()

    @work(thread=True, group="templates", exit_on_error=False)
    def open_invite_form(self) -> None:
        """The saved templates are read first: the form flags a message that copies one."""
        from netday.ui.screens.network_forms import InviteDraft, InviteForm

        ctx = self.ctx
        templates = [body for _, body in list_templates(ctx)]

        def save(d: InviteDraft) -> InviteView:
            return send_invite(ctx, d.message, name=d.who, profile_url=d.url)

        def show() -> None:  # on the event loop: widgets are made there, not in a thread
            self.app.push_screen(InviteForm(templates, save), self.reload_after)

        self.app.call_from_thread(show)

    def action_invite_received(self) -> None:
        from netday.ui.screens.network_forms import InviteDraft, ReceivedInviteForm

        ctx = self.ctx

        def save(d: InviteDraft) -> InviteView:
            return record_received(ctx, name=d.who, message=d.message, profile_url=d.url)

        self.app.push_screen(ReceivedInviteForm(save), self.reload_after)

    def action_invite(self, what: str) -> None:
        from netday.ui.screens.dialogs import Confirm

        key = self.query_one(InvitesPane).selected_key()
        if key is None:
            return
        invite_id, ctx = int(key), self.ctx
        operations: dict[str, Job] = {
            "accept": lambda: accept_invite(ctx, invite_id),
            "decline": lambda: decline_invite(ctx, invite_id),
            "withdraw": lambda: withdraw_invite(ctx, invite_id),
            "follow_up": lambda: follow_up_invite(ctx, invite_id),
        }
        if what == "withdraw":

            def confirmed(yes: bool | None) -> None:
                if yes:
                    self.run_job(operations[what])

            self.app.push_screen(
                Confirm("Withdraw this invitation? It cannot be sent again."), confirmed
            )
            return
        self.run_job(operations[what])

    # --- posts ----------------------------------------------------------------------

    def action_post_done(self) -> None:
        from netday.ui.screens.network_forms import CommentForm

        post = self.selected_post()
        if post is None:
            return
        post_id, ctx = post.id, self.ctx
        form = CommentForm(
            post.author, post.draft_comment, lambda text: mark_commented(ctx, post_id, text)
        )
        self.app.push_screen(form, self.reload_after)

    def action_post_skip(self) -> None:
        post = self.selected_post()
        if post is not None:
            post_id, ctx = post.id, self.ctx
            self.run_job(lambda: skip_post(ctx, post_id))
