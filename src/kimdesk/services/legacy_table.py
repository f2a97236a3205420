"""Reading a legacy consultation list (CSV or XLSX) into header and rows of text.

CSV: UTF-8 with or without BOM, else Windows-1252; delimiter ``;`` or ``,`` (taken from
the header line). XLSX: the first sheet. Row numbers are those Excel shows (header = 1).
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from kimdesk.domain.errors import KimdeskError

ZIP_MAGIC = b"PK\x03\x04"
#: The first entry of an OpenDocument file names its type.
_OPENDOCUMENT = b"application/vnd.oasis.opendocument"
MAX_FILE_BYTES = 512 * 1024 * 1024


class LegacyFileError(KimdeskError):
    pass


@dataclass
class Table:
    header: list[str]
    rows: Iterator[tuple[int, list[object]]]  # (Excel row number, cell values)
    total: int | None  # number of data rows if known up front
    delimiter: str = ";"


def read_table(path: Path, data: bytes) -> Table:
    if not data.strip(b"\xef\xbb\xbf \t\r\n"):
        raise LegacyFileError(f"Die Datei {path.name} ist leer.")
    if len(data) > MAX_FILE_BYTES:
        raise LegacyFileError(f"Die Datei {path.name} ist größer als 512 MB.")
    is_zip = data.startswith(ZIP_MAGIC)
    suffix = path.suffix.lower()
    if suffix in (".ods", ".fods") or (is_zip and _OPENDOCUMENT in data[:200]):
        raise LegacyFileError(
            f"Die Datei {path.name} ist eine LibreOffice-Tabelle (.ods); bitte in LibreOffice "
            "mit „Datei → Speichern unter …“ als Excel-Arbeitsmappe (.xlsx) oder als Text-CSV "
            "speichern und diese Datei übernehmen."
        )
    if suffix in (".xlsx", ".xlsm") and not is_zip:
        raise LegacyFileError(
            f"Die Datei {path.name} endet auf {suffix}, ist aber keine Excel-Arbeitsmappe "
            "(vielleicht eine umbenannte CSV-Datei); bitte als .csv speichern oder umbenennen."
        )
    if is_zip:
        return _read_xlsx(path, data)
    if suffix == ".xls":
        raise LegacyFileError(
            f"Die Datei {path.name} ist im alten Excel-Format (.xls); bitte als .xlsx oder .csv speichern."
        )
    return _read_csv(path, data)


def _decode(path: Path, data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise LegacyFileError(
            f"Die Zeichenkodierung der Datei {path.name} ist weder UTF-8 noch Windows-1252."
        ) from None


def _read_csv(path: Path, data: bytes) -> Table:
    text = _decode(path, data)
    if "\x00" in text:
        raise LegacyFileError(f"Die Datei {path.name} ist keine Textdatei (CSV).")
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        raise LegacyFileError(f"Die Datei {path.name} hat keine Kopfzeile.") from None

    def rows() -> Iterator[tuple[int, list[object]]]:
        number = 1
        try:
            for record in reader:
                number += 1
                yield number, record
        except csv.Error:
            raise LegacyFileError(
                f"Die Datei {path.name} ist ab Zeile {number + 1} kein lesbares CSV."
            ) from None

    lines = text.count("\n") + (0 if text.endswith("\n") else 1)
    total = max(lines - 1, 0)  # without the header; a rough count if cells hold line breaks
    return Table(header=[h.strip() for h in header], rows=rows(), total=total, delimiter=delimiter)


def _read_xlsx(path: Path, data: bytes) -> Table:
    import openpyxl  # imported here: start-up time of the command line matters

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise LegacyFileError(
            f"Die Datei {path.name} ist keine lesbare Excel-Arbeitsmappe."
        ) from None
    sheet = book.worksheets[0]
    cells = sheet.iter_rows(values_only=True)
    try:
        header_cells = next(cells)
    except StopIteration:
        raise LegacyFileError(f"Die Datei {path.name} ist leer.") from None
    header = ["" if v is None else str(v).strip() for v in header_cells]

    def rows() -> Iterator[tuple[int, list[object]]]:
        for number, values in enumerate(cells, start=2):
            yield number, [_cell(v) for v in values]
        book.close()

    total = (sheet.max_row - 1) if sheet.max_row else None
    return Table(header=header, rows=rows(), total=total)


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
