"""Beratungen: quick entry by keyboard (with keystroke budgets), list, filter, edit, delete,
undo — asserting what lands in the store and what the screen shows."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from kimdesk.domain import consent
from kimdesk.domain.entities import Case, Client, Consultation, Referral
from kimdesk.services import records
from kimdesk.services.consultations import ConsultationFilter, consultation_ids
from kimdesk.store.records import get_consultation
from kimdesk.ui.consultations.screen import ConsultationsScreen
from tests.conftest import CM_PASS

from .conftest import answer_next_dialog, in_store

TROISDORF = "05382068"
SIEGBURG = "05382060"


class Keyboard:
    """Sends keys to whatever has the focus, as a user's keyboard does, and counts them."""

    def __init__(self, qtbot):
        self.qtbot = qtbot
        self.count = 0

    def key(self, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        self.qtbot.keyClick(widget, key, modifier)
        self.count += 1

    def type(self, text: str) -> None:
        for char in text:
            self.key(char)


@pytest.fixture
def window(make_window, cm_file, ui_settings):
    ui_settings.usual_municipality = TROISDORF
    return make_window(cm_file, CM_PASS)


def screen_of(window) -> ConsultationsScreen:
    screen = window.screen(ConsultationsScreen)
    window.show_screen(screen)
    return screen


def stored(window) -> list[Consultation]:
    def fetch(ws):
        ids = consultation_ids(ws, ConsultationFilter())
        return [records.load(ws, Consultation, i) for i in ids]

    return in_store(window, fetch)


def known_case(window, targets=("abh_ebh", "jc_afa")) -> Case:
    """Aylin Yilmaz's case; she consented to referrals to ``targets``."""
    agreed = consent.dump([consent.Consent(date(2026, 1, 12), "schriftlich", targets=targets,
                                           data=("personalien",))])  # fmt: skip

    def make(ws):
        client = records.save(ws, Client(given_name="Aylin", family_name="Yilmaz", gender="w",
                                         consents=agreed))  # fmt: skip
        return records.save(
            ws,
            Case(client_id=client.record.id, municipality=SIEGBURG, program="kim",
                 opened_on=date(2026, 1, 12)),
        ).record  # fmt: skip

    case = in_store(window, make)
    screen_of(window).load()
    return case


def test_a_one_off_consultation_with_two_topics_and_a_referral_takes_at_most_12_keys(qtbot, window):
    screen = screen_of(window)
    keys = Keyboard(qtbot)
    keys.type("e")  # kind: einmalig, moves on to client/case
    keys.key(Qt.Key.Key_Tab)  # anonymous: no client
    keys.type("wo")
    keys.key(Qt.Key.Key_Return)  # Wohnen
    keys.type("d")
    keys.key(Qt.Key.Key_Return)  # Deutsch (Kurse)
    keys.key(Qt.Key.Key_Tab)
    keys.type("j")
    keys.key(Qt.Key.Key_Return)  # Jobcenter/Integration Point/Agentur für Arbeit
    keys.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert keys.count <= 12, keys.count

    [saved] = stored(window)
    assert saved.kind == "einmalig"
    assert saved.occurred_on == date.today()
    assert saved.municipality == TROISDORF
    assert set(saved.topics) == {"wohnen", "deutsch"}
    assert saved.referrals == (Referral("jc_afa"),)
    assert saved.client_id is None and saved.case_id is None
    # The list shows it, and the form is ready for the next one with the focus on the kind.
    assert screen.model.rowCount() == 1
    assert screen.model.index(0, 5).data() == "Deutsch (Kurse), Wohnen"
    assert screen.entry.topics.checked() == []
    assert QApplication.focusWidget() is screen.entry.kind


def test_a_cm_consultation_for_a_known_case_takes_at_most_15_keys(qtbot, window):
    case = known_case(window)
    screen = screen_of(window)
    keys = Keyboard(qtbot)
    keys.type("c")  # Case Management
    keys.type("yil")
    keys.key(Qt.Key.Key_Return)  # the case of Aylin Yilmaz; moves on to the topics
    keys.type("auf")
    keys.key(Qt.Key.Key_Return)  # Aufenthalt/Einbürgerung
    keys.key(Qt.Key.Key_Tab)
    keys.type("abh")
    keys.key(Qt.Key.Key_Return)  # Ausländer-/Einbürgerungsbehörde
    keys.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert keys.count <= 15, keys.count

    [saved] = stored(window)
    assert saved.kind == "cm"
    assert saved.case_id == case.id and saved.client_id == case.client_id
    assert saved.municipality == SIEGBURG  # taken from the case
    assert saved.topics == ("aufenthalt",)
    assert saved.referrals == (Referral("abh_ebh"),)
    assert screen.model.index(0, 4).data() == "Yilmaz, Aylin"


def cm_consultation_referring(keys, target: str) -> None:
    """Aylin Yilmaz's case, topic Aufenthalt, a referral picked by typing ``target``."""
    keys.type("c")
    keys.type("yil")
    keys.key(Qt.Key.Key_Return)
    keys.type("auf")
    keys.key(Qt.Key.Key_Return)
    keys.key(Qt.Key.Key_Tab)
    keys.type(target)
    keys.key(Qt.Key.Key_Return)


def test_a_referral_outside_the_consent_asks_before_saving(qtbot, window):
    from PySide6.QtWidgets import QMessageBox

    from kimdesk.services import due

    from .conftest import when_visible

    case = known_case(window, targets=("jc_afa",))
    screen = screen_of(window)
    keys = Keyboard(qtbot)
    asked = []

    def answer(button):
        def act(box):
            asked.append(box.text())
            box.button(button).click()

        return act

    cm_consultation_referring(keys, "gesundh")
    when_visible(QMessageBox, answer(QMessageBox.StandardButton.No))
    keys.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(asked))
    assert "Gesundheit" in asked[0] and "keiner Einwilligung" in asked[0]
    assert stored(window) == [] and screen.entry.referrals.checked() == ["gesundheit"]
    window.activateWindow()  # no window manager gives the focus back after the question
    qtbot.waitUntil(lambda: screen.entry.referrals.isAncestorOf(QApplication.focusWidget())
                    or QApplication.focusWidget() is screen.entry.referrals)  # fmt: skip

    when_visible(QMessageBox, answer(QMessageBox.StandardButton.Yes))
    keys.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(asked) == 2)
    [saved] = stored(window)
    assert saved.referrals == (Referral("gesundheit"),) and saved.case_id == case.id
    found = in_store(window, lambda ws: due.due(ws))
    assert [(i.kind, i.case_id) for i in found.items if i.kind == "consent"] == [
        ("consent", case.id)
    ]


