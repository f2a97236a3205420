"""Schema 9, the county profile in versions: each catalog code knows the profile version that
added it (``catalog_entry.since``; every code a store has is from version 1), the store keeps
the versions it applied or received (``profile_version``), the office which version each
reply carried (``reply_out.profile_version``).

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("catalog_entry") as batch:
        batch.add_column(sa.Column("since", sa.Integer(), nullable=False, server_default="1"))
    with op.batch_alter_table("reply_out") as batch:
        batch.add_column(sa.Column("profile_version", sa.Integer(), nullable=True))
    op.create_table(
        "profile_version",
        sa.Column("version", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("version", name="pk_profile_version"),
    )
