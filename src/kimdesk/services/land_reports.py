"""At the Land (issue 20): reading a county's report (``*.kiml``) — every check before the
Land believes a figure, in the order the bundle's are made: the file's header, an enrolled
county office as signer with the key the Land enrolled, the signature over every byte, the
Land as recipient, then the document (its format and version, the period, the county, the
totals that must add up). Each refusal names its reason (``sync.reasons``); nothing is
stored here. Keeping reports, replacing an older one and the Land's statistics per county
come next.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kimdesk.domain.enums import Role
from kimdesk.domain.errors import KimdeskError
from kimdesk.domain.periods import Period, parse_period
from kimdesk.domain.text import printable
from kimdesk.fileio import read_limited
from kimdesk.stats.report import HIDDEN
from kimdesk.store.installation import PeerInfo
from kimdesk.sync import container
from kimdesk.sync.reasons import BundleRejected, Reason

from .county_report import FORMAT, VERSION
from .profile import kim_counties
from .trust import trusted_peers
from .workspace import Workspace, require_role


@dataclass(frozen=True)
class Received:
    document: dict
    office: PeerInfo
    seq: int
    period: Period


def read_report(ws: Workspace, path: str | os.PathLike, *, today: date | None = None) -> Received:
    """A county's report, checked; raises ``BundleRejected`` with the reason otherwise."""
    require_role(ws, Role.LAND, "Das Lesen von Kreisberichten")
    data = read_limited(Path(path), container.MAX_BUNDLE_BYTES, what="Der Bericht")
    header = container.read_header(data, container.REPORT)
    with ws.store.connect() as conn:
        offices = {p.installation_id: p
                   for p in trusted_peers(ws.installation, conn, role=Role.OFFICE)}  # fmt: skip
    office = offices.get(header.installation_id)
    if office is None:
        raise BundleRejected(Reason.UNKNOWN_SIGNER, "von einer Kreisstelle, die hier nicht "
                             f"eingetragen ist: {printable(header.signer_name)}")  # fmt: skip
    if office.signing_key != header.signer_key:
        raise BundleRejected(Reason.KEY_MISMATCH, "der Schlüssel im Kopf ist nicht der, mit "
                             f"dem {printable(office.name)} eingetragen ist")  # fmt: skip
    container.verify(data, header, office.signing_key)
    if header.recipient_id != ws.installation.id:
        raise BundleRejected(Reason.WRONG_RECIPIENT, "der Bericht ist an eine andere "
                             "Landesstelle gerichtet")  # fmt: skip
    plaintext = container.open_payload(data, header, ws.installation.agreement_key,
                                       container.REPORT)  # fmt: skip
    try:
        document = json.loads(plaintext)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise BundleRejected(Reason.MANIFEST_INVALID, "der Bericht ist kein JSON") from None
    period = _check(document, header, today)
    return Received(document, office, header.seq, period)


def _check(document, header: container.Header, today: date | None) -> Period:
    def invalid(what: str) -> BundleRejected:
        return BundleRejected(Reason.MANIFEST_INVALID, f"der Bericht ist ungültig: {what}")

    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise invalid("er ist kein Kreisbericht")
    version = document.get("version")
    if version != VERSION:
        raise BundleRejected(Reason.FORMAT_VERSION, f"der Bericht hat das Format "
                             f"{printable(str(version), 12)}, diese KIMdesk-Version liest "
                             f"Format {VERSION}")  # fmt: skip
    for key in ("county", "period", "office", "figures"):
        if not isinstance(document.get(key), dict):
            raise invalid(f"„{key}“ fehlt")
    if document["office"].get("installation_id") != header.installation_id:
        raise invalid("er nennt eine andere Kreisstelle als die, die ihn signiert hat")
    try:
        period = parse_period(str(document["period"].get("key")), today=today)
    except KimdeskError as exc:
        raise invalid(str(exc).rstrip(".")) from None
    if (document["period"].get("from"), document["period"].get("to")) != (
            period.start.isoformat(), period.end.isoformat()):  # fmt: skip
        raise invalid(f"die Tage passen nicht zum Zeitraum {period.key}")
    if document["county"].get("ags") not in kim_counties():
        raise invalid(f"„{printable(str(document['county'].get('ags')), 12)}“ ist kein Kreis "
                      "des KIM in NRW")  # fmt: skip
    _adds_up(document["figures"])
    return period


def _adds_up(figures: dict) -> None:
    """Totals that must equal their parts, where no part is hidden."""
    try:
        consultations = figures["consultations"]
        reached = figures["reached"]
        checks = [
            ("Beratungen", consultations["total"], consultations["by_kind"].values()),
            ("Themennennungen", figures["topics"]["mentions"],
             [v["n"] for v in figures["topics"]["by_topic"].values()]),
            ("erreichte Personen", reached["persons"], [reached["known"], reached["unknown"]]),
        ]  # fmt: skip
    except (KeyError, TypeError, AttributeError):
        raise BundleRejected(Reason.MANIFEST_INVALID,
                             "der Bericht ist ungültig: Teile der Zahlen fehlen") from None  # fmt: skip
    for what, total, parts in checks:
        parts = list(parts)
        values = [total, *parts]
        if HIDDEN in values:
            continue
        if not all(type(v) is int and v >= 0 for v in values) or sum(parts) != total:
            raise BundleRejected(Reason.COUNT_MISMATCH, f"die Summe der {what} stimmt nicht "
                                 f"({printable(str(total), 12)} gesamt)")  # fmt: skip