def test_a_referrals_outcome_and_recipient_are_typed_in_its_row(qtbot, window):
    known_case(window)
    screen = screen_of(window)
    keys = Keyboard(qtbot)
    cm_consultation_referring(keys, "jc")
    table = screen.entry.accompanied
    keys.key(Qt.Key.Key_Tab)  # from the referrals into their table
    assert table.hasFocus() and table.rowCount() == 1
    table.setCurrentCell(0, 1)
    keys.key(Qt.Key.Key_Space)  # begleitet
    keys.key(Qt.Key.Key_Right)
    keys.key(Qt.Key.Key_F2)  # the outcome's list
    keys.key(Qt.Key.Key_Down)  # wahrgenommen
    keys.key(Qt.Key.Key_Return)
    keys.key(Qt.Key.Key_Tab)  # on to the recipient
    keys.type("Jobcenter Siegburg")
    keys.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [saved] = stored(window)
    assert saved.referrals == (Referral("jc_afa", accompanied=True, outcome="taken_up",
                                        recipient="Jobcenter Siegburg"),)  # fmt: skip


def test_a_cm_consultation_without_a_case_is_refused_and_the_form_is_kept(qtbot, window):
    screen = screen_of(window)
    keys = Keyboard(qtbot)
    keys.type("c")
    keys.key(Qt.Key.Key_Tab)
    keys.type("wo")
    keys.key(Qt.Key.Key_Return)
    keys.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert stored(window) == []
    assert "gehört zu einem Fall" in screen.entry.message.text()
    assert screen.entry.topics.checked() == ["wohnen"]
    assert screen.entry.kind.currentData() == "cm"


def add(window, **values) -> Consultation:
    base = dict(occurred_on=date(2026, 3, 2), municipality=TROISDORF, kind="einmalig",
                topics=("wohnen",))  # fmt: skip
    base.update(values)
    return in_store(window, lambda ws: records.save(ws, Consultation(**base))).record


