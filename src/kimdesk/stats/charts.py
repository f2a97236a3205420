"""Chart figures of S1–S7 for slides, the GUI and the deck: matplotlib without pyplot.

Each builder takes the report dict and the catalog and returns a ``Figure`` on an Agg canvas,
so it renders in a worker thread, in tests and on the command line; the GUI puts the same
figure on its own canvas. One look for all: German labels, the value on every bar, the share
on every pie slice, a caption with filters and date, "keine Daten" when there is nothing.
"""

from __future__ import annotations

import textwrap
import warnings
from collections.abc import Callable
from contextlib import contextmanager
from typing import NamedTuple

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from kimdesk.domain.catalog import Catalog

from . import labels as de
from . import land

# Labels are plain text, never math: a "$" in a label from a catalog or a store would otherwise
# be parsed as TeX (and "$\\frac{1}$" raise for the whole chart). Tick labels are made when a
# figure is drawn, so the setting is global, not a context around the builders.
matplotlib.rcParams["text.parse_math"] = False
matplotlib.rcParams["text.usetex"] = False


@contextmanager
def quiet_glyphs():
    """Render without warnings about glyphs: a code from an old store may hold characters no
    font has; they are drawn as boxes, not reported on the coordinator's terminal."""
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", message="Glyph .* missing from font", category=UserWarning
        )
        yield


SIZE = (10, 5.6)  # inches: 16:9 slides
DPI = 150
KIND_COLORS = {"einmalig": "#2F6CA3", "cm": "#E8853A"}
INDIVIDUAL_COLOR, GROUP_COLOR, CANCELLED_COLOR = "#2F6CA3", "#4E9A5B", "#B8B0AA"
#: Pie slices: distinct, calm, enough for all topics of a profile.
PIE_COLORS = (
    "#2F6CA3", "#E8853A", "#4E9A5B", "#C8504B", "#8464A8", "#8C6D5A", "#D17FB5", "#7F7F7F",
    "#B5B33A", "#3AAFBF", "#9EC1E0", "#F3BE8B", "#A3D49A", "#EFA3A0", "#C6B4DB", "#D6C2B3",
)  # fmt: skip
TEXT, GRID, MUTED = "#222222", "#DDDDDD", "#666666"
#: Slices smaller than this (percent) get no label of their own; the legend has them.
PIE_LABEL_MIN = 4.0


class ChartSpec(NamedTuple):
    key: str  # also the file name: S1-beratungen-pro-jahr.png
    title: str
    build: Callable[[dict, Catalog], Figure]


# Building blocks -----------------------------------------------------------------------------


def new_figure(report: dict, catalog: Catalog, title: str, *, ncols: int = 1, nrows: int = 1,
               sharey: bool = True):  # fmt: skip
    """A slide-sized figure with title and caption; returns (figure, axes): one axes, or a
    flat list of them."""
    fig = Figure(figsize=SIZE, dpi=DPI)
    FigureCanvasAgg(fig)
    fig.set_layout_engine("constrained", rect=(0, 0.06, 1, 0.94))
    fig.suptitle(title, fontsize=17, fontweight="bold", color=TEXT, x=0.015, ha="left")
    fig.text(0.015, 0.008, de.caption(report, catalog), fontsize=8, color=MUTED, gid="caption",
             wrap=True)  # fmt: skip
    axes = list(fig.subplots(nrows, ncols, squeeze=False, sharey=sharey).flat)
    for ax in axes:
        ax.spines[["top", "right"]].set_visible(False)
        ax.tick_params(labelsize=10, colors=TEXT)
    return fig, axes if len(axes) > 1 else axes[0]


#: In place of a chart whose every value publication mode hid.
ALL_HIDDEN = "nur geheim gehaltene Werte (•):\nkein Diagramm"
#: Under a chart with hidden values.
HIDDEN_NOTE = "schraffiert: geheim gehalten"


def no_data(ax, text: str = de.NO_DATA) -> None:
    ax.set_axis_off()
    ax.text(0.5, 0.5, text, ha="center", va="center", fontsize=22, color=MUTED,
            transform=ax.transAxes)  # fmt: skip


def note(fig: Figure, text: str) -> None:
    """Add to the caption line (what a chart leaves out, and why)."""
    caption = next(t for t in fig.texts if t.get_gid() == "caption")
    caption.set_text(f"{caption.get_text()} · {text}")


