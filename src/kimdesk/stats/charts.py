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

from kimdesk.domain.catalog import Catalog

from . import labels as de

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


def new_figure(report: dict, catalog: Catalog, title: str, *, ncols: int = 1):
    """A slide-sized figure with title and caption; returns (figure, axes)."""
    fig = Figure(figsize=SIZE, dpi=DPI)
    FigureCanvasAgg(fig)
    fig.set_layout_engine("constrained", rect=(0, 0.045, 1, 0.955))
    fig.suptitle(title, fontsize=17, fontweight="bold", color=TEXT, x=0.015, ha="left")
    fig.text(0.015, 0.012, de.caption(report, catalog), fontsize=8, color=MUTED, gid="caption")
    axes = fig.subplots(1, ncols, squeeze=False, sharey=True)[0]
    for ax in axes:
        ax.spines[["top", "right"]].set_visible(False)
        ax.tick_params(labelsize=10, colors=TEXT)
    return fig, axes if ncols > 1 else axes[0]


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
    """The figure on each bar; "<5" where publication mode hid it."""
    texts = [de.number(v) if de.count(v) != 0 else "" for v in values]
    ax.bar_label(bars, labels=texts, padding=2, fontsize=size, color=TEXT, rotation=rotation)


def bars(ax, categories: list[str], series: list[tuple[str, list, str]], *, value_size=9):
    """Grouped vertical bars, one group per category, one bar per series."""
    width = 0.8 / len(series)
    crowded = len(categories) * len(series) > 24  # upright figures would touch
    for i, (name, values, color) in enumerate(series):
        xs = [x + (i - (len(series) - 1) / 2) * width for x in range(len(categories))]
        heights = [de.count(v) or 0 for v in values]
        drawn = ax.bar(xs, heights, width * 0.92, label=name, color=color)
        _value_labels(ax, drawn, values, size=value_size, rotation=90 if crowded else 0)
    ax.set_xticks(range(len(categories)), categories)
    ax.yaxis.grid(True, color=GRID)
    ax.set_axisbelow(True)
    _whole_numbers(ax.yaxis)
    ax.margins(y=0.12)
    if len(series) > 1:
        ax.legend(frameon=False, fontsize=10, loc="upper left", bbox_to_anchor=(0, 1.08),
                  ncols=len(series))  # fmt: skip


def hbars(ax, categories, series: list[tuple[str, list, str]], *, stacked=False, totals=None):
    """Horizontal bars, first category on top: stacked with totals at the end, or grouped."""
    n = len(categories)
    stacks = [sum(de.count(s[1][i]) or 0 for s in series) for i in range(n)]
    room = max(stacks) / 14  # a segment narrower than this has no space for its figure
    left = [0] * n
    height = 0.7 if stacked else 0.8 / len(series)
    for i, (name, values, color) in enumerate(series):
        widths = [de.count(v) or 0 for v in values]
        ys = [y if stacked else y + (i - (len(series) - 1) / 2) * height for y in range(n)]
        drawn = ax.barh(ys, widths, height * 0.92, left=left if stacked else 0, label=name,
                        color=color)  # fmt: skip
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
        ax.legend(frameon=False, fontsize=9, loc="lower left", bbox_to_anchor=(0, 1.0),
                  ncols=len(series))  # fmt: skip


def pie(ax, rows: list[list]) -> int:
    """A pie of [label, n, pct] rows with the report's percentages; returns hidden rows."""
    shown = [r for r in rows if (de.count(r[1]) or 0) > 0]
    colors = [PIE_COLORS[i % len(PIE_COLORS)] for i in range(len(shown))]
    wedges, _, autotexts = ax.pie(
        [de.count(r[1]) for r in shown], colors=colors, startangle=90, counterclock=False,
        autopct="%1.0f", pctdistance=0.78, wedgeprops={"linewidth": 1, "edgecolor": "white"},
    )  # fmt: skip
    for text, row, color in zip(autotexts, shown, colors, strict=True):
        small = row[2] is None or row[2] < PIE_LABEL_MIN
        text.set_text("" if small else de.percent(row[2]))
        text.set(fontsize=9, color=_ink(color), fontweight="bold")
    legend = [textwrap.fill(f"{r[0]} ({de.number(r[1])}; {de.percent(r[2])})", 48) for r in shown]
    ax.legend(wedges, legend, loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False,
              fontsize=9 if len(shown) <= 10 else 8)  # fmt: skip
    ax.set_aspect("equal")
    return sum(1 for r in rows if de.is_small(r[1]))


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
    bars(ax, [r[0] for r in rows], series, value_size=11)
    ax.set_ylabel("Beratungen", fontsize=11)
    return fig


def figure_s2(report: dict, catalog: Catalog) -> Figure:
    fig, ax = new_figure(report, catalog, de.TITLES["S2"])
    c = report["consultations"]
    if c["total"] == 0:
        no_data(ax)
        return fig
    heights = [de.count(c["by_kind"][k]) or 0 for k in de.KINDS]
    drawn = ax.bar([catalog.label("kind", k) for k in de.KINDS], heights, 0.55,
                   color=[KIND_COLORS[k] for k in de.KINDS])  # fmt: skip
    texts = [f"{de.number(c['by_kind'][k])} ({de.percent(c['by_kind_pct'][k])})"
             for k in de.KINDS]  # fmt: skip
    ax.bar_label(drawn, labels=texts, padding=3, fontsize=12, color=TEXT)
    _whole_numbers(ax.yaxis)
    ax.yaxis.grid(True, color=GRID)
    ax.set_axisbelow(True)
    ax.margins(y=0.12)
    ax.set_ylabel("Beratungen", fontsize=11)
    ax.tick_params(axis="x", labelsize=12)
    return fig


