"""Search finds people by what was written about them, on SQLite (FTS5) and PostgreSQL
(GIN), with the index kept current by every writer and no typed text ever query syntax."""

from __future__ import annotations

import datetime as dt
import importlib.util

import pytest
from sqlalchemy import text

from netday import limits
from netday.errors import NetdayError
from netday.services.contacts import (
    ContactFields,
    add_contact,
    delete_contact,
    edit_contact,
    set_archived,
)
from netday.services.context import Context
from netday.services.journal import (
    InteractionChanges,
    delete_interaction,
    edit_interaction,
    log_interaction,
)
from netday.services.merge import merge_contacts
from netday.services.posts import add_post, mark_commented
from netday.services.promises import add_promise
from netday.services.search import (
    SOURCES,
    SearchHit,
    _postgresql_matches,
    _query,
    _tsquery,
    search,
    snippet,
)
from netday.services.undo import undo_last
from netday.store.schema import migrations_dir
from netday.store.search_index import FOLD_FUNCTION, INDEXED
from netday.vocabulary import MatchPlace
from tests.conftest import ON_SERVER


def places(hits: list[SearchHit]) -> list[tuple[str, MatchPlace]]:
    return [(hit.name, hit.place) for hit in hits]


def named(ctx: Context, name: str, **fields: str) -> int:
    return add_contact(ctx, ContactFields(full_name=name, **fields)).id  # type: ignore[arg-type]


def test_a_name_is_found_by_the_start_of_its_words_accents_and_case_aside(ctx: Context) -> None:
    named(ctx, "Ana Souza")
    named(ctx, "Amélie Dubois")
    named(ctx, "Jana Tanaka")
    assert places(search(ctx, "ana sou")) == [("Ana Souza", MatchPlace.NAME)]
    assert places(search(ctx, "SOUZA ana")) == [("Ana Souza", MatchPlace.NAME)]
    assert [h.name for h in search(ctx, "amelie")] == ["Amélie Dubois"]
    assert [h.name for h in search(ctx, "AMÉL dub")] == ["Amélie Dubois"]
    # The start of a word, never its middle: "ana" is not in Jana nor in Tanaka.
    assert [h.name for h in search(ctx, "ana")] == ["Ana Souza"]
    assert search(ctx, "ana xyz") == []


def test_each_place_something_was_written_finds_its_person(ctx: Context) -> None:
    named(ctx, "Ana Souza", company="Zebracorp")
    named(ctx, "Bruno Costa", role="Quartermaster")
    named(ctx, "Carla Dias", why="met at the kayak club")
    named(ctx, "Dan Evans", notes="allergic to walnuts")
    named(ctx, "Eve Faro")
    named(ctx, "Finn Gale")
    named(ctx, "Gus Hale")
    named(ctx, "Hana Ito")
    add_promise(ctx, "eve", "the marimba recording", dt.date(2026, 12, 1))
    log_interaction(
        ctx,
        "finn",
        kind="meeting",
        summary="Lunch: talked about origami",
        at=dt.datetime(2026, 11, 20, 13, 0),
    )
    post = add_post(ctx, "gus", "https://example.org/p", excerpt="Thoughts on xylography")
    mark_commented(ctx, post.id, "Loved the woodcut part")
    add_post(ctx, "hana", "https://example.org/q", draft="Ask about her trombone")

    def where(text: str) -> list[tuple[str, MatchPlace, dt.date | None, str]]:
        return [(h.name, h.place, h.on, h.snippet) for h in search(ctx, text)]

    assert where("zebra") == [("Ana Souza", MatchPlace.COMPANY, None, "Zebracorp")]
    assert where("quarter") == [("Bruno Costa", MatchPlace.ROLE, None, "Quartermaster")]
    assert where("kayak") == [("Carla Dias", MatchPlace.NOTE, None, "met at the kayak club")]
    assert where("walnut") == [("Dan Evans", MatchPlace.NOTE, None, "allergic to walnuts")]
    assert where("marimba") == [
        ("Eve Faro", MatchPlace.PROMISE, dt.date(2026, 12, 1), "the marimba recording")
    ]
    assert where("origami") == [
        ("Finn Gale", MatchPlace.INTERACTION, dt.date(2026, 11, 20), "Lunch: talked about origami")
    ]
    assert where("xylo") == [
        ("Gus Hale", MatchPlace.POST, dt.date(2026, 11, 22), "Thoughts on xylography")
    ]
    # A comment written is logged as an interaction too, which ranks before the post.
    assert where("woodcut") == [
        (
            "Gus Hale",
            MatchPlace.INTERACTION,
            dt.date(2026, 11, 22),
            "Loved the woodcut part (https://example.org/p)",
        )
    ]
    assert where("tromb") == [
        ("Hana Ito", MatchPlace.POST, dt.date(2026, 11, 22), "Ask about her trombone")
    ]


