"""Every setting, set to a value other than its default, changes what the command line
does. A setting added to `netday.settings_fields` without a check here fails the test."""

from __future__ import annotations

import json
from pathlib import Path

from netday.settings_fields import FIELDS
from tests.io.linkedin_export import connections_csv

CHANGED = {
    "minutes_per_day": "100",
    "minutes_per_call": "25",
    "min_calls": "2",
    "max_calls": "4",
    "default_cadence": "every 9 days",
    "personal_cadence": "every 8 days",
    "invite_follow_up_days": "3",
    "invite_expiry_days": "5",
    "call_tries": "1",
    "tier_a_cadence": "every 10 days",
    "tier_b_cadence": "every 11 days",
    "tier_c_cadence": "every 12 days",
}


def _calls(cli, *args: str) -> int:
    return len(json.loads(cli("today", "--json", *args).out)["calls"])


def test_every_setting_is_honoured_by_the_command_line(cli, tmp_path: Path) -> None:
    assert set(CHANGED) == {f.name for f in FIELDS}
    for f in FIELDS:
        assert CHANGED[f.name] != str(f.default)
        assert cli("settings", "set", f.name, CHANGED[f.name]).code == 0
    assert json.loads(cli("settings", "show").out) == {
        name: int(value) if value.isdigit() else value for name, value in CHANGED.items()
    }

    for n in range(6):
        cli("contact", "add", f"Due Person{n}", "--every", "1 week", today="2026-11-01")
    # minutes_per_day sizes the day: 100 minutes of 25-minute calls is 4 calls.
    today = json.loads(cli("today", "--json").out)
    assert (today["minutes"], len(today["calls"])) == (100, 4)
    # minutes_per_call: 50 minutes hold 2 calls (5 at the default 10 minutes each).
    assert _calls(cli, "--minutes", "50") == 2
    # min_calls: even no time at all keeps 2 calls (the default keeps 3).
    assert _calls(cli, "--minutes", "0") == 2
    # max_calls: a whole day holds 4 calls however many are due (the default holds 5).
    assert _calls(cli, "--minutes", "1440") == 4

    # default_cadence: a contact added without one.
    added = json.loads(cli("contact", "add", "Zed New", "--json").out)
    assert added["cadence"] == "every 9 days"
    # personal_cadence: a personal contact added without one.
    friend = json.loads(cli("contact", "add", "Pal New", "--circle", "personal", "--json").out)
    assert friend["cadence"] == "every 8 days"

    # invite_follow_up_days and invite_expiry_days.
    sent = json.loads(cli("invite", "send", "--name", "Carla D", "-m", "Hi Carla!", "--json").out)
    assert sent["follow_up_due"] == "2026-11-25"
    old = cli("invite", "send", "--name", "Old Friend", "-m", "Hi Old!", today="2026-11-16")
    assert old.code == 0
    listed = {i["name"]: i["action"] for i in json.loads(cli("invite", "list", "--json").out)}
    assert listed == {"Carla D": None, "Old Friend": "withdraw"}

    # tier_a_cadence, tier_b_cadence, tier_c_cadence (and personal_cadence for personal).
    people = [
        (f"Linked{i}", "Person", f"https://linkedin.com/in/l{i}", "", "Acme", "Dev", "01 Oct 2026")
        for i in range(4)
    ]
    export = tmp_path / "Connections.csv"
    export.write_bytes(connections_csv(people))
    assert cli("import", "linkedin", str(export)).code == 0
    decided = [
        cli("triage", f"linked{i}", decision).out
        for i, decision in enumerate(("a", "b", "c", "personal"))
    ]
    for said, cadence in zip(decided, ("10 days", "11 days", "12 days", "8 days"), strict=True):
        assert f"every {cadence}" in said

    # call_tries: after one unanswered call the plan stops insisting (the default is 3).
    assert cli("log", "due person0", "--outcome", "no-answer").code == 0
    calls = json.loads(cli("today", "--json", today="2026-11-23").out)["calls"]
    assert calls[0]["reason"] == "1 try without an answer: try another way"
