"""The end-of-crawl report and the exit status it implies."""

from __future__ import annotations

from crawler.report import (
    EXIT_FAILED,
    EXIT_OK,
    SpiderOutcome,
    exit_status,
    format_report,
)


def test_clean_run() -> None:
    outcome = SpiderOutcome("gov", "finished", {"warc/records_written": 8, "extract/documents_written": 4,
                                                "failure/host/www.gov.cn/http_404": 1,
                                                "failure/reason_count/http_404": 1})
    assert exit_status([outcome]) == EXIT_OK
    text = format_report([outcome], "data")
    assert "gov: finished; 4 responses archived, 4 documents" in text
    assert "failed www.gov.cn: http_404 ×1" in text
    assert text.endswith("status: ok")


def test_unreachable_host_fails_the_run() -> None:
    outcome = SpiderOutcome("news", "finished", {"failure/reason_count/dns_failure": 2,
                                                 "failure/host/a.cn/dns_failure": 2})
    assert exit_status([outcome]) == EXIT_FAILED
    assert "failed a.cn: dns_failure ×2" in format_report([outcome], "data")


def test_write_errors_and_unfinished_spiders_fail_the_run() -> None:
    assert exit_status([SpiderOutcome("gov", "finished", {"warc/write_error_count": 1})]) == EXIT_FAILED
    assert exit_status([SpiderOutcome("gov", "warc_write_error")]) == EXIT_FAILED
    assert exit_status([SpiderOutcome("gov", "finished", {"extract/write_error_count": 1})]) == EXIT_FAILED
