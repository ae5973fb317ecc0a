"""typical cadence length in days, stored so plans can be ranked in SQL

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MONTH_DAYS = 30.44


def upgrade() -> None:
    with op.batch_alter_table("contact") as batch:
        batch.add_column(sa.Column("cadence_days", sa.Float(), nullable=True))
    op.execute(
        "UPDATE contact SET cadence_days = cadence_every * CASE cadence_unit "
        f"WHEN 'days' THEN 1 WHEN 'weeks' THEN 7 ELSE {MONTH_DAYS} END "
        "WHERE cadence_kind = 'relative'"
    )
    # Calendar rules need dateutil to measure; the rule text is the input.
    from netday.scheduling.cadence import rule_period_days

    conn = op.get_bind()
    rules = conn.execute(
        sa.text("SELECT DISTINCT cadence_rule FROM contact WHERE cadence_kind = 'calendar'")
    ).scalars()
    for rule in list(rules):
        conn.execute(
            sa.text("UPDATE contact SET cadence_days = :days WHERE cadence_rule = :rule"),
            {"days": rule_period_days(rule), "rule": rule},
        )


def downgrade() -> None:
    with op.batch_alter_table("contact") as batch:
        batch.drop_column("cadence_days")
