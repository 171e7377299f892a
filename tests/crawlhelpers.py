"""Run `zhengwen crawl` in a child process through the fixture web and read its WARC records raw."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator

ROOT = Path(__file__).resolve().parents[1]
CRAWL_TIMEOUT = 420  # seconds; a crawl of the capture host takes a few
# No politeness delays; the fixture web is on loopback.
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "ALLOW_LOOPBACK=True"]


@dataclass(frozen=True)
class WarcRecord:
    """One record as stored: WARC headers, HTTP head, and the payload bytes exactly as written."""

    file: str
    offset: int
    version: str  # "WARC/1.1"
    warc_headers: list[tuple[str, str]]
    http_first_line: str | None  # "HTTP/1.1 200 OK" or "GET /path?q HTTP/1.1"
    http_headers: list[tuple[str, str]] | None
    payload: bytes = field(repr=False)  # block after the HTTP head: not de-chunked, not decoded

    def get(self, name: str) -> str | None:
        return next((v for k, v in self.warc_headers if k.lower() == name.lower()), None)

    @property
    def type(self) -> str:
        return self.get("WARC-Type") or ""

    @property
    def uri(self) -> str | None:
        return self.get("WARC-Target-URI")

    @property
    def status(self) -> int | None:
        if self.type in ("response", "revisit") and self.http_first_line:
            return int(self.http_first_line.split()[1])
        return None

    def http_values(self, name: str) -> list[str]:
        """Every value of HTTP header `name`, in stored order."""
        return [v for k, v in self.http_headers or [] if k.lower() == name.lower()]


def read_warc(path: Path) -> list[WarcRecord]:
    """Every record of one WARC file, payloads read from the raw stream (no decoding)."""
    records = []
    with path.open("rb") as handle:
        iterator = ArchiveIterator(handle)
        for record in iterator:
            http = record.http_headers
            first = f"{http.protocol} {http.statusline}".strip() if http is not None else None
            payload = record.raw_stream.read()
            records.append(WarcRecord(path.name, iterator.get_record_offset(), record.rec_headers.protocol,
                                      list(record.rec_headers.headers), first,
                                      list(http.headers) if http is not None else None, payload))
    return records


@dataclass(frozen=True)
class CrawlRun:
    """A finished `zhengwen crawl`: exit status, output and the folder it wrote."""

    returncode: int
    stdout: str
    stderr: str
    out: Path

    def explain(self) -> str:
        return f"exit {self.returncode}\n--- stdout\n{self.stdout}\n--- stderr (end)\n{self.stderr[-6000:]}"

    @property
    def warc_files(self) -> list[Path]:
        return sorted((self.out / "warc").glob("*.warc.gz"))

    def records(self, files: list[Path] | None = None) -> list[WarcRecord]:
        return [r for path in (self.warc_files if files is None else files) for r in read_warc(path)]

    @property
    def documents(self) -> list[dict[str, Any]]:
        path = self.out / "text.jsonl"
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def zhengwen_crawl(args: list[str], env_extra: dict[str, str], out: Path) -> CrawlRun:
    """Run `zhengwen crawl` in a child process (Twisted's reactor cannot restart in-process)."""
    env = {**os.environ, **env_extra}
    cmd = [sys.executable, "-m", "crawler.cli", "crawl", "--out", str(out), *args]
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=CRAWL_TIMEOUT)
    return CrawlRun(done.returncode, done.stdout, done.stderr, out)


def crawl_urls(fixture_web: Any, urls: list[str], out: Path, *settings: str) -> CrawlRun:
    """Crawl `urls` (seeds of the `news` spider) through the fixture web into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    seeds = out.parent / f"{out.name}-seeds.txt"
    seeds.write_text("# capture host test seeds\n" + "\n".join(urls) + "\n", encoding="utf-8")
    return zhengwen_crawl(["--seeds", str(seeds), "news", *FAST, *settings], fixture_web.proxy_env(), out)


def responses_by_uri(records: list[WarcRecord]) -> dict[str, WarcRecord]:
    """The response records keyed by WARC-Target-URI (the last one wins)."""
    return {r.uri: r for r in records if r.type == "response" and r.uri}


def wait_for_warc(out: Path, timeout: float = 30, min_bytes: int = 20000) -> None:
    """Until the crawl has archived something (its .open WARC file holds a record or two)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        files = list((out / "warc").glob("*.open")) if (out / "warc").is_dir() else []
        if any(p.stat().st_size >= min_bytes for p in files):
            return
        time.sleep(0.02)
    raise TimeoutError("the crawl archived nothing")
