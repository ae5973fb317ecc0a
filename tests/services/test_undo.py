"""Undo: each action of the issue taken back exactly, several levels deep, per origin.

Every round trip dumps every table (all rows, all columns, through the services'
own database connection), does the action, undoes it, and dumps again: equal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import delete, func, select

from netday import limits
from netday.errors import NetdayError
from netday.services import (
    contacts,
    invites,
    journal,
    opportunities,
    planner,
    posts,
    promises,
    triage,
)
from netday.services.context import Context
from netday.services.demo import seed_demo
from netday.services.importing import run_import
from netday.services.records import ImportBatch, Origin, PersonRecord
from netday.services.undo import undo_last
from netday.store.models import (
    Base,
    Contact,
    DayPlan,
    Interaction,
    Invite,
    PlanItem,
    Post,
    Promise,
    UndoStep,
)
from netday.vocabulary import CallStatus, InviteDirection, InviteStatus, PostStatus

Dump = dict[str, list[tuple[Any, ...]]]


def dump(ctx: Context) -> Dump:
    """Every row of every table, in a stable order."""
    with ctx.db.reading() as session:
        return {
            table.name: [
                tuple(row)
                for row in session.execute(
                    select(table).order_by(*(table.primary_key.columns or table.columns))
                )
            ]
            for table in Base.metadata.sorted_tables
        }


@pytest.fixture
def network(ctx: Context) -> Context:
    """The demo network (plans, invitations, posts, tags), today's plan made, and three
    people just imported who wait for triage."""
    seed_demo(ctx, 40)
    records = tuple(
        PersonRecord(
            Origin("Connections.csv", line),
            "linkedin",
            name,
            company="Acme",
            profile_url=f"https://www.linkedin.com/in/{name.split()[0].lower()}",
            connected_on=dt.date(2026, 11, line),
        )
        for line, name in enumerate(("Tess Ng", "Ugo Ruiz", "Vik Das"), start=2)
    )
    assert run_import(ctx, ImportBatch("linkedin", ("Connections.csv",), people=records)).created
    planner.plan_for(ctx)
    invites.record_received(ctx, name="Wen Li", message="Hi!")
    invites.record_received(ctx, contact_ref=someone(ctx), message="Hello")
    with ctx.db.transaction() as s:  # a clean slate: nothing to undo yet
        s.execute(delete(UndoStep))
    return ctx


def open_call(ctx: Context) -> str:
    with ctx.db.reading() as s:
        item = s.scalars(
            select(PlanItem)
            .where(PlanItem.plan_date == ctx.today(), PlanItem.status == CallStatus.PLANNED)
            .order_by(PlanItem.position)
        ).first()
        assert item is not None
        return str(item.contact_id)


def pending_invite(ctx: Context, direction: str, *, linked: bool = True) -> int:
    with ctx.db.reading() as s:
        query = select(Invite.id).where(
            Invite.status == InviteStatus.PENDING, Invite.direction == direction
        )
        query = query.where(
            Invite.contact_id.is_not(None) if linked else Invite.contact_id.is_(None)
        )
        found = s.scalars(query.order_by(Invite.id)).first()
        assert found is not None
        return found


def waiting_post(ctx: Context) -> int:
    with ctx.db.reading() as s:
        found = s.scalars(
            select(Post.id).where(Post.status == PostStatus.TO_COMMENT).order_by(Post.id)
        ).first()
        assert found is not None
        return found


def someone(ctx: Context, *, pending_triage: bool = False) -> str:
    with ctx.db.reading() as s:
        query = select(Contact.id).where(Contact.archived.is_(False))
        if pending_triage:
            query = query.where(Contact.triage.is_not(None))
        found = s.scalars(query.order_by(Contact.id.desc())).first()
        assert found is not None
        return str(found)


def a_call_logged_today(ctx: Context) -> int:
    """A call done today from the plan: editing or deleting it touches the plan too."""
    return journal.log_interaction(ctx, open_call(ctx), kind="call", summary="Talked").id


def a_promise(ctx: Context, *, kept: bool = False) -> int:
    """One of the demo ledger's promises, open or kept."""
    with ctx.db.reading() as s:
        found = s.scalars(
            select(Promise.id)
            .where(Promise.done_at.is_not(None) if kept else Promise.done_at.is_(None))
            .order_by(Promise.id)
        ).first()
        assert found is not None
        return found


