"""Retry-After parsing and the spider-trap URL rules on their own (issue #9)."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from crawler import reasons, settings
from crawler.politeness import retry_after_seconds
from crawler.traps import TrapRules

NOW = datetime(2025, 3, 1, 12, 0, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("120", 120.0), (" 0 ", 0.0), ("Sat, 01 Mar 2025 12:00:30 GMT", 30.0), ("Sat, 01 Mar 2025 11:00:00 GMT", 0.0),
     ("soon", None), ("-5", None), ("", None)],
)
def test_retry_after_seconds(value: str, seconds: float | None) -> None:
    assert retry_after_seconds(value, NOW) == seconds


RULES = TrapRules(settings.TRAP_SESSION_PARAMS, settings.TRAP_CALENDAR_PARAMS, settings.TRAP_CALENDAR_YEARS_BACK,
                  settings.TRAP_CALENDAR_YEARS_AHEAD, settings.TRAP_MAX_SEGMENT_REPEATS, [r"/print/"],
                  today=date(2025, 3, 1))


@pytest.mark.parametrize(
    ("url", "stripped"),
    [
        ("http://a.cn/x.jsp;jsessionid=0123456789ABCDEF0123456789ABCDEF?id=1", "http://a.cn/x.jsp?id=1"),
        ("http://a.cn/x.php?PHPSESSID=abcdef0123456789abcdef0123456789&id=5", "http://a.cn/x.php?id=5"),
        ("http://a.cn/x?id=5&sid=a1b2c3d4e5f6a7b8c9d0", "http://a.cn/x?id=5"),
        ("http://a.cn/list?sid=12", "http://a.cn/list?sid=12"),  # a short id is content, not a session
        ("http://a.cn/list?sid=20230224123456789", "http://a.cn/list?sid=20230224123456789"),  # all digits
    ],
)
def test_session_ids_are_stripped(url: str, stripped: str) -> None:
    assert RULES.strip_session_ids(url) == stripped


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://a.cn/cal?year=2099&month=1", reasons.CALENDAR_TRAP),
        ("http://a.cn/cal?date=1900-01-01", reasons.CALENDAR_TRAP),
        ("http://a.cn/cal?year=2026&month=12", None),
        ("http://a.cn/cal?year=1995", None),
        ("http://a.cn/a/b/a/b/a/", reasons.REPEATED_SEGMENTS),
        ("http://a.cn/2001/01/01/01.html", None),
        ("http://a.cn/news/print/1.html", reasons.TRAP_DENIED),
        ("https://www.hunan.gov.cn/hnszf/szf/zfld/mwm/mwmhd/202302/t20230224_29256497.html", None),
    ],
)
def test_trap_reason(url: str, reason: str | None) -> None:
    assert RULES.trap_reason(url) == reason
