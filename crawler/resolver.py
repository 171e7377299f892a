"""A DNS resolver that refuses names resolving to loopback or private addresses."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy.resolver import CachingThreadedResolver
from twisted.internet import defer
from twisted.internet.error import DNSLookupError

from crawler.safety import is_public_ip, is_special_use_name

if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Self

    from scrapy.crawler import Crawler
    from twisted.internet.base import ReactorBase
    from twisted.internet.defer import Deferred

logger = logging.getLogger(__name__)


class PrivateAddressRefused(DNSLookupError):
    """The name resolved to an address that the crawl may not contact."""


#: Names refused for resolving to non-public addresses. Twisted turns a resolver error
#: into "no results", so failure classification looks the host up here.
REFUSED_NAMES: set[str] = set()


class PublicOnlyResolver(CachingThreadedResolver):
    """CachingThreadedResolver that fails lookups answering with non-public addresses.

    This stops DNS rebinding and links into intranets before any byte is sent;
    ``ALLOW_LOOPBACK = True`` turns the check off.
    """

    def __init__(self, reactor: ReactorBase, cache_size: int, timeout: float, allow_local: bool):
        super().__init__(reactor, cache_size, timeout)
        self.allow_local = allow_local

    @classmethod
    def from_crawler(cls, crawler: Crawler, reactor: ReactorBase) -> Self:
        settings = crawler.settings
        return cls(
            reactor, base_cache_size(crawler), settings.getfloat("DNS_TIMEOUT"), settings.getbool("ALLOW_LOOPBACK")
        )

    def getHostByName(self, name: str, timeout: Sequence[int] = ()) -> Deferred[str]:
        if is_special_use_name(name):
            return defer.fail(DNSLookupError(f"{name} is a special-use name (RFC 6761/7686) and is never looked up"))
        d = super().getHostByName(name, timeout)
        if not self.allow_local:
            d.addCallback(self._check, name)
        return d

    @staticmethod
    def _check(address: Any, name: str) -> Any:
        if isinstance(address, str) and not is_public_ip(address):
            REFUSED_NAMES.add(name.lower())
            logger.warning("refused %s: resolves to non-public address %s (ALLOW_LOOPBACK is off)", name, address)
            raise PrivateAddressRefused(f"{name} resolves to non-public address {address}; set ALLOW_LOOPBACK to allow")
        return address


def base_cache_size(crawler: Crawler) -> int:
    """The DNS cache size the default resolver would use."""
    if crawler.settings.getbool("DNSCACHE_ENABLED"):
        return crawler.settings.getint("DNSCACHE_SIZE")
    return 0
