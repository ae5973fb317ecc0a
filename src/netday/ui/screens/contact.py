"""Everything about one person: who, why they matter, cadence, timeline, the balance."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from netday.errors import NetdayError
from netday.services.contacts import (
    ContactDeletion,
    delete_contact,
    deletion_of,
    edit_contact,
    show_contact,
)
from netday.services.context import Context
from netday.services.merge import MergeReport, merge_text
from netday.services.promises import add_promise, delete_promise, mark_done
from netday.services.views import ContactDetail, InteractionView, PromiseView
from netday.ui.actions import Scope, bindings
from netday.ui.failures import RecoversFromFailures
from netday.ui.messages import ContactRead, DataChanged, Refused
from netday.ui.screens.contact_form import ContactForm
from netday.ui.text import assemble, cell, plain, stacked
from netday.ui.tickets import DropsStaleResults
from netday.ui.widgets.detail import promise_cells
from netday.ui.widgets.fitted import FittedTable
from netday.ui.widgets.panes import Column
from netday.vocabulary import Direction, kind_said

if TYPE_CHECKING:
    from netday.ui.app import NetdayApp


def _field(label: str, value: str) -> Text:
    return assemble((f"{label:<18}", "dim"), value)


def profile_text(d: ContactDetail, today: dt.date) -> Text:
    c = d.summary
    lines = [assemble((c.name, "bold"), "  (archived)" if c.archived else "")]
    who = " · ".join(p for p in (c.role, c.company) if p)
    if who:
        lines.append(plain(who))
    lines.append(
        plain(f"{c.tier_text} · {c.circle}" + (f" · {', '.join(d.tags)}" if d.tags else ""))
    )
    lines.append(plain(""))
    for label, value in (
        ("phone", c.phone),
        ("e-mail", d.email),
        ("profile", c.profile_url),
        ("birthday", d.birthday.isoformat() if d.birthday else ""),
        ("connected", d.connected_on.isoformat() if d.connected_on else ""),
        ("why", d.why),
        ("notes", d.notes),
    ):
        if value:
            lines.append(_field(label, value))
    due = ""
    if c.next_due:
        late = " (overdue)" if c.next_due < today else ""
        due = f" · next due {c.next_due:%a %d %b %Y}{late}"
    lines.append(_field("cadence", (c.cadence or "no cadence") + due))
    if d.upcoming:
        lines.append(_field("next dates", ", ".join(f"{x:%d %b}" for x in d.upcoming)))
    if d.last_conversation:
        lines.append(_field("last conversation", f"{d.last_conversation:%a %d %b %Y}"))
    if d.follow_up_on:
        lines.append(_field("follow-up", f"{d.follow_up_on:%a %d %b}"))
    if d.snoozed_until:
        lines.append(_field("snoozed until", f"{d.snoozed_until:%a %d %b}"))
    lines.append(_field("balance", f"gave {d.gave} · asked {d.asked}"))
    return stacked(lines)


class Timeline(FittedTable):
    """A contact's history, newest first; a logged interaction's row is keyed by its id
    (invitations and posts have keys of their own), so it can be edited or deleted."""

    BINDINGS = bindings(Scope.TIMELINE)

    def __init__(self) -> None:
        super().__init__(
            ("When", Column(cap=16, least=10)),
            ("Kind", Column(cap=24, least=8)),
            ("", Column(cap=10, least=4)),
            ("Note", Column()),
            id="timeline",
        )


class Promises(FittedTable):
    """The promise ledger with this person: open ones first (soonest due), then the last
    few kept; each row keyed by the promise's id, so it can be marked or deleted."""

    BINDINGS = bindings(Scope.PROMISES)

    def __init__(self) -> None:
        super().__init__(
            ("Due", Column(cap=12, least=6)),
            ("Whose", Column(cap=8)),
            ("What", Column()),
            ("", Column(cap=4)),
            id="promises-table",
        )


