"""Legacy import knows rows, not only files (issue 15): the same list as CSV (UTF-8 or
Windows-1252) and as XLSX is one list; the office takes no lists; LibreOffice's dates and files."""

from __future__ import annotations

import zipfile
from datetime import date, datetime

import openpyxl
import pytest

from kimdesk.domain.errors import KimdeskError
from kimdesk.services.legacy_import import LegacyDuplicatesError, import_legacy
from kimdesk.services.legacy_table import LegacyFileError

from ..conftest import CM_PASS, OFFICE_PASS
from .test_legacy_import import TODAY, consultations, csv_bytes, dump, import_fails, write

HEADER = ["Datum", "Kommune", "Art", "Programm", "Fall", "Themen", "Verweise", "Dauer", "Setting"]
ROWS = [
    ["09.01.2023", "Troisdorf", "einmalig", "KIM", "", "Wohnen, Deutsch", "Jobcenter", "30", ""],
    ["10.01.2023", "Siegburg", "CM", "KIM", "K-1", "Arbeit", "", "45", "Hausbesuch"],
    ["10.01.2023", "Siegburg", "CM", "KIM", "K-1", "Arbeit", "", "45", "Hausbesuch"],  # twice: real
    ["11.01.2023", "Königswinter", "einmalig", "MuKi-S", "", "Kinderbetreuung", "Kita", "", ""],
]


def as_xlsx(tmp_path, rows, name="liste.xlsx"):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        cells = list(row)
        cells[0] = datetime.strptime(cells[0], "%d.%m.%Y")  # real date cells
        cells[7] = int(cells[7]) if cells[7] else None
        sheet.append(cells)
    path = tmp_path / name
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("first", "second"),
    [("cp1252", "xlsx"), ("xlsx", "utf-8"), ("utf-8", "cp1252"), ("cp1252", "cp1252-comma")],
)
def test_the_same_rows_in_another_file_are_refused_with_their_row_numbers(
    cm_ws, tmp_path, first, second
):
    def make(kind: str, name: str):
        if kind == "xlsx":
            return as_xlsx(tmp_path, ROWS, name + ".xlsx")
        encoding = "utf-8" if kind == "utf-8" else "cp1252"
        delimiter = "," if kind.endswith("comma") else ";"
        return write(tmp_path, name + ".csv",
                     csv_bytes([HEADER, *ROWS], encoding=encoding, delimiter=delimiter))  # fmt: skip

    result = import_legacy(cm_ws, make(first, "a"), today=TODAY)
    assert result.imported == 4  # the repeat inside one list is real: two consultations
    error = import_fails(cm_ws, make(second, "b"), LegacyDuplicatesError)
    assert [p.row for p in error.problems] == [2, 3, 4, 5]
    assert "schon im Speicher" in str(error) and "--allow-duplicates" in error.hint
    assert len(consultations(cm_ws)) == 4


def test_only_the_repeated_rows_are_named_and_allow_duplicates_takes_them(cm_ws, tmp_path):
    import_legacy(cm_ws, write(tmp_path, "a.csv", csv_bytes([HEADER, *ROWS[:2]])), today=TODAY)
    later = [*ROWS[1:2], ["12.01.2023", "Troisdorf", "einmalig", "KIM", "", "Wohnen", "", "", ""]]
    path = write(tmp_path, "b.csv", csv_bytes([HEADER, *later]))
    error = import_fails(cm_ws, path, LegacyDuplicatesError)
    assert [p.row for p in error.problems] == [2]
    result = import_legacy(cm_ws, path, allow_duplicates=True, today=TODAY)
    assert result.imported == 2 and len(consultations(cm_ws)) == 4


def test_a_consultation_entered_in_the_app_counts_as_stored(cm_ws, tmp_path):
    from kimdesk.domain.entities import Consultation, Referral
    from kimdesk.services import records

    records.save(cm_ws, Consultation(occurred_on=date(2023, 1, 9), municipality="05382068",
                                     kind="einmalig", topics=("deutsch", "wohnen"),
                                     referrals=(Referral("jc_afa"),), duration_min=30))  # fmt: skip
    error = import_fails(cm_ws, write(tmp_path, "a.csv", csv_bytes([HEADER, ROWS[0]])),
                         LegacyDuplicatesError)  # fmt: skip
    assert [p.row for p in error.problems] == [2]


