"""The whole network in one scrolling list, filtered and sorted, read a page at a time.

Ten thousand people never load at once: the first page (`services.people.PAGE_SIZE`
rows) and the count come back from a worker, and the next page is read when the cursor
comes within `READ_AHEAD` rows of the last one loaded. A filter bar at the top always
says which filters are on and the order, each with the one key that changes it (circle,
tier, due and triage cycle through their words, tag and company are typed in a small
form); `x` clears them, Enter opens the person, Escape goes back.

The circle filter can be given when the screen opens (`PeopleScreen(ctx, circle=...)`),
so an app-wide circle can carry over.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static
from textual.worker import Worker

from netday.services.context import Context
from netday.services.people import PAGE_SIZE, PeopleFilter, PeoplePage, PersonRow, checked
from netday.ui.actions import BY_ID, Scope, bindings
from netday.ui.failures import RecoversFromFailures
from netday.ui.screens.modal_form import Form
from netday.ui.text import assemble, cell, stacked
from netday.ui.tickets import DropsStaleResults
from netday.ui.widgets.panes import SCROLLBAR, Column, fit_widths
from netday.vocabulary import Circle, DueFilter, PeopleSort, Tier, TriageFilter
from netday.wording import short_date

if TYPE_CHECKING:
    from netday.ui.app import NetdayApp

READ_AHEAD = 20
"""The next page is read when the cursor is this close to the last row loaded."""

CYCLES: dict[str, tuple[str | None, ...]] = {
    "circle": (None, *Circle),
    "tier": (None, *Tier),
    "due": (None, *DueFilter),
    "triage": (None, *TriageFilter),
}
"""What each cycling key steps through: everyone (None), then the set's words."""

SORT_SAID: dict[str, str] = {
    PeopleSort.NEXT_DUE: "next due",
    PeopleSort.LAST_TALK: "last conversation",
    PeopleSort.NAME: "name",
}
DUE_SAID: dict[str, str] = {DueFilter.DUE: "today or before", DueFilter.OVERDUE: "overdue"}

COLUMNS = (
    ("Name", Column(cap=26, least=12)),
    ("Company", Column()),
    ("Tier", Column(cap=9, least=4)),
    ("Circle", Column(cap=12, least=5, optional=True)),
    ("Next due", Column(cap=11, least=6)),
    ("Last talk", Column(cap=11, least=6)),
)
NATURAL = (26, 40, 9, 12, 11, 11)
"""Widths the columns would take if the screen had room: pages come and go, so the
columns are sized from these, not from the rows of one page."""


def when(day: dt.date, today: dt.date) -> str:
    """A day in a cell: `3 Nov`, with its year when it is not this year's."""
    return short_date(day) if day.year == today.year else f"{short_date(day)} {day.year}"


def person_cells(row: PersonRow, today: dt.date) -> tuple[Text, ...]:
    c = row.summary
    tier = cell("untriaged", "dim") if c.untriaged else cell(c.tier)
    if c.next_due is None:
        due = cell("no cadence", "dim")
    elif c.next_due < today:
        due = cell(when(c.next_due, today), "bold red")
    elif c.next_due == today:
        due = cell("today", "bold")
    else:
        due = cell(when(c.next_due, today))
    talked = cell(when(row.last_talk, today)) if row.last_talk else cell("never", "dim")
    return (cell(c.name, "bold"), cell(c.company), tier, cell(c.circle), due, talked)


ANYONE: dict[str, str] = {"circle": "both"}
"""How a filter that keeps everyone reads, where "any" would not (both circles)."""


def filter_bar(found: PeopleFilter, sort: str, width: int) -> Text:
    """The filters and the order in force, each after the key that changes it, on as
    many lines of `width` as they need (a filter is never broken across two lines)."""

    def part(name: str, value: str | None, said: str = "") -> Text:
        key = BY_ID[f"people.{name}"].key
        shown = (said or value, "bold") if value else (ANYONE.get(name, "any"), "dim")
        return assemble((f" {key} ", "reverse"), f" {name}: ", shown)

    parts = [
        part("circle", found.circle),
        part("tier", found.tier),
        part("tag", found.tag),
        part("company", found.company),
        part("due", found.due, DUE_SAID.get(found.due or "", "")),
        part("triage", found.triage),
        part("sort", sort, SORT_SAID[sort]),
    ]
    lines: list[Text] = [Text(end="")]
    for piece in parts:
        if lines[-1].cell_len and lines[-1].cell_len + 2 + piece.cell_len > width:
            lines.append(Text(end=""))
        if lines[-1].cell_len:
            lines[-1].append("  ")
        lines[-1].append_text(piece)
    return stacked(lines)


