"""Opportunities (practice 10): the open ones, the people the selected one fits with the
reasons, and a share with a personal line, one key and one line each.

The screen holds no rule: whom an opportunity fits, what makes a line personal and what
a title or a URL must be are the service's (`services.opportunities`); a refusal shows
in the form that was typed in. Every read and write runs in a worker; a read comes back
with the ticket it took, so a slow one never overwrites a newer one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Footer, Input, Static

from netday.errors import NetdayError
from netday.services.contacts import read_tags
from netday.services.context import Context
from netday.services.opportunities import (
    KIND_SAID,
    OpportunityDetail,
    OpportunityView,
    ProposalView,
    ShareView,
    add_opportunity,
    check_kind,
    check_tags,
    check_title,
    check_url,
    close_opportunity,
    kind_said,
    list_opportunities,
    opportunity_detail,
    read_on,
    share_opportunity,
)
from netday.services.undo import undo_last
from netday.ui.actions import Scope, bindings
from netday.ui.screens.list_detail import ListAndDetailScreen
from netday.ui.screens.modal_form import Form
from netday.ui.text import assemble, cell, plain, stacked
from netday.ui.widgets.choice import Choice
from netday.ui.widgets.fitted import Cells, FittedTable
from netday.ui.widgets.panes import Column, key_label
from netday.wording import short_date

LISTED = 100
"""Open opportunities the screen lists (the command line lists more)."""


@dataclass(frozen=True)
class OpportunityDraft:
    title: str
    kind: str
    url: str
    on: dt.date | None
    tags: tuple[str, ...]
    notes: str


class OpportunityForm(Form[OpportunityDraft, OpportunityView]):
    """A new opportunity: title, kind, and optionally a URL, a day, tags and a note."""

    AUTO_FOCUS = "#title"
    heading = "Something worth passing on"

    def __init__(self, ctx: Context, save: Callable[[OpportunityDraft], OpportunityView]) -> None:
        super().__init__(save)
        self.ctx = ctx

    def compose_fields(self) -> ComposeResult:
        yield Input(placeholder="title (PyCon call for speakers)", id="title")
        yield Choice(list(KIND_SAID.values()), 0, ids=list(KIND_SAID), id="kind")
        yield Input(placeholder="URL (optional)", id="url")
        yield Input(placeholder="its day (optional: friday, 2026-12-10)", id="on")
        yield Input(placeholder="tags, comma-separated (python, speaker)", id="tags")
        yield Input(placeholder="notes (optional)", id="notes")

    def collect(self) -> OpportunityDraft:
        pressed = self.query_one("#kind", Choice).pressed_button

        def value(name: str) -> str:
            return self.query_one(f"#{name}", Input).value

        return OpportunityDraft(
            title=check_title(value("title")),
            kind=check_kind(pressed.id if pressed and pressed.id else next(iter(KIND_SAID))),
            url=check_url(value("url")),
            on=read_on(self.ctx, value("on")),
            tags=check_tags(read_tags(value("tags"))),
            notes=value("notes"),
        )


def new_opportunity(ctx: Context) -> Callable[[OpportunityDraft], OpportunityView]:
    """What the form's Save does: one undoable step."""

    def save(d: OpportunityDraft) -> OpportunityView:
        return add_opportunity(ctx, d.title, d.kind, url=d.url, on=d.on, tags=d.tags, notes=d.notes)

    return save


class ShareForm(Form[str, ShareView]):
    """The one line a share carries: it names the person (the service checks it)."""

    AUTO_FOCUS = "#line"

    def __init__(self, title: str, name: str, save: Callable[[str], ShareView]) -> None:
        super().__init__(save)
        self.heading = f"Share {title} with {name}"
        self.first = name.split()[0] if name.split() else name

    def compose_fields(self) -> ComposeResult:
        yield Input(
            placeholder=f"a line for {self.first}: why it made you think of them", id="line"
        )

    def collect(self) -> str:
        return self.query_one("#line", Input).value


class Opportunities(FittedTable):
    """The open opportunities, dated ones soonest first; each row keyed by its id."""

    def __init__(self) -> None:
        super().__init__(
            ("When", Column(cap=7)),
            ("Kind", Column(cap=18, least=7)),
            ("Title", Column()),
            ("Shared", Column(cap=6)),
            id="opportunity-list",
        )


class Proposals(FittedTable):
    """The people the selected opportunity fits, best first; Enter shares with one."""

    BINDINGS = bindings(Scope.PROPOSALS)

    def __init__(self) -> None:
        super().__init__(("Who", Column(cap=40, least=16)), ("Why", Column()), id="proposals")


def about_text(detail: OpportunityDetail) -> Text:
    """The selected opportunity: what and when, its tags, URL and note, who had it."""
    o = detail.opportunity
    facts = [kind_said(o.kind)]
    if o.on_date is not None:
        facts.append(f"{o.on_date:%a} {short_date(o.on_date)}")
    facts += [f"#{t}" for t in o.tags]
    lines = [assemble((o.title, "bold")), plain(" · ".join(facts), "dim")]
    if o.url:
        lines.append(plain(o.url))
    if o.notes:
        lines.append(plain(o.notes.splitlines()[0]))
    if detail.shares:
        had = ", ".join(f"{s.contact_name} ({short_date(s.at.date())})" for s in detail.shares)
        lines.append(plain(f"shared with {had}"))
    return stacked(lines)


