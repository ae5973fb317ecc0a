"""The forms hold no rules: each refusal comes from the service, shows in the form
(which stays open with what was typed) and nothing is written."""

from __future__ import annotations

import datetime as dt
import threading

from textual.widgets import Input, Label, Static

from netday.services.contacts import list_contacts
from netday.services.posts import list_posts
from netday.services.review import review_day
from netday.ui.screens.contact_form import ContactForm
from netday.ui.screens.dialogs import DIRECTIONS, MinutesForm, SnoozeForm
from netday.ui.screens.network_forms import PostForm
from netday.ui.screens.review import ReviewScreen
from netday.vocabulary import Direction
from tests.services.helpers import person
from tests.ui.conftest import settle, wait_until


def error_of(pilot) -> str:
    return str(pilot.app.screen.query_one("#form-error", Label).render())


async def test_minutes_over_a_day_are_refused_by_the_service(ctx, open_app) -> None:
    person(ctx, "Ana Souza", last_call_days_ago=30)
    async with open_app() as pilot:
        await pilot.press("m", "ctrl+a", "ctrl+k", *"2000", "enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, MinutesForm)
        assert "minutes must be between 0 and 1440" in error_of(pilot)
        assert pilot.app.screen.query_one("#minutes", Input).value == "2000"


async def test_snoozing_until_today_is_refused_by_the_service(ctx, open_app) -> None:
    person(ctx, "Ana Souza", last_call_days_ago=30)
    async with open_app() as pilot:
        await pilot.press("z", "ctrl+a", "ctrl+k", *"today", "enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, SnoozeForm)
        assert error_of(pilot) == "snooze until a day after today"
        assert pilot.app.screen.query_one("#until", Input).value == "today"


async def test_a_post_without_url_or_excerpt_is_refused_by_the_service(ctx, open_app) -> None:
    person(ctx, "Ana Souza")
    async with open_app() as pilot:
        await pilot.press("p", *"Ana", "enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, PostForm)
        assert "a post needs a URL or an excerpt" in error_of(pilot)
        assert pilot.app.screen.query_one("#author", Input).value == "Ana"
    assert list_posts(ctx) == []


async def test_a_contact_needs_a_name_and_an_e_mail_an_at(ctx, open_app) -> None:
    person(ctx, "Ana Souza")
    async with open_app() as pilot:
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ContactForm))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert error_of(pilot) == "a contact needs a name"
        form = pilot.app.screen
        form.query_one("#name", Input).value = "Jane Roe"
        form.query_one("#email", Input).value = "jane.example.com"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "is not an e-mail address" in error_of(pilot)
        assert pilot.app.screen is form and form.query_one("#name", Input).value == "Jane Roe"
    assert [c.name for c in list_contacts(ctx)] == ["Ana Souza"]


def test_every_direction_has_a_choice() -> None:
    assert set(DIRECTIONS) == set(Direction)


async def test_the_review_refuses_a_day_that_has_not_started(ctx, open_app) -> None:
    person(ctx, "Ana Souza")
    async with open_app() as pilot:
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("alt+right")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ReviewScreen) and screen.day == ctx.today()
        summary = str(screen.query_one("#review-summary", Static).render())
        assert "Sunday 22 November 2026" in summary
        warned = [n.message for n in pilot.app._notifications]
        assert "a day can be reviewed once it has started" in warned
        await pilot.press("alt+left")  # and the day before is the 21st
        await settle(pilot)
        assert "Saturday 21 November 2026" in str(
            screen.query_one("#review-summary", Static).render()
        )


async def test_a_late_result_for_another_day_is_dropped(ctx, open_app, monkeypatch) -> None:
    """Alt+Left then Alt+Right quickly: if the day before comes back last, the review
    stays on today."""
    person(ctx, "Ana Souza")
    yesterday = ctx.today() - dt.timedelta(days=1)
    release = threading.Event()
    returned: list[dt.date] = []

    def slow_for_yesterday(ctx_, day=None, circle=None):
        if day == yesterday:
            release.wait(10)
        view = review_day(ctx_, day, circle)
        returned.append(view.date)
        return view

    monkeypatch.setattr("netday.ui.screens.review.review_day", slow_for_yesterday)
    async with open_app() as pilot:
        await pilot.press("r")
        await wait_until(pilot, lambda: len(returned) == 1)
        await pilot.press("alt+left", "alt+right")
        await wait_until(pilot, lambda: len(returned) == 2)
        release.set()
        await wait_until(pilot, lambda: len(returned) == 3)
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ReviewScreen) and returned[-1] == yesterday
        summary = str(screen.query_one("#review-summary", Static).render())
        assert "Sunday 22 November 2026" in summary
        assert screen.day == ctx.today()


def test_every_call_status_has_a_mark() -> None:
    from netday.ui.widgets.panes import MARKS
    from netday.vocabulary import CallStatus

    assert set(MARKS) == set(CallStatus)
