"""The four panes of the main screen. Each shows a bounded list handed down by the app."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from netday.scheduling.plan import short_date
from netday.services.views import InteractionView, InviteView, PlannedCall, PostView

MARKS = {"planned": " ", "done": "✓", "skipped": "–", "snoozed": "z"}


class Pane(DataTable[str | Text]):
    """A focusable, scrollable table with a title on its border."""

    TITLE = ""
    COLUMNS: tuple[str, ...] = ()

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self.border_title = self.TITLE

    def on_mount(self) -> None:
        self.add_columns(*self.COLUMNS)

    def selected_key(self) -> str | None:
        if self.row_count == 0:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return row_key.value

    def _keep_cursor(self, row: int) -> None:
        if self.row_count:
            self.move_cursor(row=min(row, self.row_count - 1))


class CallsPane(Pane):
    TITLE = "Today's calls"
    COLUMNS = ("", "Call")
    BINDINGS = [
        Binding("enter,d", "app.call_done", "Done"),
        Binding("s", "app.call_skip", "Skip"),
        Binding("z", "app.call_snooze", "Snooze"),
    ]

    def show(self, calls: tuple[PlannedCall, ...]) -> None:
        row = self.cursor_row
        self.clear()
        for call in calls:
            c = call.contact
            why = call.reason
            if call.status == "snoozed" and call.snoozed_until:
                why = f"snoozed until {short_date(call.snoozed_until)}"
            elif call.status == "skipped":
                why = f"skipped · {why}"
            line = Text(c.name, style="bold", no_wrap=True, overflow="ellipsis")
            line.append(f" · {why}", style="italic" if call.status == "planned" else "dim")
            details = " · ".join(p for p in (c.company, c.role, c.phone or c.profile_url) if p)
            line.append("\n" + details, style="dim")
            mark = Text(MARKS[call.status], style="bold green" if call.status == "done" else "")
            self.add_row(mark, line, height=2, key=str(c.id))
        self._keep_cursor(row)


class CommentsPane(Pane):
    TITLE = "Comments to write"
    COLUMNS = ("Age", "Author", "Post")
    BINDINGS = [
        Binding("enter,d", "app.post_done", "Commented"),
        Binding("s", "app.post_skip", "Skip"),
    ]

    def show(self, posts: tuple[PostView, ...]) -> None:
        row = self.cursor_row
        self.clear()
        for p in posts:
            self.add_row(_age(p.age_days), p.author, p.excerpt or p.url, key=str(p.id))
        self._keep_cursor(row)


SHORT_ACTIONS = {
    "withdraw": "withdraw?",
    "follow_up": "follow up",
    "reply_help": "reply: How can I help you?",
    "answer": "accept or decline",
}


class InvitesPane(Pane):
    TITLE = "Pending invites"
    COLUMNS = ("", "Age", "Who", "Next step")
    BINDINGS = [
        Binding("y", "app.invite('accept')", "Accept"),
        Binding("x", "app.invite('decline')", "Decline"),
        Binding("w", "app.invite('withdraw')", "Withdraw"),
        Binding("f", "app.invite('follow_up')", "Follow up"),
        Binding("g", "app.invite_received", "Got one"),
    ]

    def show(self, invites: tuple[InviteView, ...]) -> None:
        row = self.cursor_row
        self.clear()
        for i in invites:
            arrow = "→" if i.direction == "sent" else "←"
            if i.action:
                step = Text(SHORT_ACTIONS.get(i.action, i.action), style="bold")
            elif i.follow_up_due:
                step = Text(f"follow up {short_date(i.follow_up_due)}", style="dim")
            else:
                step = Text("waiting", style="dim")
            self.add_row(arrow, _age(i.age_days), i.name, step, key=str(i.id))
        self._keep_cursor(row)


class LogPane(Pane):
    TITLE = "Interaction log"
    COLUMNS = ("Time", "Kind", "Who", "Note")

    def show(self, log: tuple[InteractionView, ...]) -> None:
        self.clear()
        for i in log:
            self.add_row(f"{i.at:%H:%M}", i.kind, i.contact_name, i.summary, key=str(i.id))


def _age(days: int) -> str:
    return "today" if days <= 0 else f"{days}d"