class OpportunitiesScreen(ListAndDetailScreen[OpportunityView, OpportunityDetail]):
    BINDINGS = bindings(Scope.OPPORTUNITIES, Scope.BACK)
    ACTION_SCOPES = (Scope.OPPORTUNITIES, Scope.PROPOSALS)

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self._added: str | None = None
        """An opportunity just added: the cursor goes to it once it is listed."""

    def compose(self) -> ComposeResult:
        with Vertical(id="opportunities"):
            listed = Opportunities()
            adds, closes = key_label("opportunities.add"), key_label("opportunities.close")
            listed.border_title = f"Open opportunities ({adds} adds · {closes} closes)"
            yield listed
            yield Static("", id="opportunity-about")
            fits = Proposals()
            fits.border_title = "Who it fits (Enter shares, with a line)"
            yield fits
        yield Footer()

    # --- reading --------------------------------------------------------------------

    def read_list(self) -> tuple[OpportunityView, ...]:
        return list_opportunities(self.ctx, limit=LISTED)

    def show_list(self, found: tuple[OpportunityView, ...]) -> None:
        table = self.query_one(Opportunities)
        table.show_rows(
            (
                (
                    cell(short_date(o.on_date) if o.on_date else ""),
                    cell(kind_said(o.kind)),
                    cell(o.title),
                    cell(str(o.shared) if o.shared else ""),
                ),
                str(o.id),
            )
            for o in found
        )
        if self._added is not None:
            table.select(self._added)
            self._added = None
        if table.row_count:
            self.read_detail()
        else:
            self.detail = None
            self.query_one("#opportunity-about", Static).update(
                f"Nothing open to pass on. Press {key_label('opportunities.add')} to add an"
                " event, a webinar, an article, a job or a call for speakers."
            )
            self.query_one(Proposals).show_rows(())

    def list_table(self) -> FittedTable:
        return self.query_one(Opportunities)

    def people_table(self) -> FittedTable:
        return self.query_one(Proposals)

    def detail_id(self, detail: OpportunityDetail) -> int:
        return detail.opportunity.id

    def read_one(self, item_id: int) -> OpportunityDetail:
        return opportunity_detail(self.ctx, item_id)

    def show_detail(self, detail: OpportunityDetail) -> None:
        self.query_one("#opportunity-about", Static).update(about_text(detail))
        rows: list[tuple[Cells, str | None]] = [
            (
                (
                    cell(p.name + (f" ({p.company})" if p.company else "")),
                    cell("; ".join(p.reasons)),
                ),
                str(p.contact_id),
            )
            for p in detail.proposals
        ]
        if not rows:
            rows = [
                ((cell("nobody fits yet", "dim"), cell("tag it, or the people it is for")), None)
            ]
        self.query_one(Proposals).show_rows(rows)

    def selected_proposal(self) -> ProposalView | None:
        table = self.query_one(Proposals)
        if self.detail is None or table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((p for p in self.detail.proposals if str(p.contact_id) == key), None)

    # --- writing --------------------------------------------------------------------

    def action_add(self) -> None:
        self.app.push_screen(OpportunityForm(self.ctx, new_opportunity(self.ctx)), self.saved)

    def saved(self, result: object) -> None:
        if isinstance(result, OpportunityView):
            self.notify(f"Added {result.title}.")
            self._added = str(result.id)
        if isinstance(result, ShareView):
            self.notify(f"Shared with {result.contact_name}.")
        if result is not None:
            self.load()

    def action_share(self) -> None:
        detail, person = self.detail, self.selected_proposal()
        if detail is None or person is None:
            self.notify("Choose a person the opportunity fits.")
            return
        ctx, opportunity_id = self.ctx, detail.opportunity.id

        def save(line: str) -> ShareView:
            return share_opportunity(ctx, opportunity_id, str(person.contact_id), line)

        form = ShareForm(detail.opportunity.title, person.name, save)
        self.app.push_screen(form, self.saved)

    def action_close_selected(self) -> None:
        found = self.selected()
        if found is not None:
            self.close_now(found.id)

    @work(thread=True, exclusive=True, group="db", exit_on_error=False)
    def action_undo(self) -> None:
        """Take back this planner's last change (whichever screen made it), then list
        the opportunities as they are now."""
        try:
            label = undo_last(self.ctx)
        except NetdayError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error")
            return
        self.app.call_from_thread(self.notify, f"Undone: {label}")
        self.app.call_from_thread(self.load)

    @work(thread=True, exclusive=True, group="db", exit_on_error=False)
    def close_now(self, opportunity_id: int) -> None:
        try:
            closed = close_opportunity(self.ctx, opportunity_id)
        except NetdayError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error")
            return
        self.app.call_from_thread(
            self.notify, f"Closed {closed.title} (u on today's screen undoes)."
        )
        self.app.call_from_thread(self.load)
