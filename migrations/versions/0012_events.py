"""events: a day, a place or a link, and the people one plans to meet there or met

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04

New tables only: no existing row changes. Meeting someone at an event is logged as an
interaction of kind event (already a word of the log); `event_person` links the person
to the event and, once met, to that interaction (SET NULL: deleting the interaction from
the log keeps the person met).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=500), nullable=False),
        sa.Column("url", sa.String(length=1000), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event")),
    )
    with op.batch_alter_table("event") as batch:
        batch.create_index("ix_event_on_date", ["on_date"], unique=False)
    op.create_table(
        "event_person",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("planned", sa.Boolean(), nullable=False),
        sa.Column("met_at", sa.DateTime(), nullable=True),
        sa.Column("interaction_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_event_person_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_event_person_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["interaction_id"],
            ["interaction.id"],
            name=op.f("fk_event_person_interaction_id_interaction"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("event_id", "contact_id", name=op.f("pk_event_person")),
    )
    with op.batch_alter_table("event_person") as batch:
        batch.create_index("ix_event_person_contact_id", ["contact_id"], unique=False)


def downgrade() -> None:
    op.drop_table("event_person")
    op.drop_table("event")
