"""Faults of the machine, not of KIMdesk, as German sentences: a full disk, a failing or
write-protected one, a store that another KIMdesk holds.

Everything KIMdesk writes is a transaction or an atomic file, so after these nothing has
changed; the message says so and what to do.
"""

from __future__ import annotations

import errno

from sqlalchemy.exc import OperationalError

FULL = ("Auf dem Datenträger ist kein Platz mehr; es wurde nichts geändert. Bitte Platz "
        "schaffen und den Vorgang wiederholen.")  # fmt: skip
READ_ONLY = ("Der Datenträger ist schreibgeschützt (z. B. ein gesperrter USB-Stick oder eine "
             "schreibgeschützte Freigabe); es wurde nichts geändert.")  # fmt: skip
BUSY = ("Der Speicher wird gerade von einem anderen KIMdesk benutzt (z. B. einem laufenden "
        "Zusammenführen); nach dem Warten wurde abgebrochen, es wurde nichts geändert. Bitte "
        "später wiederholen.")  # fmt: skip
IO = ("Der Datenträger meldet einen Schreib- oder Lesefehler; es wurde nichts geändert. "
      "Bitte den Datenträger prüfen und den Vorgang wiederholen.")  # fmt: skip


def explain(exc: BaseException) -> str | None:
    """A sentence for a known fault of disk or stick, else ``None``."""
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return FULL
        if exc.errno == errno.EIO:
            return IO
        if exc.errno == errno.EROFS:
            return READ_ONLY
    if isinstance(exc, OperationalError):
        text = str(getattr(exc, "orig", "") or "")
        if "disk is full" in text:
            return FULL
        if "disk I/O error" in text:
            return IO
        if "readonly" in text:
            return READ_ONLY
        if "database is locked" in text or "database table is locked" in text:
            return BUSY
    return None
