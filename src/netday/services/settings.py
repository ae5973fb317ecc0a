"""User settings stored in the database (one row); what each setting is, its default and
what it accepts are declared once in `netday.settings_fields`."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from netday.cleaning import quoted
from netday.errors import NetdayError
from netday.scheduling.cadence import Cadence
from netday.scheduling.plan import PlanLimits
from netday.services.context import Context
from netday.settings_fields import BY_NAME, FIELDS, SettingsValues
from netday.store.models import Settings
from netday.store.upsert import insert_if_missing
from netday.vocabulary import Circle, Tier


@dataclass(frozen=True)
class SettingsView(SettingsValues):
    """The settings as services read them: the declared fields (`netday.settings_fields`)
    and what follows from them."""

    def tier_cadence(self, tier: str) -> str:
        """The cadence a contact gets when triaged into `tier` (A, B or C)."""
        value: str = getattr(self, f"tier_{Tier(tier.upper()).lower()}_cadence")
        return value

    def circle_cadence(self, circle: str) -> str:
        """The cadence a new contact of `circle` gets: `default_cadence` for a professional
        one (netday plans networking first), `personal_cadence` for a personal one."""
        return self.personal_cadence if circle == Circle.PERSONAL else self.default_cadence

    @property
    def limits(self) -> PlanLimits:
        return PlanLimits(self.minutes_per_call, self.min_calls, self.max_calls)


SETTING_NAMES = tuple(setting.name for setting in FIELDS)


def settings_row(session: Session) -> Settings:
    """The one settings row, for changing it; created (race-free) if missing."""
    row = session.get(Settings, 1)
    if row is None:
        insert_if_missing(session, Settings, {"id": 1}, ["id"])
        row = session.get_one(Settings, 1)
    return row


def load_settings(session: Session) -> SettingsView:
    """The settings, read without writing: the declared defaults when the row is missing."""
    row = session.get(Settings, 1)
    if row is None:
        return SettingsView()
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
    setting = BY_NAME[key]
    if setting.range is None:
        new = Cadence.parse_every(value, ctx.today()).spec()
    else:
        low, high = setting.range
        raw = value.strip()
        number = int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 9 else None
        if number is None or not low <= number <= high:
            raise NetdayError(f"{key} must be a whole number from {low} to {high:,}")
        new = number
    with ctx.db.transaction() as session:
        row = settings_row(session)
        setattr(row, key, new)
        changed = load_settings(session)
        if changed.min_calls > changed.max_calls:
            raise NetdayError("min_calls cannot be larger than max_calls")
        return changed
