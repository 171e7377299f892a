"""The worker side of the extraction pool: results and the worker's log lines come back together."""

from __future__ import annotations

import logging

import pytest

from archive.records import ArchivedResponse, RecordPointer
from crawler import extractpool, extractworker
from crawler.documents import BAD_PAYLOAD


@pytest.fixture
def worker_logging():
    root = logging.getLogger()
    root.addHandler(extractworker._CAPTURE)  # what _init_worker does in a worker process
    try:
        yield
    finally:
        root.removeHandler(extractworker._CAPTURE)


def archived(payload: bytes, headers: list[tuple[str, str]]) -> ArchivedResponse:
    return ArchivedResponse(target_uri="https://www.gov.cn/zhengce/t20260101_1.html", status=200, headers=headers,
                            payload=payload, warc_date="2026-01-01T00:00:00.000000Z",
                            pointer=RecordPointer("a.warc.gz", 10, "<urn:uuid:1>"))


def test_a_page_that_cannot_be_decoded_comes_back_with_its_reason_and_warning(worker_logging) -> None:
    document, failure, lines = extractworker.extract(
        archived(b"not gzip at all", [("Content-Type", "text/html"), ("Content-Encoding", "gzip")]))
    assert (document, failure) == (None, BAD_PAYLOAD)
    ((name, level, text),) = lines
    assert level == logging.WARNING and name == "crawler.documents"
    assert "https://www.gov.cn/zhengce/t20260101_1.html" in text


def test_each_page_brings_back_only_its_own_log_lines(worker_logging) -> None:
    extractworker.extract(archived(b"not gzip", [("Content-Encoding", "gzip")]))
    document, failure, lines = extractworker.extract(archived(extractworker.WARM_PAGE, [("Content-Type", "text/html")]))
    assert document is not None and failure is None and lines == []
    assert document.warc_offset == 10 and document.page_type == "article"


@pytest.mark.parametrize(("setting", "expected"), [(3, 3), (1, 1)])
def test_pool_size_setting(setting: int, expected: int) -> None:
    assert extractpool.pool_size(setting) == expected


def test_pool_size_zero_is_one_per_usable_core() -> None:
    assert extractpool.pool_size(0) >= 1
