"""The detail panel under the panes: the selected row of the focused pane, whole.

A pane's row is cut to its column (always with `…`); the panel shows the same row in
full, so nothing the user needs is out of reach: for a call, the person, why today, the
last conversation, any follow-up still open and the open promises either way; for a
post, its excerpt and URL; for an invitation, its message and next step; for a logged
interaction, its note. The screen
hands it the focused pane's description whenever the cursor or the focus moves.
"""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.widgets import Static

from netday.services.views import (
    InteractionView,
    InviteView,
    PlannedCall,
    PostView,
    PromiseView,
)
from netday.ui.text import Part, assemble, cell, plain, stacked
from netday.vocabulary import (
    OUTCOME_SAID,
    UNANSWERED,
    CallStatus,
    Direction,
    InviteDirection,
    tried_said,
)
from netday.wording import days_ago, plural, short_date

LABEL = "dim"
"""The style of the few words that say what a line of the panel is."""


def day(value: dt.date) -> str:
    """`Thu 26 Nov`: a day the user acts on, with its weekday."""
    return f"{value:%a} {short_date(value)}"


class Detail(Static):
    """What the focused pane's cursor is on, in full (wrapped, never cut mid-word).

    The panel's height is the screen's (4 lines at 80x24): when the wrapped text needs
    more, its last shown line ends in `…`, so a cut never reads as the whole."""

    def __init__(self, *, id: str) -> None:
        super().__init__("", id=id, markup=False)
        self.whole = Text("")
        """Everything the panel describes, before it is fitted to its height."""

    def describe(self, text: Text | None) -> None:
        self.whole = text if text is not None else Text("")
        self.refresh()

    def render(self) -> Text:
        width, height = self.content_size
        if width <= 1 or height <= 0:
            return self.whole
        lines = self.whole.wrap(self.app.console, width)
        if len(lines) <= height:
            return self.whole
        kept = lines[:height]
        last = kept[-1]
        last.rstrip()
        last.truncate(width - 1)
        last.append("…", LABEL)
        return Text("\n").join(kept)


def _line(label: str, *parts: Part) -> Text:
    return assemble((f"{label} ", LABEL), *parts)


def _joined(*parts: str) -> str:
    return " · ".join(p for p in parts if p)


def call_detail(call: PlannedCall) -> Text:
    """The person to call, why today, what was said last time, what is owed."""
    c = call.contact
    at = f"{c.role} at {c.company}" if c.role and c.company else c.role or c.company
    lines = [assemble((c.name, "bold"), (" · " if at else "", LABEL), at)]
    if c.phone:
        lines[0].append_text(assemble((" · ", LABEL), c.phone))
    state = ""
    if call.outcome in UNANSWERED:
        state = f"{OUTCOME_SAID[call.outcome]} · back tomorrow · "
    elif call.status == CallStatus.DONE:
        state = "done ✓ · "
    elif call.status == CallStatus.SKIPPED:
        state = "skipped · "
    elif call.status == CallStatus.SNOOZED and call.snoozed_until:
        state = f"snoozed until {day(call.snoozed_until)} · "
    lines.append(_line("why today", state + _joined(call.reason, c.cadence)))
    lines.append(_line("last talk", last_talk_text(call)))
    if call.promise is not None:
        since = f" (open since {short_date(call.promise.since)})" if call.promise.since else ""
        lines.append(_line("follow-up", f"due {day(call.promise.due)}{since}"))
    lines.extend(_line("promise", promise_text(p)) for p in call.promises)
    if c.profile_url:
        lines.append(_line("profile", c.profile_url))
    return stacked(lines)


def promise_text(p: PromiseView) -> str:
    """`you owe the deck · due Thu 26 Nov` (or `they owe …`, and `· done` once kept):
    one promise of the ledger, in the panel, the call-done dialog and a person's screen."""
    done = " · done" if not p.is_open else ""
    return f"{'you owe' if p.mine else 'they owe'} {p.what} · due {day(p.due)}{done}"


def promise_cells(p: PromiseView, today: dt.date) -> tuple[Text, Text, Text, Text]:
    late = p.is_open and p.due < today
    state = "done" if not p.is_open else "late" if late else "open"
    return (
        cell(day(p.due), "bold" if late else ""),
        cell("you owe" if p.mine else "they owe"),
        cell(p.what, "dim" if not p.is_open else ""),
        cell(state, "dim" if not p.is_open else ""),
    )


def last_talk_text(call: PlannedCall) -> str:
    """`call on Fri 23 Oct, 8 min: how the move went`, or that there was none."""
    talk = call.last_talk
    if talk is None:
        return "none logged yet"
    minutes = f", {talk.minutes} min" if talk.minutes else ""
    said = f": {talk.summary}" if talk.summary else ""
    return f"{talk.kind} on {day(talk.at.date())}{minutes}{said}"


def post_detail(post: PostView) -> Text:
    lines = [
        assemble(
            (post.author or "someone", "bold"),
            (f" · found {days_ago(post.age_days)}", LABEL),
        )
    ]
    if post.excerpt:
        lines.append(plain(post.excerpt))
    if post.url:
        lines.append(_line("url", post.url))
    if post.draft_comment:
        lines.append(_line("draft", post.draft_comment))
    return stacked(lines)


def invite_detail(invite: InviteView) -> Text:
    sent = invite.direction == InviteDirection.SENT
    heading = f"to {invite.name}" if sent else f"from {invite.name}"
    when = f" · {'sent' if sent else 'received'} {days_ago(invite.age_days)}"
    if invite.follow_ups:
        when += f" · followed up {plural(invite.follow_ups, 'time')}"
    lines = [assemble((heading, "bold"), (when, LABEL))]
    if invite.profile_url:
        lines[0].append_text(assemble((" · ", LABEL), invite.profile_url))
    lines.append(_line("message", invite.message or "none"))
    if invite.action_text:
        lines.append(_line("next", invite.action_text))
    elif invite.follow_up_due:
        lines.append(_line("next", f"follow up on {day(invite.follow_up_due)}"))
    lines.extend(_line("note", warning) for warning in invite.warnings)
    return stacked(lines)


def interaction_detail(i: InteractionView) -> Text:
    facts = _joined(
        tried_said(i.outcome),
        f"{i.minutes} min" if i.minutes else "",
        "" if i.direction == Direction.NEUTRAL else f"you {i.direction}",
        f"follow-up {day(i.follow_up_on)}" if i.follow_up_on else "",
    )
    lines = [
        assemble(
            (i.contact_name, "bold"),
            (f" · {i.kind} at {i.at:%H:%M}", LABEL),
            (f" · {facts}" if facts else "", LABEL),
        ),
        plain(i.summary) if i.summary else plain("no note", LABEL),
    ]
    return stacked(lines)
