"""Dates that matter (`scheduling.occasions`) and how the plan holds them: the leap-day
rule, whole years, the strong occasions, both reasons joined on one row."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from netday.scheduling.cadence import Cadence
from netday.scheduling.occasions import (
    MAX_OCCASIONS,
    Occasion,
    OccasionKind,
    falls_on,
    month_days,
    next_return,
    occasion_on,
    whole_years,
)
from netday.scheduling.plan import Candidate, choose_calls

TODAY = dt.date(2026, 11, 22)
WEEKS3 = Cadence.parse_every("3 weeks")


def on(today: dt.date, **kw: object) -> Occasion | None:
    fields: dict[str, object] = {
        "birthday": None,
        "connected_on": None,
        "circle": "professional",
        "tier": "B",
    }
    fields.update(kw)
    return occasion_on(today, **fields)  # type: ignore[arg-type]


def test_a_birthday_falls_on_its_month_and_day_every_year() -> None:
    assert falls_on(dt.date(1980, 11, 22), TODAY)
    assert not falls_on(dt.date(1980, 11, 21), TODAY)
    assert not falls_on(dt.date(1980, 12, 22), TODAY)


def test_a_leap_day_birthday_is_kept_on_28_february_of_a_common_year() -> None:
    leap_born = dt.date(1988, 2, 29)
    assert falls_on(leap_born, dt.date(2027, 2, 28))
    assert not falls_on(leap_born, dt.date(2027, 3, 1))
    # in a leap year it is on its own day, not the day before
    assert not falls_on(leap_born, dt.date(2028, 2, 28))
    assert falls_on(leap_born, dt.date(2028, 2, 29))
    assert month_days(dt.date(2027, 2, 28)) == ((2, 28), (2, 29))
    assert month_days(dt.date(2028, 2, 28)) == ((2, 28),)


def test_anniversaries_count_whole_years_from_one() -> None:
    assert on(TODAY, connected_on=dt.date(2021, 11, 22)) == Occasion(OccasionKind.ANNIVERSARY, 5)
    assert on(TODAY, connected_on=dt.date(2025, 11, 22)).said == "connected 1 year ago today"  # type: ignore[union-attr]
    assert on(TODAY, connected_on=dt.date(2021, 11, 22)).said == "connected 5 years ago today"  # type: ignore[union-attr]
    assert on(TODAY, connected_on=TODAY) is None  # the day itself is no anniversary
    assert on(TODAY, connected_on=dt.date(2027, 11, 22)) is None  # nor a future date
    leap = on(dt.date(2027, 2, 28), connected_on=dt.date(2020, 2, 29))
    assert leap is not None and leap.years == 7


@given(st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)), st.integers(0, 150))
def test_whole_years_on_the_day_itself_is_the_difference_of_the_years(
    since: dt.date, years: int
) -> None:
    try:
        later = since.replace(year=since.year + years)
    except ValueError:  # 29 February to a common year: kept on 28 February
        later = dt.date(since.year + years, 2, 28)
    assert falls_on(since, later)
    assert whole_years(since, later) == years
    assert whole_years(since, later - dt.timedelta(days=1)) == years - 1 or years == 0


def test_the_birthday_wins_over_an_anniversary_the_same_day() -> None:
    both = on(TODAY, birthday=dt.date(1980, 11, 22), connected_on=dt.date(2020, 11, 22))
    assert both is not None and both.kind == OccasionKind.BIRTHDAY


def test_personal_birthdays_and_tier_a_are_strong() -> None:
    born = dt.date(1980, 11, 22)
    assert on(TODAY, birthday=born, circle="personal", tier="C") == Occasion(
        OccasionKind.PERSONAL_BIRTHDAY, strong=True
    )
    assert on(TODAY, birthday=born, tier="A").strong  # type: ignore[union-attr]
    assert not on(TODAY, birthday=born, tier="B").strong  # type: ignore[union-attr]
    assert on(TODAY, connected_on=dt.date(2020, 11, 22), tier="A").strong  # type: ignore[union-attr]
    assert not on(TODAY, connected_on=dt.date(2020, 11, 22), tier="B").strong  # type: ignore[union-attr]


def overdue(cid: int, days: int, tier: str = "B", **kw: object) -> Candidate:
    return Candidate(
        contact_id=cid,
        tier=tier,
        next_due=TODAY - dt.timedelta(days=days),
        cadence=WEEKS3,
        **kw,  # type: ignore[arg-type]
    )


BIRTHDAY = Occasion(OccasionKind.BIRTHDAY, strong=False)
FRIEND = Occasion(OccasionKind.PERSONAL_BIRTHDAY, strong=True)
ANNIVERSARY_A = Occasion(OccasionKind.ANNIVERSARY, 5, strong=True)


def test_a_strong_occasion_ranks_before_the_overdue_and_a_message_will_do() -> None:
    friend = Candidate(contact_id=7, tier="C", occasion=FRIEND)
    picks = choose_calls([overdue(1, 30, tier="A"), friend], TODAY, size=2)
    assert [p.contact_id for p in picks] == [7, 1]
    assert picks[0].reason == "birthday today: a message will do"


def test_a_person_due_anyway_gets_both_reasons_joined_on_one_row() -> None:
    picks = choose_calls([overdue(1, 3, occasion=FRIEND)], TODAY, size=3)
    assert len(picks) == 1
    assert picks[0].reason == "birthday today · overdue by 3 days (3-week cadence)"
    promised = Candidate(
        contact_id=2,
        tier="B",
        follow_up_on=TODAY,
        follow_up_kind="promised",
        follow_up_since=dt.date(2026, 11, 2),
        occasion=Occasion(OccasionKind.ANNIVERSARY, 5),
    )
    (pick,) = choose_calls([promised], TODAY, size=3)
    assert pick.reason == "follow-up promised on 2 Nov · connected 5 years ago today"


def test_a_light_occasion_waits_behind_the_overdue_and_before_the_due_soon() -> None:
    light = Candidate(contact_id=5, tier="B", occasion=BIRTHDAY)
    soon = Candidate(contact_id=6, tier="A", next_due=TODAY + dt.timedelta(days=2), cadence=WEEKS3)
    picks = choose_calls([soon, light, overdue(1, 2)], TODAY, size=3)
    assert [p.contact_id for p in picks] == [1, 5, 6]
    assert choose_calls([soon, light, overdue(1, 2)], TODAY, size=1)[0].contact_id == 1


def test_at_most_a_few_occasions_go_ahead_of_the_overdue() -> None:
    friends = [Candidate(contact_id=10 + i, tier="B", occasion=FRIEND) for i in range(4)]
    friend_overdue = overdue(9, 1, tier="C", occasion=FRIEND)
    picks = choose_calls([*friends, overdue(1, 30, tier="A"), friend_overdue], TODAY, size=5)
    ids = [p.contact_id for p in picks]
    # two friends ahead (tier B before C, then the id), then the most overdue; past the
    # cap the overdue friend keeps the place their cadence gives them, and the others
    # fill the room left, each once
    assert ids == [10, 11, 1, 9, 12]
    assert picks[3].reason == "birthday today · overdue by 1 day (3-week cadence)"
    assert picks[4].reason == "birthday today: a message will do"


def test_archived_and_snoozed_people_are_never_planned_for_an_occasion() -> None:
    snoozed = Candidate(
        contact_id=3, tier="A", occasion=FRIEND, snoozed_until=TODAY + dt.timedelta(days=1)
    )
    assert choose_calls([snoozed], TODAY, size=3) == []


def test_a_plan_that_grows_counts_the_occasions_it_already_holds() -> None:
    friends = [Candidate(contact_id=10 + i, tier="B", occasion=FRIEND) for i in range(4)]
    first = choose_calls([*friends, overdue(1, 30)], TODAY, size=2)
    assert [p.contact_id for p in first] == [10, 11]
    more = choose_calls([*friends, overdue(1, 30)], TODAY, size=2, exclude=frozenset({10, 11}))
    assert [p.contact_id for p in more] == [1, 12]  # the overdue first, then room


OCCASIONS = st.one_of(
    st.none(),
    st.builds(
        Occasion,
        st.sampled_from(list(OccasionKind)),
        st.integers(1, 30),
        st.booleans(),
    ),
)


@given(
    st.lists(
        st.tuples(st.one_of(st.none(), st.integers(-10, 60)), st.sampled_from("ABC"), OCCASIONS),
        max_size=30,
    ),
    st.integers(1, 8),
)
def test_plan_invariants_with_occasions(
    rows: list[tuple[int | None, str, Occasion | None]], size: int
) -> None:
    candidates = [
        Candidate(
            contact_id=i,
            tier=tier,
            next_due=None if late is None else TODAY - dt.timedelta(days=late),
            cadence=WEEKS3,
            occasion=occasion,
        )
        for i, (late, tier, occasion) in enumerate(rows)
    ]
    picks = choose_calls(candidates, TODAY, size=size)
    ids = [p.contact_id for p in picks]
    assert len(ids) == len(set(ids)) <= size
    by_id = {c.contact_id: c for c in candidates}
    for p in picks:
        c = by_id[p.contact_id]
        assert c.occasion is not None or (
            c.next_due is not None and c.next_due <= TODAY + dt.timedelta(days=7)
        )
        if c.occasion is not None:
            # One row, naming the date: a birthday first, an anniversary after the reason.
            assert c.occasion.said in p.reason
            if c.occasion.kind != OccasionKind.ANNIVERSARY:
                assert p.reason.startswith(c.occasion.said)
    # ahead of the most overdue, at most MAX_OCCASIONS picked for a date alone
    overdue = [
        i
        for i, p in enumerate(picks)
        if by_id[p.contact_id].next_due is not None and by_id[p.contact_id].next_due <= TODAY
    ]
    if overdue:
        alone = [p for p in picks[: overdue[0]] if p.reason.endswith("a message will do")]
        assert len(alone) <= MAX_OCCASIONS


@given(
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)),
    st.dates(dt.date(1950, 1, 1), dt.date(2090, 12, 31)),
)
def test_the_next_return_is_the_first_day_it_falls_on(day: dt.date, today: dt.date) -> None:
    back = next_return(day, today)
    assert back >= today and falls_on(day, back)
    assert (back - today).days <= 366
    assert not any(falls_on(day, today + dt.timedelta(days=n)) for n in range((back - today).days))