def _whole_numbers(axis) -> None:
    """Counts on an axis: whole numbers only, with German thousands separators."""
    axis.get_major_locator().set_params(integer=True)
    axis.set_major_formatter(lambda v, _: de.number(int(v)) if v == int(v) else "")


def _value_labels(ax, bars, values, *, size: float = 9, rotation: float = 0) -> None:
    """The figure on each bar; "•" where publication mode hid it."""
    texts = [de.number(v) if de.count(v) != 0 else "" for v in values]
    ax.bar_label(bars, labels=texts, padding=2, fontsize=size, color=TEXT, rotation=rotation)


#: A hidden count is drawn as a hatched stub this fraction of the largest bar: a mark, not a
#: value (its label is "•").
STUB = 0.04


def _lengths(values, largest: int) -> list[float]:
    """Bar lengths of ``values``: the count, or a stub for a hidden one."""
    stub = max(largest, 1) * STUB
    return [stub if de.is_hidden(v) else (de.count(v) or 0) for v in values]


def _mark_hidden(patches, values, color: str) -> None:
    """Hatched and hollow: the bar of a hidden count is a sign, not a length."""
    for patch, value in zip(patches, values, strict=True):
        if de.is_hidden(value):
            patch.set(facecolor="white", edgecolor=color, hatch="////", linewidth=1)


def only_hidden(values) -> bool:
    """Publication mode hid every count there is to draw: no chart, say so instead."""
    values = list(values)
    return any(de.is_hidden(v) for v in values) and not any((de.count(v) or 0) > 0 for v in values)


def _keys(series) -> list[Patch]:
    """Legend keys in the series' colours (a legend would copy the first bar, hatched or not)."""
    return [Patch(facecolor=color, label=name) for name, _, color in series]


def _largest(series) -> int:
    return max((de.count(v) or 0 for _, values, _ in series for v in values), default=0)


def bars(ax, categories: list[str], series: list[tuple[str, list, str]], *, value_size=9):
    """Grouped vertical bars, one group per category, one bar per series."""
    width = 0.8 / len(series)
    largest = _largest(series)
    crowded = len(categories) * len(series) > 24  # upright figures would touch
    for i, (name, values, color) in enumerate(series):
        xs = [x + (i - (len(series) - 1) / 2) * width for x in range(len(categories))]
        drawn = ax.bar(xs, _lengths(values, largest), width * 0.92, label=name, color=color)
        _mark_hidden(drawn, values, color)
        _value_labels(ax, drawn, values, size=value_size, rotation=90 if crowded else 0)
    ax.set_xticks(range(len(categories)), categories)
    ax.yaxis.grid(True, color=GRID)
    ax.set_axisbelow(True)
    _whole_numbers(ax.yaxis)
    ax.margins(y=0.12)
    if len(series) > 1:
        ax.legend(handles=_keys(series), frameon=False, fontsize=10, loc="upper left",
                  bbox_to_anchor=(0, 1.08), ncols=len(series))  # fmt: skip


def hbars(ax, categories, series: list[tuple[str, list, str]], *, stacked=False, totals=None):
    """Horizontal bars, first category on top: stacked with totals at the end, or grouped."""
    n = len(categories)
    largest = _largest(series)
    stacks = [sum(_lengths([s[1][i]], largest)[0] for s in series) for i in range(n)]
    room = max(stacks) / 14  # a segment narrower than this has no space for its figure
    left = [0] * n
    height = 0.7 if stacked else 0.8 / len(series)
    for i, (name, values, color) in enumerate(series):
        widths = _lengths(values, max(stacks) if stacked else largest)
        ys = [y if stacked else y + (i - (len(series) - 1) / 2) * height for y in range(n)]
        drawn = ax.barh(ys, widths, height * 0.92, left=left if stacked else 0, label=name,
                        color=color)  # fmt: skip
        _mark_hidden(drawn, values, color)
        if stacked:
            inside = [v if (de.count(v) or 0) >= room else 0 for v in values]
            texts = [de.number(v) if de.count(v) != 0 else "" for v in inside]
            ax.bar_label(drawn, labels=texts, label_type="center", fontsize=8, color="white")
            left = [a + b for a, b in zip(left, widths, strict=True)]
        else:
            _value_labels(ax, drawn, values)
    for y, (end, total) in enumerate(zip(left, totals or [], strict=False)):
        ax.text(end, y, f" {de.number(total)}", va="center", fontsize=9, color=TEXT,
                fontweight="bold")  # fmt: skip
    ax.set_yticks(range(n), categories)
    if not ax.yaxis_inverted():  # axes may share it
        ax.invert_yaxis()
    ax.xaxis.grid(True, color=GRID)
    ax.set_axisbelow(True)
    _whole_numbers(ax.xaxis)
    ax.margins(x=0.08)
    if len(series) > 1:
        ax.legend(handles=_keys(series), frameon=False, fontsize=9, loc="lower left",
                  bbox_to_anchor=(0, 1.0), ncols=len(series))  # fmt: skip


