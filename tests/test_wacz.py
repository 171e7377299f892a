"""WACZ packaging: archive.corpus.wacz builds files that `wacz validate` accepts, with correct hashes."""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
import zipfile
from datetime import datetime, timedelta, timezone
from itertools import count
from pathlib import Path

import pytest
from crawlhelpers import CrawlRun

from archive.corpus.wacz import WaczError, package_wacz, pages_from_documents
from archive.records import ArchivedResponse, HttpExchange
from archive.warc.writer import WarcWriter
from crawler.cli import main

WACZ_CLI = Path(sys.executable).with_name("wacz")
PAGE = "<html><head><title>政策解读</title></head><body><p>科技创新</p></body></html>".encode()
START = datetime(2026, 3, 1, 8, 0, 0, 123456, tzinfo=timezone.utc)


def _exchange(url: str, payload: bytes, extra: list[tuple[str, str]] | None = None) -> HttpExchange:
    headers = [("Content-Type", "text/html; charset=utf-8"), *(extra or []), ("Content-Length", str(len(payload)))]
    return HttpExchange(url=url, method="GET", request_headers=[("Host", url.split("/")[2])], request_body=b"",
                        status=200, response_headers=headers, payload=payload, ip_address="127.0.0.1")


@pytest.fixture
def small_warc(tmp_path: Path) -> tuple[Path, list[ArchivedResponse]]:
    ticks = count()
    clock = lambda: START + timedelta(seconds=next(ticks))  # noqa: E731 (an injected clock)
    ids = (f"<urn:uuid:00000000-0000-4000-8000-{n:012d}>" for n in count())
    with WarcWriter(tmp_path / "warc", prefix="zhengwen-test", clock=clock, record_id_factory=lambda: next(ids)) as w:
        archived = [
            w.write_exchange(_exchange("http://example.cn/a.html", PAGE)),
            w.write_exchange(_exchange("https://example.cn/gz.html", gzip.compress(PAGE, mtime=0),
                                       [("Content-Encoding", "gzip")])),
        ]
    (path,) = w.closed_files
    return path, archived


def _validate(wacz: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(WACZ_CLI), "validate", "-f", str(wacz)], capture_output=True, text=True, timeout=120)


def _check_contents(wacz: Path, warcs: list[Path]) -> dict:
    done = _validate(wacz)
    assert done.returncode == 0 and "succeeded" in done.stdout, done.stdout + done.stderr
    with zipfile.ZipFile(wacz) as archive:
        names = set(archive.namelist())
        assert {f"archive/{p.name}" for p in warcs} <= names
        assert names & {"indexes/index.cdx.gz", "indexes/index.cdxj"}
        assert {"pages/pages.jsonl", "datapackage.json"} <= names
        package = json.loads(archive.read("datapackage.json"))
        for resource in package["resources"]:
            data = archive.read(resource["path"])
            assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest(), resource["path"]
            assert resource["bytes"] == len(data)
        for warc in warcs:
            assert archive.read(f"archive/{warc.name}") == warc.read_bytes()
        lines = archive.read("pages/pages.jsonl").decode("utf-8").splitlines()
    package["pages"] = [json.loads(line) for line in lines[1:]]
    return package


def test_package_lists_every_html_page_without_documents(small_warc, tmp_path: Path) -> None:
    warc, archived = small_warc
    out = package_wacz([warc], tmp_path / "out" / "crawl.wacz", title="测试集合")
    assert out == tmp_path / "out" / "crawl.wacz" and not out.with_name("crawl.wacz.open").exists()
    package = _check_contents(out, [warc])
    assert package["title"] == "测试集合"
    assert {p["url"] for p in package["pages"]} == {a.target_uri for a in archived}


def test_package_with_pages_from_documents(small_warc, tmp_path: Path) -> None:
    warc, archived = small_warc
    docs = [
        {"url": archived[0].target_uri, "title": "政策解读", "page_type": "article", "fetched_at": archived[0].warc_date},
        {"url": archived[1].target_uri, "title": None, "page_type": "list", "fetched_at": archived[1].warc_date},
        {"url": "http://example.cn/gone", "title": "x", "page_type": "deleted", "fetched_at": archived[0].warc_date},
    ]
    pages = pages_from_documents(docs)
    assert [p["url"] for p in pages] == [archived[0].target_uri, archived[1].target_uri]
    package = _check_contents(package_wacz([warc], tmp_path / "p.wacz", pages=pages), [warc])
    titles = {p["url"]: p["title"] for p in package["pages"]}
    assert titles == {archived[0].target_uri: "政策解读", archived[1].target_uri: archived[1].target_uri}
    assert {p["ts"][:19] for p in package["pages"]} == {a.warc_date[:19] for a in archived}


def test_pages_matching_no_record_are_an_error(small_warc, tmp_path: Path) -> None:
    warc, _ = small_warc
    pages = [{"url": "http://example.cn/never.html", "ts": "2020-01-01T00:00:00Z", "title": "x"}]
    with pytest.raises(WaczError, match="none of the pages matched"):
        package_wacz([warc], tmp_path / "x.wacz", pages=pages)
    assert list(tmp_path.glob("x.wacz*")) == []


@pytest.mark.parametrize("warcs", [[], [Path("/nonexistent/a.warc.gz")]], ids=["none", "missing"])
def test_bad_inputs_are_named(tmp_path: Path, warcs: list[Path]) -> None:
    with pytest.raises(WaczError, match="WARC"):
        package_wacz(warcs, tmp_path / "x.wacz")


def test_wacz_main_packages_a_data_folder(small_warc, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    warc, archived = small_warc
    doc = {"url": archived[0].target_uri, "title": "政策解读", "page_type": "article", "fetched_at": archived[0].warc_date}
    (warc.parent.parent / "text.jsonl").write_text(json.dumps(doc, ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["wacz", str(tmp_path / "d.wacz"), "--data", str(warc.parent.parent), "--title", "T"]) == 0
    package = _check_contents(tmp_path / "d.wacz", [warc])
    assert [p["url"] for p in package["pages"]] == [archived[0].target_uri]


def test_wacz_main_without_warc_files_fails_clearly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["wacz", str(tmp_path / "d.wacz"), "--data", str(tmp_path)]) == 2
    assert "no WARC files" in capsys.readouterr().err


def test_wacz_of_a_crawl_validates(capture_crawl: CrawlRun, tmp_path: Path) -> None:
    assert capture_crawl.warc_files, capture_crawl.explain()
    assert main(["wacz", str(tmp_path / "crawl.wacz"), "--data", str(capture_crawl.out)]) == 0
    package = _check_contents(tmp_path / "crawl.wacz", capture_crawl.warc_files)
    listed = {d["url"] for d in capture_crawl.documents if d["page_type"] in ("article", "list")}
    assert {p["url"] for p in package["pages"]} == listed
