"""Session fixtures: the shared fixture folder and the fixture web proxy (tests/mockserver.py).

Changing a page between two crawls (e.g. for revisit records): the proxy reads an overrides
folder on every request. Use the function-scoped `override_page` fixture,
`override_page(url, body)`, and every override is removed when the test ends; or call
`fixture_web.set_override(url, body)` / `fixture_web.clear_overrides()` yourself. The
overridden URL answers 200 with `body` (its route's Content-Type) until cleared.
"""

from __future__ import annotations

import selectors
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

# bench/quality_metrics.py holds the extraction metrics shared by bench/quality.py and the tests.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from crawlhelpers import FAST, CrawlRun, crawl_urls, zhengwen_crawl  # noqa: E402
from fixtureweb import FixturesNotFoundError, FixtureWeb, fixtures_dir, override_name
from redisserver import redis_server

MOCKSERVER = Path(__file__).resolve().parent / "mockserver.py"
STARTUP_TIMEOUT = 20.0  # seconds to wait for the server's URL line


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--update-floors``: let tests/test_quality_gate.py tighten tests/quality_floors.json."""
    parser.addoption(
        "--update-floors",
        action="store_true",
        default=False,
        help="rewrite tests/quality_floors.json with the measured extraction quality (never lowers a floor)",
    )


#: The slowest modules, slowest first (wall time of `make test`, docs/benchmarks.md): they start
#: first and the short ones fill the gaps, so the four workers finish together. Every other
#: module keeps its place after them (pyproject.toml turns xdist's count-of-tests order off).
SLOW_MODULES_FIRST = [
    "test_crash_recovery", "test_replay", "test_distributed", "test_quality_gate", "test_cli",
    "test_crawl_hostile", "test_crawl_e2e", "test_incremental", "test_distributed_seeding",
    "test_extract_worker_death", "test_extract_unseen", "test_report_review", "test_distributed_leases",
    "test_warc_fidelity", "test_archive_damage", "test_export",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Longest modules first (SLOW_MODULES_FIRST); a stable sort keeps each module's own order."""
    rank = {name: i for i, name in enumerate(SLOW_MODULES_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.stem, len(rank)))


@dataclass(frozen=True)
class FixtureWebServer:
    """A running tests/mockserver.py: point clients at `proxy_url` to reach `model`'s URLs."""

    proxy_url: str
    model: FixtureWeb
    overrides: Path  # the mockserver's --overrides folder

    def set_override(self, url: str, body: bytes) -> None:
        """Make the proxy answer `url` with 200 and `body` from its next request on."""
        final = self.overrides / override_name(url)
        partial = final.with_suffix(".part")
        partial.write_bytes(body)
        partial.replace(final)  # atomic: a request never sees half a body

    def clear_overrides(self) -> None:
        """Serve every page from the model again."""
        for path in self.overrides.iterdir():
            path.unlink()

    def proxy_env(self) -> dict[str, str]:
        """Environment variables that send a child process's HTTP(S) through the proxy."""
        return {
            "http_proxy": self.proxy_url,
            "https_proxy": self.proxy_url,
            "HTTP_PROXY": self.proxy_url,
            "HTTPS_PROXY": self.proxy_url,
            "no_proxy": "",
            "NO_PROXY": "",
        }


@pytest.fixture(scope="session")
def fixtures_path() -> Path:
    """The shared real-page fixtures folder ($ZHENGWEN_FIXTURES or <repo>/../shared/fixtures)."""
    try:
        return fixtures_dir()
    except FixturesNotFoundError as exc:
        pytest.fail(str(exc), pytrace=False)


def _read_url_line(proc: subprocess.Popen[bytes], timeout: float) -> str:
    assert proc.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(proc.stdout, selectors.EVENT_READ)
        if not selector.select(timeout):
            raise TimeoutError(f"{MOCKSERVER} printed no URL within {timeout:.0f} s")
    line = proc.stdout.readline().decode("ascii", "replace").strip()
    if not line.startswith("http://127.0.0.1:"):
        raise RuntimeError(f"{MOCKSERVER} exited with {proc.wait(5)} instead of printing its URL (got {line!r})")
    return line


@pytest.fixture(scope="session")
def fixture_web(fixtures_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[FixtureWebServer]:
    """Start tests/mockserver.py for the session and stop it at the end."""
    model = FixtureWeb.load(fixtures_path)
    overrides = tmp_path_factory.mktemp("overrides")
    proc = subprocess.Popen(
        [sys.executable, str(MOCKSERVER), "--fixtures", str(fixtures_path), "--overrides", str(overrides)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    try:
        url = _read_url_line(proc, STARTUP_TIMEOUT)
        yield FixtureWebServer(url, model, overrides)
    finally:
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.close()  # the server exits when its stdin closes
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        proc.stdout.close()


@pytest.fixture
def override_page(fixture_web: FixtureWebServer) -> Iterator[Callable[[str, bytes], None]]:
    """`override_page(url, body)` changes a page on the fixture web until the test ends."""
    fixture_web.clear_overrides()
    try:
        yield fixture_web.set_override
    finally:
        fixture_web.clear_overrides()


@pytest.fixture(scope="session")
def capture_crawl(fixture_web: FixtureWebServer, tmp_path_factory: pytest.TempPathFactory) -> CrawlRun:
    """One crawl of the whole capture host (tests/capturesite.py), shared by the WARC tests."""
    fixture_web.clear_overrides()
    return crawl_urls(fixture_web, [fixture_web.model.capture.root], tmp_path_factory.mktemp("capture") / "out")


@pytest.fixture(scope="session")
def redis_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A redis-server on 127.0.0.1 for the whole session (no persistence), stopped at the end."""
    with redis_server(tmp_path_factory.mktemp("redis")) as url:
        yield url


@pytest.fixture
def redis_url(redis_session: str) -> str:
    """The session's Redis, emptied for this test."""
    import redis

    with redis.Redis.from_url(redis_session) as client:
        client.flushall()
    return redis_session


def write_fixture_seeds(fixture_web: FixtureWebServer, folder: Path) -> Path:
    """One seed list per spider in `folder`: the root listings of the fixture web's hosts."""
    for site, urls in fixture_web.model.seed_urls_by_site().items():
        (folder / f"{site}.txt").write_text("# fixture web roots\n" + "\n".join(urls) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def fixture_crawl(fixture_web: FixtureWebServer, tmp_path_factory: pytest.TempPathFactory) -> CrawlRun:
    """One crawl of the whole fixture web by every spider, in one process (shared by several tests)."""
    fixture_web.clear_overrides()
    seeds = write_fixture_seeds(fixture_web, tmp_path_factory.mktemp("seeds"))
    out = tmp_path_factory.mktemp("crawl")
    return zhengwen_crawl([*FAST, "-s", f"SEEDS_DIR={seeds}"], fixture_web.proxy_env(), out)
