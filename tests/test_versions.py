"""The Document rule (one per distinct capture) and the SQLite crawl state it is kept in between runs."""

from __future__ import annotations

from pathlib import Path

from archive.corpus.versions import CaptureVersions
from archive.records import ArchivedResponse, RecordPointer
from crawler.state import RunRow, SqliteCrawlState, UrlState

URL = "https://www.gov.cn/zhengce/content_1.html"


def capture(payload: bytes, date: str, url: str = URL) -> ArchivedResponse:
    return ArchivedResponse(url, 200, [("Content-Type", "text/html")], payload, date, RecordPointer("a.warc.gz", 0, "id"))


def test_unchanged_captures_add_nothing_and_changes_count_up() -> None:
    rule = CaptureVersions()
    decisions = [rule.decide(capture(p, d)) for p, d in [(b"A", "2024-01-01T00:00:00Z"), (b"A", "2024-01-02T00:00:00Z"),
                                                          (b"B", "2024-01-03T00:00:00Z"), (b"A", "2024-01-04T00:00:00Z")]]
    assert [d.version for d in decisions] == [1, 0, 2, 3]
    assert [d.previous_fetched_at for d in decisions if not d.unchanged] == [None, "2024-01-01T00:00:00Z",
                                                                              "2024-01-03T00:00:00Z"]
    assert rule.decide(capture(b"A", "2024-01-05T00:00:00Z", URL + "?other")).version == 1


def test_the_sqlite_state_keeps_versions_fetches_links_and_runs(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    with_store = SqliteCrawlState(path)
    CaptureVersions(with_store).decide(capture(b"A", "2024-01-01T00:00:00Z"))
    with_store.record_link(URL, "https://www.gov.cn/zhengce/", "R1")
    with_store.record_fetch(UrlState(URL, "2024-01-01T00:00:00Z", 200, '"e1"', None, "sha256:x", "a.warc.gz", 10, "id", "R1"))
    with_store.record_fetch(UrlState(URL, "2024-01-02T00:00:00Z", 304, run_id="R2"))  # a 304 keeps the validators
    with_store.start_run(RunRow("R2", "2024-01-02T00:00:00Z"))
    with_store.close()
    store = SqliteCrawlState(path)  # a new run, a new handle
    remembered = store.version_of(URL)
    assert remembered is not None and (remembered.version, remembered.fetched_at) == (1, "2024-01-01T00:00:00Z")
    assert CaptureVersions(store).decide(capture(b"A", "2024-01-03T00:00:00Z")).unchanged
    state = store.url_state(URL)
    assert (state.fetched_at, state.status, state.etag, state.warc_offset, state.linked_run) == (
        "2024-01-02T00:00:00Z", 304, '"e1"', 10, "R1")
    assert [(r.run_id, r.ended_at) for r in store.runs()] == [("R2", None)]
    store.finish_run("R2", "2024-01-02T01:00:00Z", 0, {"new": 1})
    assert store.runs()[0].counts == {"new": 1}
    store.close()
