"""Events (practice 10: from online to in person): the events, coming ones first; on the
selected one, its people, those to meet first. After the event, logging whom one met is
one key each (`m`, an optional line, Enter), and from a person met, `i` sends an
invitation and `f` notes a promise or a follow-up, in the same flow. `e` corrects the
selected event in the form `a` adds one with; `x` deletes it after a question that says
what goes with it (its list of people; the meetings stay in the log).

While the app shows one circle (`C` on the main screen), the people listed are those of
that circle, and the people table's title says so; the events, which belong to no
circle, are all listed, with everyone counted.

The screen holds no rule: what a title, a day or a line must be, and what meeting
someone logs, are the service's (`services.events`); a refusal shows in the form that
was typed in. Every read and write runs in a worker; a read comes back with the ticket
it took, so a slow one never overwrites a newer one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Footer, Input, Static

from netday.errors import NetdayError
from netday.services.context import Context
from netday.services.events import (
    EventDetail,
    EventPersonView,
    EventView,
    add_event,
    check_line,
    check_place,
    check_title,
    delete_event,
    edit_event,
    event_detail,
    list_events,
    mark_met,
    plan_to_meet,
    read_day,
)
from netday.services.invites import list_templates, send_invite
from netday.services.opportunities import check_url
from netday.services.promises import add_promise
from netday.services.undo import undo_last
from netday.services.views import InviteView, PromiseView
from netday.ui.actions import Scope, bindings
from netday.ui.screens.dialogs import Confirm
from netday.ui.screens.list_detail import ListAndDetailScreen
from netday.ui.screens.modal_form import Form
from netday.ui.screens.network_forms import InviteDraft, InviteForm, PersonForm
from netday.ui.screens.promise_form import PromiseDraft, PromiseForm
from netday.ui.text import assemble, cell, editable, plain, stacked
from netday.ui.widgets.fitted import Cells, FittedTable
from netday.ui.widgets.panes import Column, key_label
from netday.wording import circle_only, short_date

LISTED = 100
"""Events the screen lists (the command line lists more)."""


@dataclass(frozen=True)
class EventDraft:
    title: str
    on: dt.date
    place: str
    url: str


class EventForm(Form[EventDraft, EventView]):
    """An event: a title and a day, a place or a link. Empty for a new one; filled with
    what it says for one being corrected (`given`), read by the same rules."""

    AUTO_FOCUS = "#title"
    heading = "An event"

    def __init__(
        self,
        ctx: Context,
        save: Callable[[EventDraft], EventView],
        given: EventView | None = None,
    ) -> None:
        super().__init__(save)
        self.ctx = ctx
        self.given = given
        if given is not None:
            self.heading = f"Edit {given.title}"

    def compose_fields(self) -> ComposeResult:
        g = self.given  # a stored value goes back into a field without its controls
        day = "today" if g is None else g.on_date.isoformat()
        title, place, url = (editable(v) for v in (g.title, g.place, g.url)) if g else ("",) * 3
        yield Input(value=title, placeholder="title (Web Summit)", id="title")
        yield Input(value=day, placeholder="its day (friday, 2026-12-10)", id="on")
        yield Input(value=place, placeholder="place (optional)", id="place")
        yield Input(value=url, placeholder="link (optional)", id="url")

    def collect(self) -> EventDraft:
        def value(name: str) -> str:
            return self.query_one(f"#{name}", Input).value

        return EventDraft(
            title=check_title(value("title")),
            on=read_day(self.ctx, value("on")),
            place=check_place(value("place")),
            url=check_url(value("url")),
        )


def new_event(ctx: Context) -> Callable[[EventDraft], EventView]:
    """What the form's Save does: one undoable step."""

    def save(d: EventDraft) -> EventView:
        return add_event(ctx, d.title, d.on, place=d.place, url=d.url)

    return save


