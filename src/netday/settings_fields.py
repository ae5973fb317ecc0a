"""The user's settings and the defaults of a new contact, each declared once.

A setting is a column of the settings table, a field of the settings every service
reads, a line of `netday settings show`, a key `netday settings set` checks, and a row of
the README's table. `SettingsValues` below is the one declaration: each field's name,
type, default, what it accepts (a range for a number, a cadence for text) and what it
means. The store's columns and their defaults, `services.settings.SettingsView` and its
checks, and `describe()` (the README's table) are derived from it.

This module sits at the bottom of the layers (like `limits` and `vocabulary`): the store
builds its table from it, so it imports nothing of netday's but those bottom modules.
"""

from __future__ import annotations

from dataclasses import Field, dataclass, field, fields
from typing import Final, Literal

from netday.limits import DAYS_AHEAD_MAX, MINUTES_MAX
from netday.vocabulary import Circle, Tier

NEW_CONTACT_TIER: Final = Tier.B
"""The tier of a contact nobody chose a tier for (added, imported, accepted)."""
NEW_CONTACT_CIRCLE: Final = Circle.PROFESSIONAL
"""The circle of a contact nobody chose a circle for: netday plans networking first."""

Kind = Literal["number", "cadence"]
"""A number is a whole number in a range; a cadence is relative (`every 3 weeks`)."""


def _number(default: int, low: int, high: int, doc: str) -> int:
    return field(default=default, metadata={"kind": "number", "range": (low, high), "doc": doc})


def _cadence(default: str, doc: str) -> str:
    return field(default=default, metadata={"kind": "cadence", "doc": doc})


@dataclass(frozen=True)
class SettingsValues:
    """Every setting with its default; the order is that of `netday settings show`."""

    minutes_per_day: int = _number(
        30, 0, MINUTES_MAX, "minutes for networking on a day; sizes a new day's plan"
    )
    minutes_per_call: int = _number(
        10, 1, MINUTES_MAX, "minutes one call takes when the plan is sized"
    )
    # A call takes at least a minute: no day holds more calls than minutes.
    min_calls: int = _number(3, 1, MINUTES_MAX, "fewest calls a plan has (at most max_calls)")
    max_calls: int = _number(5, 1, MINUTES_MAX, "most calls a plan has")
    default_cadence: str = _cadence(
        "every 4 weeks", "the cadence of a new professional contact (the professional circle's)"
    )
    personal_cadence: str = _cadence(
        "every 2 months", "the cadence of a new personal contact, and of one triaged as personal"
    )
    invite_follow_up_days: int = _number(
        7, 1, DAYS_AHEAD_MAX, "days after sending an invitation to follow it up"
    )
    invite_expiry_days: int = _number(
        21, 1, DAYS_AHEAD_MAX, "days after which an unanswered invitation may be withdrawn"
    )
    call_tries: int = _number(
        3,
        1,
        10,
        "unanswered calls in a row the plan brings a person back for, before it stops insisting",
    )
    tier_a_cadence: str = _cadence("every 3 weeks", "the cadence of a contact triaged as tier A")
    tier_b_cadence: str = _cadence("every 2 months", "the cadence of a contact triaged as tier B")
    tier_c_cadence: str = _cadence("every 4 months", "the cadence of a contact triaged as tier C")


@dataclass(frozen=True)
class SettingField:
    """One setting as declared: what the store, the checks and the README read."""

    name: str
    kind: Kind
    default: int | str
    doc: str
    range: tuple[int, int] | None
    """The whole numbers a number accepts (inclusive); None for a cadence."""

    @property
    def accepts(self) -> str:
        """What the setting accepts, in words."""
        if self.range is None:
            return "a relative cadence: every N days, weeks or months"
        low, high = self.range
        return f"a whole number from {low} to {high:,}"


def _declared(f: Field[int | str]) -> SettingField:
    kind: Kind = f.metadata["kind"]
    default = f.default
    if not isinstance(default, int | str):
        raise TypeError(f"setting {f.name} is declared without a default")
    return SettingField(f.name, kind, default, f.metadata["doc"], f.metadata.get("range"))


FIELDS: Final = tuple(_declared(f) for f in fields(SettingsValues))
BY_NAME: Final = {f.name: f for f in FIELDS}


def describe() -> list[tuple[str, str, str, str]]:
    """The settings as a user reads them: name, default, what it accepts, what it does
    (the README's settings table is checked against this)."""
    return [(f.name, str(f.default), f.accepts, f.doc) for f in FIELDS]
