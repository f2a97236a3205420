"""At the Land (issue 20): reading a county's report (``*.kiml``) and keeping it.

``read_report`` makes every check before the Land believes a figure, in the order the
bundle's are made: the file's header, an enrolled county office as signer with the key the
Land enrolled, the signature over every byte, the Land as recipient, then the document (its
format and version, the period, the county, the totals that must add up). Each refusal names
its reason (``sync.reasons``).

``merge_reports`` (``kimdesk merge`` at the Land) keeps each checked report, one transaction
each: the first report of an office binds it to its county (one office per county, one
county per office); a report the Land has read before is refused; a newer report (by the
office's number) for the same county and period replaces the current one, which stays in the
history; a late older one goes straight into the history. A refused report leaves the store
as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select, update

from kimdesk.domain.enums import Role
from kimdesk.domain.errors import KimdeskError
from kimdesk.domain.ids import utc_now
from kimdesk.domain.periods import Period, parse_period
from kimdesk.domain.text import printable
from kimdesk.fileio import shown
from kimdesk.stats.report import HIDDEN
from kimdesk.store.bookkeeping import audit
from kimdesk.store.installation import PeerInfo
from kimdesk.store.models import CountyOffice, CountyReport
from kimdesk.sync import container
from kimdesk.sync.fields import canonical
from kimdesk.sync.reasons import BundleRejected, Reason

from .county_report import FORMAT, VERSION
from .profile import kim_counties
from .report_shape import shape_problem
from .sync import read_bundle
from .trust import trusted_peers
from .workspace import Workspace, require_role

_report = CountyReport.__table__
_binding = CountyOffice.__table__


@dataclass(frozen=True)
class Received:
    document: dict
    office: PeerInfo
    seq: int
    period: Period
    report_id: str = ""
    sha256: str = ""

    @property
    def ags(self) -> str:
        return self.document["county"]["ags"]


def read_report(ws: Workspace, path: str | os.PathLike, *, today: date | None = None) -> Received:
    """A county's report, checked; raises ``BundleRejected`` with the reason otherwise."""
    require_role(ws, Role.LAND, "Das Lesen von Kreisberichten")
    data = read_bundle(Path(path), "Der Bericht")
    with ws.store.connect() as conn:
        return _read(ws, conn, data, today)


def _read(ws: Workspace, conn, data: bytes, today: date | None) -> Received:
    header = container.read_header(data, container.REPORT)
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
    return Received(document, office, header.seq, period, header.bundle_id,
                    hashlib.sha256(data).hexdigest())  # fmt: skip


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
    _places(document["county"])
    problem = shape_problem(document["figures"])
    if problem:
        raise invalid(problem)
    _written_in_time(document.get("created_at"))
    _adds_up(document["figures"])
    return period


def _places(county: dict) -> None:
    """The names of the county's places: its own AGS and those under it, short and plain."""
    places = county.get("places")
    ags = str(county.get("ags"))
    if not isinstance(places, dict) or len(places) > 500 or not all(
        isinstance(code, str) and len(code) == 8 and code.isdigit() and code[:5] == ags[:5]
        and isinstance(name, str) and 0 < len(name) <= 100 and printable(name, 100) == name
        for code, name in places.items()
    ):  # fmt: skip
        raise BundleRejected(Reason.MANIFEST_INVALID, "der Bericht ist ungültig: die Orte "
                             f"des Kreises sind keine Kommunen von {printable(ags, 12)}")  # fmt: skip


#: How far an office's clock may run ahead of the Land's.
_CLOCK_SLACK = timedelta(days=1)


def _written_in_time(text) -> None:
    try:
        written = datetime.fromisoformat(str(text))
    except ValueError:
        written = None
    if written is None or written.tzinfo is None:
        raise BundleRejected(Reason.MANIFEST_INVALID, "der Bericht ist ungültig: "
                             "„created_at“ ist keine Zeit mit Zeitzone")  # fmt: skip
    if written > utc_now() + _CLOCK_SLACK:
        raise BundleRejected(Reason.FUTURE_TIMESTAMP, "der Bericht ist auf "
                             f"{written:%d.%m.%Y} datiert, nach der Uhr der Landesstelle")  # fmt: skip


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


# -- keeping them ----------------------------------------------------------------------------


@dataclass
class ReportResult:
    """What became of one file: ``imported`` (the county's first report for the period),
    ``replaced`` (newer than the current one, which went into the history), ``older`` (a
    newer one is current: kept in the history) or ``rejected``."""

    file: str
    status: str = "rejected"
    reason: str | None = None
    reason_code: Reason | None = None
    ags: str | None = None
    county: str | None = None
    period: str | None = None
    office: str | None = None
    seq: int | None = None
    #: the office's number of the report this one replaced (``replaced``) or that replaces
    #: it (``older``)
    other_seq: int | None = None

    @property
    def display_name(self) -> str:
        return shown(Path(self.file).name)

    def as_json(self) -> dict:
        return {
            "file": shown(self.file), "status": self.status, "reason": self.reason,
            "reason_code": self.reason_code and str(self.reason_code), "ags": self.ags,
            "county": self.county, "period": self.period, "office": self.office,
            "seq": self.seq,
            "replaced_seq": self.other_seq if self.status == "replaced" else None,
            "current_seq": self.other_seq if self.status == "older" else None,
        }  # fmt: skip


