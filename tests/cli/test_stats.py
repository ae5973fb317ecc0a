"""`netday stats`: the weekly figures as text, JSON and Markdown; a bounded window."""

from __future__ import annotations

import json

import pytest

from netday.services.contacts import ContactFields, add_contact, follow_company
from netday.services.journal import log_interaction


def test_stats_text_json_and_markdown(cli, ctx) -> None:
    add_contact(ctx, ContactFields(full_name="Ana Souza", company="Acme", role="Engineer"))
    log_interaction(ctx, "ana", kind="meeting", minutes=25, direction="gave")
    follow_company(ctx, "Initech")
    text = cli("stats").out
    assert text.startswith("INSIGHTS · 12 weeks, Monday 31 August 2026 to Sunday 22 November")
    assert "conversations" in text and "Initech: find one person to invite" in text
    data = json.loads(cli("stats", "--weeks", "3", "--json").out)
    assert [w["week"] for w in data["weeks"]] == ["2026-11-02", "2026-11-09", "2026-11-16"]
    this_week = data["weeks"][-1]
    assert (this_week["minutes"], this_week["conversations"], this_week["gave"]) == (25, 1, 1)
    assert this_week["acceptance_rate"] is None and data["total"]["people"] == 1
    assert data["diversity"][0]["by"] == "company" and data["diversity"][0]["hhi"] == 10_000
    assert data["followed_unknown"][0]["name"] == "Initech"
    assert [d["tier"] for d in data["drifting"]] == ["A", "B", "C"]
    md = cli("stats", "--weeks", "2", "--md").out
    assert md.startswith("# Insights: 2 weeks, Monday 9 November 2026")
    assert "| 2026-11-16 | 25 | 0 | 1 | 1 |" in md and "| total | 25 |" in md


def test_a_window_out_of_bounds_is_refused_naming_the_bounds(cli, capsys) -> None:
    for weeks in ("0", "105", "many"):
        with pytest.raises(SystemExit) as exit_info:
            cli("stats", "--weeks", weeks)
        assert exit_info.value.code == 2
        captured = capsys.readouterr()
        assert "a whole number from 1 to 104" in captured.err and captured.out == ""


def test_company_follow_is_undone_by_netday_undo(cli, ctx) -> None:
    add_contact(ctx, ContactFields(full_name="Ana Souza", company="Acme"))
    assert cli("company", "follow", "Acme").code == 0
    assert json.loads(cli("stats", "--json").out)["known_unfollowed"] == []
    assert "Followed Acme" in cli("undo").out
    assert json.loads(cli("stats", "--json").out)["known_unfollowed"][0]["name"] == "Acme"
