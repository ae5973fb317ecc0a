"""Every rule a form might copy lives in a service that refuses with one clear line, and
every default a form pre-fills comes from a service: the forms ask, and hold no copy."""

from __future__ import annotations

import datetime as dt

import pytest

from netday.errors import NetdayError
from netday.scheduling.cadence import Cadence
from netday.services import contacts, journal, planner, posts, review, settings
from netday.services.context import Context
from netday.settings_fields import NEW_CONTACT_CIRCLE, NEW_CONTACT_TIER
from netday.vocabulary import Circle, Tier
from tests.conftest import TODAY
from tests.services.helpers import person

TOMORROW = TODAY + dt.timedelta(days=1)


def test_a_new_contact_gets_the_defaults_a_form_is_offered(ctx: Context) -> None:
    settings.change_setting(ctx, "default_cadence", "every 6 weeks")
    offered = contacts.new_contact_defaults(ctx)
    assert offered == contacts.NewContactDefaults(
        circle=Circle.PROFESSIONAL,
        tier=Tier.B,
        cadence="every 6 weeks",
        circle_cadences={"professional": "every 6 weeks", "personal": "every 2 months"},
    )
    assert (offered.circle, offered.tier) == (NEW_CONTACT_CIRCLE, NEW_CONTACT_TIER)
    added = contacts.add_contact(ctx, contacts.ContactFields(full_name="Ana Souza"))
    assert (added.circle, added.tier) == (offered.circle, offered.tier)
    shown = contacts.show_contact(ctx, str(added.id))
    assert shown.cadence_spec == Cadence.parse(offered.cadence).spec() == "every 6 weeks"


def test_a_new_personal_contact_gets_the_personal_circles_cadence(ctx: Context) -> None:
    settings.change_setting(ctx, "personal_cadence", "every 10 weeks")
    offered = contacts.new_contact_defaults(ctx)
    assert offered.circle_cadences[Circle.PERSONAL] == "every 10 weeks"
    friend = contacts.add_contact(
        ctx, contacts.ContactFields(full_name="Di Park", circle=Circle.PERSONAL)
    )
    colleague = contacts.add_contact(ctx, contacts.ContactFields(full_name="Ana Souza"))
    assert contacts.show_contact(ctx, str(friend.id)).cadence_spec == "every 10 weeks"
    assert contacts.show_contact(ctx, str(colleague.id)).cadence_spec == "every 4 weeks"


def test_the_offered_cadence_follows_the_setting(ctx: Context) -> None:
    assert contacts.new_contact_defaults(ctx).cadence == settings.SettingsView().default_cadence
    settings.change_setting(ctx, "default_cadence", "monthly")
    assert contacts.new_contact_defaults(ctx).cadence == "every month"


@pytest.mark.parametrize(
    ("fields", "new", "message"),
    [
        (contacts.ContactFields(), True, "a contact needs a name"),
        (contacts.ContactFields(full_name="  "), True, "a contact needs a name"),
        (contacts.ContactFields(full_name=""), False, "a contact needs a name"),
        (
            contacts.ContactFields(full_name="Ana", email="ana.example.com"),
            True,
            "'ana.example.com' is not an e-mail address",
        ),
        (contacts.ContactFields(tier="D"), False, "tier must be one of A, B, C"),
    ],
)
def test_a_contact_is_checked_before_it_is_saved(
    ctx: Context, fields: contacts.ContactFields, new: bool, message: str
) -> None:
    with pytest.raises(NetdayError, match=message):
        contacts.check_contact(ctx, fields, new=new)
    save = contacts.add_contact if new else lambda c, f: contacts.edit_contact(c, "ana", f)
    if not new:
        person(ctx, "Ana Souza")
    with pytest.raises(NetdayError, match=message):
        save(ctx, fields)


def test_a_checked_contact_comes_back_cleaned(ctx: Context) -> None:
    fields = contacts.ContactFields(full_name="  Ana\tSouza ", email=" ana@example.com ")
    checked = contacts.check_contact(ctx, fields, new=True)
    assert (checked.full_name, checked.email) == ("Ana Souza", "ana@example.com")


@pytest.mark.parametrize(
    ("text", "minutes"), [("", None), ("  ", None), ("0", 0), (" 45 ", 45), ("1440", 1440)]
)
def test_minutes_as_typed(text: str, minutes: int | None) -> None:
    assert journal.read_minutes(text) == minutes


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1441", "minutes must be between 0 and 1440, not 1,441"),
        ("-5", "a whole number from 0 to 1440"),
        ("ten", "a whole number from 0 to 1440"),
        ("4.5", "a whole number from 0 to 1440"),
        ("99999999999999999999", "a whole number from 0 to 1440"),
    ],
)
def test_minutes_that_no_day_holds_are_refused(text: str, message: str) -> None:
    with pytest.raises(NetdayError, match=message):
        journal.read_minutes(text)


def test_every_service_that_takes_minutes_applies_the_one_rule(ctx: Context) -> None:
    person(ctx, "Ana Souza")
    message = "minutes must be between 0 and 1440, not 1,441"
    with pytest.raises(NetdayError, match=message):
        journal.log_interaction(ctx, "ana", minutes=1441)
    with pytest.raises(NetdayError, match=message):
        planner.plan_for(ctx, minutes=1441)
    with pytest.raises(NetdayError, match=message):
        review.save_review(ctx, minutes=1441)
    with pytest.raises(NetdayError, match="from 0 to 1,440"):
        settings.change_setting(ctx, "minutes_per_day", "1441")


def test_a_snooze_lasts_until_a_day_after_today(ctx: Context) -> None:
    assert planner.snooze_until(ctx) == TOMORROW
    assert planner.snooze_until(ctx, "2026-12-01") == dt.date(2026, 12, 1)
    for text in ("today", "yesterday", "2026-11-22"):
        with pytest.raises(NetdayError, match="snooze until a day after today"):
            planner.snooze_until(ctx, text)
    with pytest.raises(NetdayError, match="is not a date"):
        planner.snooze_until(ctx, "someday")
    person(ctx, "Ana Souza")
    with pytest.raises(NetdayError, match="snooze until a day after today"):
        planner.snooze_contact(ctx, "ana", TODAY)


def test_a_post_needs_a_url_or_an_excerpt(ctx: Context) -> None:
    assert posts.check_post(" https://example.com/p ", "") == ("https://example.com/p", "")
    assert posts.check_post("", "On hiring") == ("", "On hiring")
    with pytest.raises(NetdayError, match="a post needs a URL or an excerpt"):
        posts.check_post("  ", "\n")
    person(ctx, "Ana Souza")
    with pytest.raises(NetdayError, match="a post needs a URL or an excerpt"):
        posts.add_post(ctx, "ana", " ", " ")


def test_no_review_of_a_day_that_has_not_started(ctx: Context) -> None:
    assert review.reviewable_day(ctx) == TODAY
    assert review.reviewable_day(ctx, TODAY - dt.timedelta(days=1)) == TODAY - dt.timedelta(1)
    with pytest.raises(NetdayError, match="a day can be reviewed once it has started"):
        review.reviewable_day(ctx, TOMORROW)
    with pytest.raises(NetdayError, match="a day can be reviewed once it has started"):
        review.review_day(ctx, TOMORROW)
    with pytest.raises(NetdayError, match="a day can be reviewed once it has started"):
        review.save_review(ctx, TOMORROW, note="early")
