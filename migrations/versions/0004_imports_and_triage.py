"""imported contacts: triage state, connection date, source, original vCard, extra
e-mails/phones/URLs; a default cadence per tier

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "contact_detail",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("value", sa.String(length=500), nullable=False),
        sa.CheckConstraint(
            "kind IN ('email', 'phone', 'url')", name=op.f("ck_contact_detail_kind")
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_contact_detail_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_detail")),
    )
    with op.batch_alter_table("contact_detail") as batch:
        batch.create_index(batch.f("ix_contact_detail_contact_id"), ["contact_id"], unique=False)
    with op.batch_alter_table("contact") as batch:
        batch.add_column(sa.Column("triage", sa.String(length=8), nullable=True))
        batch.add_column(sa.Column("connected_on", sa.Date(), nullable=True))
        batch.add_column(
            sa.Column("source", sa.String(length=16), server_default="", nullable=False)
        )
        batch.add_column(sa.Column("vcard", sa.Text(), nullable=True))
        batch.create_check_constraint(
            op.f("ck_contact_triage"), "triage IS NULL OR triage IN ('pending', 'skipped')"
        )
        batch.create_index("ix_contact_triage", ["triage", "connected_on"], unique=False)
    with op.batch_alter_table("settings") as batch:
        for tier, cadence in (
            ("a", "every 3 weeks"),
            ("b", "every 2 months"),
            ("c", "every 4 months"),
        ):
            batch.add_column(
                sa.Column(
                    f"tier_{tier}_cadence",
                    sa.String(length=100),
                    server_default=cadence,
                    nullable=False,
                )
            )


def downgrade() -> None:
    with op.batch_alter_table("settings") as batch:
        for tier in ("a", "b", "c"):
            batch.drop_column(f"tier_{tier}_cadence")
    with op.batch_alter_table("contact") as batch:
        batch.drop_index("ix_contact_triage")
        batch.drop_constraint(op.f("ck_contact_triage"), type_="check")
        batch.drop_column("vcard")
        batch.drop_column("source")
        batch.drop_column("connected_on")
        batch.drop_column("triage")
    op.drop_table("contact_detail")
