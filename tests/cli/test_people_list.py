"""`netday contact list` with the people screen's filters and orders (one query, the
service's: see tests/services/test_people.py for every filter against the database)."""

from __future__ import annotations

import json

from tests.conftest import rows


def _names(cli, *args: str) -> list[str]:
    result = cli("contact", "list", *args, "--json")
    assert result.code == 0, result.err
    return [c["name"] for c in json.loads(result.out)]


def test_filters_and_orders_on_the_command_line(cli, db_url) -> None:
    for args in (
        ("Ana Souza", "--company", "Kestrel", "--tier", "A", "--tag", "python"),
        ("Bruno Costa", "--company", "Northwind", "--circle", "personal"),
        ("Chen Li", "--company", "Kestrel Labs", "--no-cadence"),
    ):
        assert cli("contact", "add", *args).code == 0
    assert cli("log", "chen", "coffee", "--kind", "meeting", "--at", "yesterday").code == 0
    assert cli("log", "ana", "call", "--at", "2026-11-10").code == 0
    assert _names(cli, "--company", "kestrel") == ["Ana Souza", "Chen Li"]
    assert _names(cli, "--company", "kestrel", "--tier", "A") == ["Ana Souza"]
    assert _names(cli, "--triage", "placed", "--circle", "personal") == ["Bruno Costa"]
    assert _names(cli, "--triage", "untriaged") == []
    assert _names(cli, "--sort", "last-talk") == ["Chen Li", "Ana Souza", "Bruno Costa"]
    sql = "SELECT full_name FROM contact WHERE next_due_on IS NOT NULL ORDER BY next_due_on, tier"
    due = [name for (name,) in rows(db_url, sql)]
    assert _names(cli, "--sort", "next-due") == [*due, "Chen Li"]
    text = cli("contact", "list", "--company", "northwind").out
    assert "Bruno Costa" in text and "Ana" not in text


def test_due_alone_and_with_a_word(cli) -> None:
    assert cli("contact", "add", "Ana Souza", "--every", "1 week").code == 0
    assert cli("log", "ana", "call", "--at", "2026-11-01").code == 0
    assert cli("contact", "add", "Bo Chen", "--every", "1 week").code == 0
    assert cli("log", "bo", "call", "--at", "2026-11-15").code == 0
    assert _names(cli, "--due") == ["Ana Souza", "Bo Chen"]
    assert _names(cli, "--due", "overdue") == ["Ana Souza"]
