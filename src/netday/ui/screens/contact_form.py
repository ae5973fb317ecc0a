"""Add or edit a contact: who, why they matter, how often to be in touch, tags, notes,
birthday and the day you connected (their returns are reasons in the plan).

The cadence field takes words ("every 3 weeks", "last Friday of each month") or an
RRULE and previews, as you type, the three dates saving it would give. A new contact
starts from the services' defaults (circle, tier, and the `default_cadence` setting);
every rule is the service's, whose refusal keeps the form open with what was typed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label, RadioSet, TextArea

from netday.errors import NetdayError
from netday.services.contacts import (
    ContactFields,
    NewContactDefaults,
    cadence_schedule,
    read_birthday,
    read_cadence,
    read_connected_on,
    read_tags,
)
from netday.services.views import ContactDetail, ContactSummary
from netday.ui.screens.modal_form import Form
from netday.ui.text import editable, plain
from netday.ui.widgets.choice import Choice
from netday.vocabulary import Circle, Tier, values

CIRCLES = values(Circle)
TIERS = values(Tier)


def _index(options: tuple[str, ...], value: str) -> int:
    return options.index(value) if value in options else 0


def preview_text(text: str, today: dt.date, name: str, last_conversation: dt.date | None) -> str:
    """The cadence in words and the dates saving it would give (`cadence_schedule`)."""
    try:
        cadence = read_cadence(text, today)
    except NetdayError as exc:
        return str(exc)
    if cadence is None:
        return "no cadence: this person is never planned automatically"
    schedule = cadence_schedule(cadence, name, last_conversation, today)
    dates = ", ".join(f"{d:%a %d %b}" for d in schedule)
    return f"{cadence.describe()}: {dates or 'no more dates'}"


class ContactForm(Form[ContactFields, ContactSummary]):
    def __init__(
        self,
        today: dt.date,
        start: ContactDetail | NewContactDefaults,
        save: Callable[[ContactFields], ContactSummary],
    ) -> None:
        """`start` is the contact being edited, or the defaults of a new one."""
        super().__init__(save)
        self.today = today
        detail = start if isinstance(start, ContactDetail) else None
        self.detail = detail
        self.defaults = start if isinstance(start, NewContactDefaults) else None
        self.heading = f"Edit {detail.summary.name}" if detail else "New contact"

    def compose_fields(self) -> ComposeResult:
        d = self.detail
        s = d.summary if d else None
        circle = s.circle if s else self.defaults.circle if self.defaults else ""
        tier = s.tier if s else self.defaults.tier if self.defaults else ""
        cadence = d.cadence_spec if d else self.defaults.cadence if self.defaults else ""
        yield Input(editable(s.name) if s else "", placeholder="full name", id="name")
        with Horizontal(classes="pair"):
            yield Input(editable(s.company) if s else "", placeholder="company", id="company")
            yield Input(editable(s.role) if s else "", placeholder="role", id="role")
        with Horizontal(classes="pair"):
            yield Input(editable(s.phone) if s else "", placeholder="phone", id="phone")
            yield Input(editable(d.email) if d else "", placeholder="e-mail", id="email")
        with Horizontal(classes="choices"):
            yield Label("circle", classes="choice-label")
            yield Choice(CIRCLES, _index(CIRCLES, circle), id="circle")
            yield Label("tier", classes="choice-label")
            yield Choice(TIERS, _index(TIERS, tier), id="tier")
        yield Input(
            editable(cadence),
            placeholder='cadence: "every 3 weeks", "last Friday of each month" or an RRULE',
            id="cadence",
        )
        yield Label("", id="cadence-preview")
        yield Input(
            editable(d.why) if d else "", placeholder="why they matter / how you met", id="why"
        )
        yield Input(
            editable(", ".join(d.tags)) if d else "",
            placeholder="tags, separated by commas",
            id="tags",
        )
        with Horizontal(classes="pair"):
            yield Input(
                d.birthday.isoformat() if d and d.birthday else "",
                placeholder="birthday (YYYY-MM-DD)",
                id="birthday",
            )
            yield Input(
                d.connected_on.isoformat() if d and d.connected_on else "",
                placeholder="connected on (YYYY-MM-DD)",
                id="connected",
            )
        notes = editable(d.notes) if d else ""
        yield TextArea(notes, placeholder="notes", id="notes", compact=True)

    def on_mount(self) -> None:
        self.update_preview()

    @on(Input.Changed, "#cadence, #name")
    def update_preview(self) -> None:
        """A new contact's first date is spread by its name, so both fields move it."""
        text = self.query_one("#cadence", Input).value
        name = self.query_one("#name", Input).value
        last = self.detail.last_conversation if self.detail else None
        preview = preview_text(text, self.today, name, last)
        self.query_one("#cadence-preview", Label).update(plain(preview))

    @on(RadioSet.Changed, "#circle")
    def follow_the_circle(self) -> None:
        """A new contact's cadence is its circle's (`personal_cadence` for a personal
        one) until the user types another: picking a circle swaps an untouched one."""
        if self.defaults is None:
            return
        cadences = self.defaults.circle_cadences
        field = self.query_one("#cadence", Input)
        if field.value in cadences.values():
            field.value = editable(cadences[self._choice("circle", CIRCLES)])

    def _choice(self, radio_id: str, options: tuple[str, ...]) -> str:
        return options[self.query_one(f"#{radio_id}", Choice).chosen]

    def collect(self) -> ContactFields:
        value = {w.id: w.value.strip() for w in self.query(Input) if w.id}
        cadence = read_cadence(value["cadence"], self.today)
        birthday = read_birthday(value["birthday"])
        connected_on = read_connected_on(value["connected"])
        return ContactFields(
            full_name=value["name"],
            company=value["company"],
            role=value["role"],
            phone=self._unless_kept("phone", value["phone"]),
            email=self._unless_kept("email", value["email"]),
            circle=self._choice("circle", CIRCLES),
            tier=self._choice("tier", TIERS),
            why=value["why"],
            notes=self.query_one("#notes", TextArea).text.strip(),
            tags=read_tags(value["tags"]),
            birthday=birthday,
            clear_birthday=birthday is None,
            connected_on=connected_on,
            clear_connected_on=connected_on is None,
            cadence=cadence,
            clear_cadence=cadence is None,
        )

    def _unless_kept(self, field: str, typed: str) -> str | None:
        """None ("leave it") for a value the edit did not touch: an address book's phone
        kept as imported is not judged again when only the tags change."""
        if self.detail is None:
            return typed
        before = self.detail.summary.phone if field == "phone" else self.detail.email
        return None if typed == editable(before).strip() else typed
