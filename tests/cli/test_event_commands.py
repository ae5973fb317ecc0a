"""`netday event`: add, list (JSON), show (JSON), plan, unplan, met, edit, delete, each
stored as asked and taken back by `netday undo`; data from the database reaches the
terminal escaped."""

from __future__ import annotations

import json

from tests.conftest import rows
from tests.hostile_data import CLICK, controls_in


def test_events_from_the_command_line(cli, db_url) -> None:
    assert cli("contact", "add", "Ana Souza").code == 0
    assert cli("contact", "add", "Bruno Martin").code == 0
    added = cli(
        "event", "add", "Web Summit", "--on", "today", "--place", "Lisbon",
        "--url", "https://websummit.example.com",
    )  # fmt: skip
    assert added.code == 0, added.err
    assert added.out.strip() == "added: #1 Web Summit · 22 Nov · Lisbon"
    assert cli("event", "add", "PyData", "--on", "2026-11-01").code == 0
    assert cli("event", "add", "Later", "--on", "friday", "--json").code == 0
    listed = json.loads(cli("event", "list", "--json").out)
    assert [(e["id"], e["title"], e["on_date"]) for e in listed] == [
        (1, "Web Summit", "2026-11-22"),
        (3, "Later", "2026-11-27"),
        (2, "PyData", "2026-11-01"),
    ]
    planned = cli("event", "plan", "1", "ana", "bruno")
    assert planned.out.strip() == "planned to meet: Ana Souza, Bruno Martin"
    today = cli("today").out
    assert "at Web Summit today" in today
    met = cli("event", "met", "1", "ana", "--line", "talked about hiring")
    assert met.out.strip() == "met Ana Souza: Met at Web Summit: talked about hiring"
    assert rows(db_url, "SELECT kind, summary FROM interaction") == [
        ("event", "Met at Web Summit: talked about hiring")
    ]
    shown = cli("event", "show", "1").out
    assert "#2 Bruno Martin · to meet" in shown
    assert "#1 Ana Souza · met 22 Nov: Met at Web Summit: talked about hiring" in shown
    detail = json.loads(cli("event", "show", "1", "--json").out)
    assert [(p["contact_name"], p["met_at"] is not None) for p in detail["people"]] == [
        ("Bruno Martin", False),
        ("Ana Souza", True),
    ]
    assert cli("undo").code == 0
    assert rows(db_url, "SELECT count(*) FROM interaction") == [(0,)]
    assert cli("event", "unplan", "1", "bruno").code == 0
    assert cli("event", "edit", "1", "--title", "Web Summit 2026").code == 0
    assert cli("event", "delete", "2").out.strip() == "deleted: #2 PyData · 1 Nov"
    assert rows(db_url, "SELECT id, title FROM event ORDER BY id") == [
        (1, "Web Summit 2026"),
        (3, "Later"),
    ]
    assert cli("undo").code == 0
    assert rows(db_url, "SELECT count(*) FROM event") == [(3,)]


def test_refusals_say_why(cli) -> None:
    assert cli("contact", "add", "Ana Souza").code == 0
    assert cli("event", "add", "Conf", "--on", "2026-12-20").code == 0
    early = cli("event", "met", "1", "ana")
    assert early.code != 0 and "on the day or after" in early.err
    assert "no event has id 9" in cli("event", "show", "9").err
    assert cli("event", "add", " ", "--on", "today").code != 0


def test_what_the_database_holds_is_shown_escaped(cli, db_url) -> None:
    assert cli("contact", "add", "Ana Souza").code == 0
    assert cli("event", "add", "Conf", "--on", "today").code == 0
    assert cli("event", "met", "1", "ana").code == 0
    from sqlalchemy import text

    from netday.store.db import Database

    db = Database(db_url)
    with db.engine.begin() as conn:
        conn.execute(
            text("UPDATE event SET title = :t, place = :p, notes = :n"),
            {key: f"{CLICK} \x1b]0;owned\x07 \x1b[2J" for key in "tpn"},
        )
        conn.execute(text("UPDATE interaction SET summary = :t"), {"t": f"{CLICK}\x1b[31m"})
    db.close()
    for args in (("event", "list"), ("event", "show", "1")):
        out = cli(*args).out
        assert not controls_in(out), args
