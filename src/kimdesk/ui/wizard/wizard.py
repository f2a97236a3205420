"""The first-run wizard. The store is created on the last page, on the store thread; the
page then shows this installation's fingerprint for the office to compare."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from kimdesk.services.setup import init_store, own_identity, write_identity
from kimdesk.services.workspace import Workspace

from ..i18n import tr
from ..operations import message_for
from ..screen import Context
from .pages import MunicipalitiesPage, OfficePage, RolePage, StorePage

STORE, ROLE, TOWNS, OFFICE, DONE = range(5)


class DonePage(QWizardPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(tr("Gerät einrichten"))
        self.status = QLabel()
        self.status.setObjectName("doneStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint = QLabel()
        self.fingerprint.setObjectName("fingerprint")
        font = self.fingerprint.font()
        font.setFamily("monospace")
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.fingerprint.setFont(font)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_identity = QPushButton()
        self.save_identity.setAccessibleName(tr("Identitätsdatei speichern"))
        self.save_identity.setVisible(False)
        self.save_identity.clicked.connect(self._save_identity)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.fingerprint)
        layout.addWidget(self.save_identity, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def initializePage(self) -> None:
        wizard: SetupWizard = self.wizard()
        if wizard.workspace is not None:
            return
        self.status.setText(tr("Der verschlüsselte Speicher wird angelegt …"))
        self.fingerprint.clear()
        wizard.create()

    def isComplete(self) -> bool:
        return self.wizard().workspace is not None

    def created(self, ws: Workspace, fingerprint: str) -> None:
        office = ws.installation.role == "office"
        self.status.setText(
            tr("Der Speicher ist angelegt: {path}\n\nFingerabdruck dieses Geräts:",
               path=str(ws.path))
        )  # fmt: skip
        self.fingerprint.setText(fingerprint)
        self.save_identity.setText(
            tr("&Identitätsdatei für die Case-Manager:innen speichern …")
            if office
            else tr("&Identitätsdatei für die Kreisstelle speichern …")
        )
        self.save_identity.setVisible(True)
        self.completeChanged.emit()

    def failed(self, message: str) -> None:
        self.status.setText(
            tr("Der Speicher konnte nicht angelegt werden: {reason}\n"
               "Mit „Zurück“ lassen sich die Angaben ändern.", reason=message)
        )  # fmt: skip

    def _save_identity(self) -> None:
        wizard: SetupWizard = self.wizard()
        name, _filter = QFileDialog.getSaveFileName(
            self, tr("Identitätsdatei speichern"),
            str(wizard.store_path.with_name(wizard.store_path.stem + "-identitaet.json")),
            tr("Identitätsdateien (*.json)"),
        )  # fmt: skip
        if name:
            wizard.save_identity(Path(name))


class SetupWizard(QWizard):
    """After ``exec()``: ``store_path`` and the open ``workspace`` (``None`` if cancelled)."""

    def __init__(self, ctx: Context, path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.store_path = Path(path)
        self.workspace: Workspace | None = None
        self.setWindowTitle(tr("KIMdesk einrichten"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.store_page = StorePage(self.store_path)
        self.role_page = RolePage()
        self.towns_page = MunicipalitiesPage()
        self.office_page = OfficePage()
        self.done_page = DonePage()
        for page_id, page in ((STORE, self.store_page), (ROLE, self.role_page),
                              (TOWNS, self.towns_page), (OFFICE, self.office_page),
                              (DONE, self.done_page)):  # fmt: skip
            self.setPage(page_id, page)
        self.setButtonText(QWizard.WizardButton.NextButton, tr("&Weiter >"))
        self.setButtonText(QWizard.WizardButton.BackButton, tr("< &Zurück"))
        self.setButtonText(QWizard.WizardButton.FinishButton, tr("&Fertig"))
        self.setButtonText(QWizard.WizardButton.CancelButton, tr("Abbrechen"))
        self.resize(self.fontMetrics().averageCharWidth() * 90, self.fontMetrics().height() * 32)

    def nextId(self) -> int:
        current = self.currentId()
        if current == TOWNS:
            return OFFICE if self.role_page.role() == "casemanager" else DONE
        if current == DONE:
            return -1
        return current + 1

    def create(self) -> None:
        path = self.store_page.store_path()
        passphrase = self.store_page.passphrase.text()
        role = self.role_page.role()
        name = self.role_page.name.text().strip()
        profile = self.role_page.profile.currentData()
        office = Path(self.office_page.path.text().strip()) if role == "casemanager" else None

        def opener() -> Workspace:
            path.parent.mkdir(parents=True, exist_ok=True)
            return init_store(path, passphrase, role=role, name=name, profile=profile,
                              office_identity=office)  # fmt: skip

        self.button(QWizard.WizardButton.BackButton).setEnabled(False)
        self.ctx.ops.open(opener, self._created, self._failed)

    def _created(self, ws: Workspace) -> None:
        self.store_path = ws.path
        settings = self.ctx.settings
        towns = self.towns_page.codes()
        settings.municipalities = towns
        settings.usual_municipality = towns[0] if towns else None
        settings.last_store = str(ws.path)

        def shown(identity) -> None:
            self.workspace = ws
            self.done_page.created(ws, identity.fingerprint)

        self.ctx.ops.query(own_identity, shown)

    def _failed(self, error: Exception) -> None:
        self.button(QWizard.WizardButton.BackButton).setEnabled(True)
        self.done_page.failed(message_for(error))

    def save_identity(self, target: Path) -> None:
        def saved(_identity) -> None:
            self.done_page.status.setText(
                self.done_page.status.text()
                + "\n\n" + tr("Identitätsdatei gespeichert: {path}", path=str(target))
            )  # fmt: skip

        # Asked by the file dialog: only an earlier identity file is replaced.
        self.ctx.ops.query(
            lambda ws: write_identity(ws, target, force=True), saved, self._failed_save
        )

    def _failed_save(self, error: Exception) -> None:
        self.done_page.status.setText(self.done_page.status.text() + "\n\n" + message_for(error))

    def reject(self) -> None:
        if self.workspace is not None:  # created already: finishing is the only way on
            self.accept()
            return
        super().reject()
