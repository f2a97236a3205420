"""Which peers this installation believes: those it signed itself (see ``sync.trust``)."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import delete, func, select, update
from sqlalchemy.engine import Connection

from kimdesk.domain.ids import utc_now
from kimdesk.domain.text import printable
from kimdesk.store import migrate
from kimdesk.store.bookkeeping import audit
from kimdesk.store.installation import InstallationInfo, PeerInfo, peers, sign_peers, trust_peer
from kimdesk.store.models import BundleIn, Peer
from kimdesk.sync.identity import KeyPairs, fingerprint
from kimdesk.sync.trust import is_signed_by, signed

#: The schema from which peer rows carry signatures.
SIGNED_SINCE = 4
_peer = Peer.__table__
_bundle_in = BundleIn.__table__


def _public(installation: InstallationInfo) -> bytes:
    return KeyPairs(installation.signing_key, None).public_signing()


def trusted_peers(
    installation: InstallationInfo, conn: Connection, role: str | None = None
) -> list[PeerInfo]:
    """The peers this installation signed; any other row is ignored."""
    key = _public(installation)
    return [p for p in peers(conn, role=role) if is_signed_by(p, key)]


def unsigned_peers(installation: InstallationInfo, conn: Connection) -> list[PeerInfo]:
    """Peer rows without this installation's valid signature (written into the database by
    someone else): they are not believed, and the coordinator is told."""
    key = _public(installation)
    return [p for p in peers(conn) if not is_signed_by(p, key)]


def trust(installation: InstallationInfo, conn: Connection, peer: PeerInfo) -> bool:
    """Trust ``peer`` with this installation's signature; False if it was trusted already. A
    row for the same installation that this one never signed is replaced."""
    for row in unsigned_peers(installation, conn):
        if row.installation_id == peer.installation_id:
            conn.execute(delete(_peer).where(_peer.c.installation_id == row.installation_id))
    return trust_peer(conn, signed(peer, installation.signing_key))


def sign_after_migration(installation: InstallationInfo, conn: Connection, store) -> int:
    """Sign the peer rows of a store just migrated from before schema 4 (they had no
    signature field); returns how many. Rows of a store already at schema 4 are never
    signed after the fact: an unsigned one there was not written by KIMdesk."""
    before = migrate.schema_version(getattr(store, "migrated_from", None))
    if not before or before >= SIGNED_SINCE:
        return 0
    rows = [p for p in peers(conn) if p.signature is None]
    sign_peers(conn, [signed(p, installation.signing_key) for p in rows])
    return len(rows)


def take_announced_key(
    installation: InstallationInfo, conn: Connection, peer: PeerInfo, key: bytes, seq: int
) -> str:
    """Take the X25519 key a device announced in bundle ``seq``, which it signed with its
    enrolled key (manifest version 2): the row gets the key and the fingerprint over it,
    signed anew, and an audit entry. A bundle older than one already merged does not bring
    back an earlier key. Returns the sentence for the import summary."""
    newest = conn.execute(
        select(func.max(_bundle_in.c.seq)).where(
            _bundle_in.c.installation_id == peer.installation_id
        )
    ).scalar()
    if newest is not None and seq < newest:
        return (f"{printable(peer.name)} schickte mit diesem älteren Bundle einen anderen "
                "Schlüssel für Antworten; es gilt der aus dem neueren Bundle.")  # fmt: skip
    updated = signed(
        replace(peer, agreement_key=key, signature=None,
                fingerprint=fingerprint(peer.installation_id, peer.role, peer.name,
                                        peer.signing_key, key)),
        installation.signing_key,
    )  # fmt: skip
    conn.execute(
        update(_peer)
        .where(_peer.c.installation_id == peer.installation_id)
        .values(agreement_key=key, fingerprint=updated.fingerprint, signature=updated.signature)
    )
    audit(conn, at=utc_now(), installation_id=installation.id, action="key", entity="peer",
          record_ids=[peer.installation_id], detail="Schlüssel für Antworten")  # fmt: skip
    return (f"{printable(peer.name)} hat den Schlüssel für Antworten der Kreisstelle "
            f"mitgeschickt; er wird mit dem Import übernommen (Fingerabdruck dann "
            f"{updated.fingerprint}).")  # fmt: skip
