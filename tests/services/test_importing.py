"""The import service on its own: batches of records handed to `run_import` directly.

The readers (tests/io) and the identity rule (test_identity.py) have their own tests;
these check what `run_import` does with records: who is created, what a re-import may
change on a contact the user owns, what a dry run leaves behind.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from netday.scheduling.cadence import Cadence
from netday.services.contacts import ContactFields, add_contact, edit_contact
from netday.services.context import Context
from netday.services.importing import ImportReport, run_import
from netday.services.records import (
    FollowRecord,
    ImportBatch,
    InviteRecord,
    NetdayFields,
    Origin,
    PersonRecord,
    TalkRecord,
)
from netday.store.models import Company, Contact, Interaction, Invite

ANA_URL = "https://www.linkedin.com/in/ana-souza"
BO_URL = "https://www.linkedin.com/in/bo-chen"


def at(line: int) -> Origin:
    return Origin("Connections.csv", line)


def ana(**changes: object) -> PersonRecord:
    fields: dict[str, object] = {
        "origin": at(2),
        "source": "linkedin",
        "full_name": "Ana Souza",
        "company": "Acme",
        "role": "CTO",
        "profile_url": ANA_URL,
        "emails": ("ana@acme.example",),
        "tags": ("python",),
        "connected_on": dt.date(2026, 10, 1),
    }
    fields.update(changes)
    return PersonRecord(**fields)


def bo() -> PersonRecord:
    return PersonRecord(
        at(3),
        "linkedin",
        "Bo Chen",
        company="Initech",
        profile_url=BO_URL,
        phones=("+1 555 010 0200",),
    )


def people(*records: PersonRecord) -> ImportBatch:
    return ImportBatch("linkedin", ("Connections.csv",), people=records)


def contact_named(ctx: Context, name: str) -> dict[str, object]:
    """The stored contact as plain values (company name, tags and details included)."""
    with ctx.db.reading() as s:
        c = s.scalars(select(Contact).where(Contact.full_name == name)).one()
        return {
            "company": c.company.name if c.company else None,
            "role": c.role,
            "email": c.email,
            "phone": c.phone,
            "profile_url": c.profile_url,
            "why": c.why,
            "notes": c.notes,
            "tier": c.tier,
            "circle": c.circle,
            "triage": c.triage,
            "cadence": c.cadence_kind,
            "connected_on": c.connected_on,
            "source": c.source,
            "tags": sorted(t.tag for t in c.tags),
            "details": sorted((d.kind, d.value) for d in c.details),
        }


def count(ctx: Context, model: type) -> int:
    with ctx.db.reading() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_new_people_arrive_to_triage_without_a_cadence(ctx: Context) -> None:
    report = run_import(ctx, people(ana(urls=("https://ana.example",)), bo()))
    assert (report.created, report.updated, report.unchanged, report.rejected) == (2, 0, 0, ())
    assert report.to_triage == 2 and report.changed_anything
    stored = contact_named(ctx, "Ana Souza")
    assert stored == {
        "company": "Acme",
        "role": "CTO",
        "email": "ana@acme.example",
        "phone": "",
        "profile_url": ANA_URL,
        "why": "",
        "notes": "",
        "tier": "B",
        "circle": "professional",
        "triage": "pending",
        "cadence": None,
        "connected_on": dt.date(2026, 10, 1),
        "source": "linkedin",
        "tags": ["python"],
        "details": [("url", "https://ana.example")],
    }
    assert contact_named(ctx, "Bo Chen")["phone"] == "+1 555 010 0200"
    assert count(ctx, Company) == 2


def test_rows_are_cleaned_or_rejected_with_their_line(ctx: Context) -> None:
    report = run_import(
        ctx,
        people(
            ana(full_name="  Ana\tSouza  ", emails=("not an address", "ana@acme.example")),
            PersonRecord(at(3), "linkedin", "   "),
            PersonRecord(at(4), "linkedin", "Cy Long", role="x" * 201),
        ),
    )
    assert report.created == 1
    assert [str(r) for r in report.rejected] == [
        "Connections.csv:3: no name",
        f"Connections.csv:4: {report.rejected[1].reason}",
    ]
    assert "title" in report.rejected[1].reason
    stored = contact_named(ctx, "Ana Souza")
    assert stored["email"] == "ana@acme.example" and stored["details"] == []


def test_a_reimport_keeps_what_the_user_owns(ctx: Context) -> None:
    run_import(ctx, people(ana()))
    edit_contact(
        ctx,
        "ana souza",
        ContactFields(
            full_name="Ana S.", why="met at PyCon", notes="likes tea", tier="A", circle="personal"
        ),
    )
    newer = ana(
        full_name="Ana Maria Souza",
        company="Globex",
        role="CEO",
        emails=("ana@globex.example",),
        notes="from the file",
        tags=("leader",),
        netday=NetdayFields(tier="C", why="the file's why"),
    )
    report = run_import(ctx, people(newer))
    assert (report.created, report.updated) == (0, 1)
    stored = contact_named(ctx, "Ana S.")
    # Owned by the user: untouched, even by the file's X-NETDAY values.
    assert (stored["why"], stored["notes"], stored["tier"], stored["circle"]) == (
        "met at PyCon",
        "likes tea",
        "A",
        "personal",
    )
    # A LinkedIn connection re-imported from LinkedIn follows it for company and title.
    assert (stored["company"], stored["role"]) == ("Globex", "CEO")
    # Addresses and tags are merged, never replaced.
    assert stored["email"] == "ana@acme.example"
    assert stored["details"] == [("email", "ana@globex.example")]
    assert stored["tags"] == ["leader", "python"]
    again = run_import(ctx, people(newer))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    assert not again.changed_anything


def test_a_file_only_fills_the_gaps_of_a_contact_made_in_netday(ctx: Context) -> None:
    add_contact(
        ctx,
        ContactFields(
            full_name="Ana Souza",
            company="Acme",
            role="",
            profile_url=ANA_URL,
            cadence=Cadence.parse_every("3 weeks"),
        ),
    )
    report = run_import(ctx, people(ana(company="Globex", role="CEO")))
    assert report.updated == 1
    stored = contact_named(ctx, "Ana Souza")
    assert (stored["company"], stored["role"], stored["cadence"]) == ("Acme", "CEO", "relative")
    assert stored["triage"] is None and stored["source"] == ""


def test_a_dry_run_reports_the_same_and_writes_nothing(ctx: Context) -> None:
    batch = ImportBatch(
        "linkedin",
        ("export.zip",),
        people=(ana(), bo()),
        invites=(
            InviteRecord(
                Origin("Invitations.csv", 2),
                "received",
                "Cy Long",
                "https://www.linkedin.com/in/cy",
                "Hello!",
                dt.datetime(2026, 11, 20, 9, 0),
            ),
        ),
        follows=(FollowRecord(Origin("Company Follows.csv", 2), "Hooli"),),
        talks=(
            TalkRecord(Origin("messages.csv", 2), "Bo Chen", BO_URL, dt.datetime(2026, 11, 1, 8)),
        ),
    )
    dry = run_import(ctx, batch, dry_run=True)
    assert dry.dry_run
    assert (dry.created, dry.invites_added, dry.companies_followed) == (2, 1, 1)
    assert dry.conversations_learned == 1 and dry.to_triage == 2
    for model in (Contact, Company, Invite, Interaction):
        assert count(ctx, model) == 0, model
    real = run_import(ctx, batch)
    assert real == ImportReport(**{**dry.__dict__, "dry_run": False})
    assert (count(ctx, Contact), count(ctx, Invite), count(ctx, Interaction)) == (2, 1, 1)


def test_invitations_and_messages_are_learned_once(ctx: Context) -> None:
    run_import(ctx, people(ana(), bo()))
    sent = InviteRecord(
        Origin("Invitations.csv", 2),
        "sent",
        "Ana Souza",
        ANA_URL,
        "Hi Ana",
        dt.datetime(2026, 11, 2, 10, 0),
    )
    talk = TalkRecord(Origin("messages.csv", 2), "Bo Chen", "", dt.datetime(2026, 11, 3, 8))
    batch = ImportBatch("linkedin", ("export.zip",), invites=(sent,), talks=(talk,))
    first = run_import(ctx, batch)
    assert (first.invites_added, first.invites_known, first.conversations_learned) == (1, 0, 1)
    # Bo was matched by his name alone (the message has no profile URL): reported.
    assert [str(n) for n in first.name_only] == [
        f"messages.csv:2: messages with Bo Chen -> #{first.name_only[0].contact_id} Bo Chen"
    ]
    second = run_import(ctx, batch)
    assert (second.invites_added, second.invites_known, second.conversations_learned) == (0, 1, 0)
    with ctx.db.reading() as s:
        invite = s.scalars(select(Invite)).one()
        assert invite.contact_id is not None and invite.status == "pending"
        message = s.scalars(select(Interaction)).one()
        assert (message.kind, message.occurred_at) == ("message", dt.datetime(2026, 11, 3, 8))


def test_netday_fields_give_a_new_contact_its_judgement(ctx: Context) -> None:
    restored = ana(
        netday=NetdayFields(tier="a", circle="Personal", cadence="every 2 weeks", why="mentor")
    )
    assert run_import(ctx, people(restored)).to_triage == 0
    stored = contact_named(ctx, "Ana Souza")
    assert (stored["tier"], stored["circle"], stored["why"]) == ("A", "personal", "mentor")
    assert stored["triage"] is None and stored["cadence"] == "relative"
    bad = run_import(ctx, people(bo_with_tier("Z")))
    assert bad.created == 0 and "X-NETDAY-TIER must be one of A, B, C" in bad.rejected[0].reason


def bo_with_tier(tier: str) -> PersonRecord:
    record = bo()
    return PersonRecord(**{**record.__dict__, "netday": NetdayFields(tier=tier)})