def changed_event(ctx: Context, event_id: int) -> Callable[[EventDraft], EventView]:
    """What the form's Save does for an event being corrected: one undoable step (its
    notes, which the form does not show, stay as they are)."""

    def save(d: EventDraft) -> EventView:
        return edit_event(ctx, event_id, title=d.title, on=d.on, place=d.place, url=d.url)

    return save


def delete_question(e: EventView) -> str:
    """What deleting an event takes with it, said before it is done: its list of
    people planned and met there goes; the meetings logged stay in the log."""
    question = f"Delete the event {e.title} ({e.on_date:%a} {short_date(e.on_date)})?"
    if not e.planned and not e.met:
        return f"{question} Nobody is planned or met there."
    gone = f"{question} Its people go with it: {e.planned} planned to meet, {e.met} met."
    if e.met:
        return f"{gone} The meetings logged stay in the log."
    return gone


class PlanForm(PersonForm[int, tuple[EventPersonView, ...]]):
    """Whom to meet at an event: the person picker, Enter saves."""

    after_who = None
    who_placeholder = "whom to meet there: part of a name or company"

    def __init__(
        self, ctx: Context, title: str, save: Callable[[int], tuple[EventPersonView, ...]]
    ) -> None:
        super().__init__(ctx, save)
        self.heading = f"Plan to meet someone at {title}"

    def compose_fields(self) -> ComposeResult:
        yield from self.compose_person()

    def collect(self) -> int:
        contact_id, _ = self.picked()
        if contact_id is None:
            raise NetdayError("pick whom to meet: type part of their name")
        return contact_id


class MetForm(Form[str, EventPersonView]):
    """Met someone: an optional line on what was said; Enter logs it."""

    AUTO_FOCUS = "#line"

    def __init__(self, title: str, name: str, save: Callable[[str], EventPersonView]) -> None:
        super().__init__(save)
        self.heading = f"Met {name} at {title}"

    def compose_fields(self) -> ComposeResult:
        yield Input(placeholder="a line on what you talked about (optional)", id="line")

    def collect(self) -> str:
        return check_line(self.query_one("#line", Input).value)


class Events(FittedTable):
    """The events, coming ones first; each row keyed by its id."""

    COLUMNS = (
        ("When", Column(cap=6, least=6)),
        ("Title", Column()),
        ("Where", Column(cap=24, least=8, optional=True)),
        ("To meet", Column(cap=7, least=7)),
        ("Met", Column(cap=3, least=3)),
    )


class EventPeople(FittedTable):
    """The selected event's people, those to meet first; `m` marks one met."""

    BINDINGS = bindings(Scope.EVENT_PEOPLE)
    COLUMNS = (
        ("Who", Column(cap=24, least=10)),
        ("Status", Column(cap=10, least=7)),
        ("Line", Column()),
    )


def about_text(detail: EventDetail) -> Text:
    """The selected event: its day, place, link, how many to meet and met."""
    e = detail.event
    facts = [f"{e.on_date:%a} {short_date(e.on_date)}"]
    facts += [value for value in (e.place, e.url) if value]
    facts.append(f"{e.planned} to meet, {e.met} met")
    lines = [assemble((e.title, "bold")), plain(" · ".join(facts), "dim")]
    if e.notes:
        lines.append(plain(e.notes.splitlines()[0]))
    return stacked(lines)


def person_status(p: EventPersonView) -> str:
    if p.met_at is not None:
        return f"met {short_date(p.met_at.date())}"
    return "to meet"


