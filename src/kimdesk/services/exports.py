"""Statistics as files: the Excel workbook, chart images for slides, the deck PDF.

Every file is built in memory and written atomically, so an interrupted export never leaves
half a workbook where the committee papers are collected.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from matplotlib.figure import Figure

from kimdesk.domain.catalog import Catalog
from kimdesk.domain.errors import KimdeskError
from kimdesk.stats.charts import chart_builders
from kimdesk.stats.deck import build_deck
from kimdesk.stats.workbook import build_workbook

from .files import write_atomic

DECK_NAME = "vergleich.pdf"


def write_workbook(report: dict, catalog: Catalog, path: str | Path) -> Path:
    path = Path(path)
    buf = BytesIO()
    build_workbook(report, catalog).save(buf)
    write_atomic(path, buf.getvalue())
    return path


def write_deck(report: dict, catalog: Catalog, path: str | Path) -> Path:
    path = Path(path)
    write_atomic(path, build_deck(report, catalog))
    return path


def figure_bytes(fig: Figure, fmt: str) -> bytes:
    buf = BytesIO()
    fig.savefig(buf, format=fmt, metadata={"Creator": "KIMdesk"} if fmt == "pdf" else None)
    return buf.getvalue()


def write_charts(report: dict, catalog: Catalog, folder: str | Path) -> list[Path]:
    """Each chart as PNG and PDF (``S1-beratungen-pro-jahr.png`` ...) and the deck PDF."""
    folder = Path(folder)
    if not folder.is_dir():
        if folder.exists() or not folder.parent.is_dir():
            raise KimdeskError(f"Der Ordner {folder} kann nicht angelegt werden.")
        folder.mkdir()
    written = []
    for spec in chart_builders():
        fig = spec.build(report, catalog)
        for fmt in ("png", "pdf"):
            path = folder / f"{spec.key}.{fmt}"
            write_atomic(path, figure_bytes(fig, fmt))
            written.append(path)
    written.append(write_deck(report, catalog, folder / DECK_NAME))
    return written
