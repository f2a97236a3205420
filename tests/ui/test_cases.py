"""Fälle: a client with a case by keyboard, goals, closing with a reason, the history."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QTableWidget

from kimdesk.domain.entities import Case, Client, Consultation, Goal
from kimdesk.services import cases, records
from kimdesk.ui.cases.screen import CasesScreen, CloseDialog

from .conftest import in_store, when_visible


def shown(window) -> CasesScreen:
    screen = window.screen(CasesScreen)
    window.show_screen(screen)
    return screen


def all_cases(window):
    return in_store(window, lambda ws: cases.case_lines(ws, closed=True))


def test_a_new_client_with_a_case_is_saved_by_keyboard(qtbot, cm_window):
    screen = shown(cm_window)
    qtbot.keyClick(screen, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = screen.client_form
    assert QApplication.focusWidget() is form.given
    qtbot.keyClicks(form.given, "Olena")
    qtbot.keyClick(form.given, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "Kovalenko")
    form.phone.setText("0171 555")
    form.nationality.setText("ua")
    form.language.setText("UK")
    form.gender.setCurrentIndex(form.gender.findData("w"))
    screen.case_form.municipality.set_code("05382060")
    qtbot.keyClick(form.phone, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    [line] = all_cases(cm_window)
    assert line.who == "Kovalenko, Olena" and line.municipality == "05382060"
    file = in_store(cm_window, lambda ws: cases.case_file(ws, line.case_id))
    assert file.client.phone == "0171 555" and file.client.nationality == "UA"
    assert file.client.main_language == "uk" and file.client.gender == "w"
    assert file.case.phase == "intake" and file.case.opened_on == date.today()
    assert screen.list.count() == 1 and "Kovalenko, Olena" in screen.list.item(0).text()
    from PySide6.QtWidgets import QGroupBox

    personal = screen.client_form.findChild(QGroupBox, "personalData")
    assert "nur auf diesem Gerät" in personal.title()


def test_a_wrong_nationality_is_explained_and_nothing_is_lost(qtbot, cm_window):
    screen = shown(cm_window)
    screen.new_case()
    screen.client_form.family.setText("Haidari")
    screen.client_form.nationality.setText("Syrien")
    screen.save()
    assert "ISO-3166" in screen.message.text()
    assert all_cases(cm_window) == []
    assert screen.client_form.family.text() == "Haidari"


def make_case(window) -> Case:
    def make(ws):
        client = Client(given_name="Ahmad", family_name="Haidari")
        saved = cases.save_case(
            ws,
            client,
            Case(
                client_id=None, municipality="05382068", program="kim", opened_on=date(2026, 2, 1)
            ),
        )
        records.save(
            ws,
            Consultation(
                occurred_on=date(2026, 3, 4),
                municipality="05382068",
                kind="cm",
                case_id=saved.case.id,
                topics=("arbeit",),
                duration_min=45,
            ),
        )
        return saved.case

    return in_store(window, make)  # fmt: skip


def test_goals_history_and_closing_a_case(qtbot, cm_window):
    case = make_case(cm_window)
    screen = shown(cm_window)
    screen.load()
    screen.list.setCurrentRow(0)
    assert screen.heading.text() == "Fall von Ahmad Haidari"
    assert screen.history.rowCount() == 1
    assert [screen.history.item(0, c).text() for c in range(4)] == [
        "04.03.2026", "Case Management", "Arbeit/Ausbildung", "45 min"]  # fmt: skip

    goals = screen.goals
    goals.topic.set_code("deutsch")
    goals.text.setFocus()
    qtbot.keyClicks(goals.text, "B1-Kurs beginnen")
    qtbot.keyClick(goals.text, Qt.Key.Key_Return)
    [goal] = in_store(cm_window, lambda ws: cases.case_file(ws, case.id)).goals
    assert goal.topic == "deutsch" and goal.text == "B1-Kurs beginnen" and goal.status == "open"
    assert goals.table.rowCount() == 1
    goals.table.selectRow(0)
    goals.status.setCurrentIndex(goals.status.findData("reached"))
    qtbot.keyClick(goals.text, Qt.Key.Key_Return)
    [goal] = in_store(cm_window, lambda ws: cases.case_file(ws, case.id)).goals
    assert goal.status == "reached" and goal.version == 2
    goals.table.selectRow(0)
    qtbot.mouseClick(goals.remove_button, Qt.MouseButton.LeftButton)
    assert in_store(cm_window, lambda ws: cases.case_file(ws, case.id)).goals == []
    assert in_store(cm_window, lambda ws: records.load(ws, Goal, goal.id)) is None

    def close(dialog):
        dialog.day.set_value(date(2026, 6, 30))
        dialog.reason.set_code("ziele_erreicht")
        dialog.accept()

    when_visible(CloseDialog, close)
    qtbot.mouseClick(screen.close_button, Qt.MouseButton.LeftButton)
    closed = in_store(cm_window, lambda ws: records.load(ws, Case, case.id))
    assert closed.phase == "closed" and closed.closed_on == date(2026, 6, 30)
    assert closed.closure_reason == "ziele_erreicht"
    assert screen.list.count() == 0  # open cases only
    screen.with_closed.setChecked(True)
    assert screen.list.count() == 1 and "abgeschlossen" in screen.list.item(0).text()


def test_locking_leaves_no_name_on_the_screen(qtbot, cm_window):
    make_case(cm_window)
    screen = shown(cm_window)
    screen.load()
    screen.list.setCurrentRow(0)
    assert screen.client_form.family.text() == "Haidari"
    qtbot.keyClick(cm_window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    texts = [w.text() for w in screen.findChildren(QLineEdit) + screen.findChildren(QLabel)]
    texts += [t.item(r, c).text() for t in screen.findChildren(QTableWidget)
              for r in range(t.rowCount()) for c in range(t.columnCount()) if t.item(r, c)]  # fmt: skip
    assert not any("Haidari" in t or "Ahmad" in t for t in texts)
    assert screen.list.count() == 0


def test_locking_with_a_case_selected_says_nothing_and_empties_the_screen(qtbot, cm_window):
    in_store(
        cm_window,
        lambda ws: cases.save_case(
            ws,
            Client(family_name="Erste"),
            Case(
                client_id=None, municipality="05382068", program="kim", opened_on=date(2026, 1, 5)
            ),
        ),
    )
    in_store(cm_window, lambda ws: cases.save_case(
        ws, Client(family_name="Zweite"), Case(client_id=None, municipality="05382068",
                                               program="kim", opened_on=date(2026, 1, 6))))  # fmt: skip
    screen = shown(cm_window)
    screen.load()
    screen.list.setCurrentRow(0)
    errors = []
    cm_window.ctx.ops.failed.connect(errors.append)
    cm_window.ctx.messages.error.connect(errors.append)
    cm_window.lock()
    assert errors == [] and screen.list.count() == 0 and screen.current is None


def test_a_follow_up_is_typed_as_people_type_dates(qtbot, cm_window):
    """Wiedervorlage (issue 19): "+2w" in the case form is two weeks from today, kept on save."""
    from datetime import timedelta

    screen = shown(cm_window)
    screen.new_case()
    screen.client_form.family.setText("Haidari")
    qtbot.keyClicks(screen.case_form.follow_up, "+2w")
    qtbot.keyClick(screen.case_form.follow_up, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    [line] = all_cases(cm_window)
    file = in_store(cm_window, lambda ws: cases.case_file(ws, line.case_id))
    assert file.case.follow_up_on == date.today() + timedelta(weeks=2)


def test_a_consent_is_recorded_in_its_dialog_and_saved_with_the_client(qtbot, cm_window):
    """Consent (issue 19): the dialog presets who consents from the age, refuses an oral
    consent without a note, and the consent is saved with the client (Strg+S)."""
    from kimdesk.domain import consent
    from kimdesk.ui.cases.consent import ConsentDialog

    case = make_case(cm_window)
    screen = shown(cm_window)
    screen.load()
    screen.open_case(case.id)
    screen.client_form.birth.setText("01.01.2013")  # 13 today: the guardian consents
    seen = {}

    def fill(dialog):
        seen["by"] = dialog.given_by.currentData()
        assert dialog.given_on.value() == date.today()  # today unless typed otherwise
        dialog.form.setCurrentIndex(dialog.form.findData("muendlich"))
        dialog.guardian.setText("Mutter Haidari")
        dialog.targets.item(0).setCheckState(Qt.CheckState.Checked)
        dialog.data.item(0).setCheckState(Qt.CheckState.Checked)
        dialog.accept()  # refused: an oral consent needs its note
        seen["refused"] = dialog.message.text()
        dialog.note.setText("im Gespräch am Schalter")
        dialog.accept()

    when_visible(ConsentDialog, fill)
    screen.client_form.consents.add()
    assert seen["by"] == "sorgeberechtigt" and "Vermerk" in seen["refused"]
    cm_window.activateWindow()  # no window manager gives it back after the dialog
    qtbot.waitUntil(cm_window.isActiveWindow)
    qtbot.keyClick(screen.client_form.family, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    file = in_store(cm_window, lambda ws: cases.case_file(ws, case.id))
    assert file.client.consents, screen.message.text()
    [given] = consent.parse(file.client.consents)
    assert (given.given_by, given.guardian, given.form) == ("sorgeberechtigt", "Mutter Haidari",
                                                           "muendlich")  # fmt: skip
    assert screen.client_form.consents.history.count() == 1
    assert "gilt:" in screen.client_form.consents.history.item(0).text()


def test_the_access_report_is_written_from_the_case(qtbot, cm_window, tmp_path, monkeypatch):
    from pypdf import PdfReader
    from PySide6.QtWidgets import QFileDialog

    case = make_case(cm_window)
    screen = shown(cm_window)
    screen.load()
    screen.open_case(case.id)
    target = tmp_path / "Auskunft Haidari"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF für die Person (*.pdf)")
    )
    assert screen.report_button.isEnabled()
    screen.report_button.click()
    written = tmp_path / "Auskunft Haidari.pdf"
    assert str(written) in screen.message.text()
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(written).pages).split())
    assert "Haidari" in text and "Ahmad" in text
