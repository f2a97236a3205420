"""The county profile in versions (issue 18): the office shows it and applies a new version
(``kimdesk profile``); devices receive it with their replies (``services.replies``).

The rules of a new version are ``domain.profile``'s; this module reads the file, keeps the
versions in the store and the workspace's catalog up to date.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kimdesk.domain.catalog import LAND_PROFILE, Catalog, available_profiles, load_land_profile
from kimdesk.domain.enums import Role
from kimdesk.domain.errors import KimdeskError
from kimdesk.domain.ids import utc_now
from kimdesk.domain.profile import NEW_CODE, ProfileChange, document, next_version, read_profile
from kimdesk.domain.text import printable
from kimdesk.fileio import read_limited
from kimdesk.store.bookkeeping import audit
from kimdesk.store.installation import load_catalog, profile_history, save_profile_version
from kimdesk.sync.fields import canonical, json_value
from kimdesk.sync.reasons import BundleRejected, Reason

from .changes import NOTHING, Change, Changes
from .workspace import Workspace, require_role

#: A profile file is some ten kilobytes; this leaves room for a county's own catalogs.
MAX_PROFILE_BYTES = 2 << 20


def show(ws: Workspace) -> dict:
    """The profile as ``profile --show --json`` prints it: the document of the current version
    and the history of versions (newest first)."""
    with ws.store.connect() as conn:
        history = profile_history(conn)
    return {
        "profile": document(ws.catalog),
        "history": [{**h, "created_at": json_value(h["created_at"])} for h in history],
    }


@dataclass(frozen=True)
class Applied:
    change: ProfileChange

    @property
    def changes(self) -> Changes:
        return NOTHING if self.change.empty else Changes.of(Change.PROFILE)


def apply(ws: Workspace, path: str | os.PathLike, *, dry_run: bool = False) -> Applied:
    """Apply a profile file as the next version (office only). A file that changes nothing
    writes no version; ``dry_run`` checks and describes without writing."""
    require_role(ws, Role.OFFICE, "Das Ändern des Kreisprofils")
    return apply_document(ws, read_file(path), dry_run=dry_run)


def read_file(path: str | os.PathLike) -> dict:
    """A profile file's JSON, read with a size limit; not yet checked (``read_profile``)."""
    raw = read_limited(Path(path), MAX_PROFILE_BYTES, what="Die Profildatei")
    try:
        return json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise KimdeskError("Die Profildatei ist kein gültiges JSON (UTF-8).") from None


#: An AGS (Amtlicher Gemeindeschlüssel): eight digits. The county of a KIM is a Kreis or a
#: kreisfreie Stadt of NRW (Land 05; its AGS mostly ends in 000 — Stadt Aachen's does not).
_AGS = re.compile(r"[0-9]{8}")
_PROFILE_ID = re.compile(r"[a-z0-9-]{1,64}")


@cache
def kim_counties() -> frozenset[str]:
    """The AGS of the 54 KIM counties of NRW (the Land's catalog, read once)."""
    return frozenset(e.code for e in load_land_profile().entries_of("municipality") if e.parent)


def in_county(code: str, ags: str) -> bool:
    """Whether the place ``code`` lies in the KIM county ``ags``: its own AGS, or one under a
    county (the first five digits its own) that is not a KIM county of its own — Stadt
    Aachen lies in the Städteregion's AGS range but reports for itself."""
    if code == ags:
        return True
    return ags.endswith("000") and code[:5] == ags[:5] and code not in kim_counties()


def county_name(ags: str) -> str:
    """A KIM county's name in the Land's catalog."""
    return load_land_profile().label("municipality", ags)


def kim_county(text: str) -> str:
    """The AGS of a KIM county from its AGS or name ("Kreis Heinsberg", "Heinsberg",
    "städteregion aachen"); a name that fits several counties names them."""
    land = load_land_profile()
    entry = land.resolve("municipality", text.strip(), active_only=False)
    if entry is not None and entry.code in kim_counties():
        return entry.code
    wanted = text.strip().casefold()
    fitting = sorted(
        (e for e in land.entries_of("municipality") if e.code in kim_counties()
         and wanted and wanted in e.label_de.casefold()),
        key=lambda e: e.code,
    )  # fmt: skip
    if len(fitting) == 1:
        return fitting[0].code
    if fitting:
        names = ", ".join(f"{e.label_de} ({e.code})" for e in fitting[:6])
        names += f" und {len(fitting) - 6} weitere" if len(fitting) > 6 else ""
        raise KimdeskError(f"„{printable(text, 40)}“ passt auf mehrere Kreise: {names}.")
    raise KimdeskError(f"„{printable(text, 40)}“ ist kein Kreis des KIM in NRW.")


