"""Schema 10, the directory of the county's devices: a device keeps the case manager devices
its office's latest reply named (``device_directory``: names, keys, fingerprints), to which
a case can be handed over; the office notes which directory each reply carried
(``reply_out.directory_sha``).

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "device_directory",
        sa.Column("installation_id", sa.String(36), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("signing_key", sa.LargeBinary(), nullable=False),
        sa.Column("agreement_key", sa.LargeBinary(), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("reply_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("installation_id", name="pk_device_directory"),
    )
    with op.batch_alter_table("reply_out") as batch:
        batch.add_column(sa.Column("directory_sha", sa.String(64), nullable=True))
