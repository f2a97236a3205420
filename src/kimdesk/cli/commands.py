"""The command handlers: parse nothing, print results, leave the work to the services."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from kimdesk.domain.catalog import RetentionRules, retention_rules
from kimdesk.domain.errors import KimdeskError
from kimdesk.domain.text import number_ranges, printable
from kimdesk.fileio import shown
from kimdesk.services import (
    access,
    handovers,
    maintenance,
    replies,
    server,
    setup,
    statistics,
    sync,
)
from kimdesk.services import conflicts as settling
from kimdesk.services import due as due_list
from kimdesk.services import legacy_import as legacy
from kimdesk.services import profile as county_profile
from kimdesk.services.workspace import Workspace, open_workspace
from kimdesk.stats.labels import hidden_note
from kimdesk.store.server import is_server_url
from kimdesk.sync.identity import Identity

from . import passphrase
from .progress import ProgressBar

#: How many bad rows an import lists before it summarises the rest.
MAX_LISTED_PROBLEMS = 200


def _out(text: str = "") -> None:
    print(text)


def _open(args) -> Workspace:
    return open_workspace(_store(args.store), passphrase.ask())


def _store(value: str) -> Path | str:
    """A store file, or an office store's server address (``postgresql+psycopg://…``)."""
    if is_server_url(value):
        return value
    if "://" in value:
        raise KimdeskError(
            f"„{value.split('://')[0]}“ kennt KIMdesk nicht; Server-Speicher haben Adressen "
            "wie postgresql+psycopg://benutzer@host:5432/kimdesk."
        )
    return Path(value)


def gui(args) -> int:
    if args.start_gui is None:
        raise KimdeskError("Die Arbeitsoberfläche ist in dieser Installation nicht enthalten.")
    return args.start_gui(args.store)


def init(args) -> int:
    if args.from_store:
        return _move(args)
    path = _store(args.store)
    if isinstance(path, Path) and path.exists():
        raise KimdeskError(
            f"Die Datei {path} gibt es schon; ein Speicher wird nicht überschrieben."
        )
    if isinstance(path, str) and args.role == "casemanager":
        raise KimdeskError("Auf einem Datenbankserver liegt nur der Speicher einer Kreisstelle "
                           "oder der Landesstelle.")  # fmt: skip
    if args.office_key and args.role == "casemanager":
        _compare_office(args)
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
        _out(f"Speicher angelegt: {shown(ws.path)}")
        _out(f"Rolle: {ws.installation.role}, Name: {printable(ws.installation.name)}")
        _out(f"Installation: {ws.installation.id}")
        _out(f"Fingerabdruck: {identity.fingerprint}")
    return 0


def _compare_office(args) -> None:
    """The office's fingerprint, to compare by phone before the store trusts it."""
    office = setup.read_office_identity(Path(args.office_key))
    _out(f"Kreisstelle: {printable(office.name)} ({office.installation_id})")
    _out(f"Fingerabdruck der Kreisstelle: {office.fingerprint}")
    if office.version == 1:
        _out("Hinweis: die Identitätsdatei hat das alte Format 1; ihr Fingerabdruck deckt Rolle "
             "und Name nicht. Bitte die Kreisstelle um eine neue Identitätsdatei.")  # fmt: skip
    passphrase.confirm(
        "Stimmt er mit dem Fingerabdruck überein, den die Kreisstelle am Telefon nennt?",
        yes=args.yes,
        refusal="Der Fingerabdruck der Kreisstelle muss verglichen werden: in einem Terminal "
        "aufrufen, oder nach dem Vergleich --yes angeben.",
    )


