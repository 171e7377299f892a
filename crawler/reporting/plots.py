"""The report's plots: matplotlib figures rendered to inline SVG, the same bytes for the same data.

Figures are made with matplotlib's object API (no pyplot, no global state). Text stays
text in the SVG (``svg.fonttype = none``: the browser draws it with its own fonts, Han
characters included), ids are salted with a fixed string and the date metadata is left
out, so a report of the same crawl is byte-identical from one run to the next.
"""

from __future__ import annotations

import io
import math
import re
from collections import Counter
from typing import TYPE_CHECKING

import matplotlib
from matplotlib.figure import Figure

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

#: Colour per page type (and a few for other series), colour-blind friendly (Okabe–Ito).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999")
_RC = {"svg.fonttype": "none", "svg.hashsalt": "zhengwen", "font.size": 9, "axes.spines.top": False,
       "axes.spines.right": False}
_XML_HEAD = re.compile(r"^<\?xml[^>]*>\s*<!DOCTYPE[^>]*>\s*", re.S)


def _svg(figure: Figure, title: str) -> str:
    """The figure as an inline ``<svg>`` element with an accessible title."""
    buffer = io.StringIO()
    with matplotlib.rc_context(_RC):
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    svg = _XML_HEAD.sub("", buffer.getvalue())
    return svg.replace("<svg ", f'<svg role="img" aria-label="{title}" class="plot" ', 1)


def _figure(width: float = 6.4, height: float = 3.0) -> Figure:
    with matplotlib.rc_context(_RC):
        return Figure(figsize=(width, height), layout="constrained")


def stacked_bars(rows: Mapping[str, Mapping[str, int]], title: str, ylabel: str) -> str:
    """A stacked bar per row key (site, run), one colour per series (page type, site)."""
    labels = list(rows)
    series = sorted({key for counts in rows.values() for key in counts})
    with matplotlib.rc_context(_RC):
        figure = _figure(max(4.0, 0.7 * len(labels) + 2.5))
        axes = figure.add_subplot()
        bottom = [0] * len(labels)
        for index, name in enumerate(series):
            values = [rows[label].get(name, 0) for label in labels]
            axes.bar(labels, values, bottom=bottom, label=name, color=PALETTE[index % len(PALETTE)])
            bottom = [b + v for b, v in zip(bottom, values)]
        axes.set_title(title)
        axes.set_ylabel(ylabel)
        axes.tick_params(axis="x", labelrotation=30 if len(labels) > 4 else 0)
        if series:
            axes.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        return _svg(figure, title)


def length_histogram(lengths: Sequence[int], title: str) -> str:
    """Article text lengths (characters), on logarithmic bins."""
    with matplotlib.rc_context(_RC):
        figure = _figure()
        axes = figure.add_subplot()
        if lengths:
            top = max(lengths)
            edges = [10 ** (i / 4) for i in range(0, int(4 * math.log10(max(top, 10))) + 2)]
            axes.hist(lengths, bins=edges, color=PALETTE[0])
            axes.set_xscale("log")
        axes.set_title(title)
        axes.set_xlabel("characters of cleaned text")
        axes.set_ylabel("articles")
        return _svg(figure, title)


def month_histogram(dates: Sequence[str], title: str) -> str:
    """Publication dates counted by month (``YYYY-MM``), every month between the first and last shown."""
    months = Counter(date[:7] for date in dates if re.match(r"\d{4}-\d{2}", date))
    with matplotlib.rc_context(_RC):
        figure = _figure()
        axes = figure.add_subplot()
        if months:
            span = _month_span(min(months), max(months))
            axes.bar(range(len(span)), [months.get(m, 0) for m in span], color=PALETTE[2], width=0.9)
            step = max(1, len(span) // 12)
            axes.set_xticks(range(0, len(span), step), span[::step], rotation=45, ha="right")
        axes.set_title(title)
        axes.set_ylabel("documents")
        return _svg(figure, title)


def _month_span(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    span = []
    while (year, month) <= end and len(span) < 1200:
        span.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return span
