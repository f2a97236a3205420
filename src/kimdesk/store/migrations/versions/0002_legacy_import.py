"""Schema 2: legacy list import — files taken over, and case references from those lists.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "legacy_import",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.String(length=400), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("rows_imported", sa.Integer(), nullable=False),
        sa.Column("rows_rejected", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_legacy_import")),
        sa.UniqueConstraint("file_sha256", name=op.f("uq_legacy_import_file_sha256")),
    )
    with op.batch_alter_table("case_file") as batch_op:
        batch_op.add_column(sa.Column("legacy_ref", sa.String(length=200), nullable=True))
        batch_op.create_index(batch_op.f("ix_case_file_legacy_ref"), ["legacy_ref"], unique=False)
