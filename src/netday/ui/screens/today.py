"""The main screen: today's calls, comments to write, pending invites, the day's log.

It owns the header, the four panes, the quick-log line and every action on them, with
their keys (other screens pushed on top have their own, so none of these leak). Widgets
never touch the database: every service call runs in a thread worker, and the fresh
`TodayView` comes back as a message with the ticket its read took (`netday.ui.tickets`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, cast

from rich.cells import cell_len
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.events import DescendantFocus
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

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
from netday.services.journal import log_interaction, logged_text, parse_quick_entry
from netday.services.planner import skip_call, snooze_contact
from netday.services.posts import add_post, mark_commented, skip_post
from netday.services.review import today_overview
from netday.services.undo import undo_last
from netday.services.views import InteractionView, InviteView, PlannedCall, PostView, TodayView
from netday.ui.actions import Scope, bindings
from netday.ui.failures import RecoversFromFailures
from netday.ui.messages import DataChanged, QuickLogged, Refused, TodayRead
from netday.ui.text import Part, assemble
from netday.ui.tickets import DropsStaleResults
from netday.ui.unsaved import quoted
from netday.ui.widgets.detail import Detail
from netday.ui.widgets.panes import (
    CallsPane,
    CommentsPane,
    InvitesPane,
    LogPane,
    Pane,
    key_label,
)
from netday.vocabulary import CallStatus, CircleFilter, InteractionKind
from netday.wording import long_date, plural

if TYPE_CHECKING:
    from netday.ui.app import NetdayApp

Job = Callable[[], object]
"""A change to save; the day is read again after it."""
BORDER = 2
"""Rows a pane's border takes."""
FEW_ROWS = 3
"""Rows of content no pane is squeezed below while it has any."""


SEPARATORS = ("  ·  ", " · ")
CIRCLE_SAID: dict[str, str] = {
    CircleFilter.BOTH: "both circles",
    CircleFilter.PROFESSIONAL: "the professional circle only",
    CircleFilter.PERSONAL: "the personal circle only",
}
"""What the circle key says it now shows."""


def _header_words(view: TodayView, level: int) -> list[str]:
    """The header's facts, in fewer words at each level (0: in full)."""
    plan, day = view.plan, view.date
    done = f"{plan.done}/{len(plan.calls)}"
    words = [
        [long_date(day), f"budget {plan.minutes} min", f"calls {done} done"],
        [f"{day:%a} {day.day} {day:%b}", f"{plan.minutes} min", f"calls {done}"],
        [f"{day.day} {day:%b}", f"{plan.minutes}m", f"{done} calls"],
    ][level]
    if view.circle:
        words.insert(
            1, f"{view.circle} only ({key_label('today.circle')})" if level < 2 else view.circle
        )
    words.append(f"streak {plural(view.streak, 'day')}" if level < 2 else f"{view.streak}d streak")
    if view.to_triage:
        words.append(
            f"{view.to_triage} to triage ({key_label('today.triage')})"
            if level < 2
            else f"{view.to_triage} to triage"
        )
    if view.opportunities:
        words.append(
            f"{view.opportunities} to pass on ({key_label('today.opportunities')})"
            if level < 2
            else f"{view.opportunities} to pass on"
        )
    return words


def header_parts(view: TodayView, width: int, *, demo: bool = False) -> tuple[list[str], str]:
    """The day at a glance in `width` cells, as its facts and the separator between
    them: the date, the budget, calls done, the streak, contacts waiting for triage. A
    narrow screen gets shorter words, never fewer facts; only when even the shortest
    words do not fit is the line cut."""
    prefix = ["DEMO"] if demo else []
    candidates = [
        (prefix + _header_words(view, level), separator)
        for level in range(3)
        for separator in SEPARATORS
        if level == 0 or separator == SEPARATORS[1]
    ]
    return next(
        ((parts, sep) for parts, sep in candidates if cell_len(sep.join(parts)) <= width),
        candidates[-1],
    )


def header_text(view: TodayView, width: int = 1000, *, demo: bool = False) -> str:
    parts, separator = header_parts(view, width, demo=demo)
    return separator.join(parts)


