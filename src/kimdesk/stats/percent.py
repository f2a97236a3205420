"""Percentages as the evaluation prints them: one decimal, rounded half up."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def pct(n: int, total: int) -> float:
    """``n`` of ``total`` in percent; 0.0 for an empty table (no division by zero)."""
    if not total:
        return 0.0
    value = Decimal(n) * 100 / Decimal(total)
    return float(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def shares(counts: dict[str, int], total: int | None = None) -> dict[str, dict]:
    total = sum(counts.values()) if total is None else total
    return {code: {"n": n, "pct": pct(n, total)} for code, n in counts.items()}


def top(counts: dict[str, int], k: int = 5) -> list[str]:
    """The ``k`` largest by count, ties by code."""
    ranked = sorted(((-n, code) for code, n in counts.items() if n > 0))
    return [code for _, code in ranked[:k]]
