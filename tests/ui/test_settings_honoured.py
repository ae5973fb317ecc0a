"""Every setting, set to a value other than its default, is honoured by the CLI and by
the TUI alike: neither holds a copy of a default. A setting added without a check here
fails `test_every_setting_is_checked`.

The plan is made once a day: the TUI makes today's, the CLI tomorrow's (`--today`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from sqlalchemy import update
from textual.widgets import Input, Static

from netday.services.contacts import show_contact
from netday.services.invites import send_invite
from netday.services.journal import log_interaction
from netday.services.settings import SETTING_NAMES, change_setting, get_settings
from netday.store.models import Contact
from netday.ui.screens.contact_form import ContactForm
from netday.ui.screens.triage import TriageScreen
from netday.ui.widgets.choice import Choice
from netday.ui.widgets.panes import CallsPane, InvitesPane
from tests.services.helpers import person
from tests.ui.conftest import settle, wait_until

TOMORROW = "2026-11-23"
DAY = dt.timedelta(days=1)

Check = Callable[..., Awaitable[None]]
CHECKS: dict[str, Check] = {}


def checks(*names: str) -> Callable[[Check], Check]:
    def register(check: Check) -> Check:
        for name in names:
            CHECKS[name] = check
        return check

    return register


def cadence_of(ctx: Any, name: str) -> str:
    return show_contact(ctx, name).summary.cadence


@checks("default_cadence")
async def new_contacts_get_the_default_cadence(ctx, cli, open_app, name: str) -> None:
    change_setting(ctx, name, "every 6 weeks")
    assert "every 6 weeks" in cli("contact", "add", "Jane Roe").out
    async with open_app() as pilot:
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ContactForm))
        form = pilot.app.screen
        assert form.query_one("#cadence", Input).value == "every 6 weeks"
        await pilot.press(*"Kim Lee", "enter")
        await settle(pilot)
        assert not isinstance(pilot.app.screen, ContactForm)
    assert cadence_of(ctx, "kim") == "every 6 weeks"


@checks("personal_cadence")
async def new_personal_contacts_get_their_circles_cadence(ctx, cli, open_app, name: str) -> None:
    change_setting(ctx, name, "every 7 weeks")
    assert "every 7 weeks" in cli("contact", "add", "Jane Roe", "--circle", "personal").out
    async with open_app() as pilot:
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ContactForm))
        form = pilot.app.screen
        assert form.query_one("#cadence", Input).value == "every 4 weeks"
        await pilot.press(*"Kim Lee")
        form.query_one("#circle", Choice).focus()
        await pilot.press("down")  # professional -> personal: the cadence follows
        await settle(pilot)
        assert form.query_one("#cadence", Input).value == "every 7 weeks"
        form.query_one("#name", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(pilot.app.screen, ContactForm)
    assert cadence_of(ctx, "kim") == "every 7 weeks"


@checks("tier_a_cadence", "tier_b_cadence", "tier_c_cadence")
async def triage_gives_each_tier_its_cadence(ctx, cli, open_app, name: str) -> None:
    tier = name.split("_")[1]
    change_setting(ctx, name, "every 10 days")
    person(ctx, "Cleo Cli")
    person(ctx, "Tia Tui")
    with ctx.db.transaction() as s:
        s.execute(update(Contact).values(triage="pending", cadence_kind=None))
    assert cli("triage", "cleo", tier).code == 0
    assert cadence_of(ctx, "cleo") == "every 10 days"
    async with open_app() as pilot:
        await pilot.press("t")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, TriageScreen))
        await settle(pilot)
        await pilot.press(tier)
        await settle(pilot)
    assert cadence_of(ctx, "tia") == "every 10 days"


PLAN_SETTINGS = {
    # setting: (the settings to change, calls in the plan; 3 with the defaults)
    "minutes_per_day": ({"minutes_per_day": "40"}, 4),
    "minutes_per_call": ({"minutes_per_call": "6"}, 5),
    "min_calls": ({"min_calls": "4"}, 4),
    "max_calls": ({"minutes_per_day": "60", "max_calls": "4"}, 4),
}


@checks(*PLAN_SETTINGS)
async def the_plan_is_sized_by_the_settings(ctx, cli, open_app, name: str) -> None:
    changes, calls = PLAN_SETTINGS[name]
    for i in range(7):
        person(ctx, f"Person {chr(65 + i)}", last_call_days_ago=30 + i)
    for setting, value in changes.items():
        change_setting(ctx, setting, value)
    minutes = get_settings(ctx).minutes_per_day
    async with open_app() as pilot:
        header = str(pilot.app.query_one("#day-header", Static).render())
        assert f"budget {minutes} min" in header and f"calls 0/{calls} done" in header
        assert pilot.app.query_one(CallsPane).row_count == calls
    out = cli("today", today=TOMORROW).out
    assert f"budget {minutes} min" in out and f"calls 0/{calls} done" in out


@checks("invite_follow_up_days")
async def a_sent_invitation_asks_for_a_follow_up(ctx, cli, open_app, name: str) -> None:
    change_setting(ctx, name, "3")
    out = cli("invite", "send", "--name", "Bob Stone", "-m", "Hi Bob, loved your talk").out
    assert "follow up 25 Nov" in out
    async with open_app() as pilot:
        await pilot.press("i")
        await settle(pilot)
        await pilot.press(*"Jane Roe", "tab", "tab", *"Hi Jane, loved your talk", "enter")
        await settle(pilot)
        pane = pilot.app.query_one(InvitesPane)
        steps = {str(pane.get_row_at(i)[2]): str(pane.get_row_at(i)[3]) for i in range(2)}
    assert steps == {"Jane Roe": "follow up 25 Nov", "Bob Stone": "follow up 25 Nov"}


@checks("invite_expiry_days")
async def an_old_invitation_suggests_withdrawing(ctx, cli, open_app, clock, name: str) -> None:
    change_setting(ctx, name, "10")
    clock.advance(dt.timedelta(days=-12))
    send_invite(ctx, "Hi Bob, loved your talk", name="Bob Stone")
    clock.advance(dt.timedelta(days=12))
    assert "withdraw" in cli("invite", "list").out
    async with open_app() as pilot:
        assert str(pilot.app.query_one(InvitesPane).get_row_at(0)[3]) == "withdraw?"


@checks("call_tries")
async def the_plan_stops_insisting_after_the_tries(ctx, cli, open_app, clock, name: str) -> None:
    change_setting(ctx, name, "1")
    person(ctx, "Ana Souza")
    log_interaction(ctx, "ana", kind="call", outcome="no-answer", at=clock.now() - DAY)
    said = "1 try without an answer: try another way"
    async with open_app() as pilot:
        pane = pilot.app.query_one(CallsPane)
        assert said in str(pane.get_row_at(0)[1])
    assert said not in cli("today", today=TOMORROW).out  # said once, by today's plan


def test_every_setting_is_checked() -> None:
    assert set(CHECKS) == set(SETTING_NAMES)


@pytest.mark.parametrize("name", SETTING_NAMES)
async def test_the_cli_and_the_tui_honour_the_setting(ctx, cli, open_app, clock, name) -> None:
    check = CHECKS[name]
    extra = {"clock": clock} if "clock" in check.__code__.co_varnames else {}
    await check(ctx, cli, open_app, name=name, **extra)
