"""The wizard's input pages. Each validates itself and says in German what is missing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from kimdesk.domain.catalog import available_profiles, load_profile
from kimdesk.domain.errors import KimdeskError
from kimdesk.domain.passphrase import MIN_LENGTH, strength
from kimdesk.sync.identity import Identity

from ..i18n import tr
from ..widgets.common import add_rows, error_label

STRENGTH = {
    "weak": QT_TR_NOOP("schwach – bitte länger oder mit mehr verschiedenen Zeichen"),
    "medium": QT_TR_NOOP("mittel"),
    "strong": QT_TR_NOOP("stark"),
}


def _row(form: QFormLayout, text: str, widget: QWidget) -> None:
    add_rows(form, ((text, widget),))


def _path_field(line: QLineEdit, browse) -> QWidget:
    """A path with its "Durchsuchen …" button; the focus goes to the path."""
    button = QPushButton(tr("&Durchsuchen …"))
    button.clicked.connect(browse)
    where = QWidget()
    row = QHBoxLayout(where)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(line, 1)
    row.addWidget(button)
    where.setFocusProxy(line)
    return where


class StorePage(QWizardPage):
    def __init__(self, default: Path, parent=None):
        super().__init__(parent)
        self.setTitle(tr("Speicher anlegen"))
        self.setSubTitle(tr("Alle Daten liegen verschlüsselt in einer Datei auf diesem Gerät. "
                            "Ohne die Passphrase kann niemand sie lesen – auch der Support nicht."))  # fmt: skip
        self.path = QLineEdit(str(default))
        where = _path_field(self.path, self.browse)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.strength = QLabel()
        self.strength.setObjectName("passphraseStrength")
        self.strength.setWordWrap(True)  # the longest verdict takes two lines, not the page's edge
        self.strength.setMinimumHeight(self.fontMetrics().lineSpacing() * 2 + 4)
        self.passphrase.textChanged.connect(self._rate)
        self.error = error_label("pageError")
        form = QFormLayout(self)
        _row(form, tr("Speicher&datei:"), where)
        _row(form, tr("&Passphrase:"), self.passphrase)
        _row(form, tr("Passphrase &wiederholen:"), self.repeat)
        form.addRow(tr("Stärke:"), self.strength)
        hint = QLabel(tr("Mindestens {n} Zeichen. Ein Satz aus mehreren Wörtern ist leicht zu "
                         "merken und schwer zu erraten.", n=MIN_LENGTH))  # fmt: skip
        hint.setWordWrap(True)
        form.addRow(hint)
        form.addRow(self.error)
        self._rate("")

    def browse(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, tr("Speicherdatei wählen"), self.path.text(), tr("KIMdesk-Speicher (*.kdb)")
        )
        if name:
            self.path.setText(name if name.endswith(".kdb") else name + ".kdb")

    def _rate(self, text: str) -> None:
        self.strength.setText(tr(STRENGTH[strength(text)]) if text else "–")

    def validatePage(self) -> bool:
        path = Path(self.path.text().strip()).expanduser()
        passphrase = self.passphrase.text()
        if not self.path.text().strip():
            message = tr("Bitte eine Speicherdatei angeben.")
        elif path.exists():
            message = tr("Die Datei {path} gibt es schon; ein Speicher wird nie überschrieben.",
                         path=str(path))  # fmt: skip
        elif len(passphrase) < MIN_LENGTH:
            message = tr("Die Passphrase muss mindestens {n} Zeichen lang sein.", n=MIN_LENGTH)
        elif passphrase != self.repeat.text():
            message = tr("Die beiden Passphrasen sind verschieden.")
        else:
            self.error.clear()
            return True
        self.error.setText(message)
        return False

    def store_path(self) -> Path:
        return Path(self.path.text().strip()).expanduser()


class RolePage(QWizardPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(tr("Wer arbeitet mit diesem Gerät?"))
        self.casemanager = QRadioButton(
            tr("&Case Management im Rathaus (Beratungen dokumentieren)")
        )
        self.office = QRadioButton(tr("K&reisstelle / KIM-Koordination (Bundles zusammenführen)"))
        self.casemanager.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.casemanager)
        group.addButton(self.office)
        self.name = QLineEdit()
        self.name.setPlaceholderText(tr("z. B. CM-07 Troisdorf"))
        self.profile = QComboBox()
        for profile in available_profiles():
            self.profile.addItem(load_profile(profile).name, profile)
        self.error = error_label("pageError")
        layout = QVBoxLayout(self)
        layout.addWidget(self.casemanager)
        layout.addWidget(self.office)
        form = QFormLayout()
        _row(form, tr("&Name des Geräts:"), self.name)
        _row(form, tr("Pr&ofil (Kreis):"), self.profile)
        layout.addLayout(form)
        hint = QLabel(tr("Der Name erscheint bei der Kreisstelle in der Liste der Geräte. "
                         "Bitte keinen Personennamen verwenden."))  # fmt: skip
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.error)

    def role(self) -> str:
        return "office" if self.office.isChecked() else "casemanager"

    def validatePage(self) -> bool:
        name = self.name.text().strip()
        if not name or len(name) > 200:
            self.error.setText(
                tr("Bitte einen Namen für das Gerät angeben (höchstens 200 Zeichen).")
            )
            return False
        self.error.clear()
        return True


class MunicipalitiesPage(QWizardPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(tr("Betreute Kommunen"))
        self.setSubTitle(tr("Die erste angehakte Kommune ist das übliche Rathaus: neue Beratungen "
                            "beginnen mit ihr. Mit Leertaste an- und abhaken."))  # fmt: skip
        self.list = QListWidget()
        self.list.itemChanged.connect(self._ticked)
        self._order: list[str] = []  # the codes in the order they were ticked
        layout = QVBoxLayout(self)
        label = QLabel(tr("&Kommunen:"))
        label.setBuddy(self.list)
        layout.addWidget(label)
        layout.addWidget(self.list)
        self._profile = None

    def initializePage(self) -> None:
        profile = self.wizard().role_page.profile.currentData()
        if profile == self._profile:
            return
        self._profile = profile
        self.list.clear()
        self._order = []
        for entry in load_profile(profile).entries_of("municipality"):
            item = QListWidgetItem(entry.label_de)
            item.setData(Qt.ItemDataRole.UserRole, entry.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.setCurrentRow(0)

    def _ticked(self, item: QListWidgetItem) -> None:
        code = item.data(Qt.ItemDataRole.UserRole)
        if code in self._order:
            self._order.remove(code)
        if item.checkState() == Qt.CheckState.Checked:
            self._order.append(code)
        self.completeChanged.emit()

    def codes(self) -> list[str]:
        """The ticked municipalities, the first ticked first (the usual town hall)."""
        return list(self._order)


class OfficePage(QWizardPage):
    """The district office's identity file: without it a case manager cannot send bundles."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(tr("Identitätsdatei der Kreisstelle"))
        self.setSubTitle(tr("Die Kreisstelle gibt Ihnen ihre Identitätsdatei (…json) und nennt "
                            "Ihnen am Telefon ihren Fingerabdruck. Bitte vergleichen."))  # fmt: skip
        self.path = QLineEdit()
        self.path.textChanged.connect(self._read)
        where = _path_field(self.path, self.browse)
        self.shown = QLabel()
        self.shown.setObjectName("officeIdentity")
        self.shown.setWordWrap(True)
        self.shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = error_label("pageError")
        self.identity: Identity | None = None
        form = QFormLayout(self)
        _row(form, tr("&Datei:"), where)
        form.addRow(self.shown)
        form.addRow(self.error)

    def browse(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, tr("Identitätsdatei der Kreisstelle"), self.path.text(),
            tr("Identitätsdateien (*.json)"),
        )  # fmt: skip
        if name:
            self.path.setText(name)

    def _read(self, text: str) -> None:
        self.identity = None
        self.shown.clear()
        self.error.clear()
        if not text.strip():
            return
        try:
            identity = Identity.read(text.strip())
        except (KimdeskError, OSError):
            self.error.setText(tr("Die Datei ist keine lesbare Identitätsdatei."))
            return
        if identity.role != "office":
            self.error.setText(tr("Diese Identitätsdatei gehört nicht zu einer Kreisstelle."))
            return
        self.identity = identity
        self.shown.setText(tr("Kreisstelle: {name}\nFingerabdruck: {fingerprint}",
                              name=identity.name, fingerprint=identity.fingerprint))  # fmt: skip

    def validatePage(self) -> bool:
        if self.identity is None:
            if not self.error.text():
                self.error.setText(tr("Bitte die Identitätsdatei der Kreisstelle wählen."))
            return False
        return True
