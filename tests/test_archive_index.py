"""CDXJ indexes: pywb-compatible lines, sorted, merged and rebuilt atomically; `zhengwen index`."""

from __future__ import annotations

import json
import os
import socket
import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from archivehelpers import T0, counting_ids, http_exchange, ticking_clock

from archive import (
    DedupIndex,
    HttpExchange,
    WarcReadError,
    WarcWriter,
    default_index_path,
    index_warcs,
    rebuild_index,
    update_index,
)
from archive.cdxj.index import index_updater
from archive.warc.repair import repair_leftovers
from crawler.cli import main

PAYLOAD = "<html><p>正文</p></html>".encode()

#: The index of :func:`golden_crawl` (host "testhost", pid 4242). Re-check by hand with
#: `cdxj-indexer` on the same file; lengths and offsets change only if the compressor's (isal's) output does.
GOLDEN = [
    'cn,gov)/a 20261121100001 {"url": "https://www.gov.cn/a", "mime": "text/html", "status": "200", '
    '"digest": "sha1:PDNLYBAFYPIIY55JWLFEJAUXVIJR4J7T", "length": "347", "offset": "312", '
    '"filename": "idx-20261121100000123-00000-testhost-4242.warc.gz"}',
    'cn,gov)/a 20261121100002 {"url": "https://www.gov.cn/a", "mime": "warc/revisit", "status": "200", '
    '"digest": "sha1:PDNLYBAFYPIIY55JWLFEJAUXVIJR4J7T", "length": "399", "offset": "969", '
    '"filename": "idx-20261121100000123-00000-testhost-4242.warc.gz"}',
    'com,163,news)/b?q=1 20261121100003 {"url": "https://news.163.com/b?q=1", "mime": "text/plain", '
    '"status": "404", "digest": "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ", "length": "318", "offset": "1678", '
    '"filename": "idx-20261121100000123-00000-testhost-4242.warc.gz"}',
]


def make_writer(directory: Path, dedup: DedupIndex | None = None, *, day: int = 0, **kwargs: Any) -> WarcWriter:
    return WarcWriter(directory, prefix="idx", clock=ticking_clock(T0 + timedelta(days=day)),
                      record_id_factory=counting_ids(day * 100), dedup=dedup, **kwargs)


def exchange(url: str = "https://www.gov.cn/a", **changes: Any) -> HttpExchange:
    return http_exchange(url, **{"payload": PAYLOAD, "request_headers": [], **changes})


def crawl(directory: Path, *exchanges: HttpExchange, day: int = 0, dedup: DedupIndex | None = None) -> Path:
    with make_writer(directory, dedup, day=day) as writer:
        for item in exchanges:
            writer.write_exchange(item)
    (path,) = writer.closed_files
    return path


