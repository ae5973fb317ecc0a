"""search: a full-text index of what was written about people (names, companies, roles,
notes, interaction summaries, posts, promises), so `netday search` never reads every row

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04

SQLite: one FTS5 table per source table, external content (the text stays in its own
table; the index holds only the words), kept up to date by triggers so every writer
(the planner, the command line, an import, an undo) keeps it current. The tokenizer
folds case and accents (`unicode61 remove_diacritics 2`); prefix indexes of two and
three characters make "ana sou" fast. Everything this revision creates is named
`search_…` (tests/store/test_schema.py leaves such objects out of the comparison with
the models, which do not describe them).

A later batch migration that recreates one of these tables drops its triggers with it
(SQLite drops a table's triggers with the table): it must create them again
(tests/store/test_schema.py checks that the head schema has them all).

PostgreSQL: GIN expression indexes over `to_tsvector('simple', netday_search_fold(col))`.
'simple' keeps every word as written (no stemming, no stop words: names are not
English); `netday_search_fold` lower-cases and strips the accents of Latin letters with
`translate`, so no extension (unaccent) is needed on the server. The service queries
the same expression, so the indexes are used.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXED = {
    "contact": ("full_name", "role", "why", "notes"),
    "company": ("name",),
    "interaction": ("summary",),
    "post": ("excerpt", "draft_comment"),
    "promise": ("what",),
}
"""The text searched, by table. Written here, not imported: a revision stands alone
(netday.store.search_index declares the same; a test compares the two)."""

ACCENTED = (
    "àáâãäåçèéêëìíîïñòóôõöùúûüýÿāăąćĉċčďēĕėęěĝğġģĥĩīĭįĵķĺļľńņňōŏőŕŗřśŝşšţťũūŭůűųŵŷźżžſơưǎǐǒǔǖ"
    "ǘǚǜǟǡǧǩǫǭǰǵǹǻȁȃȅȇȉȋȍȏȑȓȕȗșțȟȧȩȫȭȯȱȳ"
)
PLAIN = (
    "aaaaaaceeeeiiiinooooouuuuyyaaaccccdeeeeegggghiiiijklllnnnooorrrssssttuuuuuuwyzzzsouaiouu"
    "uuuaagkoojgnaaaeeiioorruusthaeooooy"
)
"""Every lower-case Latin letter (U+00C0 to U+024F) that is a plain letter plus accents,
and that letter: what SQLite's `remove_diacritics 2` folds, for PostgreSQL."""

FOLD = "netday_search_fold"


def _sqlite_upgrade() -> None:
    for table, columns in INDEXED.items():
        fts = f"search_{table}"
        listed = ", ".join(columns)
        new = ", ".join(f"new.{c}" for c in columns)
        old = ", ".join(f"old.{c}" for c in columns)
        op.execute(
            f"CREATE VIRTUAL TABLE {fts} USING fts5({listed}, content='{table}',"
            " content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3')"
        )
        add = f"INSERT INTO {fts}(rowid, {listed}) VALUES (new.id, {new});"
        remove = f"INSERT INTO {fts}({fts}, rowid, {listed}) VALUES ('delete', old.id, {old});"
        op.execute(f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN {add} END")
        op.execute(f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN {remove} END")
        op.execute(
            f"CREATE TRIGGER {fts}_update AFTER UPDATE OF id, {listed} ON {table}"
            f" BEGIN {remove} {add} END"
        )
        op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def _sqlite_downgrade() -> None:
    for table in INDEXED:
        fts = f"search_{table}"
        for event in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS {fts}_{event}")
        op.execute(f"DROP TABLE IF EXISTS {fts}")


def _postgresql_upgrade() -> None:
    op.execute(
        f"CREATE FUNCTION {FOLD}(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE"
        f" AS $$ SELECT pg_catalog.translate(pg_catalog.lower($1), '{ACCENTED}', '{PLAIN}') $$"
    )
    for table, columns in INDEXED.items():
        for column in columns:
            op.execute(
                f"CREATE INDEX search_{table}_{column} ON {table} USING gin"
                f" (to_tsvector('simple'::regconfig, {FOLD}({column})))"
            )


def _postgresql_downgrade() -> None:
    for table, columns in INDEXED.items():
        for column in columns:
            op.execute(f"DROP INDEX IF EXISTS search_{table}_{column}")
    op.execute(f"DROP FUNCTION IF EXISTS {FOLD}(text)")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_upgrade()
    else:
        _postgresql_upgrade()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_downgrade()
    else:
        _postgresql_downgrade()
