"""Taking over the Excel list from the desktop app: a good list, a bad one, the menu."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kimdesk.services.consultations import ConsultationFilter, consultation_ids
from kimdesk.ui.consultations.screen import ConsultationsScreen
from kimdesk.ui.legacy import LegacyImportDialog

from .conftest import in_store

GOOD = (
    "Datum;Kommune;Art;Programm;Fall;Themen;Verweise\n"
    "02.03.2023;Troisdorf;einmalig;KIM;;Wohnen|Deutsch;Jobcenter\n"
    "03.03.2023;Siegburg;CM;KIM;F-1;Arbeit;\n"
    "10.03.2023;Siegburg;CM;KIM;F-1;Arbeit, Wohnen;\n"
)


def dialog_for(qtbot, window) -> LegacyImportDialog:
    dialog = LegacyImportDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_good_list_is_taken_over_and_the_list_shows_it(qtbot, cm_window, tmp_path):
    path = tmp_path / "Beratungen 2023.csv"
    path.write_text(GOOD, encoding="utf-8")
    assert cm_window.legacy_action.isEnabled()
    dialog = dialog_for(qtbot, cm_window)
    dialog.path.setFocus()
    qtbot.keyClicks(dialog.path, str(path))
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert "3 Beratungen übernommen. 1 Fall angelegt." in dialog.report.toPlainText()
    assert len(in_store(cm_window, lambda ws: consultation_ids(ws, ConsultationFilter()))) == 3
    screen = cm_window.screen(ConsultationsScreen)
    cm_window.show_screen(screen)
    assert screen.model.rowCount() == 3


def test_a_bad_list_names_its_rows_and_imports_nothing(qtbot, cm_window, tmp_path):
    path = tmp_path / "kaputt.csv"
    path.write_text(GOOD + "31.02.2023;Troisdorf;einmalig;KIM;;Wohnen;\n", encoding="utf-8")
    dialog = dialog_for(qtbot, cm_window)
    dialog.path.setText(str(path))
    dialog.start()
    text = dialog.report.toPlainText()
    assert "nicht importiert" in text and "Zeile 5, Spalte Datum" in text
    assert in_store(cm_window, lambda ws: consultation_ids(ws, ConsultationFilter())) == []
    assert dialog.start_button.isEnabled()


def test_the_office_cannot_take_over_a_list(office_window):
    assert not office_window.legacy_action.isEnabled()


def test_a_list_taken_over_before_names_its_rows_and_takes_them_when_asked(qtbot, cm_window,
                                                                           tmp_path):  # fmt: skip
    first = tmp_path / "liste.csv"
    first.write_text(GOOD, encoding="utf-8")
    dialog = dialog_for(qtbot, cm_window)
    dialog.path.setText(str(first))
    dialog.start()
    twin = tmp_path / "liste-kopie.csv"
    twin.write_text(GOOD.replace("\n", "\r\n"), encoding="utf-8")  # another file, the same rows
    dialog.path.setText(str(twin))
    dialog.start()
    text = dialog.report.toPlainText()
    assert "schon im Speicher" in text and "Zeile 2" in text and "Zeile 4" in text
    assert "trotzdem übernehmen" in text
    assert len(in_store(cm_window, lambda ws: consultation_ids(ws, ConsultationFilter()))) == 3
    dialog.activateWindow()  # offscreen, nothing activates the dialog by itself
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.path.setFocus()
    qtbot.keyClick(dialog.path, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # the mnemonic
    qtbot.waitUntil(dialog.repeats.isChecked)  # a mnemonic clicks with a short animation
    dialog.start()
    assert len(in_store(cm_window, lambda ws: consultation_ids(ws, ConsultationFilter()))) == 6
