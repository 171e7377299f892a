"""`make demo`: try zhengwen offline — crawl the fixture web, replay the archive, export the corpus.

    .venv/bin/python tests/demo.py [--out data-demo]

1. starts the fixture web (tests/mockserver.py: real captured pages from ../shared/fixtures
   served under their real URLs, through a proxy on 127.0.0.1);
2. crawls it with all four spiders into OUT (WARC files, CDXJ index, text.jsonl);
3. replays the WARC files with no network and checks the result equals text.jsonl byte for byte;
4. exports the articles as CSV and as a plain-text tree;
5. prints where everything is and a few lines of cleaned text;
6. writes the crawl report (OUT/report.html) and the review site (OUT/review/index.html).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from fixtureweb import FixturesNotFoundError, FixtureWeb, fixtures_dir  # noqa: E402

FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "ALLOW_LOOPBACK=True", "-s",
        "LOG_LEVEL=WARNING"]


def zhengwen(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the zhengwen CLI of this checkout; stop the demo with its output if it fails."""
    done = subprocess.run([sys.executable, "-m", "crawler.cli", *args], cwd=ROOT, env=env, text=True,
                          capture_output=True)
    if done.returncode != 0:
        sys.exit(f"zhengwen {args[0]} failed ({done.returncode}):\n{done.stdout}\n{done.stderr[-4000:]}")
    return done


def start_fixture_web(root: Path) -> tuple[subprocess.Popen[bytes], str]:
    proc = subprocess.Popen([sys.executable, str(HERE / "mockserver.py"), "--fixtures", str(root)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert proc.stdout is not None
    url = proc.stdout.readline().decode().strip()
    if not url.startswith("http://127.0.0.1:"):
        proc.kill()
        sys.exit(f"the fixture web did not start (got {url!r})")
    return proc, url


def crawl(out: Path, model: FixtureWeb, proxy: str) -> str:
    seeds = out / "seeds"
    seeds.mkdir(parents=True)
    for site, urls in model.seed_urls_by_site().items():
        (seeds / f"{site}.txt").write_text("# fixture web\n" + "\n".join(urls) + "\n", encoding="utf-8")
    env = {**os.environ, "http_proxy": proxy, "https_proxy": proxy, "no_proxy": ""}
    return zhengwen("crawl", "--out", str(out), "-s", f"SEEDS_DIR={seeds}", *FAST, env=env).stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "data-demo")
    out = parser.parse_args().out.resolve()
    try:
        root = fixtures_dir()
    except FixturesNotFoundError as exc:
        sys.exit(str(exc))
    shutil.rmtree(out, ignore_errors=True)
    proc, proxy = start_fixture_web(root)
    try:
        print(f"fixture web on {proxy}; crawling into {out} …")
        print(crawl(out, FixtureWeb.load(root), proxy))
    finally:
        if proc.stdin:
            proc.stdin.close()
        proc.wait(10)
    replayed = out / "replayed.jsonl"
    zhengwen("replay", str(out), "-o", str(replayed))
    same = replayed.read_bytes() == (out / "text.jsonl").read_bytes()
    print(f"replay of {out / 'warc'} (no network) → {replayed}: "
          f"{'byte-identical to' if same else 'DIFFERENT FROM'} text.jsonl")
    zhengwen("export", str(out), "--format", "csv", "-o", str(out / "articles.csv"))
    zhengwen("export", str(out), "--format", "txt", "-o", str(out / "articles-txt"))
    zhengwen("verify", str(out / "warc"))
    print(f"WARC files:  {out / 'warc'} (index.cdxj beside them; `zhengwen verify` says OK)")
    print(f"documents:   {out / 'text.jsonl'}")
    print(f"exports:     {out / 'articles.csv'}, {out / 'articles-txt'}/")
    docs = [json.loads(line) for line in (out / "text.jsonl").read_text(encoding="utf-8").splitlines()]
    articles = [d for d in docs if d["page_type"] == "article"]
    print(f"\n{len(docs)} documents, {len(articles)} articles. A few of them:")
    for doc in articles[:3]:
        print(f"\n  {doc['title']}  ({doc['site']}, {doc['published']}, {doc['url']})")
        print("  " + "\n  ".join((doc["text"] or "").splitlines()[:2]))
    zhengwen("report", str(out), "-o", str(out / "report.html"))
    zhengwen("review", str(out), "-o", str(out / "review"))
    print(f"\nreport:      {out / 'report.html'}  (open it in a browser; no network needed)")
    print(f"review:      {out / 'review' / 'index.html'}  (each archived page beside its cleaned text)")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
