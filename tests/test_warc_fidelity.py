"""WARC fidelity: a crawl of the capture host stores every exchange as received, in files tools accept."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from crawlhelpers import ROOT, CrawlRun, WarcRecord, crawl_urls, responses_by_uri
from fixtureweb import FixtureWeb

CAPTURE = FixtureWeb.capture
TOOLS_TIMEOUT = 120  # seconds for warcio / verify on a few small files
WARC_DATE_11 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$")
WARC_NAME = re.compile(r"^(?P<prefix>zhengwen[\w.-]*)-(?P<ts>\d{17})-(?P<serial>\d{5})-(?P<host>[\w.-]+)-(?P<pid>\d+)\.warc\.gz$")
REVISIT_PROFILE = re.compile(r"^http://netpreserve\.org/warc/1\.[01]/revisit/identical-payload-digest$")


@pytest.fixture(scope="module")
def crawl(capture_crawl: CrawlRun) -> CrawlRun:
    assert capture_crawl.returncode == 0, capture_crawl.explain()
    return capture_crawl


@pytest.fixture(scope="module")
def records(crawl: CrawlRun) -> list[WarcRecord]:
    return crawl.records()


@pytest.fixture(scope="module")
def responses(records: list[WarcRecord]) -> dict[str, WarcRecord]:
    return responses_by_uri(records)


def _response(responses: dict[str, WarcRecord], url: str) -> WarcRecord:
    assert url in responses, f"no response record for {url}; archived: {sorted(responses)}"
    return responses[url]


@pytest.mark.parametrize("url", [CAPTURE.gzip, CAPTURE.gzip_https])
def test_gzip_payload_is_stored_compressed(fixture_web, responses: dict[str, WarcRecord], url: str) -> None:
    record = _response(responses, url)
    model = fixture_web.model.route(url)
    assert record.payload == model.body
    assert record.http_values("Content-Encoding") == ["gzip"]
    assert gzip.decompress(record.payload) == model.identity_body


def test_chunked_payload_is_stored_dechunked(responses: dict[str, WarcRecord]) -> None:
    record = _response(responses, CAPTURE.chunked)
    assert record.payload == CAPTURE.chunked_body
    assert [v for v in record.http_values("Transfer-Encoding") if "chunked" in v.lower()] == []
    assert record.http_values("Content-Length") == [str(len(record.payload))]
    assert record.http_values("X-Orig-Transfer-Encoding") == ["chunked"]


def test_repeated_headers_keep_every_value_in_order(responses: dict[str, WarcRecord]) -> None:
    record = _response(responses, CAPTURE.headers)
    for name in ("Set-Cookie", "X-Dup", "Link"):
        sent = [v for k, v in CAPTURE.repeated_headers if k == name]
        assert record.http_values(name) == sent, name


def test_non_ascii_path_is_a_percent_encoded_target_uri(records: list[WarcRecord],
                                                       responses: dict[str, WarcRecord]) -> None:
    record = _response(responses, CAPTURE.non_ascii_uri)
    assert record.status == 200
    assert all(r.uri.isascii() for r in records if r.uri), [r.uri for r in records if r.uri and not r.uri.isascii()]


def test_truncated_response_is_marked(responses: dict[str, WarcRecord]) -> None:
    record = _response(responses, CAPTURE.truncated)
    assert record.get("WARC-Truncated"), record.warc_headers
    assert record.payload == CAPTURE.truncated_body


def test_each_redirect_hop_is_archived_with_its_status(records: list[WarcRecord]) -> None:
    hops = [(r.uri, r.status) for r in records if r.type == "response" and "/redirect/" in (r.uri or "")]
    assert sorted(hops) == sorted([(CAPTURE.redirect_start, 302), (CAPTURE.redirect_middle, 301),
                                   (CAPTURE.redirect_final, 200)])


def test_request_records_carry_target_host_and_accept_encoding(records: list[WarcRecord]) -> None:
    requests = [r for r in records if r.type == "request"]
    assert len(requests) == len([r for r in records if r.type == "response"])
    for request in requests:
        assert request.http_values("Host") == ["capture.zhengwen-fixtures.cn"], request.uri
        assert request.http_values("Accept-Encoding") == ["gzip, deflate"], request.uri
    echo = next(r for r in requests if r.uri == CAPTURE.echo)
    method, target, version = echo.http_first_line.split(" ")
    assert (method, target, version) == ("GET", "/echo?from=listing&n=1", "HTTP/1.1")


def test_server_received_gzip_deflate_only(responses: dict[str, WarcRecord]) -> None:
    echoed = json.loads(_response(responses, CAPTURE.echo).payload)
    accept = [v for k, v in echoed["headers"] if k.lower() == "accept-encoding"]
    assert accept == ["gzip, deflate"]
    assert not re.search(r"\b(br|zstd)\b", accept[0])


def test_responses_have_an_ip_address(records: list[WarcRecord]) -> None:
    missing = [r.uri for r in records if r.type == "response" and not r.get("WARC-IP-Address")]
    assert missing == []


def test_warc_version_and_dates(crawl: CrawlRun) -> None:
    for path in crawl.warc_files:
        records = crawl.records([path])
        versions = {r.version for r in records}
        assert len(versions) == 1, (path.name, versions)
        if versions == {"WARC/1.1"}:
            bad = [r.get("WARC-Date") for r in records if not WARC_DATE_11.match(r.get("WARC-Date") or "")]
            assert bad == [], path.name


def test_file_names(crawl: CrawlRun) -> None:
    assert crawl.warc_files, "no WARC files written"
    for path in crawl.warc_files:
        assert WARC_NAME.match(path.name), path.name
    assert list(crawl.out.rglob("*.open")) == []


@pytest.mark.parametrize("command", ["check", "index"])
def test_warcio_accepts_every_file(crawl: CrawlRun, command: str) -> None:
    warcio = Path(sys.executable).with_name("warcio")
    for path in crawl.warc_files:
        done = subprocess.run([str(warcio), command, str(path)], capture_output=True, text=True, timeout=TOOLS_TIMEOUT)
        assert done.returncode == 0, f"warcio {command} {path.name}: {done.stdout[-3000:]}{done.stderr[-3000:]}"


def test_zhengwen_verify_accepts_the_crawl(crawl: CrawlRun) -> None:
    files = [str(p) for p in crawl.warc_files]
    done = subprocess.run([sys.executable, "-m", "crawler.cli", "verify", *files], cwd=ROOT,
                          capture_output=True, text=True, timeout=TOOLS_TIMEOUT)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


def test_size_cap_truncates_at_capture_maxsize(fixture_web, tmp_path: Path) -> None:
    run = crawl_urls(fixture_web, [CAPTURE.large], tmp_path / "out", "-s", "CAPTURE_MAXSIZE=1000000")
    record = _response(responses_by_uri(run.records()), CAPTURE.large)
    assert len(record.payload) == 1_000_000, run.explain()
    assert record.payload == CAPTURE.large_body[:1_000_000]
    assert record.get("WARC-Truncated") == "length"


def test_http_cache_hits_are_not_archived_again(fixture_web, tmp_path: Path) -> None:
    urls = [CAPTURE.plain, CAPTURE.gzip, CAPTURE.gbk]
    cache = ["-s", "HTTPCACHE_ENABLED=True", "-s", f"HTTPCACHE_DIR={tmp_path / 'cache'}"]
    first = crawl_urls(fixture_web, urls, tmp_path / "first", *cache)
    assert set(urls) <= set(responses_by_uri(first.records())), first.explain()
    second = crawl_urls(fixture_web, urls, tmp_path / "second", *cache)
    assert second.returncode == 0, second.explain()
    again = [r.uri for r in second.records() if r.type in ("response", "revisit")]
    assert again == [], "pages served from the HTTP cache were archived as if downloaded"


def test_recrawl_writes_revisits_for_unchanged_pages(fixture_web, override_page, tmp_path: Path) -> None:
    unchanged = [CAPTURE.gzip, CAPTURE.gbk, CAPTURE.headers]
    out = tmp_path / "out"
    first = crawl_urls(fixture_web, [CAPTURE.plain, *unchanged], out)
    assert first.returncode == 0, first.explain()
    before = set(first.warc_files)
    originals = responses_by_uri(first.records())
    changed_body = "<!DOCTYPE html>\n<html><head><title>已更新</title></head><body>内容已更新</body></html>\n".encode()
    override_page(CAPTURE.plain, changed_body)
    second = crawl_urls(fixture_web, [CAPTURE.plain, *unchanged], out)
    assert second.returncode == 0, second.explain()
    new_records = second.records(sorted(set(second.warc_files) - before))
    changed = [r for r in new_records if r.uri == CAPTURE.plain and r.type in ("response", "revisit")]
    assert [r.type for r in changed] == ["response"] and changed[0].payload == changed_body
    revisits = {r.uri: r for r in new_records if r.type == "revisit"}
    for url in unchanged:
        assert url in revisits, f"no revisit for {url}: {[(r.type, r.uri) for r in new_records]}"
        revisit, original = revisits[url], originals[url]
        assert REVISIT_PROFILE.match(revisit.get("WARC-Profile") or ""), revisit.warc_headers
        assert revisit.get("WARC-Refers-To-Target-URI") == url
        assert revisit.get("WARC-Refers-To-Date") == original.get("WARC-Date")
        assert revisit.get("WARC-Payload-Digest") == original.get("WARC-Payload-Digest")
        assert revisit.status == 200


def test_warcinfo_describes_software_spider_seeds_and_settings(crawl: CrawlRun) -> None:
    from warcio.archiveiterator import ArchiveIterator

    for path in sorted((crawl.out / "warc").glob("*.warc.gz")):
        with path.open("rb") as handle:
            record = next(iter(ArchiveIterator(handle)))
            assert record.rec_type == "warcinfo"
            body = record.content_stream().read().decode("utf-8")
        fields = dict(line.split(": ", 1) for line in body.strip().splitlines() if ": " in line)
        assert fields["software"].startswith("zhengwen/")
        for key in ("python-version", "scrapy-version", "warcio-version", "trafilatura-version", "spider",
                    "seeds-sha256", "http-header-user-agent", "robots", "depth-limit", "capture-maxsize",
                    "isPartOf", "description"):
            assert fields.get(key), f"warcinfo of {path.name} lacks {key}"


def test_cdxj_index_is_written_beside_the_warc_files(crawl: CrawlRun) -> None:
    index = crawl.out / "warc" / "index.cdxj"
    lines = index.read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines)
    names = {p.name for p in (crawl.out / "warc").glob("*.warc.gz")}
    indexed = {json.loads(line.split(" ", 2)[2])["filename"] for line in lines}
    assert names == indexed
