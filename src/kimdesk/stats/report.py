"""The statistics report: all figures of S1–S12 for one set of filters, as one dict.

``compute`` returns the structure ``kimdesk stats --json`` prints (docs/statistics.md); the workbook,
the charts and the GUI read the same dict.
"""

from __future__ import annotations

from copy import deepcopy
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.engine import Connection

from kimdesk.domain.catalog import DEFAULT_MIN_COUNT
from kimdesk.domain.text import printable
from kimdesk.store.models import BundleIn, BundleOut, Peer

from . import queries, reach
from .filters import Filters
from .suppression import get, put, suppress

REPORT_VERSION = 1


def compute(conn: Connection, filters: Filters, *, generated_at: datetime) -> dict:
    cells = queries.cube(conn, filters)  # the consultations, counted once for all below
    return {
        "report_version": REPORT_VERSION,
        "generated_at": generated_at.isoformat(timespec="seconds"),
        "filters": filters.as_json(),
        "publication": False,
        "consultations": queries.consultations(conn, filters, cells),
        "referrals": queries.referrals(conn, filters),
        "topics": queries.topics(conn, filters),
        "cases": queries.cases(conn, filters),
        "group_offers": queries.group_offers(conn, filters),
        "structural_needs": queries.structural_needs(conn, filters),
        "staffing": queries.staffing(conn, filters, cells),
        "reached": reach.reached(conn, filters, generated_at.date(), cells),
        "outcomes": reach.outcomes(conn, filters),
        "sources": sources(conn),
    }


def sources(conn: Connection) -> list[dict]:
    """Which bundles of which installation the figures include (office), or were sent (device)."""
    bundle_in, peer = BundleIn.__table__, Peer.__table__
    received = conn.execute(
        select(bundle_in.c.installation_id, peer.c.name, bundle_in.c.seq, bundle_in.c.created_at)
        .select_from(
            bundle_in.outerjoin(peer, peer.c.installation_id == bundle_in.c.installation_id)
        )
        .order_by(peer.c.name, bundle_in.c.seq)
    ).all()
    if received:
        grouped: dict[str, dict] = {}
        for inst, name, seq, created in received:
            item = grouped.setdefault(
                inst,
                {
                    "installation": inst,
                    "name": printable(name or inst),
                    "bundles": [],
                    "latest": None,
                },
            )
            item["bundles"].append(seq)
            item["latest"] = created.isoformat(timespec="seconds")
        return list(grouped.values())
    bundle_out = BundleOut.__table__
    sent = conn.execute(select(bundle_out.c.seq).order_by(bundle_out.c.seq)).scalars().all()
    return [{"installation": "local", "name": "dieses Gerät", "bundles": sent, "latest": None}]


#: What publication mode shows in place of a hidden count (small, or hidden to protect one).
HIDDEN = "•"


#: Tables of shares (``{code: {"n", "pct"}}``) and the count their shares are of.
SHARE_TABLES = [
    (("referrals", "by_target"), ("referrals", "total")),
    (("topics", "by_topic"), ("topics", "mentions")),
    *((("reached", table), ("reached", "persons"))
      for table in ("by_gender", "by_age_group", "by_nationality", "by_residence", "by_arrival")),
    (("reached", "by_access_route"), ("reached", "cases")),
    (("reached", "language_mediation", "by_kind"), ("reached", "language_mediation", "consultations")),
]  # fmt: skip


def for_publication(report: dict, min_count: int = DEFAULT_MIN_COUNT) -> dict:
    """The report as it may be published: counts from 1 to ``min_count - 1`` hidden, and as
    many more as keep each hidden count from being worked out (``suppression``). A share is
    hidden with its count, and all shares of a table whose total is hidden (a share and its
    count give the total); a median or percentile of a hidden number of cases with it."""
    result = deepcopy(report)
    hidden = suppress(report, min_count)
    for path in hidden:
        put(result, path, HIDDEN)
    for table, total in SHARE_TABLES:
        if table[0] not in result:
            continue
        for code, share in get(result, table).items():
            if total in hidden or (*table, code, "n") in hidden:
                share["pct"] = None
    con = result["consultations"]
    for kind in con["by_kind"]:
        if ("consultations", "total") in hidden or ("consultations", "by_kind", kind) in hidden:
            con["by_kind_pct"][kind] = None
    if "reached" in result:
        mediation = ("reached", "language_mediation")
        if {(*mediation, "with"), (*mediation, "consultations")} & hidden:
            result["reached"]["language_mediation"]["pct"] = None
    if "outcomes" in result and ("outcomes", "case_days", "cases") in hidden:
        result["outcomes"]["case_days"].update(median=None, p75=None)
    # A table ranked by count tells how its hidden rows compare: in code order it tells nothing.
    for table in [t for t, _ in SHARE_TABLES] + [("outcomes", "closed_by_reason")]:
        if table[0] in result:
            rows = get(result, table)
            put(result, table, dict(sorted(rows.items(), key=lambda kv: code_order(kv[0]))))
    if any(("topics", "by_topic", t, "n") in hidden for t in report["topics"]["by_topic"]):
        result["topics"]["top5"] = None  # which are the largest would rank the hidden ones
    result["publication"] = True
    # How many cells are hidden, not how many were small: equal numbers would say every "•"
    # is 1 to 4.
    result["suppression"] = {"min_count": min_count, "hidden": len(hidden)}
    return result


def code_order(code: str) -> tuple:
    """Codes in their own order; "other" and "unknown" last, as the tables show them."""
    return ({"other": 1, "unknown": 2}.get(code, 0), code)
