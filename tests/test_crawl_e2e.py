"""End to end: the real spiders crawl the fixture web through the proxy → WARC + text.jsonl."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

from crawlhelpers import FAST, CrawlRun, zhengwen_crawl
from localprocs import free_port

from archive.openfiles import hold
from crawler.urls import canonicalize

ROOT = Path(__file__).resolve().parents[1]


def test_crawl_succeeds_and_reports(fixture_crawl: CrawlRun) -> None:
    assert fixture_crawl.returncode == 0, fixture_crawl.stdout + fixture_crawl.stderr[-5000:]
    assert "status: ok" in fixture_crawl.stdout
    for spider in ("gov", "netease", "wechat", "news"):
        assert re.search(rf"^{spider}: finished", fixture_crawl.stdout, re.M)


def test_nothing_left_open(fixture_crawl: CrawlRun) -> None:
    leftovers = [p.name for p in fixture_crawl.out.rglob("*.open")]
    assert leftovers == []


def test_every_warc_file_reads_back_with_requests(fixture_crawl: CrawlRun) -> None:
    records = fixture_crawl.records()
    files = {r.file for r in records}
    assert files, "no WARC files written"
    for name in files:
        assert next(r for r in records if r.file == name).type == "warcinfo"
    responses = [r for r in records if r.type == "response"]
    uris = Counter(r.uri for r in responses)
    assert [u for u, n in uris.items() if n > 1] == [], "a URL was archived twice"
    concurrent = {r.get("WARC-Concurrent-To") for r in records if r.type == "request"}
    assert all(r.get("WARC-Record-ID") in concurrent for r in responses)


def test_redirect_404_and_robots_are_archived(fixture_crawl: CrawlRun, fixture_web) -> None:
    statuses = {r.uri: r.status for r in fixture_crawl.records() if r.type == "response"}
    model = fixture_web.model
    assert statuses[canonicalize(model.redirect_url)] == 301
    assert statuses[canonicalize(model.missing_url)] == 404
    assert any(u.endswith("/robots.txt") for u in statuses if u)


def _article_pages(model) -> list:
    return [p for p in model.pages if p.kind == "article"]


def test_one_article_document_per_fixture_article(fixture_crawl: CrawlRun, fixture_web) -> None:
    docs = fixture_crawl.documents
    # the capture host's small test pages are short articles too (when in doubt, a page is
    # an article); they test the WARC records, not extraction
    capture_host = urlsplit(fixture_web.model.capture.root).hostname
    articles = Counter(d["url"] for d in docs if d["page_type"] == "article" and urlsplit(d["url"]).hostname != capture_host)
    expected = {canonicalize(p.url) for p in _article_pages(fixture_web.model)}
    missing = sorted(expected - set(articles))
    assert missing == []
    assert [u for u, n in articles.items() if n > 1] == []
    assert set(articles) == expected, sorted(set(articles) - expected)


def test_generated_listings_are_lists(fixture_crawl: CrawlRun, fixture_web) -> None:
    listings = {canonicalize(url) for url in fixture_web.model.listing_urls}
    types = {d["url"]: d["page_type"] for d in fixture_crawl.documents if d["url"] in listings}
    assert types and set(types.values()) == {"list"}, types


def test_documents_point_at_their_warc_records(fixture_crawl: CrawlRun) -> None:
    ids = {r.get("WARC-Record-ID") for r in fixture_crawl.records()}
    for doc in fixture_crawl.documents:
        assert doc["warc_record_id"] in ids
        assert (fixture_crawl.out / "warc" / doc["warc_file"]).exists()
        assert doc["fetched_at"] and doc["http_status"] == 200


def test_with_snippets_found_in_crawled_text(fixture_crawl: CrawlRun, fixture_web) -> None:
    by_url = {d["url"]: d for d in fixture_crawl.documents}
    misses = []
    for page in _article_pages(fixture_web.model):
        if page.origin != "pages":
            continue
        text = " ".join((by_url[canonicalize(page.url)]["text"] or "").split())
        misses += [(page.entry["file"], s) for s in page.entry["with"] if " ".join(s.split()) not in text]
    assert misses == []


def test_unreachable_hosts_end_cleanly_with_a_per_host_report(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds.txt"
    # Port 9 on loopback refuses connections; .invalid never resolves (RFC 2606).
    seeds.write_text("http://127.0.0.1:9/\nhttp://unreachable.invalid/\n", encoding="utf-8")
    run = zhengwen_crawl(["--seeds", str(seeds), *FAST, "-s", "RETRY_TIMES=0"], {}, tmp_path / "out")
    assert run.returncode == 1
    assert re.search(r"failed 127\.0\.0\.1: .*connection_refused", run.stdout), run.stdout
    assert re.search(r"failed unreachable\.invalid: .*dns_failure", run.stdout), run.stdout
    assert "status: FAILED" in run.stdout
    assert [p.name for p in (tmp_path / "out").rglob("*.open")] == []


def test_loopback_refused_without_allow_loopback(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds.txt"
    seeds.write_text("http://127.0.0.1:9/\n", encoding="utf-8")
    run = zhengwen_crawl(["--seeds", str(seeds), "-s", "RETRY_TIMES=0"], {}, tmp_path / "out")
    assert re.search(r"failed 127\.0\.0\.1: .*private_address_refused", run.stdout), run.stdout
    assert run.returncode == 1


def test_refuses_to_start_over_an_output_a_live_crawl_writes(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    seeds = tmp_path / "seeds.txt"
    seeds.write_text("http://127.0.0.1:9/\n", encoding="utf-8")
    with (out / "text.jsonl.open").open("wb") as live:
        hold(live.fileno())  # as a running crawl's sink does
        done = subprocess.run([sys.executable, "-m", "crawler.cli", "crawl", "--seeds", str(seeds), "--out", str(out)],
                              cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 75
    assert "text.jsonl.open exists: another crawl is writing" in done.stderr


def test_unknown_spider_is_a_usage_error(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "crawler.cli", "crawl", "nosuch", "--out", str(tmp_path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "unknown spider" in done.stderr


def test_without_warc_capture_documents_are_still_extracted(fixture_web, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds.txt"
    seeds.write_text("https://www.hunan.gov.cn/hnszf/szf/zfld/mwm/mwmhd/index.html\n", encoding="utf-8")
    run = zhengwen_crawl(["gov", "--seeds", str(seeds), *FAST, "-s", "WARC_ENABLED=False"],
                         fixture_web.proxy_env(), tmp_path / "out")
    assert run.returncode == 0, run.stdout + run.stderr[-3000:]
    assert not (tmp_path / "out" / "warc").exists()
    articles = [d for d in run.documents if d["page_type"] == "article"]
    assert articles and all(d["warc_file"] is None and d["warc_record_id"] is None for d in articles)
    assert all(d["text"] and d["fetched_at"] for d in articles)


def test_an_unresolvable_host_fails_its_queued_urls_at_once(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds.txt"
    seeds.write_text("".join(f"http://gone.invalid/page{n}.html\n" for n in range(6)), encoding="utf-8")
    run = zhengwen_crawl(["--seeds", str(seeds), "-s", "DOWNLOAD_DELAY=5", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1",
                          "-s", "RETRY_TIMES=0", "-s", "ROBOTSTXT_OBEY=False", "-v"], {}, tmp_path / "out")
    assert run.returncode == 1
    assert re.search(r"failed gone\.invalid: dns_failure ×6", run.stdout), run.stdout
    # URLs queued after the first failure were failed without being sent (no politeness wait).
    failed = int(re.search(r"'downloader/exception_type_count/scrapy.exceptions.CannotResolveHostError': (\d+)",
                           run.stderr).group(1))
    skipped = int(re.search(r"'failure/not_sent_host_unreachable': (\d+)", run.stderr).group(1))
    assert failed == 1 and skipped == 5


def test_ten_urls_on_an_unresolvable_name_fail_in_seconds_without_tracebacks(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds.txt"
    seeds.write_text("".join(f"http://nowhere.invalid/news/page{n}.html\n" for n in range(10)), encoding="utf-8")
    started = time.monotonic()
    run = zhengwen_crawl(["--seeds", str(seeds), "-v"], {}, tmp_path / "out")  # default delay, retries, robots.txt
    elapsed = time.monotonic() - started
    assert run.returncode == 1, run.explain()
    assert re.search(r"failed nowhere\.invalid: dns_failure ×10", run.stdout), run.stdout
    assert elapsed < 20, f"took {elapsed:.1f} s"
    crawl_seconds = float(re.search(r"'elapsed_time_seconds': ([\d.]+)", run.stderr).group(1))
    assert crawl_seconds < 6, crawl_seconds  # three robots.txt tries one politeness delay apart, then nothing
    assert "Traceback" not in run.stderr
    host_lines = [line for line in run.stderr.splitlines() if "] WARNING:" in line]
    assert len(host_lines) == 1 and "nowhere.invalid is unreachable (dns_failure" in host_lines[0], host_lines
    assert "'failure/unreachable_host_count/dns_failure': 1" in run.stderr
    assert "'robotstxt/failure_reason_count/dns_failure': 1" in run.stderr


def test_a_host_refusing_connections_is_given_up_after_the_retries(tmp_path: Path) -> None:
    port = free_port()  # nothing listens there
    seeds = tmp_path / "seeds.txt"
    seeds.write_text("".join(f"http://127.0.0.1:{port}/news/page{n}.html\n" for n in range(5)), encoding="utf-8")
    run = zhengwen_crawl(["--seeds", str(seeds), "-v", "-s", "ALLOW_LOOPBACK=True", "-s", "DOWNLOAD_DELAY=0.2"], {},
                         tmp_path / "out")
    assert run.returncode == 1, run.explain()
    assert re.search(r"failed 127\.0\.0\.1: connection_refused ×5", run.stdout), run.stdout
    assert "'failure/unreachable_host_count/connection_refused': 1" in run.stderr
    assert "Traceback" not in run.stderr
