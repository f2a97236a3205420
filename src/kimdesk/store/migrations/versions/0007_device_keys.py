"""Schema 7: every installation holds an X25519 key pair, a case manager's device too.

An office's replies to a device (receipts, decisions, the county profile, handed-over cases)
are encrypted to the device's key, as bundles are to the office's. A device made before has
none: it gets one here, inside the encrypted file (a server store is always an office's and
has one). The office learns the public key from the device's identity file or from its next
signed bundle (docs/sync.md, "Two-way county").

Revision ID: 0007
Revises: 0006
"""

from alembic import op
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import text

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
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
