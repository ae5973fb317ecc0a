"""Search that finds people by what was written about them: names, companies, roles,
notes, promises, interaction summaries, posts (`netday search`, the palette).

One service over two indexes (migration 0009): FTS5 tables kept by triggers on SQLite,
GIN expression indexes on PostgreSQL. Both fold case and accents, and both read a
search the same way: its words (runs of letters and digits, so no character typed is
ever query syntax), each matching the start of a word, all of them in one field.

Hits are people, one hit each, ranked by where they matched (`MatchPlace`, in its
declared order: a name before a company, before a note, before a promise, an
interaction, a post); within a name, company, role or note, people by name (the one
named exactly what was typed first: "Ana Souza" before "Ana B. Souza"); within
promises, interactions and posts, the newest match first (among the `RECENT_MATCHES`
written last: a common word matches 100,000 interactions). Sources are asked in that
order and only until `limit` people are found, so a search never loads every match.
Archived people are found too, and marked: a search is how one finds the person one
archived and now wants back, and what was written about them is kept for that.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import Date, DateTime, Integer, String, TextualSelect, column, select, text
from sqlalchemy.types import TypeEngine

from netday import limits
from netday.cleaning import clean_line, strip_controls
from netday.errors import NetdayError
from netday.normalise import fold
from netday.services.context import Context
from netday.services.lookup import name_key
from netday.store.models import Company, Contact
from netday.store.search_index import FOLD_FUNCTION, fts_table
from netday.vocabulary import MatchPlace

DEFAULT_LIMIT = 20
"""People a search lists unless told otherwise: a screenful."""

RECENT_MATCHES = 2000
"""Promises, interactions or posts matched, most recently written first, that are put
in date order. A common word matches 100,000 interactions; dating them all would cost
more than the 50 ms a search has, while 2,000 cost about 3 ms."""

_WORD = re.compile(r"[^\W_]+")
"""A word, nearly: where the snippet looks for a match (fast over 20,000 characters)."""
_ELLIPSIS = "…"


@dataclass(frozen=True)
class SearchHit:
    """One person a search found, where, and the words around the match (one line, no
    control characters; still data: a screen shows it as text, never as markup)."""

    contact_id: int
    name: str
    company: str
    archived: bool
    place: MatchPlace
    on: dt.date | None
    """The day of the interaction, the post (found) or the promise (due); else None."""
    snippet: str


@dataclass(frozen=True)
class _Source:
    """One place to look: a table `t` and its searched columns; then either how a
    contact `c` joins a row (`join`: people ordered by name), or the column of the row
    that names its person (`owner`) and the one that dates it (`dated`: newest first)."""

    place: MatchPlace
    table: str
    columns: tuple[str, ...]
    join: str = ""
    owner: str = ""
    dated: str = ""
    date_type: type[TypeEngine[dt.date]] | type[TypeEngine[dt.datetime]] = DateTime


SOURCES: tuple[_Source, ...] = (
    _Source(MatchPlace.NAME, "contact", ("full_name",), join="c.id = t.id"),
    _Source(MatchPlace.COMPANY, "company", ("name",), join="c.company_id = t.id"),
    _Source(MatchPlace.ROLE, "contact", ("role",), join="c.id = t.id"),
    _Source(MatchPlace.NOTE, "contact", ("why", "notes"), join="c.id = t.id"),
    _Source(
        MatchPlace.PROMISE, "promise", ("what",), owner="contact_id", dated="due_on", date_type=Date
    ),
    _Source(
        MatchPlace.INTERACTION, "interaction", ("summary",), owner="contact_id", dated="occurred_at"
    ),
    _Source(
        MatchPlace.POST, "post", ("excerpt", "draft_comment"), owner="author_id", dated="found_at"
    ),
)
"""Every place a search looks, in `MatchPlace` order (the ranking), over the text
`store.search_index.INDEXED` names (a test checks that they cover it exactly)."""


def where_found(hit: SearchHit) -> str:
    """Where a hit matched, as the command line and the palette both say it: "name",
    "note", "interaction of 2026-11-20", "promise due 2026-12-01", "post of …"."""
    if hit.on is None:
        return str(hit.place)
    joiner = "due" if hit.place is MatchPlace.PROMISE else "of"
    return f"{hit.place} {joiner} {hit.on.isoformat()}"


def search_words(text: str) -> list[str]:
    """The words of a search: runs of letters and digits, lower-cased, the first
    `limits.SEARCH_WORDS`. Quotes, stars, colons, dashes, parentheses and words like AND
    or NEAR are only text here: nothing typed is query syntax on either database."""
    words: list[str] = []
    word = ""
    for ch in unicodedata.normalize("NFC", text).lower() + " ":
        # A mark inside a word stays in it (Devanagari's vowel signs, say), as in the
        # index's tokenizer; anything else that is no letter or digit ends the word.
        if ch.isalnum() or (word and unicodedata.category(ch).startswith("M")):
            word += ch
        elif word:
            words.append(word)
            word = ""
    return words[: limits.SEARCH_WORDS]


def search(ctx: Context, text: str, limit: int = DEFAULT_LIMIT) -> list[SearchHit]:
    """The people whose name, company, role, notes, promises, interactions or posts hold
    every word of `text` (each at the start of a word, accents and case aside), best
    place first; at most `limit` of them. An empty search finds nobody."""
    if not 1 <= limit <= limits.SEARCH_HITS:
        raise NetdayError(f"a search lists 1 to {limits.SEARCH_HITS:,} people")
    text = clean_line(text, what="a search", limit=limits.SEARCH)
    words = search_words(text)
    if not words:
        return []
    sqlite = ctx.db.is_sqlite
    found: dict[int, tuple[_Source, dt.date | None, tuple[str, ...]]] = {}
    with ctx.db.reading() as session:
        for source in SOURCES:
            if len(found) >= limit:
                break
            query = _query(source, _sqlite_matches if sqlite else _postgresql_matches)
            match = _fts5_match(source, words) if sqlite else _tsquery(words)
            bounds = {"q": match, "k": limit + len(found), "whole": name_key(text)}
            rows = session.execute(query, bounds)
            for contact_id, on, *texts in rows:
                if contact_id not in found:
                    day = on.date() if isinstance(on, dt.datetime) else on
                    found[contact_id] = (source, day, tuple(t or "" for t in texts))
                    if len(found) >= limit:
                        break
            rows.close()
        people = {
            row.id: row
            for row in session.execute(
                select(Contact.id, Contact.full_name, Company.name, Contact.archived)
                .outerjoin(Company, Company.id == Contact.company_id)
                .where(Contact.id.in_(found))
            )
        }
    return [
        SearchHit(
            contact_id=contact_id,
            name=people[contact_id].full_name,
            company=people[contact_id].name or "",
            archived=bool(people[contact_id].archived),
            place=source.place,
            on=day,
            snippet=snippet(texts, words),
        )
        for contact_id, (source, day, texts) in found.items()
    ]


def snippet(texts: Sequence[str], words: Sequence[str], width: int = limits.SNIPPET) -> str:
    """The words around the first match in the first of `texts` that holds one, on one
    line, at most `width` characters (with "…" where it was cut); the start of the
    first non-empty text when no word can be placed."""
    keys = [fold(word) for word in words]
    lines = [" ".join(strip_controls(t).split()) for t in texts]
    for line in lines:
        for token in _WORD.finditer(line):
            if any(fold(token.group()).startswith(key) for key in keys):
                return _window(line, token.start(), width)
    return _window(next((line for line in lines if line), ""), 0, width)


def _window(line: str, at: int, width: int) -> str:
    if len(line) <= width:
        return line
    start = max(0, min(at - width // 4, len(line) - width))
    if start > 0:
        space = line.find(" ", start, at)
        start = space + 1 if space != -1 else start
    end = start + width - (1 if start > 0 else 0) - 1
    shown = line[start:end]
    if end < len(line):
        cut = shown.rfind(" ")
        shown = (shown[:cut] if cut > width // 2 else shown).rstrip() + _ELLIPSIS
    return (_ELLIPSIS if start > 0 else "") + shown


# --- SQLite: an FTS5 table over each table, external content, rowid = the row's id ---


def _fts5_match(source: _Source, words: Sequence[str]) -> str:
    """Each word a quoted prefix phrase ("ana"*), all of them in the source's columns.
    A word holds only letters and digits, so quoting makes even AND or NEAR plain text."""
    phrases = " ".join(f'"{word}"*' for word in words)
    return f"{{{' '.join(source.columns)}}} : ({phrases})"


def _sqlite_matches(source: _Source, selected: str) -> tuple[str, str]:
    """`SELECT selected FROM` the rows `t` that match :q, and the row id to order by."""
    fts = fts_table(source.table)
    return (
        f"SELECT {selected} FROM {fts} JOIN {source.table} t ON t.id = {fts}.rowid"
        f" WHERE {fts} MATCH :q",
        f"{fts}.rowid",
    )


# --- PostgreSQL: GIN indexes on to_tsvector('simple', netday_search_fold(column)) ------

_VECTOR = f"to_tsvector('simple'::regconfig, {FOLD_FUNCTION}({{}}))"
"""The indexed expression, exactly as migration 0009 wrote it: the planner uses an
expression index only for the same expression."""
_QUERY = f"to_tsquery('simple'::regconfig, {FOLD_FUNCTION}(:q))"


def _tsquery(words: Sequence[str]) -> str:
    """Each word a quoted prefix lexeme ('ana':*), all of them: letters and digits only,
    so no word can close its quotes or read as an operator."""
    return " & ".join(f"'{word}':*" for word in words)


def _postgresql_matches(source: _Source, selected: str) -> tuple[str, str]:
    """`SELECT selected FROM` the rows `t` that match :q, and the row id to order by."""
    found = " OR ".join(f"{_VECTOR.format('t.' + name)} @@ {_QUERY}" for name in source.columns)
    return f"SELECT {selected} FROM {source.table} t WHERE ({found})", "t.id"


# --- both -----------------------------------------------------------------------------


Matches = Callable[[_Source, str], tuple[str, str]]


def _query(source: _Source, matches: Matches) -> TextualSelect:
    """The people a source finds, from `matches` (the backend's matching rows): by name
    for a contact's own fields and companies (whoever is named exactly what was typed
    first); else the newest of the `RECENT_MATCHES` most recently written matches
    first, as many rows as `search` reads. The matching rows carry what is shown, so
    PostgreSQL never joins them back to their table (it would read all of it)."""
    texts = ", ".join(f"t.{name}" for name in source.columns)
    if not source.dated:
        ids, _ = matches(source, "t.id")
        sql = (
            f"SELECT c.id, NULL, {texts} FROM {source.table} t JOIN contact c"
            f" ON {source.join} WHERE t.id IN ({ids})"
            " ORDER BY c.name_key = :whole DESC, c.name_key, c.id LIMIT :k"
        )
    else:
        shown = ", ".join(source.columns)
        rows, row_id = matches(source, f"t.id, t.{source.owner}, t.{source.dated}, {texts}")
        sql = (
            f"SELECT {source.owner}, {source.dated}, {shown} FROM ({rows}"
            f" ORDER BY {row_id} DESC LIMIT {RECENT_MATCHES}) m"
            f" WHERE {source.owner} IS NOT NULL ORDER BY {source.dated} DESC, id DESC"
        )
    return _typed(sql, source)


def _typed(sql: str, source: _Source) -> TextualSelect:
    return text(sql).columns(
        column("id", Integer),
        column("newest", source.date_type()),
        *(column(name, String) for name in source.columns),
    )
