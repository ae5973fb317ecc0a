"""The people list as a service: every filter, every order, pages and their count,
checked against what the database holds."""

from __future__ import annotations

import datetime as dt

import pytest

from netday.errors import NetdayError
from netday.scheduling.cadence import Cadence
from netday.services.contacts import ContactFields, add_contact, edit_contact, set_archived
from netday.services.context import Context
from netday.services.importing import run_import
from netday.services.journal import log_interaction
from netday.services.people import PeopleFilter, list_people, people_page
from netday.services.records import ImportBatch, Origin, PersonRecord
from netday.services.triage import decide, triage_queue
from netday.vocabulary import DueFilter, PeopleSort, TriageFilter
from tests.conftest import TODAY, rows


def _person(
    ctx: Context,
    name: str,
    *,
    every: str | None = "3 weeks",
    tier: str = "B",
    circle: str = "professional",
    company: str | None = None,
    tags: tuple[str, ...] = (),
    talked_days_ago: int | None = None,
) -> int:
    cadence = Cadence.parse_every(every) if every else None
    summary = add_contact(
        ctx,
        ContactFields(
            full_name=name,
            tier=tier,
            circle=circle,
            company=company,
            tags=tags,
            cadence=cadence,
            clear_cadence=cadence is None,
        ),
    )
    if talked_days_ago is not None:
        at = ctx.now() - dt.timedelta(days=talked_days_ago)
        log_interaction(ctx, str(summary.id), kind="call", at=at, summary="catch-up")
    return summary.id


@pytest.fixture
def network(ctx: Context) -> dict[str, int]:
    """Seven people: overdue, due today, due later, without a cadence, archived, and two
    imported (one new, one skipped in triage)."""
    ids = {
        "Ana Souza": _person(
            ctx, "Ana Souza", tier="A", company="Kestrel", tags=("python",), talked_days_ago=30
        ),
        "Bruno Costa": _person(
            ctx, "Bruno Costa", circle="personal", company="Northwind", talked_days_ago=21
        ),
        "Chen Li": _person(
            ctx, "Chen Li", tier="C", company="Kestrel Labs", every=None, talked_days_ago=2
        ),
        "Dora Maar": _person(ctx, "Dora Maar", tags=("python", "art"), talked_days_ago=5),
        "Eve Archived": _person(ctx, "Eve Archived", company="Kestrel"),
    }
    set_archived(ctx, str(ids["Eve Archived"]))
    records = tuple(
        PersonRecord(
            Origin("Connections.csv", line),
            "linkedin",
            name,
            company="Acme",
            profile_url=f"https://www.linkedin.com/in/{name.split()[0].lower()}",
            connected_on=dt.date(2026, 11, 1),
        )
        for line, name in enumerate(("Fay New", "Gus Later"), start=2)
    )
    run_import(ctx, ImportBatch("linkedin", ("Connections.csv",), people=records))
    ids.update({item.name: item.id for item in triage_queue(ctx)})
    decide(ctx, ids["Gus Later"], "skip")
    return ids


def names(ctx: Context, sort: str = PeopleSort.NAME, **filters: object) -> list[str]:
    return [r.summary.name for r in list_people(ctx, PeopleFilter(**filters), sort)]  # type: ignore[arg-type]


def test_every_filter_keeps_what_the_database_says(
    ctx: Context, network: dict[str, int], db_url: str
) -> None:
    def stored(where: str) -> list[str]:
        sql = f"SELECT full_name FROM contact WHERE archived = false AND {where} ORDER BY name_key"
        return [name for (name,) in rows(db_url, sql)]

    today = TODAY.isoformat()
    everyone = ["Ana Souza", "Bruno Costa", "Chen Li", "Dora Maar", "Fay New", "Gus Later"]
    assert names(ctx) == everyone == stored("1 = 1")
    assert names(ctx, circle="personal") == ["Bruno Costa"] == stored("circle = 'personal'")
    assert names(ctx, tier="a") == ["Ana Souza"] == stored("tier = 'A'")
    assert names(ctx, tag="Python") == ["Ana Souza", "Dora Maar"]
    assert names(ctx, company="kestrel") == ["Ana Souza", "Chen Li"]
    assert names(ctx, company="LABS kestrel") == ["Chen Li"]
    due = stored(f"next_due_on <= '{today}'")
    assert names(ctx, due=DueFilter.DUE) == due == ["Ana Souza", "Bruno Costa"]
    assert names(ctx, due=DueFilter.OVERDUE) == stored(f"next_due_on < '{today}'")
    assert names(ctx, due=DueFilter.OVERDUE) == ["Ana Souza"]
    assert names(ctx, triage=TriageFilter.UNTRIAGED) == ["Fay New", "Gus Later"]
    assert names(ctx, triage=TriageFilter.PENDING) == ["Fay New"] == stored("triage = 'pending'")
    assert names(ctx, triage=TriageFilter.SKIPPED) == ["Gus Later"]
    assert names(ctx, triage=TriageFilter.PLACED) == everyone[:4] == stored("triage IS NULL")
    assert names(ctx, archived=True) == ["Eve Archived"]
    # Filters add up.
    assert names(ctx, tag="python", due=DueFilter.DUE) == ["Ana Souza"]
    assert names(ctx, company="kestrel", tier="C", circle="professional") == ["Chen Li"]


