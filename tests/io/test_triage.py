"""Triage from the command line: the queue's order, each decision, spread first dates."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from tests.conftest import rows
from tests.io.linkedin_export import connections_csv


def many_connections(tmp: Path, n: int) -> Path:
    people = [
        (f"Person{i}", "Test", f"https://www.linkedin.com/in/p{i}", "", "Acme", "Engineer",
         f"{1 + i % 28:02d} Oct 2026")
        for i in range(n)
    ]  # fmt: skip
    path = tmp / "Connections.csv"
    path.write_bytes(connections_csv(people))
    return path


def test_queue_lists_most_recently_connected_first(cli, tmp_path):
    cli("import", "linkedin", str(many_connections(tmp_path, 30)))
    result = cli("triage", "--limit", "3")
    lines = result.out.splitlines()
    assert lines[0] == "to triage: 30 new, 0 skipped (most recently connected first)"
    assert "connected 2026-10-28" in lines[1]
    assert "... and 27 more" in result.out


def test_decisions(cli, db_url, tmp_path):
    cli("import", "linkedin", str(many_connections(tmp_path, 6)))
    assert "tier A, every 3 weeks, first call 2026-11-" in cli("triage", "#1", "a").out
    cli("triage", "#2", "b")
    cli("triage", "#3", "c")
    cli("triage", "#4", "personal")
    assert cli("triage", "#5", "skip").out.strip().endswith("skipped for now")
    cli("triage", "#6", "archive")
    got = rows(
        db_url,
        "SELECT id, tier, circle, cadence_every, cadence_unit, triage, archived,"
        " next_due_on IS NOT NULL FROM contact ORDER BY id",
    )
    assert got == [
        (1, "A", "professional", 3, "weeks", None, 0, 1),
        (2, "B", "professional", 2, "months", None, 0, 1),
        (3, "C", "professional", 4, "months", None, 0, 1),
        (4, "B", "personal", 2, "months", None, 0, 1),  # personal_cadence
        (5, "B", "professional", None, None, "skipped", 0, 0),
        (6, "B", "professional", None, None, None, 1, 0),
    ]
    # The skipped one comes back, after any new ones.
    assert "#5" in cli("triage").out
    refused = cli("triage", "#5", "maybe")
    assert refused.code == 1 and "unknown triage decision" in refused.err


def test_first_due_dates_are_spread(cli, db_url, tmp_path):
    cli("import", "linkedin", str(many_connections(tmp_path, 40)))
    for cid in range(1, 41):
        assert cli("triage", f"#{cid}", "a").code == 0
    days = Counter(d for (d,) in rows(db_url, "SELECT next_due_on FROM contact"))
    # 40 people over a 21-day cadence: never more than two on a day, never today.
    assert max(days.values()) == 2 and len(days) == 21
    assert "2026-11-22" not in days


def test_tier_cadences_are_settings(cli, tmp_path):
    assert cli("settings", "set", "tier_a_cadence", "10 days").code == 0
    cli("import", "linkedin", str(many_connections(tmp_path, 1)))
    assert "every 10 days" in cli("triage", "#1", "a").out
    assert cli("settings", "set", "tier_b_cadence", "whenever").code == 1
