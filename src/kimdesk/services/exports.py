"""Statistics as files: the Excel workbook, chart images for slides, the deck PDF.

Every file is built in memory first and written atomically; the charts of a folder are written
all or none. An existing file is replaced only with ``force`` and only if it is recognisably an
earlier export of KIMdesk (a workbook, PNG or PDF that KIMdesk marked as its own).
"""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

from matplotlib.figure import Figure

from kimdesk.domain.catalog import Catalog
from kimdesk.domain.errors import KimdeskError
from kimdesk.fileio import marked, shared_mode, shown, write_output, write_outputs
from kimdesk.stats import land_sheets
from kimdesk.stats.charts import chart_builders, quiet_glyphs
from kimdesk.stats.deck import build_deck
from kimdesk.stats.workbook import build_workbook

DECK_NAME = "vergleich.pdf"
MARK = "KIMdesk"
#: The metadata entries KIMdesk writes: a PNG text chunk, a PDF info entry.
is_png = marked(b"\x89PNG\r\n\x1a\n", b"tEXtSoftware\x00" + MARK.encode())
is_pdf = marked(b"%PDF-", b"/Creator (" + MARK.encode() + b")")


def is_workbook(path: Path) -> bool:
    """An xlsx whose document properties name KIMdesk as its creator."""
    with zipfile.ZipFile(path) as book:
        core = book.read("docProps/core.xml")
    return f"<dc:creator>{MARK}</dc:creator>".encode() in core


_RECOGNISERS = {".png": is_png, ".pdf": is_pdf, ".xlsx": is_workbook}


def _recognise(path: Path) -> bool:
    check = _RECOGNISERS.get(path.suffix)
    return check is not None and check(path)


def write_workbook(report: dict, catalog: Catalog, path: str | Path, *, force=False) -> Path:
    buf = BytesIO()
    build_workbook(report, catalog).save(buf)
    return write_output(Path(path), buf.getvalue(), force=force, recognise=is_workbook,
                        mode=shared_mode())  # fmt: skip


def write_deck(report: dict, catalog: Catalog, path: str | Path, *, force=False) -> Path:
    return write_output(Path(path), build_deck(report, catalog), force=force, recognise=is_pdf,
                        mode=shared_mode())  # fmt: skip


def figure_bytes(fig: Figure, fmt: str) -> bytes:
    buf = BytesIO()
    key = "Creator" if fmt == "pdf" else "Software"
    with quiet_glyphs():
        fig.savefig(buf, format=fmt, metadata={key: MARK})
    return buf.getvalue()


def chart_files(folder: Path, *, land: bool = False) -> list[Path]:
    """The files ``write_charts`` writes into ``folder`` (for the Land's figures: ``land``)."""
    keys = [spec.key for spec in chart_builders()] + ([land_sheets.CHART_KEY] if land else [])
    names = [f"{key}.{fmt}" for key in keys for fmt in ("png", "pdf")]
    return [folder / name for name in (*names, DECK_NAME)]


def write_charts(report: dict, catalog: Catalog, folder: str | Path, *, force=False) -> list[Path]:
    """Each chart as PNG and PDF (``S1-beratungen-pro-jahr.png`` ...) and the deck PDF, all
    or none: every figure is drawn before the first file is written."""
    folder = Path(folder)
    if not folder.is_dir():
        if folder.exists() or folder.is_symlink() or not folder.parent.is_dir():
            raise KimdeskError(f"Der Ordner {shown(folder)} kann nicht angelegt werden.")
        folder.mkdir()
    files = []
    builders = [(spec.key, spec.build) for spec in chart_builders()]
    if land_sheets.is_land(report):
        builders.insert(0, (land_sheets.CHART_KEY, land_sheets.figure_counties))
    for key, build in builders:
        fig = build(report, catalog)
        files += [(folder / f"{key}.{fmt}", figure_bytes(fig, fmt)) for fmt in ("png", "pdf")]
    files.append((folder / DECK_NAME, build_deck(report, catalog)))
    return write_outputs(files, force=force, recognise=_recognise, mode=shared_mode())
