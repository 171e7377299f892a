"""Spider traps: URL-pattern rules for discovered links, and a per-host page cap.

Endless calendars (``?year=2099&month=1`` → next month → …), relative links that grow
a path (``/a/b/a/b/a/b/``) and session ids in URLs (one page under a new URL per
visit) make a crawl unbounded. ``DEPTH_LIMIT`` bounds how far links are followed; these
rules drop the trap URLs themselves (each drop counted as ``skip/reason_count/<rule>``
and logged with its URL) and ``TRAP_HOST_PAGE_LIMIT`` caps what any one host costs.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from scrapy import Request
from scrapy.exceptions import NotConfigured

from crawler import reasons
from crawler.exceptions import SkippedRequest
from crawler.hostcounts import host_counts

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.statscollectors import StatsCollector

    from crawler.hostcounts import HostCounts

logger = logging.getLogger(__name__)

#: A session id value: a long token of letters and digits (a short or all-digit value is
#: more likely a content id, e.g. a column's ``sid=12``, and is kept).
_SESSION_VALUE = re.compile(r"^(?=.*[A-Za-z])[0-9A-Za-z_-]{16,}$")
_PATH_PARAM = re.compile(r";([A-Za-z_]+)=([^/;?]*)")
_YEAR = re.compile(r"^(\d{4})")
#: The per-host tally of requests sent (crawler/hostcounts.py).
PAGES_SENT = "pages_sent"


class TrapRules:
    """The URL-pattern rules, from plain values (see the TRAP_* settings)."""

    def __init__(self, session_params: Iterable[str], calendar_params: Iterable[str], years_back: int,
                 years_ahead: int, max_segment_repeats: int, deny: Iterable[str], today: date | None = None):
        self.session_params = {p.lower() for p in session_params}
        self.calendar_params = {p.lower() for p in calendar_params}
        year = (today or date.today()).year
        self.years = range(year - years_back, year + years_ahead + 1)
        self.max_segment_repeats = max_segment_repeats
        self.deny = [re.compile(pattern) for pattern in deny]

    def strip_session_ids(self, url: str) -> str:
        """``url`` without session-id parameters (``;jsessionid=…`` path parameters, ``PHPSESSID=…`` …)."""
        parts = urlsplit(url)
        path = _PATH_PARAM.sub(lambda m: "" if self._is_session(m.group(1), m.group(2)) else m.group(0), parts.path)
        pairs = [p for p in parts.query.split("&") if p]
        kept = [p for p in pairs if not self._is_session(*(p.split("=", 1) + [""])[:2])]
        if path == parts.path and len(kept) == len(pairs):
            return url
        return urlunsplit((parts.scheme, parts.netloc, path, "&".join(kept), parts.fragment))

    def _is_session(self, name: str, value: str) -> bool:
        return name.lower() in self.session_params and bool(_SESSION_VALUE.match(value))

    def trap_reason(self, url: str) -> str | None:
        """The rule ``url`` breaks (a ``crawler.reasons`` constant), or None."""
        parts = urlsplit(url)
        for name, value in parse_qsl(parts.query, keep_blank_values=True):
            year = _YEAR.match(value.strip())
            if name.lower() in self.calendar_params and year and int(year.group(1)) not in self.years:
                return reasons.CALENDAR_TRAP
        segments = Counter(s for s in parts.path.split("/") if s)
        if segments and max(segments.values()) > self.max_segment_repeats:
            return reasons.REPEATED_SEGMENTS
        if any(pattern.search(url) for pattern in self.deny):
            return reasons.TRAP_DENIED
        return None


class SpiderTrapMiddleware:
    """Spider middleware: strip session ids from followed links and drop links that are traps.

    Seeds (start requests) are taken as given.
    """

    def __init__(self, rules: TrapRules, stats: StatsCollector):
        self.rules = rules
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        if not settings.getbool("TRAP_ENABLED"):
            raise NotConfigured("TRAP_ENABLED is off")
        if crawler.stats is None:
            raise NotConfigured("SpiderTrapMiddleware needs a stats collector")
        rules = TrapRules(settings.getlist("TRAP_SESSION_PARAMS"), settings.getlist("TRAP_CALENDAR_PARAMS"),
                          settings.getint("TRAP_CALENDAR_YEARS_BACK"), settings.getint("TRAP_CALENDAR_YEARS_AHEAD"),
                          settings.getint("TRAP_MAX_SEGMENT_REPEATS"), settings.getlist("TRAP_DENY"))
        return cls(rules, crawler.stats)

    def _filter(self, request: Any) -> Any | None:
        if not isinstance(request, Request):
            return request
        url = self.rules.strip_session_ids(request.url)
        if url != request.url:
            self.stats.inc_value("trap/session_id_stripped_count")
            request = request.replace(url=url)
        reason = self.rules.trap_reason(url)
        if reason is None:
            return request
        self.stats.inc_value(f"skip/reason_count/{reason}")
        logger.info("skip (%s): %s", reason, url)
        return None

    def process_spider_output(self, response: Response, result: Iterable[Any]) -> Iterator[Any]:
        for entry in result:
            kept = self._filter(entry)
            if kept is not None:
                yield kept

    async def process_spider_output_async(self, response: Response, result: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for entry in result:
            kept = self._filter(entry)
            if kept is not None:
                yield kept


class HostPageLimit(SkippedRequest):
    """The host reached ``TRAP_HOST_PAGE_LIMIT`` pages this run."""

    reason = reasons.HOST_PAGE_LIMIT


class HostPageLimitMiddleware:
    """Downloader middleware: send at most ``TRAP_HOST_PAGE_LIMIT`` requests per host (0: no cap).

    Retries and robots.txt do not count. The count is the run's: this process's, or in a
    distributed crawl the cluster's (crawler/hostcounts.py). The first refusal per host
    is a WARNING line; each refused request is counted (``skip/reason_count/host_page_limit``)
    and logged.
    """

    def __init__(self, limit: int, counts: HostCounts):
        self.limit = limit
        self.counts = counts
        self.capped: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        limit = crawler.settings.getint("TRAP_HOST_PAGE_LIMIT")
        if not crawler.settings.getbool("TRAP_ENABLED") or limit <= 0:
            raise NotConfigured("TRAP_ENABLED is off or TRAP_HOST_PAGE_LIMIT is 0")
        return cls(limit, host_counts(crawler.settings))

    def process_request(self, request: Request) -> None:
        if request.meta.get("retry_times") or request.meta.get("dont_obey_robotstxt"):
            return
        host = urlsplit(request.url).hostname or ""
        if self.counts.add(PAGES_SENT, host) <= self.limit:
            return
        if host not in self.capped:
            self.capped.add(host)
            logger.warning("%s reached TRAP_HOST_PAGE_LIMIT (%d pages): its further URLs are skipped", host, self.limit)
        raise HostPageLimit(f"{host} reached its page limit of {self.limit}: {request.url}")
