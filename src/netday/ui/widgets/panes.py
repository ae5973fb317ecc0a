"""The four panes of the main screen. Each shows a bounded list handed down by the app.

Every cell is `Text` built by `netday.ui.text`: a DataTable reads a plain `str` cell as
markup, and these cells hold names, notes and excerpts.

The panes are laid out from what they hold: each column is as wide as its widest cell
(names up to a cap), the text column takes the rest of the width, and a cell that does
not fit ends in `…`; the screen gives each pane rows in proportion to the rows it has
(`rows_wanted`). An empty pane says why it is empty, from the day's data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar, cast

from rich.cells import cell_len
from rich.padding import Padding
from rich.text import Text
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip
from textual.widgets import DataTable

from netday.services.context import Context
from netday.services.invites import HELP_REPLY
from netday.services.views import (
    InteractionView,
    InviteView,
    PlannedCall,
    PostView,
    TodayView,
)
from netday.ui.actions import BY_ID, Scope, bindings
from netday.ui.messages import DataChanged
from netday.ui.text import assemble, cell, plain
from netday.ui.widgets.detail import (
    LABEL,
    call_detail,
    day,
    interaction_detail,
    invite_detail,
    post_detail,
)
from netday.vocabulary import (
    OUTCOME_SAID,
    UNANSWERED,
    CallStatus,
    InviteDirection,
    tried_said,
)
from netday.wording import plural, short_date

if TYPE_CHECKING:
    from netday.ui.app import NetdayApp

MARKS: dict[str, str] = {
    CallStatus.PLANNED: " ",
    CallStatus.DONE: "✓",
    CallStatus.SKIPPED: "–",
    CallStatus.SNOOZED: "z",
}
"""Where a planned call stands, as one character (every `CallStatus` has one)."""
TRIED = "↻"
"""A call done but not answered (no answer, a message left): the person comes back."""
SCROLLBAR = 1
"""Kept free at the right for the pane's scrollbar (`scrollbar-size-vertical` in the tcss)."""
TEXT_MIN = 14
"""The text column keeps at least this many cells before the name columns give up theirs."""


@dataclass(frozen=True)
class Column:
    """How wide one column may be: `cap` bounds a column sized by its data (0 marks the
    one text column, which takes the rest); `least` is what a squeezed column keeps; an
    `optional` column (what the detail panel says anyway) is left out on a narrow pane
    before any other column is squeezed."""

    cap: int = 0
    least: int = 0
    optional: bool = False


@dataclass(frozen=True)
class Row:
    key: str
    cells: tuple[Text, ...]
    height: int = 1


Item = TypeVar("Item")


def key_label(action_id: str) -> str:
    """The key that runs an action, as the footer writes it (`^o`): the registry decides
    which key it is, so a sentence that names a key never goes stale."""
    return BY_ID[action_id].key.split(",")[0].replace("ctrl+", "^")


def fit_widths(
    columns: Sequence[Column], natural: Sequence[int], width: int, padding: int = 2
) -> list[int | None]:
    """Column widths that fill `width` cells (each column also takes `padding`): data
    columns as wide as their widest cell (up to their cap), the text column the rest.
    When the text would be left with less than it needs (up to `TEXT_MIN`), optional
    columns are left out (None), then the widest data columns shrink toward `least`."""
    shown = [True] * len(columns)
    text = next(i for i, c in enumerate(columns) if not c.cap)
    wanted = min(TEXT_MIN, natural[text])

    def data_widths() -> list[int]:
        return [
            min(n, c.cap) if c.cap and on else 0
            for c, n, on in zip(columns, natural, shown, strict=True)
        ]

    def room() -> int:
        return width - padding * sum(shown)

    widths = data_widths()
    for i, column in enumerate(columns):
        if room() - sum(widths) >= wanted:
            break
        if column.optional:
            shown[i] = False
            widths = data_widths()
    while room() - sum(widths) < wanted:
        squeezable = [
            i for i, c in enumerate(columns) if shown[i] and c.cap and widths[i] > c.least
        ]
        if not squeezable:
            break
        widths[max(squeezable, key=lambda i: widths[i])] -= 1
    widths[text] = max(1, room() - sum(widths))
    return [w if on else None for w, on in zip(widths, shown, strict=True)]


