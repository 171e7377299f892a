"""The crawl report as one self-contained HTML page: tables (sortable) and inline SVG plots."""

from __future__ import annotations

import statistics
from html import escape
from typing import TYPE_CHECKING

from crawler.reporting import plots
from crawler.reporting.htmlkit import SORT_SCRIPT, cell, page, table
from crawler.reporting.summary import NOTICE_TYPES

if TYPE_CHECKING:
    from crawler.reporting.facts import CrawlFacts
    from crawler.reporting.summary import Summary

PAGE_TYPES = ("article", "list", "deleted", "blocked", "error", "attachment")


def render_report(facts: CrawlFacts, summary: Summary, *, generator: str) -> str:
    """The whole report page."""
    articles = sum(row.page_types["article"] for row in summary.sites)
    body = [
        f"<h1>zhengwen crawl report: {escape(facts.folder.name or str(facts.folder))}</h1>",
        f"<p>{len(facts.runs)} run(s), {len(facts.captures)} archived captures "
        f"({sum(c.revisit for c in facts.captures)} revisits), {len(facts.documents)} documents, "
        f"{articles} articles. <span class=\"muted\">Made by {escape(generator)} from "
        f"<code>{escape(str(facts.folder))}</code>; no network needed to read it.</span></p>",
        *_damage(facts),
        _sites(summary),
        _runs(summary),
        _page_types(summary),
        _failures(summary),
        _changes(summary),
        _distributions(summary),
        _duplicates(summary),
    ]
    return page("zhengwen crawl report", "\n".join(body), scripts=[SORT_SCRIPT])


def _damage(facts: CrawlFacts) -> list[str]:
    if not facts.damage:
        return []
    items = "".join(f"<li>{escape(line)}</li>" for line in facts.damage)
    return [f"<p><strong>Damaged WARC files</strong> (their complete records are counted):</p><ul>{items}</ul>"]


def _sites(summary: Summary) -> str:
    headers = ["site", "pages fetched", "HTML", "revisits", "HTTP errors", "documents", *PAGE_TYPES,
               "median text length"]
    rows = []
    for row in summary.sites:
        median = int(statistics.median(row.lengths)) if row.lengths else ""
        rows.append([cell(row.site), cell(row.captures), cell(row.html), cell(row.revisits), cell(row.http_errors),
                     cell(sum(row.page_types.values())), *(cell(row.page_types[t]) for t in PAGE_TYPES),
                     cell(median, sort=median if median != "" else -1)])
    return "<h2 id=\"sites\">Per site</h2>\n" + table(headers, rows, table_id="sites-table")


def _runs(summary: Summary) -> str:
    headers = ["run", "pages fetched", "new URLs", "revisits (unchanged)", "changed pages", "HTTP errors"]
    rows = [[cell(r.run), cell(r.captures), cell(r.new_urls), cell(r.revisits), cell(r.changed), cell(r.http_errors)]
            for r in summary.runs]
    by_run = {r.run: dict(r.by_site) for r in summary.runs}
    plot = plots.stacked_bars(by_run, "Pages fetched per run, by site", "captures") if by_run else ""
    return "<h2 id=\"runs\">Per run</h2>\n" + table(headers, rows, table_id="runs-table") + plot


def _page_types(summary: Summary) -> str:
    counts = {row.site: {t: n for t, n in row.page_types.items() if n} for row in summary.sites}
    plot = plots.stacked_bars(counts, "Documents by page type, per site", "documents")
    return "<h2 id=\"page-types\">Documents by page type</h2>\n" + plot


def _failures(summary: Summary) -> str:
    note = ("<p class=\"muted\">From the archive: HTTP errors (stored, with their status) and pages typed "
            f"{', '.join(NOTICE_TYPES)}. Requests that never got a response (DNS, refused, timed out) are not "
            "in the archive: the crawl's end-of-run summary lists them.</p>")
    if not summary.failures:
        return "<h2 id=\"failures\">Failures by reason</h2>\n" + note + "<p>None.</p>"
    rows = [[cell(site), cell(host), cell(reason), cell(count)] for site, host, reason, count in summary.failures]
    return ("<h2 id=\"failures\">Failures by reason</h2>\n" + note
            + table(["site", "host", "reason", "count"], rows, table_id="failures-table"))


def _changes(summary: Summary) -> str:
    title = "<h2 id=\"changes\">Revisits and changes across runs</h2>\n"
    if not summary.changes:
        return title + "<p>No URL was captured more than once.</p>"
    rows = [[cell(c.url), cell(c.site), cell(c.versions), cell(c.revisits), cell(c.first), cell(c.last)]
            for c in summary.changes]
    headers = ["URL", "site", "stored versions", "revisits (unchanged)", "first capture", "last capture"]
    return (title + "<p class=\"muted\">A URL with more than one stored version changed between captures; "
            "a revisit is a capture whose payload was unchanged (stored as a revisit record).</p>"
            + table(headers, rows, table_id="changes-table"))


def _distributions(summary: Summary) -> str:
    return ("<h2 id=\"distributions\">Text length and publication date</h2>\n"
            + plots.length_histogram(summary.lengths, "Cleaned text length of articles")
            + plots.month_histogram(summary.published, "Articles by publication month"))


def _duplicates(summary: Summary) -> str:
    title = "<h2 id=\"duplicates\">Duplicates</h2>\n"
    if not summary.duplicate_groups:
        return title + "<p>No exact or near-duplicate articles.</p>"
    rows = []
    for number, group in enumerate(summary.duplicate_groups, 1):
        for position, doc in enumerate(group):
            role = "earliest" if position == 0 else "duplicate"
            rows.append([cell(number), cell(role), cell(doc.title), cell(doc.site), cell(doc.url),
                         cell(doc.fetched_at)])
    return (title + "<p class=\"muted\">Exact and near-duplicate articles (MinHash, as "
            "<code>zhengwen export --dedup</code>), grouped under the earliest fetch.</p>"
            + table(["group", "role", "title", "site", "URL", "fetched"], rows, table_id="duplicates-table"))
