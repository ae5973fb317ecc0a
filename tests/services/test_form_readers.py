"""What the forms hand to the services: the readers of typed text and the defaults,
so that no form holds a copy of a rule (ui/screens/* call these and nothing else)."""

from __future__ import annotations

import datetime as dt

import pytest

from netday.errors import NetdayError
from netday.services.contacts import new_contact_defaults, read_cadence
from netday.services.invites import HELP_REPLY, check_invite_message
from netday.services.journal import read_day, read_moment
from netday.services.settings import change_setting


def test_days_and_moments_count_from_the_context_clock(ctx) -> None:
    assert read_day(ctx, "friday") == dt.date(2026, 11, 27)
    assert read_moment(ctx, "yesterday 16:00") == dt.datetime(2026, 11, 21, 16, 0)
    with pytest.raises(NetdayError, match="is not a date"):
        read_day(ctx, "someday")


def test_a_cadence_as_typed() -> None:
    today = dt.date(2026, 11, 22)
    assert read_cadence("  ", today) is None
    cadence = read_cadence("every 6 weeks", today)
    assert cadence is not None and cadence.describe() == "every 6 weeks"
    with pytest.raises(NetdayError, match="does not parse"):
        read_cadence("FREQ=SOMETIMES", today)


def test_the_command_line_reads_one_form_and_refuses_a_blank() -> None:
    """`--every` takes only "every ..." and `--rrule` only a rule; a blank is refused
    there (the form's blank means "no cadence")."""
    today = dt.date(2026, 11, 22)
    with pytest.raises(NetdayError):
        read_cadence("", today, "every")
    with pytest.raises(NetdayError):
        read_cadence("FREQ=MONTHLY;BYDAY=1MO", today, "every")
    with pytest.raises(NetdayError):
        read_cadence("every 3 weeks", today, "rrule")
    rule = read_cadence("FREQ=MONTHLY;BYDAY=1MO", today, "rrule")
    assert rule is not None and rule.rule == "FREQ=MONTHLY;BYDAY=1MO"


def test_new_contact_defaults_follow_the_settings(ctx) -> None:
    assert new_contact_defaults(ctx).cadence == "every 4 weeks"
    change_setting(ctx, "default_cadence", "every 6 weeks")
    defaults = new_contact_defaults(ctx)
    assert (defaults.circle, defaults.tier, defaults.cadence) == (
        "professional",
        "B",
        "every 6 weeks",
    )


def test_an_invite_message_is_judged_like_send_invite_judges_it() -> None:
    with pytest.raises(NetdayError, match="personal message"):
        check_invite_message("  ", "Jane Roe", [])
    check = check_invite_message("Hello", "", ["Hello"])
    assert (check.names_person, check.is_template) == (False, True)
    assert check_invite_message("Hi Jane!", "Jane Roe", []).names_person
    assert HELP_REPLY == "How can I help you?"
