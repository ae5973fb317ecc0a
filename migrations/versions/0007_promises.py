"""promises, both ways: what I promised someone and what they promised me, each due on a
day and done or not (a small ledger beside the log's follow-up date)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04

A new table only: no existing row changes. The follow-up date a logged interaction
carries stays where it is (it is the log's "talk again by", settled by the next
conversation), so nothing is copied into the ledger and nothing has two homes.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "promise",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("owed_by", sa.String(length=4), nullable=False),
        sa.Column("what", sa.String(length=300), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("interaction_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("owed_by IN ('me', 'them')", name=op.f("ck_promise_owed_by")),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_promise_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["interaction_id"],
            ["interaction.id"],
            name=op.f("fk_promise_interaction_id_interaction"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_promise")),
    )
    with op.batch_alter_table("promise") as batch:
        batch.create_index("ix_promise_contact_done", ["contact_id", "done_at"], unique=False)
        batch.create_index("ix_promise_done_due", ["done_at", "due_on"], unique=False)
        batch.create_index("ix_promise_interaction_id", ["interaction_id"], unique=False)


def downgrade() -> None:
    op.drop_table("promise")
