"""Writes the table of the latest benchmark figures into bench/README.md.

    python bench/report.py      (``make bench`` runs it after the benchmarks)

Reads bench/out/*.json (written by each benchmark through bench/results.py) and puts a table —
figure, value, goal, the baseline measured in the same run, ratio — with the machine it ran
on between the markers in bench/README.md.
"""

from __future__ import annotations

import json
import os
import platform
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
README = HERE / "README.md"
START, END = "<!-- figures: written by bench/report.py -->", "<!-- /figures -->"
ORDER = ("legacy_import", "merge", "stats", "gui")


def _first(pattern: str, text: str, default: str = "?") -> str:
    match = re.search(pattern, text, re.M)
    return match.group(1).strip() if match else default


def machine() -> list[str]:
    cpu = _first(r"^model name\s*:\s*(.+)$", Path("/proc/cpuinfo").read_text()) \
        if Path("/proc/cpuinfo").exists() else platform.processor()  # fmt: skip
    mem_kib = _first(r"^MemTotal:\s*(\d+)", Path("/proc/meminfo").read_text(), "0") \
        if Path("/proc/meminfo").exists() else "0"  # fmt: skip
    versions = []
    try:
        import sqlcipher3

        con = sqlcipher3.connect(":memory:")
        versions.append(f"SQLCipher {con.execute('PRAGMA cipher_version').fetchone()[0]}")
    except Exception:  # noqa: BLE001 - the table says what it can
        pass
    for module in ("sqlalchemy", "PySide6"):
        try:
            versions.append(f"{module} {__import__(module).__version__}")
        except Exception:  # noqa: BLE001
            pass
    try:
        pg = sorted(Path("/usr/lib/postgresql").glob("*/bin/postgres"))[-1]
        versions.append(subprocess.run([str(pg), "--version"], capture_output=True, text=True,
                                       timeout=10).stdout.strip().replace("postgres ", ""))  # fmt: skip
    except Exception:  # noqa: BLE001
        pass
    return [
        f"- machine: {cpu}, {os.cpu_count()} cores, {int(mem_kib) / 1024 / 1024:.0f} GiB RAM",
        f"- system: {platform.platform()}; Python {platform.python_version()}",
        f"- software: {', '.join(versions)}",
    ]


def _value(v: float, unit: str) -> str:
    return f"{v:.3f} {unit}" if unit == "s" and v < 1 else f"{v:,.1f} {unit}".replace(",", " ")


def table() -> list[str]:
    runs = {}
    for path in sorted((HERE / "out").glob("*.json")):
        data = json.loads(path.read_text())
        runs[data["bench"]] = data
    lines = ["| figure | measured | goal | baseline (same run) | ratio | run |",
             "|---|---|---|---|---|---|"]  # fmt: skip
    for name in sorted(runs, key=lambda n: ORDER.index(n) if n in ORDER else 99):
        data = runs[name]
        for f in data["figures"]:
            base = f["baseline"]
            ratio = f"{f['value'] / base:.2f}×" if base else "–"
            baseline = f"{_value(base, f['unit'])} ({f['baseline_name']})" if base else "–"
            figure = f["figure"] + (f" — {f['note']}" if f.get("note") else "")
            lines.append(f"| {figure} | {_value(f['value'], f['unit'])} | {f['goal'] or '–'} | "
                         f"{baseline} | {ratio} | `{name}` {data['when']} |")  # fmt: skip
    return lines


def main() -> int:
    block = [START, f"Latest run, written {time.strftime('%Y-%m-%d %H:%M')}:", "",
             *machine(), "", *table(), END]  # fmt: skip
    text = README.read_text() if README.exists() else "# Benchmarks\n\n" + START + "\n" + END
    if START not in text:
        text += "\n" + START + "\n" + END + "\n"
    head, rest = text.split(START, 1)
    tail = rest.split(END, 1)[1]
    README.write_text(head + "\n".join(block) + tail)
    print("\n".join(block))
    return 0


if __name__ == "__main__":
    sys.exit(main())
