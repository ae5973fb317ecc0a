"""Opportunities from the keyboard: added from the main screen (O, the palette) and from
their screen (a), the people one fits shown with reasons, a share typed as one line
(refused without the person's name, stored once it names them), closed with c; the
main screen's header counts the open ones."""

from __future__ import annotations

from sqlalchemy import select
from textual.widgets import Input, Static

from netday.services.contacts import ContactFields, add_contact
from netday.services.opportunities import add_opportunity
from netday.store.models import Interaction, Opportunity, OpportunityShare
from netday.ui.screens.opportunities import (
    Opportunities,
    OpportunitiesScreen,
    OpportunityForm,
    Proposals,
    ShareForm,
)
from netday.ui.screens.today import TodayScreen
from tests.services.test_undo import dump
from tests.ui.conftest import palette_offers, settle, terminal_text, wait_until


def stored(ctx) -> list[tuple]:
    with ctx.db.reading() as s:
        return [
            (o.title, o.kind, o.url, o.on_date, tuple(t.tag for t in o.tags), o.closed_at is None)
            for o in s.scalars(select(Opportunity).order_by(Opportunity.id))
        ]


def shares(ctx) -> list[tuple]:
    with ctx.db.reading() as s:
        return [
            (i.contact_id, i.kind, i.direction, i.summary)
            for i in s.scalars(
                select(Interaction)
                .join(OpportunityShare, OpportunityShare.interaction_id == Interaction.id)
                .order_by(Interaction.id)
            )
        ]


def network(ctx) -> dict[str, int]:
    ana = add_contact(ctx, ContactFields(full_name="Ana Souza", tags=("python",))).id
    bo = add_contact(ctx, ContactFields(full_name="Bo Lind", role="Backend engineer")).id
    add_contact(ctx, ContactFields(full_name="Cy Chef", role="Chef"))
    return {"ana": ana, "bo": bo}


async def test_the_header_counts_open_ones_and_o_opens_their_screen(ctx, open_app) -> None:
    network(ctx)
    add_opportunity(ctx, "Python meetup", "event", tags=("python",))
    async with open_app(size=(80, 24)) as pilot:
        header = str(pilot.app.screen.query_one("#day-header", Static).render())
        assert "1 to pass on (o)" in header
        await pilot.press("o")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, OpportunitiesScreen)
        listed = screen.query_one(Opportunities)
        assert listed.row_count == 1 and "Python meetup" in str(listed.get_row_at(0)[2])
        fits = screen.query_one(Proposals)
        rows = [tuple(map(str, fits.get_row_at(i))) for i in range(fits.row_count)]
        assert rows == [
            ("Ana Souza", "shares #python; never heard from you"),
            ("Bo Lind", "same role family (engineering); never heard from you"),
        ]
        assert "Cy Chef" not in terminal_text(pilot.app)


async def test_a_share_needs_a_line_naming_the_person_then_is_stored(ctx, open_app) -> None:
    ids = network(ctx)
    found = add_opportunity(ctx, "Python meetup", "event", tags=("python",))
    async with open_app() as pilot:
        await pilot.press("o")
        await settle(pilot)
        await pilot.press("enter")  # to the people it fits
        await pilot.press("enter")  # share with the first: Ana
        await settle(pilot)
        form = pilot.app.screen
        assert isinstance(form, ShareForm)
        await pilot.press(*"Come along!", "enter")
        await settle(pilot)
        assert pilot.app.screen is form
        assert "does not name Ana" in str(form.query_one("#form-error").render())
        assert shares(ctx) == []
        form.query_one("#line", Input).value = "Ana, come along: Python people"
        await pilot.press("enter")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, OpportunitiesScreen)
        fits = screen.query_one(Proposals)
        assert [str(fits.get_row_at(i)[0]) for i in range(fits.row_count)] == ["Bo Lind"]
        about = str(screen.query_one("#opportunity-about", Static).render())
        assert "shared with Ana Souza (22 Nov)" in about
    assert shares(ctx) == [
        (ids["ana"], "share", "gave", "Shared Python meetup: Ana, come along: Python people")
    ]
    assert found.id == 1


async def test_o_and_the_palette_add_one_from_anywhere(ctx, open_app) -> None:
    network(ctx)
    async with open_app() as pilot:
        await pilot.press("O")
        await settle(pilot)
        form = pilot.app.screen
        assert isinstance(form, OpportunityForm)
        form.query_one("#title", Input).value = "Staff engineer"
        form.query_one("#url", Input).value = "not a url"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "not a web address" in str(form.query_one("#form-error").render())
        form.query_one("#url", Input).value = "https://jobs.example.com/1"
        form.query_one("#on", Input).value = "friday"
        form.query_one("#tags", Input).value = "Python, hiring"
        form.query_one("#job").value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(pilot.app.screen, TodayScreen)
        header = str(pilot.app.screen.query_one("#day-header", Static).render())
        assert "1 to pass on" in header
        await pilot.press("ctrl+p")
        await pilot.press(*"add an opp")
        await wait_until(pilot, lambda: palette_offers(pilot, "Add an opportunity"))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, OpportunityForm)
        await pilot.press(*"Rust talk", "enter")
        await settle(pilot)
    import datetime as dt

    assert stored(ctx) == [
        (
            "Staff engineer",
            "job",
            "https://jobs.example.com/1",
            dt.date(2026, 11, 27),
            ("hiring", "python"),
            True,
        ),
        ("Rust talk", "event", "", None, (), True),
    ]


async def test_a_adds_and_c_closes_on_their_screen_and_each_is_undone(ctx, open_app) -> None:
    network(ctx)
    add_opportunity(ctx, "Python meetup", "event", tags=("python",))
    async with open_app() as pilot:
        await pilot.press("o")
        await settle(pilot)
        before = dump(ctx)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(pilot.app.screen, OpportunityForm)
        await pilot.press(*"An article", "enter")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, OpportunitiesScreen)
        assert screen.query_one(Opportunities).row_count == 2
        await pilot.press("c")
        await settle(pilot)
        assert screen.query_one(Opportunities).row_count == 1
        assert [o[5] for o in stored(ctx)] == [True, False]  # the newest, listed first
        await pilot.press("u")
        await settle(pilot)
        assert screen.query_one(Opportunities).row_count == 2
        assert "Undone: Closed the opportunity 'An article'" in [
            n.message for n in pilot.app._notifications
        ]
        await pilot.press("u")
        await settle(pilot)
        assert screen.query_one(Opportunities).row_count == 1
    assert dump(ctx) == before


async def test_nothing_open_says_how_to_add_one(ctx, open_app) -> None:
    network(ctx)
    async with open_app(size=(80, 24)) as pilot:
        assert "to pass on" not in str(pilot.app.screen.query_one("#day-header", Static).render())
        await pilot.press("o")
        await settle(pilot)
        about = str(pilot.app.screen.query_one("#opportunity-about", Static).render())
        assert "Press a to add" in about
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, OpportunitiesScreen)