class Pane(DataTable[Text], Generic[Item]):
    """A focusable, scrollable table with a title on its border, sized by its data.

    The rows are built once per fresh view (`row`), then laid out at the pane's width
    on every show and every resize, so nothing depends on how wide the terminal
    happened to be when the rows were first measured.
    """

    TITLE = ""
    COLUMNS: tuple[Column, ...] = ()
    ROW_HEIGHT = 1
    """Lines a row takes."""

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False, show_header=False)
        self.border_title = self.TITLE
        self.items: dict[str, Item] = {}
        """What each row shows, by row key."""
        self._rows: list[Row] = []
        self._empty = ""
        self._empty_lines: list[Strip] = []
        self._shown = False
        self._wanted = 0
        """What `rows_wanted` said last: a resize that changes it is reported."""
        self._laid_out_at = 0
        """The width the rows were laid out at (0: not yet, the pane has no width)."""
        self._shown_items: tuple[Item, ...] = ()
        """The items on show: the same items read again are left as they are, since
        rebuilding all four panes after each key cost ~100 ms at 10,000 contacts."""

    # --- what a pane shows: each kind of pane says it -------------------------------

    def pick(self, view: TodayView) -> Sequence[Item]:
        """This pane's list in the day's view."""
        raise NotImplementedError

    def key_of(self, item: Item) -> str:
        raise NotImplementedError

    def row(self, item: Item) -> tuple[Text, ...]:
        raise NotImplementedError

    def why_empty(self, view: TodayView) -> str:
        raise NotImplementedError

    def why_empty_in_circle(self, view: TodayView) -> str:
        """A pane empty while one circle is shown says so first: the other circle may
        hold rows (the day's plan is the whole network's, shown filtered)."""
        if view.circle is None:
            return ""
        return f"None in the {view.circle} circle ({key_label('today.circle')} switches circle)"

    def describe(self, item: Item) -> Text:
        """The row in full, for the detail panel."""
        raise NotImplementedError

    # --- showing --------------------------------------------------------------------

    def show_day(self, view: TodayView) -> None:
        """Show this pane's part of a fresh view, the cursor staying on the same item
        (or at the same place, when that item left the list)."""
        items = tuple(self.pick(view))
        empty = "" if items else self.why_empty_in_circle(view) or self.why_empty(view)
        if self._shown and items == self._shown_items and empty == self._empty:
            return  # the same rows: a key changes one pane or two (see `_shown_items`)
        self._shown_items = items
        self.items = {self.key_of(i): i for i in items}
        self._rows = [Row(self.key_of(i), self.row(i), self.ROW_HEIGHT) for i in items]
        self._empty = empty
        self._shown = True
        self._lay_out()

    class Remeasured(Message):
        """The lines this pane wants changed with its width (an empty pane's reason
        wraps anew): the screen shares the rows again."""

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        """Lay the rows out as soon as the pane is given a new width, before the frame
        laid out with it is drawn (Textual calls this between arranging the screen and
        drawing it; the Resize event comes after the frame). Laid out on Resize, the
        rows missed the first frame: two more frames were drawn before the panes showed
        anything, 7% of the instructions to the first complete frame at 10,000
        contacts. Only when the width changed: the columns depend on it alone, and the
        screen changes the panes' heights as it shares the rows."""
        resized = super()._size_updated(size, virtual_size, container_size, layout)
        if self._shown and self.size.width != self._laid_out_at:
            self._lay_out()
            if self.rows_wanted() != self._wanted:
                self.post_message(self.Remeasured())
        return resized

    @property
    def shows_a_day(self) -> bool:
        """A day's view has been shown (its rows, or why there are none)."""
        return self._shown

    @property
    def is_empty(self) -> bool:
        """Shown, with nothing in it (it says why instead)."""
        return self._shown and not self._rows

    def rows_wanted(self) -> int:
        """Lines this pane's content takes (its border aside): what it asks the screen for."""
        if not self._rows:
            self._wanted = max(1, len(self._wrapped_reason()))
        else:
            self._wanted = sum(r.height for r in self._rows)
        return self._wanted

    def _room(self) -> int:
        """Cells for the columns and their padding."""
        return self.size.width - SCROLLBAR

    def _empty_text(self) -> Text:
        return plain(self._empty, f"italic {LABEL}")

    def _lay_out(self) -> None:
        """Fit the columns to the pane's width and put the rows in. Before the pane has
        a width (a view shown as the screen mounts) nothing is laid out: the first
        resize does it, so the first frame is drawn once, at the right width."""
        self._laid_out_at = self.size.width
        if not self._laid_out_at:
            return
        selected = self.selected_key()
        index = self.cursor_row
        self.clear(columns=True)
        if not self._rows:  # no row at all: the reason is drawn over the empty table
            self.show_cursor = False
            self._empty_lines = self._wrapped_reason()
            self.refresh()
            return
        self.show_cursor = True
        natural = [
            max(max(cell_len(line) for line in c.plain.split("\n")) for c in column)
            for column in zip(*(r.cells for r in self._rows), strict=True)
        ]
        widths = fit_widths(self.COLUMNS, natural, self._room(), 2 * self.cell_padding)
        shown = [i for i, w in enumerate(widths) if w is not None]
        for i in shown:
            self.add_column("", width=widths[i] or 1, key=f"c{i}")
        for r in self._rows:
            self.add_row(*(r.cells[i] for i in shown), height=r.height, key=r.key)
        keys = [r.key for r in self._rows]
        row = keys.index(selected) if selected in keys else min(index, len(keys) - 1)
        self.move_cursor(row=max(0, row), animate=False)

    def _wrapped_reason(self) -> list[Strip]:
        width = self._room()
        if width <= 0:
            return []
        lines = self.app.console.render_lines(
            Padding(self._empty_text(), (0, self.cell_padding)),
            self.app.console.options.update_width(width),
            style=self.rich_style,
        )
        return [Strip(line, width) for line in lines]

    def render_line(self, y: int) -> Strip:
        """An empty pane shows why it is empty where its rows would be."""
        if self._rows or not self._shown:
            return super().render_line(y)
        if y < len(self._empty_lines):
            return self._empty_lines[y].extend_cell_length(self.size.width, self.rich_style)
        return Strip.blank(self.size.width, self.rich_style)

    def selected_key(self) -> str | None:
        if self.row_count == 0:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return row_key.value

    def selected(self) -> Item | None:
        """The item under the cursor; before the rows are laid out (the pane has no
        width yet), the first, where the cursor starts: the detail panel describes it
        in the first frame."""
        if self._laid_out_at == 0 and self._rows:
            return self.items.get(self._rows[0].key)
        key = self.selected_key()
        return None if key is None else self.items.get(key)

    def detail(self) -> Text | None:
        """The selected row in full, or why the pane is empty."""
        item = self.selected()
        if item is not None:
            return self.describe(item)
        return self._empty_text() if self._shown and not self._rows else None

    def select(self, key: str) -> None:
        """Put the cursor on the row with this key, if it is shown."""
        keys = [r.key for r in self._rows]
        if key in keys:
            self.move_cursor(row=keys.index(key), animate=False)


