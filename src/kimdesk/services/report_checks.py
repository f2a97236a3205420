"""What the Land checks in a county report's document after its signature is good (issue 20,
docs/report-format.md, "Reading it at the Land"): the format and version, the exact shape
(``report_shape``), the office named being the signer, the period and its days, a county of
KIM NRW with only its own places, a time of writing, no shown count below the county's
threshold, and totals that add up. Each refusal is a ``BundleRejected`` with its reason.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

from kimdesk.domain.errors import KimdeskError
from kimdesk.domain.hints import personal_data_hints
from kimdesk.domain.ids import utc_now
from kimdesk.domain.periods import Period, parse_period
from kimdesk.domain.text import printable
from kimdesk.stats.report import HIDDEN
from kimdesk.stats.suppression import counts, get
from kimdesk.sync.reasons import BundleRejected, Reason

from .county_report import FORMAT, VERSION
from .profile import in_county, kim_counties
from .report_shape import shape_problem

#: How far an office's clock may run ahead of the Land's.
CLOCK_SLACK = timedelta(days=1)


def invalid(what: str) -> BundleRejected:
    return BundleRejected(Reason.MANIFEST_INVALID, f"der Bericht ist ungültig: {what}")


def parsed(plaintext: bytes):
    """The document's JSON: no NaN or Infinity, no number too long to read."""

    def refuse(name: str):
        raise ValueError(name)

    def unique(pairs: list) -> dict:
        keys = [key for key, _ in pairs]
        if len(set(keys)) != len(keys):
            raise ValueError("a key twice")
        return dict(pairs)

    try:
        return json.loads(plaintext.decode("utf-8"), parse_constant=refuse,
                          object_pairs_hook=unique)  # fmt: skip
    except (UnicodeDecodeError, ValueError, RecursionError):  # JSONDecodeError is a ValueError
        raise BundleRejected(Reason.MANIFEST_INVALID, "der Bericht ist kein JSON, wie "
                             "KIMdesk es schreibt") from None  # fmt: skip


def check(document, signer_id: str, today: date | None) -> Period:
    """The document's period, once every check has passed."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise invalid("er ist kein Kreisbericht")
    version = document.get("version")
    if version != VERSION:
        raise BundleRejected(Reason.FORMAT_VERSION, f"der Bericht hat das Format "
                             f"{printable(str(version), 12)}, diese KIMdesk-Version liest "
                             f"Format {VERSION}")  # fmt: skip
    problem = shape_problem(document)
    if problem:
        raise invalid(problem)
    if document["office"]["installation_id"] != signer_id:
        raise invalid("er nennt eine andere Kreisstelle als die, die ihn signiert hat")
    try:
        period = parse_period(document["period"]["key"], today=today)
    except KimdeskError as exc:
        raise invalid(str(exc).rstrip(".")) from None
    if (document["period"]["from"], document["period"]["to"]) != (
            period.start.isoformat(), period.end.isoformat()):  # fmt: skip
        raise invalid(f"die Tage passen nicht zum Zeitraum {period.key}")
    ags = document["county"]["ags"]
    if ags not in kim_counties():
        raise invalid(f"„{ags}“ ist kein Kreis des KIM in NRW")
    _own_places(document, ags)
    _within_period(document["figures"], period)
    _written_in_time(document["created_at"])
    _small_counts(document)
    _adds_up(document["figures"])
    return period


def _own_places(document: dict, ags: str) -> None:
    """Every place a report names lies in its county and is one of its places: its figures go
    into the Land's tables under these codes, beside other counties' places."""
    figures = document["figures"]
    groups = figures["group_offers"]
    places = document["county"]["places"]
    outside = sorted(code for code in places if not in_county(code, ags))
    if outside:
        raise invalid(f"er nennt einen Ort außerhalb des Kreises {ags} ({outside[0]})")
    named = {
        *figures["consultations"]["by_municipality"],
        *(row["municipality"] for row in groups["by_place"] + groups["by_place_month"]),
        *figures["staffing"]["municipality_codes"],
    }  # fmt: skip
    unknown = sorted(named - set(places) - {ags})
    if unknown:
        raise invalid(f"er zählt an einem Ort, der nicht unter den Orten des Kreises {ags} "
                      f"steht ({unknown[0]})")  # fmt: skip
    for name in places.values():
        if personal_data_hints(name):  # a place's name is the profile's: never a person's
            raise invalid(f"ein Ortsname sieht nach Personendaten aus ({printable(name, 20)}…)")


def _within_period(figures: dict, period: Period) -> None:
    """Years and months of the figures lie in the period."""
    months = {f"{period.year}-{m:02d}" for m in range(period.start.month, period.end.month + 1)}
    consultations = figures["consultations"]
    found = {
        *consultations["by_month"], *consultations["muki_by_month"],
        *(row["month"] for row in figures["group_offers"]["by_place_month"]),
    }  # fmt: skip
    outside = sorted(found - months) or sorted(set(consultations["by_year"]) - {str(period.year)})
    if outside:
        raise invalid(f"er zählt außerhalb des Zeitraums {period.key} ({outside[0]})")


def _written_in_time(text: str) -> None:
    try:
        written = datetime.fromisoformat(text)
    except ValueError:
        raise invalid("„created_at“ ist keine Zeit mit Zeitzone") from None
    if written.tzinfo is None:
        raise invalid("„created_at“ ist keine Zeit mit Zeitzone")
    if written > utc_now() + CLOCK_SLACK:
        raise BundleRejected(Reason.FUTURE_TIMESTAMP, "der Bericht ist auf "
                             f"{written:%d.%m.%Y} datiert, nach der Uhr der Landesstelle")  # fmt: skip


def _small_counts(document: dict) -> None:
    """No count the county's publication rules hide is shown (a report written by KIMdesk
    never shows one: a second guard before the Land publishes it). The counts are those
    publication mode hides (``suppression.counts``: not staffing, not the needs' counts)."""
    limit = document["min_count"]
    figures = document["figures"]
    if figures["suppression"]["min_count"] != limit:
        raise invalid("die Mindestfallzahl steht zweimal verschieden im Bericht")
    for path in counts(figures):
        if "by_kind_pct" in path:  # shares in percent, whole or not
            continue
        value = get(figures, path)
        if 0 < value < limit:
            raise invalid(f"figures/{'/'.join(map(str, path))} zeigt {value}, weniger als die "
                          f"Mindestfallzahl {limit}")  # fmt: skip


def _adds_up(figures: dict) -> None:
    """Totals that equal their parts where none is hidden, and are no smaller than the shown
    parts where some are."""
    consultations, reached = figures["consultations"], figures["reached"]
    checks = [
        ("Beratungen", consultations["total"], consultations["by_kind"].values()),
        ("Themennennungen", figures["topics"]["mentions"],
         [v["n"] for v in figures["topics"]["by_topic"].values()]),
        ("erreichte Personen", reached["persons"], [reached["known"], reached["unknown"]]),
    ]  # fmt: skip
    for what, total, parts in checks:
        parts = list(parts)
        if total == HIDDEN:
            continue
        shown = [v for v in parts if v != HIDDEN]
        if len(shown) == len(parts) and sum(shown) != total or sum(shown) > total:
            raise BundleRejected(Reason.COUNT_MISMATCH, f"die Summe der {what} stimmt nicht "
                                 f"({total} gesamt)")  # fmt: skip
