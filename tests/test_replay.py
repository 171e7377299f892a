"""Replay: the corpus re-derived from the WARC files alone equals the crawl's text.jsonl, byte for byte."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from crawlhelpers import FAST, CrawlRun, zhengwen_crawl

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def small_crawl(fixture_web, tmp_path_factory) -> CrawlRun:
    """Crawl part of the fixture web twice into one folder (the second run writes revisits)."""
    seeds = tmp_path_factory.mktemp("seeds") / "seeds.txt"
    roots = fixture_web.model.seed_urls_by_site()
    seeds.write_text("\n".join(roots["gov"] + roots["wechat"]) + "\n", encoding="utf-8")
    out = tmp_path_factory.mktemp("replay-crawl")
    (out / "seeds-used.txt").write_text(seeds.read_text(encoding="utf-8"), encoding="utf-8")
    for spider in ("gov", "wechat", "gov"):
        run = zhengwen_crawl([spider, "--seeds", str(seeds), *FAST], fixture_web.proxy_env(), out)
        assert run.returncode == 0, run.stdout + run.stderr[-3000:]
    return run


def replay(args: list[str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "crawler.cli", "replay", *args], cwd=ROOT, capture_output=True,
                          timeout=300)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_replay_equals_the_crawl_output_byte_for_byte(small_crawl: CrawlRun, workers: str) -> None:
    done = replay([str(small_crawl.out), "--workers", workers])
    assert done.returncode == 0, done.stderr.decode()[-3000:]
    crawled = (small_crawl.out / "text.jsonl").read_bytes()
    assert crawled.count(b"\n") > 10
    assert done.stdout == crawled


@pytest.mark.parametrize(("workers", "pending"), [("1", "1"), ("3", "16")])
def test_crawl_output_equals_replay_for_any_extraction_pool(fixture_web, tmp_path: Path, workers: str,
                                                            pending: str) -> None:
    # Documents come back from the worker processes in any order; text.jsonl is in WARC order.
    seeds = tmp_path / "seeds.txt"
    roots = fixture_web.model.seed_urls_by_site()
    seeds.write_text("\n".join(roots["gov"] + roots["netease"]) + "\n", encoding="utf-8")
    settings = ["-s", f"EXTRACT_WORKERS={workers}", "-s", f"EXTRACT_MAX_PENDING={pending}"]
    run = zhengwen_crawl(["news", "--seeds", str(seeds), *FAST, *settings], fixture_web.proxy_env(), tmp_path / "out")
    assert run.returncode == 0, run.explain()
    crawled = (run.out / "text.jsonl").read_bytes()
    assert crawled.count(b"\n") > 10
    done = replay([str(run.out), "--workers", "2"])
    assert done.returncode == 0, done.stderr.decode()[-3000:]
    assert done.stdout == crawled


def test_replay_resolves_revisits(small_crawl: CrawlRun) -> None:
    from warcio.archiveiterator import ArchiveIterator

    types = []
    for path in sorted((small_crawl.out / "warc").glob("*.warc.gz")):
        with path.open("rb") as handle:
            types += [record.rec_type for record in ArchiveIterator(handle)]
    assert "revisit" in types


def test_replay_to_a_file_is_identical_and_atomic(small_crawl: CrawlRun, tmp_path: Path) -> None:
    out = tmp_path / "replayed.jsonl"
    done = replay([str(small_crawl.out / "warc"), "-o", str(out), "--workers", "1"])
    assert done.returncode == 0, done.stderr.decode()[-3000:]
    assert out.read_bytes() == (small_crawl.out / "text.jsonl").read_bytes()
    assert not out.with_name(out.name + ".open").exists()


def test_replay_of_nothing_fails_clearly(tmp_path: Path) -> None:
    done = replay([str(tmp_path / "missing")])
    assert done.returncode == 2
    assert b"zhengwen replay: error: input not found" in done.stderr
    (tmp_path / "empty").mkdir()
    (tmp_path / "out.jsonl").write_text("kept\n")
    done = replay([str(tmp_path / "empty"), "-o", str(tmp_path / "out.jsonl")])
    assert done.returncode == 2 and b"no WARC files" in done.stderr
    assert (tmp_path / "out.jsonl").read_text() == "kept\n"


def _articles(run: CrawlRun) -> set[str]:
    return {d["url"] for d in run.documents if d["page_type"] == "article"}


def test_crawl_from_archive_finds_the_same_articles(small_crawl: CrawlRun, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds.txt"
    seeds.write_text((small_crawl.out / "seeds-used.txt").read_text(encoding="utf-8") + "https://www.gov.cn/not-archived.html\n",
                     encoding="utf-8")
    runs = [zhengwen_crawl(["--from-archive", str(small_crawl.out / "warc"), spider, "--seeds", str(seeds)], {},
                           tmp_path / "from-archive") for spider in ("gov", "wechat")]
    for run in runs:
        assert run.returncode == 0, run.stdout + run.stderr[-3000:]
    archived = _articles(small_crawl)
    assert archived and _articles(runs[-1]) == archived
    assert "not_in_archive" in runs[0].stdout
    replayed = runs[-1].documents
    assert all(d["warc_file"] and d["warc_record_id"] for d in replayed)
    assert not (tmp_path / "from-archive" / "warc").exists()


def test_a_page_that_cannot_be_extracted_is_skipped_like_the_crawl_skips_it(tmp_path: Path) -> None:
    from archive.records import HttpExchange
    from archive.warc.writer import WarcWriter
    from crawler.documents import BAD_PAYLOAD, try_document
    from crawler.rederive import replay_documents

    def page(url: str, payload: bytes, headers: list[tuple[str, str]]) -> HttpExchange:
        return HttpExchange(url=url, method="GET", request_headers=[("Host", "www.gov.cn")], request_body=b"",
                            status=200, response_headers=headers, payload=payload)

    html = "<html><body><div id='zoom'><p>国务院关于推进科技创新的若干意见全文如下。</p></div></body></html>".encode()
    with WarcWriter(tmp_path) as writer:
        broken = writer.write_exchange(page("https://www.gov.cn/bad.html", b"not gzip at all",
                                            [("Content-Type", "text/html"), ("Content-Encoding", "gzip")]))
        writer.write_exchange(page("https://www.gov.cn/good.html", html, [("Content-Type", "text/html")]))
    assert try_document(broken) == (None, BAD_PAYLOAD)
    for workers in (1, 2):
        urls = [d.url for d in replay_documents([tmp_path], workers=workers)]
        assert urls == ["https://www.gov.cn/good.html"]
