"""The command handlers: parse nothing, print results, leave the work to the services."""

from __future__ import annotations

import sys
from pathlib import Path

from kimdesk.domain.errors import KimdeskError
from kimdesk.services import legacy_import as legacy
from kimdesk.services import maintenance, setup
from kimdesk.services.workspace import Workspace, open_workspace

from . import passphrase
from .progress import ProgressBar

#: How many bad rows an import lists before it summarises the rest.
MAX_LISTED_PROBLEMS = 200


def _out(text: str = "") -> None:
    print(text)


def _open(args) -> Workspace:
    store = _file_store(args.store)
    return open_workspace(store, passphrase.ask())


def _file_store(value: str) -> Path:
    if "://" in value:
        raise KimdeskError("Diese Version kennt nur Speicherdateien, noch keine Server-Adressen.")
    return Path(value)


def gui(args) -> int:
    if args.start_gui is None:
        raise KimdeskError("Die Arbeitsoberfläche ist in dieser Installation nicht enthalten.")
    return args.start_gui(args.store)


def init(args) -> int:
    if args.from_store:
        raise KimdeskError(
            "Die Übernahme auf einen Datenbankserver (--from-store) gibt es noch nicht."
        )
    path = _file_store(args.store)
    if path.exists():
        raise KimdeskError(
            f"Die Datei {path} gibt es schon; ein Speicher wird nicht überschrieben."
        )
    secret = passphrase.ask(create=True)
    with setup.init_store(
        path,
        secret,
        role=args.role,
        name=args.name,
        profile=args.profile,
        office_identity=args.office_key,
    ) as ws:
        identity = setup.own_identity(ws)
        _out(f"Speicher angelegt: {path}")
        _out(f"Rolle: {ws.installation.role}, Name: {ws.installation.name}")
        _out(f"Installation: {ws.installation.id}")
        _out(f"Fingerabdruck: {identity.fingerprint}")
    return 0


def identity(args) -> int:
    with _open(args) as ws:
        ident = setup.write_identity(ws, Path(args.out))
    _out(f"Identität geschrieben: {args.out}")
    _out(f"Fingerabdruck: {ident.fingerprint}")
    return 0


def check(args) -> int:
    with _open(args) as ws:
        report = maintenance.check_store(ws)
    if report.ok:
        _out(f"Speicher in Ordnung: {report.path} (Schema {report.schema_version})")
        return 0
    print(
        f"kimdesk: Der Speicher {report.path} ist beschädigt; bitte die letzte Sicherung "
        "verwenden.",
        file=sys.stderr,
    )
    for problem in report.problems[:50]:
        print(f"  {problem}", file=sys.stderr)
    return 1


def rekey(args) -> int:
    with _open(args) as ws:
        new = passphrase.ask(create=True, env=passphrase.ENV_NEW, label="Neue Passphrase")
        maintenance.rekey_store(ws, new)
    _out(f"Neue Passphrase gesetzt: {args.store}")
    return 0


def backup(args) -> int:
    with _open(args) as ws:
        target = maintenance.backup_store(ws, Path(args.out))
    _out(f"Sicherung geschrieben und geprüft: {target}")
    return 0


def import_legacy(args) -> int:
    bar = ProgressBar("Import")
    with _open(args) as ws:
        try:
            result = legacy.import_legacy(
                ws, Path(args.file), skip_invalid=args.skip_invalid, progress=bar
            )
        except legacy.LegacyImportError as exc:
            bar.close()
            print(f"kimdesk: {exc}", file=sys.stderr)
            for problem in exc.problems[:MAX_LISTED_PROBLEMS]:
                print(f"  {problem}", file=sys.stderr)
            if len(exc.problems) > MAX_LISTED_PROBLEMS:
                rest = len(exc.problems) - MAX_LISTED_PROBLEMS
                print(f"  … und {rest} weitere Fehler.", file=sys.stderr)
            print(
                "  Mit --skip-invalid werden die fehlerfreien Zeilen übernommen.", file=sys.stderr
            )
            return 1
        finally:
            bar.close()
    cases = "1 neuer Fall" if result.cases_created == 1 else f"{result.cases_created} neue Fälle"
    _out(f"Übernommen: {result.imported} Beratungen, {cases}.")
    if result.ignored_columns:
        _out(f"Nicht übernommene Spalten: {', '.join(result.ignored_columns)}")
    if result.rejected_file:
        rows = "1 Zeile" if result.rejected == 1 else f"{result.rejected} Zeilen"
        _out(f"Abgelehnt: {rows}, siehe {result.rejected_file}")
    return 0
