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
from netday.ui.screens.modal_form import DraftT, Form, ResultT
from netday.ui.text import editable, plain
from netday.vocabulary import InteractionKind, values


@dataclass(frozen=True)
class InviteDraft:
    """`contact_id` when a contact was picked; else `who` is someone new, by name."""

    who: str
    message: str
    url: str
    contact_id: int | None = None

    @property
    def contact_ref(self) -> str | None:
        return str(self.contact_id) if self.contact_id else None

    @property
    def new_name(self) -> str | None:
        return None if self.contact_id else self.who


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


NEW_PERSON = "new"
"""The id of the picker's last choice: the name as typed, someone not yet a contact."""


class PersonForm(Form[DraftT, ResultT]):
    """A form about one person, picked the same way everywhere: type part of a name or
    company, arrows choose among the contacts found, Enter takes the highlighted one
    and moves on. With `takes_new_name`, the last choice is the name as typed, for
    someone who is not a contact yet."""

    MATCHES = 8
    BINDINGS = bindings(Scope.LOG_FORM)
    takes_new_name = False
    who_placeholder = "who: type part of a name or company"
    after_who: str | None = "#what"
    """The field Enter on the picker moves to (None: Enter saves, the rest is optional)."""

    def __init__(self, ctx: Context, save: Callable[[DraftT], ResultT]) -> None:
        super().__init__(save)
        self.ctx = ctx
        self.found: dict[str, str] = {}
        """The names of the contacts the picker offers, by option id."""
        self.found_for: str | None = None
        """What was typed when the offered contacts were found."""

    prefill_who = ""
    """A name the picker starts with (a form opened about one person)."""

    def compose_person(self) -> ComposeResult:
        yield Input(value=self.prefill_who, placeholder=self.who_placeholder, id="who")
        matches = OptionList(id="matches")
        matches.can_focus = False  # arrows in the name field move through it
        yield matches

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
        self.app.call_from_thread(self.show_matches, found, text)

    def show_matches(self, found: list[ContactSummary], text: str) -> None:
        matches = self.query_one("#matches", OptionList)
        matches.clear_options()
        self.found = {str(c.id): c.name for c in found}
        self.found_for = text
        for c in found:
            label = c.name + (f" · {c.company}" if c.company else "")
            matches.add_option(Option(plain(label), id=str(c.id)))
        typed = " ".join(text.split())
        if self.takes_new_name and typed:
            matches.add_option(Option(plain(f"someone new: {typed}"), id=NEW_PERSON))
        if matches.option_count:
            matches.highlighted = 0
        self.person_changed()

    @on(OptionList.OptionHighlighted, "#matches")
    def person_changed(self) -> None:
        """The person chosen changed (a subclass shows what depends on it)."""

    @on(Input.Submitted, "#who")
    def who_submitted(self, event: Input.Submitted) -> None:
        # Enter in the picker takes the highlighted person and moves on; the base
        # form's handler (which saves) must not run for it.
        if self.after_who is not None:
            event.prevent_default()
            self.query_one(self.after_who).focus()

    def picked(self) -> tuple[int | None, str]:
        """The contact chosen (its id and name), or (None, the name typed) for someone new.

        A form that takes a new name hands the typed name to the service (which links it
        to the one contact of exactly that name) when nothing is offered yet, or what is
        offered was found for other text: a choice made for "Olga" never links "Olga K".
        """
        typed = self.query_one("#who", Input).value
        matches = self.query_one("#matches", OptionList)
        chosen = matches.highlighted is not None and matches.option_count > 0
        if self.takes_new_name and (not chosen or self.found_for != typed):
            return None, " ".join(typed.split())
        if matches.highlighted is None or not chosen:
            raise NetdayError("pick who it was with: type part of their name")
        option_id = matches.get_option_at_index(matches.highlighted).id or ""
        if option_id == NEW_PERSON:
            return None, " ".join(typed.split())
        return int(option_id), self.found.get(option_id, "")

    def person_name(self) -> str:
        """Who the form is about as it stands: the contact highlighted, or the typed name."""
        try:
            return self.picked()[1]
        except NetdayError:
            return self.query_one("#who", Input).value


class InviteForm(PersonForm[InviteDraft, InviteView]):
    """Send an invitation to a contact or someone new: it cannot be saved without a
    personal message."""

    heading = "Send an invitation"
    takes_new_name = True
    who_placeholder = "to whom: part of a contact's name, or someone new"
    after_who = "#message"

    def __init__(
        self, ctx: Context, templates: list[str], save: Callable[[InviteDraft], InviteView]
    ) -> None:
        super().__init__(ctx, save)
        self.templates = templates

    def compose_fields(self) -> ComposeResult:
        yield from self.compose_person()
        yield Input(placeholder="profile URL (optional)", id="url")
        yield Input(placeholder="your personal message", id="message")
        yield Label("", id="message-check")

    def on_mount(self) -> None:
        if self.prefill_who:
            self.find(self.prefill_who)
            self.query_one("#message", Input).focus()
        self.update_check()

    def on_input_changed(self) -> None:
        self.update_check()

    def person_changed(self) -> None:
        self.update_check()

    def update_check(self) -> None:
        message = self.query_one("#message", Input).value
        self.query_one("#message-check", Label).update(
            plain(message_feedback(message, self.person_name(), self.templates))
        )

    def collect(self) -> InviteDraft:
        contact_id, who = self.picked()
        return InviteDraft(
            who,
            self.query_one("#message", Input).value.strip(),
            self.query_one("#url", Input).value.strip(),
            contact_id,
        )


class ReceivedInviteForm(PersonForm[InviteDraft, InviteView]):
    heading = "Record an invitation you received"
    takes_new_name = True
    who_placeholder = "from whom: part of a contact's name, or someone new"
    after_who = None

    def compose_fields(self) -> ComposeResult:
        yield from self.compose_person()
        yield Input(placeholder="profile URL (optional)", id="url")
        yield Input(placeholder="their message (empty if none)", id="message")
        yield Label(f"no message? accept and reply: {HELP_REPLY!r}", id="hint")

    def collect(self) -> InviteDraft:
        contact_id, who = self.picked()
        return InviteDraft(
            who,
            self.query_one("#message", Input).value.strip(),
            self.query_one("#url", Input).value.strip(),
            contact_id,
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


class LogForm(PersonForm[LogDraft, InteractionView]):
    """Log any interaction with anyone, found by typing part of a name or company."""

    heading = "Log an interaction"

    def compose_fields(self) -> ComposeResult:
        yield from self.compose_person()
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

    def collect(self) -> LogDraft:
        contact_id, _ = self.picked()
        kind = self.query_one("#kind", Select).value
        at_text = self.query_one("#at", Input).value.strip()
        return LogDraft(
            contact_id=contact_id or 0,
            kind=str(kind),
            note=self.query_one("#what", Input).value.strip(),
            minutes=read_minutes(self.query_one("#minutes", Input).value),
            at=read_moment(self.ctx, at_text) if at_text else None,
        )