def pie(ax, rows: list[list], total=None) -> int:
    """A pie of [label, n, pct] rows with the report's percentages; returns hidden rows.

    Hidden counts (publication mode) share one hatched slice, "geheim gehalten", the published
    total minus the published parts (nothing a reader could not work out); with the total
    hidden too, the pie shows the published parts only.
    """
    shown = [r for r in rows if (de.count(r[1]) or 0) > 0]
    colors = [PIE_COLORS[i % len(PIE_COLORS)] for i in range(len(shown))]
    hidden = sum(1 for r in rows if de.is_hidden(r[1]))
    rest = 0
    if hidden and de.count(total) is not None:
        rest = de.count(total) - sum(de.count(r[1]) for r in shown)
    values = [de.count(r[1]) for r in shown] + ([rest] if rest > 0 else [])
    wedges, _, autotexts = ax.pie(
        values, colors=colors + (["white"] if rest > 0 else []), startangle=90,
        counterclock=False, autopct="%1.0f", pctdistance=0.78,
        wedgeprops={"linewidth": 1, "edgecolor": "white"},
    )  # fmt: skip
    for text, row, color in zip(autotexts, shown, colors, strict=False):
        small = row[2] is None or row[2] < PIE_LABEL_MIN
        text.set_text("" if small else de.percent(row[2]))
        text.set(fontsize=9, color=_ink(color), fontweight="bold")
    legend = [textwrap.fill(f"{r[0]} ({de.number(r[1])}; {de.percent(r[2])})", 48) for r in shown]
    if rest > 0:
        wedges[-1].set(hatch="////", edgecolor=MUTED)
        autotexts[-1].set_text("")
        legend.append(f"geheim gehalten: {hidden} {'Wert' if hidden == 1 else 'Werte'} (•)")
    ax.legend(wedges, legend, loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False,
              fontsize=9 if len(legend) <= 10 else 8)  # fmt: skip
    ax.set_aspect("equal")
    return hidden


def _ink(background: str) -> str:
    """Black or white text, whichever reads better on ``background`` (#RRGGBB)."""
    r, g, b = (int(background[i : i + 2], 16) for i in (1, 3, 5))
    return TEXT if 0.299 * r + 0.587 * g + 0.114 * b > 150 else "white"


def _tick_months(labels: list[str]) -> list[str]:
    """Month ticks: month and year at the first month and each January, else the month."""
    ticks, year = [], None
    for label in labels:
        name, _, this_year = label.partition(" ")
        ticks.append(f"{name}\n{this_year}" if this_year != year else name)
        year = this_year
    return ticks


# The figures ---------------------------------------------------------------------------------


def figure_s1(report: dict, catalog: Catalog) -> Figure:
    fig, ax = new_figure(report, catalog, de.TITLES["S1"])
    rows = de.year_rows(report)
    if not rows:
        no_data(ax)
        return fig
    series = [(catalog.label("kind", k), [r[1 + i] for r in rows], KIND_COLORS[k])
              for i, k in enumerate(de.KINDS)]  # fmt: skip
    if only_hidden(v for _, values, _ in series for v in values):
        no_data(ax, ALL_HIDDEN)
        return fig
    bars(ax, [r[0] for r in rows], series, value_size=11)
    ax.set_ylabel("Beratungen", fontsize=11)
    return fig


