"""A mutation sample: does the test suite notice when a module's logic is changed?

    .venv/bin/python tools/mutants.py src/kimdesk/sync/merge.py --count 30 --seed 13 \\
        tests/integration/test_sync.py tests/integration/test_merge_rules.py

Each mutant changes one place of the module (a comparison turned around, ``and`` for ``or``, a
constant off by one, a condition negated, a statement dropped, a returned value replaced by
None). Sources, tests and ``pyproject.toml`` are copied into a scratch tree first, the module
is mutated there, and the given tests run in the copy (``PYTHONPATH``): the working tree is
never touched, and editing it meanwhile does not disturb the run. The unmutated copy must pass
the tests first. A mutant is *killed* if the tests fail. Survivors are printed with their
change: read each and decide whether it changes behaviour at all (an equivalent mutant) or a
test is missing.
"""

from __future__ import annotations

import argparse
import ast
import copy
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_COMPARE_SWAP = {
    ast.Eq: ast.NotEq, ast.NotEq: ast.Eq, ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE,
    ast.GtE: ast.Gt, ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is,
}  # fmt: skip
_BINOP_SWAP = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.FloorDiv, ast.FloorDiv: ast.Mult}


def _skipped(node: ast.AST) -> bool:
    """Docstrings and logging: changing them changes nothing a test could see."""
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)


def mutation_points(tree: ast.Module) -> list[tuple[int, str]]:
    """(index of the node in ``ast.walk`` order, kind of mutation) for every candidate."""
    points = []
    for index, node in enumerate(ast.walk(tree)):
        if isinstance(node, ast.Compare) and type(node.ops[0]) in _COMPARE_SWAP:
            points.append((index, "compare"))
        elif isinstance(node, ast.BoolOp):
            points.append((index, "boolop"))
        elif isinstance(node, ast.BinOp) and type(node.op) in _BINOP_SWAP:
            points.append((index, "binop"))
        elif isinstance(node, ast.Constant) and type(node.value) is int:
            points.append((index, "number"))
        elif isinstance(node, ast.Constant) and type(node.value) is bool:
            points.append((index, "bool"))
        elif isinstance(node, ast.If | ast.While):
            points.append((index, "negate"))
        elif isinstance(node, ast.Return) and node.value is not None:
            points.append((index, "return"))
        elif isinstance(node, ast.Assign | ast.AugAssign | ast.Expr | ast.Raise | ast.Continue
                        | ast.Break) and not _skipped(node):  # fmt: skip
            points.append((index, "drop"))
    return points


def mutate(tree: ast.Module, index: int, kind: str) -> ast.Module:
    tree = copy.deepcopy(tree)
    node = list(ast.walk(tree))[index]
    if kind == "compare":
        node.ops[0] = _COMPARE_SWAP[type(node.ops[0])]()
    elif kind == "boolop":
        node.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
    elif kind == "binop":
        node.op = _BINOP_SWAP[type(node.op)]()
    elif kind == "number":
        node.value = node.value + 1
    elif kind == "bool":
        node.value = not node.value
    elif kind == "negate":
        node.test = ast.UnaryOp(ast.Not(), node.test)
    elif kind == "return":
        node.value = ast.Constant(None)
    elif kind == "drop":
        for parent in ast.walk(tree):
            for field in ("body", "orelse", "finalbody", "handlers"):
                block = getattr(parent, field, None)
                if isinstance(block, list) and node in block:
                    block[block.index(node)] = ast.Pass()
    return ast.fix_missing_locations(tree)


def _line(tree: ast.Module, index: int) -> int:
    return getattr(list(ast.walk(tree))[index], "lineno", 0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("module", type=Path)
    parser.add_argument("--count", type=int, default=30)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--timeout", type=int, default=600)
    parser.add_argument("tests", nargs="+")
    args = parser.parse_args()

    module = args.module.resolve()
    source = module.read_text()
    tree = ast.parse(source)
    points = mutation_points(tree)
    sample = random.Random(args.seed).sample(points, min(args.count, len(points)))
    scratch = Path(tempfile.mkdtemp(prefix="kimdesk-mutants-"))
    for part in ("src", "tests"):
        shutil.copytree(ROOT / part, scratch / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copyfile(ROOT / "pyproject.toml", scratch / "pyproject.toml")
    target = scratch / "src" / module.relative_to(ROOT / "src")
    env = {**os.environ, "PYTHONPATH": f"{scratch / 'src'}{os.pathsep}{scratch}",
           "QT_QPA_PLATFORM": "offscreen"}  # fmt: skip
    command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *args.tests]
    killed, survivors = 0, []
    print(f"{module.relative_to(ROOT)}: {len(points)} mutation points, {len(sample)} sampled")
    try:
        baseline = subprocess.run(command, cwd=scratch, env=env, capture_output=True)
        if baseline.returncode != 0:
            print("the tests fail without any mutation; fix them first")
            print(baseline.stdout.decode()[-2000:])
            return 1
        for n, (index, kind) in enumerate(sample, start=1):
            mutant = mutate(tree, index, kind)
            text = ast.unparse(mutant)
            if text == ast.unparse(tree):
                continue
            target.write_text(text)
            started = time.monotonic()
            try:
                run = subprocess.run(command, cwd=scratch, env=env, capture_output=True,
                                     timeout=args.timeout)  # fmt: skip
                dead = run.returncode != 0
            except subprocess.TimeoutExpired:
                dead = True
            line = _line(tree, index)
            verdict = "killed" if dead else "SURVIVED"
            print(f"  {n:2d}. line {line:4d} {kind:8s} {verdict} ({time.monotonic() - started:.0f} s)",
                  flush=True)  # fmt: skip
            if dead:
                killed += 1
            else:
                before = source.splitlines()[line - 1].strip() if line else ""
                after = "pass" if kind == "drop" else _changed_line(mutant, index)
                survivors.append((line, kind, before, after))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    total = killed + len(survivors)
    print(f"killed {killed} of {total} ({100 * killed / max(total, 1):.0f} %)")
    for line, kind, before, after in survivors:
        print(f"  survived: line {line} ({kind}): {before}")
        print(f"                 became: {after}")
    return 0


def _changed_line(mutant: ast.Module, index: int) -> str:
    return ast.unparse(list(ast.walk(mutant))[index]).splitlines()[0]


if __name__ == "__main__":
    raise SystemExit(main())