def _ellipsis(text: Text) -> Text:
    text.no_wrap = True
    text.overflow = "ellipsis"
    return text


class CallsPane(Pane[PlannedCall]):
    """Two lines a call: who and why today; then where the last conversation left off
    and any follow-up still owed (practice 3: a call starts from the last one)."""

    TITLE = "Today's calls"
    COLUMNS = (Column(cap=1, least=1), Column())
    BINDINGS = bindings(Scope.CALLS)
    ROW_HEIGHT = 2

    def pick(self, view: TodayView) -> Sequence[PlannedCall]:
        return view.plan.calls

    def key_of(self, item: PlannedCall) -> str:
        return str(item.contact.id)

    def row(self, item: PlannedCall) -> tuple[Text, ...]:
        c = item.contact
        planned = item.status == CallStatus.PLANNED
        why = item.reason
        if item.status == CallStatus.SNOOZED and item.snoozed_until:
            why = f"snoozed until {short_date(item.snoozed_until)}"
        elif item.status == CallStatus.SKIPPED:
            why = f"skipped · {why}"
        elif item.outcome in UNANSWERED:
            why = f"{OUTCOME_SAID[item.outcome]} · back tomorrow"
        context = [c.company]
        if item.last_talk is not None:
            talk = item.last_talk
            said = f": {talk.summary}" if talk.summary else ""
            context.append(f"last {talk.kind} {short_date(talk.at.date())}{said}")
        else:
            context.append(c.role)
        if item.promise is not None:
            context.append(f"follow-up due {short_date(item.promise.due)}")
        for mine, said in ((True, "you owe"), (False, "owed")):
            owed = [p for p in item.promises if p.mine == mine]
            if owed:
                more = f" +{len(owed) - 1}" if len(owed) > 1 else ""
                context.append(f"{said} {owed[0].what}{more}")
        line = assemble(
            (c.name, "bold" if planned else "dim"),
            (f" · {why}", "italic" if planned else "dim"),
            ("\n" + " · ".join(p for p in context if p), LABEL),
        )
        tried = item.outcome in UNANSWERED
        shown = TRIED if tried else MARKS[item.status]
        mark = plain(shown, "bold green" if item.status == CallStatus.DONE and not tried else "")
        return (_ellipsis(mark), _ellipsis(line))

    def why_empty(self, view: TodayView) -> str:
        if view.contacts == 0:
            return (
                f"No contacts yet: {key_label('today.add_contact')} adds one, "
                f"{key_label('today.import')} imports your network"
            )
        if view.next_due is not None and view.plan.minutes > 0:
            due = view.next_due
            when = "today" if due.due <= view.date else f"on {day(due.due)}"
            return f"No calls today: next due {due.name} {when}"
        if view.plan.minutes == 0:
            return f"No minutes for calls today: {key_label('today.minutes')} sets them"
        if view.to_triage:
            return (
                f"No calls today: {plural(view.to_triage, 'imported contact')} "
                f"wait for triage ({key_label('today.triage')})"
            )
        return "No calls today: no contact has a cadence yet (^p finds one to edit)"

    def describe(self, item: PlannedCall) -> Text:
        return call_detail(item)

    def next_open_after(self, key: str) -> str | None:
        """The next call still to make after this one (wrapping round), if any."""
        keys = list(self.items)
        if key not in keys:
            return None
        order = keys[keys.index(key) + 1 :] + keys[: keys.index(key)]
        return next(
            (k for k in order if self.items[k].status == CallStatus.PLANNED),
            None,
        )


