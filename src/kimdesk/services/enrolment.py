"""Enrolment: an office trusts a case manager's device, the Land a county's office (issue
20), each by its identity file, whose fingerprint the coordinator has compared."""

from __future__ import annotations

import os
from dataclasses import dataclass

from kimdesk.domain.enums import Role
from kimdesk.domain.errors import KimdeskError
from kimdesk.domain.ids import utc_now
from kimdesk.domain.text import printable
from kimdesk.store.bookkeeping import audit
from kimdesk.sync.identity import Identity

from .changes import Change, Changes
from .setup import peer_from_identity
from .trust import trust, trusted_peers
from .workspace import Workspace, require_role


@dataclass(frozen=True)
class Enrolment:
    identity: Identity
    new: bool
    #: Another enrolled device has the same name: tables could not tell them apart.
    same_name: bool = False

    @property
    def changes(self) -> Changes:
        return Changes.of(Change.PEER)

    @property
    def legacy(self) -> bool:
        """Identity format 1: its fingerprint does not cover the device's role and name."""
        return self.identity.version == 1


def enroll(ws: Workspace, identity_file: str | os.PathLike) -> Enrolment:
    """An office enrols a case manager's device; the Land enrols a county's office (issue 20)."""
    land = ws.installation.role == Role.LAND
    if not land:
        require_role(ws, Role.OFFICE, "Das Eintragen von Geräten")
    identity = Identity.read(identity_file)
    if land and identity.role != Role.OFFICE:
        raise KimdeskError("Die Identitätsdatei gehört nicht zu einer Kreisstelle; die "
                           "Landesstelle trägt Kreisstellen ein.")  # fmt: skip
    if not land and identity.role != Role.CASEMANAGER:
        raise KimdeskError("Die Identitätsdatei gehört nicht zu einem Case-Management-Gerät.")
    if identity.installation_id == ws.installation.id:
        raise KimdeskError("Die Kreisstelle kann sich nicht selbst eintragen.")
    if not land and identity.profile != ws.installation.profile:
        raise KimdeskError(
            f"Das Gerät arbeitet mit dem Profil „{printable(identity.profile)}“, "
            f"die Kreisstelle mit „{ws.installation.profile}“."
        )
    now = utc_now()
    with ws.store.begin() as conn:
        same_name = any(
            p.name.casefold() == identity.name.casefold()
            and p.installation_id != identity.installation_id
            for p in trusted_peers(ws.installation, conn, role=identity.role)
        )
        new = trust(ws.installation, conn, peer_from_identity(identity, now))
        if new:
            audit(conn, at=now, installation_id=ws.installation.id, action="enroll",
                  entity="peer", record_ids=[identity.installation_id])  # fmt: skip
    return Enrolment(identity, new, same_name)
