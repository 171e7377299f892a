"""pywb replays a capture-host crawl: id_ (identity) replay returns the bytes the server sent."""

from __future__ import annotations

import gzip
import os
import subprocess
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from crawlhelpers import CrawlRun, responses_by_uri
from fixtureweb import FixtureWeb
from localprocs import free_port, stop

CAPTURE = FixtureWeb.capture
#: pywb's own virtualenv (made by `make test`; pywb pins a `redis` scrapy-redis cannot use), or $ZHENGWEN_PYWB_BIN.
BIN = Path(os.environ.get("ZHENGWEN_PYWB_BIN") or Path(__file__).resolve().parents[1] / ".venv-pywb" / "bin")
START_TIMEOUT = 60.0  # seconds for wayback to answer its first request
TOOL_TIMEOUT = 120  # seconds for wb-manager
FETCH_TIMEOUT = 30


@dataclass(frozen=True)
class Wayback:
    base: str  # http://127.0.0.1:PORT/coll
    log: Path

    def stderr(self) -> str:
        return self.log.read_text(errors="replace")[-6000:]


def _run(args: list[str], cwd: Path) -> None:
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=TOOL_TIMEOUT)
    assert done.returncode == 0, f"{' '.join(args)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"


def _opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never through a proxy


def _wait_until_up(proc: subprocess.Popen[bytes], url: str, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"wayback exited with {proc.returncode}:\n{log.read_text(errors='replace')[-6000:]}")
        try:
            with _opener().open(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"wayback did not answer {url} within {START_TIMEOUT:.0f} s:\n{log.read_text(errors='replace')[-6000:]}")


@pytest.fixture(scope="module")
def wayback(capture_crawl: CrawlRun, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Wayback]:
    assert capture_crawl.warc_files, capture_crawl.explain()
    if not (BIN / "wayback").is_file():
        pytest.fail(f"pywb is not installed in {BIN}: run `make test` (it makes .venv-pywb), or set ZHENGWEN_PYWB_BIN")
    root = tmp_path_factory.mktemp("pywb")
    _run([str(BIN / "wb-manager"), "init", "coll"], root)
    _run([str(BIN / "wb-manager"), "add", "coll", *map(str, capture_crawl.warc_files)], root)
    port = free_port()
    log = root / "wayback.log"
    with log.open("wb") as sink:
        proc = subprocess.Popen([str(BIN / "wayback"), "-p", str(port), "-b", "127.0.0.1", "-t", "2"],
                                cwd=root, stdout=sink, stderr=subprocess.STDOUT)
    try:
        _wait_until_up(proc, f"http://127.0.0.1:{port}/", log)
        yield Wayback(f"http://127.0.0.1:{port}/coll", log)
    finally:
        stop(proc)


def _timestamp14(warc_date: str) -> str:
    return "".join(ch for ch in warc_date if ch.isdigit())[:14]


def _decoded(body: bytes, encoding: str | None) -> bytes:
    if (encoding or "").lower() == "gzip":
        return gzip.decompress(body)
    if (encoding or "").lower() == "deflate":
        return zlib.decompress(body)
    return body


@pytest.mark.parametrize(("url", "uri", "expected"), [
    (CAPTURE.gzip, CAPTURE.gzip, CAPTURE.gzip_identity),
    (CAPTURE.gbk, CAPTURE.gbk, CAPTURE.gbk_body),
    (CAPTURE.non_ascii, CAPTURE.non_ascii_uri, None),
], ids=["gzip", "gbk", "non-ascii-path"])
def test_identity_replay_returns_the_original_body(wayback: Wayback, capture_crawl: CrawlRun, fixture_web,
                                                    url: str, uri: str, expected: bytes | None) -> None:
    record = responses_by_uri(capture_crawl.records()).get(uri)
    assert record is not None, f"{uri} not archived: {capture_crawl.explain()}"
    expected = expected if expected is not None else fixture_web.model.route(url).body
    replay = f"{wayback.base}/{_timestamp14(record.get('WARC-Date'))}id_/{uri}"
    request = urllib.request.Request(replay, headers={"Accept-Encoding": "gzip"})
    try:
        with _opener().open(request, timeout=FETCH_TIMEOUT) as resp:
            status, body, encoding = resp.status, resp.read(), resp.headers.get("Content-Encoding")
    except urllib.error.HTTPError as exc:
        pytest.fail(f"pywb answered {exc.code} for {replay}:\n{exc.read()[:2000]!r}\n{wayback.stderr()}")
    assert status == 200
    assert _decoded(body, encoding) == expected, f"{replay} (Content-Encoding {encoding})\n{wayback.stderr()}"


def test_gbk_page_keeps_its_charset_on_replay(wayback: Wayback, capture_crawl: CrawlRun) -> None:
    record = responses_by_uri(capture_crawl.records())[CAPTURE.gbk]
    replay = f"{wayback.base}/{_timestamp14(record.get('WARC-Date'))}id_/{CAPTURE.gbk}"
    with _opener().open(replay, timeout=FETCH_TIMEOUT) as resp:
        assert resp.headers.get("Content-Type") == "text/html; charset=gbk"
        assert CAPTURE.gbk_text in resp.read().decode("gbk")
