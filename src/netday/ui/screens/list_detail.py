"""A screen of things above the selected one's people: the events (whom to meet there)
and the opportunities (whom each fits).

Both list their things in one table; the cursor's row is read again in a worker (with
its people, which may be slow to rank) and shown under the list; Enter on the list goes
to the people. Reads come back in any order: a detail older than the last one asked
for is dropped, as a list older than the one shown is (`DropsStaleResults`).
"""

from __future__ import annotations

from typing import Generic, Protocol, TypeVar

from textual import work
from textual.screen import Screen
from textual.widgets import DataTable

from netday.errors import NetdayError
from netday.services.context import Context
from netday.ui.failures import RecoversFromFailures
from netday.ui.tickets import DropsStaleResults
from netday.ui.widgets.fitted import FittedTable


class HasId(Protocol):
    @property
    def id(self) -> int: ...


Listed = TypeVar("Listed", bound=HasId)
Detail = TypeVar("Detail")


class ListAndDetailScreen(
    DropsStaleResults, RecoversFromFailures, Screen[None], Generic[Listed, Detail]
):
    """What the screen lists (`listed`, in `list_table`) and the selected one read whole
    (`detail`, its people in `people_table`); a subclass says how to read one and how to
    show it."""

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.listed: tuple[Listed, ...] = ()
        self.detail: Detail | None = None
        self._detail_ticket = 0

    # --- what a subclass says -------------------------------------------------------

    def read_list(self) -> tuple[Listed, ...]:
        """Read what the screen lists (in a worker thread)."""
        raise NotImplementedError

    def show_list(self, found: tuple[Listed, ...]) -> None:
        raise NotImplementedError

    def list_table(self) -> FittedTable:
        raise NotImplementedError

    def people_table(self) -> FittedTable:
        raise NotImplementedError

    def detail_id(self, detail: Detail) -> int:
        """Which listed thing a detail is about."""
        raise NotImplementedError

    def read_one(self, item_id: int) -> Detail:
        """Read one thing whole (in a worker thread)."""
        raise NotImplementedError

    def show_detail(self, detail: Detail) -> None:
        raise NotImplementedError

    # --- the list -------------------------------------------------------------------

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="list-read", exit_on_error=False)
    def load(self) -> None:
        """Read the list again (after every change made on the screen)."""
        ticket = self.take_ticket()
        found = self.read_list()
        self.app.call_from_thread(self._list_read, found, ticket)

    def _list_read(self, found: tuple[Listed, ...], ticket: int) -> None:
        if self.is_fresh(ticket):
            self.listed = found
            self.show_list(found)

    # --- the selection and its detail -----------------------------------------------

    def selected(self) -> Listed | None:
        table = self.list_table()
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((item for item in self.listed if str(item.id) == key), None)

    def on_data_table_row_highlighted(self, message: DataTable.RowHighlighted) -> None:
        if message.data_table is self.list_table():
            self.read_detail()

    def on_data_table_row_selected(self, message: DataTable.RowSelected) -> None:
        if message.data_table is self.list_table():
            self.people_table().focus()

    def read_detail(self) -> None:
        """Read the selected thing again; another thing's people go at once, so that
        a key pressed meanwhile never acts on the people of the one before."""
        found = self.selected()
        if found is None:
            return
        if self.detail is None or self.detail_id(self.detail) != found.id:
            self.people_table().show_rows(())
        self._read_detail(found.id)

    @work(thread=True, exclusive=True, group="detail-read", exit_on_error=False)
    def _read_detail(self, item_id: int) -> None:
        self._detail_ticket += 1
        ticket = self._detail_ticket
        try:
            detail = self.read_one(item_id)
        except NetdayError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error")
            return
        self.app.call_from_thread(self._detail_read, detail, ticket)

    def _detail_read(self, detail: Detail, ticket: int) -> None:
        if ticket == self._detail_ticket:
            self.detail = detail
            self.show_detail(detail)