def golden_crawl(directory: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(socket, "gethostname", lambda: "testhost")
    monkeypatch.setattr(os, "getpid", lambda: 4242)
    with DedupIndex(directory / "dedup.sqlite3") as dedup:
        return crawl(directory, exchange(), exchange(),
                     exchange("https://news.163.com/b?q=1", status=404, payload=b"",
                              response_headers=[("Content-Type", "text/plain")]), dedup=dedup)


def fields(line: str) -> dict[str, Any]:
    return dict(json.loads(line.split(" ", 2)[2]))


def test_index_of_a_small_crawl_matches_the_golden_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = golden_crawl(tmp_path, monkeypatch)
    assert index_warcs([path]) == GOLDEN


def test_the_lines_do_not_depend_on_py_wacz_having_been_imported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # py-wacz appends ``warcinfo`` to cdxj_indexer's shared record list when it is imported (``zhengwen wacz`` does)
    from cdxj_indexer.main import CDXJIndexer

    monkeypatch.setattr(CDXJIndexer, "DEFAULT_RECORDS", [*CDXJIndexer.DEFAULT_RECORDS, "warcinfo"])
    import wacz.waczindexer  # noqa: F401

    assert index_warcs([golden_crawl(tmp_path, monkeypatch)]) == GOLDEN


def test_lines_are_sorted_surt_keyed_and_cover_responses_and_revisits(tmp_path: Path) -> None:
    with DedupIndex(tmp_path / "d.sqlite3") as dedup:
        path = crawl(tmp_path, exchange("https://www.gov.cn/z"), exchange("http://WWW.163.com/a"),
                     exchange("https://www.gov.cn/z"), dedup=dedup)
    lines = index_warcs([path])
    assert lines == sorted(lines)
    assert [line.split(" ")[0] for line in lines] == ["cn,gov)/z", "cn,gov)/z", "com,163)/a"]
    assert sorted(fields(line)["mime"] for line in lines) == ["text/html", "text/html", "warc/revisit"]
    assert all(len(line.split(" ")[1]) == 14 for line in lines)


def test_revisit_line_carries_the_original_digest(tmp_path: Path) -> None:
    with DedupIndex(tmp_path / "d.sqlite3") as dedup:
        path = crawl(tmp_path, exchange(), exchange(), dedup=dedup)
    original, revisit = (fields(line) for line in index_warcs([path]))
    assert revisit["mime"] == "warc/revisit"
    assert revisit["digest"] == original["digest"]
    assert revisit["status"] == "200"


def test_update_index_merges_new_files_in_order(tmp_path: Path) -> None:
    first = crawl(tmp_path, exchange("https://www.gov.cn/m"), exchange("https://www.gov.cn/z"))
    index = default_index_path(tmp_path)
    assert update_index(index, [first]) == 2
    second = crawl(tmp_path, exchange("https://www.gov.cn/a"), exchange("https://www.gov.cn/n"), day=1)
    assert update_index(index, [second]) == 2
    lines = index.read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines) == index_warcs([first, second])
    assert [line.split(" ")[0] for line in lines] == ["cn,gov)/a", "cn,gov)/m", "cn,gov)/n", "cn,gov)/z"]


def test_reindexing_a_file_replaces_its_lines(tmp_path: Path) -> None:
    path = crawl(tmp_path, exchange())
    index = tmp_path / "index.cdxj"
    update_index(index, [path])
    update_index(index, [path])
    assert index.read_text(encoding="utf-8").splitlines() == index_warcs([path])


def test_update_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = crawl(tmp_path, exchange())
    update_index(tmp_path / "index.cdxj", [path])
    assert not list(tmp_path.glob("*.open"))


def test_a_write_killed_midway_leaves_the_old_index_and_does_not_block_the_next(tmp_path: Path) -> None:
    first = crawl(tmp_path, exchange("https://www.gov.cn/m"))
    index = tmp_path / "index.cdxj"
    update_index(index, [first])
    before = index.read_text(encoding="utf-8")
    (tmp_path / "index.cdxj.open").write_text("cn,gov)/half-writ", encoding="utf-8")  # kill -9 mid-write
    assert index.read_text(encoding="utf-8") == before
    second = crawl(tmp_path, exchange("https://www.gov.cn/a"), day=1)
    assert update_index(index, [second]) == 1
    assert index.read_text(encoding="utf-8").splitlines() == index_warcs([first, second])
    assert not list(tmp_path.glob("*.open"))


def test_a_repair_removes_a_killed_index_write_with_no_warc_to_mend(tmp_path: Path) -> None:
    path = crawl(tmp_path, exchange())
    index = tmp_path / "index.cdxj"
    update_index(index, [path])
    (tmp_path / "index.cdxj.open").write_text("cn,gov)/half-writ", encoding="utf-8")
    assert repair_leftovers(tmp_path, reindex=index_updater(index)) == []
    assert not list(tmp_path.glob("*.open"))
    assert index.read_text(encoding="utf-8").splitlines() == index_warcs([path])


def test_concurrent_updates_lose_no_lines(tmp_path: Path) -> None:
    paths = [crawl(tmp_path / "warc", exchange(f"https://www.gov.cn/{n}"), day=n) for n in range(6)]
    index = tmp_path / "warc" / "index.cdxj"
    threads = [threading.Thread(target=update_index, args=(index, [path])) for path in paths]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert index.read_text(encoding="utf-8").splitlines() == index_warcs(paths)


