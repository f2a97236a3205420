"""Schema 12, case work on the device (issue 19): a case's next follow-up date
(``case_file.follow_up_on``, Wiedervorlage), local like the case's notes: it never travels;
the index of consultations by case becomes one by case and day (``ix_consultation_case_day``),
from which the Wiedervorlage reads each case's latest consultation.

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("case_file") as batch:
        batch.add_column(sa.Column("follow_up_on", sa.Date(), nullable=True))
    # A case's consultations by day, covering: the latest one per case without the rows.
    op.drop_index("ix_consultation_case_id", table_name="consultation")
    op.create_index(
        "ix_consultation_case_day", "consultation", ["case_id", "occurred_on", "deleted"]
    )
