"""Schema 8, decisions flow back: every synced record carries ``base_version`` (the version of
another installation's record its latest edit started from), the office keeps whose record
a version of its own is (``record_owner``) and which decisions each reply carried
(``reply_out.records``).

A device that takes the office's version of one of its records (a coordinator's edit, a
settled conflict) and edits it sends the office's version number along; the office then
knows the edit was made on its decision and takes it without a conflict (docs/sync.md,
"Decisions and field ownership"). Existing records have no base (null), which is what they
had in effect before.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

SYNCED = ("client", "case_file", "goal", "consultation", "group_offer", "group_session",
          "structural_need")  # fmt: skip


def upgrade() -> None:
    for table in SYNCED:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("base_version", sa.Integer(), nullable=True))
    with op.batch_alter_table("reply_out") as batch:
        batch.add_column(sa.Column("records", sa.Text(), nullable=False, server_default="[]"))
    op.create_table(
        "record_owner",
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("entity", sa.String(32), nullable=False),
        sa.Column("owner", sa.String(36), nullable=False),
        sa.PrimaryKeyConstraint("record_id", name="pk_record_owner"),
    )
    op.create_index("ix_record_owner_owner", "record_owner", ["owner"])
