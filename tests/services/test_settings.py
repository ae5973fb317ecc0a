"""Settings: a new database starts from the declared defaults, and a change is checked
against the declaration (`netday.settings_fields`)."""

from __future__ import annotations

import pytest

from netday.errors import NetdayError
from netday.services import settings
from netday.services.context import Context
from netday.settings_fields import FIELDS


def test_a_new_database_starts_from_the_declared_defaults(ctx: Context) -> None:
    """The first migration seeds the row with literal values (a migration never imports
    netday): they must be the declared defaults, or a new database and a missing row
    would plan differently."""
    assert settings.get_settings(ctx) == settings.SettingsView()


def test_every_setting_takes_a_value_other_than_its_default(ctx: Context) -> None:
    for setting in FIELDS:
        if setting.range is None:
            value, stored = "every 9 days", "every 9 days"
        else:
            low, high = setting.range
            stored = high if setting.name != "min_calls" else low + 1
            value = str(stored)
        changed = settings.change_setting(ctx, setting.name.replace("_", "-"), value)
        assert getattr(changed, setting.name) == stored != setting.default
    assert settings.get_settings(ctx) == changed


def test_an_unknown_setting_names_the_known_ones(ctx: Context) -> None:
    with pytest.raises(NetdayError, match="known: minutes_per_day, minutes_per_call"):
        settings.change_setting(ctx, "minutes", "20")


def test_min_calls_stays_at_most_max_calls(ctx: Context) -> None:
    with pytest.raises(NetdayError, match="min_calls cannot be larger than max_calls"):
        settings.change_setting(ctx, "min_calls", "6")
    assert settings.get_settings(ctx).min_calls == 3
