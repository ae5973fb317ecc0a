"""Noting a promise from a person's screen: whose (mine or theirs), what, by when.

The form holds no rules: what reads as a promise and a due day is the ledger's call
(`services.promises`), and its refusal shows in the form."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.widgets import Input

from netday.services.context import Context
from netday.services.promises import check_what, read_due
from netday.services.views import PromiseView
from netday.ui.screens.modal_form import Form
from netday.ui.widgets.choice import Choice
from netday.vocabulary import OwedBy

WHOSE = {OwedBy.ME: "I promised", OwedBy.THEM: "they promised"}
"""Each side of a promise as the form offers it (every `OwedBy` has one)."""


@dataclass(frozen=True)
class PromiseDraft:
    owed_by: str
    what: str
    due: dt.date


class PromiseForm(Form[PromiseDraft, PromiseView]):
    AUTO_FOCUS = "#what"

    def __init__(
        self, name: str, ctx: Context, save: Callable[[PromiseDraft], PromiseView]
    ) -> None:
        super().__init__(save)
        self.heading = f"A promise with {name}"
        self.ctx = ctx

    def compose_fields(self) -> ComposeResult:
        yield Choice(list(WHOSE.values()), 0, ids=list(WHOSE), id="whose")
        yield Input(placeholder="what (the deck, an intro to their CTO)", id="what")
        yield Input(value="today", placeholder="by when (friday, next week, 2026-12-01)", id="due")

    def collect(self) -> PromiseDraft:
        pressed = self.query_one("#whose", Choice).pressed_button
        return PromiseDraft(
            owed_by=pressed.id if pressed and pressed.id else OwedBy.ME,
            what=check_what(self.query_one("#what", Input).value),
            due=read_due(self.ctx, self.query_one("#due", Input).value),
        )
