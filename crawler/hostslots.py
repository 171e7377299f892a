"""Per-host control over Scrapy's downloader slots: pause a host, drop what it has queued.

Scrapy keeps one download slot per host (``Downloader.slots``, keyed as
``Downloader.get_slot_key``): its queue holds requests that already passed the downloader
middlewares, and its ``lastseen``/``delay`` decide when the next one leaves. Pausing a
host therefore means moving its slot's ``lastseen`` forward (other hosts' slots go on),
and failing a host fast means emptying its queue as well as refusing new requests.
AutoThrottle drives the same fields, so this is the one module that touches them.
"""

from __future__ import annotations

from time import monotonic
from typing import TYPE_CHECKING

from scrapy.utils.httpobj import urlparse_cached
from twisted.python.failure import Failure

if TYPE_CHECKING:
    from collections.abc import Callable

    from scrapy import Request
    from scrapy.core.downloader import Slot
    from scrapy.crawler import Crawler

#: A paused slot needs a non-zero delay: Scrapy skips the wait when the delay is 0.
_MIN_DELAY = 0.001


def slot_for(crawler: Crawler, request: Request) -> Slot | None:
    """The download slot ``request`` went (or will go) through, if the downloader has it."""
    engine = crawler.engine
    if engine is None:
        return None
    downloader = engine.downloader
    return downloader.slots.get(downloader.get_slot_key(request))


#: Signal sent when a host is paused (``host``, ``seconds``): a distributed crawl pauses it for
#: every worker (crawler/distributed/middlewares.py).
host_paused = object()


def pause_host(crawler: Crawler, request: Request, seconds: float) -> None:
    """Pause the host of ``request``: its download slot here, and wherever ``host_paused`` is heard."""
    slot = slot_for(crawler, request)
    if slot is not None:
        pause(slot, seconds)
    crawler.signals.send_catch_log(host_paused, host=urlparse_cached(request).hostname or "", seconds=seconds)


def pause(slot: Slot, seconds: float) -> None:
    """Send nothing more from ``slot`` for at least ``seconds`` (an earlier, longer pause stays)."""
    slot.delay = max(slot.delay, _MIN_DELAY)
    slot.lastseen = max(slot.lastseen, monotonic() + seconds)


def drain(slot: Slot, error: Callable[[Request], Exception]) -> list[Request]:
    """Fail every request waiting in ``slot``'s queue with ``error(request)``; return them.

    Each one then goes through the downloader middlewares' ``process_exception`` and
    its errback, exactly as if its download had failed that way.
    """
    drained = list(slot.queue)
    slot.queue.clear()
    for request, deferred in drained:
        deferred.errback(Failure(error(request)))
    return [request for request, _deferred in drained]
