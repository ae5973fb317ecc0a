"""`netday import linkedin`: the ZIP, its folder or one CSV, against a real database."""

from __future__ import annotations

import datetime as dt
import json

from tests.conftest import rows
from tests.io.linkedin_export import (
    CONNECTIONS,
    connections_csv,
    export_files,
    invitations_csv,
    recommendations_csv,
    write_folder,
    write_zip,
)


def test_zip_import_creates_contacts_to_triage_and_reports_rejects(cli, db_url, tmp_path):
    export = write_zip(tmp_path / "Basic_LinkedInDataExport_11-22-2026.zip")
    result = cli("import", "linkedin", str(export))
    assert result.code == 0, result.err
    assert "contacts: 4 created, 0 updated, 0 unchanged, 1 rejected" in result.out
    # The row with no name is rejected with its file and line (BOM+notes take 3 lines).
    assert "Basic_LinkedInDataExport_11-22-2026.zip/Connections.csv:8: no name" in result.out
    people = rows(
        db_url,
        "SELECT c.full_name, co.name, c.role, c.email, c.profile_url, c.connected_on, c.triage,"
        " c.cadence_kind, c.next_due_on, c.source FROM contact c"
        " LEFT JOIN company co ON co.id = c.company_id ORDER BY c.id",
    )
    assert people[0] == (
        "Ana Lima", "Acme", "CTO", "", "https://www.linkedin.com/in/ana-lima", "2023-03-15",
        "pending", None, None, "linkedin",
    )  # fmt: skip
    assert people[1][:6] == (
        "José Núñez 🚀", "Initech, Inc.", 'Head of "Growth"', "jose@example.com",
        "https://www.linkedin.com/in/jose-nunez", "2025-07-01",
    )  # fmt: skip
    # Nobody gets a cadence wholesale: all wait in triage, none is in a plan.
    assert {p[6] for p in people} == {"pending"}
    assert {p[7] for p in people} == {None}
    assert "to triage: 4 contacts" in result.out


def test_invitations_follows_and_messages(cli, db_url, tmp_path):
    cli("import", "linkedin", str(write_zip(tmp_path / "export.zip")))
    invites = rows(db_url, "SELECT direction, name, profile_url, message, sent_at, status,"
                   " contact_id FROM invite ORDER BY sent_at")  # fmt: skip
    assert invites[0][:3] == ("sent", "Kim Park", "https://www.linkedin.com/in/kim-park")
    assert invites[0][3] == "Hi Kim,\nloved your talk on pricing.\nWould be glad to connect."
    assert invites[0][4].startswith("2026-01-29 14:37")
    assert invites[1][:2] == ("received", "Lee Wong") and invites[1][5] == "pending"
    followed = rows(db_url, "SELECT name FROM company WHERE followed ORDER BY name")
    assert followed == [("Acme",), ("Umbrella Corp",)]
    # messages.csv: each day with messages with Ana and with Bo, not with the account
    # holder and not from the spam folder.
    talks = rows(
        db_url,
        "SELECT c.full_name, i.occurred_at, i.direction FROM interaction i"
        " JOIN contact c ON c.id = i.contact_id WHERE i.kind = 'message'"
        " ORDER BY c.full_name, i.occurred_at",
    )
    assert [(name, dt.datetime.fromisoformat(at), way) for name, at, way in talks] == [
        ("Ana Lima", local(2026, 11, 10, 15, 33, 58), "neutral"),
        ("Ana Lima", local(2026, 11, 12, 8, 0), "neutral"),
        ("Bo Chen", local(2025, 6, 11, 15, 33, 58), "neutral"),
    ]


def local(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=dt.UTC).astimezone().replace(tzinfo=None)  # type: ignore[misc]


VOUCHES = (
    "SELECT c.full_name, i.kind, i.direction, i.summary FROM interaction i"
    " JOIN contact c ON c.id = i.contact_id WHERE i.kind IN ('endorsement', 'recommendation')"
    " ORDER BY c.full_name, i.kind, i.direction"
)


