"""Legacy import (docs/legacy-import.md) against the real encrypted store.

Files are generated in ``tmp_path`` so that encodings, delimiters and Excel cell types are
exactly what the test says. Row numbers are those Excel shows (header = row 1).
"""

from __future__ import annotations

import csv
import io
import random
import re
import zipfile
from datetime import date, datetime

import openpyxl
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from kimdesk.domain.errors import KimdeskError
from kimdesk.services.legacy_import import (
    LegacyImportError,
    RowProblem,
    import_legacy,
)
from kimdesk.services.legacy_table import LegacyFileError
from kimdesk.store.models import (
    AuditEntry,
    CaseRow,
    ConsultationRow,
    ConsultationTopicRow,
    LegacyImport,
    ReferralRow,
)

CM_PASS = "case manager pass"
TODAY = date(2024, 6, 30)

consultation_t = ConsultationRow.__table__
topic_t = ConsultationTopicRow.__table__
referral_t = ReferralRow.__table__
case_t = CaseRow.__table__
legacy_t = LegacyImport.__table__
audit_t = AuditEntry.__table__

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")

HEADER = [
    "Datum",
    "Kommune",
    "Art",
    "Programm",
    "Fall",
    "Themen",
    "Verweise",
    "Dauer",
    "Setting",
    "Sprachmittlung",
    "Name",
]


# -- helpers ---------------------------------------------------------------------------------


