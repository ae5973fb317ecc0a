"""`netday undo`: the last change made from the command line, taken back."""

from __future__ import annotations

import json

from netday.services import contacts
from tests.conftest import rows


def test_undo_takes_back_the_last_command_then_the_one_before(cli, db_url) -> None:
    assert cli("contact", "add", "Ana Souza", "--every", "3 weeks").code == 0
    assert cli("contact", "add", "Bruno Martin", "--every", "2 weeks").code == 0
    assert cli("log", "ana", "coffee", "--kind", "meeting", "--at", "2026-11-20 10:00").code == 0
    assert cli("contact", "archive", "bruno").code == 0
    archived = "SELECT full_name, archived FROM contact ORDER BY id"
    assert [bool(a) for _, a in rows(db_url, archived)] == [False, True]

    result = cli("undo")
    assert (result.code, result.out) == (0, "undone: Archived Bruno Martin\n")
    assert [bool(a) for _, a in rows(db_url, archived)] == [False, False]

    result = cli("undo", "--json")
    assert result.code == 0
    assert json.loads(result.out) == {"undone": "Logged a meeting with Ana Souza"}
    assert rows(db_url, "SELECT count(*) FROM interaction") == [(0,)]


def test_nothing_to_undo_exits_1_with_the_reason(cli, db_url) -> None:
    assert cli("invite", "template", "add", "hi", "Hi, glad to connect").code == 0
    result = cli("undo")
    assert result.code == 1
    assert result.err == "netday: error: nothing to undo: no command has changed anything yet\n"
    assert rows(db_url, "SELECT count(*) FROM message_template") == [(1,)]


def test_a_change_made_since_is_not_clobbered(cli, ctx, db_url) -> None:
    assert cli("contact", "add", "Ana Souza", "--every", "3 weeks").code == 0
    assert cli("contact", "archive", "ana").code == 0
    assert cli("contact", "edit", "ana", "--notes", "moved to Lisbon").code == 0
    assert cli("undo").out == "undone: Edited Ana Souza\n"
    # The open planner edits her meanwhile: `u` there may take that back, not this.
    contacts.edit_contact(ctx.in_new_session(), "ana", contacts.ContactFields(notes="in Lisbon"))
    result = cli("undo")
    assert result.code == 1
    assert result.err == (
        "netday: error: Ana Souza was changed since you archived Ana Souza; nothing undone\n"
    )
    assert rows(db_url, "SELECT archived, notes FROM contact") in (
        [(1, "in Lisbon")],
        [(True, "in Lisbon")],
    )