def an_opportunity(ctx: Context) -> int:
    """The demo's first open opportunity."""
    return opportunities.list_opportunities(ctx)[0].id


def share_proposed(ctx: Context) -> object:
    """Share the demo's first opportunity with the first person proposed for it."""
    found = an_opportunity(ctx)
    first = opportunities.opportunity_detail(ctx, found).proposals[0]
    line = f"{first.name.split()[0]}, this made me think of you"
    return opportunities.share_opportunity(ctx, found, str(first.contact_id), line)


def quick_log(ctx: Context, line: str) -> object:
    """What the quick-log line does with `line` (`{}` standing for someone's name)."""
    with ctx.db.reading() as s:
        name = s.get_one(Contact, int(someone(ctx))).full_name
    kind, who, note = journal.parse_quick_entry(line.format(name))
    return journal.log_interaction(ctx, who, kind=kind, summary=note)


ACTIONS: dict[str, Callable[[Context], object]] = {
    "call done": lambda c: journal.log_interaction(
        c, open_call(c), kind="call", summary="Talked", minutes=12, follow_up_on=c.today()
    ),
    "call not answered": lambda c: journal.log_interaction(
        c, open_call(c), kind="call", summary="Rang twice", outcome="no-answer"
    ),
    "call skipped": lambda c: planner.skip_call(c, open_call(c)),
    "call snoozed": lambda c: planner.snooze_contact(c, open_call(c), dt.date(2026, 11, 27)),
    "interaction logged": lambda c: journal.log_interaction(
        c, someone(c), kind="email", summary="sent the deck", at=c.now() - dt.timedelta(days=2)
    ),
    "quick log": lambda c: quick_log(c, "meeting {}: coffee, talked about hiring"),
    "invitation accepted": lambda c: invites.accept_invite(
        c, pending_invite(c, InviteDirection.RECEIVED)
    ),
    "accepted, a new contact": lambda c: invites.accept_invite(
        c, pending_invite(c, InviteDirection.RECEIVED, linked=False)
    ),
    "invitation declined": lambda c: invites.decline_invite(
        c, pending_invite(c, InviteDirection.RECEIVED)
    ),
    "invitation withdrawn": lambda c: invites.withdraw_invite(
        c, pending_invite(c, InviteDirection.SENT)
    ),
    "invitation followed up": lambda c: invites.follow_up_invite(
        c, pending_invite(c, InviteDirection.SENT), "nudged"
    ),
    "invitation sent": lambda c: invites.send_invite(
        c, "Hi Zed, loved your talk", name="Zed Quinn"
    ),
    "invitation sent to a contact": lambda c: invites.send_invite(
        c, "Hello, let us connect", contact_ref=someone(c)
    ),
    "invitation received": lambda c: invites.record_received(c, contact_ref=someone(c)),
    "triage: tier A": lambda c: triage.decide(c, someone(c, pending_triage=True), "a"),
    "triage: personal": lambda c: triage.decide(c, someone(c, pending_triage=True), "personal"),
    "triage: skip": lambda c: triage.decide(c, someone(c, pending_triage=True), "skip"),
    "triage: archive": lambda c: triage.decide(c, someone(c, pending_triage=True), "archive"),
    "post commented": lambda c: posts.mark_commented(c, waiting_post(c), "Great point"),
    "post skipped": lambda c: posts.skip_post(c, waiting_post(c)),
    "contact archived": lambda c: contacts.set_archived(c, someone(c)),
    "contact added": lambda c: contacts.add_contact(
        c, contacts.ContactFields(full_name="Zoe New", company="Brand New Co", tags=("x", "y"))
    ),
    "contact edited": lambda c: contacts.edit_contact(
        c,
        someone(c),
        contacts.ContactFields(
            company="Another New Co", tags=("z",), notes="moved", cadence=None, tier="A"
        ),
    ),
    "post added": lambda c: posts.add_post(c, someone(c), "https://example.com/p/9", "AI"),
    "promise made": lambda c: promises.add_promise(c, someone(c), "the deck", c.today()),
    "promise received": lambda c: promises.add_promise(
        c, someone(c), "an intro", c.today(), owed_by="them"
    ),
    "promise kept": lambda c: promises.mark_done(c, a_promise(c)),
    "promise reopened": lambda c: promises.mark_done(c, a_promise(c, kept=True), done=False),
    "promise edited": lambda c: promises.edit_promise(
        c, a_promise(c), what="the slides", due=c.today() + dt.timedelta(days=9)
    ),
    "promise deleted": lambda c: promises.delete_promise(c, a_promise(c)),
    "opportunity added": lambda c: opportunities.add_opportunity(
        c, "Rust meetup", "event", tags=("speaker",), on=c.today()
    ),
    "opportunity shared": share_proposed,
    "opportunity closed": lambda c: opportunities.close_opportunity(c, an_opportunity(c)),
    "opportunity edited": lambda c: opportunities.edit_opportunity(
        c, an_opportunity(c), title="PyCon CFP", tags=("python",), clear_on=True
    ),
    "opportunity deleted with its share": lambda c: opportunities.delete_opportunity(
        c, max(opportunities.list_opportunities(c), key=lambda o: o.shared).id
    ),
}

