"""User settings stored in the database (one row)."""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlalchemy.orm import Session

from netday import limits
from netday.cleaning import quoted
from netday.errors import NetdayError
from netday.scheduling.cadence import Cadence
from netday.scheduling.plan import PlanLimits
from netday.services.context import Context
from netday.store.models import Settings
from netday.store.upsert import insert_if_missing


@dataclass(frozen=True)
class SettingsView:
    minutes_per_day: int
    minutes_per_call: int
    min_calls: int
    max_calls: int
    default_cadence: str
    invite_follow_up_days: int
    invite_expiry_days: int
    tier_a_cadence: str
    tier_b_cadence: str
    tier_c_cadence: str

    def tier_cadence(self, tier: str) -> str:
        """The cadence a contact gets when triaged into `tier` (A, B or C)."""
        value: str = getattr(self, f"tier_{tier.lower()}_cadence")
        return value

    @property
    def limits(self) -> PlanLimits:
        return PlanLimits(self.minutes_per_call, self.min_calls, self.max_calls)


SETTING_NAMES = tuple(f.name for f in fields(SettingsView))
NUMBER_RANGES: dict[str, tuple[int, int]] = {
    "minutes_per_day": (0, limits.MINUTES_MAX),
    "minutes_per_call": (1, limits.MINUTES_MAX),
    # A call takes at least a minute: no day holds more calls than minutes.
    "min_calls": (1, limits.MINUTES_MAX),
    "max_calls": (1, limits.MINUTES_MAX),
    "invite_follow_up_days": (1, limits.DAYS_AHEAD_MAX),
    "invite_expiry_days": (1, limits.DAYS_AHEAD_MAX),
}
"""What each numeric setting accepts, derived from `netday.limits`."""


def _defaults() -> SettingsView:
    """The settings of a database whose settings row is missing: the columns' defaults."""
    columns = Settings.__table__.c
    return SettingsView(**{name: columns[name].default.arg for name in SETTING_NAMES})


def settings_row(session: Session) -> Settings:
    """The one settings row, for changing it; created (race-free) if missing."""
    row = session.get(Settings, 1)
    if row is None:
        insert_if_missing(session, Settings, {"id": 1}, ["id"])
        row = session.get_one(Settings, 1)
    return row


def load_settings(session: Session) -> SettingsView:
    """The settings, read without writing: the defaults when the row is missing."""
    row = session.get(Settings, 1)
    if row is None:
        return _defaults()
    return SettingsView(**{name: getattr(row, name) for name in SETTING_NAMES})


def get_settings(ctx: Context) -> SettingsView:
    with ctx.db.reading() as session:
        return load_settings(session)


def change_setting(ctx: Context, name: str, value: str) -> SettingsView:
    """Change one setting; a cadence is checked like any other, a number against its range."""
    key = name.replace("-", "_")
    if key not in SETTING_NAMES:
        raise NetdayError(f"unknown setting {quoted(name)}; known: {', '.join(SETTING_NAMES)}")
    new: str | int
    if key.endswith("_cadence"):
        new = Cadence.parse_every(value, ctx.today()).spec()
    else:
        low, high = NUMBER_RANGES[key]
        raw = value.strip()
        number = int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 9 else None
        if number is None or not low <= number <= high:
            raise NetdayError(f"{key} must be a whole number from {low} to {high:,}")
        new = number
    with ctx.db.transaction() as session:
        row = settings_row(session)
        setattr(row, key, new)
        if row.min_calls > row.max_calls:
            raise NetdayError("min_calls cannot be larger than max_calls")
        return load_settings(session)