def _share_figure(report, catalog, key: str, rows: list[list], unit: str) -> Figure:
    fig, ax = new_figure(report, catalog, de.TITLES[key])
    if not any((de.count(r[1]) or 0) > 0 for r in rows):
        hidden = any(de.is_small(r[1]) for r in rows)
        no_data(ax, "alle Werte unter 5: nicht darstellbar" if hidden else de.NO_DATA)
        return fig
    hidden = pie(ax, rows)
    if hidden:
        note(fig, f"nicht dargestellt: {hidden} mit weniger als 5 {unit}")
    return fig


def figure_s3(report: dict, catalog: Catalog) -> Figure:
    rows = de.share_rows(report["referrals"]["by_target"], catalog, "referral_target")
    fig = _share_figure(report, catalog, "S3", rows, "Verweisen")
    if rows:
        fig.axes[0].set_title(f"{de.number(report['referrals']['total'])} Verweise",
                              fontsize=11, color=MUTED)  # fmt: skip
    return fig


def figure_s4(report: dict, catalog: Catalog) -> Figure:
    rows = de.share_rows(report["topics"]["by_topic"], catalog, "topic")
    fig = _share_figure(report, catalog, "S4", rows, "Nennungen")
    if rows:
        fig.axes[0].set_title(f"{de.number(report['topics']['mentions'])} Themennennungen",
                              fontsize=11, color=MUTED)  # fmt: skip
    return fig


def _month_figure(report, catalog, key: str, first: int) -> Figure:
    fig, ax = new_figure(report, catalog, de.TITLES[key])
    rows = de.month_rows(report)
    if all(de.count(v) == 0 for r in rows for v in r[first : first + 2]):
        no_data(ax)
        return fig
    series = [
        (de.INDIVIDUAL, [r[first] for r in rows], INDIVIDUAL_COLOR),
        (de.GROUP_SESSIONS, [r[first + 1] for r in rows], GROUP_COLOR),
    ]
    bars(ax, _tick_months([r[0] for r in rows]), series, value_size=7 if len(rows) > 12 else 9)
    ax.tick_params(axis="x", labelsize=8 if len(rows) > 12 else 10)
    ax.set_ylabel("Anzahl", fontsize=11)
    return fig


def figure_s5(report: dict, catalog: Catalog) -> Figure:
    return _month_figure(report, catalog, "S5", 1)


def figure_s5_muki(report: dict, catalog: Catalog) -> Figure:
    return _month_figure(report, catalog, "S5-muki", 3)


def figure_s6(report: dict, catalog: Catalog) -> Figure:
    fig, ax = new_figure(report, catalog, de.TITLES["S6"])
    rows = de.municipality_rows(report, catalog)
    if not rows:
        no_data(ax)
        return fig
    series = [(catalog.label("kind", k), [r[1 + i] for r in rows], KIND_COLORS[k])
              for i, k in enumerate(de.KINDS)]  # fmt: skip
    hbars(ax, [r[0] for r in rows], series, stacked=True, totals=[r[3] for r in rows])
    ax.tick_params(axis="y", labelsize=9 if len(rows) <= 20 else 7)
    ax.set_xlabel("Beratungen", fontsize=10)
    return fig


def figure_s7(report: dict, catalog: Catalog) -> Figure:
    rows = de.place_rows(report, catalog)
    if not rows:
        fig, ax = new_figure(report, catalog, de.TITLES["S7"])
        no_data(ax)
        return fig
    fig, (left, right) = new_figure(report, catalog, de.TITLES["S7"], ncols=2)
    names = [textwrap.fill(r[0], 30) for r in rows]
    panels = [
        (left, "Termine", [("durchgeführt", [r[1] for r in rows], GROUP_COLOR),
                           ("ausgefallen", [r[2] for r in rows], CANCELLED_COLOR)]),
        (right, "Teilnahmen", [("Teilnahmen", [r[3] for r in rows], INDIVIDUAL_COLOR)]),
    ]  # fmt: skip
    for ax, name, series in panels:
        if any(de.count(v) for values in (s[1] for s in series) for v in values):
            hbars(ax, names, series)
            ax.set_xlabel(name, fontsize=10)
        else:  # publication mode: every sum includes a hidden count
            ax.set_xticks([])
            ax.text(0.5, 0.5, f"{name}: nicht ausweisbar\n(Werte unter 5)", ha="center",
                    va="center", fontsize=12, color=MUTED, transform=ax.transAxes)  # fmt: skip
    left.set_yticks(range(len(rows)), names)
    left.set_ylim(len(rows) - 0.5, -0.5)
    if any(v is None for r in rows for v in r[1:]):
        note(fig, "„–“: Summe enthält Werte unter 5")
    return fig


def chart_builders() -> list[ChartSpec]:
    """Every chart for slides: file name, German title, builder."""
    return [
        ChartSpec("S1-beratungen-pro-jahr", de.TITLES["S1"], figure_s1),
        ChartSpec("S2-beratungsart", de.TITLES["S2"], figure_s2),
        ChartSpec("S3-verweise", de.TITLES["S3"], figure_s3),
        ChartSpec("S4-themen", de.TITLES["S4"], figure_s4),
        ChartSpec("S5-beratungen-pro-monat", de.TITLES["S5"], figure_s5),
        ChartSpec("S5-muki-s-pro-monat", de.TITLES["S5-muki"], figure_s5_muki),
        ChartSpec("S6-kommunen", de.TITLES["S6"], figure_s6),
        ChartSpec("S7-gruppenangebote", de.TITLES["S7"], figure_s7),
    ]
