"""extract_html / extract_response: one archived response in, one Document out."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import trafilatura

from archive.records import Document
from crawler.extract import pagetype, sniff
from crawler.extract.analysis import analyse
from crawler.extract.dates import htmldate_fallback
from crawler.extract.decision import decide
from crawler.extract.decode import decode_body
from crawler.extract.folds import may_fold
from crawler.extract.hints import merged_hints, profiles_digest
from crawler.extract.language import detect_language
from crawler.extract.maintext import finish_lines
from crawler.extract.metadata import with_clock_time
from crawler.extract.model import default_model
from crawler.extract.repair import parse_html
from crawler.extract.segment import PRE
from crawler.profiles import profile_for_url
from crawler.urls import canonicalize

if TYPE_CHECKING:
    from collections.abc import Mapping

    from archive.records import ArchivedResponse
    from crawler.extract.model import BlockModel
    from crawler.profiles import SiteProfile


class HeaderMap(dict[str, str]):
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


def extractor_versions(model: BlockModel | None = None) -> dict[str, str]:
    """What produced a Document: zhengwen, trafilatura, the site profiles' digest and the block model."""
    from crawler import __version__ as zhengwen_version

    return {
        "zhengwen": zhengwen_version,
        "trafilatura": trafilatura.__version__,
        "profiles": profiles_digest(),
        "model": (model or default_model()).version,
    }


def extract_html(
    body: bytes,
    url: str,
    headers: Mapping[str, str] | None = None,
    *,
    profile: SiteProfile | None = None,
    model: BlockModel | None = None,
) -> Document:
    """Extract the cleaned Document from one HTML response.

    A pure function of its arguments: sniff (binary formats are attachments, binary junk
    an error; at most ``sniff.MAX_PARSE_BYTES`` are parsed) → decode → repair/parse → blocks and their evidence
    (crawler/extract/analysis.py) → the block model's decision → post-clean → metadata →
    language → page type.

    Args:
        body: the payload, Content-Encoding already removed.
        url: the response's URL; it selects the site profile.
        headers: response headers (only Content-Type is read), any key case.
        profile: use this site profile instead of the URL's (held-out evaluation reads
            pages with the generic profile, as a site nobody tuned for).
        model: use these block-model weights instead of the bundled ones.

    Returns:
        The Document; ``text`` is None unless ``page_type`` is ``article``.
    """
    fields = HeaderMap(headers)
    profile = profile or profile_for_url(url)
    hints = merged_hints(profile)
    model = model or default_model()
    base = {"url": url, "canonical_url": canonicalize(url), "site": profile.slug, "extractor": extractor_versions(model)}
    empty = {"title": None, "published": None, "source": None, "language": None, "text": None}
    content_type = fields.get("Content-Type")
    if pagetype.is_attachment(body, fields):
        kind = sniff.magic_kind(body)
        sniffed = {"sniffed": kind} if kind and kind not in sniff.LEGACY_MAGIC else {}
        return Document(**base, page_type=pagetype.ATTACHMENT, **empty, extra={"content_type": content_type, **sniffed})
    if sniff.is_binary_junk(body):
        reason = {"content_type": content_type, "reason": "binary_payload"}
        return Document(**base, page_type=pagetype.ERROR, **empty, extra=reason)
    window = sniff.parse_window(body)
    decoded = decode_body(window, fields)
    extra: dict[str, object] = {"charset": decoded.charset, "charset_overruled": decoded.overruled}
    if decoded.rule:
        extra["charset_rule"] = decoded.rule
    if decoded.replaced:
        extra["charset_replaced"] = decoded.replaced  # invalid byte sequences read as U+FFFD
    if len(window) < len(body):
        extra["parsed_bytes"] = len(window)
    tree = parse_html(decoded.text)
    if tree is None:
        return Document(**base, page_type=pagetype.ERROR, **empty, extra={**extra, "reason": "empty_document"})
    analysis = analyse(tree, url, hints, folded=may_fold(decoded.text))
    if analysis.notice:
        language = detect_language("\n".join(analysis.page_texts))
        return Document(**base, page_type=analysis.notice, **{**empty, "language": language}, extra=extra)
    meta = analysis.metadata
    extra.update(meta.extra)
    blocks = analysis.blocks
    decision = decide(analysis, model)
    lines = finish_lines(blocks, decision.keep, meta.title, analysis.headline, analysis.listed)
    kept = decision.kept(blocks)
    best = decision.best
    if not analysis.has_container and pagetype.looks_like_list(blocks, kept, best, url, analysis.headline):
        language = detect_language("\n".join(analysis.page_texts))
        return Document(**base, page_type=pagetype.LIST, **{**empty, "title": meta.title, "language": language}, extra=extra)
    text = "\n".join(lines) or None
    prose = "\n".join(block.text for block in kept if not block.flags & PRE)
    return Document(
        **base,
        page_type=pagetype.ARTICLE,
        title=meta.title,
        # htmldate alters the tree: last but one
        published=with_clock_time(meta.published or htmldate_fallback(tree, url) or meta.spelled_day, meta.zoned_times),
        source=meta.source,
        language=detect_language(prose or text),  # code blocks do not vote
        text=text,
        extra=extra,
    )


def extract_response(resp: ArchivedResponse, payload: bytes) -> Document:
    """Extract the Document of an archived response and stamp it with its WARC provenance.

    Args:
        resp: the stored response (target URI, headers, WARC-Date, record pointer).
        payload: its body with Content-Encoding removed (the caller decodes it).
    """
    document = extract_html(payload, resp.target_uri, HeaderMap(resp.headers))
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
