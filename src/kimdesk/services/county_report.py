"""The county's report to the Land (issue 20, docs/report-format.md): every statistic of
``stats`` for one reporting period, as it may be published — the county profile's publication
rules applied, secondary suppression included — in a versioned document the Land's database
validates against ``resources/schemas/county-report-1.schema.json``.

What a report never holds: a record (the structural needs' list with its texts), the devices
that sent bundles (``sources``), or a count the rules hide (``"•"`` in its place). The
document is built here, signed by the office and encrypted to the Land's key in the bundle's
container (kind ``REPORT``, ``*.kiml``) by ``report_to_land`` (``kimdesk report``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kimdesk.domain.enums import Role
from kimdesk.domain.errors import KimdeskError
from kimdesk.domain.ids import utc_now, uuid7
from kimdesk.domain.periods import parse_period
from kimdesk.domain.text import printable
from kimdesk.fileio import starts_with, write_outputs
from kimdesk.stats.report import HIDDEN
from kimdesk.store.bookkeeping import audit, current_seq, next_seq
from kimdesk.store.installation import PeerInfo
from kimdesk.sync import container
from kimdesk.sync.fields import canonical
from kimdesk.sync.identity import Identity

from . import statistics
from .excel_csv import excel_csv
from .excel_csv import header_of as excel_header
from .setup import peer_from_identity
from .trust import trust, trusted_peers
from .workspace import Workspace, require_role

FORMAT = "kimdesk-county-report"
VERSION = 1
#: Parts of the statistics report a county report leaves out: records and bookkeeping.
_LEFT_OUT = ("generated_at", "filters", "sources", "profile", "publication", "report_version")


def county_report(ws: Workspace, period: str, *, today: date | None = None) -> dict:
    """The report of this office's county for ``period`` (2023, 2023-H1, 2023-Q2)."""
    require_role(ws, Role.OFFICE, "Der Bericht an das Land")
    chosen = parse_period(period, today=today)
    filters = statistics.make_filters(ws, date_from=chosen.start, date_to=chosen.end)
    figures = statistics.statistics(ws, filters, publication=True)
    for key in _LEFT_OUT:
        figures.pop(key, None)
    needs = figures["structural_needs"]
    needs.pop("items", None)  # each a record, with its own words: never to the Land
    catalog = ws.catalog
    return {
        "format": FORMAT,
        "version": VERSION,
        "county": {
            "ags": catalog.county,
            "name": catalog.name,
            "profile": catalog.profile,
            "profile_version": catalog.version,
            # for the Land's rates per 10,000 inhabitants, where the profile has them
            "population": (
                {"inhabitants": catalog.population.inhabitants, "year": catalog.population.year}
                if catalog.population
                else None
            ),
            # the names of its places, for the Land's tables (codes alone say little there)
            "places": {
                e.code: e.label_de[:100]
                for e in catalog.entries_of("municipality", active_only=False)
            },  # fmt: skip
        },
        "period": {
            "key": chosen.key,
            "from": chosen.start.isoformat(),
            "to": chosen.end.isoformat(),
            "complete": chosen.ended_by(today or date.today()),
        },  # fmt: skip
        "office": {"installation_id": ws.installation.id, "name": ws.installation.name},
        "created_at": utc_now().isoformat(timespec="seconds"),
        "min_count": catalog.min_count,
        "figures": figures,
    }


# -- the same figures as CSV (for a county that delivers by upload) --------------------------

CSV_HEADER = ["ags", "period", "figure", "type", "value"]


def cells(figures, prefix: str = "") -> list[tuple[str, str, object]]:
    """Every figure as (path, type, value): keys joined by ``/`` (codes never hold one), list
    items by their position; type ``number``, ``hidden`` (•), ``code`` (a code that may look
    like a number: an AGS), ``none``, or ``table``/``list`` for an empty one."""
    found: list[tuple[str, str, object]] = []
    items = figures.items() if isinstance(figures, dict) else enumerate(figures)
    for key, value in items:
        path = f"{prefix}{key}"
        if isinstance(value, dict | list) and value:
            found += cells(value, path + "/")
        elif isinstance(value, dict | list):  # empty: kept, so the file reads back whole
            found.append((path, "table" if isinstance(value, dict) else "list", ""))
        elif value is None:
            found.append((path, "none", ""))
        elif value == HIDDEN:
            found.append((path, "hidden", HIDDEN))
        elif isinstance(value, str):
            found.append((path, "code", value))
        else:
            found.append((path, "number", value))
    return found


def county_csv(report: dict) -> bytes:
    """The report's figures as rows of ``ags;period;figure;type;value``
    (docs/report-format.md): for a county that uploads instead of sending the file."""
    ags, period = report["county"]["ags"], report["period"]["key"]
    return excel_csv(CSV_HEADER, [(ags, period, path, kind, value)
                                  for path, kind, value in cells(report["figures"])])  # fmt: skip


