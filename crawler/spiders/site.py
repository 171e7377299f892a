"""SiteSpider: one generic spider class, driven by a site profile and a seed list."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urlsplit

import scrapy
from scrapy.http import HtmlResponse

from crawler import reasons
from crawler.capture import unarchived_response
from crawler.exceptions import HostUnreachable
from crawler.extensions import WARC_META_KEY
from crawler.failures import classify
from crawler.incremental import LINKED_FROM, RESUMED_META_KEY
from crawler.items import PageItem
from crawler.links import ScopedLinkExtractor
from crawler.profiles import GENERIC_SLUG, SiteProfile, load_profile
from crawler.seeds import Seed, read_seeds
from crawler.urls import canonicalize, host_in_domains

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler
    from scrapy.settings import BaseSettings
    from twisted.python.failure import Failure

logger = logging.getLogger(__name__)

_SKIPS = frozenset({reasons.ROBOTS_FORBIDDEN, reasons.OFFSITE, reasons.IGNORED, reasons.HOST_BLOCKED,
                    reasons.HOST_PAGE_LIMIT, reasons.RECRAWL_NOT_DUE})


def scope_domain(host: str) -> str:
    """The domain a seed host puts in scope: the host without a leading ``www.``."""
    host = host.lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


class SiteSpider(scrapy.Spider):
    """Crawl a site family from its seeds: listing pages are expanded, articles are kept.

    Spider arguments: ``seeds`` (a seed file; default ``SEEDS_DIR/<name>.txt``) and
    ``seeds_only_scope`` ("1": the scope is the seeds' hosts only, as the CLI does for
    the generic ``news`` spider given ``--seeds``).
    """

    profile_slug: ClassVar[str] = GENERIC_SLUG

    def __init__(self, *args: Any, seeds: str | None = None, seeds_only_scope: str = "", **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.profile: SiteProfile = load_profile(self.profile_slug)
        self.generic: SiteProfile = load_profile(GENERIC_SLUG)
        self.seeds_arg = seeds
        self.seeds_only_scope = seeds_only_scope in ("1", "true", "yes")
        self.seeds: list[Seed] = []
        self.seeds_label = ""
        self.seeds_digest = ""

    @classmethod
    def update_settings(cls, settings: BaseSettings) -> None:
        super().update_settings(settings)
        profile = load_profile(cls.profile_slug)
        settings.set("DEPTH_LIMIT", profile.depth, priority="spider")
        settings.set("DOWNLOAD_DELAY", profile.delay, priority="spider")
        settings.set("CONCURRENT_REQUESTS_PER_DOMAIN", profile.concurrency, priority="spider")

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.load_seeds(Path(spider.seeds_arg or Path(crawler.settings.get("SEEDS_DIR")) / f"{spider.name}.txt"))
        return spider

    def load_seeds(self, path: Path) -> None:
        """Read the seed file and set the crawl scope from the profile and the seeds."""
        self.seeds = read_seeds(path)
        self.seeds_label = str(path)
        self.seeds_digest = hashlib.sha256(path.read_bytes()).hexdigest()
        seed_domains = {scope_domain(urlsplit(s.url).hostname or "") for s in self.seeds}
        domains = set(seed_domains) if self.seeds_only_scope else set(self.profile.allowed_domains) | seed_domains
        self.allowed_domains = sorted(domains)
        # Scope is checked on host names here (Scrapy's allow_domains compares host:port).
        self.link_extractor = ScopedLinkExtractor(self.profile.allow, self.profile.deny, self.host_in_scope)

    def in_scope(self, url: str) -> bool:
        """True when the URL's host is an allowed domain or a subdomain of one."""
        return self.host_in_scope(urlsplit(url).hostname or "")

    def host_in_scope(self, host: str) -> bool:
        """True when ``host`` is an allowed domain or a subdomain of one."""
        return host_in_domains(host, self.allowed_domains) is not None

    def is_article_url(self, url: str) -> bool:
        """Article pages are extracted and not expanded (profile or generic article patterns)."""
        return self.profile.is_article_url(url) or self.generic.is_article_url(url)

    async def start(self) -> AsyncIterator[Any]:
        if self.crawler.stats is not None:
            self.crawler.stats.set_value("seed/count", len(self.seeds))
        for seed in self.seeds:
            yield self.seed_request(seed.url)

    def seed_request(self, url: str) -> scrapy.Request:
        """The request of one seed URL (also for seeds taken from a distributed crawl's Redis)."""
        return scrapy.Request(canonicalize(url), callback=self.parse, errback=self.on_failure, meta={"seed": url})

    def parse(self, response: scrapy.http.Response) -> Any:
        if response.status == 304:  # a conditional request (crawler/incremental.py): unchanged, archived
            self._count("skip", reasons.NOT_MODIFIED, response.url)
            if self.crawler.stats is not None:
                self.crawler.stats.inc_value("incremental/unchanged_count")
            return
        archived = response.meta.get(WARC_META_KEY)
        if archived is None and response.request is not None and not self.settings.getbool("WARC_ENABLED"):
            archived = unarchived_response(response.request, response, self.settings.getint("CAPTURE_MAXSIZE"))
        if response.meta.get(RESUMED_META_KEY):
            pass  # archived, and its Document decided, before the interruption: only its links are wanted
        elif archived is None:
            self._count("skip", "not_archived", response.url)
        else:
            yield PageItem(url=response.url, archived=archived)
        if self.is_article_url(response.url) or not isinstance(response, HtmlResponse):
            return
        for url in self.link_extractor.extract_urls(response):
            if self.in_scope(url):
                yield response.follow(canonicalize(url), callback=self.parse, errback=self.on_failure,
                                      meta={LINKED_FROM: response.url})

    def on_failure(self, failure: Failure) -> None:
        """Count and log a request that produced no page, by reason and by host."""
        request = getattr(failure, "request", None)
        url = request.url if request is not None else "?"
        host = urlsplit(url).hostname or "?"
        reason = classify(failure.value, host)
        if reason == reasons.HTTP_ERROR:
            response = getattr(failure.value, "response", None)
            reason = f"http_{response.status}" if response is not None else reason
        kind = "skip" if reason in _SKIPS else "failure"
        # Requests to a host already given up were not sent: the host's one WARNING line covers them.
        quiet = isinstance(failure.value, HostUnreachable) and failure.value.earlier
        self._count(kind, reason, url, quiet=quiet)
        if kind == "failure" and self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"failure/host/{host}/{reason}")
            if request is not None and request.meta.get("seed"):
                self.crawler.stats.inc_value("seed/failure_count")

    def _count(self, kind: str, reason: str, url: str, *, quiet: bool = False) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"{kind}/reason_count/{reason}")
        log = logger.info if kind == "skip" or quiet else logger.warning
        log("%s (%s): %s", kind, reason, url)