@dataclass
class ReportsSummary:
    reports: list[ReportResult] = field(default_factory=list)
    dry_run: bool = False

    @property
    def any_rejected(self) -> bool:
        return any(r.status == "rejected" for r in self.reports)

    @property
    def replaced(self) -> list[ReportResult]:
        return [r for r in self.reports if r.status == "replaced"]

    def as_json(self) -> dict:
        return {
            "reports": [r.as_json() for r in self.reports],
            "replaced": [r.as_json() for r in self.replaced],
            "rejected": sum(r.status == "rejected" for r in self.reports),
            "dry_run": self.dry_run,
        }


def merge_reports(ws: Workspace, files: Sequence[str | os.PathLike], *, dry_run: bool = False,
                  today: date | None = None) -> ReportsSummary:  # fmt: skip
    """Check and keep each report in its own transaction; a refused one changes nothing. A
    dry run does the same in one transaction that is rolled back."""
    require_role(ws, Role.LAND, "Das Einlesen von Kreisberichten")
    summary = ReportsSummary(dry_run=dry_run)
    conn = ws.store.connect(write=True)
    try:
        for path in files:
            result = ReportResult(file=str(path))
            summary.reports.append(result)
            savepoint = conn.begin_nested()
            try:
                _keep(ws, conn, Path(path), result, today)
            except BundleRejected as exc:
                savepoint.rollback()
                result.status, result.reason, result.reason_code = "rejected", str(exc), exc.code
                continue
            savepoint.commit()
            if not dry_run:
                conn.commit()
        conn.rollback()
    finally:
        conn.close()
    return summary


def _keep(ws: Workspace, conn, path: Path, result: ReportResult, today: date | None) -> None:
    received = _read(ws, conn, read_bundle(path, "Der Bericht"), today)
    doc = received.document
    result.ags, result.county = received.ags, printable(str(doc["county"].get("name")), 80)
    result.period, result.seq = received.period.key, received.seq
    result.office = printable(received.office.name, 80)
    _bind(conn, received)
    _refuse_replay(conn, received)
    current = conn.execute(
        select(_report.c.report_id, _report.c.seq).where(
            _report.c.ags == received.ags, _report.c.period == received.period.key,
            _report.c.replaced_by.is_(None))
    ).first()  # fmt: skip
    now = utc_now()
    replaced_by = None
    if current is None:
        result.status = "imported"
    elif current.seq < received.seq:
        result.status, result.other_seq = "replaced", current.seq
        conn.execute(update(_report).where(_report.c.report_id == current.report_id)
                     .values(replaced_by=received.report_id))  # fmt: skip
    else:
        result.status, result.other_seq = "older", current.seq
        replaced_by = current.report_id
    conn.execute(_report.insert().values(
        report_id=received.report_id, office_id=received.office.installation_id,
        seq=received.seq, ags=received.ags, period=received.period.key,
        created_at=datetime.fromisoformat(doc["created_at"]), received_at=now, file_name=shown(path.name)[:400],
        sha256=received.sha256, document=canonical(doc).decode("utf-8"),
        replaced_by=replaced_by,
    ))  # fmt: skip
    audit(conn, at=now, installation_id=ws.installation.id, action="county_report",
          entity="report", record_ids=[received.report_id],
          detail=f"{received.ags} {received.period.key} Nr. {received.seq}: {result.status}")  # fmt: skip


def _bind(conn, received: Received) -> None:
    """One office per county and one county per office: the first report binds them."""
    office_id = received.office.installation_id
    bound = conn.execute(select(_binding.c.ags, _binding.c.office_id).where(
        (_binding.c.ags == received.ags) | (_binding.c.office_id == office_id))).all()  # fmt: skip
    for ags, holder in bound:
        if ags == received.ags and holder == office_id:
            return
        if ags == received.ags:
            raise BundleRejected(Reason.COUNTY_MISMATCH, f"für den Kreis {received.ags} "
                                 "berichtet hier eine andere Kreisstelle")  # fmt: skip
        raise BundleRejected(Reason.COUNTY_MISMATCH, f"{printable(received.office.name)} "
                             f"berichtet hier für den Kreis {ags}, nicht für {received.ags}")  # fmt: skip
    conn.execute(_binding.insert().values(ags=received.ags, office_id=office_id,
                                          bound_at=utc_now()))  # fmt: skip


def _refuse_replay(conn, received: Received) -> None:
    seen = conn.execute(select(_report.c.received_at, _report.c.period).where(
        (_report.c.report_id == received.report_id)
        | ((_report.c.office_id == received.office.installation_id)
           & (_report.c.seq == received.seq)))).first()  # fmt: skip
    if seen is not None:
        raise BundleRejected(Reason.REPORT_REPLAYED, f"Bericht Nr. {received.seq} dieser "
                             f"Kreisstelle ist schon eingelesen (am "
                             f"{seen.received_at:%d.%m.%Y}, für {seen.period})")  # fmt: skip
