"""Exceptions the crawler raises to stop a request, each mapped to a reason in the report."""

from __future__ import annotations

from scrapy.exceptions import IgnoreRequest


class AddressRefused(IgnoreRequest):
    """The request's host is loopback or private and ALLOW_LOOPBACK is off."""


class HostUnreachable(IgnoreRequest):
    """An earlier request to this host failed DNS resolution after its retries."""

    def __init__(self, host: str, reason: str):
        super().__init__(f"{host} is unreachable ({reason} on an earlier request)")
        self.reason = reason
