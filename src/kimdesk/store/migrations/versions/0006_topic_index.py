"""Schema 6: an index from a topic to its consultations.

The consultation list's topic filter and the statistics' topic counts look consultations up
by topic; the primary key (consultation, topic) only answers the other way round, so each
such query read every topic row. Nothing else changes.

Revision ID: 0006
Revises: 0005
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_consultation_topic_topic", "consultation_topic", ["topic", "consultation_id"]
    )