def person_on_row(view: TodayView, pane: Pane[Any], key: str) -> tuple[int | None, str] | None:
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
    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall"), (50, "-roomy")]
    """The taller the terminal, the more lines the detail panel has (`netday.tcss`)."""
    ACTION_SCOPES = (Scope.TODAY, Scope.CALLS, Scope.COMMENTS, Scope.INVITES)
    """What the palette offers over this screen."""

    def __init__(self) -> None:
        super().__init__()
        self.view: TodayView | None = None
        self._welcomed = False
        self._pane: Pane[object] | None = None
        """The pane the detail panel describes: the one focused last."""
        self._advance_from: str | None = None
        """The call just marked done: the cursor moves on once the plan shows it done."""
        self._preparing = False
        """A form is being prepared (its defaults read off the event loop): until it
        shows, the screen takes no other command (see `check_action`)."""

    @property
    def netday(self) -> NetdayApp:
        return cast("NetdayApp", self.app)

    @property
    def ctx(self) -> Context:
        """The app's database (the user's, or the demo once the welcome opened it)."""
        return self.netday.ctx

    def compose(self) -> ComposeResult:
        yield Static("", id="day-header")
        with Horizontal(id="panes"):
            with Vertical(id="todo", classes="column"):
                yield CallsPane(id="calls")
                yield CommentsPane(id="comments")
            with Vertical(id="done", classes="column"):
                yield InvitesPane(id="invites")
                yield LogPane(id="log")
        yield Detail(id="detail")
        yield Input(
            placeholder="quick log: ana: coffee, talked about hiring  (Enter)",
            id="quick-log",
            compact=True,
        )
        yield Footer()

    def fit_to(self, height: int) -> None:
        """Take the class of `VERTICAL_BREAKPOINTS` for a terminal `height` lines tall,
        as Textual does on the screen's first Resize: done as the screen mounts, the
        first frame is drawn with the detail panel at its height, not one frame later
        (which laid the whole screen out again)."""
        ours = sorted(self.VERTICAL_BREAKPOINTS, reverse=True)
        fitting = next((name for least, name in ours if height >= least), None)
        self.update_classes({name: name == fitting for _, name in ours}, animate=False)

    def unsaved(self) -> str | None:
        """The quick-log line typed and not logged (see `netday.ui.unsaved`)."""
        typed = self.query_one("#quick-log", Input).value
        return f"the quick-log line {quoted(typed)}" if typed.strip() else None

    def on_mount(self) -> None:
        self.query_one(CallsPane).focus()
        self.fit_to(self.app.size.height)
        # The first view is read before the first frame, like any start-up work (a few
        # milliseconds even at 10,000 contacts); every later read runs in a worker.
        try:
            self.show_today(self.read_today(), self.take_ticket())
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
        self.notify(logged_text(message.kind, message.name))

    def show_today(self, view: TodayView, ticket: int) -> None:
        from netday.ui.screens.welcome import WelcomeScreen

        if not self.is_fresh(ticket):
            return
        self.view = view
        self.show_header()
        for pane in self.query(Pane):
            pane.show_day(view)
        self.share_rows()
        self.advance_after_done(view)
        self.describe_selected()
        if view.is_empty and not self._welcomed:
            self._welcomed = True
            self.app.push_screen(WelcomeScreen(), self.welcome_choice)

    def show_header(self) -> None:
        header = self.query_one("#day-header", Static)
        if self.view is None:
            return
        width = (self.size.width or self.app.size.width) - 2  # the header spans the screen
        demo = self.netday.demo is not None
        parts, separator = header_parts(self.view, width, demo=demo)
        styles = ["reverse bold"] * demo + ["bold"] + [""] * len(parts)
        pieces: list[Part] = []
        for index, (part, style) in enumerate(zip(parts, styles, strict=False)):
            if index:
                pieces.append((separator, "dim"))
            pieces.append((part, style))
        header.update(assemble(*pieces))

    def share_rows(self) -> None:
        """Each column's panes share its height by the rows they hold. A pane holding
        less than half of what the fullest one holds (or nothing) gets exactly what it
        needs, so today's few calls are never hidden beside fifty posts, unless that
        would leave another pane fewer than a few rows; the fullest takes the rest;
        panes of similar sizes share in proportion, none squeezed below a few rows."""
        for column in self.query(".column"):
            panes = list(column.query(Pane))
            wanted = [pane.rows_wanted() + BORDER for pane in panes]
            fullest = wanted.index(max(wanted))
            least = [min(rows, FEW_ROWS + BORDER) for rows in wanted]
            room = column.size.height
            for index, (pane, rows) in enumerate(zip(panes, wanted, strict=True)):
                small = index != fullest and (pane.is_empty or 2 * rows <= wanted[fullest])
                if small:
                    others_least = sum(least) - least[index]
                    fits = rows if not room else min(rows, room - others_least)
                    pane.styles.height = max(least[index], fits)
                    pane.styles.min_height = None
                else:
                    pane.styles.height = f"{rows}fr"
                    pane.styles.min_height = least[index]

    def on_resize(self) -> None:
        self.show_header()
        self.call_after_refresh(self.share_rows)

    def on_pane_remeasured(self, _: Pane.Remeasured) -> None:
        self.share_rows()

    # --- the detail panel follows the cursor and the focus --------------------------

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        if isinstance(event.widget, Pane):
            self._pane = event.widget
            self.describe_selected()

    @on(DataTable.RowHighlighted)
    def row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table is self._pane:
            self.describe_selected()

    def describe_selected(self) -> None:
        """The detail panel shows the row under the cursor of the pane last focused."""
        pane = self._pane or self.query_one(CallsPane)
        self.query_one(Detail).describe(pane.detail())

    def advance_after_done(self, view: TodayView) -> None:
        """Once a call is marked done, the cursor goes on to the next call still open."""
        key = self._advance_from
        if key is None:
            return
        done = next((c for c in view.plan.calls if str(c.contact.id) == key), None)
        if done is None or done.status != CallStatus.DONE:
            return  # this view was read before the call was saved: wait for the next
        self._advance_from = None
        calls = self.query_one(CallsPane)
        following = calls.next_open_after(key)
        if following is not None:
            calls.select(following)

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
        view = today_overview(demo.ctx, circle=self.netday.only_circle)

        def switch() -> None:
            self.netday.use_demo(demo)
            # The ticket is taken at the switch: a read of the user's own (empty)
            # database still under way comes back older, and is dropped. Nothing else
            # writes to the new demo, so its view read above is still what it holds.
            self.show_today(view, self.take_ticket())

        self.app.call_from_thread(switch)

    # --- running changes ------------------------------------------------------------

    @work(thread=True, group="db", exit_on_error=False)
    def run_job(self, job: Job | None = None) -> None:
        """Save one change off the event loop (if any), then read the day again."""
        ticket = self.take_ticket()
        try:
            if job is not None:
                job()
            view = self.read_today()
        except NetdayError as exc:
            self.post_message(Refused(str(exc), "Not saved"))
            return
        self.post_message(TodayRead(view, ticket))

    def action_reload(self) -> None:
        self.run_job()

    def read_today(self) -> TodayView:
        """The day as the panes show it: filtered by the app's circle (`C`)."""
        return today_overview(self.ctx, circle=self.netday.only_circle)

    def action_cycle_circle(self) -> None:
        """Both circles, only the professional, only the personal: the panes follow, and
        the header says which while it is not both."""
        shown = self.netday.next_circle()
        self.notify(f"Showing {CIRCLE_SAID[shown]}.")
        self.action_reload()

    @work(thread=True, group="db", exit_on_error=False)
    def action_undo(self) -> None:
        """Take back this planner's last change (`netday.services.undo`), then show the day
        (read after the undo is committed, so a read that started before it is older)."""
        try:
            label = undo_last(self.ctx)
            ticket = self.take_ticket()
            view = self.read_today()
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
            view = self.read_today()
        except NetdayError as exc:
            self.post_message(Refused(str(exc), "Not logged"))
            return
        self.post_message(QuickLogged(view, ticket, logged.kind, logged.contact_name))

    # --- what is selected -----------------------------------------------------------

    def selected_call(self) -> PlannedCall | None:
        return self.query_one(CallsPane).selected()

    def selected_post(self) -> PostView | None:
        return self.query_one(CommentsPane).selected()

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

    def action_search(self) -> None:
        """The palette, ready to search: it finds people by what was written about them
        (`netday.ui.commands`) as well as every action."""
        self.app.action_command_palette()

    def action_triage(self) -> None:
        from netday.ui.screens.triage import TriageScreen

        self.app.push_screen(TriageScreen(self.ctx), lambda _: self.action_reload())

    def action_people(self) -> None:
        from netday.ui.screens.people import PeopleScreen

        screen = PeopleScreen(self.ctx, circle=self.netday.only_circle)
        self.app.push_screen(screen, lambda _: self.action_reload())

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

    def action_insights(self) -> None:
        from netday.ui.screens.insights import InsightsScreen

        self.app.push_screen(InsightsScreen(self.ctx, circle=self.netday.only_circle))

    def action_events(self) -> None:
        from netday.ui.screens.events import EventsScreen

        screen = EventsScreen(self.ctx, circle=self.netday.only_circle)
        self.app.push_screen(screen, lambda _: self.action_reload())

    def action_opportunities(self) -> None:
        from netday.ui.screens.opportunities import OpportunitiesScreen

        self.app.push_screen(OpportunitiesScreen(self.ctx), lambda _: self.action_reload())

    def action_review(self) -> None:
        from netday.ui.screens.review import ReviewScreen

        self.app.push_screen(
            ReviewScreen(self.ctx, self.ctx.today(), circle=self.netday.only_circle)
        )

    # --- the calls pane -------------------------------------------------------------

    def action_call_done(self) -> None:
        from netday.ui.screens.dialogs import CallDoneForm, CallNote

        call = self.selected_call()
        if call is None:
            return
        if call.status == CallStatus.DONE:
            self.notify(f"The call with {call.contact.name} is already done.")
            return
        contact_id = str(call.contact.id)
        ctx = self.ctx

        def save(done: CallNote) -> InteractionView:
            return log_interaction(
                ctx,
                contact_id,
                kind=InteractionKind.CALL,
                summary=done.note,
                minutes=done.minutes,
                direction=done.direction,
                follow_up_on=done.follow_up_on,
                outcome=done.outcome,
                promises=done.promises,
            )

        def saved(result: InteractionView | None) -> None:
            if result is not None:
                self._advance_from = contact_id
            self.reload_after(result)

        self.app.push_screen(CallDoneForm(call, ctx, save), saved)

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
        circle = self.netday.only_circle
        form = MinutesForm(current, lambda minutes: today_overview(ctx, minutes, circle))
        self.app.push_screen(form, self.reload_after)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No command while a form is being prepared: letters typed into a pane by
        mistake ("a" for Add contact, then "i", "c", "q"...) open one box, not a stack of
        them (the rest are dropped, never run) and never quit under a form about to show."""
        return None if self._preparing else True

    def prepared(self) -> None:
        """The form being prepared is shown (or could not be): commands run again."""
        self._preparing = False
        self.refresh_bindings()

    def action_add_contact(self) -> None:
        self._preparing = True
        self.open_contact_form()

    @work(thread=True, group="defaults", exit_on_error=False)
    def open_contact_form(self) -> None:
        """The form starts from what the service gives a new contact (the settings)."""
        from netday.ui.screens.contact_form import ContactForm

        ctx = self.ctx
        try:
            defaults = new_contact_defaults(ctx)
        except BaseException:
            self.app.call_from_thread(self.prepared)
            raise

        def show() -> None:  # on the event loop: widgets are made there, not in a thread
            form = ContactForm(ctx.today(), defaults, save=lambda f: add_contact(ctx, f))
            self.app.push_screen(form, self.reload_after)
            self.prepared()

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
        self._preparing = True
        self.open_invite_form()

    @work(thread=True, group="templates", exit_on_error=False)
    def open_invite_form(self) -> None:
        """The saved templates are read first: the form flags a message that copies one."""
        from netday.ui.screens.network_forms import InviteDraft, InviteForm

        ctx = self.ctx
        try:
            templates = [body for _, body in list_templates(ctx)]
        except BaseException:
            self.app.call_from_thread(self.prepared)
            raise

        def save(d: InviteDraft) -> InviteView:
            return send_invite(
                ctx, d.message, contact_ref=d.contact_ref, name=d.new_name, profile_url=d.url
            )

        def show() -> None:  # on the event loop: widgets are made there, not in a thread
            self.app.push_screen(InviteForm(ctx, templates, save), self.reload_after)
            self.prepared()

        self.app.call_from_thread(show)

    def action_invite_received(self) -> None:
        from netday.ui.screens.network_forms import InviteDraft, ReceivedInviteForm

        ctx = self.ctx

        def save(d: InviteDraft) -> InviteView:
            return record_received(
                ctx,
                contact_ref=d.contact_ref,
                name=d.new_name,
                message=d.message,
                profile_url=d.url,
            )

        self.app.push_screen(ReceivedInviteForm(ctx, save), self.reload_after)

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

            shown = self.view.invites if self.view else ()
            invite = next((i for i in shown if i.id == invite_id), None)
            to = f" to {invite.name}" if invite else ""
            question = f"Withdraw the invitation{to}? It cannot be sent again."
            self.app.push_screen(Confirm(question), confirmed)
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