def figure_s2(report: dict, catalog: Catalog) -> Figure:
    fig, ax = new_figure(report, catalog, de.TITLES["S2"])
    c = report["consultations"]
    if c["total"] == 0:
        no_data(ax)
        return fig
    values = [c["by_kind"][k] for k in de.KINDS]
    if only_hidden(values):
        no_data(ax, ALL_HIDDEN)
        return fig
    heights = _lengths(values, max(de.count(v) or 0 for v in values))
    drawn = ax.bar([catalog.label("kind", k) for k in de.KINDS], heights, 0.55,
                   color=[KIND_COLORS[k] for k in de.KINDS])  # fmt: skip
    for patch, value, kind in zip(drawn, values, de.KINDS, strict=True):
        _mark_hidden([patch], [value], KIND_COLORS[kind])
    texts = [de.number(c["by_kind"][k]) if c["by_kind_pct"][k] is None else
             f"{de.number(c['by_kind'][k])} ({de.percent(c['by_kind_pct'][k])})"
             for k in de.KINDS]  # fmt: skip
    ax.bar_label(drawn, labels=texts, padding=3, fontsize=12, color=TEXT)
    _whole_numbers(ax.yaxis)
    ax.yaxis.grid(True, color=GRID)
    ax.set_axisbelow(True)
    ax.margins(y=0.12)
    ax.set_ylabel("Beratungen", fontsize=11)
    ax.tick_params(axis="x", labelsize=12)
    return fig


def _share_figure(report, catalog, key: str, rows: list[list], total) -> Figure:
    fig, ax = new_figure(report, catalog, de.TITLES[key])
    if only_hidden(r[1] for r in rows):
        no_data(ax, ALL_HIDDEN)
    elif not any((de.count(r[1]) or 0) > 0 for r in rows):
        no_data(ax)
    else:
        pie(ax, rows, total)
    return fig


def figure_s3(report: dict, catalog: Catalog) -> Figure:
    rows = de.share_rows(report["referrals"]["by_target"], catalog, "referral_target")
    fig = _share_figure(report, catalog, "S3", rows, report["referrals"]["total"])
    if rows:
        fig.axes[0].set_title(f"{de.number(report['referrals']['total'])} Verweise",
                              fontsize=11, color=MUTED)  # fmt: skip
    return fig


def figure_s4(report: dict, catalog: Catalog) -> Figure:
    rows = de.share_rows(report["topics"]["by_topic"], catalog, "topic")
    fig = _share_figure(report, catalog, "S4", rows, report["topics"]["mentions"])
    if rows:
        fig.axes[0].set_title(f"{de.number(report['topics']['mentions'])} Themennennungen",
                              fontsize=11, color=MUTED)  # fmt: skip
    return fig


def _month_figure(report, catalog, key: str, first: int) -> Figure:
    fig, ax = new_figure(report, catalog, de.TITLES[key])
    rows = de.month_rows(report)
    if all(de.count(v) == 0 for r in rows for v in r[first : first + 2]):  # also: no months
        no_data(ax)
        return fig
    series = [
        (de.INDIVIDUAL, [r[first] for r in rows], INDIVIDUAL_COLOR),
        (de.GROUP_SESSIONS, [r[first + 1] for r in rows], GROUP_COLOR),
    ]
    if only_hidden(v for _, values, _ in series for v in values):
        no_data(ax, ALL_HIDDEN)
        return fig
    bars(ax, _tick_months([r[0] for r in rows]), series, value_size=7 if len(rows) > 12 else 9)
    ax.tick_params(axis="x", labelsize=8 if len(rows) > 12 else 10)
    ax.set_ylabel("Anzahl", fontsize=11)
    return fig


def figure_s5(report: dict, catalog: Catalog) -> Figure:
    return _month_figure(report, catalog, "S5", 1)


def figure_s5_muki(report: dict, catalog: Catalog) -> Figure:
    return _month_figure(report, catalog, "S5-muki", 3)


def figure_s6(report: dict, catalog: Catalog) -> Figure:
    """Consultations per municipality (at the Land: per county)."""
    title = de.TITLES["S6"]
    if "by_county" in report:
        report, title = land.county_view(report), de.TITLES["S6-land"]
    fig, ax = new_figure(report, catalog, title)
    rows = de.municipality_rows(report, catalog)
    if not rows:
        no_data(ax)
        return fig
    series = [(catalog.label("kind", k), [r[1 + i] for r in rows], KIND_COLORS[k])
              for i, k in enumerate(de.KINDS)]  # fmt: skip
    if only_hidden(v for _, values, _ in series for v in values):
        no_data(ax, ALL_HIDDEN)
        return fig
    hbars(ax, [r[0] for r in rows], series, stacked=True, totals=[r[3] for r in rows])
    ax.tick_params(axis="y", labelsize=9 if len(rows) <= 20 else 7)
    ax.set_xlabel("Beratungen", fontsize=10)
    return fig


