"""endorsements and recommendations: two more kinds of interaction, read from the
LinkedIn export (skills endorsed and recommendations written, either way)

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23

Only the interaction.kind check changes: no row is touched going up. Going down, the
two kinds do not exist yet, so their rows become notes whose summary starts with the
kind in brackets (`[endorsement] Endorsed you for Python`): nothing is deleted, the
balance (gave / asked) stays, and the words say what each row was.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BEFORE = (
    "call", "video", "meeting", "message", "email", "event", "comment", "like", "share",
    "invite", "note",
)  # fmt: skip
ADDED = ("endorsement", "recommendation")


def _kind_check(words: Sequence[str]) -> str:
    return "kind IN (" + ", ".join(f"'{w}'" for w in words) + ")"


def upgrade() -> None:
    with op.batch_alter_table("interaction") as batch:
        batch.drop_constraint(op.f("ck_interaction_kind"), type_="check")
        batch.create_check_constraint(op.f("ck_interaction_kind"), _kind_check(BEFORE + ADDED))


def downgrade() -> None:
    interaction = sa.table(
        "interaction", sa.column("kind", sa.String), sa.column("summary", sa.Text)
    )
    for kind in ADDED:
        op.execute(
            interaction.update()
            .where(interaction.c.kind == kind)
            .values(kind="note", summary=sa.literal(f"[{kind}] ") + interaction.c.summary)
        )
    with op.batch_alter_table("interaction") as batch:
        batch.drop_constraint(op.f("ck_interaction_kind"), type_="check")
        batch.create_check_constraint(op.f("ck_interaction_kind"), _kind_check(BEFORE))
