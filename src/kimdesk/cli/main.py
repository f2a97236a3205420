"""``kimdesk``: the command line of docs/cli.md.

Exit codes: 0 success, 1 failure, 2 usage error. Errors are one plain German sentence on
stderr, never a traceback; they never carry a personal field.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable

from kimdesk import __version__
from kimdesk.domain.errors import KimdeskError
from kimdesk.services import faults

from . import commands, land

FORCE_HELP = "eine frühere Ausgabe desselben Befehls ersetzen"


#: argparse's own words, as a German command line says them (docs/cli.md: German messages).
_ARGPARSE_DE = {
    "usage: ": "Aufruf: ",
    "positional arguments": "Angaben",
    "options": "Optionen",
    "show this help message and exit": "diese Hilfe zeigen und beenden",
    "the following arguments are required: %s": "es fehlt: %s",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "not allowed with argument %s": "geht nicht zusammen mit %s",
    "one of the arguments %s is required": "eine dieser Angaben ist nötig: %s",
    "unrecognized arguments: %s": "unbekannte Angaben: %s",
    "expected one argument": "hier fehlt ein Wert",
    "expected at least one argument": "hier fehlt mindestens ein Wert",
    "expected at most one argument": "hier ist höchstens ein Wert erlaubt",
    "invalid choice: %(value)r (choose from %(choices)s)": "„%(value)s“ gibt es nicht (möglich: %(choices)s)",
    "ambiguous option: %(option)s could match %(matches)s": "mehrdeutige Option %(option)s: passt zu %(matches)s",
    "invalid %(type)s value: %(value)r": "ungültiger Wert: %(value)r",
}
argparse._ = lambda text: _ARGPARSE_DE.get(text, text)  # the module looks it up per call


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # usage errors: exit 2 with one line
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: Aufruf fehlerhaft: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="kimdesk",
        description="KIMdesk – Dokumentation und Monitoring des Kommunalen Integrationsmanagements.",
    )
    parser.add_argument("--version", action="version", version=f"kimdesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="BEFEHL", parser_class=_Parser)

    p = sub.add_parser("gui", help="die Arbeitsoberfläche starten")
    p.add_argument("--store", help="Speicherdatei (Standard: im Benutzerordner)")
    p.set_defaults(run=commands.gui)

    p = sub.add_parser("init", help="einen verschlüsselten Speicher anlegen")
    p.add_argument("--store", required=True, help="Pfad der neuen Speicherdatei")
    p.add_argument("--role", required=True, choices=["casemanager", "office", "land"])
    p.add_argument("--name", required=True, help="Name der Installation, z. B. CM-07 Troisdorf")
    p.add_argument("--office-key", help="Identitätsdatei der Kreisstelle (für casemanager)")
    p.add_argument("--profile", default="rhein-sieg",
                   help="Kreisprofil: ein mitgeliefertes (Standard: rhein-sieg) oder die "
                        "Profildatei eines anderen Kreises (.json)")  # fmt: skip
    p.add_argument("--from-store", help="bestehenden Kreisstellen-Speicher übernehmen")
    p.add_argument("--yes", action="store_true",
                   help="den Fingerabdruck der Kreisstelle nicht erfragen (schon verglichen)")  # fmt: skip
    p.set_defaults(run=commands.init)

    p = sub.add_parser("identity", help="die öffentliche Identität dieser Installation schreiben")
    p.add_argument("--store", required=True)
    p.add_argument("--out", required=True, help="Zieldatei (JSON)")
    p.add_argument("--force", action="store_true", help=FORCE_HELP)
    p.set_defaults(run=commands.identity)

    p = sub.add_parser("check", help="den Speicher auf Unversehrtheit prüfen")
    p.add_argument("--store", required=True)
    p.set_defaults(run=commands.check)

    p = sub.add_parser("rekey", help="eine neue Passphrase setzen")
    p.add_argument("--store", required=True)
    p.set_defaults(run=commands.rekey)

    p = sub.add_parser("backup", help="eine verschlüsselte Sicherung schreiben")
    p.add_argument("--store", required=True)
    p.add_argument("--out", required=True, help="Zieldatei oder Ordner")
    p.add_argument("--force", action="store_true", help="eine frühere Sicherung ersetzen")
    p.set_defaults(run=commands.backup)

    p = sub.add_parser("import-legacy", help="eine bisherige Beratungsliste (CSV/XLSX) übernehmen")
    p.add_argument("--store", required=True)
    p.add_argument("file", help="CSV- oder XLSX-Datei")
    p.add_argument(
        "--skip-invalid",
        action="store_true",
        help="gute Zeilen übernehmen, fehlerhafte nach DATEI.rejected.csv schreiben",
    )
    p.add_argument(
        "--allow-duplicates",
        action="store_true",
        help="Zeilen übernehmen, deren Beratung schon im Speicher steht (echte Wiederholungen)",
    )
    p.set_defaults(run=commands.import_legacy)

    p = sub.add_parser("enroll", help="ein Case-Management-Gerät in der Kreisstelle (oder eine "
                                      "Kreisstelle in der Landesstelle) eintragen")  # fmt: skip
    p.add_argument("--store", required=True, help="Speicher der Kreisstelle (der Landesstelle)")
    p.add_argument("file", help="Identitätsdatei des Geräts (der Kreisstelle)")
    p.add_argument("--county", metavar="KREIS",
                   help="an der Landesstelle: der Kreis der Kreisstelle (AGS oder Name)")  # fmt: skip
    p.add_argument("--yes", action="store_true",
                   help="an der Landesstelle: Fingerabdruck und Kreis sind verglichen")  # fmt: skip
    p.set_defaults(run=commands.enroll)

    p = sub.add_parser("export-bundle", help="das nächste Sync-Bundle schreiben")
    p.add_argument("--store", required=True)
    p.add_argument("--out", required=True, help="Bundle-Datei oder Ordner (z. B. USB-Stick)")
    p.add_argument("--full", action="store_true", help="alle Daten statt der neuen Änderungen")
    p.set_defaults(run=commands.export_bundle)

    p = sub.add_parser("merge", help="Bundles prüfen und in die Kreisstelle übernehmen (an der "
                                     "Landesstelle: Kreisberichte einlesen)")  # fmt: skip
    p.add_argument("--store", required=True, help="Speicher der Kreisstelle (der Landesstelle)")
    p.add_argument("--dry-run", action="store_true", help="nur prüfen und berichten")
    p.add_argument("--json", action="store_true", help="Zusammenfassung als JSON")
    p.add_argument("bundles", nargs="+", metavar="BUNDLE")
    p.set_defaults(run=land.merge)

    p = sub.add_parser("reply", help="Antworten der Kreisstelle an ihre Geräte schreiben")
    p.add_argument("--store", required=True, help="Speicher der Kreisstelle")
    p.add_argument("--out", required=True, help="Ordner für die Antworten (z. B. USB-Stick)")
    p.add_argument("--device", help="nur für dieses Gerät (Name oder Kennung)")
    p.set_defaults(run=commands.reply)

    p = sub.add_parser("receive", help="Antworten der Kreisstelle auf diesem Gerät einlesen")
    p.add_argument("--store", required=True)
    p.add_argument("--json", action="store_true", help="Zusammenfassung als JSON")
    p.add_argument("replies", nargs="+", metavar="ANTWORT")
    p.set_defaults(run=commands.receive)

    p = sub.add_parser("handover", help="Fälle an ein anderes Gerät des Kreises übergeben")
    p.add_argument("--store", required=True, help="Speicher dieses Geräts")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--case", metavar="REF",
                       help="der Fall: Kennung, Aktenzeichen oder Fallzeichen einer Liste")  # fmt: skip
    which.add_argument("--all", action="store_true", help="alle Fälle (Geräteersatz)")
    p.add_argument("--to", required=True, metavar="GERÄT", help="Name oder Kennung des Geräts")
    p.add_argument("--json", action="store_true", help="Zusammenfassung als JSON")
    p.set_defaults(run=commands.handover)

    p = sub.add_parser("due", help="die Wiedervorlage: was heute und bald fällig ist")
    p.add_argument("--store", required=True, help="Speicher dieses Geräts")
    p.add_argument("--days", type=int, default=0, metavar="N",
                   help="auch was in den nächsten N Tagen fällig wird")  # fmt: skip
    p.add_argument("--json", action="store_true", help="als JSON (ohne Namen)")
    p.set_defaults(run=commands.due)

    p = sub.add_parser(
        "client-report", help="Auskunft an eine Klient:in (Art. 15 DSGVO): alles Gespeicherte"
    )
    p.add_argument("--store", required=True, help="Speicher dieses Geräts")
    p.add_argument("--case", required=True, metavar="REF",
                   help="ein Fall der Person: Kennung, Aktenzeichen oder Fallzeichen")  # fmt: skip
    p.add_argument(
        "--out",
        required=True,
        metavar="DATEI",
        help="DATEI.pdf (für die Person) oder DATEI.json (maschinenlesbar)",
    )
    p.add_argument("--force", action="store_true", help="eine frühere Auskunft ersetzen")
    p.set_defaults(run=commands.client_report)

    p = sub.add_parser("profile", help="das Kreisprofil zeigen oder eine neue Version übernehmen")
    p.add_argument("--store", required=True, help="Speicher der Kreisstelle (oder eines Geräts)")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--show", action="store_true", help="Version, Einstellungen, Codes, Verlauf")
    what.add_argument("--apply", metavar="DATEI.json", help="eine neue Version übernehmen")
    p.add_argument("--json", action="store_true", help="mit --show: als JSON")
    p.add_argument("--dry-run", action="store_true", help="mit --apply: nur prüfen und nennen")
    p.set_defaults(run=commands.profile)

    p = sub.add_parser(
        "inspect", help="ein Bundle prüfen und seinen Inhalt für eine Prüfung ablegen"
    )
    p.add_argument("--store", required=True, help="Speicher der Kreisstelle")
    p.add_argument("file", metavar="BUNDLE")
    p.add_argument("--out", required=True, help="neuer oder leerer Ordner für die Dateien")
    p.set_defaults(run=commands.inspect)

    p = sub.add_parser("conflicts", help="offene Konflikte auflisten")
    p.add_argument("--store", required=True)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=commands.conflicts)

    p = sub.add_parser("resolve", help="einen Konflikt auflösen")
    p.add_argument("--store", required=True)
    p.add_argument("id", help="Konflikt-ID (aus kimdesk conflicts)")
    p.add_argument("--keep", required=True, choices=["stored", "incoming"])
    p.set_defaults(run=commands.resolve)

    p = sub.add_parser("report", help="den Bericht des Kreises an das Land schreiben")
    p.add_argument("--store", required=True, help="Speicher der Kreisstelle")
    p.add_argument("--period", required=True, metavar="ZEITRAUM",
                   help="Jahr, Halbjahr oder Quartal: 2023, 2023-H1, 2023-Q2")  # fmt: skip
    p.add_argument("--land-key", metavar="DATEI",
                   help="Identitätsdatei der Landesstelle (beim ersten Bericht)")  # fmt: skip
    p.add_argument("--out", required=True, metavar="ORDNER", help="Zielordner")
    p.add_argument("--yes", action="store_true",
                   help="den Fingerabdruck der Landesstelle nicht erfragen (schon verglichen)")  # fmt: skip
    p.add_argument("--change-kind", action="store_true",
                   help="die Art der Zeiträume eines Jahres wechseln (nur wenn die Landesstelle "
                        "die bisherige Art nicht angenommen hat)")  # fmt: skip
    p.add_argument("--force", action="store_true", help=FORCE_HELP)
    p.set_defaults(run=land.report)

    p = sub.add_parser("stats", help="Statistik (S1–S12) ausgeben oder exportieren")
    p.add_argument("--store", required=True)
    p.add_argument("--from", dest="date_from", metavar="DATUM", help="ab (TT.MM.JJJJ)")
    p.add_argument("--to", dest="date_to", metavar="DATUM", help="bis einschließlich")
    p.add_argument("--period", metavar="ZEITRAUM",
                   help="statt --from/--to: ein Jahr, Halbjahr oder Quartal (2023, 2023-H1, "
                        "2023-Q2)")  # fmt: skip
    p.add_argument("--municipality", metavar="AGS",
                   help="nur diese Kommune (AGS oder Name; an der Landesstelle: dieser Kreis)")  # fmt: skip
    p.add_argument("--program", metavar="P", help="nur dieses Programm (kim, muki)")
    p.add_argument("--xlsx", metavar="DATEI", help="Excel-Arbeitsmappe mit Diagrammen schreiben")
    p.add_argument("--charts", metavar="ORDNER", help="Diagramme als PNG und PDF schreiben")
    p.add_argument("--json", action="store_true", help="alle Zahlen als JSON")
    p.add_argument("--publication", action="store_true",
                   help="Veröffentlichungsfassung: kleine Zahlen und was sie verriete als „•“")  # fmt: skip
    p.add_argument("--force", action="store_true", help=FORCE_HELP)
    p.set_defaults(run=land.stats)
    return parser


def main(argv: list[str] | None = None, *, gui: Callable[[str | None], int] | None = None) -> int:
    """Run one command; ``gui`` starts the desktop app (passed in by the launcher)."""
    for stream in (sys.stdout, sys.stderr):  # a file name from a stick may hold any bytes
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:  # plain `kimdesk` starts the desktop app
        args = parser.parse_args(["gui"])
    args.start_gui = gui
    try:
        return args.run(args)
    except KimdeskError as exc:
        _fail(str(exc))
    except BrokenPipeError:  # the reader went away (`| head`): not an error of ours
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps the interpreter's flush quiet
        return 0
    except KeyboardInterrupt:
        _fail("Abgebrochen; es wurde nichts verändert.")
    except OSError as exc:
        if known := faults.explain(exc):
            _fail(known)
            return 1
        where = f" ({exc.filename})" if exc.filename else ""
        _fail(f"Eine Datei konnte nicht gelesen oder geschrieben werden{where}: {exc.strerror}.")
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no tracebacks
        if known := faults.explain(exc):
            _fail(known)
            return 1
        if os.environ.get("KIMDESK_DEBUG") == "1":  # for developers on their own test data
            raise
        # Only the type: messages of driver errors could carry values of personal fields.
        _fail(f"Unerwarteter Fehler ({type(exc).__name__}); der Vorgang wurde abgebrochen.")
    return 1


def _fail(message: str) -> None:
    print(f"kimdesk: {message}", file=sys.stderr)
