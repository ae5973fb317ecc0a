"""The command palette (ctrl+p): any contact by a fragment of name or company, any action."""

from __future__ import annotations

import asyncio
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from netday.cleaning import for_terminal
from netday.services.contacts import list_contacts
from netday.ui.text import as_markup

if TYPE_CHECKING:
    from netday.ui.app import NetdayApp

PALETTE_LIMIT = 20

ACTIONS: tuple[tuple[str, str, str], ...] = (
    ("Set today's minutes", "minutes", "The plan re-sizes to the time you have"),
    ("Review the day", "review", "Planned vs done, a line of reflection, export as Markdown"),
    ("Add a contact", "add_contact", "Who, why they matter, how often to be in touch"),
    ("Log an interaction", "log_any", "Any kind, with anyone: type part of a name or company"),
    ("Send an invitation", "invite_send", "Always with a personal message"),
    (
        "Record an invitation you received",
        "invite_received",
        "From whom, with or without a message",
    ),
    ("Add a post to comment on", "post_add", "Author, URL, what it is about"),
    ("Triage imported contacts", "triage", "Tier A/B/C, personal, skip or archive, one key each"),
    ("Import contacts", "import_contacts", "A LinkedIn data export (ZIP, folder, CSV) or vCards"),
    ("Export", "export_data", "vCard, iCalendar, CSV or the week as Markdown"),
    ("Reload", "reload", "Read everything again from the database"),
    ("Show all keys", "app.show_help_panel", "Every key of the focused pane and the app"),
)


class NetdayCommands(Provider):
    @property
    def netday(self) -> NetdayApp:
        return self.app  # type: ignore[return-value]

    async def discover(self) -> Hits:
        for title, action, text in ACTIONS:
            yield DiscoveryHit(title, partial(self.screen.run_action, action), help=text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, action, text in ACTIONS:
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(title),
                    partial(self.screen.run_action, action),
                    help=text,
                )
        if len(query.strip()) < 2:
            return
        try:
            found = await asyncio.to_thread(
                list_contacts, self.netday.ctx, search=query, limit=PALETTE_LIMIT
            )
        except Exception as exc:  # Textual would only log it: say so, like a failed worker
            self.netday.report_failure(exc, "palette search")
            return
        for contact in found:
            label = for_terminal(
                contact.name + (f" · {contact.company}" if contact.company else "")
            )
            yield Hit(
                max(matcher.match(label), 0.5),
                highlighted(matcher, label),
                partial(self.netday.open_contact, contact.id),
                help=as_markup(contact.role or contact.cadence or "contact"),
            )


def highlighted(matcher: Matcher, label: str) -> Content:
    """The label with the matched letters marked, as plain text: `Matcher.highlight`
    reads its candidate as markup, and a name is data."""
    content = Content(label)
    score, offsets = matcher.fuzzy_search.match(matcher.query, label)
    if not score:
        return content
    for offset in offsets:
        if not label[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
