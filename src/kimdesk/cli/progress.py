"""A progress bar on stderr, drawn only when stderr is a terminal."""

from __future__ import annotations

import sys
import time


class ProgressBar:
    def __init__(self, label: str, unit: str = "Zeilen", stream=None):
        self.label = label
        self.unit = unit
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self._last = 0.0

    def __call__(self, done: int, total: int | None) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < 0.1 and (total is None or done < total):
            return
        self._last = now
        if total:
            share = min(done / total, 1.0)
            bar = "█" * int(share * 30)
            text = f"\r{self.label} [{bar:<30}] {share:4.0%} {done:,}/{total:,} {self.unit}"
        else:
            text = f"\r{self.label} {done:,} {self.unit}"
        self.stream.write(text.replace(",", "."))
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()
