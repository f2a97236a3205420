"""Statistik: filtered key figures and charts from the store, Excel and chart export."""

from __future__ import annotations

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kimdesk.services.statistics import make_filters, statistics
from kimdesk.ui.statistics import StatisticsScreen
from tests.integration.stats_data import fill

from .conftest import in_store


def shown(window) -> StatisticsScreen:
    in_store(window, fill)
    screen = window.screen(StatisticsScreen)
    window.show_screen(screen)
    return screen


def report_for(window, **filters):
    return in_store(window, lambda ws: statistics(ws, make_filters(ws, **filters)))


def test_key_figures_and_charts_follow_the_filters(qtbot, cm_window):
    screen = shown(cm_window)
    everything = report_for(cm_window)
    assert f"Einzelberatungen: {everything['consultations']['total']} " in screen.summary.text()
    assert screen.charts.count() == 13 and screen.canvas is not None
    titles = [screen.charts.item(i).text() for i in range(screen.charts.count())]
    assert "Erreichte Personen" in titles and "Ergebnisse: Ziele der Fälle" in titles
    screen.municipality.set_code("05382068")
    screen.municipality.setFocus()
    qtbot.keyClick(screen.municipality, Qt.Key.Key_Return)
    troisdorf = report_for(cm_window, municipality="05382068")
    assert troisdorf["consultations"]["total"] != everything["consultations"]["total"]
    text = screen.summary.text()
    assert f"Einzelberatungen: {troisdorf['consultations']['total']} " in text
    assert f"Verweise: {troisdorf['referrals']['total']} " in text
    assert f"Themennennungen: {troisdorf['topics']['mentions']}" in text
    screen.charts.setCurrentRow(3)
    assert screen.canvas.figure.axes  # the topics chart is drawn


def test_excel_and_chart_export(qtbot, cm_window, tmp_path):
    screen = shown(cm_window)
    screen.write_excel(tmp_path / "statistik.xlsx")
    assert "statistik.xlsx" in screen.result.text() and not screen.busy.isVisible()
    book = openpyxl.load_workbook(tmp_path / "statistik.xlsx")
    assert len(book.sheetnames) > 5
    screen.write_images(tmp_path / "bilder")
    assert (tmp_path / "bilder" / "S1-beratungen-pro-jahr.png").exists()
    assert "Dateien in" in screen.result.text()


def test_locking_clears_the_statistics(qtbot, cm_window):
    screen = shown(cm_window)
    assert screen.summary.text()
    qtbot.keyClick(cm_window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not screen.summary.text() and screen.canvas is None and screen.charts.count() == 0


def test_publication_box_hides_small_counts_everywhere(qtbot, cm_window, tmp_path):
    screen = shown(cm_window)
    cm_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is cm_window)
    screen.date_from.setFocus()
    qtbot.keyClick(screen.date_from, Qt.Key.Key_Z, Qt.KeyboardModifier.AltModifier)  # mnemonic
    qtbot.waitUntil(screen.publication.isChecked)  # a mnemonic clicks with a short animation
    qtbot.waitUntil(lambda: screen.report["publication"])
    assert "•" in screen.summary.text()
    screen.write_excel(tmp_path / "veroeffentlichung.xlsx")
    book = openpyxl.load_workbook(tmp_path / "veroeffentlichung.xlsx")
    cover = [row for row in book["Übersicht"].iter_rows(values_only=True) if row[0]]
    assert any(row[0] == "Veröffentlichung" and row[1].startswith("ja") for row in cover)
    screen.publication.setChecked(False)
    assert not screen.report["publication"] and "•" not in screen.summary.text()