def test_the_orders(ctx: Context, network: dict[str, int]) -> None:
    by_due = names(ctx, PeopleSort.NEXT_DUE, triage=TriageFilter.PLACED)
    # Soonest due first; nobody without a cadence before those with one.
    assert by_due == ["Ana Souza", "Bruno Costa", "Dora Maar", "Chen Li"]
    found = list_people(ctx, PeopleFilter(), PeopleSort.LAST_TALK)
    # Most recent conversation first; never talked last (by name).
    assert [r.summary.name for r in found] == [
        "Chen Li",
        "Dora Maar",
        "Bruno Costa",
        "Ana Souza",
        "Fay New",
        "Gus Later",
    ]
    assert [r.last_talk for r in found[:4]] == [
        TODAY - dt.timedelta(days=d) for d in (2, 5, 21, 30)
    ]
    assert found[4].last_talk is None


def test_the_due_order_is_the_planners_next_due(ctx: Context, network: dict[str, int]) -> None:
    """Next due is the stored date the planner plans from: a conversation logged today
    moves Ana from first to after Dora."""
    log_interaction(ctx, str(network["Ana Souza"]), kind="call", summary="caught up")
    edit_contact(ctx, str(network["Ana Souza"]), ContactFields())
    found = list_people(ctx, PeopleFilter(triage=TriageFilter.PLACED), PeopleSort.NEXT_DUE)
    assert [r.summary.name for r in found] == ["Bruno Costa", "Dora Maar", "Ana Souza", "Chen Li"]
    assert found[2].summary.next_due == TODAY + dt.timedelta(weeks=3)
    assert found[2].last_talk == TODAY


def test_pages_cover_the_list_once_with_its_total(ctx: Context) -> None:
    for n in range(25):
        _person(ctx, f"Person {n:02d}", talked_days_ago=n)
    pages = [
        people_page(ctx, PeopleFilter(), PeopleSort.NAME, offset=o, limit=10) for o in (0, 10, 20)
    ]
    assert [p.total for p in pages] == [25, 25, 25]
    assert [p.has_more for p in pages] == [True, True, False]
    shown = [r.summary.name for p in pages for r in p.rows]
    assert shown == [f"Person {n:02d}" for n in range(25)]
    narrowed = people_page(ctx, PeopleFilter(search="person 2"), limit=5)
    assert narrowed.total == 7 and len(narrowed.rows) == 5 and narrowed.has_more  # 02, 12, 20-24


def test_a_word_outside_a_set_is_refused_with_the_choices(ctx: Context) -> None:
    with pytest.raises(NetdayError, match="a circle is one of professional, personal"):
        list_people(ctx, PeopleFilter(circle="family"))
    with pytest.raises(NetdayError, match="an order is one of next-due, last-talk, name"):
        list_people(ctx, PeopleFilter(), "age")
    with pytest.raises(NetdayError, match="a limit"):
        people_page(ctx, limit=10**9)


def test_hostile_filter_text_is_data(ctx: Context) -> None:
    _person(ctx, "Ana Souza", company="100% _Kestrel\\")
    _person(ctx, "Bo Chen", company="1000 Kestrels")
    assert names(ctx, company="100%") == ["Ana Souza"]
    assert names(ctx, company="_kestrel\\") == ["Ana Souza"]
    assert names(ctx, company="\x1b[31m") == []