def _move(args) -> int:
    """``init --store URL --role office --from-store OFFICE.kdb``: the office (or the Land)
    moves to a server."""
    if not is_server_url(args.store):
        raise KimdeskError("--from-store braucht als --store die Adresse eines Datenbankservers.")
    if args.role not in ("office", "land"):
        raise KimdeskError("Auf einen Datenbankserver zieht nur der Speicher einer Kreisstelle "
                           "oder der Landesstelle um.")  # fmt: skip
    secret = passphrase.ask()
    with open_workspace(Path(args.from_store), secret) as source:
        if source.installation.role != args.role:
            raise KimdeskError(f"Der Speicher {shown(Path(args.from_store))} hat die Rolle "
                               f"{source.installation.role}, nicht {args.role}.")  # fmt: skip
        if args.name and args.name != source.installation.name:
            _out(f"Hinweis: die Installation behält ihren Namen „{source.installation.name}“.")
        bar = ProgressBar("Umzug", unit="Tabellen")
        try:
            moved = server.move_to_server(source, args.store, secret, progress=bar)
        finally:
            bar.close()
    with open_workspace(args.store, secret) as ws:
        identity = setup.own_identity(ws)
    _out(f"Speicher umgezogen: {args.from_store} → {moved.url}")
    _out(f"{sum(moved.rows.values())} Zeilen übernommen; Statistiken auf beiden Seiten gleich.")
    _out(f"Fingerabdruck (unverändert): {identity.fingerprint}")
    _out("Die Passphrase ist die bisherige; ändern mit: kimdesk rekey --store …")
    return 0


def identity(args) -> int:
    with _open(args) as ws:
        ident = setup.write_identity(ws, Path(args.out), force=args.force)
    _out(f"Identität geschrieben: {shown(args.out)}")
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
        target = maintenance.backup_store(ws, Path(args.out), force=args.force)
    _out(f"Sicherung geschrieben und geprüft: {shown(target)}")
    return 0


def import_legacy(args) -> int:
    bar = ProgressBar("Import")
    with _open(args) as ws:
        try:
            result = legacy.import_legacy(
                ws, Path(args.file), skip_invalid=args.skip_invalid,
                allow_duplicates=args.allow_duplicates, progress=bar,
            )  # fmt: skip
        except legacy.LegacyImportError as exc:
            bar.close()
            print(f"kimdesk: {exc}", file=sys.stderr)
            for problem in exc.problems[:MAX_LISTED_PROBLEMS]:
                print(f"  {problem}", file=sys.stderr)
            if len(exc.problems) > MAX_LISTED_PROBLEMS:
                rest = len(exc.problems) - MAX_LISTED_PROBLEMS
                print(f"  … und {rest} weitere Fehler.", file=sys.stderr)
            print(f"  {exc.hint}", file=sys.stderr)
            return 1
        finally:
            bar.close()
    cases = "1 neuer Fall" if result.cases_created == 1 else f"{result.cases_created} neue Fälle"
    beratungen = "1 Beratung" if result.imported == 1 else f"{result.imported} Beratungen"
    _out(f"Übernommen: {beratungen}, {cases}.")
    if result.ignored_columns:
        _out(f"Nicht übernommene Spalten: {', '.join(result.ignored_columns)}")
    if result.rejected_file:
        rows = "1 Zeile" if result.rejected == 1 else f"{result.rejected} Zeilen"
        _out(f"Abgelehnt: {rows}, siehe {result.rejected_file}")
    return 0


def enroll(args) -> int:
    with _open(args) as ws:
        if ws.installation.role == "land":
            _compare_county_office(args)
        result = sync.enroll(ws, Path(args.file), county=args.county)
    ident = result.identity
    name = printable(ident.name)
    county = (f" für {result.county} {county_profile.county_name(result.county)}"
              if result.county else "")  # fmt: skip
    if result.new:
        _out(f"Eingetragen: {name} ({ident.installation_id}){county}")
    else:
        _out(f"Bereits eingetragen: {name} ({ident.installation_id}){county}; nichts geändert.")
    if not result.county:  # the Land compared before it enrolled
        _out(f"Fingerabdruck: {ident.fingerprint} – bitte mit dem Gerät vergleichen.")
    if result.replaced:
        _out(f"Für diesen Kreis war bisher {printable(result.replaced)} eingetragen; ihre "
             "Berichte bleiben in der Historie, neue nimmt die Landesstelle nur noch von "
             f"{name}.")  # fmt: skip
    if result.same_name:
        _out(f"Hinweis: ein anderes eingetragenes Gerät heißt ebenfalls „{name}“; in Tabellen "
             "sind die beiden nur am Fingerabdruck zu unterscheiden.")  # fmt: skip
    if result.legacy:
        _out("Hinweis: die Identitätsdatei hat das alte Format 1; ihr Fingerabdruck deckt Rolle "
             "und Name nicht. Das Gerät schreibt mit „kimdesk identity“ eine neue.")  # fmt: skip
    return 0


