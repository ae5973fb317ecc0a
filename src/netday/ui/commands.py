"""The command palette (ctrl+p, or / on the main screen): any action, and any person by
what was written about them (`netday.services.search`: name, company, role, notes,
promises, the log, posts), each hit saying where it matched."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from netday.cleaning import for_terminal
from netday.services.search import SearchHit, search, where_found
from netday.ui.actions import Scope, palette_actions
from netday.ui.text import as_markup
from netday.vocabulary import MatchPlace

if TYPE_CHECKING:
    from netday.ui.app import NetdayApp

PALETTE_LIMIT = 20
SEARCH_FROM = 2
"""Characters typed before the palette searches people (one letter finds half the network)."""
SEARCH_DELAY = 0.1
"""Seconds the palette waits, after a key, before it searches people (a debounce)."""
HIT_SCORE = 0.9


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
        if len(query.strip()) < SEARCH_FROM:
            return
        # Each key typed cancels the search of the one before (Textual cancels this
        # coroutine): waiting first means a burst of keys runs one search, not one each.
        await asyncio.sleep(SEARCH_DELAY)
        try:
            found = await asyncio.to_thread(search, self.netday.ctx, query, PALETTE_LIMIT)
        except Exception as exc:  # Textual would only log it: say so, like a failed worker
            self.netday.report_failure(exc, "palette search")
            return
        for rank, hit in enumerate(found):
            label = hit_label(hit)
            yield Hit(
                # Above a fuzzy match of an action's title by a little; in the search's order.
                HIT_SCORE - rank / 10_000,
                highlighted(matcher, label) if hit.place is MatchPlace.NAME else Content(label),
                partial(self.netday.open_contact, hit.contact_id),
                help=as_markup(hit_help(hit)),
            )


def hit_label(hit: SearchHit) -> str:
    """`Ana Souza · Acme (archived)`: who, safe for the terminal."""
    company = f" · {hit.company}" if hit.company else ""
    return for_terminal(f"{hit.name}{company}{' (archived)' if hit.archived else ''}")


def hit_help(hit: SearchHit) -> str:
    """`interaction of 2026-11-20: coffee, talked about hiring`: where, and the words."""
    if hit.place is MatchPlace.NAME:
        return str(hit.place)
    return f"{where_found(hit)}: {hit.snippet}"


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
