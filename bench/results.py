"""The figures of a benchmark run, for the table in bench/README.md.

Each benchmark calls ``record(...)`` for every figure it prints; at the end ``save(name)``
writes ``bench/out/NAME.json``. ``bench/report.py`` turns all of them into the table.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
_figures: list[dict] = []


def record(figure: str, value: float, unit: str, *, goal: str = "", baseline: float | None = None,
           baseline_name: str = "", note: str = "") -> None:  # fmt: skip
    """One figure: its value, its goal (as text, e.g. "≤ 3× baseline"), and the baseline
    measured in the same run (same unit)."""
    _figures.append({"figure": figure, "value": value, "unit": unit, "goal": goal,
                     "baseline": baseline, "baseline_name": baseline_name, "note": note})  # fmt: skip


def save(name: str) -> Path:
    OUT.mkdir(exist_ok=True)
    path = OUT / f"{name}.json"
    path.write_text(json.dumps({"bench": name, "when": time.strftime("%Y-%m-%d %H:%M"),
                                "figures": _figures}, ensure_ascii=False, indent=1))  # fmt: skip
    return path