def test_people_come_once_ranked_by_where_they_matched(ctx: Context) -> None:
    """A name before a company, a role, a note, a promise, an interaction, a post; one
    hit a person, at the best place; all words in one field."""
    named(ctx, "Pat Lima", notes="falcon")
    named(ctx, "Falcon Reyes")
    named(ctx, "Quinn Moss", company="Falcon Works")
    named(ctx, "Rui Nunes")
    named(ctx, "Sam Ortiz", role="falconer")
    log_interaction(ctx, "rui", summary="saw a falcon")
    log_interaction(ctx, "pat", summary="falcon again")
    assert places(search(ctx, "falcon")) == [
        ("Falcon Reyes", MatchPlace.NAME),
        ("Quinn Moss", MatchPlace.COMPANY),
        ("Sam Ortiz", MatchPlace.ROLE),
        ("Pat Lima", MatchPlace.NOTE),
        ("Rui Nunes", MatchPlace.INTERACTION),
    ]
    # Every word in the same field: "falcon works" is the company; "saw falcon" the log.
    assert places(search(ctx, "falcon works")) == [("Quinn Moss", MatchPlace.COMPANY)]
    assert places(search(ctx, "saw falcon")) == [("Rui Nunes", MatchPlace.INTERACTION)]
    assert search(ctx, "reyes works") == []


def test_interactions_newest_written_first_and_the_limit_bounds_the_people(
    ctx: Context,
) -> None:
    for name in ("Ana Souza", "Bruno Costa", "Carla Dias"):
        named(ctx, name)
    log_interaction(ctx, "ana", summary="pottery class")
    log_interaction(ctx, "bruno", summary="pottery fair")
    log_interaction(ctx, "carla", summary="pottery kiln")
    log_interaction(ctx, "ana", summary="pottery again")
    assert [h.name for h in search(ctx, "pottery")] == ["Ana Souza", "Carla Dias", "Bruno Costa"]
    assert [h.snippet for h in search(ctx, "pottery", limit=1)] == ["pottery again"]
    assert len(search(ctx, "pottery", limit=2)) == 2
    for wrong in (0, -1, limits.SEARCH_HITS + 1):
        with pytest.raises(NetdayError, match="a search lists"):
            search(ctx, "pottery", limit=wrong)


def test_archived_people_are_found_and_marked(ctx: Context) -> None:
    named(ctx, "Ana Souza", notes="sailing")
    named(ctx, "Bruno Costa", notes="sailing")
    set_archived(ctx, "bruno")
    assert [(h.name, h.archived) for h in search(ctx, "sailing")] == [
        ("Ana Souza", False),
        ("Bruno Costa", True),
    ]


def test_every_writer_keeps_the_index_current(ctx: Context) -> None:
    """Edits, deletions (a contact's cascade too), merges and undo all reach the index:
    the triggers (SQLite) or the expression indexes (PostgreSQL) follow every write."""
    ana = named(ctx, "Ana Souza", notes="likes chess")
    named(ctx, "Bruno Costa")
    assert [h.name for h in search(ctx, "chess")] == ["Ana Souza"]
    edit_contact(ctx, str(ana), ContactFields(notes="likes go"))
    assert search(ctx, "chess") == []
    assert [h.name for h in search(ctx, "go")] == ["Ana Souza"]
    edit_contact(ctx, str(ana), ContactFields(full_name="Ana Pereira"))
    assert search(ctx, "souza") == [] and [h.name for h in search(ctx, "pereira")] == [
        "Ana Pereira"
    ]

    logged = log_interaction(ctx, "bruno", summary="talked about banjos")
    assert [h.name for h in search(ctx, "banjo")] == ["Bruno Costa"]
    edit_interaction(ctx, logged.id, InteractionChanges(summary="talked about ukuleles"))
    assert search(ctx, "banjo") == []
    assert [h.name for h in search(ctx, "ukulele")] == ["Bruno Costa"]
    delete_interaction(ctx, logged.id)
    assert search(ctx, "ukulele") == []
    assert undo_last(ctx)  # the deletion comes back, and so does the match
    assert [h.name for h in search(ctx, "ukulele")] == ["Bruno Costa"]

    other = named(ctx, "Bruno C. Costa", notes="mandolin")
    merge_contacts(ctx, "bruno costa", str(other))
    assert [h.name for h in search(ctx, "ukulele")] == ["Bruno Costa"]
    assert [(h.name, h.place) for h in search(ctx, "mandolin")] == [
        ("Bruno Costa", MatchPlace.NOTE)
    ]

    log_interaction(ctx, "ana", summary="played oboe duets")
    delete_contact(ctx, "ana")
    assert search(ctx, "oboe") == [] and search(ctx, "pereira") == []
    if ctx.db.is_sqlite:  # and FTS5 finds its index word for word what the rows say
        with ctx.db.engine.connect() as conn:
            for table in INDEXED:
                fts = f"search_{table}"
                conn.exec_driver_sql(
                    f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)"
                )


