"""docs/sync.md's record tables say exactly what the office's reader and checks accept."""

from __future__ import annotations

import importlib.util
from pathlib import Path

TOOL = Path(__file__).resolve().parents[2] / "tools" / "spec_tables.py"


def test_the_record_tables_of_the_specification_are_those_of_the_code():
    spec = importlib.util.spec_from_file_location("spec_tables", TOOL)
    tables = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tables)
    assert tables.current() == tables.tables(), "run: .venv/bin/python tools/spec_tables.py --write"
