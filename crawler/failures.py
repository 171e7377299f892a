"""Classify why a request failed, for stats and the end-of-crawl report."""

from __future__ import annotations

from collections.abc import Iterator

from scrapy import exceptions as scrapy_exc
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import error as tx_error
from twisted.web._newclient import ResponseFailed, ResponseNeverReceived

from crawler import reasons
from crawler.archive_handler import NotInArchive
from crawler.exceptions import AddressRefused, HostUnreachable, SkippedRequest
from crawler.resolver import REFUSED_NAMES, PrivateAddressRefused

_BY_TYPE: tuple[tuple[tuple[type[BaseException], ...], str], ...] = (
    ((PrivateAddressRefused,), reasons.PRIVATE_ADDRESS),
    ((scrapy_exc.CannotResolveHostError, tx_error.DNSLookupError), reasons.DNS_FAILURE),
    ((scrapy_exc.DownloadConnectionRefusedError, tx_error.ConnectionRefusedError), reasons.CONNECTION_REFUSED),
    ((scrapy_exc.DownloadTimeoutError, tx_error.TimeoutError, tx_error.TCPTimedOutError, TimeoutError), reasons.TIMEOUT),
)
_LOST = (scrapy_exc.ResponseDataLossError, tx_error.ConnectionLost, tx_error.ConnectionDone, ResponseFailed,
         ResponseNeverReceived)


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        reasons_list = getattr(current, "reasons", None)  # ResponseFailed wraps Failures
        if reasons_list:
            for failure in reasons_list:
                inner = getattr(failure, "value", None)
                if isinstance(inner, BaseException):
                    yield inner
        current = current.__cause__ or current.__context__


def _is_tls(exc: BaseException) -> bool:
    module = type(exc).__module__
    return module.startswith("OpenSSL") or module == "ssl" or "SSL" in type(exc).__name__


def classify(exc: BaseException, host: str = "") -> str:
    """Return the failure or skip reason (a constant of ``crawler.reasons``) for ``exc`` on ``host``."""
    if isinstance(exc, AddressRefused):
        return reasons.PRIVATE_ADDRESS
    if isinstance(exc, HostUnreachable):
        return exc.reason
    if isinstance(exc, SkippedRequest):
        return exc.reason
    if isinstance(exc, HttpError):
        return reasons.HTTP_ERROR
    if isinstance(exc, scrapy_exc.IgnoreRequest):
        text = str(exc)
        if "robots.txt" in text:
            return reasons.ROBOTS_FORBIDDEN
        return reasons.OFFSITE if "offsite" in text.lower() else reasons.IGNORED
    chain = list(_chain(exc))
    if any(isinstance(e, NotInArchive) for e in chain):
        return reasons.NOT_IN_ARCHIVE
    for kinds, reason in _BY_TYPE:
        if any(isinstance(e, kinds) for e in chain):
            if reason == reasons.DNS_FAILURE and host.lower() in REFUSED_NAMES:
                return reasons.PRIVATE_ADDRESS
            return reason
    if any(_is_tls(e) for e in chain):
        return reasons.TLS_ERROR
    if any(isinstance(e, _LOST) for e in chain):
        return reasons.CONNECTION_LOST
    return reasons.DOWNLOAD_ERROR