def test_rebuild_drops_lines_of_files_no_longer_given(tmp_path: Path) -> None:
    first = crawl(tmp_path, exchange("https://www.gov.cn/1"))
    second = crawl(tmp_path, exchange("https://www.gov.cn/2"), day=1)
    index = tmp_path / "index.cdxj"
    update_index(index, [first, second])
    assert rebuild_index(index, [second]) == 1
    assert index.read_text(encoding="utf-8").splitlines() == index_warcs([second])


def test_filenames_are_relative_to_the_index_directory(tmp_path: Path) -> None:
    path = crawl(tmp_path / "2026" / "11", exchange())
    update_index(tmp_path / "index.cdxj", [path])
    (line,) = (tmp_path / "index.cdxj").read_text(encoding="utf-8").splitlines()
    assert fields(line)["filename"] == f"2026/11/{path.name}"


@pytest.mark.parametrize("damage", ["cut", "garbage"])
def test_an_unreadable_warc_names_the_file(tmp_path: Path, damage: str) -> None:
    data = crawl(tmp_path, exchange()).read_bytes()
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(data[:-20] if damage == "cut" else b"garbage, not a WARC\r\n\r\n")
    with pytest.raises(WarcReadError, match=r"cannot index WARC file .*bad\.warc\.gz"):
        index_warcs([bad])


# --- zhengwen index ----------------------------------------------------------------------------

def test_index_command_writes_the_directory_index(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = crawl(tmp_path / "warc", exchange())
    assert main(["index", str(tmp_path / "warc")]) == 0
    assert (tmp_path / "warc" / "index.cdxj").read_text(encoding="utf-8").splitlines() == index_warcs([path])
    assert "indexed 1 WARC file(s), 1 line(s)" in capsys.readouterr().out


def test_index_command_writes_to_output(tmp_path: Path) -> None:
    path = crawl(tmp_path / "warc", exchange())
    assert main(["index", str(path), "-o", str(tmp_path / "all.cdxj")]) == 0
    assert (tmp_path / "all.cdxj").is_file()


def test_index_command_defaults_to_data_warc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    crawl(tmp_path / "data" / "warc", exchange())
    monkeypatch.chdir(tmp_path)
    assert main(["index"]) == 0
    assert (tmp_path / "data" / "warc" / "index.cdxj").is_file()


def test_index_command_missing_path_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index", str(tmp_path / "nope")]) == 2
    assert f"WARC file or folder not found: {tmp_path / 'nope'}" in capsys.readouterr().err


def test_index_command_without_warcs_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index", str(tmp_path)]) == 2
    assert "no WARC files" in capsys.readouterr().err


def test_index_command_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index", "--no-such-option"]) == 2
    assert "usage: zhengwen index" in capsys.readouterr().err


def test_writer_index_lines_equal_the_indexer_over_the_files(tmp_path: Path) -> None:
    from archive.cdxj.index import index_warcs
    from archive.records import HttpExchange
    from archive.warc.digests import DedupIndex
    from archive.warc.writer import WarcWriter

    # Content-Type as servers send it: usual, spaced and cased, bare, empty, twice, missing.
    content_types = [[("Content-Type", "text/html; charset=utf-8")], [("content-type", " Text/HTML ;charset=GBK")],
                     [("Content-Type", "application/pdf")], [("Content-Type", "")],
                     [("Content-Type", "text/plain"), ("Content-Type", "text/html")], []]
    writer = WarcWriter(tmp_path, max_bytes=3000, dedup=DedupIndex(tmp_path / "state.sqlite"))
    for n in range(12):
        body = f"<html><body>page {n % 2 if n < 4 else n}</body></html>".encode()  # 2 and 3: revisits
        writer.write_exchange(HttpExchange(
            url=f"http://www.gov.cn/p{n % 2}.html?q=政策", method="GET", request_headers=[("Host", "www.gov.cn")],
            request_body=b"", status=200 if n != 5 else 404,
            response_headers=content_types[n % len(content_types)], payload=body if n != 7 else b""))
    writer.close()
    lines = writer.take_index_lines()
    assert set(lines) == {p.name for p in writer.closed_files}
    assert sorted(line for file_lines in lines.values() for line in file_lines) == index_warcs(writer.closed_files)
    assert writer.take_index_lines() == {}
    assert any('"warc/revisit"' in line for file_lines in lines.values() for line in file_lines)
