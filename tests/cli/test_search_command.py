"""`netday search TEXT [--limit N] [--json]`: people by what was written about them."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import create_engine, text


def test_search_lists_people_with_where_they_matched(cli) -> None:
    assert cli("contact", "add", "Ana Souza", "--company", "Acme").code == 0
    assert cli("contact", "add", "Bruno Costa", "--notes", "ana's old colleague").code == 0
    assert cli("log", "bruno", "coffee: talked about Ana's team", "--at", "2026-11-20").code == 0
    found = cli("search", "ana")
    assert found.code == 0, found.err
    assert found.out.splitlines() == [
        "#1     Ana Souza · Acme · name",
        "#2     Bruno Costa · note: ana's old colleague",
    ]
    assert cli("search", "talked", "ana").out.splitlines() == [
        "#2     Bruno Costa · interaction of 2026-11-20: coffee: talked about Ana's team"
    ]
    listed = json.loads(cli("search", "ana", "--limit", "1", "--json").out)
    assert listed == [
        {
            "contact_id": 1,
            "name": "Ana Souza",
            "company": "Acme",
            "archived": False,
            "place": "name",
            "on": None,
            "snippet": "Ana Souza",
        }
    ]
    assert cli("search", "nobody").out.strip() == "nobody found"
    assert json.loads(cli("search", "nobody", "--json").out) == []


def test_archived_people_are_listed_as_such(cli) -> None:
    assert cli("contact", "add", "Ana Souza", "--notes", "sailing").code == 0
    assert cli("contact", "archive", "ana").code == 0
    assert cli("search", "sail").out.strip() == "#1     Ana Souza (archived) · note: sailing"


def test_query_syntax_is_only_text_and_escapes_never_reach_the_terminal(cli, db_url) -> None:
    assert cli("contact", "add", "Ana Souza").code == 0
    # Data older than the cleaning at input (or written by another program) may hold
    # escape sequences: the search shows them made visible.
    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE contact SET notes = 'near red \x1b]0;pwned\x07 AND ink'"))
    engine.dispose()
    for typed in ('NEAR("red"', "red*", "red AND ink", "red-ink", "red:ink", "'red':*"):
        result = cli("search", "--", typed)
        assert result.code == 0, (typed, result.err)
        assert "\x1b" not in result.out and "\x07" not in result.out
        assert "Ana Souza" in result.out, typed
    with pytest.raises(SystemExit) as exit_info:
        cli("search", "x", "--limit", "1001")
    assert exit_info.value.code == 2