def csv_bytes(rows, *, delimiter=";", encoding="cp1252", bom=False) -> bytes:
    """A CSV as Excel writes it: CRLF, quoted only where needed."""
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    data = out.getvalue().encode(encoding)
    return b"\xef\xbb\xbf" + data if bom else data


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def dump(ws) -> dict[str, list[tuple]]:
    """Every row of every table of the store, for before/after comparisons and scans."""
    with ws.store.connect() as conn:
        tables = [
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {
            t: sorted(
                (tuple(row) for row in conn.exec_driver_sql(f'SELECT * FROM "{t}"')), key=repr
            )
            for t in tables
        }


def stored_texts(ws) -> list[str]:
    texts = []
    for rows in dump(ws).values():
        for row in rows:
            for value in row:
                if isinstance(value, str):
                    texts.append(value)
                elif isinstance(value, bytes):
                    texts.append(value.decode("utf-8", "replace"))
    return texts


def consultations(ws) -> list[dict]:
    """Stored consultations in file order (ids are time-ordered), with topics and referrals."""
    with ws.store.connect() as conn:
        query = select(consultation_t).order_by(consultation_t.c.id)
        rows = [dict(r) for r in conn.execute(query).mappings()]
        topics: dict[str, set[str]] = {}
        for cid, topic in conn.execute(select(topic_t.c.consultation_id, topic_t.c.topic)):
            topics.setdefault(cid, set()).add(topic)
        referrals: dict[str, list] = {}
        for r in conn.execute(select(referral_t).order_by(referral_t.c.pos)):
            referrals.setdefault(r.consultation_id, []).append(
                (r.pos, r.target, r.accompanied, r.outcome)
            )
    for row in rows:
        row["topics"] = topics.get(row["id"], set())
        row["referrals"] = referrals.get(row["id"], [])
    return rows


def cases(ws) -> list[dict]:
    with ws.store.connect() as conn:
        return [dict(r) for r in conn.execute(select(case_t).order_by(case_t.c.id)).mappings()]


def brief(c: dict) -> tuple:
    """The fields the import sets, in a comparable form."""
    return (
        c["occurred_on"],
        c["municipality"],
        c["kind"],
        c["program"],
        c["duration_min"],
        c["setting"],
        c["language_mediation"],
        c["topics"],
        [target for _, target, _, _ in c["referrals"]],
    )


def import_fails(ws, path, exc_type=LegacyImportError, **kwargs):
    """Import expecting failure; asserts that the store did not change at all."""
    before = dump(ws)
    with pytest.raises(exc_type) as info:
        import_legacy(ws, path, today=TODAY, **kwargs)
    assert dump(ws) == before
    return info.value


# -- encodings and formats -------------------------------------------------------------------


GERMAN_ROWS = [
    HEADER,
    [
        "03.01.2023",
        "Königswinter",
        "einmalig",
        "",
        "",
        "Aufenthalt/Einbürgerung",
        "Ämter/Bürgerservice",
        "45",
        "Sprechstunde",
        "Dolmetscher",
        "Erika Mustermann",
    ],
    [
        "15.02.2023",
        "05382068",
        "CM",
        "MuKi-S",
        "A-17",
        "deutsch | WOHNEN ",
        "Jobcenter, Ausländerbehörde",
        "30,0",
        "hausbesuch",
        "vasco",
        "Ali Beispielmann",
    ],
    [
        "2.3.2023",
        "St. Augustin",
        "cm",
        "",
        "A-17",
        "Gesundheit",
        "",
        "",
        "",
        "",
        "Ali Beispielmann",
    ],
]


def test_german_excel_csv_windows_1252(cm_ws, tmp_path):
    data = csv_bytes(GERMAN_ROWS)
    # Really Windows-1252, as German Excel writes "CSV (Trennzeichen-getrennt)".
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    path = write(tmp_path, "Beratungen 2023.csv", data)

    result = import_legacy(cm_ws, path, today=TODAY)

    assert (result.imported, result.rejected, result.cases_created) == (3, 0, 1)
    assert result.ignored_columns == ["Name"]
    assert result.rejected_file is None and result.problems == []
    assert not (tmp_path / "Beratungen 2023.csv.rejected.csv").exists()

    stored = consultations(cm_ws)
    assert [brief(c) for c in stored] == [
        (
            date(2023, 1, 3),
            "05382024",
            "einmalig",
            "kim",
            45,
            "sprechstunde",
            "dolmetscher",
            {"aufenthalt"},
            ["aemter"],
        ),
        (
            date(2023, 2, 15),
            "05382068",
            "cm",
            "muki",
            30,
            "hausbesuch",
            "vasco",
            {"deutsch", "wohnen"},
            ["jc_afa", "abh_ebh"],
        ),
        (date(2023, 3, 2), "05382056", "cm", "kim", None, None, None, {"gesundheit"}, []),
    ]
    origin = cm_ws.installation.id
    for c in stored:
        assert UUID.match(c["id"])
        assert (c["version"], c["origin"], c["deleted"]) == (1, origin, False)
        assert c["client_id"] is None and c["notes"] is None and c["language"] is None
    assert stored[1]["referrals"] == [
        (0, "jc_afa", False, "unknown"),
        (1, "abh_ebh", False, "unknown"),
    ]

    (case,) = cases(cm_ws)
    assert stored[0]["case_id"] is None
    assert stored[1]["case_id"] == stored[2]["case_id"] == case["id"]
    assert (case["legacy_ref"], case["opened_on"], case["phase"]) == (
        "A-17",
        date(2023, 2, 15),
        "implementation",
    )
    assert (case["municipality"], case["program"], case["client_id"]) == ("05382068", "muki", None)

    with cm_ws.store.connect() as conn:
        (batch,) = conn.execute(select(legacy_t)).mappings().all()
    assert batch["file_name"] == "Beratungen 2023.csv"
    assert (batch["rows_imported"], batch["rows_rejected"]) == (3, 0)

    # The ignored column "Name" leaves no trace: not in any table, not readable in the file.
    for name in ("Erika Mustermann", "Ali Beispielmann", "Mustermann", "Beispielmann"):
        assert not any(name in text for text in stored_texts(cm_ws)), name
    cm_ws.store.close()  # flush the WAL; the raw bytes must show nothing either
    for suffix in ("", "-wal"):
        raw = cm_ws.path.with_name(cm_ws.path.name + suffix)
        if raw.exists():
            content = raw.read_bytes()
            for needle in ("Mustermann", "Königswinter", "A-17"):
                assert needle.encode("utf-8") not in content
                assert needle.encode("cp1252") not in content


def test_utf8_with_bom(cm_ws, tmp_path):
    path = write(tmp_path, "bom.csv", csv_bytes(GERMAN_ROWS, encoding="utf-8", bom=True))

    result = import_legacy(cm_ws, path, today=TODAY)

    # The BOM is not part of the first heading ("Datum" is found), umlauts decode as UTF-8.
    assert (result.imported, result.cases_created, result.ignored_columns) == (3, 1, ["Name"])
    stored = consultations(cm_ws)
    assert [c["municipality"] for c in stored] == ["05382024", "05382068", "05382056"]
    assert stored[0]["topics"] == {"aufenthalt"}
    assert [r[1] for r in stored[0]["referrals"]] == ["aemter"]


def test_utf8_without_bom_comma_delimiter_iso_dates(cm_ws, tmp_path):
    rows = [
        ["Datum", "Kommune", "Art", "Themen", "Verweise", "Fall"],
        ["2023-04-01", "Königswinter", "einmalig", "deutsch, wohnen", "Ämter", ""],
        ["2023-04-02", "Bad Honnef", "CM", "arbeit|Schule", "MBE|Kita", "B 3"],
    ]
    data = csv_bytes(rows, delimiter=",", encoding="utf-8")
    assert not data.startswith(b"\xef\xbb\xbf") and b'"deutsch, wohnen"' in data
    path = write(tmp_path, "export.csv", data)

    result = import_legacy(cm_ws, path, today=TODAY)

    assert (result.imported, result.cases_created, result.ignored_columns) == (2, 1, [])
    assert [brief(c) for c in consultations(cm_ws)] == [
        (
            date(2023, 4, 1),
            "05382024",
            "einmalig",
            "kim",
            None,
            None,
            None,
            {"deutsch", "wohnen"},
            ["aemter"],
        ),
        (
            date(2023, 4, 2),
            "05382008",
            "cm",
            "kim",
            None,
            None,
            None,
            {"arbeit", "schule"},
            ["migrationsdienste", "kita_schule"],
        ),
    ]


def test_xlsx_with_date_cells_other_order_and_case(cm_ws, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["THEMEN", "kommune", "Name", "datum", "ART", "fall", "dauer", "VERWEISE"])
    sheet.append(["Wohnen", "05382024", "Erika Mustermann", datetime(2023, 5, 4), "CM", 17, 60, ""])
    sheet.append(
        ["Gesundheit|deutsch", "Much", "Jan Beispiel", date(2023, 5, 2), "cm", 17, 30.0, "ABH"]
    )
    sheet.append(["sonstiges", "Kreisweit", "", "05.05.2023", "einmalig", None, "15", "Sonstige"])
    sheet.append([None] * 8)  # an empty row is skipped, not reported
    sheet.append(["werte", "Eitorf", None, "2023-05-06", "Einmalige Beratung", None, None, None])
    path = tmp_path / "Liste.xlsx"
    book.save(path)

    result = import_legacy(cm_ws, path, today=TODAY)

    assert (result.imported, result.rejected, result.cases_created) == (4, 0, 1)
    assert result.ignored_columns == ["Name"]
    stored = consultations(cm_ws)
    assert [brief(c) for c in stored] == [
        (date(2023, 5, 4), "05382024", "cm", "kim", 60, None, None, {"wohnen"}, []),
        (
            date(2023, 5, 2),
            "05382036",
            "cm",
            "kim",
            30,
            None,
            None,
            {"gesundheit", "deutsch"},
            ["abh_ebh"],
        ),
        (
            date(2023, 5, 5),
            "05382000",
            "einmalig",
            "kim",
            15,
            None,
            None,
            {"sonstiges"},
            ["sonstige"],
        ),
        (date(2023, 5, 6), "05382016", "einmalig", "kim", None, None, None, {"werte"}, []),
    ]
    (case,) = cases(cm_ws)
    # The number cell 17 is the reference "17"; the case opens on the earliest of its dates.
    assert (case["legacy_ref"], case["opened_on"]) == ("17", date(2023, 5, 2))
    assert stored[0]["case_id"] == stored[1]["case_id"] == case["id"]
    for name in ("Mustermann", "Jan Beispiel"):
        assert not any(name in text for text in stored_texts(cm_ws))


# -- catalog resolution ----------------------------------------------------------------------


def test_codes_labels_aliases_separators_and_defaults(cm_ws, tmp_path):
    header = [
        "Datum",
        "Kommune",
        "Art",
        "Programm",
        "Themen",
        "Verweise",
        "Setting",
        "Sprachmittlung",
    ]
    rows = [
        # municipality by name, alias, AGS; kind by code, label, alias; program default/alias/label
        ["01.06.2023", "Hennef (Sieg)", "einmalig", "", "deutsch", "", "", ""],
        ["02.06.2023", "  hennef ", "EINMALIG", "KIM", "DEUTSCH (KURSE)", "", "Telefon", "keine"],
        ["03.06.2023", "05382060", "Einmalige Beratung", "MuKi-S", "Lebensunterhalt", "", "", ""],
        [
            "04.06.2023",
            "koenigswinter",
            "einmalig",
            "muki",
            " familie ,  Finanzen|schulden ",
            "",
            "",
            "",
        ],
        [
            "05.06.2023",
            "RHEIN-SIEG-KREIS",
            "einmalig",
            "kim (case management)",
            "Sprachentwicklung/Mehrsprachigkeit|Kultur",
            "wohlfahrtspflege|AGENTUR FÜR ARBEIT,gesundheit",
            "Sprechstunde im Rathaus",
            "Eigene Sprachkenntnisse",
        ],
        [
            "06.06.2023",
            "Neunkirchen",
            "einmalig",
            "MUKI-S",
            "kinderbetreuung",
            "",
            "video",
            "dolmetscherin",
        ],
        [
            "07.06.2023",
            "st. augustin",
            "einmalig",
            "",
            "aufenthalt,Einbürgerung",
            "",
            "Begleitung",
            "VASCO",
        ],
    ]
    path = write(tmp_path, "codes.csv", csv_bytes([header, *rows]))

    result = import_legacy(cm_ws, path, today=TODAY)

    assert (result.imported, result.rejected) == (7, 0)
    assert [
        (c["municipality"], c["program"], c["topics"], c["setting"], c["language_mediation"])
        for c in consultations(cm_ws)
    ] == [
        ("05382020", "kim", {"deutsch"}, None, None),
        ("05382020", "kim", {"deutsch"}, "telefon", "keine"),
        ("05382060", "muki", {"lebensunterhalt"}, None, None),
        # "Finanzen" and "Schulden" are one code: stored once
        ("05382024", "muki", {"familie", "finanzen"}, None, None),
        ("05382000", "kim", {"sprachentwicklung", "werte"}, "sprechstunde", "eigene"),
        ("05382040", "muki", {"kinderbetreuung"}, "video", "dolmetscher"),
        ("05382056", "kim", {"aufenthalt"}, "begleitung", "vasco"),
    ]
    with cm_ws.store.connect() as conn:
        referrals = conn.execute(select(referral_t.c.pos, referral_t.c.target)).all()
    assert sorted(referrals) == [(0, "wohlfahrt"), (1, "jc_afa"), (2, "gesundheit")]


# -- cases -----------------------------------------------------------------------------------


def test_rows_with_same_reference_form_one_case_and_a_later_file_attaches(cm_ws, tmp_path):
    header = ["Datum", "Kommune", "Art", "Fall", "Themen"]
    first = [
        header,
        ["10.03.2023", "Troisdorf", "CM", "F-1", "wohnen"],
        ["01.03.2023", "Troisdorf", "CM", " f-1 ", "deutsch"],  # same reference, other spelling
        ["20.03.2023", "Siegburg", "CM", "F-2", "arbeit"],
        ["05.03.2023", "Troisdorf", "CM", "F-1", "gesundheit"],
        ["06.03.2023", "Troisdorf", "einmalig", "F-9", "sonstiges"],  # one-off: no case
    ]
    result = import_legacy(cm_ws, write(tmp_path, "q1.csv", csv_bytes(first)), today=TODAY)
    assert (result.imported, result.cases_created) == (5, 2)

    by_ref = {c["legacy_ref"]: c for c in cases(cm_ws)}
    assert sorted(by_ref) == ["F-1", "F-2"]
    assert by_ref["F-1"]["opened_on"] == date(2023, 3, 1)
    assert by_ref["F-2"]["opened_on"] == date(2023, 3, 20)
    assert by_ref["F-2"]["municipality"] == "05382060"
    assert [c["case_id"] for c in consultations(cm_ws)] == [
        by_ref["F-1"]["id"],
        by_ref["F-1"]["id"],
        by_ref["F-2"]["id"],
        by_ref["F-1"]["id"],
        None,
    ]

    second = [
        header,
        ["12.04.2023", "Troisdorf", "CM", "F-1", "wohnen"],
        ["13.04.2023", "Lohmar", "CM", "F-3", "wohnen"],
    ]
    result = import_legacy(cm_ws, write(tmp_path, "q2.csv", csv_bytes(second)), today=TODAY)
    assert (result.imported, result.cases_created) == (2, 1)

    after = {c["legacy_ref"]: c for c in cases(cm_ws)}
    assert sorted(after) == ["F-1", "F-2", "F-3"]
    assert after["F-1"] == by_ref["F-1"]  # the existing case is not touched
    new = consultations(cm_ws)[-2:]
    assert [c["case_id"] for c in new] == [by_ref["F-1"]["id"], after["F-3"]["id"]]


# -- bad rows: all or nothing, or --skip-invalid ---------------------------------------------

MIXED_ROWS = [
    ["Datum", "Kommune", "Art", "Fall", "Themen", "Dauer", "Name"],
    ["01.02.2023", "Alfter", "einmalig", "", "wohnen", "30", "Erika Mustermann"],  # 2 good
    ["02.02.2023", "Alfter", "einmalig", "", "wohnen|Zauberei", "", "Zoe Zauber"],  # 3
    ["31.02.2023", "Atlantis", "CM", "K-1", "deutsch", "20", ""],  # 4
    ["03.02.2023", "Alfter", "CM", "", "deutsch", "", ""],  # 5
    ["04.02.2023", "Alfter", "CM", "K-2", "deutsch", "abc", ""],  # 6
    ["", "", "", "", "", "", ""],  # 7 empty: skipped
    ["05.02.2023", "Rheinbach", "CM", "K-2", "Arbeit", "2000", ""],  # 8
    ["06.02.2023", "=HYPERLINK(1)", "einmalig", "", "wohnen", "", ""],  # 9
    ["07.02.2023", "Alfter", "CM", "K-2", "deutsch", "45", ""],  # 10 good
]
MIXED_PROBLEMS = [
    RowProblem(3, "Themen", "„Zauberei“ ist unbekannt."),
    RowProblem(4, "Datum", "„31.02.2023“ ist ein unmögliches Datum."),
    RowProblem(4, "Kommune", "„Atlantis“ ist keine bekannte Kommune."),
    RowProblem(5, "Fall", "Eine CM-Beratung braucht eine Fallnummer."),
    RowProblem(6, "Dauer", "„abc“ ist keine Minutenzahl."),
    RowProblem(8, "Dauer", "Erlaubt ist eine ganze Zahl von 1 bis 1440."),
    RowProblem(9, "Kommune", "„=HYPERLINK(1)“ ist keine bekannte Kommune."),
]


def test_all_or_nothing_reports_every_bad_row(cm_ws, tmp_path):
    path = write(tmp_path, "gemischt.csv", csv_bytes(MIXED_ROWS))

    error = import_fails(cm_ws, path)

    assert error.problems == MIXED_PROBLEMS
    assert str(error) == "Die Datei gemischt.csv wurde nicht importiert: 6 Zeilen sind fehlerhaft."
    assert not (tmp_path / "gemischt.csv.rejected.csv").exists()


def test_skip_invalid_imports_good_rows_and_writes_rejected_file(cm_ws, tmp_path):
    path = write(tmp_path, "gemischt.csv", csv_bytes(MIXED_ROWS))
    import_fails(cm_ws, path)  # a failed attempt is not remembered as "imported"

    result = import_legacy(cm_ws, path, skip_invalid=True, today=TODAY)

    assert (result.imported, result.rejected, result.cases_created) == (2, 6, 1)
    assert result.problems == MIXED_PROBLEMS
    assert result.rejected_file == tmp_path / "gemischt.csv.rejected.csv"
    assert [(c["occurred_on"], c["duration_min"]) for c in consultations(cm_ws)] == [
        (date(2023, 2, 1), 30),
        (date(2023, 2, 7), 45),
    ]
    (case,) = cases(cm_ws)
    assert case["legacy_ref"] == "K-2"
    with cm_ws.store.connect() as conn:
        assert conn.execute(select(legacy_t.c.rows_imported, legacy_t.c.rows_rejected)).all() == [
            (2, 6)
        ]

    raw = result.rejected_file.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in raw
    text = raw[3:].decode("utf-8")
    assert list(csv.reader(io.StringIO(text, newline=""), delimiter=";")) == [
        ["Zeile", "Datum", "Kommune", "Art", "Fall", "Themen", "Dauer", "Fehler"],
        [
            "3",
            "02.02.2023",
            "Alfter",
            "einmalig",
            "",
            "wohnen|Zauberei",
            "",
            "Themen: „Zauberei“ ist unbekannt.",
        ],
        [
            "4",
            "31.02.2023",
            "Atlantis",
            "CM",
            "K-1",
            "deutsch",
            "20",
            "Datum: „31.02.2023“ ist ein unmögliches Datum. | "
            "Kommune: „Atlantis“ ist keine bekannte Kommune.",
        ],
        [
            "5",
            "03.02.2023",
            "Alfter",
            "CM",
            "",
            "deutsch",
            "",
            "Fall: Eine CM-Beratung braucht eine Fallnummer.",
        ],
        [
            "6",
            "04.02.2023",
            "Alfter",
            "CM",
            "K-2",
            "deutsch",
            "abc",
            "Dauer: „abc“ ist keine Minutenzahl.",
        ],
        [
            "8",
            "05.02.2023",
            "Rheinbach",
            "CM",
            "K-2",
            "Arbeit",
            "2000",
            "Dauer: Erlaubt ist eine ganze Zahl von 1 bis 1440.",
        ],
        # A spreadsheet must not run cell text as a formula.
        [
            "9",
            "06.02.2023",
            "'=HYPERLINK(1)",
            "einmalig",
            "",
            "wohnen",
            "",
            "Kommune: „=HYPERLINK(1)“ ist keine bekannte Kommune.",
        ],
    ]
    # The ignored column stays out of the rejected file too.
    assert "Zoe Zauber" not in text and "Name" not in text


def test_skip_invalid_rejected_file_for_xlsx_has_german_dates(cm_ws, tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["Datum", "Kommune", "Art", "Themen"])
    book.active.append([datetime(2023, 7, 1), "Nirgendwo", "einmalig", "wohnen"])
    book.active.append([datetime(2023, 7, 2), "Much", "einmalig", "wohnen"])
    path = tmp_path / "liste.xlsx"
    book.save(path)

    result = import_legacy(cm_ws, path, skip_invalid=True, today=TODAY)

    assert (result.imported, result.rejected) == (1, 1)
    text = result.rejected_file.read_bytes().decode("utf-8-sig")
    assert text == (
        "Zeile;Datum;Kommune;Art;Themen;Fehler\r\n"
        "2;01.07.2023;Nirgendwo;einmalig;wohnen;"
        "Kommune: „Nirgendwo“ ist keine bekannte Kommune.\r\n"
    )


# -- bad input -------------------------------------------------------------------------------

GOOD_HEADER = ["Datum", "Kommune", "Art", "Fall", "Themen", "Dauer"]


def _one_row(*cells):
    return csv_bytes([GOOD_HEADER, list(cells)])


BAD_ROWS = {
    "unknown topic code": (
        _one_row("01.02.2023", "Much", "einmalig", "", "xyz", ""),
        [RowProblem(2, "Themen", "„xyz“ ist unbekannt.")],
    ),
    "unknown municipality": (
        _one_row("01.02.2023", "05399999", "einmalig", "", "wohnen", ""),
        [RowProblem(2, "Kommune", "„05399999“ ist keine bekannte Kommune.")],
    ),
    "unknown kind": (
        _one_row("01.02.2023", "Much", "Gruppe", "", "wohnen", ""),
        [RowProblem(2, "Art", "„Gruppe“ ist weder einmalig noch CM.")],
    ),
    "impossible date": (
        _one_row("31.02.2023", "Much", "einmalig", "", "wohnen", ""),
        [RowProblem(2, "Datum", "„31.02.2023“ ist ein unmögliches Datum.")],
    ),
    "not a date": (
        _one_row("Februar 2023", "Much", "einmalig", "", "wohnen", ""),
        [
            RowProblem(
                2, "Datum", "„Februar 2023“ ist kein Datum (TT.MM.JJJJ, TT.MM.JJ oder JJJJ-MM-TT)."
            )
        ],
    ),
    "future date": (
        _one_row("02.07.2024", "Much", "einmalig", "", "wohnen", ""),
        [RowProblem(2, "Datum", "Das Datum liegt in der Zukunft.")],
    ),
    "date before KIM": (
        _one_row("31.12.2014", "Much", "einmalig", "", "wohnen", ""),
        [RowProblem(2, "Datum", "Das Datum liegt vor dem 01.01.2015.")],
    ),
    "CM row without case": (
        _one_row("01.02.2023", "Much", "CM", "  ", "wohnen", ""),
        [RowProblem(2, "Fall", "Eine CM-Beratung braucht eine Fallnummer.")],
    ),
    "no topic": (
        _one_row("01.02.2023", "Much", "einmalig", "", " ", ""),
        [RowProblem(2, "Themen", "Mindestens ein Thema ist anzugeben.")],
    ),
    "all fields missing": (
        csv_bytes([GOOD_HEADER, ["", "", "", "", "", "5"]]),
        [
            RowProblem(2, "Datum", "fehlt."),
            RowProblem(2, "Kommune", "fehlt."),
            RowProblem(2, "Art", "fehlt."),
            RowProblem(2, "Themen", "Mindestens ein Thema ist anzugeben."),
        ],
    ),
    "decimal minutes": (
        _one_row("01.02.2023", "Much", "einmalig", "", "wohnen", "30,5"),
        [RowProblem(2, "Dauer", "„30,5“ ist keine Minutenzahl.")],
    ),
    "superscript digit as minutes": (
        _one_row("01.02.2023", "Much", "einmalig", "", "wohnen", "²"),
        [RowProblem(2, "Dauer", "„²“ ist keine Minutenzahl.")],
    ),
    "zero minutes": (
        _one_row("01.02.2023", "Much", "einmalig", "", "wohnen", "0"),
        [RowProblem(2, "Dauer", "Erlaubt ist eine ganze Zahl von 1 bis 1440.")],
    ),
    "unknown program": (
        csv_bytes(
            [
                ["Datum", "Kommune", "Art", "Themen", "Programm"],
                ["01.02.2023", "Much", "einmalig", "wohnen", "ESF"],
            ]
        ),
        [RowProblem(2, "Programm", "„ESF“ ist weder KIM noch MuKi-S.")],
    ),
    "unknown setting and mediation": (
        csv_bytes(
            [
                ["Datum", "Kommune", "Art", "Themen", "Setting", "Sprachmittlung"],
                ["01.02.2023", "Much", "einmalig", "wohnen", "Park", "Google"],
            ]
        ),
        [
            RowProblem(2, "Setting", "„Park“ ist unbekannt."),
            RowProblem(2, "Sprachmittlung", "„Google“ ist unbekannt."),
        ],
    ),
}


@pytest.mark.parametrize("case", list(BAD_ROWS), ids=list(BAD_ROWS))
def test_bad_row_is_reported_and_nothing_stored(cm_ws, tmp_path, case):
    data, expected = BAD_ROWS[case]
    error = import_fails(cm_ws, write(tmp_path, "liste.csv", data))
    assert error.problems == expected
    assert str(error) == "Die Datei liste.csv wurde nicht importiert: 1 Zeile ist fehlerhaft."


def test_one_day_ahead_is_tolerated_and_minutes_with_decimal_zeros(cm_ws, tmp_path):
    # Tomorrow passes (time zones, laptops with a wrong clock); "30,00" is 30 minutes, not 300.
    data = csv_bytes(
        [
            GOOD_HEADER,
            ["01.07.2024", "Much", "einmalig", "", "wohnen", "30,00"],
            ["01.01.2015", "Much", "einmalig", "", "wohnen", "1440"],
        ]
    )
    result = import_legacy(cm_ws, write(tmp_path, "rand.csv", data), today=TODAY)
    assert result.imported == 2
    assert [(c["occurred_on"], c["duration_min"]) for c in consultations(cm_ws)] == [
        (date(2024, 7, 1), 30),
        (date(2015, 1, 1), 1440),
    ]


def _xlsx_bytes() -> bytes:
    book = openpyxl.Workbook()
    book.active.append(GOOD_HEADER)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _zip_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("readme.txt", "kein Excel")
    return out.getvalue()


BAD_FILES = {
    "missing Datum": (
        "liste.csv",
        csv_bytes([["Kommune", "Art", "Themen"], ["Much", "einmalig", "wohnen"]]),
        "In der Datei liste.csv fehlen die Spalten Datum (erwartet werden Datum, Kommune, Art, "
        "Programm, Fall, Themen, Verweise, Dauer, Setting, Sprachmittlung, Geschlecht, "
        "Altersgruppe, Staatsangehörigkeit, Aufenthalt).",
    ),
    "missing several": (
        "liste.csv",
        csv_bytes([["Vorname", "Nachname"], ["Erika", "Mustermann"]]),
        "In der Datei liste.csv fehlen die Spalten Datum, Kommune, Art, Themen (erwartet werden "
        "Datum, Kommune, Art, Programm, Fall, Themen, Verweise, Dauer, Setting, Sprachmittlung, "
        "Geschlecht, Altersgruppe, Staatsangehörigkeit, Aufenthalt).",
    ),
    "duplicate column": (
        "liste.csv",
        csv_bytes(
            [
                ["Datum", "Kommune", "Art", "Themen", " THEMEN "],
                ["01.02.2023", "Much", "einmalig", "wohnen", "deutsch"],
            ]
        ),
        "Die Spalte Themen kommt in der Datei liste.csv zweimal vor.",
    ),
    "empty file": ("liste.csv", b"", "Die Datei liste.csv ist leer."),
    "only BOM and blank lines": (
        "liste.csv",
        b"\xef\xbb\xbf\r\n\r\n",
        "Die Datei liste.csv ist leer.",
    ),
    "header only": (
        "liste.csv",
        csv_bytes([GOOD_HEADER]),
        "Die Datei liste.csv enthält keine Beratungen.",
    ),
    "header and empty rows": (
        "liste.csv",
        csv_bytes([GOOD_HEADER, [""] * 6, [" "] * 6]),
        "Die Datei liste.csv enthält keine Beratungen.",
    ),
    "CSV renamed to xlsx": (
        "liste.xlsx",
        csv_bytes([GOOD_HEADER, ["01.02.2023", "Much", "einmalig", "", "wohnen", ""]]),
        "Die Datei liste.xlsx endet auf .xlsx, ist aber keine Excel-Arbeitsmappe (vielleicht "
        "eine umbenannte CSV-Datei); bitte als .csv speichern oder umbenennen.",
    ),
    "empty workbook": (
        "liste.xlsx",
        _xlsx_bytes(),
        "Die Datei liste.xlsx enthält keine Beratungen.",
    ),
    "truncated workbook": (
        "liste.xlsx",
        _xlsx_bytes()[:2000],
        "Die Datei liste.xlsx ist keine lesbare Excel-Arbeitsmappe.",
    ),
    "zip that is no workbook": (
        "liste.xlsx",
        _zip_bytes(),
        "Die Datei liste.xlsx ist keine lesbare Excel-Arbeitsmappe.",
    ),
    "old xls": (
        "liste.xls",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
        "alten Excel-Format (.xls)",
    ),
    "random bytes": (
        "liste.csv",
        random.Random(7).randbytes(4096),
        "Die Zeichenkodierung der Datei liste.csv ist weder UTF-8 noch Windows-1252.",
    ),
    "binary with NUL bytes": (
        "liste.csv",
        b"Datum;Kommune\x00\x00\x01;Art\r\n",
        "Die Datei liste.csv ist keine Textdatei (CSV).",
    ),
}


@pytest.mark.parametrize("case", list(BAD_FILES), ids=list(BAD_FILES))
def test_bad_file_is_refused_with_clear_message(cm_ws, tmp_path, case):
    name, data, message = BAD_FILES[case]
    error = import_fails(cm_ws, write(tmp_path, name, data), LegacyFileError)
    assert isinstance(error, KimdeskError)
    assert message in str(error)


def test_missing_file(cm_ws, tmp_path):
    error = import_fails(cm_ws, tmp_path / "fehlt.csv", KimdeskError)
    assert str(error) == f"Die Datei {tmp_path / 'fehlt.csv'} gibt es nicht."


# -- the same file twice ---------------------------------------------------------------------

SMALL = [
    ["Datum", "Kommune", "Art", "Fall", "Themen", "Name"],
    ["01.02.2023", "Much", "einmalig", "", "wohnen", "Erika Mustermann"],
    ["02.02.2023", "Much", "CM", "Z-1", "deutsch", "Erika Mustermann"],
]


def test_same_file_twice_is_refused(cm_ws, tmp_path):
    data = csv_bytes(SMALL)
    path = write(tmp_path, "liste.csv", data)
    import_legacy(cm_ws, path, today=TODAY)
    with cm_ws.store.connect() as conn:
        imported_at = conn.execute(select(legacy_t.c.imported_at)).scalar_one()

    error = import_fails(cm_ws, path, KimdeskError)
    assert str(error) == (
        f"Die Datei liste.csv wurde bereits am {imported_at:%d.%m.%Y} importiert "
        "(2 Beratungen); sie wird nicht noch einmal übernommen."
    )
    # Recognised by content, not by name.
    copy = write(tmp_path, "kopie.csv", data)
    assert "wurde bereits am" in str(import_fails(cm_ws, copy, KimdeskError))
    assert len(consultations(cm_ws)) == 2


# -- command line ----------------------------------------------------------------------------


def test_cli_import_then_same_file_again(cli, cm_file, tmp_path):
    path = write(tmp_path, "liste.csv", csv_bytes(SMALL))

    code, out, err = cli("import-legacy", "--store", cm_file, path, passphrase=CM_PASS)
    assert (code, err) == (0, "")
    assert out == "Übernommen: 2 Beratungen, 1 neuer Fall.\nNicht übernommene Spalten: Name\n"

    code, out, err = cli("import-legacy", "--store", cm_file, path, passphrase=CM_PASS)
    assert (code, out) == (1, "")
    assert re.fullmatch(
        r"kimdesk: Die Datei liste\.csv wurde bereits am \d\d\.\d\d\.\d{4} importiert "
        r"\(2 Beratungen\); sie wird nicht noch einmal übernommen\.\n",
        err,
    )
    assert "Traceback" not in err


def test_cli_bad_rows_then_skip_invalid(cli, cm_file, tmp_path):
    path = write(tmp_path, "gemischt.csv", csv_bytes(MIXED_ROWS))

    code, out, err = cli("import-legacy", "--store", cm_file, path, passphrase=CM_PASS)
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "kimdesk: Die Datei gemischt.csv wurde nicht importiert: 6 Zeilen sind fehlerhaft.",
        "  Zeile 3, Spalte Themen: „Zauberei“ ist unbekannt.",
        "  Zeile 4, Spalte Datum: „31.02.2023“ ist ein unmögliches Datum.",
        "  Zeile 4, Spalte Kommune: „Atlantis“ ist keine bekannte Kommune.",
        "  Zeile 5, Spalte Fall: Eine CM-Beratung braucht eine Fallnummer.",
        "  Zeile 6, Spalte Dauer: „abc“ ist keine Minutenzahl.",
        "  Zeile 8, Spalte Dauer: Erlaubt ist eine ganze Zahl von 1 bis 1440.",
        "  Zeile 9, Spalte Kommune: „=HYPERLINK(1)“ ist keine bekannte Kommune.",
        "  Mit --skip-invalid werden die fehlerfreien Zeilen übernommen.",
    ]
    assert "Mustermann" not in err and "Zoe Zauber" not in err

    code, out, err = cli(
        "import-legacy", "--store", cm_file, path, "--skip-invalid", passphrase=CM_PASS
    )
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Übernommen: 2 Beratungen, 1 neuer Fall.",
        "Nicht übernommene Spalten: Name",
        f"Abgelehnt: 6 Zeilen, siehe {tmp_path / 'gemischt.csv.rejected.csv'}",
    ]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("leer.csv", b"", "kimdesk: Die Datei leer.csv ist leer.\n"),
        (
            "liste.xlsx",
            csv_bytes(SMALL),
            "kimdesk: Die Datei liste.xlsx endet auf .xlsx, ist aber keine Excel-Arbeitsmappe "
            "(vielleicht eine umbenannte CSV-Datei); bitte als .csv speichern oder umbenennen.\n",
        ),
    ],
)
def test_cli_bad_file_one_line_on_stderr(cli, cm_file, tmp_path, name, data, message):
    path = write(tmp_path, name, data)
    code, out, err = cli("import-legacy", "--store", cm_file, path, passphrase=CM_PASS)
    assert (code, out, err) == (1, "", message)


