"""The layers of docs/architecture.md, checked on the real package: import-linter's contracts,
no import circle, no module past 600 lines."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_import_contracts_are_kept():
    exe = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    proc = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 broken" in proc.stdout


def test_no_module_imports_itself_back():
    """No import circle, also through imports inside functions (``store.engine`` and
    ``store.server`` imported each other until ``store.opening`` took what needs both)."""
    import grimp

    graph = grimp.build_graph("kimdesk")
    circles = [
        (module, imported)
        for module in sorted(graph.modules)
        for imported in sorted(graph.find_modules_directly_imported_by(module))
        if graph.find_shortest_chain(importer=imported, imported=module)
    ]
    assert circles == []


def test_no_module_is_longer_than_600_lines():
    lengths = {
        str(path.relative_to(ROOT)): len(path.read_text("utf-8").splitlines())
        for path in (ROOT / "src" / "kimdesk").rglob("*.py")
    }
    assert {name: n for name, n in lengths.items() if n > 600} == {}
