"""Deterministic inputs for archive tests: an injected clock, record ids and HTTP exchanges."""

from __future__ import annotations

import itertools
import sys
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from archive.records import HttpExchange

#: The warcio command of this virtualenv (warcio check / warcio index).
WARCIO = Path(sys.executable).with_name("warcio")
T0 = datetime(2026, 11, 21, 10, 0, 0, 123456, tzinfo=timezone.utc)


def ticking_clock(start: datetime = T0) -> Callable[[], datetime]:
    """A clock advancing one second per call."""
    counter = itertools.count()
    return lambda: start + timedelta(seconds=next(counter))


def counting_ids(first: int = 0) -> Callable[[], str]:
    """Record ids ``<urn:uuid:00000000-0000-4000-8000-000000000000>``, ``…001`` …"""
    counter = itertools.count(first)
    return lambda: f"<urn:uuid:00000000-0000-4000-8000-{next(counter):012d}>"


def http_exchange(url: str, **changes: Any) -> HttpExchange:
    """A 200 text/html GET exchange of ``url`` (empty payload); ``changes`` override any field."""
    fields: dict[str, Any] = {
        "url": url, "method": "GET", "request_headers": [("Host", "www.gov.cn")], "request_body": b"",
        "status": 200, "response_headers": [("Content-Type", "text/html; charset=utf-8")], "payload": b"",
    }
    fields.update(changes)
    return HttpExchange(**fields)