def test_cli_usage_error(cli, cm_file):
    code, _, err = cli("import-legacy", "--store", cm_file, passphrase=CM_PASS)
    assert code == 2
    assert "Aufruf fehlerhaft" in err and "Traceback" not in err


# -- audit -----------------------------------------------------------------------------------


def test_import_leaves_audit_entries_with_ids_only(cm_ws, tmp_path):
    with cm_ws.store.connect() as conn:
        audit_before = conn.execute(select(audit_t.c.seq)).scalars().all()
    path = write(tmp_path, "Liste Familie Mustermann.csv", csv_bytes(GERMAN_ROWS))
    progress: list[tuple[int, int | None]] = []

    import_legacy(
        cm_ws, path, today=TODAY, progress=lambda done, total: progress.append((done, total))
    )

    assert progress[-1] == (3, 3)
    with cm_ws.store.connect() as conn:
        entries = conn.execute(
            select(audit_t).where(audit_t.c.seq.not_in(audit_before)).order_by(audit_t.c.seq)
        ).all()
        batch = conn.execute(select(legacy_t.c.id)).scalar_one()
    consultation_ids = [c["id"] for c in consultations(cm_ws)]
    (case,) = cases(cm_ws)
    origin = cm_ws.installation.id

    assert [(e.action, e.entity, e.record_id) for e in entries] == [
        ("create", "case", case["id"]),
        *[("create", "consultation", cid) for cid in consultation_ids],
        ("import", "legacy_import", batch),
    ]
    assert {e.installation_id for e in entries} == {origin}
    assert [e.detail for e in entries] == [f"legacy-import {batch}"] * 4 + [
        "3 Beratungen, 0 abgelehnt"
    ]
    for e in entries:
        assert UUID.match(e.record_id)
        for needle in ("Mustermann", "A-17", "Königswinter", "05382024", "Aufenthalt", ".csv"):
            assert needle not in (e.detail or "")


