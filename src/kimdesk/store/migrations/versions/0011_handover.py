"""Schema 11, case handover: a device keeps the packages it wrote (``handover_out``) until the
receiver has taken them, the records it gave away (``handed_over``, no longer its to change)
and the handovers it took (``handover_taken``, confirmed in its next bundles); the office keeps
each package it forwards, unopened (``handover_in``).

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "handover_out",
        sa.Column("handover_id", sa.String(36), nullable=False),
        sa.Column("receiver_id", sa.String(36), nullable=False),
        sa.Column("receiver_name", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("cases", sa.Text(), nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("contents", sa.Text(), nullable=False),
        sa.Column("package", sa.LargeBinary(), nullable=True),
        sa.Column("length", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("bundle_seq", sa.Integer(), nullable=True),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("handover_id", name="pk_handover_out"),
    )
    op.create_table(
        "handed_over",
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("entity", sa.String(32), nullable=False),
        sa.Column("handover_id", sa.String(36), nullable=False),
        sa.PrimaryKeyConstraint("record_id", name="pk_handed_over"),
    )
    op.create_index("ix_handed_over_handover_id", "handed_over", ["handover_id"])
    op.create_table(
        "handover_taken",
        sa.Column("handover_id", sa.String(36), nullable=False),
        sa.Column("sender_id", sa.String(36), nullable=False),
        sa.Column("sender_name", sa.String(200), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=False),
        sa.Column("cases", sa.Text(), nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("bundle_seq", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("handover_id", name="pk_handover_taken"),
    )
    op.create_table(
        "handover_in",
        sa.Column("handover_id", sa.String(36), nullable=False),
        sa.Column("sender_id", sa.String(36), nullable=False),
        sa.Column("receiver_id", sa.String(36), nullable=False),
        sa.Column("bundle_id", sa.String(36), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("cases", sa.Text(), nullable=False),
        sa.Column("contents", sa.Text(), nullable=False),
        sa.Column("length", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("package", sa.LargeBinary(), nullable=True),
        sa.Column("taken_at", sa.DateTime(), nullable=True),
        sa.Column("taken_bundle", sa.String(36), nullable=True),
        sa.PrimaryKeyConstraint("handover_id", name="pk_handover_in"),
    )
    op.create_index("ix_handover_in_sender_id", "handover_in", ["sender_id"])
    op.create_index("ix_handover_in_receiver_id", "handover_in", ["receiver_id"])
    with op.batch_alter_table("reply_out") as batch:
        batch.add_column(sa.Column("handovers", sa.Text(), nullable=True))
