"""The filter bar above the consultation list: text, period, municipality, kind, topic,
programme. Every change queries at once (the model drops outdated results)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from kimdesk.services.consultations import ConsultationFilter

from ..i18n import tr
from ..screen import Context
from ..widgets.fields import CodeCombo, DateField


class FilterBar(QWidget):
    changed = Signal(object)  # ConsultationFilter

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.catalog_set = None
        self.text = QLineEdit()
        self.text.setObjectName("consultationSearch")
        self.text.setAccessibleName(tr("Beratungen suchen"))
        self.text.setClearButtonEnabled(True)
        self.text.setPlaceholderText(
            tr("Suche in Namen, Aktenzeichen, Fallzeichen, Notizen (Strg+F)")
        )
        self.date_from = DateField(optional=True)
        self.date_to = DateField(optional=True)
        self.municipality = CodeCombo([], optional=True)
        self.kind = CodeCombo([], optional=True)
        self.topic = CodeCombo([], optional=True)
        self.program = CodeCombo([], optional=True)
        self.reset_button = QPushButton(tr("Filter zurücksetzen"))
        self.reset_button.clicked.connect(self.reset)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.text, 0, 0, 1, 5)
        grid.addWidget(self.reset_button, 0, 5, Qt.AlignmentFlag.AlignRight)
        cells = (
            (tr("von"), self.date_from),
            (tr("bis"), self.date_to),
            (tr("Kommune"), self.municipality),
            (tr("Art"), self.kind),
            (tr("Thema"), self.topic),
            (tr("Programm"), self.program),
        )
        for combo in (self.municipality, self.kind, self.topic, self.program):
            # "Einmalige Beratung", "Lebensunterhalt" readable, not "Einm…tung".
            combo.setMinimumContentsLength(12)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
        # Two rows of three, each label beside its field: the list keeps its width on a
        # 1280-pixel screen and every choice stays readable.
        for index, (text, widget) in enumerate(cells):
            label = QLabel(text)
            label.setBuddy(widget)
            row, column = 1 + index // 3, 2 * (index % 3)
            grid.addWidget(label, row, column)
            grid.addWidget(widget, row, column + 1)
            widget.setAccessibleName(tr("Filter {what}", what=text))
        for column in (1, 3, 5):
            grid.setColumnStretch(column, 1)
        self.text.textChanged.connect(self._emit)
        for widget in (self.date_from, self.date_to):
            widget.dateChanged.connect(self._emit)
        for combo in (self.municipality, self.kind, self.topic, self.program):
            combo.currentIndexChanged.connect(self._emit)
        self._quiet = False

    def set_catalog(self) -> None:
        self._quiet = True
        for combo, name in (
            (self.municipality, "municipality"),
            (self.kind, "kind"),
            (self.topic, "topic"),
            (self.program, "program"),
        ):
            combo.set_pairs(self.ctx.pairs(name), optional=True)
        self._quiet = False
        self.catalog_set = self.ctx.catalog

    def current(self) -> ConsultationFilter:
        return ConsultationFilter(
            text=self.text.text(),
            date_from=self.date_from.committed(),
            date_to=self.date_to.committed(),
            municipality=self.municipality.code(),
            kind=self.kind.code(),
            topic=self.topic.code(),
            program=self.program.code(),
        )

    def _emit(self, *_args) -> None:
        if not self._quiet and self.ctx.catalog is not None:
            self.changed.emit(self.current())

    def reset(self) -> None:
        self._quiet = True
        self.text.clear()
        self.date_from.set_value(None)
        self.date_to.set_value(None)
        for combo in (self.municipality, self.kind, self.topic, self.program):
            combo.set_code(None)
        self._quiet = False
        self._emit()

    def focus_search(self) -> None:
        self.text.setFocus()
        self.text.selectAll()