# -- robustness ------------------------------------------------------------------------------

NASTY = [
    "👩‍👩‍👧‍👦🇩🇪",
    "مرحبا بالعالم",
    "\u202eevil\u202c",
    "שלום",
    "x" * 5000,
    "9" * 5000,
    "=cmd|' /C calc'!A0",
    "-1",
    '"quoted";with,delims|',
    "line\r\nbreak",
    "\ufeffDatum",
    "  ",
    "²",
    "٣٠",
    "𝟚𝟘𝟚𝟛-𝟘𝟙-𝟘𝟙",
    "0001-01-01",
    "99.99.9999",
    "CM",
    "A-1",
]
VALID = {
    "Datum": ["01.02.2023", "2023-03-04", "31.02.2023"],
    "Kommune": ["Much", "05382024", "Königswinter"],
    "Art": ["einmalig", "CM"],
    "Programm": ["", "MuKi-S"],
    "Fall": ["", "A-1", "a-1 "],
    "Themen": ["wohnen", "deutsch|Arbeit"],
    "Verweise": ["", "ABH, Kita"],
    "Dauer": ["", "45", "30,0"],
    "Setting": ["", "telefon"],
    "Sprachmittlung": ["", "vasco"],
    "Notiz": ["", "Erika"],
}


def _cell(column: str):
    valid = st.sampled_from(VALID[column])
    text = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=30)
    # Mostly valid cells, so that many examples reach the store; the rest is hostile.
    return st.one_of(valid, valid, valid, st.sampled_from(NASTY), text)


