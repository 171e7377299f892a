"""One review page per document: the archived page (safe, highlighted) beside the cleaned text and the reason trail."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING
from urllib.parse import quote

from crawler.extract.trailkinds import REASONS
from crawler.reporting.htmlkit import SORT_SCRIPT, cell, page, table
from crawler.review.snapshot import COLOURS, group_of

if TYPE_CHECKING:
    from archive import Document
    from crawler.extract.trail import Trail


@dataclass(frozen=True)
class ReplayLinks:
    """Where the archive is replayed, when a collection is configured."""

    pywb: str | None = None  # a pywb collection URL: http://localhost:8080/my-coll
    replayweb: str | None = None  # a WACZ's URL, opened in ReplayWeb.page

    def links(self, doc: Document) -> list[tuple[str, str]]:
        """(label, URL) of the document's capture in each configured replay tool."""
        stamp = "".join(ch for ch in (doc.fetched_at or "") if ch.isdigit())[:14]
        found = []
        if self.pywb:
            found.append(("pywb", f"{self.pywb.rstrip('/')}/{stamp}/{doc.url}"))
        if self.replayweb:
            found.append(("ReplayWeb.page", f"https://replayweb.page/?source={quote(self.replayweb, safe='')}"
                                            f"#view=pages&url={quote(doc.url, safe='')}&ts={stamp}"))
        return found


REVIEW_STYLE = """
body { margin: 0; }
header { padding: .6em 1em; border-bottom: 1px solid #ddd; }
header h1 { margin: 0 0 .2em; font-size: 1.25em; }
.panes { display: flex; gap: 0; height: calc(100vh - 9em); min-height: 480px; }
.panes > section { flex: 1 1 50%; overflow: auto; border-right: 1px solid #ddd; }
.panes iframe { width: 100%; height: 100%; border: 0; display: block; }
.clean { padding: 0 1em; }
.clean p { margin: .4em 0; }
.legend span { display: inline-block; padding: 0 .4em; margin-right: .4em; border: 1px solid #c92a2a; }
.trail { font-size: 12px; }
"""


def document_page(doc: Document, trail: Trail, snapshot: str, *, index_href: str, replay: ReplayLinks,
                  prev_href: str | None, next_href: str | None) -> str:
    """The review page of one document."""
    nav = [f'<a href="{escape(index_href)}">index</a>']
    nav += [f'<a href="{escape(h)}">{label}</a>' for label, h in (("previous", prev_href), ("next", next_href)) if h]
    nav += [f'<a href="{escape(url)}" rel="noreferrer">{escape(label)}</a>' for label, url in replay.links(doc)]
    spam = (f"<p><strong>Spam title refused:</strong> {escape(trail.spam_title)}</p>" if trail.spam_title else "")
    legend = "".join(f'<span style="background:{COLOURS[g]}">{escape(name)}</span>'
                     for g, name in (("rule", "post-clean rule"), ("model", "block model / link region"),
                                     ("profile", "site profile prune"), ("headline", "headline (title field)")))
    header = (
        f"<header><h1>{escape(doc.title or doc.url)}</h1>"
        f"<div>{' · '.join(nav)}</div>"
        f"<div class=\"muted\">{escape(doc.site)} · {escape(doc.page_type)} · published {escape(doc.published or '?')}"
        f" · fetched {escape(doc.fetched_at or '?')} · <code>{escape(doc.url)}</code><br>"
        f"WARC <code>{escape(doc.warc_file or '')}</code> @ {doc.warc_offset} · {len(trail.removed)} of "
        f"{len(trail.blocks)} lines removed</div>{spam}"
        f"<div class=\"legend\">removed, highlighted on the left: {legend}</div></header>"
    )
    text = "".join(f"<p>{escape(line)}</p>" for line in (doc.text or "").split("\n") if line) or (
        f"<p class=\"muted\">No text: the page is typed <strong>{escape(doc.page_type)}</strong>.</p>")
    frame = (f'<iframe title="archived page" sandbox="" referrerpolicy="no-referrer" '
             f'srcdoc="{escape(snapshot, quote=True)}"></iframe>')
    body = (f"{header}<div class=\"panes\"><section aria-label=\"archived page\">{frame}</section>"
            f"<section class=\"clean\" aria-label=\"cleaned text\"><h2>Cleaned text</h2>{text}"
            f"<h2>Removed lines</h2>{_trail_table(trail)}</section></div>")
    return page(f"review: {doc.title or doc.url}", body, style=REVIEW_STYLE, scripts=[SORT_SCRIPT], frames=True)


def _trail_table(trail: Trail) -> str:
    rows = []
    for fate in trail.removed:
        swatch = f'<span style="background:{COLOURS[group_of(fate.reason or "")]}">&nbsp;&nbsp;</span> '
        rows.append([cell(fate.index), cell(fate.text[:120]),
                     cell(swatch + escape(fate.label), html=True, sort=fate.label),
                     cell(f"{fate.score:.3f}" if fate.score is not None else "", sort=fate.score or 0),
                     cell(REASONS.get(fate.reason or "", ""))])
    return "<div class=\"trail\">" + table(["line", "text", "removed as", "p", "meaning"], rows,
                                           table_id="trail-table") + "</div>"


@dataclass(frozen=True)
class IndexEntry:
    """One line of the index page."""

    href: str
    doc: Document
    removed: int
    lines: int


def index_page(entries: list[IndexEntry], *, folder: str, replay: ReplayLinks) -> str:
    """The review site's index: every reviewed document, sortable."""
    rows = []
    for number, entry in enumerate(entries, 1):
        doc = entry.doc
        links = " ".join(f'<a href="{escape(url)}" rel="noreferrer">{escape(label)}</a>'
                         for label, url in replay.links(doc))
        rows.append([cell(number), cell(f'<a href="{escape(entry.href)}">{escape(doc.title or doc.url)}</a>',
                                        html=True, sort=doc.title or doc.url),
                     cell(doc.site), cell(doc.published or ""), cell(len(doc.text or "")), cell(doc.page_type),
                     cell(entry.removed), cell(entry.lines), cell(links, html=True, sort="")])
    headers = ["#", "title", "site", "published", "length", "page type", "removed lines", "lines", "replay"]
    body = (f"<h1>zhengwen review: {escape(folder)}</h1><p>{len(entries)} document(s). Each page shows the "
            "archived page (scripts removed, nothing fetched) with what extraction removed highlighted and "
            "named, beside the cleaned text.</p>" + table(headers, rows, table_id="documents"))
    return page("zhengwen review", body, scripts=[SORT_SCRIPT])
