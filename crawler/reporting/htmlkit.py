"""Self-contained HTML pages: escaping, a strict Content-Security-Policy, sortable tables without a CDN.

Every page zhengwen writes (the report, the review site) opens from disk with no server
and reaches no network: its only script is inline and allowed by its hash in the CSP,
styles are inline, images are ``data:`` URIs or inline SVG, and ``default-src 'none'``
refuses everything else (fonts, frames, fetches, external images).
"""

from __future__ import annotations

import base64
import hashlib
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

#: Click a column heading to sort by it; click again to reverse. Numbers sort as numbers
#: (a cell's ``data-sort`` value wins over its text).
SORT_SCRIPT = """\
document.querySelectorAll("table.sortable").forEach(function (table) {
  table.querySelectorAll("th").forEach(function (th, column) {
    th.addEventListener("click", function () {
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var down = th.getAttribute("aria-sort") !== "ascending";
      table.querySelectorAll("th").forEach(function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", down ? "ascending" : "descending");
      function key(row) {
        var cell = row.cells[column];
        var value = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
        var number = parseFloat(value);
        return isNaN(number) || !/^-?[0-9.]+$/.test(value.trim()) ? value : number;
      }
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        var order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
        return down ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
});
"""

BASE_STYLE = """\
body { font: 14px/1.5 system-ui, "Noto Sans CJK SC", "Noto Sans SC", sans-serif; margin: 1.5em; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: .5em 0 1em; }
th, td { border: 1px solid #ddd; padding: .2em .5em; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
table.sortable th { cursor: pointer; background: #f4f4f4; user-select: none; }
th[aria-sort=ascending]::after { content: " ▲"; } th[aria-sort=descending]::after { content: " ▼"; }
svg.plot { max-width: 100%; height: auto; display: block; margin: .5em 0; }
.muted { color: #777; } code { font-size: .9em; }
"""


def script_hash(script: str) -> str:
    """The CSP source that allows exactly this inline script."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def csp(scripts: Sequence[str] = (), *, frames: bool = False) -> str:
    """A policy that allows inline styles, ``data:`` images and the given inline scripts only."""
    allowed = " ".join(script_hash(s) for s in scripts) or "'none'"
    frame = "frame-src 'self'; " if frames else ""
    return (f"default-src 'none'; script-src {allowed}; style-src 'unsafe-inline'; img-src data:; "
            f"{frame}base-uri 'none'; form-action 'none'")


def page(title: str, body: str, *, style: str = "", scripts: Sequence[str] = (), frames: bool = False) -> str:
    """A whole HTML document: charset, CSP, title, styles, body and the inline scripts at the end."""
    script_tags = "".join(f"<script>{s}</script>" for s in scripts)
    return (
        "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{csp(scripts, frames=frames)}\">\n"
        "<meta name=\"referrer\" content=\"no-referrer\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{escape(title)}</title>\n<style>\n{BASE_STYLE}{style}</style>\n</head>\n"
        f"<body>\n{body}\n{script_tags}\n</body>\n</html>\n"
    )


def cell(value: object, *, sort: object | None = None, html: bool = False) -> str:
    """One ``<td>``: numbers right-aligned; ``sort`` overrides the sort key; ``html`` keeps markup."""
    numeric = isinstance(value, int | float) and not isinstance(value, bool)
    text = str(value) if html else escape("" if value is None else str(value))
    attrs = ' class="n"' if numeric else ""
    if sort is not None:
        attrs += f' data-sort="{escape(str(sort))}"'
    return f"<td{attrs}>{text}</td>"


def table(headers: Sequence[str], rows: Iterable[Sequence[str]], *, caption: str | None = None,
          table_id: str | None = None) -> str:
    """A sortable table; ``rows`` are lists of ready ``<td>`` cells (see ``cell``)."""
    head = "".join(f"<th scope=\"col\">{escape(h)}</th>" for h in headers)
    body = "\n".join("<tr>" + "".join(row) + "</tr>" for row in rows)
    ident = f' id="{escape(table_id)}"' if table_id else ""
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    return f"<table class=\"sortable\"{ident}>{cap}<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody></table>"