def count_title(page: PeoplePage | None) -> str:
    """The list's border title: how many people the filters keep."""
    if page is None:
        return "People · reading…"
    return "People · 1 person" if page.total == 1 else f"People · {page.total:,} people"


NOBODY = "nobody"
"""The key of the one row that says the list is empty (every other is a contact id)."""


class PeopleList(DataTable[Text]):
    """The rows, keyed by contact id; Enter opens the person (the screen's action)."""

    BINDINGS = bindings(Scope.PEOPLE_LIST)


class TextFilterForm(Form[str, str]):
    """Tag or company: typed, blank for everyone; read as the list reads it."""

    def __init__(self, what: str, value: str) -> None:
        super().__init__(self.read)
        self.what = what
        self.value = value
        self.heading = f"Only people with this {what} (blank: everyone)"

    def compose_fields(self) -> ComposeResult:
        yield Input(value=self.value, placeholder=f"a {self.what}", id="filter-text")

    def collect(self) -> str:
        return self.query_one("#filter-text", Input).value

    def read(self, text: str) -> str:
        """The value as the list will use it (cleaned; too long is refused here)."""
        given: dict[str, Any] = {self.what: text}
        return cast(str, getattr(checked(PeopleFilter(**given)), self.what))


class PeopleScreen(DropsStaleResults, RecoversFromFailures, Screen[None]):
    BINDINGS = bindings(Scope.BACK, Scope.PEOPLE)
    ACTION_SCOPES = (Scope.PEOPLE, Scope.PEOPLE_LIST)

    def __init__(self, ctx: Context, *, circle: str | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.found = PeopleFilter(circle=circle)
        self.sort: str = PeopleSort.NEXT_DUE
        self.rows: list[PersonRow] = []
        self.page: PeoplePage | None = None
        """The last page read: its total and whether more follow."""
        self.reading_more = False
        self.today = ctx.today()
        self._laid_out_at = 0
        self.shown_columns: list[int] = []

    @property
    def netday(self) -> NetdayApp:
        return cast("NetdayApp", self.app)

    def compose(self) -> ComposeResult:
        yield Static(filter_bar(self.found, self.sort, self.app.size.width), id="people-filters")
        table = PeopleList(id="people-list", cursor_type="row")
        table.border_title = count_title(None)
        yield table
        yield Footer()

    def on_mount(self) -> None:
        self.read_first()

    def on_screen_resume(self) -> None:
        """Back from a person's screen: read again what was loaded (they may have
        changed, or be gone), keeping the cursor where it was."""
        if self.shows_a_result:
            self.read_first(keep=max(PAGE_SIZE, len(self.rows)))

    # --- reading ----------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="people-read", exit_on_error=False)
    def read_first(self, keep: int = PAGE_SIZE) -> None:
        from netday.services.people import people_page

        ticket = self.take_ticket()
        found, sort = self.found, self.sort
        page = people_page(self.ctx, found, sort, limit=keep)
        self.app.call_from_thread(self.show_first, page, found, sort, ticket)

    def show_first(self, page: PeoplePage, found: PeopleFilter, sort: str, ticket: int) -> None:
        if not self.is_fresh(ticket) or (found, sort) != (self.found, self.sort):
            return
        table = self.query_one(PeopleList)
        row = table.cursor_row if self.rows else 0
        self.rows = list(page.rows)
        self.page = page
        self.reading_more = False
        self.lay_out()
        if self.rows:
            table.move_cursor(row=min(row, len(self.rows) - 1), animate=False)
        self.show_bar()

    @work(thread=True, group="people-more", exit_on_error=False)
    def read_more(self, offset: int, found: PeopleFilter, sort: str) -> None:
        from netday.services.people import people_page

        page = people_page(self.ctx, found, sort, offset=offset)
        self.app.call_from_thread(self.show_more, page, found, sort)

    def show_more(self, page: PeoplePage, found: PeopleFilter, sort: str) -> None:
        self.reading_more = False
        if (found, sort) != (self.found, self.sort) or page.offset != len(self.rows):
            return  # the filters changed meanwhile: that list is gone
        table = self.query_one(PeopleList)
        shown = {row.summary.id for row in self.rows}
        fresh = [row for row in page.rows if row.summary.id not in shown]
        self.rows.extend(fresh)
        self.page = page
        for row in fresh:
            self.add_person(table, row)
        self.show_bar()
        self.maybe_read_more()

    def maybe_read_more(self) -> None:
        table = self.query_one(PeopleList)
        if self.page is None or not self.page.has_more or self.reading_more:
            return
        if table.cursor_row >= len(self.rows) - READ_AHEAD:
            self.reading_more = True
            self.read_more(len(self.rows), self.found, self.sort)

    def after_failure(self, worker: Worker[object], message: str) -> None:
        """A page that failed to read is asked for again when the cursor next moves."""
        if worker.group == "people-more":
            self.reading_more = False

    @on(DataTable.RowHighlighted, "#people-list")
    def near_the_end(self) -> None:
        self.maybe_read_more()

    # --- showing ----------------------------------------------------------------------

    def show_bar(self) -> None:
        bar = self.query_one("#people-filters", Static)
        bar.update(filter_bar(self.found, self.sort, max(20, self.size.width - 2)))
        self.query_one(PeopleList).border_title = count_title(self.page)

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self.relay_out)

    def relay_out(self) -> None:
        """The columns fit the new width (the list's own size is known after a refresh)."""
        self.show_bar()
        if self.page is not None and self.query_one(PeopleList).size.width != self._laid_out_at:
            self.lay_out()

    def lay_out(self) -> None:
        """Columns fitted to the list's width, then the rows loaded."""
        table = self.query_one(PeopleList)
        self._laid_out_at = table.size.width
        padding = 2 * table.cell_padding
        # No wider than the columns want: a wide terminal leaves room at the right
        # instead of a company column three times the width of any company.
        room = min(max(20, table.size.width - SCROLLBAR - 2), sum(NATURAL) + padding * len(NATURAL))
        widths = fit_widths([c for _, c in COLUMNS], NATURAL, room, padding)
        self.shown_columns = [i for i, w in enumerate(widths) if w is not None]
        table.clear(columns=True)
        for i in self.shown_columns:
            table.add_column(COLUMNS[i][0], width=widths[i] or 1, key=f"c{i}")
        for row in self.rows:
            self.add_person(table, row)
        if not self.rows and self.page is not None:
            empty = "nobody matches these filters (x clears them)"
            if not self.found.narrowed:
                empty = "nobody here yet"
            cells = (cell(empty if n == 0 else "", "dim") for n in self.shown_columns)
            table.add_row(*cells, key=NOBODY)

    def add_person(self, table: PeopleList, row: PersonRow) -> None:
        cells = person_cells(row, self.today)
        table.add_row(*(cells[i] for i in self.shown_columns), key=str(row.summary.id))

    # --- the keys ---------------------------------------------------------------------

    def refilter(self, **changes: Any) -> None:
        sort = changes.pop("sort", self.sort)
        self.found = dataclasses.replace(self.found, **changes)
        self.sort = sort
        self.rows = []
        self.page = None
        self.show_bar()
        self.read_first()

    def action_cycle(self, what: str) -> None:
        if what == "sort":
            words: Sequence[str | None] = tuple(PeopleSort)
            now: str | None = self.sort
        else:
            words = CYCLES[what]
            now = getattr(self.found, what)
        following = words[(words.index(now) + 1) % len(words)] if now in words else words[0]
        self.refilter(**{what: following})

    def action_edit_filter(self, what: str) -> None:
        def chosen(value: str | None) -> None:
            if value is not None:
                self.refilter(**{what: value})

        self.app.push_screen(TextFilterForm(what, getattr(self.found, what)), chosen)

    def action_clear_filters(self) -> None:
        self.refilter(**{f.name: f.default for f in dataclasses.fields(PeopleFilter)})

    def action_open_selected(self) -> None:
        table = self.query_one(PeopleList)
        if not self.rows or not 0 <= table.cursor_row < len(self.rows):
            self.notify("Nobody selected.")
            return
        self.netday.open_contact(self.rows[table.cursor_row].summary.id)
