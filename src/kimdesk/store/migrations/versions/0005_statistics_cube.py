"""Schema 5: an index the statistics count consultations along (``stats.queries.cube``).

SQLite only: it groups by sorting every row unless an index has the grouped values in
order; a server groups by hashing. Nothing else changes: an older KIMdesk could read the
store but is refused anyway (schema version), as for every migration.

Revision ID: 0005
Revises: 0004
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE INDEX ix_consultation_cube ON consultation (deleted, "
            "substr(occurred_on, 1, 7), municipality, kind, program, language_mediation, "
            "origin, occurred_on)"
        )
