"""The command palette (ctrl+p): any contact by a fragment of name or company, any action."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from netday.cleaning import for_terminal
from netday.services.contacts import list_contacts
from netday.ui.actions import Scope, palette_actions
from netday.ui.text import as_markup

if TYPE_CHECKING:
    from netday.ui.app import NetdayApp

PALETTE_LIMIT = 20


class NetdayCommands(Provider):
    @property
    def netday(self) -> NetdayApp:
        return cast("NetdayApp", self.app)

    def actions(self) -> list[tuple[str, Callable[[], object], str]]:
        """(title, run it, what it does) for the app's actions and those of the screen
        the palette was opened on (`ACTION_SCOPES`), from `netday.ui.actions`."""
        scopes: tuple[Scope, ...] = getattr(self.screen, "ACTION_SCOPES", ())
        found: list[tuple[str, Callable[[], object], str]] = []
        for action in palette_actions(Scope.APP, *scopes):
            owner = self.app if action.scope is Scope.APP else self.screen
            run = partial(owner.run_action, action.action)
            found.append((action.palette or action.label, run, action.description))
        return found

    async def discover(self) -> Hits:
        for title, run, text in self.actions():
            yield DiscoveryHit(title, run, help=text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, run, text in self.actions():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), run, help=text)
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
