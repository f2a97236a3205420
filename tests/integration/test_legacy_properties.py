"""Property-based bad input for the legacy importer: any cell content — emoji, right-to-left
text, NUL bytes, impossible dates, huge cells — is imported or refused with German reasons
per row, never a crash, and a refused file changes nothing."""

from __future__ import annotations

import itertools
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kimdesk.domain.errors import KimdeskError
from kimdesk.services.consultations import ConsultationFilter, consultation_ids
from kimdesk.services.legacy_import import LegacyImportError, import_legacy

CELL = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.sampled_from("אבגدهوز‏😀\x00\u202e;,|\"\n"), max_size=20),
    st.sampled_from(["31.02.2023", "2023-13-01", "00.00.0000", "29.02.2024", "Troisdorf",
                     "CM", "einmalig", "Wohnen|Deutsch", "-5", "99999999999"]),
)  # fmt: skip
ROW = st.tuples(CELL, CELL, CELL, CELL, CELL, CELL)
_names = itertools.count()


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(rows=st.lists(ROW, min_size=1, max_size=6), skip=st.booleans())
def test_any_cells_are_imported_or_refused_clearly(cm_ws, rows, skip):
    before = consultation_ids(cm_ws, ConsultationFilter())
    folder = Path(tempfile.mkdtemp())
    path = folder / f"liste-{next(_names)}.csv"
    lines = ["Datum;Kommune;Art;Fall;Themen;Verweise"]
    lines += [";".join(c.replace(";", ",").replace("\n", " ") for c in row) for row in rows]
    path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    try:
        result = import_legacy(cm_ws, path, skip_invalid=skip)
    except LegacyImportError as exc:
        assert consultation_ids(cm_ws, ConsultationFilter()) == before
        for problem in exc.problems:
            assert problem.row >= 2 and problem.reason and "\x00" not in problem.reason
    except KimdeskError as exc:  # e.g. the file has no usable row at all
        assert str(exc) and consultation_ids(cm_ws, ConsultationFilter()) == before
    else:
        after = consultation_ids(cm_ws, ConsultationFilter())
        assert len(after) == len(before) + result.imported
