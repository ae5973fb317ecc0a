"""A table whose columns fit its width, for the screens' lists (a contact's timeline,
opportunities, events, the review).

A plain DataTable makes each column as wide as its widest cell and scrolls sideways, so a
long note ran off the table's edge with no mark that it went on ("Tried again: no
answe"). Here the columns follow the same rule as the main screen's panes (`fit_widths`):
data columns as wide as their data up to a cap, the one text column takes the rest, and
a cell cut short ends in `…` (cells are made by `netday.ui.text.cell`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import DataTable

from netday.ui.widgets.panes import SCROLLBAR, Column, fit_widths

Cells = Sequence[Text]


class FittedTable(DataTable[Text]):
    """Declared with its columns (a header and how wide it may be: `COLUMNS` on a
    subclass, or given when made), filled with `show_rows`, laid out again when its
    width changes."""

    COLUMNS: ClassVar[tuple[tuple[str, Column], ...]] = ()

    def __init__(self, *columns: tuple[str, Column], **kwargs: object) -> None:
        kwargs.setdefault("cursor_type", "row")
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.columns_wanted = columns or self.COLUMNS
        self._rows: list[tuple[tuple[Text, ...], str | None]] = []
        self._laid_out_at = 0

    def show_rows(self, rows: Iterable[tuple[Cells, str | None]]) -> None:
        """Show these rows (cells, key), the cursor staying on the same key (or at the
        same place when that row left)."""
        self._rows = [(tuple(cells), key) for cells, key in rows]
        self._lay_out()

    def on_resize(self) -> None:
        if self.size.width != self._laid_out_at:
            self._lay_out()

    def _lay_out(self) -> None:
        selected = self._selected_key()
        index = self.cursor_row
        self.clear(columns=True)
        self._laid_out_at = self.size.width
        specs = [column for _, column in self.columns_wanted]
        natural = [
            max([cell_len(header)] + [_widest_line(cells[i]) for cells, _ in self._rows])
            for i, (header, _) in enumerate(self.columns_wanted)
        ]
        widths: list[int | None] = list(natural)  # no width yet: the first resize lays out
        if self._laid_out_at:
            room = self._laid_out_at - SCROLLBAR
            widths = fit_widths(specs, natural, room, 2 * self.cell_padding)
        shown = [i for i, w in enumerate(widths) if w is not None]
        for i in shown:
            self.add_column(self.columns_wanted[i][0], width=widths[i] or 1, key=f"c{i}")
        for cells, key in self._rows:
            self.add_row(*(cells[i] for i in shown), key=key)
        if not self._rows:
            return
        keys = [key for _, key in self._rows]
        row = keys.index(selected) if selected is not None and selected in keys else index
        self.move_cursor(row=max(0, min(row, len(keys) - 1)), animate=False)

    def select(self, key: str) -> None:
        """Put the cursor on the row with this key, if it is shown."""
        keys = [k for _, k in self._rows]
        if key in keys:
            self.move_cursor(row=keys.index(key), animate=False)

    def _selected_key(self) -> str | None:
        if self.row_count == 0:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return row_key.value


def _widest_line(text: Text) -> int:
    return max(cell_len(line) for line in text.plain.split("\n"))
