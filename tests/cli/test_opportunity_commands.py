"""`netday opportunity`: add, list (JSON, --all), show with the people it fits, share with
a personal line, close, reopen, edit, delete, each stored as asked and taken back by
`netday undo`; data from the database reaches the terminal escaped."""

from __future__ import annotations

import json

import pytest

from tests.conftest import rows
from tests.hostile_data import CLICK, controls_in, poison, poison_opportunity


def stored(db_url: str) -> list[tuple]:
    return [
        (title, kind, url, None if on is None else str(on), closed is not None)
        for title, kind, url, on, closed in rows(
            db_url, "SELECT title, kind, url, on_date, closed_at FROM opportunity ORDER BY id"
        )
    ]


def test_opportunities_from_the_command_line(cli, db_url) -> None:
    assert cli("contact", "add", "Ana Souza", "--tag", "python", "--role", "Engineer").code == 0
    assert cli("contact", "add", "Bruno Martin", "--company", "Acme").code == 0
    added = cli(
        "opportunity", "add", "Python engineer at Acme", "--kind", "job",
        "--url", "https://acme.example.com/jobs/1", "--tag", "python", "--on", "friday",
    )  # fmt: skip
    assert added.code == 0, added.err
    assert added.out.strip() == "added: #1 job · Python engineer at Acme · 27 Nov · #python"
    assert cli("opportunity", "add", "An article", "--kind", "article").code == 0
    assert stored(db_url) == [
        ("Python engineer at Acme", "job", "https://acme.example.com/jobs/1", "2026-11-27", False),
        ("An article", "article", "", None, False),
    ]
    listed = json.loads(cli("opportunity", "list", "--json").out)
    assert [(o["id"], o["kind"], o["on_date"], o["tags"]) for o in listed] == [
        (1, "job", "2026-11-27", ["python"]),
        (2, "article", None, []),
    ]

    shown = cli("opportunity", "show", "1").out
    assert "#1 Ana Souza: shares #python; same role family (engineering)" in shown
    assert "#2 Bruno Martin (Acme): works at Acme" in shown
    proposals = json.loads(cli("opportunity", "show", "1", "--json").out)["proposals"]
    assert [p["name"] for p in proposals] == ["Ana Souza", "Bruno Martin"]

    refused = cli("opportunity", "share", "1", "ana", "Have a look")
    assert (refused.code, refused.err.strip()) == (
        1,
        "netday: error: the line does not name Ana: make it personal",
    )
    shared = cli("opportunity", "share", "1", "ana", "Ana, this is the role we talked about")
    assert shared.code == 0, shared.err
    assert rows(db_url, "SELECT kind, direction FROM interaction") == [("share", "gave")]
    assert "SHARED WITH (1)" in cli("opportunity", "show", "1").out
    assert "Ana Souza" not in cli("opportunity", "show", "1").out.split("SHARED WITH")[0]
    assert cli("undo").out.strip() == "undone: Shared 'Python engineer at Acme' with Ana Souza"
    assert rows(db_url, "SELECT count(*) FROM interaction") == [(0,)]

    assert (
        cli("opportunity", "close", "2").out.strip() == "closed: #2 article · An article (closed)"
    )
    assert cli("opportunity", "list").out.strip().startswith("#1 job")
    assert "(closed)" in cli("opportunity", "list", "--all").out
    assert cli("opportunity", "reopen", "2").code == 0
    assert cli("opportunity", "edit", "1", "--title", "Engineer", "--no-date").code == 0
    assert stored(db_url)[0][:4] == ("Engineer", "job", "https://acme.example.com/jobs/1", None)
    assert cli("undo").out.strip() == "undone: Edited the opportunity 'Engineer'"
    assert stored(db_url)[0][0] == "Python engineer at Acme"
    assert cli("opportunity", "delete", "2").out.strip() == "deleted: #2 article · An article"
    assert cli("undo").code == 0
    assert len(stored(db_url)) == 2


def test_refusals_are_one_line(cli) -> None:
    for args, message in [
        (("opportunity", "add", " ", "--kind", "job"), "give the opportunity a title"),
        (("opportunity", "add", "X", "--kind", "job", "--url", "nope"), "not a web address"),
        (("opportunity", "add", "X", "--kind", "job", "--on", "someday"), "someday"),
        (("opportunity", "show", "7"), "no opportunity has id 7"),
    ]:
        result = cli(*args)
        assert result.code == 1 and message in result.err, (args, result.err)
        assert len(result.err.strip().splitlines()) == 1
    with pytest.raises(SystemExit) as usage:
        cli("opportunity", "add", "X", "--kind", "gig")
    assert usage.value.code == 2


def test_printed_opportunities_carry_no_control_character(cli, ctx) -> None:
    ids = poison(ctx)
    poison_opportunity(ctx, ids["bob"])
    for args in (
        ("opportunity", "list"),
        ("opportunity", "list", "--json"),
        ("opportunity", "show", "1"),
        ("opportunity", "show", "1", "--json"),
    ):
        result = cli(*args)
        assert result.code == 0, result.err
        assert controls_in(result.out) == [], args
        assert CLICK in result.out
    assert "^[]0;pwned-title^G" in cli("opportunity", "show", "1").out