def county_from_file(path: str | os.PathLike) -> Catalog:
    """Another county's profile (``init --profile FILE.json``, issue 20): a file in the
    catalog format of ``resources/catalogs`` — the Rhein-Sieg template with the county's own
    id, AGS, name and municipalities — checked field by field; it becomes version 1 of the
    new store, every code since 1. Names every fault in German."""
    data = read_file(path)
    if isinstance(data, dict):
        data = {k: v for k, v in data.items() if k != "version"}  # a new county starts at 1
        for items in (data.get("catalogs") or {}).values():
            for item in items if isinstance(items, list) else ():
                if isinstance(item, dict):
                    item.pop("since", None)
    catalog = read_profile(data)
    problems = []
    shipped = {name.casefold() for name in available_profiles()} | {LAND_PROFILE}
    if not _PROFILE_ID.fullmatch(catalog.profile) or catalog.profile.casefold() in shipped:
        problems.append(f"die Kennung „{printable(catalog.profile, 40)}“ ist keine eigene "
                        "(„profile“: Kleinbuchstaben, Ziffern und Bindestriche, bis 64 Zeichen, "
                        "nicht die eines mitgelieferten Profils)")  # fmt: skip
    if catalog.county not in kim_counties():
        problems.append(f"„county“ ({printable(catalog.county, 20)}) ist keiner der Kreise und "
                        "kreisfreien Städte des KIM in NRW")  # fmt: skip
    # Codes are identifiers in every report and file: never text (a report to the Land keeps
    # codes only; a slash, a semicolon or a name in a code would pass as one).
    wordy = sorted({e.code for e in catalog.entries if e.catalog != "municipality"
                    and not NEW_CODE.fullmatch(e.code)})  # fmt: skip
    if wordy:
        problems.append("Codes bestehen aus Kleinbuchstaben, Ziffern und Unterstrichen; hier "
                        f"nicht: {printable(', '.join(wordy[:8]), 200)}")  # fmt: skip
    prefix = catalog.county[:5]
    outside = [e.code for e in catalog.entries_of("municipality", active_only=False)
               if e.parent is not None and (not _AGS.fullmatch(e.code)
                                            or not in_county(e.code, catalog.county)
                                            or e.parent != catalog.county)]  # fmt: skip
    if outside:
        problems.append(f"diese Kommunen haben keinen Gemeindeschlüssel des Kreises ({prefix}…): "
                        f"{', '.join(outside[:8])}" + (" …" if len(outside) > 8 else ""))  # fmt: skip
    if problems:
        raise KimdeskError("Das Kreisprofil ist ungültig: " + "; ".join(problems) + ".")
    return catalog


def apply_document(ws: Workspace, data: dict, *, dry_run: bool = False) -> Applied:
    """Apply a profile document (the file's content, or the Kreisprofil form's) as the next
    version, by the same rules."""
    require_role(ws, Role.OFFICE, "Das Ändern des Kreisprofils")
    proposed = read_profile(data)
    with ws.store.begin() as conn:
        current = load_catalog(conn)  # the store's, not a stale copy
        catalog, change = next_version(current, proposed)
        if change.empty or dry_run:
            return Applied(change)
        now = utc_now()
        save_profile_version(conn, catalog, canonical(document(catalog)).decode(),
                             summary(change), now)  # fmt: skip
        audit(conn, at=now, installation_id=ws.installation.id, action="profile",
              entity="catalog", record_ids=[], detail=f"Version {catalog.version}")  # fmt: skip
    ws.catalog = catalog
    return Applied(change)


def take(ws: Workspace, conn, data: dict) -> Catalog | None:
    """A device takes the profile a reply carries, inside the reply's transaction, if it is
    newer than the one it holds; returns the new catalog (or None: nothing newer)."""
    offered = read_profile(data)
    current = load_catalog(conn)
    if offered.version <= current.version:
        return None
    if (offered.profile, offered.county) != (current.profile, current.county):
        raise BundleRejected(Reason.MANIFEST_INVALID,
                             "das Kreisprofil der Antwort gehört zu einem anderen Kreis")  # fmt: skip
    lost = {(e.catalog, e.code) for e in current.entries} - {
        (e.catalog, e.code) for e in offered.entries
    }
    if lost:
        raise BundleRejected(Reason.MANIFEST_INVALID,
                             "das Kreisprofil der Antwort entfernt Codes")  # fmt: skip
    save_profile_version(conn, offered, canonical(document(offered)).decode(),
                         [f"Version {offered.version} von der Kreisstelle"], utc_now())  # fmt: skip
    return offered


def summary(change: ProfileChange) -> list[str]:
    """What a version changed, in German sentences (the history and the CLI show them)."""
    lines = []
    if change.added:
        lines.append("Neue Codes: " + ", ".join(f"{c} ({k})" for k, c in change.added))
    if change.retired:
        lines.append("Stillgelegt: " + ", ".join(f"{c} ({k})" for k, c in change.retired))
    if change.relabelled:
        lines.append("Neu bezeichnet: " + ", ".join(f"{c} ({k})" for k, c in change.relabelled))
    return lines + list(change.settings)