_row = st.fixed_dictionaries({column: _cell(column) for column in VALID})


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    rows=st.lists(_row, min_size=1, max_size=4),
    skip_invalid=st.booleans(),
    encoding=st.sampled_from(["utf-8", "utf-8-bom"]),
    # A NUL byte anywhere makes the whole file "no text file": only now and then.
    nul_column=st.sampled_from([*([None] * 50), *VALID]),
)
def test_arbitrary_cell_text_never_crashes(
    cm_ws, tmp_path, rows, skip_invalid, encoding, nul_column
):
    header = list(VALID)
    table = [header, *([row[c] for c in header] for row in rows)]
    if nul_column is not None:
        table[1][header.index(nul_column)] += "\x00"
    # A serial number keeps examples apart: hypothesis may repeat one, the sha256 must differ.
    test_arbitrary_cell_text_never_crashes.serial = serial = (
        getattr(test_arbitrary_cell_text_never_crashes, "serial", 0) + 1
    )
    table[0].append("Nr")
    for row in table[1:]:
        row.append(str(serial))
    data = csv_bytes(table, encoding="utf-8", bom=encoding == "utf-8-bom")
    path = write(tmp_path, f"h{serial}.csv", data)
    before = dump(cm_ws)

    try:
        result = import_legacy(cm_ws, path, skip_invalid=skip_invalid, today=TODAY)
    except (LegacyImportError, LegacyFileError) as exc:
        event(re.sub(r"h\d+\.csv", "FILE", str(exc))[:60])
        assert dump(cm_ws) == before
        return
    event("imported with rejections" if result.rejected else "imported")
    assert result.imported + result.rejected >= 1
    assert (result.rejected_file is not None) == (result.rejected > 0)
    if result.rejected_file is not None:
        text = result.rejected_file.read_bytes().decode("utf-8-sig")
        assert text.startswith("Zeile;")
        result.rejected_file.unlink()
    after = dump(cm_ws)
    assert len(after["consultation"]) == len(before["consultation"]) + result.imported
    assert len(after["legacy_import"]) == len(before["legacy_import"]) + 1


