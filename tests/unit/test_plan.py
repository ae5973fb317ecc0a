import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from netday.scheduling.cadence import Cadence
from netday.scheduling.plan import Candidate, PlanLimits, choose_calls, plan_size

TODAY = dt.date(2026, 11, 22)
WEEKS3 = Cadence.parse_every("3 weeks")
QUARTER = Cadence.parse_every("quarterly")


def due(cid: int, days_overdue: int, tier: str = "B", cadence: Cadence = WEEKS3, **kw) -> Candidate:
    return Candidate(
        contact_id=cid,
        tier=tier,
        next_due=TODAY - dt.timedelta(days=days_overdue),
        cadence=cadence,
        **kw,
    )


def test_plan_size_follows_minutes_within_bounds() -> None:
    limits = PlanLimits(minutes_per_call=10, min_calls=3, max_calls=5)
    assert plan_size(0, limits) == 3
    assert plan_size(30, limits) == 3
    assert plan_size(40, limits) == 4
    assert plan_size(300, limits) == 5
    assert plan_size(60, PlanLimits(minutes_per_call=15, min_calls=2, max_calls=8)) == 4


def test_overdue_relative_to_cadence_ranks_first_and_says_why() -> None:
    picks = choose_calls([due(1, 12, cadence=QUARTER), due(2, 12), due(3, 5)], TODAY, size=3)
    assert [p.contact_id for p in picks] == [2, 3, 1]
    assert picks[0].reason == "overdue by 12 days (3-week cadence)"


def test_tier_weighs_in_the_ranking() -> None:
    picks = choose_calls([due(1, 5, tier="C"), due(2, 5, tier="A")], TODAY, size=2)
    assert [p.contact_id for p in picks] == [2, 1]


def test_promised_follow_ups_come_first() -> None:
    promised = Candidate(
        contact_id=9,
        tier="C",
        follow_up_on=TODAY,
        follow_up_kind="promised",
        follow_up_since=dt.date(2026, 11, 2),
    )
    accepted = Candidate(
        contact_id=8,
        tier="C",
        follow_up_on=TODAY - dt.timedelta(days=2),
        follow_up_kind="invite_accepted",
        follow_up_since=TODAY - dt.timedelta(days=2),
    )
    picks = choose_calls([due(1, 30, tier="A"), promised, accepted], TODAY, size=3)
    assert [p.contact_id for p in picks] == [8, 9, 1]
    assert picks[0].reason == "invite accepted 2 days ago"
    assert picks[1].reason == "follow-up promised on 2 Nov"


def test_no_more_than_two_from_one_company() -> None:
    same = [due(i, 10 + i, company_id=7) for i in range(1, 5)]
    picks = choose_calls([*same, due(10, 1, company_id=8)], TODAY, size=4)
    chosen = [p.contact_id for p in picks]
    assert chosen == [4, 3, 10]


def test_snoozed_contacts_are_left_out_until_the_date() -> None:
    snoozed = due(1, 20, snoozed_until=TODAY + dt.timedelta(days=1))
    over = due(2, 20, snoozed_until=TODAY)
    assert [p.contact_id for p in choose_calls([snoozed, over], TODAY, size=3)] == [2]


def test_fills_with_those_due_soonest_within_a_week() -> None:
    soon = [
        Candidate(contact_id=i, tier="B", next_due=TODAY + dt.timedelta(days=d), cadence=WEEKS3)
        for i, d in ((1, 6), (2, 2), (3, 9))
    ]
    picks = choose_calls([due(4, 1), *soon], TODAY, size=5)
    assert [p.contact_id for p in picks] == [4, 2, 1]
    assert picks[1].reason == "due in 2 days (3-week cadence)"


def test_already_chosen_contacts_and_companies_are_respected_when_growing() -> None:
    from collections import Counter

    candidates = [due(1, 9, company_id=5), due(2, 8, company_id=5), due(3, 7)]
    picks = choose_calls(
        candidates, TODAY, size=2, exclude=frozenset({1}), company_counts=Counter({5: 2})
    )
    assert [p.contact_id for p in picks] == [3]


@given(
    st.lists(
        st.tuples(
            st.integers(-10, 60), st.sampled_from("ABC"), st.one_of(st.none(), st.integers(1, 4))
        ),
        max_size=40,
    ),
    st.integers(1, 8),
)
def test_plan_invariants(rows: list[tuple[int, str, int | None]], size: int) -> None:
    candidates = [due(i, over, tier=t, company_id=c) for i, (over, t, c) in enumerate(rows)]
    picks = choose_calls(candidates, TODAY, size=size)
    ids = [p.contact_id for p in picks]
    assert len(ids) == len(set(ids)) <= size
    by_id = {c.contact_id: c for c in candidates}
    companies = [by_id[i].company_id for i in ids if by_id[i].company_id is not None]
    assert all(companies.count(c) <= 2 for c in companies)
    assert all(by_id[i].next_due <= TODAY + dt.timedelta(days=7) for i in ids)
    assert all(p.reason for p in picks)


def test_promises_come_due_rank_with_follow_ups_and_say_whose() -> None:
    from netday.scheduling.promises import DuePromise

    mine = DuePromise("me", "the deck", TODAY - dt.timedelta(days=20), "Ana")
    theirs = DuePromise("them", "the intro", TODAY, "Bo")
    later = DuePromise("me", "a reference", TODAY + dt.timedelta(days=2), "Cy")
    candidates = [
        due(1, 30),
        due(2, 0, promise=theirs),
        due(3, -20, promise=mine),  # not due by its cadence: the promise brings them
        due(4, 40, promise=later),  # a promise not yet due changes nothing
        due(5, -5, follow_up_on=TODAY - dt.timedelta(days=3)),
    ]
    picks = choose_calls(candidates, TODAY, size=5)
    assert [p.contact_id for p in picks] == [3, 5, 2, 4, 1]
    assert picks[0].reason == f"you promised the deck by {TODAY - dt.timedelta(days=20):%-d %b}"
    assert picks[2].reason == "Bo promised the intro by today: ask"
    assert picks[3].reason.startswith("overdue by 40 days")


def test_a_follow_up_and_a_promise_due_together_say_the_promise() -> None:
    from netday.scheduling.promises import DuePromise

    promise = DuePromise("me", "x" * 100, TODAY, "Ana")
    (pick,) = choose_calls([due(1, -9, follow_up_on=TODAY, promise=promise)], TODAY, size=1)
    assert pick.reason == f"you promised {'x' * 59}… by today"


def test_someone_to_meet_at_an_event_today_comes_first_within_the_budget() -> None:
    """Planned at an event: first, said so (with what else is due), snoozed or not, past
    the company cap; the budget still holds."""
    picks = choose_calls(
        [
            due(1, 30),
            due(2, 3, event="Web Summit", company_id=7),
            Candidate(contact_id=3, tier="C", event="Web Summit", snoozed_until=TODAY),
            due(4, 1, company_id=7),
            due(5, 2, company_id=7),
            Candidate(
                contact_id=6,
                tier="B",
                event="PyData",
                company_id=7,
                snoozed_until=TODAY + dt.timedelta(days=5),
            ),
        ],
        TODAY,
        size=4,
    )
    assert [(p.contact_id, p.reason) for p in picks] == [
        (2, "at Web Summit today · overdue by 3 days (3-week cadence)"),
        (6, "at PyData today"),
        (3, "at Web Summit today"),
        (1, "overdue by 30 days (3-week cadence)"),
    ]
