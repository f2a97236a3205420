"""Enrolment: an office trusts a case manager's device, the Land a county's office (issue
20), each by its identity file, whose fingerprint the coordinator has compared."""

from __future__ import annotations

import os
from dataclasses import dataclass

from sqlalchemy import delete, select

from kimdesk.domain.enums import Role
from kimdesk.domain.errors import KimdeskError
from kimdesk.domain.ids import utc_now
from kimdesk.domain.text import printable
from kimdesk.store.bookkeeping import audit
from kimdesk.store.models import CountyOffice
from kimdesk.sync.identity import Identity

from .changes import Change, Changes
from .profile import kim_county
from .setup import peer_from_identity
from .trust import trust, trusted_peers
from .workspace import Workspace, require_role


@dataclass(frozen=True)
class Enrolment:
    identity: Identity
    new: bool
    #: Another enrolled device has the same name: tables could not tell them apart.
    same_name: bool = False
    #: At the Land: the county the office reports for (its AGS) ...
    county: str | None = None
    #: ... and the office that reported for it until now, if another (its name).
    replaced: str | None = None

    @property
    def changes(self) -> Changes:
        return Changes.of(Change.PEER)

    @property
    def legacy(self) -> bool:
        """Identity format 1: its fingerprint does not cover the device's role and name."""
        return self.identity.version == 1


def enroll(ws: Workspace, identity_file: str | os.PathLike, *,
           county: str | None = None) -> Enrolment:  # fmt: skip
    """An office enrols a case manager's device; the Land enrols a county's office for its
    county (``county``: AGS or name; issue 20), which it then reports for and no other office;
    an office enrolled for a county that another office reported for takes its place."""
    land = ws.installation.role == Role.LAND
    if not land:
        require_role(ws, Role.OFFICE, "Das Eintragen von Geräten")
        if county:
            raise KimdeskError("Einen Kreis (--county) nennt nur die Landesstelle.")
    elif not county:
        raise KimdeskError("Die Landesstelle trägt eine Kreisstelle für ihren Kreis ein: "
                           "bitte den Kreis nennen (--county AGS oder Name).")  # fmt: skip
    ags = kim_county(county) if land else None
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
        bound, replaced = _bind(ws, conn, ags, identity.installation_id, now) if land else (
            False, None)  # fmt: skip
    return Enrolment(identity, new or bound, same_name, ags, replaced)


_binding = CountyOffice.__table__


def _bind(ws: Workspace, conn, ags: str, office_id: str, now) -> tuple[bool, str | None]:
    """The office reports for ``ags`` from now on, and for no other county; the county's
    former office reports no more. Whether anything changed, and the former office's name."""
    before = conn.execute(select(_binding.c.ags, _binding.c.office_id).where(
        (_binding.c.ags == ags) | (_binding.c.office_id == office_id))).all()  # fmt: skip
    if [tuple(row) for row in before] == [(ags, office_id)]:
        return False, None
    conn.execute(delete(_binding).where((_binding.c.ags == ags)
                                        | (_binding.c.office_id == office_id)))  # fmt: skip
    conn.execute(_binding.insert().values(ags=ags, office_id=office_id, bound_at=now))
    audit(conn, at=now, installation_id=ws.installation.id, action="enroll", entity="county",
          record_ids=[office_id], detail=f"Kreis {ags}")  # fmt: skip
    former = [holder for county, holder in before if county == ags and holder != office_id]
    if not former:
        return True, None
    names = {p.installation_id: p.name for p in trusted_peers(ws.installation, conn)}
    return True, names.get(former[0], former[0])