# -- found while writing the tests above -----------------------------------------------------


def test_ags_typed_as_a_number_loses_its_zero_and_is_still_found(cm_ws, tmp_path):
    path = write(
        tmp_path, "ags.csv", _one_row("01.02.2023", "5382024", "einmalig", "", "wohnen", "")
    )
    import_legacy(cm_ws, path, today=TODAY)
    assert [c["municipality"] for c in consultations(cm_ws)] == ["05382024"]
    # Only the lost leading zero is forgiven: a different number stays unknown.
    other = write(
        tmp_path, "x.csv", _one_row("01.02.2023", "5382025", "einmalig", "", "wohnen", "")
    )
    error = import_fails(cm_ws, other)
    assert error.problems == [RowProblem(2, "Kommune", "„5382025“ ist keine bekannte Kommune.")]


def test_skip_invalid_with_no_good_row_imports_nothing_and_the_file_can_come_again(cm_ws, tmp_path):
    path = write(tmp_path, "alle.csv", _one_row("31.02.2023", "Much", "einmalig", "", "wohnen", ""))
    error = import_fails(cm_ws, path, skip_invalid=True)
    assert error.rejected_file == tmp_path / "alle.csv.rejected.csv"
    assert "keine Zeile ist fehlerfrei" in str(error)
    assert "31.02.2023" in error.rejected_file.read_text(encoding="utf-8-sig")
    # Nothing was recorded as imported: the corrected file is welcome, and so is this one.
    with cm_ws.store.connect() as conn:
        assert conn.execute(select(legacy_t.c.id)).all() == []


