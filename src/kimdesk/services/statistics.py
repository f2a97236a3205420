"""Statistics use cases: the report for a store and filters, and its exports."""

from __future__ import annotations

from datetime import date

from kimdesk.domain.dates import DateInputError, written_date
from kimdesk.domain.enums import Role
from kimdesk.domain.errors import KimdeskError
from kimdesk.domain.ids import utc_now
from kimdesk.domain.periods import parse_period
from kimdesk.stats.filters import Filters
from kimdesk.stats.report import compute, for_publication

from .trust import trusted_peers
from .workspace import Workspace


def parse_day(text: str, what: str) -> date:
    try:
        return written_date(text)
    except DateInputError as exc:
        raise KimdeskError(f"{what}: {exc}") from None


def make_filters(
    ws: Workspace,
    *,
    date_from: str | date | None = None,
    date_to: str | date | None = None,
    municipality: str | None = None,
    program: str | None = None,
    installation: str | None = None,
    period: str | None = None,
) -> Filters:
    """Filters from user input: dates in German or ISO form, or a reporting period (2023,
    2023-H1, 2023-Q2: ``domain.periods``) instead; municipality by name or AGS."""
    if period is not None:
        if date_from is not None or date_to is not None:
            raise KimdeskError("Bitte entweder einen Zeitraum (--period) oder Anfangs- und "
                               "Enddatum (--from, --to) angeben, nicht beides.")  # fmt: skip
        chosen = parse_period(period)
        date_from, date_to = chosen.start, chosen.end
    start = parse_day(date_from, "Das Anfangsdatum") if isinstance(date_from, str) else date_from
    end = parse_day(date_to, "Das Enddatum") if isinstance(date_to, str) else date_to
    if start and end and start > end:
        raise KimdeskError("Der Zeitraum ist leer: das Anfangsdatum liegt nach dem Enddatum.")
    name = None
    if installation:
        with ws.store.connect() as conn:
            known = {p.installation_id: p.name
                     for p in trusted_peers(ws.installation, conn, role=Role.CASEMANAGER)}  # fmt: skip
        known[ws.installation.id] = ws.installation.name
        if installation not in known:
            raise KimdeskError("Dieses Gerät ist der Kreisstelle nicht bekannt.")
        name = known[installation]
    return Filters(
        start,
        end,
        _code(ws, "municipality", municipality, "keine Kommune"),
        _code(ws, "program", program, "kein Programm"),
        installation or None,
        name,
    )


def _code(ws: Workspace, catalog: str, text: str | None, what: str) -> str | None:
    """The catalog code for user text (code, label or alias), or a German error."""
    if not text:
        return None
    entry = ws.catalog.resolve(catalog, text, active_only=False)
    if entry is None:
        raise KimdeskError(f"„{text}“ ist {what} des Profils.")
    return entry.code


def statistics(ws: Workspace, filters: Filters, *, publication: bool = False) -> dict:
    with ws.store.connect() as conn:
        report = compute(conn, filters, generated_at=utc_now())
    report["profile"] = {
        "profile": ws.catalog.profile,
        "name": ws.catalog.name,
        "county": ws.catalog.county,
    }
    return for_publication(report, ws.catalog.min_count) if publication else report
