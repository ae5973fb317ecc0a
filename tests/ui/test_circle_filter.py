"""The app's circle filter: `C` on the main screen cycles both, professional, personal;
every pane shows only that circle, the header says it (at 80 columns too), and the
people, events and review screens open with it."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Static

from netday.services.events import add_event, plan_to_meet
from netday.services.insights import insights
from netday.services.review import review_day
from netday.ui.screens.events import EventPeople, EventsScreen
from netday.ui.screens.insights import InsightsScreen
from netday.ui.screens.people import PeopleScreen
from netday.ui.screens.review import ReviewScreen
from netday.ui.widgets.panes import CallsPane, CommentsPane, InvitesPane, LogPane
from tests.services.helpers import person
from tests.services.test_circles import network, reviewed
from tests.ui.conftest import settle
from tests.ui.test_people_screen import bar, shown_ids


def header(pilot) -> str:
    return str(pilot.app.query_one("#day-header", Static).render())


def counts(pilot) -> list[int]:
    return [pilot.app.query_one(pane).row_count for pane in (CallsPane, CommentsPane, InvitesPane)]


def logged(pilot) -> set[str]:
    log = pilot.app.query_one(LogPane)
    return {view.contact_name for view in log.items.values()}


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_c_cycles_the_circle_and_every_pane_and_the_header_follow(
    ctx, open_app, size
) -> None:
    network(ctx)
    async with open_app(size=size) as pilot:
        await settle(pilot)
        assert counts(pilot) == [3, 2, 2] and logged(pilot) == {"Ana Souza", "Di Park"}
        assert "professional" not in header(pilot) and "personal" not in header(pilot)
        await pilot.press("C")
        await settle(pilot)
        assert counts(pilot) == [2, 1, 1] and logged(pilot) == {"Ana Souza"}
        assert "professional" in header(pilot)
        await pilot.press("C")
        await settle(pilot)
        assert counts(pilot) == [1, 1, 1] and logged(pilot) == {"Di Park"}
        assert "personal" in header(pilot)
        assert pilot.app.query_one(CallsPane).selected().contact.name == "Di Park"
        await pilot.press("C")
        await settle(pilot)
        assert counts(pilot) == [3, 2, 2]
        assert "personal" not in header(pilot)


async def test_a_pane_empty_in_one_circle_says_so_in_a_whole_sentence(ctx, open_app) -> None:
    """It read "None in the personal circle: C shows the next", a sentence cut short."""
    person(ctx, "Ana Souza", last_call_days_ago=40)
    async with open_app() as pilot:
        await settle(pilot)
        await pilot.press("C", "C")  # the personal circle: nobody in it
        await settle(pilot)
        calls = pilot.app.query_one(CallsPane)
        assert calls.is_empty
        shown = " ".join(line.text.strip() for line in calls._wrapped_reason())
        assert shown == "None in the personal circle (C switches circle)"


async def test_the_people_screen_opens_with_the_apps_circle(ctx, open_app) -> None:
    network(ctx)
    async with open_app() as pilot:
        await pilot.press("C", "C")  # the personal circle
        await settle(pilot)
        await pilot.press("P")
        await settle(pilot)
        assert isinstance(pilot.app.screen, PeopleScreen)
        assert "circle: personal" in bar(pilot)
        assert len(shown_ids(pilot)) == 1


async def test_the_insights_screen_opens_with_the_apps_circle(ctx, open_app) -> None:
    network(ctx)
    async with open_app() as pilot:
        await pilot.press("C")  # the professional circle
        await settle(pilot)
        await pilot.press("I")
        await settle(pilot)
        assert isinstance(pilot.app.screen, InsightsScreen)
        view = pilot.app.screen.view
        assert view is not None and view.circle == "professional"
        summary = str(pilot.app.screen.query_one("#insights-summary", Static).render())
        assert "the professional circle only" in summary
        assert view.total.people == insights(ctx, circle="professional").total.people


async def test_the_events_screen_lists_the_apps_circles_people(ctx, open_app) -> None:
    network(ctx)
    event = add_event(ctx, "Web Summit", ctx.today())
    plan_to_meet(ctx, event.id, ["ana souza", "bo chen", "di park"])
    async with open_app(size=(80, 24)) as pilot:
        await pilot.press("C", "C")  # the personal circle
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, EventsScreen)
        table = screen.query_one(EventPeople)
        assert [str(table.get_row_at(i)[0]) for i in range(table.row_count)] == ["Di Park"]
        assert "People · the personal circle only" in str(table.border_title)
        about = str(screen.query_one("#event-about", Static).render())
        assert "3 to meet, 0 met" in about  # the event is everyone's
        await pilot.press("escape", "C")  # both circles again: the screen follows
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        table = pilot.app.screen.query_one(EventPeople)
        names = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert names == ["Ana Souza", "Bo Chen", "Di Park"]
        assert str(table.border_title).startswith("People (")


async def test_the_review_opens_with_the_apps_circle(ctx, open_app) -> None:
    reviewed(ctx)
    async with open_app() as pilot:
        await pilot.press("C", "C")  # the personal circle
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ReviewScreen)
        summary = str(screen.query_one("#review-summary", Static).render())
        assert (
            summary.splitlines()[0] == "Review · Sunday 22 November 2026 · the personal circle only"
        )
        assert "25 min (all circles)" in summary
        log = screen.query_one("#review-log", DataTable)
        assert {str(log.get_row_at(i)[2]) for i in range(log.row_count)} == {"Di Park"}
        await pilot.press(*"fine day", "enter")
        await settle(pilot)
    saved = review_day(ctx)
    assert (saved.note, saved.minutes_spent) == ("fine day", 25)
