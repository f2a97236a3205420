"""The Land with every KIM county: ``kimdesk merge`` of 54 county reports (each checked:
signature, decryption, shape, places, small counts, sums) and ``kimdesk stats`` over them
(JSON, workbook). The reports are one real year of a county with 20,000 consultations,
written by ``kimdesk report``, given to each county under its own AGS and signed by its own
enrolled office.
Goals (set here; the issue names none): merge of all 54 ≤ 10 s, stats JSON ≤ 1 s, workbook
≤ 3 s. Baseline, in the same run: plain Python reading the same 54 documents (json.loads) and
adding up their counts.
"""

from __future__ import annotations

import json
import os
import random
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import results  # noqa: E402

PASS = "bench passphrase 1"
TODAY = date(2026, 12, 3)


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="kimdesk-bench-land-"))
    os.environ["KIMDESK_STATE_DIR"] = str(work / "state")
    from tests.integration.random_data import fill_random

    from kimdesk.services import county_report, land_reports, land_stats, setup, sync
    from kimdesk.services.profile import kim_counties
    from kimdesk.stats.workbook import build_workbook
    from kimdesk.sync import container
    from kimdesk.sync.fields import canonical
    from kimdesk.sync.identity import Identity

    land = setup.init_store(work / "land.kdb", PASS, role="land", name="Land")
    setup.write_identity(land, work / "land.json")
    with setup.init_store(work / "model.kdb", PASS, role="office", name="Vorbild") as model:
        fill_random(model, random.Random(7), consultations=20_000, days=365, municipalities=8)
        document = county_report.county_report(model, "2023", today=TODAY)
    text = json.dumps(document, ensure_ascii=False)
    files = []
    for n, ags in enumerate(sorted(kim_counties())):
        with setup.init_store(
            work / f"o{n}.kdb", PASS, role="office", name=f"Kreisstelle {n}"
        ) as office:
            setup.write_identity(office, work / f"o{n}.json")
            sync.enroll(land, work / f"o{n}.json", county=ags)
            ours = json.loads(text.replace('"05382', f'"{ags[:5]}'))
            ours["county"].update(ags=ags, name=f"Kreis {ags}")
            if not ags.endswith("000"):  # a city that is a county of its own: one place
                ours["county"]["places"] = {ags: "Stadt"}
                figures = ours["figures"]
                figures["consultations"]["by_municipality"] = {}
                figures["group_offers"].update(by_place=[], by_place_month=[])
                figures["staffing"]["municipality_codes"] = []
            ours["office"] = {
                "installation_id": office.installation.id,
                "name": office.installation.name,
            }
            info = office.installation
            path = work / f"r{n}.kiml"
            path.write_bytes(container.seal(
                installation_id=info.id, signing_key=info.signing_key, signer_name=info.name,
                seq=1, bundle_id=f"01a23c4c-aa44-72d7-86f7-{n:012d}",
                recipient_id=land.installation.id,
                recipient_key=Identity.read(work / "land.json").encryption_key,
                plaintext=canonical(ours), kind=container.REPORT))  # fmt: skip
            files.append(path)
    size = sum(p.stat().st_size for p in files) / len(files)

    start = time.perf_counter()
    summary = land_reports.merge_reports(land, files, today=TODAY)
    merge_s = time.perf_counter() - start
    refused = [r for r in summary.as_json()["reports"] if r["status"] == "rejected"]
    assert not refused, refused[:2]

    start = time.perf_counter()
    report = land_stats.land_statistics(land, period="2023")
    json.dumps(report, ensure_ascii=False)
    json_s = time.perf_counter() - start
    start = time.perf_counter()
    build_workbook(report, land_stats.labels(land, report)).save(work / "land.xlsx")
    xlsx_s = time.perf_counter() - start

    documents = [canonical(json.loads(text)) for _ in files]
    start = time.perf_counter()
    total = 0
    for raw in documents:
        figures = json.loads(raw)["figures"]
        total += sum(v for part in figures.values() if isinstance(part, dict)
                     for v in part.values() if type(v) is int)  # fmt: skip
    baseline = time.perf_counter() - start
    land.close()

    counties = len(files)
    print(f"{counties} county reports of {size / 1024:.0f} KiB each")
    print(f"merge: {merge_s:.2f} s; stats JSON: {json_s:.3f} s; workbook: {xlsx_s:.2f} s; "
          f"baseline (json.loads + sums): {baseline:.3f} s")  # fmt: skip
    note = f"{counties} reports of {size / 1024:.0f} KiB"
    base = "plain Python: json.loads of the 54 documents and their sums"
    results.record(f"Land: merge of {counties} county reports", merge_s, "s", goal="≤ 10 s",
                   baseline=baseline, baseline_name=base, note=note)  # fmt: skip
    results.record(f"Land: stats JSON over {counties} counties", json_s, "s", goal="≤ 1 s",
                   baseline=baseline, baseline_name=base)  # fmt: skip
    results.record(f"Land: workbook over {counties} counties", xlsx_s, "s", goal="≤ 3 s",
                   baseline=baseline, baseline_name=base)  # fmt: skip
    results.save("land")
    return 0


if __name__ == "__main__":
    sys.exit(main())
