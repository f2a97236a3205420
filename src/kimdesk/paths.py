"""Where KIMdesk keeps its files: the user's folders (platformdirs), or — for a portable
installation on a USB stick — a folder ``daten`` beside the program.

A portable installation is a frozen build with a file named ``portable`` next to the
executable (the Windows portable ZIP ships it).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir, user_state_dir

PORTABLE_MARKER = "portable"
APP = "kimdesk"


def portable_root() -> Path | None:
    if not getattr(sys, "frozen", False):
        return None
    base = Path(sys.executable).resolve().parent
    return base / "daten" if (base / PORTABLE_MARKER).exists() else None


def data_dir() -> Path:
    root = portable_root()
    return root if root else Path(user_data_dir(APP, appauthor=False))


def config_dir() -> Path:
    root = portable_root()
    return root if root else Path(user_config_dir(APP, appauthor=False))


def state_dir() -> Path:
    """Unlock-failure counters; ``KIMDESK_STATE_DIR`` overrides (tests, automation)."""
    if os.environ.get("KIMDESK_STATE_DIR"):
        return Path(os.environ["KIMDESK_STATE_DIR"])
    root = portable_root()
    return root / "zustand" if root else Path(user_state_dir(APP, appauthor=False))
