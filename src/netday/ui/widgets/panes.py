"""The four panes of the main screen. Each shows a bounded list handed down by the app.

Every cell is `Text` built by `netday.ui.text`: a DataTable reads a plain `str` cell as
markup, and these cells hold names, notes and excerpts.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

from netday.services.invites import HELP_REPLY
from netday.services.views import InteractionView, InviteView, PlannedCall, PostView
from netday.ui.actions import Scope, bindings
from netday.ui.text import assemble, cell, plain
from netday.vocabulary import CallStatus, InviteDirection
from netday.wording import short_date

MARKS: dict[str, str] = {
    CallStatus.PLANNED: " ",
    CallStatus.DONE: "✓",
    CallStatus.SKIPPED: "–",
    CallStatus.SNOOZED: "z",
}
"""Where a planned call stands, as one character (every `CallStatus` has one)."""
SCROLLBAR = 2


class Pane(DataTable[Text]):
    """A focusable, scrollable table with a title on its border.

    Column widths come from the pane's own width (fixed columns, and flexible ones
    sharing the rest by weight), recomputed on every resize, so nothing depends on
    how wide the terminal happened to be when the rows were first measured.
    """

    TITLE = ""
    COLUMNS: tuple[tuple[str, int, int], ...] = ()
    """(label, minimum width, weight): weight 0 is a fixed column."""

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self.border_title = self.TITLE
        self._last_shown: Any = None
        self._shown_width = -1

    def on_mount(self) -> None:
        for index, (label, width, _) in enumerate(self.COLUMNS):
            self.add_column(label, width=width, key=f"c{index}")

    def on_resize(self) -> None:
        if self._last_shown is not None:
            self.show(self._last_shown)

    def _fit(self) -> None:
        fixed = sum(width for _, width, weight in self.COLUMNS if weight == 0)
        weights = sum(weight for _, _, weight in self.COLUMNS)
        padding = 2 * self.cell_padding * len(self.COLUMNS)
        room = max(0, self.size.width - fixed - padding - SCROLLBAR)
        for index, (_, width, weight) in enumerate(self.COLUMNS):
            if weight:
                self.columns[ColumnKey(f"c{index}")].width = max(width, room * weight // weights)

    def show(self, data: Any) -> None:
        """Show fresh rows, keeping the cursor where it was.

        The same rows at the same width are left as they are: a key changes one pane or
        two, and redrawing all four after each reload cost ~100 ms at 10,000 contacts.
        """
        if data == self._last_shown and self.size.width == self._shown_width:
            return
        self._last_shown, self._shown_width = data, self.size.width
        row = self.cursor_row
        self._fit()
        self.clear()
        self.fill(data)
        if self.row_count:
            self.move_cursor(row=min(row, self.row_count - 1))

    def fill(self, data: Any) -> None:
        raise NotImplementedError

    def selected_key(self) -> str | None:
        if self.row_count == 0:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return row_key.value


class CallsPane(Pane):
    TITLE = "Today's calls"
    COLUMNS = (("", 1, 0), ("Call", 20, 1))
    BINDINGS = bindings(Scope.CALLS)

    def fill(self, calls: tuple[PlannedCall, ...]) -> None:
        for call in calls:
            c = call.contact
            why = call.reason
            if call.status == CallStatus.SNOOZED and call.snoozed_until:
                why = f"snoozed until {short_date(call.snoozed_until)}"
            elif call.status == CallStatus.SKIPPED:
                why = f"skipped · {why}"
            details = " · ".join(p for p in (c.company, c.role, c.phone or c.profile_url) if p)
            line = assemble(
                c.name,
                (f" · {why}", "italic" if call.status == CallStatus.PLANNED else "dim"),
                ("\n" + details, "dim"),
                style="bold",
            )
            line.no_wrap = True
            line.overflow = "ellipsis"
            mark = plain(MARKS[call.status], "bold green" if call.status == CallStatus.DONE else "")
            self.add_row(mark, line, height=2, key=str(c.id))


class CommentsPane(Pane):
    TITLE = "Comments to write"
    COLUMNS = (("Age", 5, 0), ("Author", 6, 2), ("Post", 6, 3))
    BINDINGS = bindings(Scope.COMMENTS)

    def fill(self, posts: tuple[PostView, ...]) -> None:
        for p in posts:
            self.add_row(_age(p.age_days), cell(p.author), cell(p.excerpt or p.url), key=str(p.id))


SHORT_ACTIONS = {
    "withdraw": "withdraw?",
    "follow_up": "follow up",
    "reply_help": f"reply: {HELP_REPLY}",
    "answer": "accept or decline",
}


class InvitesPane(Pane):
    TITLE = "Pending invites"
    COLUMNS = (("", 1, 0), ("Age", 5, 0), ("Who", 6, 2), ("Next step", 6, 3))
    BINDINGS = bindings(Scope.INVITES)

    def fill(self, invites: tuple[InviteView, ...]) -> None:
        for i in invites:
            arrow = "→" if i.direction == InviteDirection.SENT else "←"
            if i.action:
                step = plain(SHORT_ACTIONS.get(i.action, i.action), "bold")
            elif i.follow_up_due:
                step = plain(f"follow up {short_date(i.follow_up_due)}", "dim")
            else:
                step = plain("waiting", "dim")
            self.add_row(cell(arrow), _age(i.age_days), cell(i.name), step, key=str(i.id))


class LogPane(Pane):
    TITLE = "Interaction log"
    COLUMNS = (("Time", 5, 0), ("Kind", 7, 0), ("Who", 6, 2), ("Note", 6, 3))

    def fill(self, log: tuple[InteractionView, ...]) -> None:
        for i in log:
            self.add_row(
                cell(f"{i.at:%H:%M}"),
                cell(i.kind),
                cell(i.contact_name),
                cell(i.summary),
                key=str(i.id),
            )


def _age(days: int) -> Text:
    return cell("today" if days <= 0 else f"{days}d")
