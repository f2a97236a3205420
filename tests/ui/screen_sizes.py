"""How much room each screen of the app needs, measured on real windows (offscreen).

Run as a script (``python -m tests.ui.screen_sizes STORE PASSPHRASE LANGUAGE QM_DIR``) it
prints the measurements as JSON, so that a test can measure under ``QT_SCALE_FACTOR=1.5``,
which must be set before Qt starts.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

#: 1280 × 720 (or 1366 × 768) with a taskbar leaves 680 px; the window manager's title bar
#: and borders take about 40 of them.
USABLE = (1280, 680 - 40)


def measure(store: Path, passphrase: str, settings) -> dict[str, tuple[int, int]]:
    """The window size each screen needs to be shown whole, without the page scrolling
    (every page scrolls as a last resort), after its growing parts are filled (a
    consultation with every referral ticked shows the "begleitet" list)."""
    from kimdesk.ui.app import start
    from kimdesk.ui.consultations.screen import ConsultationsScreen

    window = start(store, settings, serial=True)
    window.resize(*USABLE)
    window.show()
    page = window.unlock_page
    page.passphrase.setText(passphrase)
    page.submit()
    sizes = {"unlock": window.minimumSizeHint().toTuple()} if window.is_locked else {}
    for screen in window.screens:
        window.show_screen(screen)
        if isinstance(screen, ConsultationsScreen):
            referrals = screen.entry.referrals
            referrals.set_checked([e.key for e in referrals.entries])
            screen.entry._referrals_changed()
        QApplication.processEvents()
        page = window.tabs.currentWidget()  # the scroll area around the screen
        chrome_w = window.width() - page.viewport().width()
        chrome_h = window.height() - page.viewport().height()
        need = screen.minimumSizeHint()
        sizes[type(screen).__name__] = (need.width() + chrome_w, need.height() + chrome_h)
    window.lock()
    QApplication.processEvents()
    sizes["locked"] = window.minimumSizeHint().toTuple()
    window.close()
    return sizes


if __name__ == "__main__":
    from kimdesk.ui import i18n
    from kimdesk.ui.settings import Settings

    store, passphrase, language, qm_dir = sys.argv[1:5]
    app = QApplication([])
    i18n.TRANSLATIONS = Path(qm_dir)
    settings = Settings(Path(store).with_suffix(".ini"))
    settings.language = language
    print(json.dumps(measure(Path(store), passphrase, settings)))
