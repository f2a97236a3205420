"""Files KIMdesk reads from a stick and writes for people.

Reading: a file is opened first and then checked with ``fstat`` (a link to ``/dev/zero`` or a
FIFO is refused before a byte is read), and never more than its cap plus one byte is read.

Writing: into a temporary file that ``mkstemp`` creates in the target folder (``O_EXCL``: a
link planted under any name is never followed; mode 0600), synced, then given its name. An
existing file is never replaced, unless the caller says ``force`` and the file is recognisably
the same kind of output KIMdesk wrote before; a store, its ``-wal``/``-shm`` files and a store
in use are never an output. On every failure the temporary file is removed.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from kimdesk.domain.errors import KimdeskError
from kimdesk.domain.text import printable

_BINARY = getattr(os, "O_BINARY", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
#: Companion files of an SQLite/SQLCipher store; never an output of their own.
STORE_COMPANIONS = ("-wal", "-shm", "-journal")
_CHUNK = 1 << 20


def shown(path: str | os.PathLike) -> str:
    """A path for a message: undecodable bytes and control characters replaced."""
    text = os.fsencode(os.fspath(path)).decode("utf-8", "replace")
    return printable(text, 200)


class InputRefused(KimdeskError):
    """A file that is not read: ``kind`` is missing, not_a_file, too_large or unreadable."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


def read_limited(path: str | os.PathLike, cap: int, *, what: str = "Die Datei") -> bytes:
    """The whole file, if it is a regular file of at most ``cap`` bytes."""
    name = shown(path)
    try:
        fd = os.open(path, os.O_RDONLY | _BINARY | _NONBLOCK | _CLOEXEC)
    except FileNotFoundError:
        raise InputRefused("missing", f"{what} {name} gibt es nicht.") from None
    except IsADirectoryError:
        raise InputRefused("not_a_file", f"{what} {name} ist ein Ordner.") from None
    except OSError as exc:
        raise InputRefused(
            "unreadable", f"{what} {name} ist nicht lesbar ({exc.strerror})."
        ) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputRefused("not_a_file", f"{what} {name} ist ein Ordner.")
        if not stat.S_ISREG(info.st_mode):
            raise InputRefused(
                "not_a_file", f"{what} {name} ist keine gewöhnliche Datei (Gerät, Pipe o. Ä.)."
            )
        if info.st_size > cap:
            raise InputRefused("too_large", f"{what} {name} ist zu groß ({info.st_size} Bytes).")
        parts, size = [], 0
        while size <= cap:  # a file that grows while it is read stops at cap + 1
            chunk = os.read(fd, min(_CHUNK, cap + 1 - size))
            if not chunk:
                break
            parts.append(chunk)
            size += len(chunk)
        if size > cap:
            raise InputRefused("too_large", f"{what} {name} ist zu groß (über {cap} Bytes).")
        return b"".join(parts)
    except OSError as exc:
        raise InputRefused(
            "unreadable", f"{what} {name} ist nicht lesbar ({exc.strerror})."
        ) from None
    finally:
        os.close(fd)


# -- writing -------------------------------------------------------------------------------


def write_error(path: str | os.PathLike, exc: OSError) -> KimdeskError:
    """What a user should read when writing ``path`` failed."""
    where = shown(Path(path).parent)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return KimdeskError(
            f"Auf {where} ist nicht genug Platz für {shown(Path(path).name)}; es wurde nichts "
            "geschrieben und nichts geändert."
        )
    if exc.errno == errno.EROFS:
        return KimdeskError(
            f"{where} ist schreibgeschützt (z. B. ein gesperrter USB-Stick); es wurde nichts "
            "geschrieben."
        )
    if exc.errno in (errno.EACCES, errno.EPERM):
        return KimdeskError(f"In {where} darf KIMdesk nicht schreiben (fehlende Rechte).")
    return KimdeskError(
        f"Die Datei {shown(path)} konnte nicht geschrieben werden ({exc.strerror})."
    )


def _mkstemp(path: Path, mode: int) -> tuple[int, Path]:
    if not path.parent.is_dir():
        raise KimdeskError(f"Der Ordner {shown(path.parent)} existiert nicht.")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name[:40]}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise write_error(path, exc) from None
    if mode != 0o600 and hasattr(os, "fchmod"):
        os.fchmod(fd, mode)
    return fd, Path(name)


def temp_beside(path: Path) -> Path:
    """A new, empty temporary file in ``path``'s folder (``mkstemp``: ``O_EXCL``, 0600), for
    writers that need a name (SQLCipher's export)."""
    fd, tmp = _mkstemp(path, 0o600)
    os.close(fd)
    return tmp


def write_temp(path: Path, data: bytes, mode: int = 0o600) -> Path:
    """``data`` durably in a new temporary file beside ``path``; ``publish`` names it."""
    fd, tmp = _mkstemp(path, mode)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise write_error(path, exc) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def publish(tmp: Path, path: Path, *, replace: bool = False) -> None:
    """Give the finished temporary file its name: a new name, or (``replace``) over the
    earlier output that ``check_output`` recognised. The temporary file is gone afterwards."""
    try:
        if replace:
            os.replace(tmp, path)
        else:
            _link_new(tmp, path)
    except FileExistsError:
        tmp.unlink(missing_ok=True)
        raise KimdeskError(
            f"Die Datei {shown(path)} ist eben entstanden; es wurde nichts ersetzt."
        ) from None
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise write_error(path, exc) from None
    fsync_dir(path.parent)


