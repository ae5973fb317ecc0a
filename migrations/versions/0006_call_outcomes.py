"""call outcomes: a call is answered, not answered or a message left; how many
unanswered tries the plan brings a person back for

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("interaction") as batch:
        batch.add_column(sa.Column("outcome", sa.String(length=10), nullable=True))
        batch.create_check_constraint(
            op.f("ck_interaction_outcome"),
            "outcome IS NULL OR outcome IN ('answered', 'no-answer', 'message')",
        )
    # Every call logged before outcomes existed was a conversation: it was answered.
    op.execute("UPDATE interaction SET outcome = 'answered' WHERE kind IN ('call', 'video')")
    op.create_index("ix_interaction_outcome_time", "interaction", ["outcome", "occurred_at"])
    with op.batch_alter_table("settings") as batch:
        batch.add_column(sa.Column("call_tries", sa.Integer(), server_default="3", nullable=False))


def downgrade() -> None:
    op.drop_index("ix_interaction_outcome_time", table_name="interaction")
    with op.batch_alter_table("settings") as batch:
        batch.drop_column("call_tries")
    with op.batch_alter_table("interaction") as batch:
        batch.drop_constraint(op.f("ck_interaction_outcome"), type_="check")
        batch.drop_column("outcome")
