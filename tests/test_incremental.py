"""Scheduled incremental crawls of one folder: what each run fetches, archives and adds to the corpus.

The fixture web answers conditional requests (ETag / If-None-Match → 304) and can change a
page between runs (tests/conftest.py). One listing (news.163.com) and its six articles:
run 1 archives everything; run 2 fetches no article (inside the recrawl interval); run 3,
with RECRAWL_INTERVAL=0, asks for every article conditionally and gets 304s; before run 4
two articles change, one is added to the listing and one removed from it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from crawlhelpers import FAST, ROOT, CrawlRun, read_warc, zhengwen_crawl

from crawler.state import SqliteCrawlState

LISTING = "https://news.163.com/zhengwen-index.html"
NEW_ARTICLE = "https://news.163.com/24/0101/00/ZHENGWENTEST0001.html"


@dataclass
class Runs:
    runs: list[CrawlRun]
    warcs: list[list[Path]]  # WARC files each run added
    docs: list[list[dict]]  # text.jsonl after each run
    changed: list[str]
    removed: str


def _changed_body(body: bytes, charset: str, text: str) -> bytes:
    snippet = next(line for line in text.splitlines() if len(line) > 12)[:12]
    page = body.decode(charset)
    assert snippet in page, snippet
    return page.replace(snippet, snippet + "（本段已更新）", 1).encode(charset)


@pytest.fixture(scope="module")
def runs(fixture_web, tmp_path_factory) -> Runs:
    out = tmp_path_factory.mktemp("incremental") / "out"
    seeds = out.parent / "seeds.txt"
    seeds.write_text(LISTING + "\n", encoding="utf-8")
    fixture_web.clear_overrides()
    done: list[CrawlRun] = []
    warcs: list[list[Path]] = []
    docs: list[list[dict]] = []

    def crawl(*settings: str) -> None:
        before = set((out / "warc").glob("*.warc.gz")) if (out / "warc").is_dir() else set()
        run = zhengwen_crawl(["netease", "--seeds", str(seeds), *FAST, *settings], fixture_web.proxy_env(), out)
        assert run.returncode == 0, run.explain()
        done.append(run)
        warcs.append(sorted(set((out / "warc").glob("*.warc.gz")) - before))
        docs.append(run.documents)

    try:
        crawl()
        crawl()
        crawl("-s", "RECRAWL_INTERVAL=0")
        articles = sorted(d["url"] for d in docs[0] if d["page_type"] == "article")
        changed, removed = articles[:2], articles[-1]
        by_url = {d["url"]: d for d in docs[0]}
        for url in changed:
            route = fixture_web.model.respond(url)
            charset = route.header("Content-Type").rpartition("charset=")[2] or "utf-8"
            fixture_web.set_override(url, _changed_body(route.body, charset, by_url[url]["text"]))
        listing = fixture_web.model.respond(LISTING).body.decode("utf-8")
        listing = listing.replace(f'<a href="{removed}">', f'<a href="{NEW_ARTICLE}">')
        fixture_web.set_override(LISTING, listing.encode("utf-8"))
        fixture_web.set_override(NEW_ARTICLE, fixture_web.model.respond(changed[0]).body)
        crawl("-s", "RECRAWL_INTERVAL=0")
    finally:
        fixture_web.clear_overrides()
    return Runs(done, warcs, docs, changed, removed)


def _responses(files: list[Path]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for path in files:
        for record in read_warc(path):
            if record.type in ("response", "revisit") and record.uri:
                found.setdefault(record.uri, []).append(record.status or 0)
    return found


def test_run_1_archives_every_page_and_writes_a_run_file(runs: Runs) -> None:
    first = runs.docs[0]
    assert len([d for d in first if d["page_type"] == "article"]) >= 5
    assert all(d["version"] == 1 and d["previous_fetched_at"] is None for d in first)
    record = json.loads(sorted((runs.runs[0].out / "runs").glob("*.json"))[0].read_text(encoding="utf-8"))
    assert record["exit_status"] == 0 and record["sites"]["netease"]["new"] == len(first)
    assert "netease" in record["stats"] and "run " in runs.runs[0].stdout.splitlines()[-1]


def test_run_2_fetches_no_article_inside_its_interval_and_adds_no_document(runs: Runs) -> None:
    fetched = _responses(runs.warcs[1])
    articles = {d["url"] for d in runs.docs[0] if d["page_type"] == "article"}
    assert LISTING in fetched and not articles & set(fetched)
    assert "recrawl_not_due" in runs.runs[1].stdout
    assert runs.docs[1] == runs.docs[0]


def test_run_3_asks_conditionally_gets_304s_and_adds_no_document(runs: Runs) -> None:
    articles = {d["url"] for d in runs.docs[0] if d["page_type"] == "article"}
    fetched = _responses(runs.warcs[2])
    assert {u: s for u, s in fetched.items() if u in articles} == {u: [304] for u in articles}
    requests = [r for path in runs.warcs[2] for r in read_warc(path) if r.type == "request" and r.uri in articles]
    assert requests and all(r.http_values("If-None-Match") for r in requests)
    assert runs.docs[2] == runs.docs[0]


def test_run_4_archives_exactly_the_changed_and_new_pages(runs: Runs) -> None:
    added = runs.docs[3][len(runs.docs[2]):]
    by_url = {d["url"]: d for d in added}
    assert sorted(by_url) == sorted([*runs.changed, NEW_ARTICLE, LISTING])
    assert [by_url[u]["version"] for u in runs.changed] == [2, 2] and by_url[NEW_ARTICLE]["version"] == 1
    first = {d["url"]: d["fetched_at"] for d in runs.docs[0]}
    assert all(by_url[u]["previous_fetched_at"] == first[u] for u in runs.changed)
    full = {u for u, s in _responses(runs.warcs[3]).items() if 200 in s}
    assert {*runs.changed, NEW_ARTICLE, LISTING} <= full


def _zhengwen(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "crawler.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def test_the_state_keeps_the_payload_digest_of_each_url_s_latest_full_response(runs: Runs) -> None:
    latest: dict[str, str | None] = {}
    for files in runs.warcs:
        for path in files:
            for record in read_warc(path):
                if record.type in ("response", "revisit") and record.uri and record.status != 304:
                    latest[record.uri] = record.get("WARC-Payload-Digest")
    state = SqliteCrawlState(runs.runs[-1].out / "state.sqlite")
    try:
        stored = {s.url: s.payload_digest for s in state.all_url_states() if s.url in latest}
    finally:
        state.close()
    assert len(stored) >= 7 and all(digest and digest.startswith("sha1:") for digest in stored.values())
    assert stored == {url: latest[url] for url in stored}


def test_changes_lists_new_changed_and_gone(runs: Runs) -> None:
    done = _zhengwen("changes", str(runs.runs[-1].out))
    assert done.returncode == 0, done.stderr
    changes = [json.loads(line) for line in done.stdout.splitlines()]
    kinds = {(c["change"], c["url"]) for c in changes}
    assert kinds == {("new", NEW_ARTICLE), ("changed", runs.changed[0]), ("changed", runs.changed[1]),
                     ("changed", LISTING), ("gone", runs.removed)}
    article = next(c for c in changes if c["url"] == runs.changed[0])
    assert article["lines_added"] >= 1 and article["lines_removed"] >= 1
    table = _zhengwen("changes", str(runs.runs[-1].out), "--format", "table", "--since", "2000-01-01")
    assert table.returncode == 0 and f"new      {NEW_ARTICLE}" in table.stdout
    assert _zhengwen("changes", str(runs.runs[-1].out), "--since", "yesterday").returncode == 2


def test_replay_equals_the_corpus_after_four_runs(runs: Runs) -> None:
    done = subprocess.run([sys.executable, "-m", "crawler.cli", "replay", str(runs.runs[-1].out), "--workers", "2"],
                          cwd=ROOT, capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr.decode()[-3000:]
    assert done.stdout == (runs.runs[-1].out / "text.jsonl").read_bytes()


def test_a_crawl_from_the_archive_passes_over_304_captures(runs: Runs, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds.txt"
    seeds.write_text(LISTING + "\n", encoding="utf-8")
    replayed = zhengwen_crawl(["--from-archive", str(runs.runs[-1].out / "warc"), "netease", "--seeds", str(seeds)],
                              {}, tmp_path / "from-archive")
    assert replayed.returncode == 0, replayed.explain()
    latest = {d["url"]: d["text"] for d in runs.docs[-1] if d["page_type"] == "article" and d["url"] != runs.removed}
    assert {d["url"]: d["text"] for d in replayed.documents if d["page_type"] == "article"} == latest