def test_endorsements_and_recommendations_become_gave_or_asked(cli, db_url, tmp_path):
    result = cli("import", "linkedin", str(write_zip(tmp_path / "export.zip")))
    assert result.code == 0, result.err
    assert rows(db_url, VOUCHES) == [
        ("Ana Lima", "endorsement", "asked", "Endorsed you for Python, SQL"),
        ("Ana Lima", "recommendation", "gave", "You recommended them: Ana led our best launch."),
        ("Bo Chen", "endorsement", "gave", "Endorsed them for Pricing"),
        ("Dana O'Neil", "recommendation", "asked", "Recommendation pending (an open ask)"),
        ("José Núñez 🚀", "recommendation", "asked",
         "Recommended you: José is a rare talent,\nhire him."),
    ]  # fmt: skip
    assert "endorsements: 2 added, recommendations: 3 added, 0 already known" in result.out
    # Dana's recommendation is pending: an open ask, in the report.
    assert "open asks (a recommendation received, still pending):\n  Dana O'Neil (#" in result.out
    # Nobody in netday for Zed, Yan, and the recruiter-free messages: said, not dropped.
    assert "  1 endorsements: Zed Unknown" in result.out
    assert "  1 recommendations: Yan Nobody" in result.out
    # Neither is a conversation: the balance counts them, the cadence does not move.
    shown = json.loads(cli("contact", "show", "ana lima", "--json").out)
    assert (shown["gave"], shown["asked"]) == (1, 1)
    last = shown["last_conversation"]
    assert last is not None and last.startswith("2026-11-1")  # a message, not the endorsement


def test_a_reimport_adds_no_vouch_or_message_day_twice(cli, db_url, tmp_path):
    export = write_zip(tmp_path / "export.zip")
    cli("import", "linkedin", str(export))
    before = rows(
        db_url, "SELECT contact_id, kind, occurred_at, summary FROM interaction ORDER BY id"
    )
    again = cli("import", "linkedin", str(export))
    assert "endorsements: 0 added, recommendations: 0 added, 5 already known" in again.out
    assert "days of messages learned" not in again.out
    after = rows(
        db_url, "SELECT contact_id, kind, occurred_at, summary FROM interaction ORDER BY id"
    )
    assert after == before


def test_a_pending_recommendation_settled_later_is_updated_not_added(cli, db_url, tmp_path):
    cli("import", "linkedin", str(write_zip(tmp_path / "old.zip")))
    settled = [("Dana", "O'Neil", "", "", "Dana is great.", "11/18/26, 09:15 AM", "VISIBLE")]
    files = export_files() | {"Recommendations_Received.csv": recommendations_csv(False, settled)}
    result = cli("import", "linkedin", str(write_zip(tmp_path / "new.zip", files)))
    assert "open asks" not in result.out
    dana = rows(db_url, VOUCHES + "")
    assert ("Dana O'Neil", "recommendation", "asked", "Recommended you: Dana is great.") in dana
    assert len([r for r in dana if r[0] == "Dana O'Neil"]) == 1


def test_the_json_report_counts_vouches_open_asks_and_the_unmatched(cli, tmp_path):
    data = json.loads(cli("import", "linkedin", str(write_zip(tmp_path / "e.zip")), "--json").out)
    assert (data["endorsements_added"], data["recommendations_added"]) == (2, 3)
    assert [a.split(" (#")[0] for a in data["open_asks"]] == ["Dana O'Neil"]
    unmatched = {u["what"]: (u["count"], u["names"]) for u in data["unmatched"]}
    assert unmatched["endorsements"] == (1, ["Zed Unknown"])
    assert unmatched["recommendations"] == (1, ["Yan Nobody"])
    assert data["conversations_learned"] == 3


