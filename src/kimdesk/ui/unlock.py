"""The locked face of the window: passphrase field, nothing else of the store is visible."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kimdesk.services.workspace import (
    Workspace,
    WrongPassphrase,
    delay_for,
    display_url,
    failed_attempts,
    is_server_url,
    open_for_desktop,
    store_target,
)

from .colors import error_color
from .i18n import tr
from .operations import Operations, message_for


class UnlockPage(QWidget):
    """Emits ``unlocked(ws)`` once the store is open on the store thread."""

    unlocked = Signal(object)
    store_chosen = Signal(object)  # Path | str: another store to unlock

    def __init__(self, ops: Operations, store: Path | str, parent: QWidget | None = None, *,
                 recent: list[str] = ()):  # fmt: skip
        super().__init__(parent)
        self.ops = ops
        self.store = store
        # Several stores used on this computer: choose one, the last used first.
        self.chooser = QComboBox()
        self.chooser.setObjectName("storeChooser")
        for entry in recent:
            self.chooser.addItem(Path(entry).name if not is_server_url(entry) else entry, entry)
            self.chooser.setItemData(self.chooser.count() - 1, entry, Qt.ItemDataRole.ToolTipRole)
        self.chooser.setVisible(len(recent) > 1)
        self.chooser.activated.connect(
            lambda i: self.choose(store_target(self.chooser.itemData(i)))
        )
        self.other = QPushButton(tr("Anderen Speicher ö&ffnen …"))
        self.other.clicked.connect(self.choose_file)
        box = QFrame(self)
        box.setObjectName("unlockBox")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        # A fixed width lets the wrapped labels take the height they need.
        box.setFixedWidth(self.fontMetrics().averageCharWidth() * 60)
        title = QLabel(tr("KIMdesk ist gesperrt"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        hint = QLabel(tr("Die Daten sind verschlüsselt."))
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setObjectName("passphrase")
        self.passphrase.returnPressed.connect(self.submit)
        self.button = QPushButton(tr("&Entsperren"))
        self.button.setDefault(True)
        self.button.clicked.connect(self.submit)
        self.message = QLabel()
        self.message.setObjectName("unlockMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {error_color()};")
        # Room for three lines from the start: a box centred by alignment keeps its first
        # height, and a longer message would be cut at top and bottom.
        self.message.setMinimumHeight(self.fontMetrics().lineSpacing() * 3 + 4)
        form = QFormLayout()
        if len(recent) > 1:
            which = QLabel(tr("&Speicher:"))
            which.setBuddy(self.chooser)
            form.addRow(which, self.chooser)
        label = QLabel(tr("&Passphrase:"))
        label.setBuddy(self.passphrase)
        form.addRow(label, self.passphrase)
        inner = QVBoxLayout(box)
        inner.setSpacing(10)
        inner.setContentsMargins(20, 16, 20, 16)
        inner.addWidget(title)
        inner.addWidget(hint)
        inner.addWidget(self.where)
        inner.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.other)
        buttons.addStretch(1)
        buttons.addWidget(self.button)
        inner.addLayout(buttons)
        inner.addWidget(self.message)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, alignment=Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self.set_store(store)

    def set_store(self, store: Path | str) -> None:
        self.store = store
        shown = str(store) if isinstance(store, Path) else display_url(store)
        self.where.setText(tr("Speicher: {path}", path=shown))
        key = str(store) if isinstance(store, Path) else shown
        index = self.chooser.findData(key)
        if index < 0:  # not used here before: it heads the list, which never shows another
            self.chooser.insertItem(0, Path(key).name if isinstance(store, Path) else key, key)
            self.chooser.setItemData(0, key, Qt.ItemDataRole.ToolTipRole)
            index = 0
        self.chooser.setCurrentIndex(index)
        self.chooser.setVisible(self.chooser.count() > 1)

    def choose(self, store: Path | str) -> None:
        """Unlock another store next (the passphrase field is emptied)."""
        if store == self.store:
            return
        self.set_store(store)
        self.message.clear()
        self.passphrase.clear()
        self.passphrase.setFocus()
        self.store_chosen.emit(store)

    def choose_file(self) -> None:
        start = str(self.store.parent) if isinstance(self.store, Path) else str(Path.home())
        name, _filter = QFileDialog.getOpenFileName(
            self, tr("Speicher öffnen"), start, tr("KIMdesk-Speicher (*.kdb)"))  # fmt: skip
        if name:
            self.choose(Path(name))

    def reset(self) -> None:
        self.passphrase.clear()
        self.passphrase.setEnabled(True)
        self.button.setEnabled(True)
        self.chooser.setEnabled(True)
        self.other.setEnabled(True)
        self.passphrase.setFocus()

    def submit(self) -> None:
        passphrase = self.passphrase.text()
        if not passphrase or not self.button.isEnabled():
            return
        self.passphrase.setEnabled(False)
        self.button.setEnabled(False)
        # No other store may be chosen while this one opens (its name would stand over it).
        self.chooser.setEnabled(False)
        self.other.setEnabled(False)
        wait = delay_for(failed_attempts(self.store))
        self.message.setText(
            tr("Bitte %n Sekunden warten …", "", round(wait))
            if wait
            else tr("Der Speicher wird geöffnet …")
        )
        store = self.store
        self.ops.open(lambda: open_for_desktop(store, passphrase), self._opened, self._failed)

    def _opened(self, ws: Workspace) -> None:
        self.passphrase.clear()
        self.message.clear()
        self.passphrase.setEnabled(True)
        self.button.setEnabled(True)
        self.chooser.setEnabled(True)
        self.other.setEnabled(True)
        self.unlocked.emit(ws)

    def _failed(self, error: Exception) -> None:
        if isinstance(error, WrongPassphrase):
            text = tr("Die Passphrase ist falsch.")
            wait = delay_for(failed_attempts(self.store))
            if wait:
                text += " " + tr("Der nächste Versuch wartet %n Sekunden.", "", round(wait))
        else:
            text = message_for(error)
        self.message.setText(text)
        self.reset()