class EventsScreen(ListAndDetailScreen[EventView, EventDetail]):
    BINDINGS = bindings(Scope.EVENTS, Scope.BACK)
    ACTION_SCOPES = (Scope.EVENTS, Scope.EVENT_PEOPLE)

    def __init__(self, ctx: Context, *, circle: str | None = None) -> None:
        """`circle`: list only the people of that circle (the app's filter, `C`)."""
        super().__init__(ctx)
        self.circle = circle
        self._to_next = False
        """After a meeting is logged, the people's cursor goes to the next one to meet."""

    def compose(self) -> ComposeResult:
        with Vertical(id="events"):
            listed = Events(id="event-list")
            adds, plans = key_label("events.add"), key_label("events.plan")
            edits, deletes = key_label("events.edit"), key_label("events.delete")
            listed.border_title = (
                f"Events ({adds} adds · {edits} edits · {deletes} deletes"
                f" · {plans} plans whom to meet)"
            )
            yield listed
            yield Static("", id="event-about")
            people = EventPeople(id="event-people")
            met, invite = key_label("event_people.met"), key_label("event_people.invite")
            follow = key_label("event_people.follow_up")
            whose = f"People · {circle_only(self.circle)}" if self.circle else "People"
            people.border_title = f"{whose} ({met} met · {invite} invite · {follow} follow-up)"
            yield people
        yield Footer()

    # --- reading --------------------------------------------------------------------

    def read_list(self) -> tuple[EventView, ...]:
        return list_events(self.ctx, limit=LISTED)

    def show_list(self, found: tuple[EventView, ...]) -> None:
        table = self.query_one(Events)
        row = table.cursor_row
        table.show_rows(
            (
                (
                    cell(short_date(e.on_date)),
                    cell(e.title),
                    cell(e.place or e.url),
                    cell(str(e.planned) if e.planned else ""),
                    cell(str(e.met) if e.met else ""),
                ),
                str(e.id),
            )
            for e in found
        )
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))
            self.read_detail()
        else:
            self.detail = None
            self.query_one("#event-about", Static).update(
                f"No events yet. Press {key_label('events.add')} to add one: a day, a place"
                " or a link, then the people you plan to meet there."
            )
            self.query_one(EventPeople).show_rows(())

    def list_table(self) -> FittedTable:
        return self.query_one(Events)

    def people_table(self) -> FittedTable:
        return self.query_one(EventPeople)

    def detail_id(self, detail: EventDetail) -> int:
        return detail.event.id

    def read_one(self, item_id: int) -> EventDetail:
        return event_detail(self.ctx, item_id, self.circle)

    def show_detail(self, detail: EventDetail) -> None:
        self.query_one("#event-about", Static).update(about_text(detail))
        table = self.query_one(EventPeople)
        row = table.cursor_row
        rows: list[tuple[Cells, str | None]] = []
        for p in detail.people:
            line = p.summary.split(": ", 1)[1] if ": " in p.summary else ""
            status = cell(person_status(p), "dim" if p.met_at else "")
            rows.append(((cell(p.contact_name), status, cell(line)), str(p.contact_id)))
        if self._to_next and detail.people:
            self._to_next = False
            unmet = [i for i, p in enumerate(detail.people) if p.met_at is None]
            row = unmet[0] if unmet else row
        if not detail.people and detail.outside:
            others = f"of the {detail.circle} circle here; {detail.outside} of the other"
            rows.append(((cell("nobody", "dim"), cell(""), cell(others)), None))
        elif not detail.people:
            plans = key_label("events.plan")
            rows.append(
                ((cell("nobody yet", "dim"), cell(""), cell(f"{plans} plans whom to meet")), None)
            )
        table.show_rows(rows)
        if detail.people and table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def selected_person(self) -> EventPersonView | None:
        table = self.query_one(EventPeople)
        if self.detail is None or table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((p for p in self.detail.people if str(p.contact_id) == key), None)

    # --- writing --------------------------------------------------------------------

    def action_add(self) -> None:
        self.app.push_screen(EventForm(self.ctx, new_event(self.ctx)), self.saved)

    def action_edit(self) -> None:
        found = self.selected()
        if found is None:
            self.notify(f"Add an event first ({key_label('events.add')}).")
            return
        form = EventForm(self.ctx, changed_event(self.ctx, found.id), given=found)
        self.app.push_screen(form, self.edited)

    def edited(self, result: object) -> None:
        if isinstance(result, EventView):
            self.notify(f"Saved {result.title}.")
            self.load()

    def action_delete(self) -> None:
        found = self.selected()
        if found is None:
            self.notify("No event to delete.")
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.delete(found.id)

        self.app.push_screen(Confirm(delete_question(found)), answered)

    @work(thread=True, exclusive=True, group="db", exit_on_error=False)
    def delete(self, event_id: int) -> None:
        try:
            gone = delete_event(self.ctx, event_id)
        except NetdayError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error")
            return
        undo = key_label("events.undo")
        self.app.call_from_thread(self.notify, f"Deleted {gone.title} ({undo} undoes it).")
        self.app.call_from_thread(self.load)

    def saved(self, result: object) -> None:
        if isinstance(result, EventView):
            self.notify(f"Added {result.title}.")
        if isinstance(result, InviteView):
            self.notify(f"Invitation sent to {result.name}.")
        if isinstance(result, PromiseView):
            self.notify(f"Noted: {result.what}.")
        if result is not None:
            self.load()

    def action_plan(self) -> None:
        found = self.selected()
        if found is None:
            self.notify(f"Add an event first ({key_label('events.add')}).")
            return
        ctx, event_id = self.ctx, found.id

        def save(contact_id: int) -> tuple[EventPersonView, ...]:
            return plan_to_meet(ctx, event_id, [str(contact_id)])

        def planned(result: object) -> None:
            if isinstance(result, tuple) and result:
                self.notify(f"Planned to meet {result[0].contact_name} at {found.title}.")
                self.load()

        self.app.push_screen(PlanForm(ctx, found.title, save), planned)

    def action_met(self) -> None:
        detail, person = self.detail, self.selected_person()
        if detail is None or person is None:
            self.notify("Choose a person of the event.")
            return
        if person.met_at is not None:
            self.notify(f"{person.contact_name} is already met there.")
            return
        ctx, event_id = self.ctx, detail.event.id

        def save(line: str) -> EventPersonView:
            return mark_met(ctx, event_id, str(person.contact_id), line)

        def logged(result: object) -> None:
            if isinstance(result, EventPersonView):
                self.notify(f"Met {result.contact_name}.")
                self._to_next = True
                self.load()

        self.app.push_screen(MetForm(detail.event.title, person.contact_name, save), logged)

    def action_invite(self) -> None:
        person = self.selected_person()
        if person is None:
            self.notify("Choose a person of the event.")
            return
        self.open_invite_form(person.contact_id, person.contact_name)

    @work(thread=True, group="templates", exit_on_error=False)
    def open_invite_form(self, contact_id: int, name: str) -> None:
        """The saved templates are read first: the form flags a message that copies one."""
        ctx = self.ctx
        templates = [body for _, body in list_templates(ctx)]

        def save(d: InviteDraft) -> InviteView:
            return send_invite(
                ctx, d.message, contact_ref=d.contact_ref, name=d.new_name, profile_url=d.url
            )

        def show() -> None:  # on the event loop: widgets are made there, not in a thread
            form = InviteForm(ctx, templates, save)
            form.prefill_who = name
            self.app.push_screen(form, self.saved)

        self.app.call_from_thread(show)

    def action_follow_up(self) -> None:
        person = self.selected_person()
        if person is None:
            self.notify("Choose a person of the event.")
            return
        ctx, ref = self.ctx, str(person.contact_id)

        def save(draft: PromiseDraft) -> PromiseView:
            return add_promise(ctx, ref, draft.what, draft.due, owed_by=draft.owed_by)

        self.app.push_screen(PromiseForm(person.contact_name, ctx, save), self.saved)

    @work(thread=True, exclusive=True, group="db", exit_on_error=False)
    def action_undo(self) -> None:
        """Take back this planner's last change (whichever screen made it), then list
        the events as they are now."""
        try:
            label = undo_last(self.ctx)
        except NetdayError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error")
            return
        self.app.call_from_thread(self.notify, f"Undone: {label}")
        self.app.call_from_thread(self.load)