CORRECTIONS: dict[str, Callable[[Context, int], object]] = {
    "interaction edited": lambda c, i: journal.edit_interaction(
        c, i, journal.InteractionChanges(summary="Talked about the move", minutes=20)
    ),
    "interaction moved to yesterday": lambda c, i: journal.edit_interaction(
        c, i, journal.InteractionChanges(at=c.now() - dt.timedelta(days=1))
    ),
    "call was not answered after all": lambda c, i: journal.edit_interaction(
        c, i, journal.InteractionChanges(outcome="message")
    ),
    "interaction deleted": lambda c, i: journal.delete_interaction(c, i),
    "contact deleted with its history": lambda c, i: contacts.delete_contact(
        c, str(journal_contact(c, i))
    ),
}
"""Corrections of a call logged today from the plan (so the plan is touched too)."""


def journal_contact(ctx: Context, interaction_id: int) -> int:
    with ctx.db.reading() as s:
        return s.get_one(Interaction, interaction_id).contact_id


@pytest.mark.parametrize("correction", CORRECTIONS)
def test_a_correction_is_undone_exactly(network: Context, correction: str) -> None:
    logged = a_call_logged_today(network)
    before = dump(network)
    CORRECTIONS[correction](network, logged)
    assert dump(network) != before
    assert undo_last(network)
    assert dump(network) == before


@pytest.mark.parametrize("action", ACTIONS)
def test_undo_restores_exactly_what_was_there(network: Context, action: str) -> None:
    before = dump(network)
    ACTIONS[action](network)
    changed = dump(network)
    assert changed != before
    label = undo_last(network)
    assert label
    assert dump(network) == before


def test_a_plan_made_by_the_action_goes_with_it(ctx: Context) -> None:
    """Skipping a call on a day with no plan yet makes the plan: undo removes it too."""
    seed_demo(ctx, 40)
    today_plan = delete(DayPlan).where(DayPlan.plan_date == ctx.today())
    with ctx.db.transaction() as s:
        s.execute(today_plan)
    before = dump(ctx)
    plan = planner.plan_for(ctx)
    with ctx.db.transaction() as s:
        s.execute(today_plan)
    planner.skip_call(ctx, str(plan.calls[0].contact.id))
    assert undo_last(ctx) == f"Skipped the call with {plan.calls[0].contact.name}"
    assert dump(ctx) == before


def test_restoring_an_archived_contact_is_undone_too(network: Context) -> None:
    who = someone(network)
    contacts.set_archived(network, who)
    before = dump(network)
    summary = contacts.set_archived(network, who, archived=False)
    assert undo_last(network) == f"Restored {summary.name}"
    assert dump(network) == before


