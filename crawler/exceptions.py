"""Exceptions the crawler raises to stop a request, each mapped to a reason in the report."""

from __future__ import annotations

from scrapy.exceptions import IgnoreRequest


class AddressRefused(IgnoreRequest):
    """The request's host is loopback or private and ALLOW_LOOPBACK is off."""


class HostUnreachable(IgnoreRequest):
    """A request to this host failed DNS resolution or was refused, after its retries."""

    def __init__(self, host: str, reason: str, *, earlier: bool = True):
        where = "on an earlier request" if earlier else "after the retries"
        super().__init__(f"{host} is unreachable ({reason} {where})")
        self.reason = reason
        self.earlier = earlier


class RobotsTxtUnavailable(IgnoreRequest):
    """robots.txt could not be fetched (network failure after retries); logged once, no traceback."""


class SkippedRequest(IgnoreRequest):
    """A request not sent on purpose; ``reason`` (a ``crawler.reasons`` constant) names why."""

    reason: str = "ignored"
