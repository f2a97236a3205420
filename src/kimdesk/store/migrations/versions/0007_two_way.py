"""Schema 7, the two-way county: every installation holds an X25519 key pair, a case
manager's device too; the office counts the replies it writes to each device (``reply_out``),
a device the replies it received (``reply_in``) and which of its bundles the office has
(``bundle_out.acknowledged_at``).

An office's replies to a device (receipts, decisions, the county profile, handed-over cases)
are encrypted to the device's key, as bundles are to the office's. A device made before has
none: it gets one here, inside the encrypted file (a server store is always an office's and
has one). The office learns the public key from the device's identity file or from its next
signed bundle (docs/sync.md, "Two-way county").

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import text

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reply_out",
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("reply_id", sa.String(36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("file_name", sa.String(400), nullable=False),
        sa.Column("acknowledged", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("device_id", "seq", name="pk_reply_out"),
        sa.UniqueConstraint("reply_id", name="uq_reply_out_reply_id"),
    )
    op.create_table(
        "reply_in",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("reply_id", sa.String(36), nullable=False),
        sa.Column("office_id", sa.String(36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("acknowledged", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_reply_in"),
        sa.UniqueConstraint("reply_id", name="uq_reply_in_reply_id"),
    )
    with op.batch_alter_table("bundle_out") as batch:
        batch.add_column(sa.Column("acknowledged_at", sa.DateTime(), nullable=True))
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return  # a server store is an office's, made with its key (and sealed)
    for (installation_id,) in bind.execute(
        text("SELECT id FROM installation WHERE agreement_key IS NULL")
    ).all():
        key = X25519PrivateKey.generate().private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
        bind.execute(
            text("UPDATE installation SET agreement_key = :key WHERE id = :id"),
            {"key": key, "id": installation_id},
        )
