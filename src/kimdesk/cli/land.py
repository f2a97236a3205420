"""The Land's view (issue 20): ``kimdesk report`` at the office; ``kimdesk merge`` at the
Land reads county reports (at the office it merges bundles: ``commands.merge``)."""

from __future__ import annotations

import json
from pathlib import Path

from kimdesk.domain.enums import Role
from kimdesk.domain.errors import KimdeskError
from kimdesk.domain.text import printable
from kimdesk.fileio import shown
from kimdesk.services import county_report, land_reports, land_stats
from kimdesk.services.profile import county_name
from kimdesk.stats import labels as de
from kimdesk.sync.identity import Identity

from . import commands
from .commands import _open, _out


def report(args) -> int:
    land = None
    if args.land_key:  # compared by phone before the office keeps it
        land = Identity.read(Path(args.land_key))
        commands.compare(land, "Landesstelle", yes=args.yes)
    with _open(args) as ws:
        sent = county_report.report_to_land(ws, args.period, Path(args.out), land=land,
                                            force=args.force, change_kind=args.change_kind)  # fmt: skip
    _out(f"Bericht {sent.seq} für {sent.period} an {printable(sent.land)}: {shown(sent.report)}")
    _out(f"Dieselben Zahlen als CSV (zum Hochladen): {shown(sent.csv)}")
    return 0


def merge(args) -> int:
    with _open(args) as ws:
        if ws.installation.role != Role.LAND:
            return commands.merge(args, ws)
        summary = land_reports.merge_reports(ws, args.bundles, dry_run=args.dry_run)
    if args.json:
        print(json.dumps(summary.as_json(), ensure_ascii=False, indent=2))
    else:
        _print_reports(summary)
    return 1 if summary.any_rejected else 0


_STATUS = {
    "imported": "übernommen",
    "replaced": "übernommen, ersetzt Nr. {other}",
    "older": "in die Historie, gültig bleibt Nr. {other}",
    "rejected": "ABGELEHNT",
}


def _print_reports(summary: land_reports.ReportsSummary) -> None:
    if summary.dry_run:
        _out("Probelauf: es wurde nichts verändert.")
    rows = [("Bericht", "Kreis", "Zeitraum", "Nr.", "Status")]
    for r in summary.reports:
        county = f"{r.ags} {r.county}" if r.ags else "–"
        rows.append((r.display_name, county, r.period or "–", str(r.seq or "–"),
                     _STATUS[r.status].format(other=r.other_seq)))  # fmt: skip
    commands.print_table(rows, left=len(rows[0]), total=False)
    for r in summary.replaced:
        _out(f"Ersetzt: der Bericht Nr. {r.other_seq} für {r.ags} {r.period} bleibt in der "
             f"Historie; es gilt Nr. {r.seq}.")  # fmt: skip
    for r in summary.reports:
        if r.reason:
            _out(f"{r.display_name}: abgelehnt – {r.reason}. [{r.reason_code}]")
    rejected = sum(r.status == "rejected" for r in summary.reports)
    taken = len(summary.reports) - rejected
    _out(f"{taken} {'Bericht' if taken == 1 else 'Berichte'} übernommen, {rejected} abgelehnt.")


def stats(args) -> int:
    with _open(args) as ws:
        if ws.installation.role != Role.LAND:
            return commands.stats(args, ws)
        if args.date_from or args.date_to:
            raise KimdeskError("An der Landesstelle wählt --period den Berichtszeitraum (2023, "
                               "2023-H1, 2023-Q2); die Berichte sind ganze Zeiträume.")  # fmt: skip
        if args.program:
            raise KimdeskError("Die Kreisberichte sind nicht nach Programmen getrennt; "
                               "--program gibt es an der Landesstelle nicht.")  # fmt: skip
        report = land_stats.land_statistics(ws, period=args.period, county=args.municipality)
        return commands.show_stats(args, ws, report, _print_land,
                                   labels=land_stats.labels(ws, report))  # fmt: skip


def _number(value) -> str:
    if isinstance(value, float):
        return de.rate(value)
    return de.number(value)


def _print_land(report: dict, catalog) -> None:
    counties, missing = report["counties"], report["missing"]
    reported = ("Bericht aus 1 Kreis" if len(counties) == 1
                else f"Berichte aus {len(counties)} Kreisen")  # fmt: skip
    _out(f"{report['period']['label']}: {reported}"
         + (f"; es fehlen {len(missing)}" if missing else ""))  # fmt: skip
    commands.print_stats(report, catalog)
    if report["incomplete"]:
        _out(f"{len(report['incomplete'])} Summen ohne die Teile, die Kreise geheim halten "
             "(Untergrenzen; kimdesk stats --json nennt sie unter „incomplete“).")  # fmt: skip
    rows = [("AGS", "Kreis", "Nr.", "Beratungen", "Personen", "Fälle neu", "je 10.000 Einw.")]
    for ags, about in counties.items():
        figures, rate = report["by_county"][ags], report["rates"]["by_county"][ags]
        running = "" if about["complete"] else " (läuft noch)"
        rows.append((ags, printable(about["name"], 40) + running, str(about["report"]),
                     _number(figures["consultations"]["total"]),
                     _number(figures["reached"]["persons"]), _number(figures["cases"]["opened"]),
                     _number(rate["consultations"])))  # fmt: skip
    total = report["rates"]["total"]["consultations"]
    rows.append(("Summe", "", "", _number(report["consultations"]["total"]),
                 _number(report["reached"]["persons"]), _number(report["cases"]["opened"]),
                 _number(total["rate"])))  # fmt: skip
    commands.print_table(rows, left=2, total=True)
    if not total["counties"]:
        _out("Keiner dieser Kreise hat eine Einwohnerzahl im Kreisprofil: keine Raten je "
             "10.000 Einwohner.")  # fmt: skip
    elif total["counties"] < len(counties):
        _out(f"Beratungen je 10.000 Einwohner: über die {total['counties']} Kreise mit "
             "Einwohnerzahl im Kreisprofil.")  # fmt: skip
    for ags, periods in report["other_periods"].items():
        _out(f"{ags} {printable(county_name(ags), 40)}: kein Bericht für "
             f"{report['period']['key']}, aber für {', '.join(periods)}.")  # fmt: skip
