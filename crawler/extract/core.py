"""extract_html / extract_response: one archived response in, one Document out."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import trafilatura

from archive.records import Document
from crawler.extract import pagetype
from crawler.extract.blocks import block_lines
from crawler.extract.body import main_text_lines
from crawler.extract.clean import find_body, prune, unhide
from crawler.extract.decode import decode_body
from crawler.extract.hints import merged_hints, profiles_digest
from crawler.extract.language import detect_language
from crawler.extract.metadata import extract_metadata
from crawler.extract.postclean import postclean
from crawler.extract.repair import parse_html
from crawler.profiles import profile_for_url
from crawler.urls import canonicalize

if TYPE_CHECKING:
    from collections.abc import Mapping

    from archive.records import ArchivedResponse


class Headers(dict[str, str]):
    """A read-only-by-convention, case-insensitive header mapping (first value wins)."""

    def __init__(self, pairs: Mapping[str, str] | list[tuple[str, str]] | None = None) -> None:
        super().__init__()
        items = pairs.items() if hasattr(pairs, "items") else (pairs or [])
        for key, value in items:
            self.setdefault(key.lower(), value)

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        return super().get(key.lower(), default)

    def __getitem__(self, key: str) -> str:
        return super().__getitem__(key.lower())

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and super().__contains__(key.lower())


def extractor_versions() -> dict[str, str]:
    """What produced a Document: zhengwen, trafilatura and the site profiles' digest."""
    try:
        from crawler import __version__ as zhengwen_version
    except ImportError:
        zhengwen_version = "0.1.0"
    return {"zhengwen": zhengwen_version, "trafilatura": trafilatura.__version__, "profiles": profiles_digest()}


def extract_html(body: bytes, url: str, headers: Mapping[str, str] | None = None) -> Document:
    """Extract the cleaned Document from one HTML response.

    A pure function of its arguments: decode → repair/parse → profile pre-clean →
    main text → post-clean → metadata → language → page type.

    Args:
        body: the payload, Content-Encoding already removed.
        url: the response's URL; it selects the site profile.
        headers: response headers (only Content-Type is read), any key case.

    Returns:
        The Document; ``text`` is None unless ``page_type`` is ``article``.
    """
    fields = Headers(headers)
    profile = profile_for_url(url)
    hints = merged_hints(profile)
    base = {"url": url, "canonical_url": canonicalize(url), "site": profile.slug, "extractor": extractor_versions()}
    empty = {"title": None, "published": None, "source": None, "language": None, "text": None}
    if pagetype.is_attachment(body, fields):
        content_type = fields.get("Content-Type")
        return Document(**base, page_type=pagetype.ATTACHMENT, **empty, extra={"content_type": content_type})
    decoded = decode_body(body, fields)
    extra: dict[str, object] = {"charset": decoded.charset, "charset_overruled": decoded.overruled}
    tree = parse_html(decoded.text)
    if tree is None:
        return Document(**base, page_type=pagetype.ERROR, **empty, extra={**extra, "reason": "empty_document"})
    page_lines = block_lines(tree)
    notice = pagetype.notice_type(page_lines, hints)
    if notice:
        language = detect_language("\n".join(line.text for line in page_lines))
        return Document(**base, page_type=notice, **{**empty, "language": language}, extra=extra)
    texts = [line.text for line in page_lines]
    meta = extract_metadata(tree, hints, url, texts)
    extra.update(meta.extra)
    container = find_body(tree, hints.body_xpaths)
    if container is not None:
        unhide(container)
    prune(tree, hints.prune_xpaths, keep=container)
    lines = postclean(main_text_lines(tree, container), meta.title)
    if pagetype.looks_like_list(lines, container is not None):
        return Document(
            **base, page_type=pagetype.LIST, **{**empty, "title": meta.title, "language": detect_language("\n".join(texts))}, extra=extra
        )
    text = "\n".join(lines) or None
    return Document(
        **base,
        page_type=pagetype.ARTICLE,
        title=meta.title,
        published=meta.published,
        source=meta.source,
        language=detect_language(text),
        text=text,
        extra=extra,
    )


def extract_response(resp: ArchivedResponse, payload: bytes) -> Document:
    """Extract the Document of an archived response and stamp it with its WARC provenance.

    Args:
        resp: the stored response (target URI, headers, WARC-Date, record pointer).
        payload: its body with Content-Encoding removed (the caller decodes it).
    """
    document = extract_html(payload, resp.target_uri, Headers(resp.headers))
    extra = document.extra
    if resp.truncated:
        # The body is incomplete (WARC-Truncated): say so rather than pass it off as whole.
        extra = {**extra, "truncated": resp.truncated}
    return dataclasses.replace(
        document,
        extra=extra,
        fetched_at=resp.warc_date,
        http_status=resp.status,
        # An empty pointer: the crawl ran with WARC_ENABLED off, nothing to point at.
        warc_file=resp.pointer.warc_file or None,
        warc_offset=resp.pointer.warc_offset if resp.pointer.warc_file else None,
        warc_record_id=resp.pointer.warc_record_id or None,
    )
