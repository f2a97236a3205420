"""At the Land (issue 20): reading a county's report (``*.kiml``) and keeping it.

``read_report`` makes every check before the Land believes a figure, in the order the
bundle's are made: the file's header, an enrolled county office as signer with the key the
Land enrolled, the signature over every byte, the Land as recipient, then the document (its
format and version, the period, the county, the totals that must add up). Each refusal names
its reason (``sync.reasons``).

``merge_reports`` (``kimdesk merge`` at the Land) keeps each checked report, one transaction
each: only for the county the Land enrolled its office for (``enrolment``); a report the
Land has read before is refused, as is a period of another kind than the county's reports of
that year; a newer report (by the office's number) for the same county and period replaces
the current one, which stays in the history; a late older one goes straight into the history.
A refused report leaves the store as it was.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select, update

from kimdesk.domain.enums import Role
from kimdesk.domain.ids import utc_now
from kimdesk.domain.periods import Period, parse_period
from kimdesk.domain.text import printable
from kimdesk.fileio import shown
from kimdesk.store.bookkeeping import audit
from kimdesk.store.installation import PeerInfo
from kimdesk.store.models import CountyOffice, CountyReport
from kimdesk.sync import container
from kimdesk.sync.fields import canonical
from kimdesk.sync.reasons import BundleRejected, Reason

from . import report_checks
from .county_report import KINDS
from .sync import read_bundle
from .trust import trusted_peers
from .workspace import Workspace, require_role

_report = CountyReport.__table__
_binding = CountyOffice.__table__
#: A report is some ten kilobytes; a file far larger is no report (and not read whole).
MAX_REPORT_BYTES = 16 << 20


@dataclass(frozen=True)
class Received:
    document: dict
    office: PeerInfo
    seq: int
    period: Period
    report_id: str
    sha256: str

    @property
    def ags(self) -> str:
        return self.document["county"]["ags"]


def read_report(ws: Workspace, path: str | os.PathLike, *, today: date | None = None) -> Received:
    """A county's report, checked; raises ``BundleRejected`` with the reason otherwise."""
    require_role(ws, Role.LAND, "Das Lesen von Kreisberichten")
    data = _report_bytes(Path(path))
    with ws.store.connect() as conn:
        return _read(ws, conn, data, today)


def _report_bytes(path: Path) -> bytes:
    return read_bundle(path, "Die Berichtsdatei", limit=MAX_REPORT_BYTES)


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
    document = report_checks.parsed(plaintext)
    period = report_checks.check(document, header.installation_id, today)
    return Received(document, office, header.seq, period, header.bundle_id,
                    hashlib.sha256(data).hexdigest())  # fmt: skip


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
    received = _read(ws, conn, _report_bytes(path), today)
    doc = received.document
    result.ags, result.county = received.ags, printable(str(doc["county"].get("name")), 80)
    result.period, result.seq = received.period.key, received.seq
    result.office = printable(received.office.name, 80)
    _bound(conn, received)
    _refuse_replay(conn, received)
    _one_kind_a_year(conn, received)
    current = conn.execute(
        select(_report.c.report_id, _report.c.seq, _report.c.office_id).where(
            _report.c.ags == received.ags, _report.c.period == received.period.key,
            _report.c.replaced_by.is_(None))
    ).first()  # fmt: skip
    now = utc_now()
    replaced_by = None
    # Newer by the office's own numbers; a former office's report gives way to the office
    # the Land enrolled for the county since (their numbers do not compare).
    office_id = received.office.installation_id
    if current is None:
        result.status = "imported"
    elif current.office_id != office_id or current.seq < received.seq:
        result.status, result.other_seq = "replaced", current.seq
        conn.execute(update(_report).where(_report.c.report_id == current.report_id)
                     .values(replaced_by=received.report_id))  # fmt: skip
    else:
        result.status, result.other_seq = "older", current.seq
        replaced_by = current.report_id
    conn.execute(_report.insert().values(
        report_id=received.report_id, office_id=office_id,
        seq=received.seq, ags=received.ags, period=received.period.key,
        created_at=datetime.fromisoformat(doc["created_at"]), received_at=now, file_name=shown(path.name)[:400],
        sha256=received.sha256, document=canonical(doc).decode("utf-8"),
        replaced_by=replaced_by,
    ))  # fmt: skip
    audit(conn, at=now, installation_id=ws.installation.id, action="county_report",
          entity="report", record_ids=[received.report_id],
          detail=f"{received.ags} {received.period.key} Nr. {received.seq}: {result.status}")  # fmt: skip


def _bound(conn, received: Received) -> None:
    """The office reports for the county the Land enrolled it for, and no other."""
    bound = conn.execute(select(_binding.c.ags).where(
        _binding.c.office_id == received.office.installation_id)).scalar()  # fmt: skip
    if bound is None:
        raise BundleRejected(Reason.COUNTY_MISMATCH, f"{printable(received.office.name)} ist "
                             "für keinen Kreis eingetragen (kimdesk enroll --county AGS); "
                             "eine andere Kreisstelle berichtet jetzt für ihren Kreis")  # fmt: skip
    if bound != received.ags:
        raise BundleRejected(Reason.COUNTY_MISMATCH, f"{printable(received.office.name)} ist "
                             f"für den Kreis {bound} eingetragen, nicht für {received.ags}")  # fmt: skip


def _one_kind_a_year(conn, received: Received) -> None:
    """Periods of one kind per county and year, as the office keeps them: otherwise a
    half-year minus its first quarter would give a hidden second quarter back."""
    year = received.period.year
    kept = conn.execute(select(_report.c.period).where(
        _report.c.ags == received.ags, _report.c.period.like(f"{year}%"))).scalars().all()  # fmt: skip
    other = sorted({key for key in kept if parse_period(key).months != received.period.months})
    if other:
        kind = KINDS[parse_period(other[0]).months]
        raise BundleRejected(Reason.PERIOD_OVERLAP, f"für {received.ags} liegt schon ein Bericht "
                             f"für {other[0]} vor; ein Bericht für {received.period.key} "
                             "überschnitte ihn, und aus der Differenz ließen sich geheim "
                             f"gehaltene Zahlen errechnen. Für {year} nimmt die Landesstelle "
                             f"von diesem Kreis nur {kind} (kimdesk report --period … "
                             "--change-kind, wenn die Kreisstelle schon eine andere Art "
                             "geschrieben hat)")  # fmt: skip


def _refuse_replay(conn, received: Received) -> None:
    seen = conn.execute(select(_report.c.received_at, _report.c.period, _report.c.sha256).where(
        (_report.c.report_id == received.report_id)
        | ((_report.c.office_id == received.office.installation_id)
           & (_report.c.seq == received.seq)))).first()  # fmt: skip
    if seen is None:
        return
    said = (f"Bericht Nr. {received.seq} dieser Kreisstelle ist schon eingelesen (am "
            f"{seen.received_at:%d.%m.%Y}, für {seen.period})")  # fmt: skip
    if seen.sha256 != received.sha256:  # the same number again, other content: a restored office
        said += ("; dieser trägt dieselbe Nummer mit anderem Inhalt – hat die Kreisstelle eine "
                 "Sicherung zurückgespielt, schreibt sie den Bericht neu, bis ihre Nummer über "
                 f"{received.seq} liegt")  # fmt: skip
    raise BundleRejected(Reason.REPORT_REPLAYED, said)
