"""Imports never merge two people by mistake: the identity rule (services/identity.py)
over real files, the real CLI and a real database, one test per case seen in the issue."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from sqlalchemy import func, select

from netday.services.context import Context
from netday.store.models import Company, Contact, ContactDetail, Interaction, Invite
from tests.io.linkedin_export import (
    INVITATIONS_HEADER,
    MESSAGES_HEADER,
    connections_csv,
    csv_text,
)

ROOT = Path(__file__).resolve().parents[2]


def contacts(ctx: Context) -> list[tuple[str, str, str, str, str]]:
    """(name, company, role, profile URL, e-mail) of every contact, by id."""
    with ctx.db.reading() as session:
        rows = session.execute(
            select(
                Contact.full_name, Company.name, Contact.role, Contact.profile_url, Contact.email
            )
            .outerjoin(Company, Company.id == Contact.company_id)
            .order_by(Contact.id)
        )
        return [(n, c or "", r, u, e) for n, c, r, u, e in rows]


def one(ctx: Context, name: str) -> Contact:
    with ctx.db.reading() as session:
        contact = session.scalars(select(Contact).where(Contact.full_name == name)).one()
        session.expunge(contact)
        return contact


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def url(slug: str) -> str:
    return f"https://www.linkedin.com/in/{slug}"


def test_namesakes_with_different_urls_stay_different_people(cli, ctx, tmp_path):
    rows = [
        ("John", "Smith", url("john-smith-1"), "", "IBM", "Engineer", "01 Mar 2020"),
        ("John", "Smith", url("john-smith-2"), "", "IBM", "Architect", "02 Mar 2020"),
        ("Giulia", "Bruno", url("giulia-1"), "", "Enel", "Analyst", "03 Mar 2020"),
        ("Giulia", "Bruno", url("giulia-2"), "", "Enel", "Director", "04 Mar 2020"),
        ("Giulia", "Bruno", url("giulia-3"), "", "Enel", "Intern", "05 Mar 2020"),
        ("Sam", "Lee", url("sam-lee-1"), "", "", "", "06 Mar 2020"),
        ("Sam", "Lee", url("sam-lee-2"), "", "", "", "07 Mar 2020"),
    ]  # fmt: skip
    path = write(tmp_path / "Connections.csv", connections_csv(rows))
    result = cli("import", "linkedin", str(path))
    assert "contacts: 7 created, 0 updated, 0 unchanged" in result.out, result.out
    assert [(c[0], c[2], c[3]) for c in contacts(ctx)] == [
        (f"{r[0]} {r[1]}", r[5], r[2]) for r in rows
    ]
    again = cli("import", "linkedin", str(path))
    assert "contacts: 0 created, 0 updated, 7 unchanged" in again.out, again.out


def test_the_benchmark_file_creates_one_contact_per_person(cli, ctx, tmp_path):
    spec = importlib.util.spec_from_file_location("bench_imports", ROOT / "benchmarks/imports.py")
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    data = bench.connections(1500)
    assert bench.distinct_people(data) == 1500
    result = cli("import", "linkedin", str(write(tmp_path / "Connections.csv", data)), "--json")
    assert bench.created_count(result.out) == 1500


def test_an_email_does_not_turn_one_person_into_another(cli, ctx, tmp_path):
    cli("contact", "add", "Alice Wong", "--email", "alice@example.com", "--notes", "met at PyCon")
    rows = [("Bob", "Stone", url("bob-stone"), "ALICE@example.com", "Bar Ltd", "Intern", "")]
    path = write(tmp_path / "Connections.csv", connections_csv(rows))
    result = cli("import", "linkedin", str(path))
    assert "contacts: 1 created, 0 updated, 0 unchanged" in result.out, result.out
    assert contacts(ctx) == [
        ("Alice Wong", "", "", "", "alice@example.com"),
        ("Bob Stone", "Bar Ltd", "Intern", url("bob-stone"), "ALICE@example.com"),
    ]
    assert one(ctx, "Alice Wong").notes == "met at PyCon"
    # Later imports find Bob by his URL and leave Alice alone.
    again = cli("import", "linkedin", str(path))
    assert "contacts: 0 created, 0 updated, 1 unchanged" in again.out, again.out
    assert contacts(ctx)[0] == ("Alice Wong", "", "", "", "alice@example.com")


def test_an_email_is_evidence_when_it_is_hers_alone(cli, ctx, tmp_path):
    cli("contact", "add", "Alice Wong", "--email", "alice@example.com")
    rows = [("Alice", "Wong", url("alice-w"), "alice@example.com", "Foo", "CTO", "")]
    result = cli("import", "linkedin", str(write(tmp_path / "C.csv", connections_csv(rows))))
    assert "contacts: 0 created, 1 updated" in result.out, result.out
    assert contacts(ctx) == [("Alice Wong", "Foo", "CTO", url("alice-w"), "alice@example.com")]
    assert "matched by name only" not in result.out


def test_a_shared_email_is_no_evidence(cli, ctx, tmp_path):
    cli("contact", "add", "Ann Park", "--email", "family@example.com")
    cli("contact", "add", "Ann Park", "--email", "family@example.com", "--phone", "+1 555 0100")
    rows = [("Ann", "Park", url("ann-park"), "family@example.com", "Acme", "CFO", "")]
    result = cli("import", "linkedin", str(write(tmp_path / "C.csv", connections_csv(rows))))
    assert "contacts: 1 created, 0 updated" in result.out, result.out
    # Two rows of one file with different URLs sharing an address: neither matches by it.
    cli("contact", "add", "Kai Moss", "--email", "team@example.com")
    rows = [
        ("Kai", "Moss", url("kai-1"), "team@example.com", "", "", ""),
        ("Kai", "Moss", url("kai-2"), "team@example.com", "", "", ""),
    ]  # fmt: skip
    result = cli("import", "linkedin", str(write(tmp_path / "D.csv", connections_csv(rows))))
    assert "contacts: 2 created, 0 updated" in result.out, result.out
    assert [c[3] for c in contacts(ctx) if c[0] == "Kai Moss"] == ["", url("kai-1"), url("kai-2")]


VCARDS = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Frank Miller\r\nORG:Globex\r\nTITLE:Buyer\r\n"
    "EMAIL:eve@example.com\r\nTEL:+44 20 7946 0000\r\nEND:VCARD\r\n"
)


def test_a_card_with_her_email_does_not_become_her(cli, ctx, tmp_path):
    cli("contact", "add", "Eve Adams", "--email", "eve@example.com", "--company", "Initech")
    result = cli("import", "vcard", str(write(tmp_path / "f.vcf", VCARDS.encode())))
    assert "contacts: 1 created, 0 updated" in result.out, result.out
    assert contacts(ctx) == [
        ("Eve Adams", "Initech", "", "", "eve@example.com"),
        ("Frank Miller", "Globex", "Buyer", "", "eve@example.com"),
    ]
    assert one(ctx, "Eve Adams").phone == ""


def _messages(rows: list[tuple[str, str, str, str, str]]) -> bytes:
    """messages.csv rows (from, from URL, to, to URL, when); 'me' is in every one."""
    full = [("c", "", f, fu, t, tu, at, "", "hi", "INBOX") for f, fu, t, tu, at in rows]
    return csv_text(MESSAGES_HEADER, full).encode("utf-8")


ME = ("Me Myself", url("me"))


def test_a_namesake_stranger_gets_no_credit_and_no_invitation(cli, ctx, tmp_path):
    rows = [("Maria", "Rossi", url("maria-rossi"), "", "Enel", "PM", "01 Mar 2020")]
    cli("import", "linkedin", str(write(tmp_path / "C.csv", connections_csv(rows))))
    cli("triage", "Maria", "a")
    due_before = one(ctx, "Maria Rossi").next_due_on
    stranger = ("Maria Rossi", url("another-maria"))
    talk = [
        (*stranger, *ME, "2026-11-20 10:00:00 UTC"),
        (*ME, "Kim Park", url("kim-park"), "2026-11-19 10:00:00 UTC"),
    ]
    result = cli("import", "linkedin", str(write(tmp_path / "messages.csv", _messages(talk))))
    assert result.code == 0, result.err
    with ctx.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Interaction)) == 0
    assert one(ctx, "Maria Rossi").next_due_on == due_before
    invitation = [("Maria Rossi", "Me Myself", "11/20/26, 9:05 AM", "", "INCOMING", stranger[1],
                   ME[1])]  # fmt: skip
    path = write(tmp_path / "Invitations.csv", csv_text(INVITATIONS_HEADER, invitation).encode())
    assert cli("import", "linkedin", str(path)).code == 0
    with ctx.db.reading() as session:
        assert session.execute(select(Invite.name, Invite.contact_id)).all() == [
            ("Maria Rossi", None)
        ]


def test_without_urls_a_unique_name_links_and_is_reported(cli, ctx, tmp_path):
    cli("contact", "add", "Lee Wong", "--every", "3 weeks")
    lee = one(ctx, "Lee Wong")
    talk = [
        ("Lee Wong", "", *ME, "2026-11-20 10:00:00 UTC"),
        (*ME, "Kim Park", "", "2026-11-19 10:00:00 UTC"),
    ]
    result = cli("import", "linkedin", str(write(tmp_path / "messages.csv", _messages(talk))))
    assert "days of messages learned: 1" in result.out, result.out
    assert "matched by name only" in result.out
    assert f"messages.csv:2: messages with Lee Wong -> #{lee.id} Lee Wong" in result.out
    data = json.loads(cli("import", "linkedin", str(tmp_path / "messages.csv"), "--json").out)
    assert data["name_only"] == []  # already learned: nothing new was matched


def test_a_unique_name_and_company_match_is_listed(cli, ctx, tmp_path):
    cli("contact", "add", "Eve Stone", "--company", "Hooli", "--why", "ex-colleague")
    rows = [("Eve", "Stone", url("eve"), "", "Hooli", "PM", "21 Nov 2026")]
    result = cli("import", "linkedin", str(write(tmp_path / "C.csv", connections_csv(rows))))
    assert "contacts: 0 created, 1 updated" in result.out, result.out
    eve = one(ctx, "Eve Stone")
    assert f"C.csv:5: Eve Stone -> #{eve.id} Eve Stone" in result.out
    data = json.loads(cli("import", "linkedin", str(tmp_path / "C.csv"), "--json", "--dry-run").out)
    assert data["name_only"] == []  # the URL now decides
    # Two namesakes at the company: the name decides nothing.
    cli("contact", "add", "Tom Hart", "--company", "Hooli")
    cli("contact", "add", "Tom Hart", "--company", "Hooli")
    rows = [("Tom", "Hart", url("tom"), "", "Hooli", "PM", "")]
    result = cli("import", "linkedin", str(write(tmp_path / "D.csv", connections_csv(rows))))
    assert "contacts: 1 created, 0 updated" in result.out, result.out


OLD_EXPORT = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Nina Kay\r\nORG:Acme\r\nTITLE:CTO\r\n"
    "EMAIL:nina@example.com\r\nX-NETDAY-TIER:C\r\nX-NETDAY-CIRCLE:professional\r\n"
    "X-NETDAY-CADENCE:every 4 months\r\nX-NETDAY-WHY:old reason\r\nEND:VCARD\r\n"
)


def test_reimporting_an_old_export_keeps_what_the_user_typed_since(cli, ctx, tmp_path):
    path = write(tmp_path / "old.vcf", OLD_EXPORT.encode())
    assert "1 created" in cli("import", "vcard", str(path)).out
    nina = one(ctx, "Nina Kay")
    assert (nina.tier, nina.why, nina.cadence_every, nina.cadence_unit) == (
        "C",
        "old reason",
        4,
        "months",
    )
    edit = ["--name", "Nina Kay-Lund", "--tier", "A", "--why", "now my mentor"]
    cli("contact", "edit", "Nina", *edit, "--every", "3 weeks", "--notes", "mine")
    before = one(ctx, "Nina Kay-Lund")
    result = cli("import", "vcard", str(path))
    assert "0 created, 0 updated, 1 unchanged" in result.out, result.out
    after = one(ctx, "Nina Kay-Lund")
    for column in ("full_name", "tier", "circle", "why", "notes", "cadence_every", "cadence_unit",
                   "next_due_on", "triage", "role"):  # fmt: skip
        assert getattr(after, column) == getattr(before, column), column


def test_file_fields_follow_their_own_source_and_only_fill_others(cli, ctx, tmp_path):
    cli("contact", "add", "Omar Diaz", "--company", "Own Co", "--email", "omar@example.com")
    rows = [
        ("Omar", "Diaz", url("omar"), "omar@example.com", "LinkedIn Co", "VP", "01 Mar 2020"),
        ("Ines", "Roy", url("ines"), "", "Old Co", "Dev", "02 Mar 2020"),
    ]  # fmt: skip
    cli("import", "linkedin", str(write(tmp_path / "A.csv", connections_csv(rows))))
    rows = [
        ("Omar", "Diaz", url("omar"), "", "Newer Co", "SVP", "01 Mar 2020"),
        ("Ines", "Roy", url("ines"), "", "New Co", "Lead", "02 Mar 2020"),
    ]  # fmt: skip
    cli("import", "linkedin", str(write(tmp_path / "B.csv", connections_csv(rows))))
    # Omar was typed in netday: the file filled his empty title, never his company.
    # Ines came from LinkedIn: her job follows LinkedIn.
    assert [c[:3] for c in contacts(ctx)] == [
        ("Omar Diaz", "Own Co", "VP"),
        ("Ines Roy", "New Co", "Lead"),
    ]


def test_records_over_a_limit_are_rejected_with_file_and_line(cli, ctx, tmp_path):
    rows = [
        ("Ana", "Lima", url("ana"), "", "Acme", "CTO", ""),
        ("X" * 300, "Y", url("long"), "", "", "", ""),
        ("Bo\x1b]0;pwned\x07", "Chen", url("bo"), "", "Glo\u0085bex", "", ""),
    ]  # fmt: skip
    result = cli("import", "linkedin", str(write(tmp_path / "C.csv", connections_csv(rows))))
    assert "contacts: 2 created, 0 updated, 0 unchanged, 1 rejected" in result.out, result.out
    assert "C.csv:6: the name is longer than 200 characters (302)" in result.out
    assert [c[:2] for c in contacts(ctx)] == [("Ana Lima", "Acme"), ("Bo]0;pwned Chen", "Glo bex")]
    invitation = [("Zed", "Me Myself", "11/20/26, 9:05 AM", "x" * 20_001, "INCOMING", url("zed"),
                   ME[1])]  # fmt: skip
    path = write(tmp_path / "Invitations.csv", csv_text(INVITATIONS_HEADER, invitation).encode())
    result = cli("import", "linkedin", str(path))
    assert "Invitations.csv:2: the message is longer than 20,000 characters" in result.out
    with ctx.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Invite)) == 0
        assert session.scalar(select(func.count()).select_from(ContactDetail)) == 0
