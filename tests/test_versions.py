"""The Document rule (one per distinct capture) and the crawl state it is kept in between runs.

The state tests run against both stores: the folder's SQLite file and a real Redis server
(a distributed crawl's); each "new handle" is what the next run, or another worker, opens.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from archive.corpus.versions import CaptureVersions, VersionState
from archive.records import ArchivedResponse, RecordPointer
from crawler.state import CrawlState, RunRow, SqliteCrawlState, UrlState

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


@pytest.fixture(params=["sqlite", "redis"])
def open_store(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[], CrawlState]:
    """Opens a new handle on one store (each call: the next run's, or another worker's)."""
    if request.param == "sqlite":
        return lambda: SqliteCrawlState(tmp_path / "state.sqlite")
    import redis

    from crawler.distributed.keys import state_keys
    from crawler.distributed.state import RedisCrawlState

    url = request.getfixturevalue("redis_url")
    keys = state_keys({"REDIS_KEY_PREFIX": "zhengwen"})
    return lambda: RedisCrawlState(redis.Redis.from_url(url), keys)


def test_the_state_keeps_versions_fetches_links_and_runs(open_store: Callable[[], CrawlState]) -> None:
    with_store = open_store()
    CaptureVersions(with_store).decide(capture(b"A", "2024-01-01T00:00:00Z"))
    with_store.record_link(URL, "https://www.gov.cn/zhengce/", "R1")
    with_store.record_fetch(UrlState(URL, "2024-01-01T00:00:00Z", 200, '"e1"', None, "sha256:x", "a.warc.gz", 10, "id", "R1"))
    with_store.record_fetch(UrlState(URL, "2024-01-02T00:00:00Z", 304, run_id="R2"))  # a 304 keeps the validators
    with_store.start_run(RunRow("R2", "2024-01-02T00:00:00Z"))
    with_store.close()
    store = open_store()  # a new run, a new handle
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


def test_the_state_lists_urls_in_order_and_reopens_a_resumed_run(open_store: Callable[[], CrawlState]) -> None:
    store = open_store()
    store.record_fetch(UrlState(URL + "?b", "2024-01-01T00:00:00Z", 404))
    store.record_link(URL + "?a", URL, "R1")
    store.start_run(RunRow("R1", "2024-01-01T00:00:00Z"))
    store.finish_run("R1", "2024-01-01T01:00:00Z", 130, {})
    store.start_run(RunRow("R1", "2024-01-01T00:00:00Z"))  # resumed
    store.finish_run("missing", "2024-01-01T01:00:00Z", 0, {})  # no row: nothing
    other = open_store()
    assert [(s.url, s.status, s.linked_from) for s in other.all_url_states()] == [
        (URL + "?a", None, URL), (URL + "?b", 404, None)]
    assert [(r.run_id, r.ended_at, r.exit_status, r.resumed) for r in other.runs()] == [("R1", None, None, 1)]
    assert other.url_state(URL) is None and not other.has_versions()
    other.close()
    store.close()


def test_replacing_and_merging_versions(open_store: Callable[[], CrawlState]) -> None:
    store = open_store()
    store.set_version(URL, VersionState("sha1:A", 1, "2024-01-01T00:00:00Z"))
    store.replace_versions({URL + "?x": VersionState("sha1:X", 2, "2024-01-02T00:00:00Z")})
    assert store.version_of(URL) is None and store.has_versions()
    added = store.merge_versions({URL + "?x": VersionState("sha1:Y", 1, "2024-01-03T00:00:00Z"),
                                  URL: VersionState("sha1:B", 1, "2024-01-03T00:00:00Z")})
    assert added == 1
    assert store.version_of(URL + "?x") == VersionState("sha1:X", 2, "2024-01-02T00:00:00Z")
    store.close()
