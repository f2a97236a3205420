"""Text that came from somewhere else: names from identity files and bundle headers, codes
from bundles, file names from a stick.

Such text reaches terminals, tables and spreadsheets. Control characters (ESC sequences,
newlines) and bidi overrides (U+202E turns "exe.txt" into "txt.exe") must never reach them.
"""

from __future__ import annotations

import unicodedata

#: Installation names: the bundle header holds at most this many bytes of UTF-8.
MAX_NAME_BYTES = 200
#: Categories refused in a name and replaced when one is printed: controls, format characters
#: (bidi overrides, zero-width joiners), line and paragraph separators, surrogates, private use
#: and unassigned code points.
_HIDDEN = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})


def _hidden(char: str) -> bool:
    return unicodedata.category(char) in _HIDDEN


def printable(text: str, limit: int = 60) -> str:
    """``text`` safe to print: anything but visible characters and the plain space (so also
    no-break and other odd spaces) as "?", at most ``limit`` characters."""
    cleaned = "".join(c if c.isprintable() else "?" for c in text)
    if len(cleaned) > limit:
        cleaned = cleaned[: limit - 1] + "…"
    return cleaned or "?"


def name_problem(name: str, *, max_bytes: int | None = MAX_NAME_BYTES) -> str | None:
    """Why ``name`` cannot name an installation (German), or None. ``max_bytes=None`` for a
    name an older installation already carries (it was never cut to bytes)."""
    if not name.strip():
        return "Der Name der Installation fehlt."
    if name != name.strip():
        return "Der Name der Installation beginnt oder endet mit Leerzeichen."
    if any(_hidden(c) for c in name):
        return (
            "Der Name der Installation enthält ein Steuer- oder Formatzeichen "
            "(z. B. einen Zeilenumbruch oder eine Schreibrichtungs-Umkehr)."
        )
    size = len(name.encode("utf-8"))
    if max_bytes is not None and size > max_bytes:
        return (
            f"Der Name der Installation ist zu lang: {size} Bytes, erlaubt sind "
            f"{MAX_NAME_BYTES} (Umlaute zählen doppelt)."
        )
    return None


def cut_utf8(text: str, limit: int) -> bytes:
    """``text`` as UTF-8, cut to at most ``limit`` bytes at a character boundary."""
    data = text.encode("utf-8", "replace")
    if len(data) <= limit:
        return data
    return data[:limit].decode("utf-8", "ignore").encode("utf-8")


def number_ranges(numbers) -> str:
    """Ascending numbers as runs: 1, 2, 3, 5 → "1–3, 5" (empty for none)."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)
