"""The full-text index of what was written about people (migration 0009), as the rest
of netday names it: which text of which table is indexed, and what the index's objects
are called on each database. `services.search` queries them; the schema tests leave
them out of the comparison with the models (SQLAlchemy models cannot describe an FTS5
table or an expression index) and check instead that every one of them is there.
"""

from __future__ import annotations

from typing import Final

INDEXED: Final[dict[str, tuple[str, ...]]] = {
    "contact": ("full_name", "role", "why", "notes"),
    "company": ("name",),
    "interaction": ("summary",),
    "post": ("excerpt", "draft_comment"),
    "promise": ("what",),
}
"""The text searched, by table (migration 0009 keeps its own copy; a test compares them)."""

PREFIX: Final = "search_"
"""Every table, trigger and index of the search index is named `search_…`."""

TRIGGER_EVENTS: Final = ("insert", "delete", "update")
"""On SQLite, each indexed table has a trigger per event keeping its FTS5 table current."""

FOLD_FUNCTION: Final = "netday_search_fold"
"""On PostgreSQL, the SQL function that lower-cases and strips accents before indexing."""


def is_search_object(name: str | None) -> bool:
    """A table, index or trigger of the search index (not described by the models)."""
    return bool(name) and str(name).startswith(PREFIX)


def fts_table(table: str) -> str:
    """SQLite: the FTS5 table (external content, rowid = the row's id) over `table`."""
    return f"{PREFIX}{table}"


def sqlite_triggers() -> set[str]:
    """SQLite: every trigger that keeps the FTS5 tables current."""
    return {f"{fts_table(table)}_{event}" for table in INDEXED for event in TRIGGER_EVENTS}


def postgresql_indexes() -> set[str]:
    """PostgreSQL: every GIN expression index, one per indexed column."""
    return {f"{PREFIX}{table}_{column}" for table, columns in INDEXED.items() for column in columns}
