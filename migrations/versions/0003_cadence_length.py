"""typical cadence length in days, stored so plans can be ranked in SQL

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22

Self-contained on purpose: a migration must do the same thing whatever netday's code
becomes, so the measure of a calendar rule is written out here (as netday measured it
when this revision was last changed) instead of imported from netday.scheduling.
"""

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from itertools import islice

import sqlalchemy as sa
from alembic import op
from dateutil.relativedelta import relativedelta
from dateutil.rrule import rrule, rrulestr

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MONTH_DAYS = 30.44
HORIZON_YEARS = 5
"""A rule whose next date is further away than this has ended."""
REFERENCE = dt.date(2001, 1, 1)
"""Where a rule is measured from (a Monday)."""
OCCURRENCES = 13
GREGORIAN_CYCLE = 400


def upgrade() -> None:
    with op.batch_alter_table("contact") as batch:
        batch.add_column(sa.Column("cadence_days", sa.Float(), nullable=True))
    op.execute(
        "UPDATE contact SET cadence_days = cadence_every * CASE cadence_unit "
        f"WHEN 'days' THEN 1 WHEN 'weeks' THEN 7 ELSE {MONTH_DAYS} END "
        "WHERE cadence_kind = 'relative'"
    )
    conn = op.get_bind()
    rules = conn.execute(
        sa.text("SELECT DISTINCT cadence_rule FROM contact WHERE cadence_kind = 'calendar'")
    ).scalars()
    for rule in list(rules):
        conn.execute(
            sa.text("UPDATE contact SET cadence_days = :days WHERE cadence_rule = :rule"),
            {"days": period_days(rule), "rule": rule},
        )


def downgrade() -> None:
    with op.batch_alter_table("contact") as batch:
        batch.drop_column("cadence_days")


def period_days(rule: str) -> float:
    """Average days between a calendar rule's first dozen dates from `REFERENCE`,
    stopping where the rule leaves a gap past the horizon; a month when it has fewer
    than two dates (it ends, or dateutil cannot read it)."""
    end = _plus_years(REFERENCE, OCCURRENCES * HORIZON_YEARS)
    dates = list(islice(_spaced_dates(rule, end), OCCURRENCES))
    if len(dates) < 2:
        return MONTH_DAYS
    return max(1.0, round((dates[-1] - dates[0]).days / (len(dates) - 1), 2))


def _plus_years(day: dt.date, years: int) -> dt.date:
    try:
        moved: dt.date = day + relativedelta(years=years)
    except (OverflowError, ValueError):
        return dt.date.max
    return moved


def _spaced_dates(rule: str, end: dt.date) -> Iterator[dt.date]:
    limit = _plus_years(REFERENCE, HORIZON_YEARS)
    for day in _dates(rule, end):
        if day > limit:
            return
        yield day
        limit = _plus_years(day, HORIZON_YEARS)


def _dates(rule: str, end: dt.date) -> Iterator[dt.date]:
    """The rule's dates from `REFERENCE` up to `end`, in bounded time: dateutil looks
    for a date until the year 9999, so the same question is asked a whole number of
    400-year calendar cycles later, where that search is short."""
    shift = (dt.MAXYEAR - end.year) // GREGORIAN_CYCLE * GREGORIAN_CYCLE
    shifted = re.sub(r"UNTIL=(\d{4})", lambda m: f"UNTIL={int(m.group(1)) + shift:04d}", rule)
    start = dt.datetime.combine(REFERENCE.replace(year=REFERENCE.year + shift), dt.time())
    try:
        built = rrulestr(shifted, dtstart=start)
    except (ValueError, TypeError, KeyError, IndexError, OverflowError):
        return
    if not isinstance(built, rrule):
        return
    try:
        for found in built.xafter(start, inc=True):
            day = found.date()
            day = day.replace(year=day.year - shift)
            if day > end:
                return
            yield day
    except (ValueError, OverflowError):
        return
