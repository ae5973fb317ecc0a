"""`netday promise`: add either way, list (due, all, per person, JSON), done, reopen, edit,
delete, each stored as asked and taken back by `netday undo`."""

from __future__ import annotations

import json

from tests.conftest import rows


def ledger(db_url: str) -> list[tuple]:
    return [
        (owed_by, what, str(due), done is not None)
        for owed_by, what, due, done in rows(
            db_url, "SELECT owed_by, what, due_on, done_at FROM promise ORDER BY id"
        )
    ]


def test_promises_both_ways_from_the_command_line(cli, db_url) -> None:
    assert cli("contact", "add", "Ana Souza", "--every", "3 weeks").code == 0
    assert cli("contact", "add", "Bruno Martin").code == 0
    added = cli("promise", "add", "ana", "the deck", "--due", "friday")
    assert added.code == 0, added.err
    assert added.out.strip() == "noted: #1 Ana Souza · you owe the deck by 27 Nov"
    assert cli("promise", "add", "bruno", "an intro", "--theirs").code == 0
    assert ledger(db_url) == [
        ("me", "the deck", "2026-11-27", False),
        ("them", "an intro", "2026-11-22", False),
    ]
    listed = json.loads(cli("promise", "list", "--json").out)
    assert [(p["id"], p["owed_by"], p["what"], p["due"]) for p in listed] == [
        (2, "them", "an intro", "2026-11-22"),
        (1, "me", "the deck", "2026-11-27"),
    ]
    assert [p["id"] for p in json.loads(cli("promise", "list", "--due", "--json").out)] == [2]
    assert "they owe an intro by today" in cli("promise", "list", "--contact", "bruno").out
    assert "Bruno promised an intro by today: ask" in cli("today").out
    assert "you promised" not in cli("today").out

    assert cli("promise", "done", "2").out.strip().startswith("kept: #2 Bruno Martin")
    assert ledger(db_url)[1][3] is True
    assert cli("promise", "list").out.strip() == "#1 Ana Souza · you owe the deck by 27 Nov"
    assert "an intro by today (done)" in cli("promise", "list", "--all").out
    assert "PROMISES THAT CAME DUE (1)" in cli("review").out
    assert "promises:" in cli("contact", "show", "bruno").out

    assert cli("promise", "edit", "1", "--what", "the slides", "--due", "monday").code == 0
    assert ledger(db_url)[0] == ("me", "the slides", "2026-11-23", False)
    assert cli("undo").out.strip() == "undone: Edited: you promised Ana Souza the slides"
    assert ledger(db_url)[0] == ("me", "the deck", "2026-11-27", False)
    assert cli("promise", "delete", "1").code == 0
    assert cli("promise", "reopen", "2").code == 0
    assert ledger(db_url) == [("them", "an intro", "2026-11-22", False)]
    assert cli("undo").code == 0 and cli("undo").code == 0
    assert len(ledger(db_url)) == 2


def test_a_promise_that_does_not_read_is_one_line_and_writes_nothing(cli, db_url) -> None:
    assert cli("contact", "add", "Ana Souza").code == 0
    for args, said in (
        (("promise", "add", "ana", "  "), "say what was promised"),
        (("promise", "add", "ana", "x", "--due", "yesterday"), "cannot be due before it"),
        (("promise", "add", "ana", "x", "--due", "\x1b]0;pwned\x07"), "is not a date"),
        (("promise", "done", "7"), "no promise has id 7"),
    ):
        result = cli(*args)
        assert result.code != 0
        assert said in result.err and len(result.err.strip().splitlines()) == 1
        assert "\x1b" not in result.err
    assert ledger(db_url) == []
