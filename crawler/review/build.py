"""Build the review site of a crawl folder: choose documents, read their records, write the pages."""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from archive import decoded_payload, document_from_dict, read_jsonl, read_response
from crawler.extract import sniff
from crawler.extract.core import HeaderMap
from crawler.extract.decode import decode_body
from crawler.extract.repair import parse_html
from crawler.extract.trail import extract_trail
from crawler.review.pages import IndexEntry, ReplayLinks, document_page, index_page
from crawler.review.snapshot import make_safe, mark_trail, snapshot_html

if TYPE_CHECKING:
    from archive import Document
    from crawler.extract.trail import Trail

#: Page types that have a page to show (an attachment is not HTML).
REVIEWABLE = frozenset({"article", "list", "deleted", "blocked", "error"})
#: The file that says a folder is a review site (and may be replaced by a new one).
INDEX = "index.html"


class ReviewError(Exception):
    """The output folder cannot be written, or is a folder that is not a review site."""


@dataclass(frozen=True)
class ReviewResult:
    """What was written."""

    folder: Path
    pages: int
    skipped: list[str]  # one line per document that could not be shown, with the reason


def load_documents(folder: Path) -> list[Document]:
    """The crawl folder's documents: its ``text.jsonl``, else re-derived from its WARC files."""
    jsonl = folder / "text.jsonl"
    if jsonl.is_file():
        return [document_from_dict(row) for row in read_jsonl(jsonl)]
    from archive.warc.damage import DamageLog
    from crawler.rederive import replay_documents

    return list(replay_documents([folder / "warc"], workers=1, damage=DamageLog()))


def choose(documents: list[Document], *, site: str | None, sample: int | None) -> list[Document]:
    """The documents to review: HTML pages with a WARC pointer, of ``site``; ``sample`` of them, the same every time.

    A sample takes the documents whose record ids hash lowest (spread over sites and runs
    alike, stable across runs), shown in archive order.
    """
    chosen = [d for d in documents if d.page_type in REVIEWABLE and d.warc_file and d.warc_offset is not None
              and (site is None or d.site == site)]
    if sample is not None and sample < len(chosen):
        ranked = sorted(chosen, key=lambda d: hashlib.sha1((d.warc_record_id or d.url).encode()).hexdigest())
        keep = {id(d) for d in ranked[:sample]}
        chosen = [d for d in chosen if id(d) in keep]
    return chosen


def page_name(number: int, doc: Document) -> str:
    """``pages/0007-<site>.html``: numbered in archive order."""
    return f"pages/{number:04d}-{doc.site}.html"


def build_review(folder: Path, documents: list[Document], output: Path, *, replay: ReplayLinks) -> ReviewResult:
    """Write the review site of ``documents`` into ``output`` (replaced only when complete).

    Raises:
        ReviewError: ``output`` exists and is not a review site, or cannot be written.
    """
    if output.exists() and (not output.is_dir() or any(output.iterdir()) and not (output / INDEX).is_file()):
        raise ReviewError(f"{output} exists and is not a review site (no {INDEX}); name a new folder")
    work = output.with_name(f".{output.name}.open")
    shutil.rmtree(work, ignore_errors=True)
    (work / "pages").mkdir(parents=True)
    entries, skipped, pages = [], [], []
    for doc in documents:
        try:
            pages.append((doc, *_render_parts(folder, doc)))
        except Exception as exc:  # one unreadable record must not stop the site; it is named
            skipped.append(f"{doc.url} ({doc.warc_file}@{doc.warc_offset}): {type(exc).__name__}: {exc}")
    names = [page_name(n, doc) for n, (doc, _, _) in enumerate(pages, 1)]
    for number, (doc, trail, snapshot) in enumerate(pages):
        prev_href = "../" + names[number - 1] if number else None
        next_href = "../" + names[number + 1] if number + 1 < len(pages) else None
        html = document_page(doc, trail, snapshot, index_href="../index.html", replay=replay,
                             prev_href=prev_href, next_href=next_href)
        (work / names[number]).write_text(html, encoding="utf-8")
        entries.append(IndexEntry(names[number], doc, len(trail.removed), len(trail.blocks)))
    (work / INDEX).write_text(index_page(entries, folder=str(folder), replay=replay), encoding="utf-8")
    if output.exists():
        shutil.rmtree(output)
    work.rename(output)
    return ReviewResult(output, len(entries), skipped)


def _render_parts(folder: Path, doc: Document) -> tuple[Trail, str]:
    """The trail and the safe, highlighted snapshot of one document's archived record."""
    resp = read_response(folder / "warc" / str(doc.warc_file), int(doc.warc_offset or 0))
    payload = decoded_payload(resp)
    headers = HeaderMap(resp.headers)
    trail = extract_trail(payload, resp.target_uri, headers)
    tree = parse_html(decode_body(sniff.parse_window(payload), headers).text)
    if tree is None:
        return trail, "<!DOCTYPE html><p>(empty page)</p>"
    mark_trail(tree, trail)
    make_safe(tree)
    return trail, snapshot_html(tree)
