"""Schema 4: every trusted peer carries this installation's signature.

On a server, whoever may write rows could otherwise enrol a device by inserting one. Rows
from before this schema have none; the store signs them once, right after this migration,
when it is opened with its passphrase (``services.trust.sign_after_migration``).

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("peer") as batch_op:
        batch_op.add_column(sa.Column("signature", sa.LargeBinary(), nullable=True))