def test_the_office_takes_no_list(office_ws, tmp_path, cli):
    path = write(tmp_path, "a.csv", csv_bytes([HEADER, *ROWS]))
    before = dump(office_ws)
    with pytest.raises(KimdeskError, match="gehört in den Speicher des Case-Managements"):
        import_legacy(office_ws, path, today=TODAY)
    assert dump(office_ws) == before
    store = office_ws.path
    office_ws.close()
    code, _out, err = cli("import-legacy", "--store", store, path, passphrase=OFFICE_PASS)
    assert code == 1 and "nächsten Bundle" in err


def test_german_libreoffice_dates_with_two_digit_years(cm_ws, tmp_path):
    rows = [["09.01.23", "Troisdorf", "einmalig", "KIM", "", "Wohnen", "", "", ""],
            ["1.2.24", "Troisdorf", "einmalig", "KIM", "", "Wohnen", "", "", ""]]  # fmt: skip
    result = import_legacy(cm_ws, write(tmp_path, "lo.csv", csv_bytes([HEADER, *rows],
                                                                       encoding="utf-8")),
                           today=TODAY)  # fmt: skip
    assert result.imported == 2
    assert sorted(c["occurred_on"] for c in consultations(cm_ws)) == [date(2023, 1, 9),
                                                                      date(2024, 2, 1)]  # fmt: skip


def test_a_two_digit_year_before_the_pivot_is_the_last_century(cm_ws, tmp_path):
    rows = [["09.01.85", "Troisdorf", "einmalig", "KIM", "", "Wohnen", "", "", ""]]
    error = import_fails(cm_ws, write(tmp_path, "alt.csv", csv_bytes([HEADER, *rows])))
    assert "1985" in str(error.problems[0]) or "vor dem" in str(error.problems[0])


def test_a_libreoffice_spreadsheet_is_refused_with_what_to_do(cm_ws, tmp_path):
    path = tmp_path / "liste.ods"
    with zipfile.ZipFile(path, "w") as ods:
        ods.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        ods.writestr("content.xml", "<office:document-content/>")
    with pytest.raises(LegacyFileError, match="als Excel-Arbeitsmappe \\(.xlsx\\)"):
        import_legacy(cm_ws, path, today=TODAY)
    renamed = tmp_path / "liste.xlsx"
    renamed.write_bytes(path.read_bytes())
    with pytest.raises(LegacyFileError, match="LibreOffice-Tabelle"):
        import_legacy(cm_ws, renamed, today=TODAY)


def test_cli_names_the_repeated_rows_and_how_to_import_them(cli, cm_file, tmp_path):
    path = write(tmp_path, "a.csv", csv_bytes([HEADER, *ROWS]))
    assert cli("import-legacy", "--store", cm_file, path, passphrase=CM_PASS)[0] == 0
    twin = as_xlsx(tmp_path, ROWS)
    code, _out, err = cli("import-legacy", "--store", cm_file, twin, passphrase=CM_PASS)
    assert code == 1 and "Zeile 2" in err and "--allow-duplicates" in err
    code, out, err = cli("import-legacy", "--store", cm_file, twin, "--allow-duplicates",
                         passphrase=CM_PASS)  # fmt: skip
    assert code == 0 and "4 Beratungen" in out, err


# -- the client of a case ---------------------------------------------------------------------

PERSON_HEADER = ["Datum", "Kommune", "Art", "Fall", "Themen", "Geschlecht", "Altersgruppe",
                 "Staatsangehörigkeit", "Aufenthalt", "Name"]  # fmt: skip


def clients(ws) -> dict[str, dict]:
    from .sync_helpers import rows

    return rows(ws, "client")