def _compare_county_office(args) -> None:
    """At the Land: the office's fingerprint and its county, compared by phone before the
    Land trusts it (its reports then count for that county)."""
    if not args.county:
        raise KimdeskError("Die Landesstelle trägt eine Kreisstelle für ihren Kreis ein: "
                           "bitte den Kreis nennen (--county AGS oder Name).")  # fmt: skip
    ags = county_profile.kim_county(args.county)
    office = Identity.read(Path(args.file))
    if office.role != "office":
        raise KimdeskError("Die Identitätsdatei gehört nicht zu einer Kreisstelle; die "
                           "Landesstelle trägt Kreisstellen ein.")  # fmt: skip
    compare(office, "Kreisstelle", "Fingerabdruck und Kreis", yes=args.yes,
            also=f"Kreis: {ags} {county_profile.county_name(ags)}")  # fmt: skip


def compare(identity: Identity, who: str, what: str = "der Fingerabdruck", *, yes: bool,
            also: str | None = None) -> None:  # fmt: skip
    """Show another installation's identity (and ``also``) and ask whether it matches what
    it says on the phone, before its file is trusted."""
    _out(f"{who}: {printable(identity.name)} ({identity.installation_id})")
    _out(f"Fingerabdruck der {who}: {identity.fingerprint}")
    if also:
        _out(also)
    plural = " und " in what
    passphrase.confirm(
        f"{'Stimmen' if plural else 'Stimmt'} {what} mit dem überein, was "
        f"die {who} am Telefon nennt?",
        yes=yes,
        refusal=f"{what[0].upper() + what[1:]} der {who} {'müssen' if plural else 'muss'} "
        "verglichen werden: in einem Terminal aufrufen, oder nach dem Vergleich --yes angeben.",
    )


def export_bundle(args) -> int:
    with _open(args) as ws:
        result = sync.export_bundle(ws, Path(args.out), full=args.full)
        arrived = sorted(replies.receipts(ws))
    _out(result.message)
    if arrived:
        _out(f"Bei der Kreisstelle angekommen: Bundles {number_ranges(arrived)}.")
    return 0


def reply(args) -> int:
    with _open(args) as ws:
        result = replies.write_replies(ws, Path(args.out), device=args.device)
    for written in result.written:
        seqs = number_ranges(written.acknowledged) or "noch keins"
        decided = f", Entscheidungen: {written.decisions}" if written.decisions else ""
        decided += f", Fallübergaben: {written.handovers}" if written.handovers else ""
        _out(f"Antwort {written.seq} an {printable(written.device)}: {shown(written.path)} "
             f"(angekommene Bundles: {seqs}{decided})")  # fmt: skip
    for line in result.skipped:
        _out(f"Keine Antwort: {line}")
    return 0


def receive(args) -> int:
    with _open(args) as ws:
        result = replies.receive_replies(ws, args.replies)
    if args.json:
        print(json.dumps({"replies": [r.as_json() for r in result.replies]},
                         ensure_ascii=False, indent=2))  # fmt: skip
    else:
        for r in result.replies:
            if r.status == "rejected":
                _out(f"{shown(r.file)}: ABGELEHNT – {r.reason}")
                continue
            what = "schon eingelesen" if r.status == "already_received" else "eingelesen"
            _out(f"{shown(r.file)}: Antwort {r.reply_seq} {what}; bei der Kreisstelle "
                 f"angekommen: Bundles {number_ranges(r.acknowledged) or 'noch keins'}")  # fmt: skip
            if r.taken.updated:
                _out(f"  Entscheidungen der Kreisstelle übernommen: {r.taken.updated} "
                     "Datensätze")  # fmt: skip
            if r.profile_version:
                _out(f"  Kreisprofil: Version {r.profile_version} übernommen")
            for item in r.handovers.items:
                n = item["cases"]
                cases = f"{n} {'Fall' if n == 1 else 'Fälle'}"
                if item["direction"] == "taken":
                    _out(f"  Fallübergabe von {printable(item['device'])} übernommen: {cases}")
                else:
                    _out(f"  Übergabe an {printable(item['device'])} abgeschlossen ({cases}); "
                         "die Personendaten sind auf diesem Gerät gelöscht")  # fmt: skip
            for warning in r.warnings:
                _out(f"  Hinweis: {warning}")
    return 1 if result.any_rejected else 0


