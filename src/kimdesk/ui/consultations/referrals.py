"""The referrals of the consultation being entered: per target whether the client was
accompanied, the outcome, and the actual recipient (an office, an agency; local).

A table in the form: the arrow keys move in it, Space ticks "begleitet", F2 opens the
outcome's list; Tab goes on to the recipient fields (one per row), then out of the table.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
)

from kimdesk.domain.entities import Referral
from kimdesk.domain.enums import ReferralOutcome

from ..i18n import tr
from ..labels import OUTCOMES

TARGET, ACCOMPANIED, OUTCOME, RECIPIENT = range(4)
_CODE = Qt.ItemDataRole.UserRole


class _OutcomeDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        for code, label in OUTCOMES.items():
            combo.addItem(tr(label), str(code))
        return combo

    def setEditorData(self, editor, index):
        editor.setCurrentIndex(max(0, editor.findData(index.data(_CODE))))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentData(), _CODE)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)


class ReferralTable(QTableWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(0, 4, parent)
        self.ctx = ctx
        self.setObjectName("referralTable")
        self.setAccessibleName(tr("Verweise im Einzelnen"))
        self.setHorizontalHeaderLabels([tr("Verweis"), tr("begleitet"), tr("Ergebnis"),
                                        tr("Empfänger (nur auf diesem Gerät)")])  # fmt: skip
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setStretchLastSection(True)
        self.setTabKeyNavigation(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)  # fmt: skip
        self.setItemDelegateForColumn(OUTCOME, _OutcomeDelegate(self))
        self.setToolTip(tr("Pfeiltasten wählen, Leertaste hakt „begleitet“ an, F2 ändert das "
                           "Ergebnis; Tab führt zum Empfänger."))  # fmt: skip

    def keyPressEvent(self, event) -> None:
        item = self.currentItem()
        if event.key() == Qt.Key.Key_Space and item is not None and item.column() == ACCOMPANIED:
            ticked = item.checkState() == Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked)
            return
        super().keyPressEvent(event)

    def show_targets(self, targets: list[str], kept: dict[str, Referral]) -> None:
        """One row per ticked target, keeping what was entered for the ones still ticked."""
        self.setRowCount(len(targets))
        fixed = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        for row, code in enumerate(targets):
            before = kept.get(code, Referral(code))
            target = QTableWidgetItem(self.ctx.label("referral_target", code))
            target.setData(_CODE, code)
            target.setFlags(fixed)
            accompanied = QTableWidgetItem(tr("begleitet"))
            accompanied.setFlags(fixed | Qt.ItemFlag.ItemIsUserCheckable)
            accompanied.setCheckState(Qt.CheckState.Checked if before.accompanied
                                      else Qt.CheckState.Unchecked)  # fmt: skip
            outcome = QTableWidgetItem(tr(OUTCOMES.get(before.outcome, before.outcome)))
            outcome.setData(_CODE, str(before.outcome))
            outcome.setFlags(fixed | Qt.ItemFlag.ItemIsEditable)
            for column, item in enumerate((target, accompanied, outcome)):
                self.setItem(row, column, item)
            recipient = QLineEdit(before.recipient or "")
            recipient.setMaxLength(200)
            recipient.setAccessibleName(tr("Empfänger für {target}", target=target.text()))
            recipient.setPlaceholderText(tr("z. B. Jobcenter Siegburg"))
            self.setCellWidget(row, RECIPIENT, recipient)
        self.resizeColumnsToContents()
        rows = max(1, len(targets))
        self.setMaximumHeight(self.fontMetrics().height() * (rows + 2) + 12)

    def referrals(self) -> tuple[Referral, ...]:
        found = []
        for row in range(self.rowCount()):
            recipient = self.cellWidget(row, RECIPIENT).text().strip() or None
            found.append(Referral(
                self.item(row, TARGET).data(_CODE),
                accompanied=self.item(row, ACCOMPANIED).checkState() == Qt.CheckState.Checked,
                outcome=self.item(row, OUTCOME).data(_CODE) or ReferralOutcome.OPEN,
                recipient=recipient,
            ))  # fmt: skip
        return tuple(found)

    def by_target(self) -> dict[str, Referral]:
        return {r.target: r for r in self.referrals()}
