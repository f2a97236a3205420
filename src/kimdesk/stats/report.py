"""The statistics report: all figures of S1–S10 for one set of filters, as one dict.

``compute`` returns the structure ``kimdesk stats --json`` prints (DESIGN §7); the workbook,
the charts and the GUI read the same dict.
"""

from __future__ import annotations

from copy import deepcopy
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.engine import Connection

from kimdesk.domain.text import printable
from kimdesk.store.models import BundleIn, BundleOut, Peer

from . import queries, reach
from .filters import Filters

SMALL = 5
REPORT_VERSION = 1


def compute(conn: Connection, filters: Filters, *, generated_at: datetime) -> dict:
    return {
        "report_version": REPORT_VERSION,
        "generated_at": generated_at.isoformat(timespec="seconds"),
        "filters": filters.as_json(),
        "publication": False,
        "consultations": queries.consultations(conn, filters),
        "referrals": queries.referrals(conn, filters),
        "topics": queries.topics(conn, filters),
        "cases": queries.cases(conn, filters),
        "group_offers": queries.group_offers(conn, filters),
        "structural_needs": queries.structural_needs(conn, filters),
        "staffing": queries.staffing(conn, filters),
        "reached": reach.reached(conn, filters, generated_at.date()),
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
                {"installation": inst, "name": printable(name or inst), "bundles": [], "latest": None},
            )
            item["bundles"].append(seq)
            item["latest"] = created.isoformat(timespec="seconds")
        return list(grouped.values())
    bundle_out = BundleOut.__table__
    sent = conn.execute(select(bundle_out.c.seq).order_by(bundle_out.c.seq)).scalars().all()
    return [{"installation": "local", "name": "dieses Gerät", "bundles": sent, "latest": None}]


def _suppress(value):
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value < SMALL:
        return "<5"
    return value


def _walk(node, in_share: bool = False):
    if isinstance(node, dict):
        if set(node) == {"n", "pct"}:
            small = isinstance(node["n"], int) and 0 < node["n"] < SMALL
            return {"n": _suppress(node["n"]), "pct": None if small else node["pct"]}
        return {k: _walk(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_walk(v) for v in node]
    return _suppress(node)


_KEEP = {"report_version", "generated_at", "filters", "publication", "sources"}


def for_publication(report: dict) -> dict:
    """Counts 1–4 shown as "<5" (and their shares hidden): small cells identify people."""
    result = deepcopy(report)
    for key, value in report.items():
        if key not in _KEEP:
            result[key] = _walk(value)
    # Lists of codes and per-row labels are not counts.
    result["staffing"]["municipality_codes"] = report["staffing"]["municipality_codes"]
    result["topics"]["top5"] = report["topics"]["top5"]
    for key in ("by_place", "by_place_month"):
        for row, original in zip(
            result["group_offers"][key], report["group_offers"][key], strict=True
        ):
            for label in ("month", "municipality", "format"):
                if label in original:
                    row[label] = original[label]
    for row, original in zip(
        result["structural_needs"]["items"], report["structural_needs"]["items"], strict=True
    ):
        for key in ("reported_on", "municipality", "topic", "challenge", "solution", "status",
                    "responsible_body"):  # fmt: skip
            row[key] = original[key]
    # A share of a hidden count would reveal it.
    kinds = report["consultations"]["by_kind"]
    result["consultations"]["by_kind_pct"] = {
        k: (None if 0 < kinds[k] < SMALL else v)
        for k, v in report["consultations"]["by_kind_pct"].items()
    }
    result["publication"] = True
    return result
