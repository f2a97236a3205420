"""The one CSV writer of KIMdesk: files for Excel, whatever their cells hold.

UTF-8 with BOM (Excel then reads umlauts right), semicolons (German Excel), CRLF. A text cell
that starts like a formula (``= + - @``, tab, CR) gets a leading apostrophe: Excel and
LibreOffice show it as text instead of running it, which matters for cells whose text came
from a stick (a file name, a device name). Numbers stay numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def neutralise(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def excel_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in header])
    for row in rows:
        writer.writerow(["" if v is None else neutralise(v) for v in row])
    return (BOM + out.getvalue()).encode("utf-8")


def header_of(header: Sequence[str]) -> bytes:
    """How a file of ``excel_csv`` with this header starts (to recognise an earlier one)."""
    return excel_csv(header, [])
