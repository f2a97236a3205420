"""Where the passphrase comes from: ``KIMDESK_PASSPHRASE``, else a prompt in a terminal; and
the one yes/no question the command line asks (comparing a fingerprint)."""

from __future__ import annotations

import getpass
import os
import sys

from kimdesk.domain.errors import KimdeskError
from kimdesk.store.engine import check_passphrase

ENV = "KIMDESK_PASSPHRASE"
ENV_NEW = "KIMDESK_NEW_PASSPHRASE"


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def ask(*, create: bool = False, env: str = ENV, label: str = "Passphrase") -> str:
    value = os.environ.get(env)
    if value:
        if create:
            check_passphrase(value)
        return value
    if not _interactive():
        raise KimdeskError(
            f"Keine Passphrase: bitte {env} setzen oder den Befehl in einem Terminal aufrufen."
        )
    try:
        first = getpass.getpass(f"{label}: ")
        if not create:
            return first
        check_passphrase(first)
        second = getpass.getpass(f"{label} wiederholen: ")
    except EOFError:
        raise KimdeskError("Die Eingabe der Passphrase wurde abgebrochen.") from None
    if first != second:
        raise KimdeskError("Die beiden Eingaben der Passphrase stimmen nicht überein.")
    return first


def confirm(question: str, *, yes: bool, refusal: str) -> None:
    """Ask ``question`` (j/N) unless ``yes``; without a terminal ``refusal`` says what to do."""
    if yes:
        return
    if not _interactive():
        raise KimdeskError(refusal)
    try:
        answer = input(f"{question} [j/N] ").strip().casefold()
    except EOFError:
        answer = ""
    if answer not in ("j", "ja", "y", "yes"):
        raise KimdeskError("Abgebrochen; es wurde nichts angelegt.")
