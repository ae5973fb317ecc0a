"""The command line, run in-process against a real SQLite file with today pinned."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import rows


@pytest.fixture
def network(cli) -> None:
    assert (
        cli(
            "contact",
            "add",
            "Ana Souza",
            "--company",
            "Acme",
            "--role",
            "CTO",
            "--tier",
            "A",
            "--every",
            "3 weeks",
            "--why",
            "met at PyCon",
            "--phone",
            "+33 6 12 34 56 78",
        ).code
        == 0
    )
    assert cli("contact", "add", "Anatole Dubois", "--every", "2 weeks").code == 0
    assert (
        cli(
            "contact",
            "add",
            "Bruno Martin",
            "--rrule",
            "FREQ=MONTHLY;BYDAY=1MO",
            "--circle",
            "personal",
            "--tag",
            "friend",
        ).code
        == 0
    )
    assert cli("log", "ana souza", "first chat", "--at", "2026-10-20 10:00").code == 0
    assert cli("log", "anatole", "--at", "2026-10-30 10:00").code == 0


def test_today_lists_calls_with_reasons(cli, network) -> None:
    result = cli("today")
    assert result.code == 0
    assert "Sunday 22 November 2026" in result.out
    assert "Ana Souza · Acme, CTO · +33 6 12 34 56 78" in result.out
    assert "overdue by 12 days (3-week cadence)" in result.out
    assert "overdue by 9 days (2-week cadence)" in result.out


def test_today_json_has_the_documented_shape(cli, network) -> None:
    data = json.loads(cli("today", "--json").out)
    assert set(data) == {
        "date",
        "minutes",
        "streak",
        "calls_done",
        "calls",
        "comments",
        "comments_total",
        "invites",
        "log",
        "circle",
    }
    assert data["date"] == "2026-11-22"
    assert data["circle"] == "both"
    call = data["calls"][0]
    assert set(call) == {
        "position",
        "contact",
        "reason",
        "status",
        "snoozed_until",
        "last_talk",
        "promise",
        "outcome",
        "promises",
    }
    assert call["contact"]["name"] == "Ana Souza"
    assert call["status"] == "planned"


def test_plain_netday_prints_todays_plan(cli, network) -> None:
    assert "TODAY'S CALLS" in cli().out


def test_every_command_honours_the_pinned_date(cli, network, db_url) -> None:
    assert cli("log", "bruno", "coffee", "--kind", "meeting", today="2026-11-30").code == 0
    (when,) = rows(db_url, "SELECT occurred_at FROM interaction WHERE kind = 'meeting'")
    assert when[0].startswith("2026-11-30")
    assert json.loads(cli("today", "--json", today="2026-11-30").out)["date"] == "2026-11-30"


def test_logging_a_call_marks_it_done_in_todays_plan(cli, network, db_url) -> None:
    cli("today")
    result = cli(
        "log", "ana souza", "how are you", "--minutes", "7", "--gave", "--follow-up", "2026-12-01"
    )
    assert result.code == 0 and "logged:" in result.out
    assert rows(
        db_url,
        "SELECT status FROM plan_item JOIN contact ON contact.id = contact_id "
        "WHERE full_name = 'Ana Souza'",
    ) == [("done",)]
    assert rows(
        db_url,
        "SELECT minutes, direction, follow_up_on FROM interaction WHERE summary = 'how are you'",
    ) == [(7, "gave", "2026-12-01")]
    assert "[x] Ana Souza" in cli("today").out


def test_an_ambiguous_name_lists_the_candidates(cli, network) -> None:
    """("ana" alone is Ana Souza: her first name, said whole.)"""
    result = cli("log", "an")
    assert result.code == 1
    assert result.err.count("\n") == 1
    assert "matches 2 contacts" in result.err
    assert "Ana Souza" in result.err and "Anatole Dubois" in result.err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("log", "nobody"), "no contact matches 'nobody'"),
        (("log", "bruno", "--at", "someday"), "is not a date"),
        (("log", "bruno", "--follow-up", "2026-02-30"), "is not a date"),
        (("contact", "add", "Zed", "--rrule", "FREQ=SOMETIMES"), "does not parse"),
        (("contact", "add", "Zed", "--every", "often"), "not understood"),
        (("contact", "add", "Zed", "--birthday", "1990-13-01"), "is not a date"),
        (("contact", "add", "Zed", "--connected", "2026-11-31"), "is not a date"),
        (("contact", "edit", "bruno", "--connected", "2026-11-23"), "in the future"),
        (("contact", "add", "Zed", "--email", "nope"), "not an e-mail address"),
        (("contact", "add", "  "), "a contact needs a name"),
        (("post", "add", "bruno", " ", "--excerpt", " "), "a URL or an excerpt"),
        (("plan", "snooze", "bruno", "--until", "today"), "after today"),
        (("invite", "send", "bruno"), "personal message"),
        (("invite", "send", "bruno", "--message", " "), "personal message"),
        (("plan", "snooze", "bruno", "--until", "2026-11-01"), "after today"),
        (("invite", "accept", "999"), "no invitation has id 999"),
        (("review", "--date", "2026-12-25"), "once it has started"),
    ],
)
def test_errors_are_one_line_and_write_nothing(cli, network, db_url, args, message) -> None:
    before = rows(
        db_url,
        "SELECT (SELECT count(*) FROM contact), (SELECT count(*) FROM "
        "interaction), (SELECT count(*) FROM invite), (SELECT count(*) FROM plan_item)",
    )
    result = cli(*args)
    assert result.code != 0
    assert message in result.err
    assert result.err.count("\n") == 1 and result.err.startswith("netday: error: ")
    assert "Traceback" not in result.err
    after = rows(
        db_url,
        "SELECT (SELECT count(*) FROM contact), (SELECT count(*) FROM "
        "interaction), (SELECT count(*) FROM invite), (SELECT count(*) FROM plan_item)",
    )
    assert after == before


def test_a_bad_pinned_date_is_one_line(cli) -> None:
    result = cli("today", today="22/11/2026")
    assert result.code == 1 and "--today '22/11/2026' is not a date" in result.err


def test_usage_errors_are_one_line(cli) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli("log")
    assert exit_info.value.code == 2


def test_contact_show_and_list_as_json(cli, network) -> None:
    shown = json.loads(cli("contact", "show", "bruno", "--json").out)
    assert shown["summary"]["cadence"] == "first Monday of each month"
    assert shown["cadence_spec"] == "FREQ=MONTHLY;BYDAY=1MO"
    assert shown["upcoming"] == ["2026-12-07", "2027-01-04", "2027-02-01"]
    assert shown["tags"] == ["friend"]
    listed = json.loads(cli("contact", "list", "--json").out)
    assert [c["name"] for c in listed] == ["Ana Souza", "Anatole Dubois", "Bruno Martin"]
    due = json.loads(cli("contact", "list", "--due", "--json").out)
    assert [c["name"] for c in due] == ["Ana Souza", "Anatole Dubois"]


def test_edit_and_archive(cli, network, db_url) -> None:
    assert cli("contact", "edit", "bruno", "--tier", "A", "--every", "10 days").code == 0
    assert rows(
        db_url,
        "SELECT tier, cadence_kind, cadence_every FROM contact WHERE full_name = 'Bruno Martin'",
    ) == [("A", "relative", 10)]
    assert cli("contact", "archive", "bruno").code == 0
    assert "Bruno" not in cli("contact", "list").out
    assert "Bruno" in cli("contact", "list", "--archived").out
    assert cli("contact", "archive", "bruno", "--undo").code == 0
    assert "Bruno" in cli("contact", "list").out


def test_invite_flow(cli, network, db_url) -> None:
    sent = cli("invite", "send", "--name", "Jane Roe", "--message", "Let's connect!")
    assert sent.code == 0 and "warning: the message does not name the person" in sent.out
    received = cli("invite", "received", "--name", "Cold Caller")
    assert "How can I help you?" in received.out
    listed = json.loads(cli("invite", "list", "--json").out)
    assert [i["name"] for i in listed] == ["Cold Caller", "Jane Roe"]
    cold_id = listed[0]["id"]
    assert cli("invite", "accept", str(cold_id)).code == 0
    assert rows(db_url, "SELECT follow_up_kind FROM contact WHERE full_name = 'Cold Caller'") == [
        ("invite_accepted",)
    ]
    assert cli("invite", "withdraw", str(listed[1]["id"])).code == 0


def test_post_flow(cli, network, db_url) -> None:
    assert (
        cli("post", "add", "bruno", "https://example.com/post/1", "--excerpt", "On hiring").code
        == 0
    )
    assert "On hiring" in cli("today").out
    assert cli("post", "done", "1", "--comment", "Great read").code == 0
    assert rows(db_url, "SELECT kind, summary FROM interaction WHERE kind = 'comment'") == [
        ("comment", "Great read (https://example.com/post/1)")
    ]


def test_plan_skip_and_snooze(cli, network, db_url) -> None:
    cli("today")
    assert cli("plan", "skip", "anatole").code == 0
    assert cli("plan", "snooze", "ana souza", "--until", "next week").code == 0
    assert rows(db_url, "SELECT snoozed_until FROM contact WHERE full_name = 'Ana Souza'") == [
        ("2026-11-23",)
    ]
    shown = cli("plan", "show").out
    assert "[-] Anatole Dubois" in shown and "[z] Ana Souza" in shown


def test_review_text_json_markdown_and_note(cli, network, db_url) -> None:
    cli("today")
    cli("log", "ana souza", "caught up", "--minutes", "10")
    text = cli("review").out
    assert "PLANNED VS DONE" in text and "CARRIES OVER TO TOMORROW" in text
    data = json.loads(cli("review", "--json").out)
    assert data["done"] == 1 and data["minutes_logged"] == 10
    assert [c["contact"]["name"] for c in data["carry_over"]] == ["Anatole Dubois"]
    md = cli("review", "--md").out
    assert md.startswith("# Review of Sunday 22 November 2026")
    assert "- [x] Ana Souza" in md
    saved = cli("review", "--date", "yesterday", "--note", "Late but done", today="2026-11-23")
    assert saved.code == 0
    assert rows(db_url, "SELECT review_date, note FROM day_review") == [
        ("2026-11-22", "Late but done")
    ]


def test_settings_and_company_follow(cli, db_url) -> None:
    assert json.loads(cli("settings").out)["minutes_per_day"] == 30
    assert cli("settings", "set", "minutes-per-day", "45").code == 0
    assert rows(db_url, "SELECT minutes_per_day FROM settings") == [(45,)]
    assert cli("settings", "set", "max_calls", "two").code == 1
    assert cli("company", "follow", "Acme Analytics").code == 0
    assert rows(db_url, "SELECT name, followed FROM company") == [("Acme Analytics", 1)]


@pytest.mark.sqlite_only("prints the file's path and copies the file")
def test_db_path_backup_and_upgrade(cli, db_path, tmp_path) -> None:
    assert cli("db", "path").out.strip() == str(db_path)
    assert "current" in cli("db", "upgrade").out
    target = tmp_path / "copy.sqlite3"
    assert cli("db", "backup", "--to", str(target)).code == 0
    assert rows(f"sqlite:///{target}", "SELECT count(*) FROM settings") == [(1,)]
    assert cli("db", "backup", "--to", str(target)).code == 1


def test_netday_db_and_today_from_the_environment(monkeypatch, db_url, capsys) -> None:
    from netday.cli.main import main

    monkeypatch.setenv("NETDAY_DB", db_url)
    monkeypatch.setenv("NETDAY_TODAY", "2026-01-05")
    assert main(["today", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["date"] == "2026-01-05"
    assert rows(db_url, "SELECT plan_date FROM day_plan") == [("2026-01-05",)]


@pytest.mark.sqlite_only("the default database is a SQLite file")
def test_the_default_database_lives_in_the_user_data_folder(tmp_path, capsys) -> None:
    from netday.cli.main import main

    assert main(["db", "path"]) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path.name == "netday.sqlite3"
    assert str(path).startswith(str(tmp_path))


def test_demo_command_and_global_demo_flag(cli, db_url, capsys, tmp_path, monkeypatch) -> None:
    import tempfile

    from netday.cli.main import main

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))

    result = cli("demo", "--contacts", "25")
    assert result.code == 0 and "25 contacts" in result.out
    assert cli("demo").code == 1
    capsys.readouterr()
    assert main(["--demo", "--today", "2026-11-22", "today"]) == 0
    assert "TODAY'S CALLS" in capsys.readouterr().out
    assert rows(db_url, "SELECT count(*) FROM contact") == [(25,)]
    assert list(scratch.iterdir()) == []


@pytest.mark.sqlite_only("a damaged SQLite file")
def test_an_unreadable_database_is_one_line(tmp_path, capsys) -> None:
    from netday.cli.main import main

    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_text("not a database at all" * 100)
    assert main(["--db", str(garbage), "today"]) == 1
    err = capsys.readouterr().err
    assert err == "netday: error: database error: file is not a database (nothing was changed)\n"


@pytest.mark.parametrize(
    ("words", "rule"),
    [
        ("last Friday of each month", "FREQ=MONTHLY;BYDAY=-1FR"),
        ("every other Tuesday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"),
        ("every quarter on the 15th", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15"),
    ],
)
def test_every_reads_the_phrases_netday_prints(cli, words: str, rule: str) -> None:
    assert cli("contact", "add", "Olga Novák", "--every", words).code == 0
    shown = json.loads(cli("contact", "show", "olga", "--json").out)
    assert (shown["summary"]["cadence"], shown["cadence_spec"]) == (words, rule)
    assert cli("contact", "edit", "olga", "--every", shown["summary"]["cadence"]).code == 0
    assert json.loads(cli("contact", "show", "olga", "--json").out)["cadence_spec"] == rule


def test_an_untriaged_contact_reads_untriaged(cli, tmp_path: Path) -> None:
    from tests.io.linkedin_export import write_zip

    assert cli("import", "linkedin", str(write_zip(tmp_path / "e.zip"))).code == 0
    shown = cli("contact", "show", "dana").out
    assert "untriaged · professional" in shown and "tier B" not in shown
    row = next(line for line in cli("contact", "list").out.splitlines() if "Dana" in line)
    assert " - Dana O'Neil" in row and "untriaged" in row
    assert json.loads(cli("contact", "show", "dana", "--json").out)["summary"]["untriaged"]


def test_a_call_outcome_is_stored_and_in_the_json(cli) -> None:
    """`--outcome no-answer`: the call is logged, today's call ticked as attempted (its
    outcome in `today --json`), the cadence untouched; tomorrow Ana is first, with why."""
    assert cli("contact", "add", "Ana Souza", "--every", "3 weeks").code == 0
    assert cli("log", "ana", "hello?", "--at", "2026-10-20 10:00").code == 0
    due = json.loads(cli("contact", "show", "ana", "--json").out)["summary"]["next_due"]
    assert json.loads(cli("today", "--json").out)["calls"][0]["contact"]["name"] == "Ana Souza"
    logged = json.loads(cli("log", "ana", "voicemail", "--outcome", "no-answer", "--json").out)
    assert (logged["kind"], logged["outcome"]) == ("call", "no-answer")
    call = json.loads(cli("today", "--json").out)["calls"][0]
    assert (call["status"], call["outcome"]) == ("done", "no-answer")
    assert "no answer: back tomorrow" in cli("plan", "show").out
    shown = json.loads(cli("contact", "show", "ana", "--json").out)
    assert shown["summary"]["next_due"] == due
    assert [i["outcome"] for i in shown["interactions"]] == ["no-answer", "answered"]
    tomorrow = json.loads(cli("today", "--json", today="2026-11-23").out)["calls"][0]
    assert tomorrow["reason"] == "tried Sunday, no answer"
    edited = cli("log", "edit", str(logged["id"]), "--outcome", "answered", "--json")
    assert json.loads(edited.out)["outcome"] == "answered"
    assert cli("log", "ana", "--kind", "email", "--outcome", "message").code != 0


def test_the_day_you_connected_is_set_shown_and_planned(cli) -> None:
    """`--connected` stores the day; `contact show` says it (JSON too); on its
    anniversary the plan gives the reason (today is 22 Nov 2026 in tests)."""
    added = cli(
        "contact",
        "add",
        "Kai Lund",
        "--tier",
        "A",
        "--every",
        "6 months",
        "--connected",
        "2023-11-22",
    )
    assert added.code == 0, added.err
    shown = json.loads(cli("contact", "show", "kai", "--json").out)
    assert shown["connected_on"] == "2023-11-22"
    assert "connected: 2023-11-22" in cli("contact", "show", "kai").out
    plan = json.loads(cli("plan", "show", "--json").out)
    assert [c["reason"] for c in plan["calls"]] == [
        "connected 3 years ago today: a message will do"
    ]