def test_several_levels_deep_newest_first(network: Context) -> None:
    states = [dump(network)]
    labels = []
    for action in ("call done", "call skipped", "post commented", "triage: tier A"):
        ACTIONS[action](network)
        states.append(dump(network))
    while len(states) > 1:
        states.pop()
        labels.append(undo_last(network))
        assert dump(network) == states[-1]
    assert labels[0].startswith("Triaged ") and labels[-1].startswith("Logged a call with ")
    with pytest.raises(NetdayError, match="nothing to undo: no command has changed anything"):
        undo_last(network)


def test_each_origin_undoes_only_its_own(network: Context) -> None:
    planner_session = network.in_new_session()
    other_session = network.in_new_session()
    posts.skip_post(planner_session, waiting_post(network))
    after_planner = dump(network)
    planner.skip_call(network, open_call(network))  # from the command line
    with pytest.raises(NetdayError, match="nothing to undo since netday was opened"):
        undo_last(other_session)
    assert undo_last(network).startswith("Skipped the call with ")
    assert dump(network) == after_planner
    with pytest.raises(NetdayError, match="nothing to undo: no command"):
        undo_last(network)
    assert undo_last(planner_session).endswith(" post")


def test_a_row_changed_since_is_not_clobbered(network: Context) -> None:
    planner_session = network.in_new_session()
    who = open_call(network)
    with network.db.reading() as s:
        name = s.get_one(Contact, int(who)).full_name
    planner.snooze_contact(planner_session, who, dt.date(2026, 11, 27))
    contacts.edit_contact(network, who, contacts.ContactFields(notes="met at the fair"))
    changed = dump(network)
    with pytest.raises(NetdayError) as refused:
        undo_last(planner_session)
    assert str(refused.value) == (
        f"{name} was changed since you snoozed {name} until 27 Nov; nothing undone"
    )
    assert dump(network) == changed


def test_a_row_added_since_that_needs_an_inserted_one_stops_the_undo(network: Context) -> None:
    """A contact made by accepting an invitation, then logged with from elsewhere: undoing
    the acceptance would delete that later interaction with it, so it is refused."""
    planner_session = network.in_new_session()
    invite_id = pending_invite(network, InviteDirection.RECEIVED, linked=False)
    view = invites.accept_invite(planner_session, invite_id)
    with network.db.reading() as s:
        contact_id = s.get_one(Invite, invite_id).contact_id
    journal.log_interaction(network, str(contact_id), kind="email", summary="welcome")
    changed = dump(network)
    with pytest.raises(NetdayError, match=f"{view.name} was changed since"):
        undo_last(planner_session)
    assert dump(network) == changed


def test_a_refused_action_leaves_no_step(network: Context) -> None:
    before = dump(network)
    with pytest.raises(NetdayError):
        posts.skip_post(network, 999_999)
    assert dump(network) == before


def test_only_the_newest_steps_are_kept(network: Context) -> None:
    who = someone(network)
    contacts.set_archived(network, who)
    for step in range(limits.UNDO_STEPS):  # restored, archived, restored, ...
        contacts.set_archived(network, who, archived=step % 2 == 1)
    with network.db.reading() as s:
        assert s.scalar(select(func.count()).select_from(UndoStep)) == limits.UNDO_STEPS
        oldest = s.scalars(select(UndoStep.label).order_by(UndoStep.id)).first()
    assert oldest is not None and oldest.startswith("Restored ")
    for _ in range(limits.UNDO_STEPS):
        undo_last(network)
    with pytest.raises(NetdayError, match="nothing to undo"):
        undo_last(network)
    with network.db.reading() as s:
        assert s.get_one(Contact, int(who)).archived is True  # the first step was pruned


def test_tags_kept_replaced_and_added_in_one_edit_come_back(ctx: Context) -> None:
    """Keeping tag `a` while replacing `b` deletes and re-inserts rows with the same key
    in one flush; the step still records each row once, as it was before."""
    ana = contacts.add_contact(ctx, contacts.ContactFields(full_name="Ana", tags=("a", "b")))
    before = dump(ctx)
    contacts.edit_contact(ctx, str(ana.id), contacts.ContactFields(tags=("a", "c")))
    assert dump(ctx) != before
    assert undo_last(ctx) == "Edited Ana"
    assert dump(ctx) == before
