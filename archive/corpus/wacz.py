"""Package WARC files as a WACZ (zipped WARCs + CDXJ index + pages.jsonl + datapackage.json).

py-wacz (the ``wacz`` package) does the work: it indexes the WARCs, copies them into
``archive/``, writes ``indexes/index.cdx.gz``, ``pages/pages.jsonl`` and the hashed
``datapackage.json``. This module picks the pages (from a crawl's documents, else every
HTML page stored with status 200) and makes the result atomic: the zip is written as ``OUT.open`` and
renamed when complete (archive/safefile.py).
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import shutil
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]
from warcio.exceptions import ArchiveLoadFailed  # type: ignore[import-untyped]

from archive.errors import ArchiveError
from archive.safefile import is_stream_node, replacing, resolved_target

logger = logging.getLogger(__name__)

#: Document page types listed as pages of the WACZ (what a reader would open first).
PAGE_TYPES = ("article", "list")
#: Content types of the records listed as pages when no documents are given.
HTML_TYPES = ("text/html", "application/xhtml+xml")
PAGES_HEADER = {"format": "json-pages-1.0", "id": "pages", "title": "Pages"}
_UNMATCHED = "Invalid passed page"


class WaczError(ArchiveError):
    """A WACZ file could not be built from the given WARC files and pages."""


def pages_from_documents(documents: Iterable[dict[str, Any]]) -> list[dict[str, str]]:
    """WACZ page entries (url, title, ts) of the article and list documents of a crawl.

    ``ts`` is the document's ``fetched_at`` (the WARC-Date of its response record), which is
    how py-wacz finds the record; documents without it are skipped.
    """
    pages: dict[tuple[str, str], dict[str, str]] = {}
    for doc in documents:
        url, ts = doc.get("url"), doc.get("fetched_at")
        if doc.get("page_type") not in PAGE_TYPES or not url or not ts:
            continue
        pages[(url, ts)] = {"url": url, "title": doc.get("title") or url, "ts": ts}
    return list(pages.values())


def pages_from_warcs(warc_paths: Iterable[Path]) -> list[dict[str, str]]:
    """Page entries of every HTML response (or revisit) stored with status 200, in file order.

    py-wacz's own ``--detect-pages`` keeps only pages some request named as Referer, which
    leaves out every article of a crawl (articles load nothing); this lists them all.

    Raises:
        WaczError: a file is not a readable WARC.
    """
    pages = []
    for path in warc_paths:
        try:
            with Path(path).open("rb") as handle:
                for record in ArchiveIterator(handle):
                    http = record.http_headers
                    if record.rec_type not in ("response", "revisit") or http is None:
                        continue
                    mime = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
                    if http.get_statuscode() == "200" and mime in HTML_TYPES:
                        url = record.rec_headers.get_header("WARC-Target-URI")
                        pages.append({"url": url, "title": url, "ts": record.rec_headers.get_header("WARC-Date")})
        except (OSError, ArchiveLoadFailed) as exc:
            raise WaczError(f"cannot read WARC file {path} for its pages: {exc}; check it with `warcio check`") from exc
    return pages


def _write_pages(pages: list[dict[str, str]], path: Path) -> None:
    lines = [json.dumps(PAGES_HEADER)] + [json.dumps(page, ensure_ascii=False) for page in pages]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _run_py_wacz(args: list[str]) -> str:
    """Run ``wacz create ARGS`` in-process; return its output. Raises WaczError on failure."""
    from wacz.main import main as wacz_cli  # type: ignore[import-untyped]

    output = io.StringIO()
    try:
        with contextlib.redirect_stdout(output):
            status = wacz_cli(args)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        raise WaczError(f"py-wacz failed on {args[-1]}: {exc!r}; check the WARC files with `warcio check`") from exc
    if status != 0:
        raise WaczError(f"py-wacz exited with {status}: {output.getvalue()[-2000:].strip()}")
    return output.getvalue()


def package_wacz(warc_paths: list[Path], out: Path, *, pages: list[dict[str, Any]] | None = None,
                 title: str | None = None) -> Path:
    """Write the WACZ file ``out`` holding ``warc_paths``.

    Args:
        warc_paths: finished WARC files (``*.warc.gz``); their base names must differ.
        out: the ``.wacz`` file to write; its folder is created.
        pages: entries with ``url`` and ``ts`` (ISO WARC-Date) and optional ``title``, for
            ``pages/pages.jsonl``; None or empty: every HTML page (see :func:`pages_from_warcs`).
        title: the collection title in ``datapackage.json``.

    Returns:
        ``out``.

    Raises:
        WaczError: no or missing WARC files, duplicate names, a page list none of whose
            entries matches a record, or py-wacz failed.
    """
    warcs = [Path(p) for p in warc_paths]
    if not warcs:
        raise WaczError(f"no WARC files to package into {out}")
    missing = [str(p) for p in warcs if not p.is_file()]
    if missing:
        raise WaczError(f"WARC file(s) not found: {', '.join(missing)}")
    if len({p.name for p in warcs}) != len(warcs):
        raise WaczError(f"two WARC files share a name; a WACZ stores them flat in archive/: {warcs}")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    pages = pages or pages_from_warcs(warcs)
    if is_stream_node(resolved_target(out)):  # a FIFO or device: built aside, then written to it
        with tempfile.TemporaryDirectory(prefix="zhengwen-wacz-") as tmp:
            built = _build(warcs, Path(tmp, "out.wacz"), pages, title)
            with built.open("rb") as source, out.open("wb") as sink:
                shutil.copyfileobj(source, sink)
        return out
    with replacing(out) as partial:
        _build(warcs, partial, pages, title)
    return out


def _build(warcs: list[Path], partial: Path, pages: list[dict[str, Any]], title: str | None) -> Path:
    """Run py-wacz into ``partial``; check that the pages made it in."""
    with tempfile.TemporaryDirectory(prefix="zhengwen-wacz-") as tmp:
        args = ["create", "-o", str(partial)]
        if pages:
            pages_file = Path(tmp, "pages.jsonl")
            _write_pages([{k: v for k, v in p.items() if k in ("url", "ts", "title")} for p in pages], pages_file)
            args += ["-p", str(pages_file)]
        else:
            logger.warning("no HTML page in %s: the WACZ will have no pages/pages.jsonl", warcs)
        if title:
            args += ["--title", title]
        output = _run_py_wacz(args + [str(p) for p in warcs])
        _check_pages(partial, output, bool(pages))
    return partial


def _check_pages(wacz_path: Path, output: str, passed: bool) -> None:
    unmatched = output.count(_UNMATCHED)
    if unmatched:
        logger.warning("%d page(s) matched no record in the WARC files and were left out of %s", unmatched, wacz_path)
    with zipfile.ZipFile(wacz_path) as archive:
        has_pages = "pages/pages.jsonl" in archive.namelist()
    if passed and not has_pages:
        raise WaczError(f"none of the pages matched a response record (url + WARC-Date); {unmatched} unmatched")