def figure_s7(report: dict, catalog: Catalog) -> Figure:
    """Group sessions per place and format (at the Land: per county and format)."""
    title = de.TITLES["S7"]
    if "by_county" in report:
        report, title = land.county_view(report), de.TITLES["S7-land"]
    rows = de.place_rows(report, catalog)
    if not rows:
        fig, ax = new_figure(report, catalog, title)
        no_data(ax)
        return fig
    fig, (left, right) = new_figure(report, catalog, title, ncols=2)
    names = [textwrap.fill(r[0], 30) for r in rows]
    panels = [
        (left, "Termine", [("durchgeführt", [r[1] for r in rows], GROUP_COLOR),
                           ("ausgefallen", [r[2] for r in rows], CANCELLED_COLOR)]),
        (right, "Teilnahmen", [("Teilnahmen", [r[3] for r in rows], INDIVIDUAL_COLOR)]),
    ]  # fmt: skip
    for ax, name, series in panels:
        if any(de.count(v) or de.is_hidden(v) for values in (s[1] for s in series) for v in values):
            hbars(ax, names, series)
            ax.set_xlabel(name, fontsize=10)
        else:
            ax.set_xticks([])
        if only_hidden(v for values in (s[1] for s in series) for v in values):
            ax.cla()
            ax.set_xticks([])
            ax.text(0.5, 0.5, f"{name}:\n{ALL_HIDDEN}", ha="center", va="center", fontsize=12,
                    color=MUTED, transform=ax.transAxes)  # fmt: skip
    left.set_yticks(range(len(rows)), names)
    left.set_ylim(len(rows) - 0.5, -0.5)
    if any(v is None for r in rows for v in r[1:]):
        note(fig, "„–“: Summe enthält geheim gehaltene Werte")
    return fig


def _panel(ax, title: str, rows: list[list], color: str, *, wrap: int = 28) -> None:
    """One small horizontal bar chart of [label, n, ...] rows with its title."""
    ax.set_title(title, fontsize=11, color=TEXT, loc="left")
    values = [r[1] for r in rows]
    if only_hidden(values):
        no_data(ax, ALL_HIDDEN)
        ax.texts[-1].set_fontsize(11)
    elif not any((de.count(v) or 0) > 0 for v in values):
        no_data(ax)
        ax.texts[-1].set_fontsize(14)
    else:
        labels = [textwrap.fill(str(r[0]), wrap) for r in rows]
        lines = sum(label.count("\n") + 1 for label in labels)
        if lines > len(rows) + 1 and len(rows) > 6:  # wrapped names would touch: one line each
            labels = [textwrap.shorten(str(r[0]), wrap + 12, placeholder=" …") for r in rows]
        hbars(ax, labels, [(title, values, color)])
        ax.tick_params(axis="y", labelsize=9 if len(rows) <= 6 else 8)
        ax.tick_params(axis="x", labelsize=8)


def figure_s11(report: dict, catalog: Catalog) -> Figure:
    """Persons reached by gender, age group, residence status and time since arrival."""
    fig, axes = new_figure(report, catalog, de.TITLES["S11"], nrows=2, ncols=2, sharey=False)
    r = report["reached"]
    panels = [("by_gender", "Geschlecht"), ("by_age_group", "Altersgruppe"),
              ("by_residence", "Aufenthalt"), ("by_arrival", "Ankunft in Deutschland")]  # fmt: skip
    for ax, (table, title) in zip(axes, panels, strict=True):
        _panel(ax, title, de.reached_rows(report, catalog, table), INDIVIDUAL_COLOR)
    note(fig, f"{de.number(r['persons'])} Personen, davon {de.number(r['unknown'])} "
              "ohne Fallakte (als unbekannt gezählt)")  # fmt: skip
    return fig


def figure_s11_nationality(report: dict, catalog: Catalog) -> Figure:
    fig, ax = new_figure(report, catalog, de.TITLES["S11-nationality"])
    rows = de.reached_rows(report, catalog, "by_nationality")
    _panel(ax, f"{de.number(report['reached']['persons'])} Personen", rows, INDIVIDUAL_COLOR,
           wrap=40)  # fmt: skip
    return fig


