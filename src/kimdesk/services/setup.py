"""Creating a store and this installation's identity (``kimdesk init``, ``kimdesk identity``)."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

from kimdesk.domain.catalog import LAND_PROFILE, load_land_profile, load_profile
from kimdesk.domain.enums import Role
from kimdesk.domain.errors import KimdeskError
from kimdesk.domain.ids import utc_now, uuid7
from kimdesk.domain.profile import document
from kimdesk.domain.text import name_problem
from kimdesk.fileio import head, shared_mode, write_output
from kimdesk.store.bookkeeping import audit
from kimdesk.store.installation import (
    InstallationInfo,
    PeerInfo,
    save_catalog,
    save_installation,
    save_profile_version,
    trust_peer,
)
from kimdesk.store.opening import create_store
from kimdesk.store.server import is_server_url
from kimdesk.sync.fields import canonical
from kimdesk.sync.identity import IDENTITY_FORMAT, MAX_IDENTITY_BYTES, Identity, KeyPairs
from kimdesk.sync.trust import signed

from .workspace import Workspace, open_workspace


def init_store(
    path: str | os.PathLike,
    passphrase: str,
    *,
    role: str,
    name: str,
    profile: str = "rhein-sieg",
    office_identity: str | os.PathLike | None = None,
) -> Workspace:
    """Create an encrypted store with new keys; a case manager's store trusts its office.
    ``profile`` names a shipped county profile, or is a county's own profile file (``.json``,
    ``profile.county_from_file``), kept as version 1 of the store's profile."""
    try:
        role = Role(role)
    except ValueError:
        raise KimdeskError(
            f"Unbekannte Rolle „{role}“: erlaubt sind casemanager, office und land."
        ) from None
    problem = name_problem(name)
    if problem:
        raise KimdeskError(problem)
    from_file = role != Role.LAND and (profile.lower().endswith(".json") or os.sep in profile)
    if role == Role.LAND:  # the Land's own catalog: the counties as its places
        catalog = load_land_profile()
        profile = catalog.profile
    elif profile == LAND_PROFILE:
        raise KimdeskError("Das Profil der Landesstelle ist kein Kreisprofil.")
    elif from_file:
        from .profile import county_from_file

        catalog = county_from_file(profile)
        profile = catalog.profile
    else:
        catalog = load_profile(profile)
    office: Identity | None = None
    if role == Role.CASEMANAGER:
        if office_identity is None:
            raise KimdeskError(
                "Ein Case-Management-Speicher braucht die Identitätsdatei der Kreisstelle (--office-key)."
            )
        office = read_office_identity(office_identity)
        if office.profile != profile:
            raise KimdeskError(
                f"Die Kreisstelle arbeitet mit dem Profil „{office.profile}“, nicht „{profile}“."
            )
    elif office_identity is not None:
        raise KimdeskError("--office-key gilt nur für Case-Management-Speicher.")

    keys = KeyPairs.generate()
    now = utc_now()
    info = InstallationInfo(
        id=uuid7(),
        role=role.value,
        name=name,
        profile=profile,
        created_at=now,
        signing_key=keys.signing,
        agreement_key=keys.agreement,
    )
    if is_server_url(path) and role == Role.CASEMANAGER:
        raise KimdeskError("Auf einem Datenbankserver liegt nur der Speicher einer Kreisstelle "
                           "oder der Landesstelle.")  # fmt: skip
    store = create_store(path, passphrase)
    try:
        with store.begin() as conn:
            save_installation(conn, info, seal=store.seal)
            save_catalog(conn, catalog)
            if from_file:  # the store's own profile: the shipped ones do not know it
                save_profile_version(conn, catalog, canonical(document(catalog)).decode(),
                                     ["Kreisprofil aus Datei übernommen"], now)  # fmt: skip
            if office is not None:
                trust_peer(conn, signed(peer_from_identity(office, now), keys.signing))
            audit(
                conn,
                at=now,
                installation_id=info.id,
                action="init",
                entity="installation",
                record_ids=[info.id],
            )
    except Exception:
        store.close()
        if not is_server_url(path):
            for suffix in ("", "-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)
        raise
    store.close()
    return open_workspace(path, passphrase)


def peer_from_identity(identity: Identity, at: datetime) -> PeerInfo:
    return PeerInfo(
        installation_id=identity.installation_id,
        role=identity.role,
        name=identity.name,
        signing_key=identity.signing_key,
        agreement_key=identity.encryption_key,
        fingerprint=identity.fingerprint,
        trusted_at=at,
    )


def own_identity(ws: Workspace) -> Identity:
    info = ws.installation
    keys = KeyPairs(info.signing_key, info.agreement_key)
    return Identity(
        role=info.role,
        name=info.name,
        installation_id=info.id,
        profile=info.profile,
        created_at=info.created_at.isoformat(timespec="seconds"),
        signing_key=keys.public_signing(),
        encryption_key=keys.public_agreement(),
    )


def write_identity(ws: Workspace, out: str | os.PathLike, *, force: bool = False) -> Identity:
    """This installation's identity file; ``force`` replaces an earlier identity file."""
    identity = own_identity(ws)
    write_output(Path(out), identity.to_json().encode("utf-8"), force=force,
                 recognise=lambda path: is_identity_file(path, identity.installation_id),
                 mode=shared_mode())  # fmt: skip
    return identity


def is_identity_file(path: Path, installation_id: str) -> bool:
    """An identity file of this installation (another installation's file is not replaced)."""
    data = json.loads(head(path, MAX_IDENTITY_BYTES + 1))
    return (
        isinstance(data, dict)
        and data.get("format") == IDENTITY_FORMAT
        and data.get("installation_id") == installation_id
    )


def read_office_identity(path: str | os.PathLike) -> Identity:
    """The district office's identity file, as a case manager's store is set up with it."""
    office = Identity.read(path)
    if office.role != Role.OFFICE:
        raise KimdeskError("Die angegebene Identitätsdatei gehört nicht zu einer Kreisstelle.")
    return office
