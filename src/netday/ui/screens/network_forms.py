"""Forms for the rest of the day's work: invitations, posts, and logging anything.

Each saves itself through the service it is given and stays open, with what was typed,
when the service refuses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.widgets import Input, Label, OptionList, Select
from textual.widgets.option_list import Option

from netday.errors import NetdayError
from netday.services.contacts import list_contacts
from netday.services.context import Context
from netday.services.invites import HELP_REPLY, check_invite_message
from netday.services.journal import read_minutes, read_moment
from netday.services.views import ContactSummary, InteractionView, InviteView, PostView
from netday.ui.actions import Scope, bindings
from netday.ui.screens.modal_form import Form
from netday.ui.text import editable, plain
from netday.vocabulary import InteractionKind, values


@dataclass(frozen=True)
class InviteDraft:
    who: str
    message: str
    url: str


@dataclass(frozen=True)
class PostDraft:
    author: str
    url: str
    excerpt: str


@dataclass(frozen=True)
class LogDraft:
    contact_id: int
    kind: str
    note: str
    minutes: int | None
    at: dt.datetime | None


def message_feedback(message: str, who: str, templates: list[str]) -> str:
    """What the sender should know before sending, updated as they type: the verdict
    `send_invite` will give."""
    try:
        check = check_invite_message(message, who, templates)
    except NetdayError as exc:
        return str(exc)
    named = "names the person ✓" if check.names_person else "does not name the person ✗"
    canned = "a saved template word for word ✗" if check.is_template else "personal ✓"
    return f"{named} · {canned}"


class InviteForm(Form[InviteDraft, InviteView]):
    """Send an invitation: it cannot be saved without a personal message."""

    heading = "Send an invitation"

    def __init__(self, templates: list[str], save: Callable[[InviteDraft], InviteView]) -> None:
        super().__init__(save)
        self.templates = templates

    def compose_fields(self) -> ComposeResult:
        yield Input(placeholder="to whom (a contact's name, or someone new)", id="who")
        yield Input(placeholder="profile URL (optional)", id="url")
        yield Input(placeholder="your personal message", id="message")
        yield Label("", id="message-check")

    def on_mount(self) -> None:
        self.update_check()

    def on_input_changed(self) -> None:
        self.update_check()

    def update_check(self) -> None:
        who = self.query_one("#who", Input).value
        message = self.query_one("#message", Input).value
        self.query_one("#message-check", Label).update(
            plain(message_feedback(message, who, self.templates))
        )

    def collect(self) -> InviteDraft:
        return InviteDraft(
            self.query_one("#who", Input).value.strip(),
            self.query_one("#message", Input).value.strip(),
            self.query_one("#url", Input).value.strip(),
        )


class ReceivedInviteForm(Form[InviteDraft, InviteView]):
    heading = "Record an invitation you received"

    def compose_fields(self) -> ComposeResult:
        yield Input(placeholder="from whom", id="who")
        yield Input(placeholder="profile URL (optional)", id="url")
        yield Input(placeholder="their message (empty if none)", id="message")
        yield Label(f"no message? accept and reply: {HELP_REPLY!r}", id="hint")

    def collect(self) -> InviteDraft:
        return InviteDraft(
            self.query_one("#who", Input).value.strip(),
            self.query_one("#message", Input).value.strip(),
            self.query_one("#url", Input).value.strip(),
        )


class PostForm(Form[PostDraft, PostView]):
    heading = "A post worth a comment"

    def compose_fields(self) -> ComposeResult:
        yield Input(placeholder="author (a contact's name)", id="author")
        yield Input(placeholder="URL", id="url")
        yield Input(placeholder="excerpt (what it is about)", id="excerpt")

    def collect(self) -> PostDraft:
        return PostDraft(
            self.query_one("#author", Input).value.strip(),
            self.query_one("#url", Input).value.strip(),
            self.query_one("#excerpt", Input).value.strip(),
        )


class CommentForm(Form[str, PostView]):
    def __init__(self, author: str, draft: str, save: Callable[[str], PostView]) -> None:
        super().__init__(save)
        self.heading = f"Commented on {author}'s post"
        self.draft = draft

    def compose_fields(self) -> ComposeResult:
        yield Input(
            editable(self.draft), placeholder="what you wrote (kept with the log)", id="comment"
        )

    def collect(self) -> str:
        return self.query_one("#comment", Input).value.strip()


class LogForm(Form[LogDraft, InteractionView]):
    """Log any interaction with anyone, found by typing part of a name or company."""

    heading = "Log an interaction"
    MATCHES = 8
    BINDINGS = bindings(Scope.LOG_FORM)

    def __init__(self, ctx: Context, save: Callable[[LogDraft], InteractionView]) -> None:
        super().__init__(save)
        self.ctx = ctx

    def compose_fields(self) -> ComposeResult:
        yield Input(placeholder="who: type part of a name or company", id="who")
        yield OptionList(id="matches")
        yield Select(
            [(kind, kind) for kind in values(InteractionKind)],
            value=InteractionKind.CALL,
            allow_blank=False,
            compact=True,
            id="kind",
        )
        yield Input(placeholder="what happened", id="what")
        yield Input(placeholder="minutes", id="minutes", type="integer")
        yield Input(placeholder="when (now, 14:30, yesterday 16:00)", id="at")

    @on(Input.Changed, "#who")
    def who_changed(self, event: Input.Changed) -> None:
        self.find(event.value)

    def action_pick(self, step: int) -> None:
        """Arrow keys move through the matches while the name is being typed."""
        matches = self.query_one("#matches", OptionList)
        if self.focused is not self.query_one("#who", Input) or not matches.option_count:
            self.focus_next() if step > 0 else self.focus_previous()
            return
        current = matches.highlighted or 0
        matches.highlighted = max(0, min(matches.option_count - 1, current + step))

    @work(thread=True, exclusive=True, group="picker", exit_on_error=False)
    def find(self, text: str) -> None:
        found = list_contacts(self.ctx, search=text, limit=self.MATCHES) if len(text) >= 2 else []
        self.app.call_from_thread(self.show_matches, found)

    def show_matches(self, found: list[ContactSummary]) -> None:
        matches = self.query_one("#matches", OptionList)
        matches.clear_options()
        for c in found:
            label = c.name + (f" · {c.company}" if c.company else "")
            matches.add_option(Option(plain(label), id=str(c.id)))
        if found:
            matches.highlighted = 0

    @on(Input.Submitted, "#who")
    def who_submitted(self, event: Input.Submitted) -> None:
        # Enter in the picker takes the highlighted person and moves on; the base
        # form's handler (which saves) must not run for it.
        event.prevent_default()
        self.query_one("#what", Input).focus()

    def collect(self) -> LogDraft:
        matches = self.query_one("#matches", OptionList)
        if matches.highlighted is None or matches.option_count == 0:
            raise NetdayError("pick who it was with: type part of their name")
        option = matches.get_option_at_index(matches.highlighted)
        kind = self.query_one("#kind", Select).value
        at_text = self.query_one("#at", Input).value.strip()
        return LogDraft(
            contact_id=int(option.id or 0),
            kind=str(kind),
            note=self.query_one("#what", Input).value.strip(),
            minutes=read_minutes(self.query_one("#minutes", Input).value),
            at=read_moment(self.ctx, at_text) if at_text else None,
        )