def due(args) -> int:
    if not 0 <= args.days <= 366:
        raise KimdeskError("--days: bitte eine Zahl von 0 bis 366.")
    with _open(args) as ws:
        found = due_list.due(ws, days=args.days)
    if args.json:
        print(json.dumps({"today": found.today.isoformat(), "overdue": found.overdue,
                          "today_count": found.due_today, "this_week": found.this_week,
                          "items": [i.as_json() for i in found.items]},
                         ensure_ascii=False, indent=2))  # fmt: skip
        return 0
    if not found.items:
        _out("Nichts fällig.")
        return 0
    _out(f"Überfällig: {found.overdue}, heute: {found.due_today}, diese Woche: {found.this_week}")
    for item in found.items:
        _out(f"{item.due_on:%d.%m.%Y}  {item.reference}  {item.reason}")
    return 0


def client_report(args) -> int:
    with _open(args) as ws:
        written = access.write_client_report(ws, args.case, args.out, force=args.force)
    _out(f"Auskunft geschrieben: {written.path} ({written.cases} Fall/Fälle, "
         f"{written.consultations} Beratung(en)). Sie enthält Personendaten: nur der Person "
         "selbst aushändigen.")  # fmt: skip
    return 0


def handover(args) -> int:
    with _open(args) as ws:
        cases = [] if args.all else handovers.find_cases(ws, args.case)
        result = handovers.hand_over(ws, to=args.to, cases=cases, every=args.all)
    if args.json:
        print(json.dumps({"handover_id": result.handover_id, "to": result.receiver,
                          "cases": result.cases, "clients": result.clients,
                          "records": result.records}, ensure_ascii=False, indent=2))  # fmt: skip
    else:
        _out(result.message)
    return 0


def profile(args) -> int:
    with _open(args) as ws:
        if args.apply:
            applied = county_profile.apply(ws, args.apply, dry_run=args.dry_run)
            change = applied.change
            if change.empty:
                _out("Das Profil ändert nichts; es wurde keine neue Version angelegt.")
                return 0
            verb = "würde Version" if args.dry_run else "Version"
            _out(f"Kreisprofil: {verb} {change.version} "
                 f"{'anlegen' if args.dry_run else 'angelegt'}.")  # fmt: skip
            for line in county_profile.summary(change):
                _out(f"  {line}")
            if not args.dry_run:
                _out("Die Geräte erhalten sie mit ihrer nächsten Antwort (kimdesk reply).")
            return 0
        shown = county_profile.show(ws)
    if args.json:
        print(json.dumps(shown, ensure_ascii=False, indent=2))
        return 0
    doc = shown["profile"]
    _out(f"{doc['name']} ({doc['county']}), Profil {doc['profile']}, Version {doc['version']}")
    _out(f"Aufbewahrungsfrist: {doc['retention_years']} Jahre; Mindestfallzahl für "
         f"Veröffentlichungen: {doc['publication']['min_count']}")  # fmt: skip
    rules = retention_rules(doc) or RetentionRules()
    _out(f"Löschfristen: {rules.one_off_months} Monate nach nur einmaliger Beratung, "
         f"{rules.inactive_months} Monate bei ruhenden offenen Fällen")  # fmt: skip
    for name, items in doc["catalogs"].items():
        retired = [i["code"] for i in items if i.get("active") is False]
        newer = [f"{i['code']} (ab {i['since']})" for i in items if i["since"] > 1]
        line = f"  {name}: {len(items)} Codes"
        line += f"; stillgelegt: {', '.join(retired)}" if retired else ""
        line += f"; neu: {', '.join(newer)}" if newer else ""
        _out(line)
    for h in shown["history"]:
        _out(f"Version {h['version']} vom {h['created_at'][:10]}: {'; '.join(h['summary'])}")
    return 0


