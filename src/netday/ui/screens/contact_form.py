"""Add or edit a contact: who, why they matter, how often to be in touch.

The cadence field takes "every 3 weeks" or an RRULE and previews the next three dates
as you type; nothing is saved until every field reads correctly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label, RadioButton, RadioSet

from netday.errors import NetdayError
from netday.scheduling.cadence import Cadence
from netday.scheduling.kinds import CIRCLES, TIERS
from netday.services.contacts import ContactFields
from netday.services.views import ContactDetail
from netday.ui.screens.dialogs import Form
from netday.ui.text import editable, plain


def preview_text(text: str, today: dt.date) -> str:
    if not text.strip():
        return "no cadence: this person is never planned automatically"
    try:
        cadence = Cadence.parse(text)
    except NetdayError as exc:
        return str(exc)
    dates = ", ".join(f"{d:%a %d %b}" for d in cadence.preview(today))
    return f"{cadence.describe()}: {dates or 'no more dates'}"


class ContactForm(Form):
    def __init__(
        self,
        today: dt.date,
        detail: ContactDetail | None = None,
        save: Callable[[Any], object] | None = None,
    ) -> None:
        super().__init__(save)
        self.today = today
        self.detail = detail
        self.heading = f"Edit {detail.summary.name}" if detail else "New contact"

    def compose_fields(self) -> ComposeResult:
        d = self.detail
        s = d.summary if d else None
        yield Input(editable(s.name) if s else "", placeholder="full name", id="name")
        with Horizontal(classes="pair"):
            yield Input(editable(s.company) if s else "", placeholder="company", id="company")
            yield Input(editable(s.role) if s else "", placeholder="role", id="role")
        with Horizontal(classes="pair"):
            yield Input(editable(s.phone) if s else "", placeholder="phone", id="phone")
            yield Input(editable(d.email) if d else "", placeholder="e-mail", id="email")
        with Horizontal(classes="choices"):
            yield Label("circle", classes="choice-label")
            with RadioSet(id="circle"):
                for circle in CIRCLES:
                    yield RadioButton(circle, value=(s.circle if s else "professional") == circle)
            yield Label("tier", classes="choice-label")
            with RadioSet(id="tier"):
                for tier in TIERS:
                    yield RadioButton(tier, value=(s.tier if s else "B") == tier)
        yield Input(
            editable(d.cadence_spec) if d else "every 4 weeks",
            placeholder='cadence: "every 3 weeks" or "FREQ=MONTHLY;BYDAY=1MO"',
            id="cadence",
        )
        yield Label("", id="cadence-preview")
        yield Input(
            editable(d.why) if d else "", placeholder="why they matter / how you met", id="why"
        )

    def on_mount(self) -> None:
        self.update_preview()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "cadence":
            self.update_preview()

    def update_preview(self) -> None:
        text = self.query_one("#cadence", Input).value
        self.query_one("#cadence-preview", Label).update(plain(preview_text(text, self.today)))

    def _choice(self, radio_id: str, options: tuple[str, ...]) -> str:
        index = self.query_one(f"#{radio_id}", RadioSet).pressed_index
        return options[index] if index >= 0 else options[0]

    def collect(self) -> ContactFields:
        value = {w.id: w.value.strip() for w in self.query(Input) if w.id}
        if not value["name"]:
            raise NetdayError("a contact needs a name")
        if value["email"] and "@" not in value["email"]:
            raise NetdayError(f"{value['email']!r} is not an e-mail address")
        cadence = Cadence.parse(value["cadence"]) if value["cadence"] else None
        return ContactFields(
            full_name=value["name"],
            company=value["company"],
            role=value["role"],
            phone=value["phone"],
            email=value["email"],
            circle=self._choice("circle", CIRCLES),
            tier=self._choice("tier", TIERS),
            why=value["why"],
            cadence=cadence,
            clear_cadence=cadence is None,
        )
