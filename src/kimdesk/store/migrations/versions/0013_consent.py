"""Schema 13, consent and recipients (issue 19): a client's history of consents
(``client.consents``, local JSON of ``kimdesk.domain.consent``) with the flag that travels
(``client.consent``, derived when a bundle is written), and a referral's actual recipient
(``referral.recipient``, local).

A case's "Einwilligung vom" (``case_file.consent_on``) becomes a consent of its client whose
form and scope were never recorded (``nicht_erfasst``), one per day; the case's column is
emptied. Nothing of this travels, so no record gets a new version.

Revision ID: 0013
Revises: 0012
"""

import json
from collections import defaultdict

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("client") as batch:
        batch.add_column(sa.Column("consent", sa.Boolean(), nullable=True))
        batch.add_column(sa.Column("consents", sa.Text(), nullable=True))
    with op.batch_alter_table("referral") as batch:
        batch.add_column(sa.Column("recipient", sa.String(length=200), nullable=True))
    conn = op.get_bind()
    days: dict[str, set[str]] = defaultdict(set)
    for client_id, consent_on in conn.execute(sa.text(
        "SELECT client_id, consent_on FROM case_file "
        "WHERE consent_on IS NOT NULL AND client_id IS NOT NULL"
    )):  # fmt: skip
        days[client_id].add(str(consent_on)[:10])
    for client_id, given in days.items():
        consents = [
            {"given_on": day, "form": "nicht_erfasst", "given_by": "klient", "targets": [],
             "data": [], "valid_until": None, "withdrawn_on": None, "guardian": None,
             "note": None}
            for day in sorted(given)
        ]  # fmt: skip
        conn.execute(
            sa.text("UPDATE client SET consents = :c WHERE id = :id"),
            {"c": json.dumps(consents, ensure_ascii=False, separators=(",", ":"),
                             sort_keys=True), "id": client_id},
        )  # fmt: skip
    conn.execute(sa.text("UPDATE case_file SET consent_on = NULL WHERE consent_on IS NOT NULL"))