class ContactScreen(DropsStaleResults, RecoversFromFailures, Screen[None]):
    BINDINGS = bindings(Scope.BACK, Scope.CONTACT)

    def __init__(self, ctx: Context, contact_id: int) -> None:
        super().__init__()
        self.ctx = ctx
        self.contact_id = contact_id
        self.detail: ContactDetail | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="contact"):
            yield Static("", id="profile")
            promises = Promises()
            promises.border_title = "Promises (p adds one)"
            yield promises
            timeline = Timeline()
            timeline.border_title = "Timeline"
            yield timeline
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load(self) -> None:
        ticket = self.take_ticket()
        try:
            detail = show_contact(self.ctx, str(self.contact_id))
        except NetdayError as exc:
            self.post_message(Refused(str(exc), "", ticket))
            return
        self.post_message(ContactRead(detail, ticket))

    def on_contact_read(self, message: ContactRead) -> None:
        if self.is_fresh(message.ticket):
            self.show_detail(message.detail)

    def on_refused(self, message: Refused) -> None:
        self.notify(message.message, severity="error")

    def reload_after(self, saved: object) -> None:
        if saved is not None:
            self.load()

    def action_edit(self) -> None:
        if self.detail is None:
            return
        contact_id = str(self.contact_id)
        form = ContactForm(
            self.ctx.today(),
            self.detail,
            save=lambda fields: edit_contact(self.ctx, contact_id, fields),
        )
        self.app.push_screen(form, self.reload_after)

    def action_merge(self) -> None:
        if self.detail is None:
            return
        from netday.ui.screens.merge import MergeDialog

        dialog = MergeDialog(self.ctx, self.contact_id, self.detail.summary.name)
        self.app.push_screen(dialog, self.merged)

    def merged(self, report: MergeReport | None) -> None:
        if report is None:
            return
        self.app.notify(
            " ".join(line.strip() for line in merge_text(report)), timeout=8, markup=False
        )
        self.load()

    def show_detail(self, detail: ContactDetail) -> None:
        self.detail = detail
        self.query_one("#profile", Static).update(profile_text(detail, self.ctx.today()))
        self.show_promises(detail)
        events: list[tuple[str, str, str, str, str]] = []
        for i in detail.interactions:
            mark = "" if i.direction == Direction.NEUTRAL else i.direction
            when = f"{i.at:%Y-%m-%d %H:%M}"
            events.append((when, kind_said(i.kind, i.outcome), mark, i.summary, str(i.id)))
        for inv in detail.invites:
            events.append(
                (
                    f"{inv.sent_at:%Y-%m-%d %H:%M}",
                    "invite",
                    inv.direction,
                    f"{inv.status}: {inv.message}",
                    f"invite-{inv.id}",
                )
            )
        for p in detail.posts:
            events.append(
                (
                    f"{p.found_at:%Y-%m-%d %H:%M}",
                    "post",
                    p.status.replace("_", " "),
                    p.excerpt or p.url,
                    f"post-{p.id}",
                )
            )
        self.query_one(Timeline).show_rows(
            ([cell(value) for value in values], key)
            for *values, key in sorted(events, reverse=True)
        )

    # --- the promise ledger -----------------------------------------------------------

    def show_promises(self, detail: ContactDetail) -> None:
        table = self.query_one(Promises)
        table.display = bool(detail.promises)
        table.show_rows((promise_cells(p, self.ctx.today()), str(p.id)) for p in detail.promises)

    def selected_promise(self) -> PromiseView | None:
        table = self.query_one(Promises)
        if self.detail is None or table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((p for p in self.detail.promises if str(p.id) == key), None)

    def action_add_promise(self) -> None:
        from netday.ui.screens.promise_form import PromiseDraft, PromiseForm

        if self.detail is None:
            return
        ctx, ref = self.ctx, str(self.contact_id)

        def save(draft: PromiseDraft) -> PromiseView:
            return add_promise(ctx, ref, draft.what, draft.due, owed_by=draft.owed_by)

        self.app.push_screen(PromiseForm(self.detail.summary.name, ctx, save), self.reload_after)

    def action_toggle_promise(self) -> None:
        if (p := self.selected_promise()) is not None:
            self.change_promise(lambda: mark_done(self.ctx, p.id, done=p.is_open))

    def action_delete_promise(self) -> None:
        from netday.ui.screens.dialogs import Confirm

        p = self.selected_promise()
        if p is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.change_promise(lambda: delete_promise(self.ctx, p.id))

        whose = "your promise" if p.mine else "their promise"
        self.app.push_screen(Confirm(f"Delete {whose}: {p.what}?"), answered)

    @work(thread=True, exclusive=True, group="db", exit_on_error=False)
    def change_promise(self, change: Callable[[], PromiseView]) -> None:
        try:
            change()
        except NetdayError as exc:
            self.post_message(Refused(str(exc), "Not changed"))
            return
        self.app.call_from_thread(self.load)

    # --- correcting the history -------------------------------------------------------

    def selected_entry(self) -> InteractionView | None:
        """The logged interaction under the timeline's cursor (None on an invitation or
        a post, which are changed where they are listed)."""
        table = self.query_one(Timeline)
        if self.detail is None or table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((i for i in self.detail.interactions if str(i.id) == key), None)

    def _entry_or_say(self) -> InteractionView | None:
        entry = self.selected_entry()
        if entry is None:
            self.notify("Choose a logged interaction: invitations and posts change where listed.")
        return entry

    def action_edit_entry(self) -> None:
        from netday.ui.screens.interaction_form import edit_entry

        if (entry := self._entry_or_say()) is not None:
            edit_entry(self, self.ctx, entry, self.reload_after)

    def action_delete_entry(self) -> None:
        from netday.ui.screens.interaction_form import delete_entry

        if (entry := self._entry_or_say()) is not None:
            delete_entry(self, self.ctx, entry, lambda: self.reload_after(True))

    # --- deleting the contact ---------------------------------------------------------

    def action_delete_contact(self) -> None:
        self.ask_to_delete()

    @work(thread=True, exclusive=True, group="db", exit_on_error=False)
    def ask_to_delete(self) -> None:
        """How much history goes with this person is counted first, for the question."""
        try:
            going = deletion_of(self.ctx, str(self.contact_id))
        except NetdayError as exc:
            self.post_message(Refused(str(exc), "Not deleted"))
            return
        self.app.call_from_thread(self.confirm_deletion, going)

    def confirm_deletion(self, going: ContactDeletion) -> None:
        from netday.ui.screens.dialogs import Confirm

        def answered(yes: bool | None) -> None:
            if yes:
                self.delete_now()

        question = f"Delete {going.what()}?\n(Archiving keeps the history: netday contact archive.)"
        self.app.push_screen(Confirm(question), answered)

    @work(thread=True, exclusive=True, group="db", exit_on_error=False)
    def delete_now(self) -> None:
        try:
            gone = delete_contact(self.ctx, str(self.contact_id))
        except NetdayError as exc:
            self.post_message(Refused(str(exc), "Not deleted"))
            return
        self.app.call_from_thread(self.deleted, gone)

    def deleted(self, gone: ContactDeletion) -> None:
        self.app.notify(f"Deleted {gone.what()}.")
        self.dismiss(None)
        cast("NetdayApp", self.app).today_screen.post_message(DataChanged())
