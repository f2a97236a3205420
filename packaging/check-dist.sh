#!/bin/sh
# Proves a built KIMdesk: it prints its version, creates and checks encrypted stores, takes
# over a list, carries a bundle from a device to the office, writes statistics, and starts the
# desktop app (offscreen) without crashing. Used by `make dist-check` and CI.
set -eu
APP="${1:-dist/kimdesk/kimdesk}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export KIMDESK_STATE_DIR="$WORK/state" KIMDESK_PASSPHRASE="dist check passphrase"
"$APP" --version
# The interface texts: ours (English, German plurals) and Qt's German (Ja/Nein, file dialogs).
DIR="$(dirname "$APP")"
for QM in kimdesk_en.qm kimdesk_de.qm qtbase_de.qm; do
    if [ -z "$(find "$DIR" -name "$QM" | head -1)" ]; then
        echo "Übersetzung fehlt im Paket: $QM" >&2
        exit 1
    fi
done
"$APP" init --store "$WORK/kreis.kdb" --role office --name "Dist-Check" >/dev/null
"$APP" identity --store "$WORK/kreis.kdb" --out "$WORK/kreis.json" >/dev/null
"$APP" init --store "$WORK/cm.kdb" --role casemanager --name "CM Dist" --office-key "$WORK/kreis.json" --yes >/dev/null
"$APP" check --store "$WORK/cm.kdb"
# A nationality in words: the country names ship as a resource file.
printf 'Datum;Kommune;Art;Themen;Fall;Staatsangehörigkeit\n09.01.2023;Troisdorf;einmalig;Wohnen;;\n10.01.2023;Troisdorf;cm;Wohnen;F-1;Syrien\n' > "$WORK/liste.csv"
"$APP" import-legacy --store "$WORK/cm.kdb" "$WORK/liste.csv" >/dev/null
"$APP" identity --store "$WORK/cm.kdb" --out "$WORK/cm.json" >/dev/null
mkdir "$WORK/stick"
"$APP" export-bundle --store "$WORK/cm.kdb" --out "$WORK/stick" >/dev/null
"$APP" enroll --store "$WORK/kreis.kdb" "$WORK/cm.json" >/dev/null
"$APP" merge --store "$WORK/kreis.kdb" --json "$WORK"/stick/*.kimb > "$WORK/merge.json"
grep -q '"created": 4' "$WORK/merge.json"  # 2 consultations, a case and its client
# The Land's store (its catalog of counties ships as a resource) enrols the county's office.
"$APP" init --store "$WORK/land.kdb" --role land --name "Land-Check" >/dev/null
"$APP" enroll --store "$WORK/land.kdb" --county 05382000 --yes "$WORK/kreis.json" | grep -q "Eingetragen"
"$APP" stats --store "$WORK/cm.kdb" --xlsx "$WORK/s.xlsx" --charts "$WORK/charts" >/dev/null
test -s "$WORK/s.xlsx" && test -s "$WORK/charts/S1-beratungen-pro-jahr.png"
# The desktop app: started offscreen, it must still be running after a few seconds, and the
# chart modules it loads half a second after start (matplotlib's Qt backend, which needs
# QtSvg) must have loaded without a traceback.
QT_QPA_PLATFORM=offscreen HOME="$WORK" "$APP" gui --store "$WORK/cm.kdb" >"$WORK/gui.log" 2>&1 &
PID=$!
sleep 6
if ! kill -0 "$PID" 2>/dev/null; then
    echo "Die Arbeitsoberfläche ist beim Start abgebrochen:" >&2
    cat "$WORK/gui.log" >&2
    exit 1
fi
kill "$PID"
if grep -q "Traceback" "$WORK/gui.log"; then cat "$WORK/gui.log" >&2; exit 1; fi
echo "dist-check: ok ($APP)"