def merge(args, ws: Workspace) -> int:
    """``kimdesk merge`` at the office (``land.merge`` opens the store and sends it here)."""
    bar = ProgressBar("Zusammenführen", unit="Datensätze")
    try:
        summary = sync.merge_bundles(ws, args.bundles, dry_run=args.dry_run, progress=bar)
    finally:
        bar.close()
    if args.json:
        print(json.dumps(summary.as_json(), ensure_ascii=False, indent=2))
    else:
        _print_summary(summary)
    return 1 if summary.any_rejected else 0


_STATUS = {
    "imported": "übernommen",
    "already_imported": "schon übernommen",
    "rejected": "ABGELEHNT",
}
_COLUMNS = ("created", "updated", "unchanged", "stale", "deleted", "conflicts")
_HEADINGS = ("neu", "geändert", "gleich", "veraltet", "gelöscht", "Konflikte")


def print_table(rows: list[tuple[str, ...]], *, left: int, total: bool) -> None:
    """Rows as aligned columns: the first ``left`` to the left, the others (figures) to the
    right; a rule under the heading and, with ``total``, above the last row."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    rules = {0, len(rows) - 2} if total else {0}
    for n, row in enumerate(rows):
        cells = [c.ljust(w) if i < left else c.rjust(w)
                 for i, (c, w) in enumerate(zip(row, widths, strict=True))]  # fmt: skip
        _out("  ".join(cells).rstrip())
        if n in rules:
            _out("  ".join("-" * w for w in widths))


def _print_summary(summary) -> None:
    if summary.dry_run:
        _out("Probelauf: es wurde nichts verändert.")
    rows = [("Bundle", "Gerät", "Nr.", "Status", *_HEADINGS)]
    for b in summary.bundles:
        rows.append(
            (
                b.display_name,
                printable(b.installation_name or "–", 40),
                str(b.seq) if b.seq else "–",
                _STATUS[b.status],
                *(str(b.counts[k]) for k in _COLUMNS),
            )
        )
    totals = summary.totals
    rows.append(("Summe", "", "", f"{totals['rejected']} abgelehnt",
                 *(str(totals[k]) for k in _COLUMNS)))  # fmt: skip
    print_table(rows, left=4, total=True)
    for b in summary.bundles:
        if b.reason:
            _out(f"{b.display_name}: abgelehnt – {b.reason}. [{b.reason_code}]")
        for warning in b.warnings:
            _out(f"{b.display_name}: Hinweis – {warning}")


def inspect(args) -> int:
    from kimdesk.services.inspect import inspect_bundle

    with _open(args) as ws:
        result = inspect_bundle(ws, Path(args.file), Path(args.out))
    report = result.report
    if report.status == "rejected":
        print(f"kimdesk: {report.display_name}: abgelehnt – {report.reason}. [{report.reason_code}]",
              file=sys.stderr)  # fmt: skip
        return 1
    status = _STATUS[report.status] if report.status != "imported" else "würde übernommen"
    _out(f"{report.display_name}: Signatur gültig, Inhalt geprüft; {status} "
         f"(Gerät {printable(report.installation_name or '')}, Bundle {report.seq}).")  # fmt: skip
    for warning in report.warnings:
        _out(f"Hinweis – {warning}")
    for path in result.written:
        _out(f"geschrieben: {shown(path)}")
    return 0


def conflicts(args) -> int:
    with _open(args) as ws:
        items = settling.list_conflicts(ws)
    if args.json:
        print(json.dumps({"conflicts": items}, ensure_ascii=False, indent=2))
        return 0
    if not items:
        _out("Keine offenen Konflikte.")
        return 0
    for item in items:
        stored, incoming = item["stored"], item["incoming"]
        applied = "eingehende" if item["applied"] == "incoming" else "gespeicherte"
        _out(f"{item['id']}  {item['entity']} {item['record']}")
        _out(
            f"    gespeichert: Version {stored['version']} von {stored['origin']}, "
            f"{stored['updated_at']}"
        )
        _out(
            f"    eingehend:   Version {incoming['version']} von {incoming['origin']}, "
            f"{incoming['updated_at']}"
        )
        _out(f"    abweichend:  {', '.join(item['differing_fields']) or '–'}; "
             f"angewendet ist die {applied} Fassung")  # fmt: skip
    _out(f"{len(items)} offene Konflikte. Auflösen: kimdesk resolve --store … ID "
         "--keep stored|incoming")  # fmt: skip
    return 0


def resolve(args) -> int:
    with _open(args) as ws:
        record = settling.resolve_conflict(ws, args.id, args.keep).record_id
    which = "gespeicherte" if args.keep == "stored" else "eingehende"
    _out(f"Konflikt {args.id} aufgelöst: für {record} gilt die {which} Fassung.")
    return 0


def stats(args, ws: Workspace) -> int:
    """``kimdesk stats`` at the office or a device (``land.stats`` opens the store)."""
    filters = statistics.make_filters(
        ws,
        date_from=args.date_from,
        date_to=args.date_to,
        municipality=args.municipality,
        program=args.program,
        period=args.period,
    )
    report = statistics.statistics(ws, filters, publication=args.publication)
    return show_stats(args, ws, report, print_stats)


def show_stats(args, ws: Workspace, report: dict, printed, labels=None) -> int:
    """The report as JSON, workbook, charts, or printed by ``printed(report, catalog)``;
    codes named by ``labels`` (the store's catalog unless given)."""
    labels = labels or ws.catalog
    written = []
    if args.xlsx:
        from kimdesk.services import exports

        written.append(exports.write_workbook(report, labels, Path(args.xlsx), force=args.force))
    if args.charts:
        from kimdesk.services import exports

        written.extend(exports.write_charts(report, labels, Path(args.charts), force=args.force))
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    elif not written:
        printed(report, labels)
    for path in written:
        print(f"geschrieben: {shown(path)}", file=sys.stderr if args.json else sys.stdout)
    return 0


def print_stats(report: dict, catalog) -> None:
    c = report["consultations"]
    _out(f"Einzelberatungen: {c['total']} (einmalig {c['by_kind']['einmalig']}, "
         f"Case Management {c['by_kind']['cm']})")  # fmt: skip
    for year, row in c["by_year"].items():
        _out(f"  {year}: {row['total']} (einmalig {row['einmalig']}, CM {row['cm']})")
    r = report["referrals"]
    _out(f"Verweise: {r['total']}")
    for code, share in r["by_target"].items():
        pct = "–" if share["pct"] is None else f"{share['pct']:.1f} %".replace(".", ",")
        _out(f"  {catalog.label('referral_target', code)}: {share['n']} ({pct})")
    t = report["topics"]
    top5 = ", ".join(catalog.label("topic", code) for code in t["top5"] or ())
    _out(f"Themennennungen: {t['mentions']}" + (f"; häufigste: {top5}" if top5 else ""))
    k = report["cases"]
    _out(f"Fälle: {k['opened']} eröffnet, {k['closed']} abgeschlossen, "
         f"{k['active_at_end']} aktiv am Ende des Zeitraums")  # fmt: skip
    g = report["group_offers"]
    _out(f"Gruppentermine: {g['sessions_held']} durchgeführt, {g['sessions_cancelled']} "
         f"ausgefallen, {g['participants']} Teilnahmen")  # fmt: skip
    _out(f"Bedarfsmeldungen: {report['structural_needs']['total']}")
    s = report["staffing"]
    _out(f"Aktive Geräte: {s['installations']}, versorgte Kommunen: {s['municipalities']}")
    p, o = report["reached"], report["outcomes"]
    m = p["language_mediation"]
    pct = "" if m["pct"] is None else f" ({m['pct']:.1f} %)".replace(".", ",")
    _out(f"Erreichte Personen: {p['persons']} (mit Klient:in {p['known']}, ohne {p['unknown']}); "
         f"Fälle mit Beratung: {p['cases']}; Beratungen mit Sprachmittlung: {m['with']}{pct}")  # fmt: skip
    days = o["case_days"]
    duration = (f"; Dauer bis zum Abschluss: Median {days['median']} Tage, 75 % bis "
                f"{days['p75']} Tage" if days["median"] is not None else "")  # fmt: skip
    _out(f"Ziele der Fälle: {o['goals_total']}; abgeschlossene Fälle: {o['closed']}{duration}")
    if report.get("publication"):
        _out(hidden_note(report))