def _link_new(tmp: Path, path: Path) -> None:
    """Rename that never replaces: a hard link fails if the name exists. Sticks formatted with
    FAT know no links; there the name is checked just before the rename."""
    try:
        os.link(tmp, path, follow_symlinks=False)
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK,
                             errno.ENOSYS, errno.EXDEV, errno.EACCES):  # fmt: skip
            raise
        if os.path.lexists(path):
            raise FileExistsError(errno.EEXIST, "exists", str(path)) from None
        os.replace(tmp, path)
        return
    tmp.unlink()


def write_recorded(path: Path, data: bytes, transaction, record) -> None:
    """``data`` as the new file ``path`` and ``record(conn)`` in one transaction
    (``transaction()``: a context manager that yields a connection and commits on exit). The
    file is named just before the commit (if naming fails, nothing is recorded) and removed
    again if the commit fails: a file and its record exist together or not at all."""
    tmp = write_temp(path, data)
    published = False
    try:
        with transaction() as conn:
            record(conn)
            publish(tmp, path)
            published = True
    except BaseException:
        tmp.unlink(missing_ok=True)
        if published:  # the commit failed after the rename: the file does not exist
            path.unlink(missing_ok=True)
        raise


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# -- what may be replaced ------------------------------------------------------------------

Recognise = Callable[[Path], bool]


def check_output(path: Path, *, force: bool = False, recognise: Recognise | None = None) -> bool:
    """May ``path`` be written? True: it exists and is to be replaced; False: it is new.

    Refused, with a sentence that says why: a store's companion file, a store in use, a link,
    a folder, and any existing file without ``force`` or that ``recognise`` does not know as
    this command's own earlier output.
    """
    name = shown(path)
    if path.name.lower().endswith(STORE_COMPANIONS):  # FAT sticks ignore case
        raise KimdeskError(f"{name} gehört zu einem Speicher; dorthin schreibt KIMdesk nichts.")
    if any(os.path.lexists(f"{path}{suffix}") for suffix in ("-wal", "-shm")):
        raise KimdeskError(
            f"{name} ist ein Speicher in Benutzung; dorthin schreibt KIMdesk nichts."
        )
    if not os.path.lexists(path):
        return False
    if path.is_symlink():
        raise KimdeskError(
            f"{name} ist eine Verknüpfung; KIMdesk schreibt nicht durch Verknüpfungen."
        )
    if not path.is_file():
        raise KimdeskError(f"{name} ist keine gewöhnliche Datei; dorthin schreibt KIMdesk nichts.")
    if not force:
        raise KimdeskError(
            f"Die Datei {name} gibt es schon; sie wird nicht überschrieben. Eine frühere Ausgabe "
            "desselben Befehls ersetzt --force."
        )
    if recognise is None or not _recognised(recognise, path):
        raise KimdeskError(
            f"Die Datei {name} ist keine frühere Ausgabe dieser Art von KIMdesk (sondern z. B. "
            "ein Speicher oder eine fremde Datei); KIMdesk überschreibt sie nicht."
        )
    return True


def _recognised(recognise: Recognise, path: Path) -> bool:
    try:
        return bool(recognise(path))
    except Exception:  # noqa: BLE001 - whatever a file does to a recogniser: not ours
        return False


def write_output(
    path: Path, data: bytes, *, force: bool = False, recognise: Recognise | None = None,
    mode: int = 0o600,
) -> Path:  # fmt: skip
    """One output file, atomically, under the rules of ``check_output``."""
    return write_outputs([(path, data)], force=force, recognise=recognise, mode=mode)[0]


def write_outputs(
    items: Sequence[tuple[Path, bytes]], *, force: bool = False,
    recognise: Recognise | None = None, mode: int = 0o600,
) -> list[Path]:  # fmt: skip
    """Several output files, all or none: every target is checked and every temporary file
    written before the first takes its name; if a later one fails, the new ones go again."""
    replace = [check_output(path, force=force, recognise=recognise) for path, _ in items]
    temps: list[Path] = []
    published: list[Path] = []
    try:
        for path, data in items:
            temps.append(write_temp(path, data, mode))
        for (path, _), tmp, existing in zip(items, temps, replace, strict=True):
            publish(tmp, path, replace=existing)
            if not existing:
                published.append(path)
    except BaseException:
        for tmp in temps:
            tmp.unlink(missing_ok=True)
        for path in published:
            path.unlink(missing_ok=True)
        raise
    return [path for path, _ in items]


def shared_mode() -> int:
    """Mode for outputs meant to be passed on (workbooks, charts): what the umask allows."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


# -- recognising earlier outputs -------------------------------------------------------------


def head(path: Path, size: int = 64 * 1024) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(size)


def starts_with(prefix: bytes) -> Recognise:
    return lambda path: head(path, len(prefix)) == prefix


def marked(magic: bytes, mark: bytes, size: int = 64 * 1024 * 1024) -> Recognise:
    """A file that starts with ``magic`` and carries ``mark`` (its metadata entry, exactly as
    KIMdesk writes it)."""

    def recognise(path: Path) -> bool:
        data = head(path, size)
        return data.startswith(magic) and mark in data

    return recognise