def test_a_list_describes_the_clients_of_its_cases(cm_ws, tmp_path):
    rows = [
        ["02.03.2023", "Troisdorf", "CM", "K-1", "Wohnen", "w", "27-44", "SY", "schutz", "A"],
        ["09.03.2023", "Troisdorf", "CM", "K-1", "Arbeit", "", "", "", "", "A"],
        ["03.03.2023", "Siegburg", "CM", "K-2", "Deutsch", "männlich", "18 bis 26", "Afghanistan",
         "Duldung", "B"],
        ["04.03.2023", "Much", "einmalig", "", "Wohnen", "d", "65+", "UA", "", "C"],
    ]  # fmt: skip
    result = import_legacy(cm_ws, write(tmp_path, "p.csv",
                                        csv_bytes([PERSON_HEADER, *rows], encoding="utf-8")),
                           today=TODAY)  # fmt: skip
    assert result.imported == 4 and result.ignored_columns == ["Name"]
    people = sorted((c["gender"], c["age_group"], c["nationality"], c["residence_group"],
                      c["municipality"]) for c in clients(cm_ws).values())  # fmt: skip
    assert people == [("m", "18-26", "AF", "duldung", "05382060"),
                      ("w", "27-44", "SY", "schutz", "05382068")]  # fmt: skip
    from .test_legacy_import import cases

    by_ref = {c["legacy_ref"]: c for c in cases(cm_ws)}
    linked = {c["case_id"]: c["client_id"] for c in consultations(cm_ws)}
    for ref in ("K-1", "K-2"):
        assert by_ref[ref]["client_id"] in clients(cm_ws)
        assert linked[by_ref[ref]["id"]] == by_ref[ref]["client_id"]
    assert linked[None] is None  # a one-off consultation has no client


def test_a_row_that_contradicts_its_case_is_named(cm_ws, tmp_path):
    rows = [["02.03.2023", "Troisdorf", "CM", "K-1", "Wohnen", "w", "", "SY", "", ""],
            ["09.03.2023", "Troisdorf", "CM", "K-1", "Arbeit", "m", "", "", "", ""]]  # fmt: skip
    error = import_fails(cm_ws, write(tmp_path, "p.csv", csv_bytes([PERSON_HEADER, *rows])))
    [problem] = error.problems
    assert (problem.row, problem.column) == (3, "Geschlecht") and "Zeile 2" in problem.reason


def test_an_unknown_value_says_what_is_expected(cm_ws, tmp_path):
    rows = [["02.03.2023", "Troisdorf", "CM", "K-1", "Wohnen", "Frau", "jung", "Atlantis", "", ""]]
    error = import_fails(cm_ws, write(tmp_path, "p.csv", csv_bytes([PERSON_HEADER, *rows])))
    assert [(p.column, p.reason) for p in error.problems] == [
        ("Altersgruppe", "„jung“ ist unbekannt (<18, 18-26, 27-44, 45-64, 65+)."),
        ("Staatsangehörigkeit", "„Atlantis“ ist unbekannt (ISO-Code wie SY oder deutscher Name)."),
    ]


def test_a_later_list_gives_an_earlier_case_its_client(cm_ws, tmp_path):
    plain = [["Datum", "Kommune", "Art", "Fall", "Themen"],
             ["02.03.2023", "Troisdorf", "CM", "K-1", "Wohnen"]]  # fmt: skip
    import_legacy(cm_ws, write(tmp_path, "a.csv", csv_bytes(plain)), today=TODAY)
    later = [["10.03.2023", "Troisdorf", "CM", "K-1", "Arbeit", "w", "45-64", "TR", "", ""]]
    import_legacy(cm_ws, write(tmp_path, "b.csv", csv_bytes([PERSON_HEADER, *later])), today=TODAY)
    from .test_legacy_import import cases

    (case,) = cases(cm_ws)
    (client,) = clients(cm_ws).values()
    assert (case["client_id"], case["version"]) == (client["id"], 2)
    assert (client["gender"], client["age_group"], client["nationality"]) == ("w", "45-64", "TR")


def test_the_age_group_of_a_list_travels_in_the_bundle(cm_ws, tmp_path):
    from kimdesk.services import sync
    from kimdesk.sync.export import changed_records

    rows = [["02.03.2023", "Troisdorf", "CM", "K-1", "Wohnen", "w", "18-26", "SY", "", ""]]
    import_legacy(cm_ws, write(tmp_path, "p.csv", csv_bytes([PERSON_HEADER, *rows])), today=TODAY)
    with cm_ws.store.connect() as conn:
        records = [r for e, r in changed_records(conn, 0, 10**9, TODAY) if e == "client"]
    assert [r["age_group"] for r in records] == ["18-26"]
    assert sync.export_bundle(cm_ws, tmp_path).path is not None
