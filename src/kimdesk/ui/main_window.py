"""The main window: unlock page or workspace tabs, menus, status bar, lock.

It knows no screen's internals: screens get the context, the change set and the lock state.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from kimdesk import __version__
from kimdesk.services.changes import Change, Changes
from kimdesk.services.workspace import Workspace, display_url

from .about import save_identity, show_about
from .i18n import tr
from .idle import IdleWatcher
from .screen import Context, Screen
from .screens import screens_for
from .undo import UndoController
from .unlock import UnlockPage

_LOCKED, _OPEN = 0, 1
_warming: list[threading.Thread] = []


def warm_up_charts() -> None:
    """Import the chart modules on a thread of their own (the store thread stays free);
    only imports, no Qt object is made there."""
    if _warming or "kimdesk.stats.charts" in sys.modules:
        return

    def load() -> None:
        import matplotlib.backends.backend_qtagg  # noqa: F401

        import kimdesk.stats.charts  # noqa: F401

    thread = threading.Thread(target=load, name="kimdesk-warm-up", daemon=True)
    _warming.append(thread)
    thread.start()


class MainWindow(QMainWindow):
    def __init__(self, ctx: Context, store: Path | str):
        super().__init__()
        self.ctx = ctx
        self.store = store
        self.screens: list[Screen] = []
        self.setWindowTitle(tr("KIMdesk {version}", version=__version__))
        self.stack = QStackedWidget(self)
        self.unlock_page = UnlockPage(ctx.ops, store, recent=ctx.settings.recent_stores)
        self.unlock_page.store_chosen.connect(self._switch_store)
        self.unlock_page.unlocked.connect(self.on_unlocked)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("workspaceTabs")
        self.tabs.setDocumentMode(True)
        self.stack.addWidget(self.unlock_page)
        self.stack.addWidget(self.tabs)
        self.setCentralWidget(self.stack)
        self.undo = UndoController(ctx, self)
        ctx.undo = self.undo
        self._build_menus()
        self._build_status_bar()
        self.idle = IdleWatcher(ctx.settings.idle_minutes, self)
        self.idle.idle.connect(self.lock)
        self.idle.stop()
        ctx.ops.changed.connect(self.on_changes)
        ctx.ops.failed.connect(self.show_error)
        ctx.messages.error.connect(self.show_error)
        ctx.messages.info.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self._copied: str | None = None
        QApplication.clipboard().dataChanged.connect(self._remember_clipboard)
        self._set_locked_ui(True)
        self._fit_to_screen(1180, 760)
        # Charts need matplotlib (0.7 s of imports, which slow every other thread): load
        # it while the user types the passphrase, not while they type in the first screen,
        # so that Statistik/Monitoring opens at once.
        QTimer.singleShot(500, warm_up_charts)

    # -- building -------------------------------------------------------------------------

    def _fit_to_screen(self, width: int, height: int) -> None:
        """The preferred size, but never more than the screen offers (a town-hall laptop at
        1280 × 720 with a taskbar leaves 680 px)."""
        screen = QWidget.screen(self) or QApplication.primaryScreen()
        free = screen.availableGeometry() if screen is not None else None
        if free is not None:
            frame = 40  # title bar and borders the window manager adds
            width, height = min(width, free.width()), min(height, free.height() - frame)
        self.resize(width, height)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(tr("&Datei"))
        self.lock_action = QAction(tr("&Sperren"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        self.settings_action = QAction(tr("&Einstellungen …"), self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.open_settings)
        quit_action = QAction(tr("&Beenden"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        self.legacy_action = QAction(tr("Bisherige &Liste übernehmen …"), self)
        self.legacy_action.setShortcut(QKeySequence("Ctrl+I"))
        self.legacy_action.triggered.connect(self.import_legacy)
        self.audit_action = QAction(tr("Ein&gabekontrolle …"), self)
        self.audit_action.triggered.connect(self.show_audit)
        self.identity_action = QAction(tr("&Identitätsdatei speichern …"), self)
        self.identity_action.triggered.connect(lambda: save_identity(self, self.ctx))
        file_menu.addAction(self.undo.action)
        file_menu.addSeparator()
        for action in (self.legacy_action, self.audit_action, self.identity_action,
                       self.lock_action, self.settings_action):  # fmt: skip
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        self.view_menu = self.menuBar().addMenu(tr("&Ansicht"))
        help_menu = self.menuBar().addMenu(tr("&Hilfe"))
        keys = QAction(tr("&Tastaturbelegung"), self)
        keys.setShortcut(QKeySequence("F1"))
        keys.triggered.connect(lambda: self.show_help(0))
        steps = QAction(tr("&Erste Schritte"), self)
        steps.triggered.connect(lambda: self.show_help(1))
        help_menu.addAction(keys)
        help_menu.addAction(steps)
        help_menu.addSeparator()
        about = QAction(tr("Ü&ber KIMdesk"), self)
        about.triggered.connect(lambda: show_about(self, self.ctx, self.store))
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        self.status_store = QLabel()
        self.status_role = QLabel()
        self.status_bundle = QLabel()
        self.status_due = QLabel()  # a case manager's Wiedervorlage: overdue and today
        self.status_due.setObjectName("statusDue")
        for label in (self.status_due, self.status_store, self.status_role, self.status_bundle):
            self.statusBar().addPermanentWidget(label)
        self._show_store_name()

    def _show_store_name(self) -> None:
        name = self.store.name if isinstance(self.store, Path) else display_url(self.store)
        self.status_store.setText(tr("Speicher: {path}", path=name))
        self.status_store.setToolTip(str(self.store) if isinstance(self.store, Path) else name)

    def _switch_store(self, store: Path | str) -> None:
        """Another store was chosen on the unlock page: its screens are built for its role
        when it is unlocked."""
        self.store = store
        self._show_store_name()
        pages = [self.tabs.widget(i) for i in range(self.tabs.count())]
        self.tabs.clear()
        for page in pages:  # each page holds its screen
            page.deleteLater()
        self.screens.clear()
        self.view_menu.clear()

    def _build_screens(self) -> None:
        for index, screen_type in enumerate(screens_for(self.ctx.installation.role)):
            screen = screen_type(self.ctx)
            self.screens.append(screen)
            # Each page scrolls as a whole when the screen is smaller than it needs (200 %
            # text, a small laptop): the window never grows beyond the screen by itself.
            page = QScrollArea()
            page.setWidget(screen)
            page.setWidgetResizable(True)
            page.setFrameShape(QFrame.Shape.NoFrame)
            page.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.tabs.addTab(page, screen.title)
            action = QAction(screen.title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, s=screen: self.show_screen(s))
            self.view_menu.addAction(action)
            if hasattr(screen, "case_wanted"):  # Heute fällig: a case to open in Fälle
                screen.case_wanted.connect(self._open_case)

    def current_screen(self) -> Screen | None:
        index = self.tabs.currentIndex()
        return self.screens[index] if 0 <= index < len(self.screens) else None

    def show_screen(self, screen: Screen) -> None:
        self.tabs.setCurrentIndex(self.screens.index(screen))
        screen.setFocus()
        if hasattr(screen, "focus_first"):
            screen.focus_first()

    def screen(self, screen_type: type[Screen]) -> Screen:
        return next(s for s in self.screens if isinstance(s, screen_type))

    def _open_case(self, case_id: str) -> None:
        from .cases.screen import CasesScreen

        cases = self.screen(CasesScreen)
        self.show_screen(cases)
        cases.open_case(case_id)

    # -- lock state -----------------------------------------------------------------------

    def _set_locked_ui(self, locked: bool) -> None:
        self.stack.setCurrentIndex(_LOCKED if locked else _OPEN)
        self.lock_action.setEnabled(not locked)
        self.audit_action.setEnabled(not locked)
        self.identity_action.setEnabled(not locked)
        role = self.ctx.installation.role if self.ctx.installation else None
        self.legacy_action.setEnabled(not locked and role == "casemanager")
        self.view_menu.setEnabled(not locked)
        self.status_role.setVisible(not locked)
        self.status_bundle.setVisible(not locked)
        self.status_due.setVisible(not locked)
        if locked:
            self.unlock_page.reset()

    @property
    def is_locked(self) -> bool:
        return self.stack.currentIndex() == _LOCKED

    def _remember_clipboard(self) -> None:
        """Remember what was copied while KIMdesk was the active application."""
        if QApplication.activeWindow() is not None or self.isActiveWindow():
            self._copied = QApplication.clipboard().text()

    def _clear_our_clipboard(self) -> None:
        """What was copied from KIMdesk (a name, a note) does not outlive the lock; what
        another program put on the clipboard is left alone."""
        clipboard = QApplication.clipboard()
        text = clipboard.text()
        if clipboard.ownsClipboard() or (text and text == self._copied):
            clipboard.clear()
        self._copied = None

    def on_unlocked(self, ws: Workspace) -> None:
        self.ctx.catalog = ws.catalog
        self.ctx.installation = ws.installation
        # A server address is kept without its password: secrets never go into the INI file.
        self.ctx.settings.last_store = (
            str(self.store) if isinstance(self.store, Path) else display_url(self.store)
        )
        if not self.screens:
            self._build_screens()
        role = tr("Kreisstelle") if ws.installation.role == "office" else tr("Case Management")
        self.status_role.setText(f"{ws.installation.name} · {role}")
        for screen in self.screens:  # stale while still hidden: the visible one loads once, on show
            screen.unlocked()
        self._set_locked_ui(False)
        self.refresh_status()  # after the visible screen's queries: the status bar can wait
        self.idle.set_minutes(self.ctx.settings.idle_minutes)
        current = self.current_screen()
        if current is not None:
            self.show_screen(current)
        if ws.installation.role == "casemanager":
            self.refresh_due(opening=True)

    def lock(self) -> None:
        if self.is_locked:
            return
        self.idle.stop()
        self._clear_our_clipboard()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        self.undo.clear()  # its records hold personal data
        self.ctx.ops.close()
        self.ctx.catalog = None
        self.ctx.installation = None
        for screen in self.screens:
            screen.locked()
        self.status_bundle.clear()
        self._set_locked_ui(True)

    # -- changes and status ---------------------------------------------------------------

    def on_changes(self, changes: Changes) -> None:
        if changes.touches(Change.PROFILE):  # a new county profile: its catalog everywhere
            self.ctx.ops.query(lambda ws: ws.catalog, self._new_catalog)
        for screen in self.screens:
            screen.on_changes(changes)
        if changes.touches(Change.BUNDLE, Change.SETTINGS):
            self.refresh_status()
        if changes.touches(Change.CASE, Change.GOAL, Change.CONSULTATION, Change.CLIENT,
                           Change.PROFILE):  # fmt: skip
            self.refresh_due()

    def refresh_due(self, *, opening: bool = False) -> None:
        """The status bar keeps the count of what is due; on unlocking, the app opens on
        "Heute fällig" when anything is, and says so when personal data have outlived the
        county's retention period (the list's erasures)."""
        from kimdesk.services.due import due

        from .due import DueScreen, due_count

        if self.ctx.installation is None or self.ctx.installation.role != "casemanager":
            return

        def shown(found) -> None:
            if self.is_locked:
                return
            count = due_count(found)
            self.status_due.setText(tr("Fällig: {n}", n=count) if count else "")
            if not opening:
                return
            if found.items:
                self.show_screen(self.screen(DueScreen))
            erasures = sum(item.kind == "erasure" for item in found.items)
            if erasures:
                self.statusBar().showMessage(tr(
                    "Bei %n Klient:innen ist die Löschfrist abgelaufen: bitte in „Heute fällig“ "
                    "bestätigen (Entf).", "", erasures), 30_000)  # fmt: skip

        self.ctx.ops.query(lambda ws: due(ws), shown)

    def _new_catalog(self, catalog) -> None:
        self.ctx.catalog = catalog
        for screen in self.screens:
            screen.catalog_changed()

    def refresh_status(self) -> None:
        """The status bar names the latest bundle written (case manager) or imported (office)."""
        from kimdesk.services.office import import_history
        from kimdesk.services.sync import bundle_history

        if self.ctx.installation is None:
            return
        office = self.ctx.installation.role == "office"

        def shown(history):
            if self.is_locked:
                return
            if not history:
                self.status_bundle.setText(
                    tr("Noch kein Import") if office else tr("Noch kein Bundle")
                )
            elif office:
                day = f"{history[0].imported_at.astimezone():%d.%m.%Y %H:%M}"
                self.status_bundle.setText(tr("Letzter Import: {day}", day=day))
            else:
                last = history[-1]
                self.status_bundle.setText(tr("Letztes Bundle: Nr. {seq} vom {day}", seq=last["seq"],
                                              day=f"{last['created_at']:%d.%m.%Y}"))  # fmt: skip

        self.ctx.ops.query(import_history if office else bundle_history, shown)

    def show_error(self, text: str) -> None:
        QMessageBox.warning(self, tr("KIMdesk"), text)

    def help_dialog(self, page: int = 0):
        from .help import HelpDialog

        role = self.ctx.installation.role if self.ctx.installation else None
        return HelpDialog(role, self, page=page)

    def show_help(self, page: int = 0) -> None:
        self.help_dialog(page).exec()

    def show_audit(self) -> None:
        from .audit import AuditDialog

        AuditDialog(self.ctx, self).exec()

    def import_legacy(self) -> None:
        from .legacy import LegacyImportDialog

        LegacyImportDialog(self.ctx, self).exec()

    def open_settings(self) -> None:
        from .settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.idle.set_minutes(self.ctx.settings.idle_minutes)
            if self.is_locked:
                self.idle.stop()
            self.on_changes(Changes.of(Change.SETTINGS))

    def closeEvent(self, event) -> None:
        for screen in self.screens:
            if hasattr(screen, "confirm_close") and not screen.confirm_close():
                event.ignore()
                return
        self.idle.stop()
        self.ctx.ops.shutdown()  # waits for a running operation: nothing is cut off
        event.accept()
