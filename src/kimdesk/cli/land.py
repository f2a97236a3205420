"""The county's report to the Land (issue 20): ``kimdesk report`` at the office."""

from __future__ import annotations

from pathlib import Path

from kimdesk.domain.text import printable
from kimdesk.fileio import shown
from kimdesk.services import county_report
from kimdesk.sync.identity import Identity

from . import passphrase
from .commands import _open, _out


def report(args) -> int:
    land = None
    if args.land_key:  # compared by phone before the office keeps it
        land = Identity.read(Path(args.land_key))
        _out(f"Landesstelle: {printable(land.name)} ({land.installation_id})")
        _out(f"Fingerabdruck der Landesstelle: {land.fingerprint}")
        passphrase.confirm(
            "Stimmt er mit dem Fingerabdruck überein, den die Landesstelle am Telefon nennt?",
            yes=args.yes,
            refusal="Der Fingerabdruck der Landesstelle muss verglichen werden: in einem "
            "Terminal aufrufen, oder nach dem Vergleich --yes angeben.",
        )
    with _open(args) as ws:
        sent = county_report.report_to_land(ws, args.period, Path(args.out), land=land,
                                            force=args.force)  # fmt: skip
    _out(f"Bericht {sent.seq} für {sent.period} an {printable(sent.land)}: {shown(sent.report)}")
    _out(f"Dieselben Zahlen als CSV (zum Hochladen): {shown(sent.csv)}")
    return 0
