"""The county's report to the Land (issue 20, docs/report-format.md): every statistic of
``stats`` for one reporting period, as it may be published — the county profile's publication
rules applied, secondary suppression included — in a versioned document the Land's database
validates against ``resources/schemas/county-report-1.schema.json``.

What a report never holds: a record (the structural needs' list with its texts), the devices
that sent bundles (``sources``), or a count the rules hide (``"•"`` in its place). The
document is built here; signing it and encrypting it to the Land's key follow the bundle's
container (to come with ``kimdesk report``).
"""

from __future__ import annotations

from datetime import date

from kimdesk.domain.enums import Role
from kimdesk.domain.ids import utc_now
from kimdesk.domain.periods import parse_period

from . import statistics
from .excel_csv import excel_csv
from .workspace import Workspace, require_role

FORMAT = "kimdesk-county-report"
VERSION = 1
#: Parts of the statistics report a county report leaves out: records and bookkeeping.
_LEFT_OUT = ("generated_at", "filters", "sources", "profile", "publication", "report_version")


def county_report(ws: Workspace, period: str, *, today: date | None = None) -> dict:
    """The report of this office's county for ``period`` (2023, 2023-H1, 2023-Q2)."""
    require_role(ws, Role.OFFICE, "Der Bericht an das Land")
    chosen = parse_period(period, today=today)
    filters = statistics.make_filters(ws, date_from=chosen.start, date_to=chosen.end)
    figures = statistics.statistics(ws, filters, publication=True)
    for key in _LEFT_OUT:
        figures.pop(key, None)
    needs = figures["structural_needs"]
    needs.pop("items", None)  # each a record, with its own words: never to the Land
    catalog = ws.catalog
    return {
        "format": FORMAT,
        "version": VERSION,
        "county": {
            "ags": catalog.county,
            "name": catalog.name,
            "profile": catalog.profile,
            "profile_version": catalog.version,
        },  # fmt: skip
        "period": {
            "key": chosen.key,
            "from": chosen.start.isoformat(),
            "to": chosen.end.isoformat(),
            "complete": chosen.ended_by(today or date.today()),
        },  # fmt: skip
        "office": {"installation_id": ws.installation.id, "name": ws.installation.name},
        "created_at": utc_now().isoformat(timespec="seconds"),
        "min_count": catalog.min_count,
        "figures": figures,
    }


# -- the same figures as CSV (for a county that delivers by upload) --------------------------

CSV_HEADER = ["ags", "period", "figure", "type", "value"]
#: The ``type`` column: how ``value`` reads back.
HIDDEN = "•"


def cells(figures, prefix: str = "") -> list[tuple[str, str, object]]:
    """Every figure as (path, type, value): keys joined by ``/`` (codes never hold one), list
    items by their position; type ``number``, ``hidden`` (•), ``code`` (a code that may look
    like a number: an AGS), ``none``, or ``table``/``list`` for an empty one."""
    found: list[tuple[str, str, object]] = []
    items = figures.items() if isinstance(figures, dict) else enumerate(figures)
    for key, value in items:
        path = f"{prefix}{key}"
        if isinstance(value, dict | list) and value:
            found += cells(value, path + "/")
        elif isinstance(value, dict | list):  # empty: kept, so the file reads back whole
            found.append((path, "table" if isinstance(value, dict) else "list", ""))
        elif value is None:
            found.append((path, "none", ""))
        elif value == HIDDEN:
            found.append((path, "hidden", HIDDEN))
        elif isinstance(value, str):
            found.append((path, "code", value))
        else:
            found.append((path, "number", value))
    return found


def county_csv(report: dict) -> bytes:
    """The report's figures as rows of ``ags;period;figure;type;value``
    (docs/report-format.md): for a county that uploads instead of sending the file."""
    ags, period = report["county"]["ags"], report["period"]["key"]
    return excel_csv(CSV_HEADER, [(ags, period, path, kind, value)
                                  for path, kind, value in cells(report["figures"])])  # fmt: skip
