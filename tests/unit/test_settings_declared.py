"""The settings are declared once (`netday.settings_fields`); the README's table, the
store's columns and the services' view are what that declaration says."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from sqlalchemy import Integer, String

from netday.services.settings import SETTING_NAMES, SettingsView
from netday.settings_fields import FIELDS, describe
from netday.store.models import Settings

README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_readme_lists_every_setting_as_declared() -> None:
    text = README.read_text(encoding="utf-8")
    table = text.split("<!-- settings:", 1)[1].split("\n\n", 1)[0]
    rows = [line for line in table.splitlines() if line.startswith("| ")][2:]
    documented = [tuple(cell.strip() for cell in row.strip("|").split(" | ")) for row in rows]
    assert documented == [(f"`{name}`", *rest) for name, *rest in describe()]


def test_the_store_has_one_column_per_setting_with_its_declared_default() -> None:
    columns = Settings.__table__.c
    assert [c.name for c in columns if c.name != "id"] == [f.name for f in FIELDS]
    for setting in FIELDS:
        column = columns[setting.name]
        assert not column.nullable
        assert column.default is not None and column.default.arg == setting.default
        wanted = Integer if setting.kind == "number" else String
        assert isinstance(column.type, wanted), setting.name


def test_the_services_read_the_declared_fields_and_defaults() -> None:
    view = SettingsView()
    assert tuple(f.name for f in dataclasses.fields(view)) == SETTING_NAMES
    assert dataclasses.astuple(view) == tuple(f.default for f in FIELDS)


def test_every_number_has_a_range_and_every_text_is_a_cadence() -> None:
    for setting in FIELDS:
        if setting.kind == "number":
            assert setting.range is not None and isinstance(setting.default, int)
            low, high = setting.range
            assert low <= setting.default <= high
        else:
            assert setting.range is None and isinstance(setting.default, str)
        assert setting.doc
