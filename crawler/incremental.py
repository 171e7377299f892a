"""The incremental policy: seeds and listings every run, archived articles after their recrawl interval.

A downloader middleware reads and keeps the per-URL state of the crawl folder's store
(crawler/state/): an article URL archived less than its recrawl interval ago is not
requested (``skip/reason_count/recrawl_not_due``); an older one is requested with
``If-None-Match``/``If-Modified-Since`` from its last response, and a ``304`` comes back
to the spider as "unchanged". Seeds, listing pages, robots.txt and URLs whose last fetch
failed are always requested. Every archived response updates the URL's state.

Scrapy's dupefilter still fetches each URL once per run: the crawl command gives every
run a fresh JOBDIR (crawler/runs.py), so nothing seen in one run blocks the next.
A resumed run (``crawl --resume``) answers the URLs it archived before the interruption
from their WARC records instead of fetching them again.
"""

from __future__ import annotations

import logging
import time
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.http import Headers
from scrapy.responsetypes import responsetypes

from archive.errors import ArchiveError
from archive.warc.reader import read_response
from archive.warc.revisit import sha1_digest
from crawler import reasons
from crawler.exceptions import SkippedRequest
from crawler.extensions import WARC_META_KEY
from crawler.folder import warc_dir
from crawler.profiles import profile_for_url
from crawler.state import UrlState, open_state

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

    from archive.records import ArchivedResponse
    from crawler.state import CrawlState

logger = logging.getLogger(__name__)

#: request.meta key of a response answered from the archive on resume (not archived again, no Document).
RESUMED_META_KEY = "zhengwen_resumed"
#: request.meta key: the listing page a followed link was found on ("gone" in ``zhengwen changes``).
LINKED_FROM = "linked_from"
#: The statuses after which an article is "archived" and waits for its interval.
_SETTLED = range(200, 300)


class RecrawlNotDue(SkippedRequest):
    """An archived article fetched less than its site's recrawl interval ago."""

    reason = reasons.RECRAWL_NOT_DUE


def recrawl_interval(settings: Any, url: str) -> float:
    """Seconds before an archived article is fetched again: RECRAWL_INTERVAL, else its site profile's."""
    override = settings.get("RECRAWL_INTERVAL")
    if override not in (None, ""):
        return settings.getfloat("RECRAWL_INTERVAL")
    return float(profile_for_url(url).recrawl_interval)


def _epoch(warc_date: str) -> float:
    return datetime.fromisoformat(warc_date.replace("Z", "+00:00")).timestamp()


def conditional_headers(state: UrlState) -> dict[str, str]:
    """``If-None-Match``/``If-Modified-Since`` from the URL's last full response."""
    headers = {}
    if state.etag:
        headers["If-None-Match"] = state.etag
    if state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    return headers


def fetch_state(url: str, archived: ArchivedResponse, run_id: str) -> UrlState:
    """The state a fetch leaves: a 304 keeps the validators and digest of the response before it.

    The digest is the record's WARC-Payload-Digest, which the writer computed already
    (hashing the payload once more here cost capture a tenth of a millisecond per page).
    """
    full = archived.status != 304
    return UrlState(
        url=url, fetched_at=archived.warc_date, status=archived.status,
        etag=archived.header("ETag") if full else None,
        last_modified=archived.header("Last-Modified") if full else None,
        payload_digest=(archived.payload_digest or sha1_digest(archived.payload)) if full else None,
        warc_file=archived.pointer.warc_file or None, warc_offset=archived.pointer.warc_offset,
        warc_record_id=archived.pointer.warc_record_id or None, run_id=run_id,
    )


class IncrementalMiddleware:
    """Downloader middleware: skip articles inside their interval, ask conditionally, keep the state."""

    def __init__(self, crawler: Crawler, state: CrawlState, run_id: str, resuming: bool):
        self.crawler = crawler
        self.state = state
        self.run_id = run_id
        self.resuming = resuming

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        if not settings.getbool("INCREMENTAL_ENABLED"):
            raise NotConfigured("INCREMENTAL_ENABLED is off")
        middleware = cls(crawler, open_state(settings), settings.get("CRAWL_RUN_ID"), settings.getbool("CRAWL_RESUMING"))
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def spider_closed(self) -> None:
        self.state.close()

    def _inc(self, key: str) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(key)

    def process_request(self, request: Request) -> Response | None:
        if request.meta.get("dont_obey_robotstxt") or urlsplit(request.url).path == "/robots.txt":
            return None
        listing = request.meta.get(LINKED_FROM)
        if listing and self.run_id and not request.meta.get("retry_times"):
            self.state.record_link(request.url, listing, self.run_id)
        state = self.state.url_state(request.url)
        if state is None or state.fetched_at is None:
            return None
        if self.resuming and self.run_id and state.run_id == self.run_id:
            return self._from_archive(request, state)
        spider = self.crawler.spider
        if request.meta.get("seed") or spider is None or not spider.is_article_url(request.url):
            return None
        if state.status not in _SETTLED and state.status != 304:
            return None
        interval = recrawl_interval(self.crawler.settings, request.url)
        if interval > 0 and time.time() - _epoch(state.fetched_at) < interval:
            raise RecrawlNotDue(f"archived {state.fetched_at}, recrawl interval {interval:g} s: {request.url}")
        headers = conditional_headers(state)
        if headers:
            for name, value in headers.items():
                request.headers.setdefault(name, value)
            request.meta["handle_httpstatus_list"] = [*request.meta.get("handle_httpstatus_list", []), 304]
            self._inc("incremental/conditional_request_count")
        return None

    def _from_archive(self, request: Request, state: UrlState) -> Response | None:
        """On resume: the capture this run already made, read back from its WARC record."""
        if not state.warc_file or state.warc_offset is None:
            return None
        try:
            archived = read_response(Path(warc_dir(self.crawler.settings)) / state.warc_file, state.warc_offset)
        except ArchiveError as exc:
            self._inc("resume/archive_read_error_count")
            logger.warning("resume: cannot read the capture of %s back (%s): fetching it again", request.url, exc)
            return None
        request.meta[RESUMED_META_KEY] = True
        self._inc("resume/served_from_archive_count")
        logger.info("resume: %s was archived before the interruption: answered from %s", request.url, state.warc_file)
        headers = Headers(archived.headers)
        response_class = responsetypes.from_args(headers=headers, url=request.url, body=archived.payload)
        return response_class(url=request.url, status=archived.status, headers=headers, body=archived.payload,
                              request=request, protocol="HTTP/1.1")

    def process_response(self, request: Request, response: Response) -> Response:
        archived = request.meta.get(WARC_META_KEY)
        if archived is not None and not request.meta.get(RESUMED_META_KEY):
            self.state.record_fetch(fetch_state(request.url, archived, self.run_id))
        return response
