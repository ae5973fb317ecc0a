"""Events: stored as typed, people planned and met there, meeting someone logged as a
conversation (the cadence restarts), and every change taken back exactly."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from netday.errors import NetdayError, NotFound
from netday.scheduling.cadence import Cadence
from netday.services import events as ev
from netday.services.at_events import planned_on
from netday.services.contacts import ContactFields, add_contact, set_archived
from netday.services.context import Context
from netday.services.journal import delete_interaction
from netday.services.planner import plan_for
from netday.services.undo import undo_last
from netday.store.models import Contact, Event, EventPerson, Interaction
from netday.vocabulary import CallStatus
from tests.services.test_undo import dump


def someone(ctx: Context, name: str) -> int:
    fields = ContactFields(full_name=name, cadence=Cadence.parse_every("3 weeks"))
    return add_contact(ctx, fields).id


def stored(ctx: Context) -> list[tuple]:
    with ctx.db.reading() as s:
        return [
            (e.title, e.on_date, e.place, e.url, e.notes)
            for e in s.scalars(select(Event).order_by(Event.id))
        ]


def links(ctx: Context) -> list[tuple]:
    with ctx.db.reading() as s:
        return [
            (p.event_id, p.contact_id, p.planned, p.met_at, p.interaction_id is not None)
            for p in s.scalars(select(EventPerson).order_by(EventPerson.event_id, "contact_id"))
        ]


def test_an_event_is_stored_cleaned_and_listed_coming_first(ctx: Context) -> None:
    today = ctx.today()
    past = ev.add_event(ctx, "PyData meetup", today - dt.timedelta(days=9), place="Lisbon")
    later = ev.add_event(ctx, "Conf B", today + dt.timedelta(days=30))
    soon = ev.add_event(
        ctx,
        "  Web\x1b[31m Summit ",
        today,
        place=" Altice\nArena ",
        url="https://websummit.example.com",
        notes="hall 2\nbooth 4",
    )
    assert stored(ctx)[2] == (
        "Web[31m Summit",
        today,
        "Altice Arena",
        "https://websummit.example.com",
        "hall 2\nbooth 4",
    )
    assert [e.id for e in ev.list_events(ctx)] == [soon.id, later.id, past.id]


@pytest.mark.parametrize(
    ("fields", "said"),
    [
        ({"title": " "}, "title"),
        ({"title": "x" * 201}, "200"),
        ({"place": "p" * 501}, "500"),
        ({"url": "javascript:alert(1)"}, "web address"),
    ],
)
def test_an_event_is_refused_with_the_reason(ctx: Context, fields: dict, said: str) -> None:
    args = {"title": "Web Summit", "place": "", "url": ""} | fields
    with pytest.raises(NetdayError, match=said):
        ev.add_event(ctx, args.pop("title"), ctx.today(), **args)
    assert stored(ctx) == []


def test_meeting_someone_logs_an_event_and_restarts_the_cadence(ctx: Context) -> None:
    ana, bo = someone(ctx, "Ana Souza"), someone(ctx, "Bo Lind")
    event = ev.add_event(ctx, "Web Summit", ctx.today())
    ev.plan_to_meet(ctx, event.id, ["Ana", str(bo)])
    ev.plan_to_meet(ctx, event.id, ["ana"])  # planned twice: one row
    with ctx.db.reading() as s:
        due_before = s.get(Contact, ana).next_due_on
    assert links(ctx) == [(event.id, ana, True, None, False), (event.id, bo, True, None, False)]
    met = ev.mark_met(ctx, event.id, "Ana", "talked \x1b[2Jabout hiring")
    assert met.summary == "Met at Web Summit: talked [2Jabout hiring"
    with ctx.db.reading() as s:
        kinds = s.execute(select(Interaction.kind, Interaction.occurred_at)).all()
        due = s.get(Contact, ana).next_due_on
    assert kinds == [("event", ctx.now())]
    assert due_before is not None and due is not None and due > due_before
    assert due > ctx.today() + dt.timedelta(days=14)
    detail = ev.event_detail(ctx, event.id)
    assert [(p.contact_name, p.is_met) for p in detail.people] == [
        ("Bo Lind", False),
        ("Ana Souza", True),
    ]
    assert (detail.event.planned, detail.event.met) == (2, 1)
    with pytest.raises(NetdayError, match="already met"):
        ev.mark_met(ctx, event.id, "Ana")


def test_someone_met_at_a_past_event_is_logged_on_its_day(ctx: Context) -> None:
    someone(ctx, "Ana Souza")
    day = ctx.today() - dt.timedelta(days=3)
    event = ev.add_event(ctx, "PyData", day)
    met = ev.mark_met(ctx, event.id, "ana")  # not planned: met anyway
    assert met.met_at == dt.datetime.combine(day, ev.MET_NOON)
    assert met.summary == "Met at PyData"
    assert not met.planned


def test_what_cannot_be_met_is_refused(ctx: Context) -> None:
    someone(ctx, "Ana Souza")
    gone = someone(ctx, "Cy Old")
    set_archived(ctx, str(gone), True)
    coming = ev.add_event(ctx, "Conf", ctx.today() + dt.timedelta(days=2))
    today = ev.add_event(ctx, "Meetup", ctx.today())
    with pytest.raises(NetdayError, match="on the day or after"):
        ev.mark_met(ctx, coming.id, "ana")
    with pytest.raises(NetdayError, match="archived"):
        ev.plan_to_meet(ctx, today.id, [str(gone)])
    with pytest.raises(NetdayError, match="500"):
        ev.mark_met(ctx, today.id, "ana", "x" * 501)
    with pytest.raises(NotFound):
        ev.mark_met(ctx, 999, "ana")
    with pytest.raises(NotFound):
        ev.event_detail(ctx, 10**12)
    assert links(ctx) == []


def test_unplanning_and_deleting_the_logged_meeting(ctx: Context) -> None:
    ana, bo = someone(ctx, "Ana Souza"), someone(ctx, "Bo Lind")
    event = ev.add_event(ctx, "Web Summit", ctx.today())
    ev.plan_to_meet(ctx, event.id, ["ana", "bo"])
    ev.unplan(ctx, event.id, "bo")
    met = ev.mark_met(ctx, event.id, "ana")
    assert met.interaction_id is not None
    delete_interaction(ctx, met.interaction_id)
    assert links(ctx) == [(event.id, ana, True, met.met_at, False)]
    with pytest.raises(NetdayError, match="not planned"):
        ev.unplan(ctx, event.id, str(bo))


def test_people_planned_today_are_read_for_the_plan(ctx: Context) -> None:
    ana, bo = someone(ctx, "Ana Souza"), someone(ctx, "Bo Lind")
    cy = someone(ctx, "Cy Old")
    today = ev.add_event(ctx, "Web Summit", ctx.today())
    other = ev.add_event(ctx, "Later", ctx.today() + dt.timedelta(days=1))
    ev.plan_to_meet(ctx, today.id, ["ana", "bo", "cy"])
    ev.plan_to_meet(ctx, other.id, ["ana"])
    ev.mark_met(ctx, today.id, "bo")
    set_archived(ctx, str(cy), True)
    with ctx.db.reading() as s:
        found = planned_on(s, ctx.today())
    assert [(p.contact_id, p.title) for p in found] == [(ana, "Web Summit")]
    assert bo and cy


def test_every_change_is_taken_back_exactly(ctx: Context) -> None:
    someone(ctx, "Ana Souza")
    someone(ctx, "Bo Lind")
    ids: list[int] = []

    def add() -> None:
        ids.append(ev.add_event(ctx, "Web Summit", ctx.today(), place="Lisbon").id)

    steps = [
        add,
        lambda: ev.plan_to_meet(ctx, ids[-1], ["ana", "bo"]),
        lambda: ev.mark_met(ctx, ids[-1], "ana", "hello Ana"),
        lambda: ev.unplan(ctx, ids[-1], "bo"),
        lambda: ev.edit_event(ctx, ids[-1], title="Web Summit 2026", place="Arena"),
        lambda: ev.delete_event(ctx, ids[-1]),
    ]
    for step in steps:
        before = dump(ctx)
        step()
        assert dump(ctx) != before
        undo_last(ctx)
        assert dump(ctx) == before
        step()


def test_todays_plan_has_the_people_to_meet_at_todays_event(ctx: Context) -> None:
    """Planned before the day's plan is made: "at Web Summit today", first, within the
    budget; met, the call is done."""
    for n in range(8):
        someone(ctx, f"Person{n} Due")
    ana, bo = someone(ctx, "Ana Souza"), someone(ctx, "Bo Lind")
    event = ev.add_event(ctx, "Web Summit", ctx.today())
    ev.plan_to_meet(ctx, event.id, ["ana", "bo"])
    plan = plan_for(ctx, minutes=30)
    assert [(c.contact.id, c.reason.split(" · ")[0]) for c in plan.calls[:2]] == [
        (ana, "at Web Summit today"),
        (bo, "at Web Summit today"),
    ]
    assert len(plan.calls) == 3
    ev.mark_met(ctx, event.id, "ana")
    assert plan_for(ctx).calls[0].status == CallStatus.DONE


def test_planning_someone_today_tops_up_a_plan_with_room(ctx: Context) -> None:
    someone(ctx, "Ana Souza")
    plan_for(ctx, minutes=30)  # nobody else: a plan of one
    cy = add_contact(ctx, ContactFields(full_name="Cy Far")).id
    event = ev.add_event(ctx, "Web Summit", ctx.today())
    ev.plan_to_meet(ctx, event.id, [str(cy)])
    reasons = [c.reason for c in plan_for(ctx).calls if c.contact.id == cy]
    assert [r.split(" · ")[0] for r in reasons] == ["at Web Summit today"]