HOSTILE = [
    '"',
    '""',
    "*",
    "ana*",
    "AND",
    "OR ana",
    "NOT",
    "NEAR(",
    "NEAR(ana sou, 2)",
    "-",
    "-ana",
    ":",
    "full_name:ana",
    "{full_name}: ana",
    "^ana",
    "ana + sou",
    "(",
    ")",
    "'",
    "o'brien",
    "\\",
    "ana & | ! <-> :*",
    "'ana':*",
    "%_",
    "\x1b[31mred",
    "ana\x00sou",
    "日本語",
    "x²",
    "🙂",
    "a" * limits.SEARCH,
    " ".join(["ana"] * 50),
]


@pytest.mark.parametrize("typed", HOSTILE)
def test_no_typed_text_is_query_syntax(ctx: Context, typed: str) -> None:
    named(ctx, "Ana Souza", notes='NEAR the AND gate; o\'brien said: "hi" *')
    hits = search(ctx, typed)
    assert all(hit.name == "Ana Souza" for hit in hits)


def test_a_search_longer_than_its_limit_is_refused(ctx: Context) -> None:
    with pytest.raises(NetdayError, match="a search is longer than"):
        search(ctx, "a" * (limits.SEARCH + 1))


def test_words_of_punctuation_only_find_nobody(ctx: Context) -> None:
    named(ctx, "Ana Souza")
    for typed in ("", "   ", '"*:-', "()"):
        assert search(ctx, typed) == []


def test_the_snippet_is_one_clean_line_around_the_match(ctx: Context) -> None:
    long_note = ("lorem ipsum " * 20) + "the \x1b[2J secret\tword\nzeppelin " + ("dolor " * 20)
    named(ctx, "Ana Souza", notes=long_note)
    (hit,) = search(ctx, "zeppelin")
    assert "zeppelin" in hit.snippet
    assert len(hit.snippet) <= limits.SNIPPET
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert not any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 for ch in hit.snippet)


def test_snippet_finds_the_word_the_index_matched() -> None:
    assert snippet(["", "Amélie said hi"], ["amel"]) == "Amélie said hi"
    assert snippet(["no match here"], ["zz"]) == "no match here"
    cut = snippet(["word " * 40 + "target " + "word " * 40], ["targ"], width=30)
    assert "target" in cut and len(cut) <= 30


def test_the_search_looks_at_exactly_the_indexed_text() -> None:
    """The service's sources, the store's declaration and migration 0009's own copy
    (a revision imports nothing of netday's) name the same columns."""
    looked_at: dict[str, set[str]] = {}
    for source in SOURCES:
        looked_at.setdefault(source.table, set()).update(source.columns)
    assert looked_at == {table: set(columns) for table, columns in INDEXED.items()}
    assert [source.place for source in SOURCES] == list(MatchPlace)
    path = migrations_dir() / "versions" / "0009_search_index.py"
    spec = importlib.util.spec_from_file_location("revision_0009", path)
    assert spec is not None and spec.loader is not None
    revision = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(revision)
    assert revision.INDEXED == INDEXED
    assert revision.FOLD == FOLD_FUNCTION


@pytest.mark.skipif(not ON_SERVER, reason="PostgreSQL's plan for the search")
def test_postgresql_answers_from_the_expression_indexes(ctx: Context) -> None:
    """The service's expression is the indexed one, word for word: else PostgreSQL would
    compute to_tsvector for every row of 200,000 interactions."""
    with ctx.db.reading() as session:
        session.execute(text("SET LOCAL enable_seqscan = off"))
        for source in SOURCES:
            plan = "\n".join(
                session.execute(
                    text("EXPLAIN " + str(_query(source, _postgresql_matches))),
                    {"q": _tsquery(["ana"]), "k": 20, "whole": "ana"},
                ).scalars()
            )
            for name in source.columns:
                assert f"search_{source.table}_{name}" in plan, plan


def test_whoever_is_named_exactly_what_was_typed_comes_first(ctx: Context) -> None:
    named(ctx, "Ana B. Souza")
    named(ctx, "Ana Souza")
    named(ctx, "Ana Souza-Lima")
    assert [h.name for h in search(ctx, "ana souza")] == [
        "Ana Souza",
        "Ana B. Souza",
        "Ana Souza-Lima",
    ]


def test_words_of_other_scripts_are_found_whole(ctx: Context) -> None:
    """A mark inside a word (Devanagari's vowel signs and virama) keeps the word whole,
    as the index reads it; CJK and Cyrillic are words too."""
    named(ctx, "Priya नमस्ते")
    named(ctx, "Ivan Петров")
    named(ctx, "Yuki 田中")
    assert [h.name for h in search(ctx, "नमस्ते")] == ["Priya नमस्ते"]
    assert [h.name for h in search(ctx, "пет")] == ["Ivan Петров"]
    assert [h.name for h in search(ctx, "田中")] == ["Yuki 田中"]
