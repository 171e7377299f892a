"""The report's numbers, from the facts of a crawl folder: counts per site and run, failures, changes, duplicates.

Plain data, no HTML: crawler/reporting/render.py lays it out.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from archive import group_duplicates
from archive.corpus.nearduplicates import document_key

if TYPE_CHECKING:
    from archive import Document
    from crawler.reporting.facts import CrawlFacts

#: Page types of documents that mean the page was not readable as intended.
NOTICE_TYPES = ("deleted", "blocked", "error")


@dataclass
class SiteRow:
    """One site's counts."""

    site: str
    captures: int = 0
    html: int = 0
    revisits: int = 0
    http_errors: int = 0
    page_types: Counter[str] = field(default_factory=Counter)
    lengths: list[int] = field(default_factory=list)


@dataclass
class RunRow:
    """One run's counts."""

    run: str
    captures: int = 0
    new_urls: int = 0
    revisits: int = 0
    changed: int = 0
    http_errors: int = 0
    by_site: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class Change:
    """A URL archived with different payloads (a page that changed between captures)."""

    url: str
    site: str
    versions: int
    revisits: int
    first: str
    last: str


@dataclass
class Summary:
    """Everything the report shows."""

    sites: list[SiteRow]
    runs: list[RunRow]
    failures: list[tuple[str, str, str, int]]  # (site, host, reason, count)
    changes: list[Change]
    duplicate_groups: list[list[Document]]  # each: the representative first, then its duplicates
    lengths: list[int]
    published: list[str]


def summarise(facts: CrawlFacts) -> Summary:
    """Count what the report shows."""
    sites = {name: SiteRow(name) for name in facts.sites}
    runs = {name: RunRow(name) for name in facts.runs}
    failures: Counter[tuple[str, str, str]] = Counter()
    seen: set[str] = set()
    history: dict[str, list[tuple[str, bool, str]]] = defaultdict(list)  # url → (date, revisit, run)
    for capture in facts.captures:
        site, run = sites[capture.site], runs[capture.run]
        site.captures += 1
        site.html += capture.html
        run.captures += 1
        run.by_site[capture.site] += 1
        if capture.url not in seen:
            seen.add(capture.url)
            run.new_urls += 1
        if capture.revisit:
            site.revisits += 1
            run.revisits += 1
        if capture.status >= 400:
            site.http_errors += 1
            run.http_errors += 1
            failures[(capture.site, capture.host, f"http_{capture.status}")] += 1
        if 200 <= capture.status < 300:
            history[capture.url].append((capture.date, capture.revisit, capture.run))
    changes = _changes(history, {c.url: c.site for c in facts.captures}, runs)
    for doc in facts.documents:
        row = sites.setdefault(doc.site, SiteRow(doc.site))
        row.page_types[doc.page_type] += 1
        if doc.page_type == "article" and doc.text:
            row.lengths.append(len(doc.text))
        if doc.page_type in NOTICE_TYPES:
            reason = doc.page_type if doc.page_type != "error" else f"error_{doc.extra.get('reason', 'page')}"
            failures[(doc.site, _host(doc.url), reason)] += 1
    articles = [d for d in facts.documents if d.page_type == "article" and d.text]
    return Summary(
        sites=[sites[name] for name in sorted(sites)],
        runs=[runs[name] for name in facts.runs],
        failures=sorted((s, h, r, n) for (s, h, r), n in failures.items()),
        changes=changes,
        duplicate_groups=duplicate_groups(articles),
        lengths=sorted(len(d.text or "") for d in articles),
        published=sorted(d.published for d in articles if d.published),
    )


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).hostname or ""


def _changes(history: dict[str, list[tuple[str, bool, str]]], site_of: dict[str, str],
             runs: dict[str, RunRow]) -> list[Change]:
    """URLs with more than one stored payload; each later payload counts as a change of its run."""
    changes = []
    for url, captures in history.items():
        stored = [c for c in captures if not c[1]]
        for _, _, run in stored[1:]:
            runs[run].changed += 1
        if len(stored) > 1 or len(captures) > 1:
            dates = sorted(c[0] for c in captures)
            changes.append(Change(url, site_of[url], len(stored), len(captures) - len(stored), dates[0], dates[-1]))
    return sorted(changes, key=lambda c: (-c.versions, c.url))


def duplicate_groups(articles: list[Document]) -> list[list[Document]]:
    """Groups of exact and near-duplicate articles (archive/corpus/nearduplicates.py), largest first."""
    keys = group_duplicates(articles)
    by_key = {document_key(doc): doc for doc in articles}
    groups: dict[str, list[Document]] = defaultdict(list)
    for doc, key in zip(articles, keys):
        if key is not None:
            groups[key].append(doc)
    ordered = [[by_key[key], *members] for key, members in groups.items()]
    return sorted(ordered, key=lambda g: (-len(g), g[0].url))
