"""Opportunities: stored as typed, proposed to the people they fit (with reasons, never
the archived, the circle respected), shared with a personal line as a light touch that
counts as giving, and every change taken back exactly."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from netday.errors import NetdayError, NotFound
from netday.services import opportunities as opp
from netday.services.contacts import (
    ContactFields,
    add_contact,
    edit_contact,
    set_archived,
    show_contact,
)
from netday.services.context import Context
from netday.services.invites import add_template
from netday.services.journal import delete_interaction, log_interaction
from netday.services.undo import undo_last
from netday.store.models import Contact, Interaction, Opportunity, OpportunityShare
from tests.services.test_undo import dump


def someone(ctx: Context, name: str, **fields: object) -> int:
    return add_contact(ctx, ContactFields(full_name=name, **fields)).id  # type: ignore[arg-type]


def stored(ctx: Context) -> list[tuple]:
    with ctx.db.reading() as s:
        return [
            (o.title, o.kind, o.url, o.on_date, tuple(t.tag for t in o.tags), o.notes, o.closed_at)
            for o in s.scalars(select(Opportunity).order_by(Opportunity.id))
        ]


def test_an_opportunity_is_stored_cleaned_and_listed_dated_first(ctx: Context) -> None:
    later = opp.add_opportunity(ctx, "Blog post on hiring", "article")
    soon = opp.add_opportunity(
        ctx,
        "  PyCon\x1b[31m call for speakers ",
        "call-for-speakers",
        url="https://pycon.example.org/cfp",
        on=ctx.today() + dt.timedelta(days=10),
        tags=("Python", "speaker", "python", " "),
        notes="talks\non data",
    )
    assert stored(ctx) == [
        ("Blog post on hiring", "article", "", None, (), "", None),
        (
            "PyCon[31m call for speakers",
            "call-for-speakers",
            "https://pycon.example.org/cfp",
            ctx.today() + dt.timedelta(days=10),
            ("python", "speaker"),
            "talks\non data",
            None,
        ),
    ]
    assert [o.id for o in opp.list_opportunities(ctx)] == [soon.id, later.id]
    assert opp.open_count(ctx) == 2


@pytest.mark.parametrize(
    ("title", "kind", "url", "message"),
    [
        ("   ", "job", "", "give the opportunity a title"),
        ("x" * 201, "job", "", "longer than 200"),
        ("A job", "gig", "", "one of event, webinar, article, job, call-for-speakers"),
        ("A job", "job", "not a url", "not a web address"),
        ("A job", "job", "https://e.com/" + "x" * 1000, "longer than 1,000"),
    ],
)
def test_an_opportunity_that_does_not_read_is_refused_and_nothing_stored(
    ctx: Context, title: str, kind: str, url: str, message: str
) -> None:
    with pytest.raises(NetdayError, match=message):
        opp.add_opportunity(ctx, title, kind, url=url)
    assert stored(ctx) == []


def test_proposals_give_reasons_rank_and_leave_out_archived_personal_and_shared(
    ctx: Context,
) -> None:
    ana = someone(ctx, "Ana Souza", tags=("python",), role="Software Engineer")
    bo = someone(ctx, "Bo Lind", company="Acme Analytics", role="Sales Director")
    cy = someone(ctx, "Cy Park", role="Backend developer")
    di = someone(ctx, "Di Moss", tags=("python",), circle="personal")
    someone(ctx, "Ed Friend", role="Engineer", circle="personal")
    fay = someone(ctx, "Fay Old", tags=("python",))
    set_archived(ctx, str(fay))
    gus = someone(ctx, "Gus Event")
    log_interaction(
        ctx,
        str(gus),
        kind="event",
        summary="Met at the Python meetup in Lisbon",
        at=ctx.now() - dt.timedelta(days=10),
    )
    someone(ctx, "Hal Nobody", role="Chef")
    job = opp.add_opportunity(ctx, "Python engineer at Acme Analytics", "job", tags=("python",))
    detail = opp.opportunity_detail(ctx, job.id)
    found = {p.contact_id: p.reasons for p in detail.proposals}
    assert set(found) == {ana, bo, cy, di, gus}  # not Ed (personal), Fay (archived), Hal
    assert found[ana] == (
        "shares #python",
        "same role family (engineering)",
        "never heard from you",
    )
    assert found[bo] == ("works at Acme Analytics", "never heard from you")
    assert found[cy] == ("same role family (engineering)", "never heard from you")
    assert found[di] == ("shares #python", "never heard from you")
    assert found[gus] == ("met at a similar event",)
    assert detail.proposals[0].contact_id == ana
    opp.share_opportunity(ctx, job.id, "ana", "Ana, this one has your name on it")
    again = opp.opportunity_detail(ctx, job.id)
    assert ana not in {p.contact_id for p in again.proposals}
    assert [(s.contact_id, s.summary) for s in again.shares] == [
        (ana, "Shared Python engineer at Acme Analytics: Ana, this one has your name on it")
    ]
    assert again.opportunity.shared == 1


def test_a_share_is_giving_and_a_light_touch_that_leaves_the_cadence(ctx: Context) -> None:
    from netday.scheduling.cadence import Cadence

    ana = add_contact(
        ctx, ContactFields(full_name="Ana Souza", cadence=Cadence.parse_every("3 weeks"))
    )
    log_interaction(ctx, "ana", kind="call", at=ctx.now() - dt.timedelta(days=30))
    ana = edit_contact(ctx, "ana", ContactFields())
    talk = opp.add_opportunity(ctx, "A talk on hiring", "event")
    with ctx.db.reading() as s:
        due_before = s.get_one(Contact, ana.id).next_due_on
    share = opp.share_opportunity(ctx, talk.id, "ana", "Thought of you, Ana")
    with ctx.db.reading() as s:
        assert s.get_one(Contact, ana.id).next_due_on == due_before
        row = s.get_one(Interaction, share.interaction_id)
        assert (row.kind, row.direction) == ("share", "gave")
        assert s.scalars(select(OpportunityShare.opportunity_id)).all() == [talk.id]
    detail = show_contact(ctx, "ana")
    assert (detail.gave, detail.last_conversation) == (1, (ctx.today() - dt.timedelta(days=30)))


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("   ", "a share needs a personal line: say why it made you think of Ana"),
        ("Thought you would like this", "does not name Ana"),
        ("Hi Ana, sharing what I find useful", "template word for word"),
        ("Ana " + "x" * 500, "longer than 500"),
    ],
)
def test_a_share_without_a_personal_line_is_refused(ctx: Context, line: str, message: str) -> None:
    someone(ctx, "Ana Souza")
    add_template(ctx, "share", "Hi Ana, sharing what I find useful")
    talk = opp.add_opportunity(ctx, "A talk", "event")
    before = dump(ctx)
    with pytest.raises(NetdayError, match=message):
        opp.share_opportunity(ctx, talk.id, "ana", line)
    assert dump(ctx) == before


def test_a_share_is_refused_twice_closed_or_archived(ctx: Context) -> None:
    someone(ctx, "Ana Souza")
    bo = someone(ctx, "Bo Lind")
    talk = opp.add_opportunity(ctx, "A talk", "event")
    opp.share_opportunity(ctx, talk.id, "ana", "Ana, come along")
    with pytest.raises(NetdayError, match="already shared with Ana Souza on 2026"):
        opp.share_opportunity(ctx, talk.id, "ana", "Ana, again")
    set_archived(ctx, str(bo))
    with pytest.raises(NetdayError, match="Bo Lind is archived"):
        opp.share_opportunity(ctx, talk.id, str(bo), "Bo, come along")
    opp.close_opportunity(ctx, talk.id)
    with pytest.raises(NetdayError, match="is closed"):
        opp.share_opportunity(ctx, talk.id, "ana", "Ana, late")
    with pytest.raises(NotFound, match="no opportunity has id 99"):
        opp.share_opportunity(ctx, 99, "ana", "Ana")
    assert opp.opportunity_detail(ctx, talk.id).proposals == ()


def test_close_reopen_edit_delete(ctx: Context) -> None:
    someone(ctx, "Ana Souza")
    talk = opp.add_opportunity(ctx, "A talk", "event", on=ctx.today(), tags=("x",))
    closed = opp.close_opportunity(ctx, talk.id)
    assert not closed.is_open and opp.list_opportunities(ctx) == ()
    assert [o.id for o in opp.list_opportunities(ctx, include_closed=True)] == [talk.id]
    with pytest.raises(NetdayError, match="already closed"):
        opp.close_opportunity(ctx, talk.id)
    assert opp.close_opportunity(ctx, talk.id, closed=False).is_open
    edited = opp.edit_opportunity(ctx, talk.id, title="The talk", tags=("y", "Z"), clear_on=True)
    assert (edited.title, edited.tags, edited.on_date) == ("The talk", ("y", "z"), None)
    share = opp.share_opportunity(ctx, talk.id, "ana", "Ana, see you there")
    opp.delete_opportunity(ctx, talk.id)
    assert stored(ctx) == []
    with ctx.db.reading() as s:  # the share stays in the log, unlinked
        assert s.get(Interaction, share.interaction_id) is not None
        assert s.scalars(select(OpportunityShare)).all() == []


def test_deleting_the_share_interaction_unlinks_it(ctx: Context) -> None:
    someone(ctx, "Ana Souza")
    talk = opp.add_opportunity(ctx, "A talk", "event")
    share = opp.share_opportunity(ctx, talk.id, "ana", "Ana, see you there")
    before = dump(ctx)
    delete_interaction(ctx, share.interaction_id)
    detail = opp.opportunity_detail(ctx, talk.id)
    assert (detail.shares, detail.opportunity.shared) == ((), 0)
    assert undo_last(ctx)  # the link the database removed with it comes back too
    assert dump(ctx) == before
    assert opp.opportunity_detail(ctx, talk.id).opportunity.shared == 1


UNDOABLE = {
    "add": lambda c, o: opp.add_opportunity(c, "Another", "webinar", tags=("a",)),
    "share": lambda c, o: opp.share_opportunity(c, o, "ana", "Ana, for you"),
    "close": lambda c, o: opp.close_opportunity(c, o),
    "edit": lambda c, o: opp.edit_opportunity(c, o, title="New", tags=("b",), notes="n"),
    "delete": lambda c, o: opp.delete_opportunity(c, o),
}


@pytest.mark.parametrize("action", UNDOABLE)
def test_each_change_is_undone_exactly(ctx: Context, action: str) -> None:
    someone(ctx, "Ana Souza")
    talk = opp.add_opportunity(ctx, "A talk", "event", tags=("t",))
    opp.share_opportunity(ctx, talk.id, "ana", "Ana, see you there") if action == "delete" else None
    before = dump(ctx)
    UNDOABLE[action](ctx, talk.id)
    assert dump(ctx) != before
    assert undo_last(ctx)
    assert dump(ctx) == before


def test_reopen_is_undone_exactly(ctx: Context) -> None:
    talk = opp.add_opportunity(ctx, "A talk", "event")
    opp.close_opportunity(ctx, talk.id)
    before = dump(ctx)
    opp.close_opportunity(ctx, talk.id, closed=False)
    assert undo_last(ctx).startswith("Reopened")
    assert dump(ctx) == before


def test_deleting_the_person_takes_their_share_and_undo_brings_both_back(ctx: Context) -> None:
    from netday.services.contacts import delete_contact

    ana = someone(ctx, "Ana Souza")
    talk = opp.add_opportunity(ctx, "A talk", "event")
    opp.share_opportunity(ctx, talk.id, "ana", "Ana, see you there")
    before = dump(ctx)
    delete_contact(ctx, str(ana))
    assert opp.opportunity_detail(ctx, talk.id).opportunity.shared == 0
    assert undo_last(ctx)
    assert dump(ctx) == before
