"""Preferences of this computer: idle lock, language, the usual town hall, the last store.

Kept in an INI file beside the user's data (not in the store: they are needed before it
is unlocked). Tests pass their own file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from kimdesk.paths import config_dir

DEFAULT_IDLE_MINUTES = 5


def default_settings_file() -> Path:
    return config_dir() / "kimdesk.ini"


class Settings:
    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path else default_settings_file()
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    def _get(self, key: str, default):
        value = self._qs.value(key, default)
        return default if value is None else value

    def _set(self, key: str, value) -> None:
        if value is None:
            self._qs.remove(key)
        else:
            self._qs.setValue(key, value)
        self._qs.sync()

    @property
    def idle_minutes(self) -> int:
        """Minutes without input before the window locks; 0 turns the idle lock off."""
        try:
            return max(0, int(self._get("lock/idle_minutes", DEFAULT_IDLE_MINUTES)))
        except (TypeError, ValueError):
            return DEFAULT_IDLE_MINUTES

    @idle_minutes.setter
    def idle_minutes(self, value: int) -> None:
        self._set("lock/idle_minutes", int(value))

    @property
    def language(self) -> str | None:
        value = self._get("ui/language", "")
        return value or None

    @language.setter
    def language(self, value: str | None) -> None:
        self._set("ui/language", value)

    @property
    def usual_municipality(self) -> str | None:
        return self._get("entry/municipality", "") or None

    @usual_municipality.setter
    def usual_municipality(self, value: str | None) -> None:
        self._set("entry/municipality", value)

    @property
    def municipalities(self) -> list[str]:
        """The municipalities this installation serves (chosen in the first-run wizard)."""
        value = self._get("entry/municipalities", "")
        if isinstance(value, str):  # QSettings gives a list for "a,b", a string for "a"
            value = value.split(",")
        return [str(code) for code in value if code]

    @municipalities.setter
    def municipalities(self, codes: list[str]) -> None:
        self._set("entry/municipalities", ",".join(codes))

    @property
    def last_store(self) -> str | None:
        return self._get("store/last", "") or None

    @last_store.setter
    def last_store(self, value: str | None) -> None:
        self._set("store/last", value)
        if value:
            self.recent_stores = [value, *[s for s in self.recent_stores if s != value]]

    @property
    def recent_stores(self) -> list[str]:
        """Stores opened on this computer, the last used first (at most eight)."""
        value = self._get("store/recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in value if v][:8]

    @recent_stores.setter
    def recent_stores(self, stores: list[str]) -> None:
        self._set("store/recent", list(stores)[:8])

    @property
    def stick_folder(self) -> str | None:
        """Where the last bundle was written (the USB stick's folder)."""
        return self._get("transfer/folder", "") or None

    @stick_folder.setter
    def stick_folder(self, value: str | None) -> None:
        self._set("transfer/folder", value)
