"""Merging duplicates: every row counted before and after, nothing lost, nothing doubled."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from netday.errors import NetdayError
from netday.scheduling.cadence import Cadence
from netday.services.contacts import ContactFields, add_contact, edit_contact
from netday.services.context import Context
from netday.services.identity import email_key, phone_key, url_key
from netday.services.importing import run_import
from netday.services.invites import send_invite
from netday.services.journal import log_interaction
from netday.services.merge import find_duplicates, merge_contacts, merge_text
from netday.services.planner import plan_for
from netday.services.posts import add_post
from netday.services.records import ImportBatch, Origin, PersonRecord
from netday.store.models import Base, Contact, Interaction, PlanItem


def counts(ctx: Context) -> dict[str, int]:
    with ctx.db.reading() as session:
        return {
            table.name: session.scalar(select(func.count()).select_from(table)) or 0
            for table in Base.metadata.sorted_tables
        }


def addresses(ctx: Context, contact_id: int) -> list[tuple[str, str]]:
    """Every e-mail, phone and URL of a contact (its columns and its details), as keys."""
    keys = {"email": email_key, "phone": phone_key, "url": url_key}
    with ctx.db.reading() as session:
        c = session.get_one(Contact, contact_id)
        found = [("email", c.email), ("phone", c.phone), ("url", c.profile_url)]
        found += [(d.kind, d.value) for d in c.details]
        return sorted((kind, keys[kind](value)) for kind, value in found if value)


def tags(ctx: Context, contact_id: int) -> list[str]:
    with ctx.db.reading() as session:
        return [t.tag for t in session.get_one(Contact, contact_id).tags]


def two_anas(ctx: Context) -> tuple[int, int]:
    """Ana typed by hand (with the profile URL she had then), and Ana imported from her
    phone's card with today's URL: one person, twice, as only she can tell."""
    keep = add_contact(
        ctx,
        ContactFields(
            full_name="Ana Lima",
            company="Acme",
            email="ana@acme.com",
            profile_url="https://www.linkedin.com/in/ana-lima-old",
            tags=("mentor",),
            why="met at PyCon",
            cadence=Cadence.parse_every("3 weeks"),
        ),
    ).id
    card = PersonRecord(
        origin=Origin("phone.vcf", 1),
        source="vcard",
        full_name="Ana Lima",
        company="Hooli",
        role="CTO",
        profile_url="https://www.linkedin.com/in/ana-lima",
        emails=("ana@home.org", "ANA@acme.com"),
        phones=("+34 600 000 000",),
        notes="from the phone",
        tags=("mentor", "friends"),
    )
    report = run_import(ctx, ImportBatch(kind="vcard", files=("phone.vcf",), people=(card,)))
    assert report.created == 1  # another profile URL: another person, for netday
    with ctx.db.reading() as session:
        other = session.scalar(select(func.max(Contact.id)))
    assert other is not None
    edit_contact(ctx, str(other), ContactFields(cadence=Cadence.parse_every("2 weeks")))
    at = ctx.now() - dt.timedelta(days=40)
    log_interaction(ctx, str(keep), kind="call", at=at, summary="old call")
    log_interaction(ctx, str(other), kind="call", at=at, summary="old call too")
    return keep, other


def test_two_anas_are_listed_as_likely_duplicates(ctx: Context) -> None:
    keep, other = two_anas(ctx)
    found = find_duplicates(ctx)
    assert found.total == 1
    pair = found.pairs[0]
    assert (pair.first.id, pair.second.id) == (keep, other)
    assert pair.evidence == ("same e-mail", "same name")
    assert find_duplicates(ctx, contact_id=other).pairs == found.pairs


def test_merge_moves_every_row_once(ctx: Context) -> None:
    keep, other = two_anas(ctx)
    plan = plan_for(ctx)
    assert {c.contact.id for c in plan.calls} >= {keep, other}  # both planned today
    log_interaction(ctx, str(other), kind="call", summary="caught up")  # ticks OTHER's entry
    send_invite(ctx, "Hi Ana, great to see you at PyCon", contact_ref=str(other))
    add_post(ctx, str(other), "https://example.com/post", excerpt="on hiring")
    plan_for(ctx, ctx.today() - dt.timedelta(days=1))  # yesterday's plan: OTHER only, say
    before = counts(ctx)
    want_addresses = sorted(set(addresses(ctx, keep)) | set(addresses(ctx, other)))
    want_tags = sorted(set(tags(ctx, keep)) | set(tags(ctx, other)))
    with ctx.db.reading() as session:
        other_items = session.scalar(
            select(func.count()).where(PlanItem.contact_id == other).select_from(PlanItem)
        )
        other_interactions = session.scalar(
            select(func.count()).where(Interaction.contact_id == other).select_from(Interaction)
        )

    dry = merge_contacts(ctx, str(keep), str(other), dry_run=True)
    assert counts(ctx) == before  # a dry run writes nothing
    report = merge_contacts(ctx, str(keep), str(other))
    assert (dry.interactions, dry.invites, dry.posts) == (report.interactions, 1, 1)
    assert dry.plan_entries == report.plan_entries and dry.plan_days_joined == (ctx.today(),)

    after = counts(ctx)
    assert after["contact"] == before["contact"] - 1
    for table in ("interaction", "invite", "post", "day_plan", "company", "day_review"):
        assert after[table] == before[table], table
    # One plan entry per person and day: the day both were planned keeps one entry.
    assert after["plan_item"] == before["plan_item"] - 1
    assert report.plan_entries == other_items - 1
    assert report.interactions == other_interactions == 3  # two calls and the invitation
    assert addresses(ctx, keep) == want_addresses
    assert tags(ctx, keep) == want_tags
    assert after["contact_tag"] == len(want_tags)
    assert after["contact_detail"] == len(want_addresses) - 3  # three live on the contact row
    assert ("url", "linkedin.com/in/ana-lima") in want_addresses

    with ctx.db.reading() as session:
        ana = session.get_one(Contact, keep)
        assert session.get(Contact, other) is None
        assert (ana.full_name, ana.company and ana.company.name, ana.role) == (
            "Ana Lima", "Acme", "CTO",
        )  # fmt: skip
        assert ana.why == "met at PyCon" and ana.notes == "from the phone"
        assert ana.cadence_every == 3 and ana.cadence_unit == "weeks"
        assert ana.triage is None
        # Today's call (logged on OTHER) now counts for KEEP: next due moved on.
        assert ana.next_due_on == ctx.today() + dt.timedelta(weeks=3)
        entry = session.scalars(
            select(PlanItem).where(PlanItem.contact_id == keep, PlanItem.plan_date == ctx.today())
        ).one()
        assert entry.status == "done"
    text = "\n".join(merge_text(report))
    assert f"merged #{other} Ana Lima into #{keep} Ana Lima" in text
    assert f"company: kept 'Acme', #{other} had 'Hooli'" in text
    assert f"#{other} Ana Lima was deleted" in text
    assert find_duplicates(ctx).total == 0


def test_merge_refuses_one_contact_twice(ctx: Context) -> None:
    keep, _ = two_anas(ctx)
    with pytest.raises(NetdayError, match="one contact"):
        merge_contacts(ctx, str(keep), f"#{keep}")


def test_cli_lists_and_merges(cli, ctx: Context) -> None:
    keep, other = two_anas(ctx)
    listed = cli("contact", "duplicates")
    assert listed.code == 0, listed.err
    assert f"#{keep} Ana Lima (Acme) and #{other} Ana Lima (Hooli, CTO): same e-mail" in listed.out
    assert f"netday contact merge {keep} {other}" in listed.out
    data = json.loads(cli("contact", "duplicates", "--json").out)
    assert data["total"] == 1 and data["pairs"][0]["evidence"] == ["same e-mail", "same name"]
    dry = cli("contact", "merge", str(keep), str(other), "--dry-run")
    assert "(dry run: nothing was written)" in dry.out and "would be deleted" in dry.out
    assert len(find_duplicates(ctx).pairs) == 1
    done = cli("contact", "merge", str(keep), str(other), "--json")
    assert json.loads(done.out)["other_fate"] == "deleted"
    assert cli("contact", "show", str(other)).code == 1
    assert cli("contact", "duplicates").out.strip() == "no likely duplicates"
