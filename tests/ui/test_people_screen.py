"""The people screen, by its keys: P opens it, each filter key changes the rows (as the
database says), s changes the order, the list pages in as the cursor goes down, Enter
opens the person on the row, Escape goes back."""

from __future__ import annotations

import dataclasses

from textual.pilot import Pilot
from textual.widgets import Input, Static

from netday.services.demo import seed_demo
from netday.services.people import PAGE_SIZE, PeopleFilter, list_people
from netday.ui.screens.contact import ContactScreen
from netday.ui.screens.people import NOBODY, READ_AHEAD, PeopleList, PeopleScreen
from netday.ui.screens.today import TodayScreen
from netday.vocabulary import PeopleSort
from tests.conftest import TODAY, rows
from tests.ui.conftest import settle


def shown_ids(pilot: Pilot[None]) -> list[int]:
    """The contact ids of the rows on the list, in order."""
    table = pilot.app.screen.query_one(PeopleList)
    return [int(str(row.key.value)) for row in table.ordered_rows if row.key.value != NOBODY]


def bar(pilot: Pilot[None]) -> str:
    return str(pilot.app.screen.query_one("#people-filters", Static).render())


def expected(ctx, sort: str = PeopleSort.NEXT_DUE, **filters: object) -> list[int]:
    found = dataclasses.replace(PeopleFilter(), **filters)  # type: ignore[arg-type]
    return [row.summary.id for row in list_people(ctx, found, sort)]


async def open_people(pilot: Pilot[None]) -> PeopleScreen:
    await pilot.press("P")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, PeopleScreen)
    return screen


async def test_filter_keys_change_the_rows_as_the_database_says(ctx, open_app, db_url) -> None:
    seed_demo(ctx, contacts=40)
    async with open_app() as pilot:
        await open_people(pilot)
        everyone = rows(db_url, "SELECT id FROM contact WHERE archived = false")
        assert sorted(shown_ids(pilot)) == sorted(i for (i,) in everyone)
        assert "circle: both" in bar(pilot) and "sort: next due" in bar(pilot)

        await pilot.press("c")  # professional
        await settle(pilot)
        professional = rows(
            db_url, "SELECT id FROM contact WHERE archived = false AND circle = 'professional'"
        )
        assert sorted(shown_ids(pilot)) == sorted(i for (i,) in professional)
        assert shown_ids(pilot) == expected(ctx, circle="professional")
        assert "circle: professional" in bar(pilot)

        await pilot.press("t")  # and tier A
        await settle(pilot)
        tier_a = rows(
            db_url,
            "SELECT id FROM contact WHERE archived = false AND circle = 'professional'"
            " AND tier = 'A'",
        )
        assert sorted(shown_ids(pilot)) == sorted(i for (i,) in tier_a)
        assert "tier: A" in bar(pilot)

        await pilot.press("x", "d")  # cleared, then due today or before
        await settle(pilot)
        due = rows(
            db_url,
            f"SELECT id FROM contact WHERE archived = false AND next_due_on <= '{TODAY}'",
        )
        assert sorted(shown_ids(pilot)) == sorted(i for (i,) in due)
        assert "due: today or before" in bar(pilot) and "tier: any" in bar(pilot)

        await pilot.press("x", "o")  # a company, typed
        await settle(pilot)
        assert isinstance(pilot.app.screen.focused, Input)
        (company,) = rows(
            db_url, "SELECT name FROM company WHERE id = (SELECT MIN(company_id) FROM contact)"
        )[0]
        await pilot.press(*company.split()[0], "enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, PeopleScreen)
        assert shown_ids(pilot) == expected(ctx, company=company.split()[0])
        assert shown_ids(pilot) and f"company: {company.split()[0]}" in bar(pilot)

        await pilot.press("x", "r")  # waiting in triage: the demo has none
        await settle(pilot)
        assert shown_ids(pilot) == expected(ctx, triage="untriaged") == []
        assert "nobody matches these filters" in str(
            pilot.app.screen.query_one(PeopleList).get_row_at(0)[0]
        )


async def test_s_cycles_the_orders(ctx, open_app) -> None:
    seed_demo(ctx, contacts=30)
    async with open_app() as pilot:
        await open_people(pilot)
        assert shown_ids(pilot) == expected(ctx, PeopleSort.NEXT_DUE)
        await pilot.press("s")
        await settle(pilot)
        assert "sort: last conversation" in bar(pilot)
        assert shown_ids(pilot) == expected(ctx, PeopleSort.LAST_TALK)
        await pilot.press("s")
        await settle(pilot)
        assert "sort: name" in bar(pilot)
        assert shown_ids(pilot) == expected(ctx, PeopleSort.NAME)
        names = [r.summary.name for r in list_people(ctx, PeopleFilter(), PeopleSort.NAME)]
        table = pilot.app.screen.query_one(PeopleList)
        assert str(table.get_row_at(0)[0]) == names[0]


async def test_paging_reaches_row_150_of_300_and_enter_opens_that_person(ctx, open_app) -> None:
    seed_demo(ctx, contacts=300)
    whole = expected(ctx)
    assert len(whole) >= 290  # the demo archives a few
    async with open_app() as pilot:
        screen = await open_people(pilot)
        assert len(shown_ids(pilot)) == PAGE_SIZE  # one page, not everyone
        assert screen.page is not None and screen.page.total == len(whole)
        for _ in range(149 // 10):  # ten at a time: the next page is asked for 20 rows ahead
            await pilot.press(*["down"] * 10)
            await settle(pilot)
        await pilot.press(*["down"] * (149 % 10))
        table = screen.query_one(PeopleList)
        assert table.cursor_row == 149
        assert len(shown_ids(pilot)) < len(whole)  # still not everyone
        assert shown_ids(pilot) == whole[: len(shown_ids(pilot))]  # in order, none twice
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ContactScreen)
        assert pilot.app.screen.contact_id == whole[149]
        await pilot.press("escape")
        await settle(pilot)
        assert pilot.app.screen is screen and table.cursor_row == 149
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, TodayScreen)


