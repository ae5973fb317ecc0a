"""circle cadence: a personal contact gets its own default cadence (`personal_cadence`);
`default_cadence` stays the professional circle's

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04

One column on the one-row settings table, with a server default so a database that
already has its settings row gets the declared default without a data step.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("settings") as batch:
        batch.add_column(
            sa.Column(
                "personal_cadence",
                sa.String(length=100),
                server_default="every 2 months",
                nullable=False,
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("settings") as batch:
        batch.drop_column("personal_cadence")
