"""What a crawl folder's runs found new, changed and gone since a run or a date (``zhengwen changes``).

- **new**: a Document with ``version`` 1 fetched since then;
- **changed**: a Document with ``version`` ≥ 2 fetched since then, with the lines of text
  added and removed against the version before it (and whether the title changed);
- **gone**: a URL with a Document that since then answered 404 or 410, became a
  ``deleted`` page, or is no longer linked by the listing page that linked it (that
  listing was fetched again since then and did not link it).

Documents come from ``text.jsonl``; the run rows, fetch statuses and links from the
crawl state store (crawler/state/).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from crawler.state import CrawlState, RunRow

GONE_STATUSES = (404, 410)


class SinceError(ValueError):
    """``--since`` names no run of the folder and is not a date."""


@dataclass(frozen=True)
class Change:
    """One line of ``zhengwen changes``."""

    change: str  # new, changed, gone
    url: str
    site: str | None = None
    page_type: str | None = None
    title: str | None = None
    fetched_at: str | None = None
    version: int | None = None
    previous_fetched_at: str | None = None
    lines_added: int | None = None
    lines_removed: int | None = None
    title_changed: bool | None = None
    reason: str | None = None  # gone: http_404, http_410, deleted, unlinked

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}


def moment(text: str) -> datetime:
    """An ISO 8601 time (``Z`` or an offset) or a date, as an aware UTC datetime."""
    if len(text) == 10:
        day = date.fromisoformat(text)
        return datetime(day.year, day.month, day.day, tzinfo=timezone.utc)
    parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def cutoff(since: str | None, runs: list[RunRow]) -> datetime | None:
    """When "since" begins: the start of the run after run ``since``, or the date/time ``since``.

    Default: the start of the latest run (what it changed). None: nothing is after it.

    Raises:
        SinceError: ``since`` is neither a run id of the folder nor a date.
    """
    ids = [r.run_id for r in runs]
    if since is None:
        return moment(runs[-1].started_at) if runs else None
    if since in ids:
        later = runs[ids.index(since) + 1:]
        return moment(later[0].started_at) if later else None
    try:
        return moment(since)
    except ValueError:
        raise SinceError(f"--since {since}: not a run of this folder ({', '.join(ids[-3:]) or 'none yet'}"
                         f"{' …' if len(ids) > 3 else ''}) and not a date YYYY-MM-DD") from None


def text_diff(old: str | None, new: str | None) -> tuple[int, int]:
    """Lines added and removed from ``old`` to ``new``."""
    added = removed = 0
    for line in difflib.ndiff((old or "").splitlines(), (new or "").splitlines()):
        added += line.startswith("+ ")
        removed += line.startswith("- ")
    return added, removed


def find_changes(documents: Iterable[dict[str, Any]], state: CrawlState, since: datetime) -> list[Change]:
    """Every new, changed and gone URL since ``since``, in that order, each sorted by URL."""
    by_key = {}
    latest: dict[str, dict[str, Any]] = {}
    for doc in documents:
        by_key[(doc["url"], doc.get("fetched_at"))] = doc
        latest[doc["url"]] = doc
    new, changed, gone = [], [], {}
    for url, doc in sorted(latest.items()):
        if not doc.get("fetched_at") or moment(doc["fetched_at"]) < since:
            continue
        version = int(doc.get("version", 1))
        base = dict(url=url, site=doc.get("site"), page_type=doc.get("page_type"), title=doc.get("title"),
                    fetched_at=doc["fetched_at"], version=version)
        if doc.get("page_type") == "deleted":
            gone[url] = Change("gone", **base, reason="deleted")
        elif version == 1:
            new.append(Change("new", **base))
        else:
            before = by_key.get((url, doc.get("previous_fetched_at")), {})
            added, removed = text_diff(before.get("text"), doc.get("text"))
            changed.append(Change("changed", **base, previous_fetched_at=doc.get("previous_fetched_at"),
                                  lines_added=added, lines_removed=removed,
                                  title_changed=before.get("title") != doc.get("title")))
    for url, reason in _gone_by_state(state, since, set(latest)):
        doc = latest[url]
        gone.setdefault(url, Change("gone", url, site=doc.get("site"), page_type=doc.get("page_type"),
                                    title=doc.get("title"), reason=reason))
    return [*new, *changed, *(gone[u] for u in sorted(gone))]


def _gone_by_state(state: CrawlState, since: datetime, documented: set[str]) -> Iterable[tuple[str, str]]:
    states = {s.url: s for s in state.all_url_states()}
    started = {r.run_id: moment(r.started_at) for r in state.runs()}
    for url, s in states.items():
        if url not in documented:
            continue
        if s.status in GONE_STATUSES and s.fetched_at and moment(s.fetched_at) >= since:
            yield url, f"http_{s.status}"
            continue
        if not s.linked_from or s.linked_run not in started or started[s.linked_run] >= since:
            continue
        listing = states.get(s.linked_from)
        if (listing is not None and listing.fetched_at and moment(listing.fetched_at) >= since
                and listing.status is not None and 200 <= listing.status < 300):
            yield url, "unlinked"


def format_table(changes: list[Change]) -> str:
    """A plain-text table: change, URL, detail."""
    rows = []
    for c in changes:
        if c.change == "changed":
            detail = f"v{c.version}: +{c.lines_added} −{c.lines_removed} lines{', new title' if c.title_changed else ''}"
        elif c.change == "gone":
            detail = c.reason or ""
        else:
            detail = c.page_type or ""
        rows.append((c.change, c.url, detail))
    width = max((len(r[1]) for r in rows), default=3)
    lines = [f"{'change':<8} {'url':<{width}} detail"]
    lines += [f"{a:<8} {b:<{width}} {d}" for a, b, d in rows]
    return "\n".join(lines)