def test_filters_narrow_the_list(qtbot, window):
    add(window, notes="Anruf wegen Kita-Platz", topics=("kinderbetreuung",))
    add(window, municipality=SIEGBURG, occurred_on=date(2025, 5, 1))
    add(window, topics=("wohnen", "deutsch"))
    screen = screen_of(window)
    screen.load()
    assert screen.model.rowCount() == 3
    qtbot.keyClick(screen, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is screen.filters.text
    qtbot.keyClicks(screen.filters.text, "kita")
    assert screen.model.rowCount() == 1
    assert screen.model.index(0, 5).data() == "Kinderbetreuung"
    screen.filters.text.clear()
    screen.filters.topic.set_code("deutsch")
    assert screen.model.rowCount() == 1
    screen.filters.reset()
    screen.filters.municipality.set_code(SIEGBURG)
    assert screen.model.rowCount() == 1
    assert screen.model.index(0, 0).data() == "01.05.2025"
    assert screen.count.text() == "1 Beratung"
    # Typed by part of a name: Return or Tab takes the first entry the list offers.
    with qtbot.waitActive(window):
        window.activateWindow()
    screen.filters.reset()
    screen.filters.topic.setFocus()
    qtbot.keyClicks(screen.filters.topic, "betreu")
    qtbot.keyClick(screen.filters.topic, Qt.Key.Key_Return)
    assert screen.filters.current().topic == "kinderbetreuung"
    assert screen.filters.topic.currentText() == "Kinderbetreuung"
    assert screen.model.rowCount() == 1
    screen.filters.topic.lineEdit().selectAll()
    qtbot.keyClicks(screen.filters.topic, "nichts dergleichen")
    qtbot.keyClick(screen.filters.topic, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not screen.filters.topic
    assert screen.filters.topic.currentText() == "Kinderbetreuung"  # unknown: kept as it was
    screen.filters.municipality.setFocus()
    screen.filters.municipality.lineEdit().selectAll()
    qtbot.keyClicks(screen.filters.municipality, "sieg")
    qtbot.keyClick(screen.filters.municipality, Qt.Key.Key_Tab)
    assert screen.filters.current().municipality == SIEGBURG
    assert screen.model.rowCount() == 0  # Kita in Troisdorf, not in Siegburg


def test_edit_from_the_list_changes_the_stored_consultation(qtbot, window):
    first = add(window, duration_min=30)
    screen = screen_of(window)
    screen.load()
    screen.table.setFocus()
    screen.table.selectRow(0)
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)
    entry = screen.entry
    assert entry.editing is not None and entry.editing.id == first.id
    assert entry.duration.value() == 30
    entry.duration.setValue(45)
    qtbot.keyClick(entry.duration, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [changed] = stored(window)
    assert changed.id == first.id and changed.duration_min == 45 and changed.version == 2
    assert entry.editing is None


def test_delete_asks_and_leaves_a_tombstone(qtbot, window):
    first = add(window)
    screen = screen_of(window)
    screen.load()
    screen.table.setFocus()
    screen.table.selectRow(0)
    answer_next_dialog(QMessageBox.StandardButton.No)
    qtbot.keyClick(screen.table, Qt.Key.Key_Delete)
    assert len(stored(window)) == 1
    answer_next_dialog(QMessageBox.StandardButton.Yes)
    with qtbot.waitActive(window):  # offscreen, no window manager reactivates it
        window.activateWindow()
    screen.table.setFocus()
    qtbot.keyClick(screen.table, Qt.Key.Key_Delete)
    assert stored(window) == []
    assert screen.model.rowCount() == 0

    def raw(ws):
        with ws.store.connect() as conn:
            return get_consultation(conn, first.id)

    tomb = in_store(window, raw)
    assert tomb.deleted and tomb.version == 2


def test_undo_takes_back_the_last_save(qtbot, window):
    screen = screen_of(window)
    assert not screen.entry.undo_button.isEnabled()  # a new store: nothing to undo
    keys = Keyboard(qtbot)
    keys.type("e")
    keys.key(Qt.Key.Key_Tab)
    keys.type("wo")
    keys.key(Qt.Key.Key_Return)
    keys.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(stored(window)) == 1
    day = f"{date.today():%d.%m.%Y}"
    assert screen.entry.undo_button.toolTip() == f"Rückgängig: Anlegen der Beratung vom {day}"
    keys.key(Qt.Key.Key_Backspace, Qt.KeyboardModifier.AltModifier)
    assert stored(window) == []
    assert screen.model.rowCount() == 0
    assert not screen.entry.undo_button.isEnabled()


def test_undo_after_a_delete_brings_back_the_deleted_one_not_an_earlier_edit(qtbot, window):
    """The defect seen: edit A, delete B, Rückgängig reverted A and left B deleted."""
    a = add(window, duration_min=30, occurred_on=date(2026, 3, 2))
    b = add(window, occurred_on=date(2026, 3, 5))
    window.undo.clear()
    screen = screen_of(window)
    screen.load()
    entry = screen.entry
    screen.table.setFocus()
    screen.table.selectRow(screen.model.row_of(a.id))
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)
    entry.duration.setValue(45)
    qtbot.keyClick(entry.duration, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "Änderung der Beratung vom 02.03.2026" in entry.undo_button.toolTip()

    screen.table.setFocus()
    screen.table.selectRow(screen.model.row_of(b.id))
    answer_next_dialog(QMessageBox.StandardButton.Yes)
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(screen.table, Qt.Key.Key_Delete)
    assert [c.id for c in stored(window)] == [a.id]
    assert entry.undo_button.toolTip() == "Rückgängig: Löschen der Beratung vom 05.03.2026"
    assert window.undo.action.text() == "&Rückgängig: Löschen der Beratung vom 05.03.2026"

    with qtbot.waitActive(window):  # back from the question, as a window manager would
        window.activateWindow()
    screen.table.setFocus()
    qtbot.keyClick(screen.table, Qt.Key.Key_Backspace, Qt.KeyboardModifier.AltModifier)
    back = {c.id: c for c in stored(window)}
    assert set(back) == {a.id, b.id}
    assert back[a.id].duration_min == 45  # A keeps its edit
    assert screen.model.rowCount() == 2
    assert entry.undo_button.toolTip() == "Rückgängig: Änderung der Beratung vom 02.03.2026"
    window.undo.action.trigger()
    assert {c.id: c.duration_min for c in stored(window)}[a.id] == 30
    assert not window.undo.action.isEnabled()


def test_a_save_without_changes_writes_nothing_and_says_so(qtbot, window):
    first = add(window, duration_min=30)
    window.undo.clear()
    screen = screen_of(window)
    screen.load()
    screen.table.setFocus()
    screen.table.selectRow(0)
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)
    qtbot.keyClick(screen.entry.duration, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [same] = stored(window)
    assert same.version == first.version
    assert "unverändert" in window.statusBar().currentMessage()
    assert not window.undo.action.isEnabled()


def test_locking_empties_the_undo_stack(qtbot, window):
    add(window)
    assert window.undo.action.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.is_locked and not window.undo.action.isEnabled()


def test_locking_empties_the_list_and_the_picker(qtbot, window):
    known_case(window)
    add(window)
    screen = screen_of(window)
    screen.load()
    assert screen.model.rowCount() == 1 and screen.entry.who.entries
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.is_locked
    assert screen.model.rowCount() == 0
    assert screen.entry.who.entries == []


def test_a_long_list_loads_its_ids_after_the_first_page_and_pages_on_demand(qtbot, window):
    from kimdesk.store.records import insert_records

    def fill(ws):
        items = [Consultation(occurred_on=date(2025, 1, 1), municipality=TROISDORF,
                              kind="einmalig", topics=("wohnen",), duration_min=i + 1)
                 for i in range(450)]  # fmt: skip
        with ws.store.begin() as conn:
            insert_records(conn, items, origin=ws.installation.id)

    in_store(window, fill)
    screen = screen_of(window)
    screen.load()
    model = screen.model
    assert model.rowCount() == 450 and model.complete
    screen.table.sortByColumn(7, Qt.SortOrder.AscendingOrder)  # by duration
    assert model.index(0, 7).data() == "1 min"
    assert model.index(420, 7).data() in ("…", "421 min")  # asked for when first shown
    assert model.index(420, 7).data() == "421 min"
    assert "450 Beratungen" in screen.count.text()