def _age(days: int) -> Text:
    return cell("today" if days <= 0 else f"{days}d", LABEL)


class CommentsPane(Pane[PostView]):
    TITLE = "Comments to write"
    COLUMNS = (Column(cap=5, least=3, optional=True), Column(cap=22, least=10), Column())
    BINDINGS = bindings(Scope.COMMENTS)

    def pick(self, view: TodayView) -> Sequence[PostView]:
        return view.comments

    def key_of(self, item: PostView) -> str:
        return str(item.id)

    def row(self, item: PostView) -> tuple[Text, ...]:
        return (_age(item.age_days), cell(item.author), cell(item.excerpt or item.url))

    def why_empty(self, view: TodayView) -> str:
        return f"Nothing to comment on: add a post with {key_label('today.post_add')}"

    def describe(self, item: PostView) -> Text:
        return post_detail(item)


SHORT_ACTIONS = {
    "withdraw": "withdraw?",
    "follow_up": "follow up",
    "reply_help": f"reply: {HELP_REPLY}",
    "answer": "accept or decline",
}


class InvitesPane(Pane[InviteView]):
    TITLE = "Pending invites"
    COLUMNS = (
        Column(cap=1, least=1),
        Column(cap=5, least=3, optional=True),
        Column(cap=22, least=10),
        Column(),
    )
    BINDINGS = bindings(Scope.INVITES)

    def pick(self, view: TodayView) -> Sequence[InviteView]:
        return view.invites

    def key_of(self, item: InviteView) -> str:
        return str(item.id)

    def row(self, item: InviteView) -> tuple[Text, ...]:
        arrow = "→" if item.direction == InviteDirection.SENT else "←"
        if item.action:
            step = cell(SHORT_ACTIONS.get(item.action, item.action), "bold")
        elif item.follow_up_due:
            step = cell(f"follow up {short_date(item.follow_up_due)}", LABEL)
        else:
            step = cell("waiting", LABEL)
        return (cell(arrow), _age(item.age_days), cell(item.name), step)

    def why_empty(self, view: TodayView) -> str:
        return (
            f"No invitations waiting: {key_label('today.invite_send')} sends one, "
            f"{key_label('invites.received')} records one you got"
        )

    def describe(self, item: InviteView) -> Text:
        return invite_detail(item)


class LogPane(Pane[InteractionView]):
    TITLE = "Interaction log"
    COLUMNS = (
        Column(cap=5, least=5),
        Column(cap=8, least=4, optional=True),
        Column(cap=22, least=10),
        Column(),
    )
    BINDINGS = bindings(Scope.LOG)

    def action_edit_entry(self) -> None:
        """The form over the selected entry; the day is read again once it is saved."""
        from netday.ui.screens.interaction_form import edit_entry

        entry = self.selected()
        if entry is not None:
            edit_entry(self, self._ctx(), entry, self._reread)

    def action_delete_entry(self) -> None:
        """Asks first, naming the person, the kind and the day."""
        from netday.ui.screens.interaction_form import delete_entry

        entry = self.selected()
        if entry is not None:
            delete_entry(self, self._ctx(), entry, self._reread)

    def _ctx(self) -> Context:
        """The app's database at this moment (the demo's, once the welcome opened it)."""
        return cast("NetdayApp", self.app).ctx

    def _reread(self, result: object = True) -> None:
        if result is not None:
            self.post_message(DataChanged())  # the screen reads the day again

    def pick(self, view: TodayView) -> Sequence[InteractionView]:
        return view.log

    def key_of(self, item: InteractionView) -> str:
        return str(item.id)

    def row(self, item: InteractionView) -> tuple[Text, ...]:
        """A call that went unanswered says so first in its text ("no answer · …"),
        which stays when a narrow pane leaves the kind column out."""
        tried = tried_said(item.outcome)
        said = assemble((f"{tried} · " if item.summary else tried, LABEL), item.summary)
        return (
            cell(f"{item.at:%H:%M}", LABEL),
            cell(item.kind),
            cell(item.contact_name),
            _ellipsis(said) if tried else cell(item.summary),
        )

    def why_empty(self, view: TodayView) -> str:
        return (
            f"Nothing logged today: {key_label('today.log')} logs anything, "
            "or type on the line below"
        )

    def describe(self, item: InteractionView) -> Text:
        return interaction_detail(item)
