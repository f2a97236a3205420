"""This installation's row, its trusted peers, and the catalog copied into the store."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection

from kimdesk.domain.catalog import (
    DEFAULT_INACTIVE_WEEKS,
    DEFAULT_MIN_COUNT,
    Catalog,
    CatalogEntry,
    RetentionRules,
    inactive_weeks,
    load_profile,
    population_of,
    retention_rules,
)
from kimdesk.domain.errors import KimdeskError

from .models import CatalogEntryRow, Installation, Peer, ProfileVersionRow

_inst = Installation.__table__
_peer = Peer.__table__
_cat = CatalogEntryRow.__table__
_profile = ProfileVersionRow.__table__


@dataclass(frozen=True)
class InstallationInfo:
    id: str
    role: str
    name: str
    profile: str
    created_at: datetime
    signing_key: bytes
    agreement_key: bytes | None

    def __repr__(self) -> str:  # never print private keys
        return f"InstallationInfo(id={self.id!r}, role={self.role!r}, name={self.name!r})"


@dataclass(frozen=True)
class PeerInfo:
    installation_id: str
    role: str
    name: str
    signing_key: bytes
    agreement_key: bytes | None
    fingerprint: str
    trusted_at: datetime
    signature: bytes | None = None


def _same(value):
    return value


def save_installation(conn: Connection, info: InstallationInfo, *, seal=_same) -> None:
    """``seal`` protects the private keys where the store itself is not encrypted (a server)."""
    if conn.execute(select(_inst.c.id)).first() is not None:
        raise KimdeskError("Dieser Speicher gehört schon zu einer Installation.")
    conn.execute(
        insert(_inst).values(
            id=info.id,
            role=info.role,
            name=info.name,
            profile=info.profile,
            created_at=info.created_at,
            signing_key=seal(info.signing_key),
            agreement_key=seal(info.agreement_key),
        )
    )


def load_installation(conn: Connection, *, unseal=_same) -> InstallationInfo:
    row = conn.execute(select(_inst)).mappings().first()
    if row is None:
        raise KimdeskError("Der Speicher ist nicht eingerichtet (keine Installation).")
    values = dict(row)
    values["signing_key"] = unseal(values["signing_key"])
    values["agreement_key"] = unseal(values["agreement_key"])
    return InstallationInfo(**values)


def trust_peer(conn: Connection, peer: PeerInfo) -> bool:
    """Store a trusted peer; False if exactly this peer was already trusted."""
    existing = (
        conn.execute(select(_peer).where(_peer.c.installation_id == peer.installation_id))
        .mappings()
        .first()
    )
    if existing is not None:
        if existing["signing_key"] == peer.signing_key and (
            existing["agreement_key"] == peer.agreement_key
        ):
            return False
        raise KimdeskError(
            f"Unter der Installation {peer.installation_id} ist bereits ein anderer Schlüssel "
            f"hinterlegt (Fingerabdruck {existing['fingerprint']})."
        )
    conn.execute(insert(_peer).values(**peer.__dict__))
    return True


def sign_peers(conn: Connection, signed: list[PeerInfo]) -> None:
    """Store the signatures of peers signed after the fact (rows older than schema 4)."""
    for peer in signed:
        conn.execute(
            _peer.update()
            .where(_peer.c.installation_id == peer.installation_id)
            .values(signature=peer.signature)
        )


def peers(conn: Connection, role: str | None = None) -> list[PeerInfo]:
    """Every peer row, signed or not: ``services.trust`` keeps those this installation signed."""
    query = select(_peer).order_by(_peer.c.name)
    if role:
        query = query.where(_peer.c.role == role)
    return [PeerInfo(**row) for row in conn.execute(query).mappings()]


def save_catalog(conn: Connection, catalog: Catalog) -> None:
    conn.execute(delete(_cat))
    conn.execute(
        insert(_cat),
        [
            {
                "catalog": e.catalog,
                "code": e.code,
                "label_de": e.label_de,
                "label_en": e.label_en,
                "parent": e.parent,
                "sort": e.sort,
                "active": e.active,
                "aliases": json.dumps(list(e.aliases), ensure_ascii=False),
                "since": e.since,
            }
            for e in catalog
        ],
    )


def save_profile_version(
    conn: Connection, catalog: Catalog, document: str, summary: list[str], at: datetime
) -> None:
    """A new version of the county profile: its catalog replaces the store's (codes are never
    removed, so every code stays), the version and its document are kept."""
    save_catalog(conn, catalog)
    conn.execute(insert(_profile).values(
        version=catalog.version, created_at=at, document=document,
        summary=json.dumps(summary, ensure_ascii=False),
    ))  # fmt: skip


def profile_history(conn: Connection) -> list[dict]:
    """The versions applied or received, newest first (version, created_at, summary)."""
    rows = conn.execute(
        select(_profile.c.version, _profile.c.created_at, _profile.c.summary)
        .order_by(_profile.c.version.desc())
    )  # fmt: skip
    return [{"version": r.version, "created_at": r.created_at, "summary": json.loads(r.summary)}
            for r in rows]  # fmt: skip


def load_catalog(conn: Connection) -> Catalog:
    info = load_installation(conn)
    entries = [
        CatalogEntry(
            catalog=row.catalog,
            code=row.code,
            label_de=row.label_de,
            label_en=row.label_en,
            parent=row.parent,
            sort=row.sort,
            active=row.active,
            aliases=tuple(json.loads(row.aliases)),
            since=row.since,
        )
        for row in conn.execute(select(_cat))
    ]
    latest = conn.execute(
        select(_profile.c.version, _profile.c.document).order_by(_profile.c.version.desc()).limit(1)
    ).first()  # fmt: skip
    # The county itself is the one municipality entry without a parent.
    county = next((e.code for e in entries if e.catalog == "municipality" and not e.parent), "")
    if latest is not None:  # a version applied or received: its settings
        data = json.loads(latest.document)
        return Catalog.from_entries(info.profile, data["name"], county, entries,
                                    data["retention_years"], data["publication"]["min_count"],
                                    latest.version,
                                    inactive_weeks(data) or DEFAULT_INACTIVE_WEEKS,
                                    retention_rules(data) or RetentionRules(),
                                    population_of(data))  # fmt: skip
    try:  # the shipped profile knows the county's name and retention; a store copies entries
        shipped = load_profile(info.profile)
        name, retention, min_count = shipped.name, shipped.retention_years, shipped.min_count
        rules, weeks, people = shipped.retention, shipped.inactive_weeks, shipped.population
    except KimdeskError:
        name, retention, min_count = info.profile, 0, DEFAULT_MIN_COUNT
        rules, weeks, people = RetentionRules(), DEFAULT_INACTIVE_WEEKS, None
    return Catalog.from_entries(info.profile, name, county, entries, retention, min_count,
                                inactive_weeks=weeks, retention=rules, population=people)  # fmt: skip