def test_reimport_updates_and_never_duplicates(cli, db_url, tmp_path):
    first = write_zip(tmp_path / "old.zip")
    cli("import", "linkedin", str(first))
    again = cli("import", "linkedin", str(first))
    assert "contacts: 0 created, 0 updated, 4 unchanged, 1 rejected" in again.out
    assert "invitations: 0 added, 2 already known" in again.out
    # A newer export: Ana changed jobs, Bo's URL now has a trailing slash and query,
    # a new person arrived, and someone only known by name and company matches too.
    cli("contact", "add", "Eve Stone", "--company", "Hooli")
    newer = [
        ("Ana", "Lima", "https://www.linkedin.com/in/ana-lima", "", "Hooli", "CEO", "15 Mar 2023"),
        ("Bo", "Chen", "https://linkedin.com/in/bo-chen/?trk=x", "", "Globex", "Engineer",
         "02 Jan 2026"),
        ("Eve", "Stone", "https://www.linkedin.com/in/eve", "", "Hooli", "PM", "21 Nov 2026"),
        ("Finn", "Ng", "https://www.linkedin.com/in/finn", "", "", "", "22 Nov 2026"),
    ]  # fmt: skip
    files = export_files() | {"Connections.csv": connections_csv(newer)}
    result = cli("import", "linkedin", str(write_zip(tmp_path / "new.zip", files)))
    assert "contacts: 1 created, 2 updated, 1 unchanged, 0 rejected" in result.out, result.out
    people = dict(
        rows(
            db_url,
            "SELECT c.full_name, co.name || '/' || c.role FROM contact c"
            " LEFT JOIN company co ON co.id = c.company_id",
        )
    )
    assert people["Ana Lima"] == "Hooli/CEO"
    assert rows(db_url, "SELECT count(*) FROM contact") == [(6,)]
    eve = rows(db_url, "SELECT profile_url, triage FROM contact WHERE full_name = 'Eve Stone'")
    # Eve was added by hand: she gains the URL and stays out of triage.
    assert eve == [("https://www.linkedin.com/in/eve", None)]


def test_match_by_email_when_no_url(cli, db_url, tmp_path):
    cli("contact", "add", "Joe N", "--email", "JOSE@example.com")
    csv_only = tmp_path / "Connections.csv"
    csv_only.write_bytes(connections_csv([CONNECTIONS[1]]))
    result = cli("import", "linkedin", str(csv_only))
    assert "0 created, 1 updated" in result.out
    assert rows(db_url, "SELECT count(*) FROM contact") == [(1,)]


def test_dry_run_writes_nothing(cli, db_url, tmp_path):
    cli("today")  # the database exists
    result = cli("import", "linkedin", str(write_zip(tmp_path / "e.zip")), "--dry-run")
    assert result.code == 0
    assert "dry run: nothing was written" in result.out
    assert "4 created" in result.out
    assert rows(db_url, "SELECT count(*) FROM contact") == [(0,)]
    assert rows(db_url, "SELECT count(*) FROM invite") == [(0,)]
    assert rows(db_url, "SELECT count(*) FROM company") == [(0,)]
    assert rows(db_url, "SELECT count(*) FROM interaction") == [(0,)]


def test_folder_and_single_csvs(cli, db_url, tmp_path):
    folder = write_folder(tmp_path / "Basic_LinkedInDataExport_11-22-2026")
    assert cli("import", "linkedin", str(folder)).code == 0
    assert rows(db_url, "SELECT count(*) FROM contact") == [(4,)]
    old = tmp_path / "Invitations.csv"
    old.write_bytes(invitations_csv(old=True))  # older exports: five columns only
    result = cli("import", "linkedin", str(old))
    assert result.code == 0, result.err
    assert "invitations: 0 added, 2 already known" in result.out  # no URLs: name and time
    assert rows(db_url, "SELECT count(*) FROM contact") == [(4,)]


def test_json_report(cli, tmp_path):
    import json

    result = cli("import", "linkedin", str(write_zip(tmp_path / "e.zip")), "--json")
    data = json.loads(result.out)
    assert data["created"] == 4
    assert data["rejected"][0]["line"] == 8
    assert data["rejected"][0]["file"].endswith("Connections.csv")


def test_a_recommendation_over_the_limit_is_rejected_with_its_line(cli, db_url, tmp_path):
    huge = "x" * 20_001
    path = tmp_path / "Recommendations_Given.csv"
    path.write_bytes(
        recommendations_csv(True, [("Ana", "Lima", "", "", huge, "10/12/26, 04:30 PM", "VISIBLE")])
    )
    cli("import", "linkedin", str(write_zip(tmp_path / "people.zip")))
    result = cli("import", "linkedin", str(path))
    assert result.code == 0, result.err
    assert f"{path}:2: the text" in result.out
    count = "SELECT count(*) FROM interaction WHERE kind = 'recommendation' AND direction = 'gave'"
    assert rows(db_url, count) == [(1,)]  # only the one from the ZIP