def test_one_consultation_already_imported_is_singular(cm_ws, tmp_path):
    path = write(tmp_path, "eins.csv", _one_row("01.02.2023", "Much", "einmalig", "", "wohnen", ""))
    import_legacy(cm_ws, path, today=TODAY)
    assert "(1 Beratung);" in str(import_fails(cm_ws, path, KimdeskError))


def test_failed_import_leaves_no_rejected_listing(cm_ws, tmp_path):
    """If the store transaction fails, no FILE.rejected.csv claims the good rows were taken."""
    rows = csv_bytes(
        [
            GOOD_HEADER,
            ["01.02.2023", "Much", "einmalig", "", "wohnen", ""],
            ["31.02.2023", "Much", "einmalig", "", "wohnen", ""],
        ]
    )
    path = write(tmp_path, "halb.csv", rows)
    # A fault at the very end of the transaction, after the consultations went in.
    with cm_ws.store.begin() as conn:
        conn.exec_driver_sql(
            "CREATE TRIGGER injected_fault BEFORE INSERT ON legacy_import "
            "BEGIN SELECT RAISE(ABORT, 'injected fault'); END"
        )
    before = dump(cm_ws)
    with pytest.raises(Exception, match="injected fault"):
        import_legacy(cm_ws, path, today=TODAY, skip_invalid=True)
    assert dump(cm_ws) == before
    assert not (tmp_path / "halb.csv.rejected.csv").exists()
    assert not list(tmp_path.glob(".halb.csv.rejected.csv.tmp*"))