# -- the signed, encrypted file for the Land -------------------------------------------------

#: The office's count of reports it wrote (the file header's number).
REPORT_SEQ = "county_report"


@dataclass(frozen=True)
class Sent:
    report: Path
    csv: Path
    seq: int
    land: str  # the Land's name
    period: str


def kept_land(ws: Workspace, conn) -> PeerInfo | None:
    """The Land this office reports to, trusted with its first report and kept."""
    lands = trusted_peers(ws.installation, conn, role=Role.LAND)
    return lands[0] if lands else None


def report_to_land(ws: Workspace, period: str, out_dir: str | os.PathLike, *,
                   land: Identity | None = None, force: bool = False,
                   change_kind: bool = False, today: date | None = None) -> Sent:  # fmt: skip
    """Write the county's report for ``period`` into ``out_dir``: the document signed by this
    office and encrypted to the Land's key (``*.kiml``), and the same figures as CSV. The
    first report needs the Land's identity (its fingerprint compared by the caller), which
    the office then keeps; a later one names no other Land."""
    require_role(ws, Role.OFFICE, "Der Bericht an das Land")
    report = county_report(ws, period, today=today)
    if land is not None and land.role != Role.LAND:
        raise KimdeskError("Die Identitätsdatei gehört nicht zu einer Landesstelle.")
    out = Path(out_dir)
    stem = f"kreisbericht-{report['county']['ags']}-{report['period']['key']}"
    with ws.store.begin() as conn:
        kept = kept_land(ws, conn)
        if kept is None and land is None:
            raise KimdeskError("Für den ersten Bericht braucht die Kreisstelle die "
                               "Identitätsdatei der Landesstelle (--land-key).")  # fmt: skip
        if kept is not None and land is not None and land.installation_id != kept.installation_id:
            raise KimdeskError(
                f"Diese Kreisstelle berichtet an {printable(kept.name)}; eine andere "
                "Landesstelle wird nicht angenommen."
            )
        if kept is None:
            trust(ws.installation, conn, peer_from_identity(land, utc_now()))
            kept = kept_land(ws, conn)
            if kept is None:  # its id is trusted here already, as something else
                raise KimdeskError("Die Kennung dieser Landesstelle ist hier schon als Gerät "
                                   "eingetragen; die Identitätsdatei ist nicht die des Landes.")  # fmt: skip
        _one_kind_a_year(conn, parse_period(report["period"]["key"], today=today), change_kind)
        seq = next_seq(conn, REPORT_SEQ)
        info = ws.installation
        sealed = container.seal(
            installation_id=info.id, signing_key=info.signing_key, signer_name=info.name,
            seq=seq, bundle_id=uuid7(), recipient_id=kept.installation_id,
            recipient_key=kept.agreement_key, plaintext=canonical(report),
            kind=container.REPORT,
        )  # fmt: skip
        paths = write_outputs(
            [(out / f"{stem}-{seq}.kiml", sealed), (out / f"{stem}-{seq}.csv", county_csv(report))],
            force=force, recognise=_ours,
        )  # fmt: skip
        audit(conn, at=utc_now(), installation_id=info.id, action="land", entity="report",
              record_ids=[kept.installation_id],
              detail=f"Bericht {seq} für {report['period']['key']}")  # fmt: skip
    return Sent(paths[0], paths[1], seq, kept.name, report["period"]["key"])


KINDS = {12: "Jahresberichte", 6: "Halbjahresberichte", 3: "Quartalsberichte"}


def _one_kind_a_year(conn, period, change: bool = False) -> None:
    """Periods of one kind only per year: each report hides its own small counts, but a
    half-year minus a quarter of it (or a year minus three quarters) would give a hidden
    quarter back. The first report of a year decides the kind for that year; ``change``
    (``--change-kind``) switches it when the Land has kept none of the old kind — the Land
    refuses a second kind for the county anyway (a reinstalled office whose predecessor
    reported half-years, a report the Land refused)."""
    name = f"land_report_months_{period.year}"
    sent = current_seq(conn, name)
    if sent and sent != period.months and not change:
        raise KimdeskError(
            f"Für {period.year} gingen schon {KINDS[sent]} an das Land. Ein Bericht für "
            f"{period.label} überschnitte sie, und aus der Differenz ließen sich geheim "
            f"gehaltene Zahlen errechnen; für {period.year} bitte weiter {KINDS[sent]} "
            "schreiben. Hat die Landesstelle sie nicht angenommen und verlangt eine andere "
            "Art, schreibt --change-kind den Bericht trotzdem."
        )
    if not sent:
        next_seq(conn, name, period.months)  # the counter starts at the kind's months
    elif sent != period.months:
        next_seq(conn, name, period.months - sent)  # now this kind


def _ours(path: Path) -> bool:
    """An earlier report of ours (``--force`` replaces only such a file)."""
    return starts_with(container.REPORT.magic)(path) or starts_with(excel_header(CSV_HEADER))(path)