async def test_the_palette_opens_it_and_a_circle_can_be_given(ctx, open_app) -> None:
    seed_demo(ctx, contacts=20)
    async with open_app() as pilot:
        await pilot.press("ctrl+p", *"browse people")
        await settle(pilot)
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, PeopleScreen)
        await pilot.press("escape")
        await settle(pilot)
        pilot.app.push_screen(PeopleScreen(ctx, circle="personal"))
        await settle(pilot)
        assert "circle: personal" in bar(pilot)
        assert shown_ids(pilot) == expected(ctx, circle="personal")


async def test_a_tag_too_long_is_refused_in_the_form(ctx, open_app) -> None:
    seed_demo(ctx, contacts=10)
    async with open_app() as pilot:
        await open_people(pilot)
        await pilot.press("g", *("x" * 70), "enter")
        await settle(pilot)
        error = str(pilot.app.screen.query_one("#form-error").render())
        assert "64" in error
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, PeopleScreen) and "tag: any" in bar(pilot)


async def test_a_page_that_failed_to_read_is_read_when_the_cursor_moves_again(
    ctx, open_app, monkeypatch
) -> None:
    import netday.services.people as people

    seed_demo(ctx, contacts=100)
    real = people.people_page
    failed: list[int] = []

    def locked_once(*args, offset: int = 0, **kwargs):
        if offset and not failed:
            failed.append(offset)
            raise people.NetdayError("the database is locked")
        return real(*args, offset=offset, **kwargs)

    monkeypatch.setattr(people, "people_page", locked_once)
    async with open_app(failures=True) as pilot:
        await open_people(pilot)
        await pilot.press(*["down"] * (PAGE_SIZE - READ_AHEAD))  # the next page is asked for
        await settle(pilot)
        assert failed == [PAGE_SIZE] and len(shown_ids(pilot)) == PAGE_SIZE
        await pilot.press("down")
        await settle(pilot)
        assert shown_ids(pilot) == expected(ctx)[: len(shown_ids(pilot))]
        assert len(shown_ids(pilot)) > PAGE_SIZE