def test_an_earlier_listing_of_rejected_rows_is_never_overwritten(cm_ws, tmp_path):
    """Earlier listings stay as they were; the new one takes the next free number. The path
    may be given as text, as a script would."""
    path = write(tmp_path, "gemischt.csv", csv_bytes(MIXED_ROWS))
    first = tmp_path / "gemischt.csv.rejected.csv"
    second = tmp_path / "gemischt.csv.rejected-2.csv"
    first.write_text("eine ältere Liste")
    second.write_text("noch eine")
    result = import_legacy(cm_ws, str(path), skip_invalid=True, today=TODAY)
    assert result.rejected_file == tmp_path / "gemischt.csv.rejected-3.csv"
    assert result.rejected_file.read_bytes().startswith(b"\xef\xbb\xbf")
    assert (first.read_text(), second.read_text()) == ("eine ältere Liste", "noch eine")


def test_the_second_listing_is_numbered_2(cm_ws, tmp_path):
    path = write(tmp_path, "gemischt.csv", csv_bytes(MIXED_ROWS))
    (tmp_path / "gemischt.csv.rejected.csv").write_text("eine ältere Liste")
    result = import_legacy(cm_ws, path, skip_invalid=True, today=TODAY)
    assert result.rejected_file == tmp_path / "gemischt.csv.rejected-2.csv"


def test_a_row_shorter_than_the_header_reads_its_missing_cells_as_empty(cm_ws, tmp_path):
    """Excel leaves out empty cells at the end of a row; the optional last column is empty."""
    data = b"Datum;Kommune;Art;Themen;Dauer\r\n09.01.2023;Troisdorf;einmalig;Wohnen\r\n"
    result = import_legacy(cm_ws, write(tmp_path, "kurz.csv", data), today=TODAY)
    assert result.imported == 1
    (row,) = consultations(cm_ws)
    assert row["duration_min"] is None
