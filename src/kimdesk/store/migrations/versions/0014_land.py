"""Schema 14, the Land (issue 20): the county reports it received (``county_report``, every
one kept, the replaced ones naming their successor) and the office the Land enrolled for each
county (``county_office``). Empty in every store that is not a Land's.

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "county_report",
        sa.Column("report_id", sa.String(36), nullable=False),
        sa.Column("office_id", sa.String(36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("ags", sa.String(8), nullable=False),
        sa.Column("period", sa.String(7), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("file_name", sa.String(400), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("replaced_by", sa.String(36), nullable=True),
        sa.PrimaryKeyConstraint("report_id", name="pk_county_report"),
        sa.UniqueConstraint("office_id", "seq", name="uq_county_report_office_seq"),
    )
    op.create_index("ix_county_report_ags_period", "county_report", ["ags", "period"])
    op.create_table(
        "county_office",
        sa.Column("ags", sa.String(8), nullable=False),
        sa.Column("office_id", sa.String(36), nullable=False),
        sa.Column("bound_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("ags", name="pk_county_office"),
        sa.UniqueConstraint("office_id", name="uq_county_office_office_id"),
    )
