"""Atomic file writes: a pulled USB stick or a full disk never leaves half a file."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from kimdesk.domain.errors import KimdeskError


def write_temp(path: Path, data: bytes) -> Path:
    """Write ``data`` durably to a hidden file beside ``path``; ``publish`` gives it the name."""
    if not path.parent.is_dir():
        raise KimdeskError(f"Der Ordner {path.parent} existiert nicht.")
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise KimdeskError(
                f"Für {path.name} ist auf {path.parent} nicht genug Platz; es wurde nichts "
                "geschrieben und nichts geändert."
            ) from None
        raise KimdeskError(
            f"Die Datei {path} konnte nicht geschrieben werden ({exc.strerror})."
        ) from None
    return tmp


def publish(tmp: Path, path: Path) -> None:
    """Rename the finished temporary file to its final name, durably."""
    try:
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise KimdeskError(
            f"Die Datei {path} konnte nicht geschrieben werden ({exc.strerror})."
        ) from None
    if os.name == "posix":
        fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_atomic(path: Path, data: bytes) -> None:
    publish(write_temp(path, data), path)