def figure_s11_access(report: dict, catalog: Catalog) -> Figure:
    fig, (left, right) = new_figure(report, catalog, de.TITLES["S11-access"], ncols=2,
                                    sharey=False)  # fmt: skip
    r = report["reached"]
    _panel(left, f"Zugangswege ({de.number(r['cases'])} Fälle)",
           de.reached_rows(report, catalog, "by_access_route"), GROUP_COLOR)  # fmt: skip
    m = r["language_mediation"]
    share = f", {de.percent(m['pct'])}" if m["pct"] is not None else ""
    _panel(right, f"Sprachmittlung ({de.number(m['with'])} Beratungen{share})",
           de.reached_rows(report, catalog, "by_kind"), INDIVIDUAL_COLOR)  # fmt: skip
    return fig


GOAL_COLORS = {"open": "#B8B0AA", "partial": "#F3BE8B", "reached": "#4E9A5B",
               "not_reached": "#C8504B", "dropped": "#7F7F7F"}  # fmt: skip


def figure_s12(report: dict, catalog: Catalog) -> Figure:
    """Goals of the cases per topic, stacked by status."""
    fig, ax = new_figure(report, catalog, de.TITLES["S12"])
    rows = de.goal_rows(report, catalog)
    series = [(name, [row[1 + i] for row in rows], GOAL_COLORS[code])
              for i, (code, name) in enumerate(de.GOAL_STATUS.items())]  # fmt: skip
    values = [v for _, vs, _ in series for v in vs]
    if only_hidden(values):
        no_data(ax, ALL_HIDDEN)
    elif not any((de.count(v) or 0) > 0 for v in values):
        no_data(ax)
    else:
        hbars(ax, [textwrap.fill(r[0], 30) for r in rows], series, stacked=True,
              totals=[r[-2] for r in rows])  # fmt: skip
        ax.tick_params(axis="y", labelsize=9)
        ax.set_xlabel("Ziele", fontsize=10)
    return fig


def figure_s12_closed(report: dict, catalog: Catalog) -> Figure:
    """Closed cases by reason, and how long they ran."""
    fig, ax = new_figure(report, catalog, de.TITLES["S12-closed"])
    o = report["outcomes"]
    days = o["case_days"]
    title = f"{de.number(o['closed'])} Fälle abgeschlossen"
    if days["median"] is not None:
        title += (f" · Dauer bis zum Abschluss: Median {de.number(days['median'])} Tage, "
                  f"drei Viertel nach höchstens {de.number(days['p75'])} Tagen")  # fmt: skip
    _panel(ax, title, de.closing_rows(report, catalog), GROUP_COLOR, wrap=40)
    return fig


def marked(build: Callable[[dict, Catalog], Figure]) -> Callable[[dict, Catalog], Figure]:
    """The builder, adding what hatching and "•" mean to a figure that shows either."""

    def marked(report: dict, catalog: Catalog) -> Figure:
        fig = build(report, catalog)
        if report.get("publication") and any(
            any(p.get_hatch() for p in ax.patches)
            or any(de.is_hidden(t.get_text()) for t in ax.texts)
            for ax in fig.axes
        ):
            note(fig, HIDDEN_NOTE)
        return fig

    return marked


def chart_builders() -> list[ChartSpec]:
    """Every chart for slides: file name, German title, builder."""
    return [ChartSpec(key, title, marked(build)) for key, title, build in _CHARTS]


_CHARTS = [
    ChartSpec("S1-beratungen-pro-jahr", de.TITLES["S1"], figure_s1),
    ChartSpec("S2-beratungsart", de.TITLES["S2"], figure_s2),
    ChartSpec("S3-verweise", de.TITLES["S3"], figure_s3),
    ChartSpec("S4-themen", de.TITLES["S4"], figure_s4),
    ChartSpec("S5-beratungen-pro-monat", de.TITLES["S5"], figure_s5),
    ChartSpec("S5-muki-s-pro-monat", de.TITLES["S5-muki"], figure_s5_muki),
    ChartSpec("S6-kommunen", de.TITLES["S6"], figure_s6),
    ChartSpec("S7-gruppenangebote", de.TITLES["S7"], figure_s7),
    ChartSpec("S11-erreichte-personen", de.TITLES["S11"], figure_s11),
    ChartSpec("S11-staatsangehoerigkeit", de.TITLES["S11-nationality"], figure_s11_nationality),
    ChartSpec("S11-zugang-sprachmittlung", de.TITLES["S11-access"], figure_s11_access),
    ChartSpec("S12-ziele", de.TITLES["S12"], figure_s12),
    ChartSpec("S12-abschluesse", de.TITLES["S12-closed"], figure_s12_closed),
]
