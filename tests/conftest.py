"""Session fixtures: the shared fixture folder and the fixture web proxy (tests/mockserver.py)."""

from __future__ import annotations

import selectors
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from fixtureweb import FixturesNotFoundError, FixtureWeb, fixtures_dir

MOCKSERVER = Path(__file__).resolve().parent / "mockserver.py"
STARTUP_TIMEOUT = 20.0  # seconds to wait for the server's URL line


@dataclass(frozen=True)
class FixtureWebServer:
    """A running tests/mockserver.py: point clients at `proxy_url` to reach `model`'s URLs."""

    proxy_url: str
    model: FixtureWeb

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
def fixture_web(fixtures_path: Path) -> Iterator[FixtureWebServer]:
    """Start tests/mockserver.py for the session and stop it at the end."""
    model = FixtureWeb.load(fixtures_path)
    proc = subprocess.Popen(
        [sys.executable, str(MOCKSERVER), "--fixtures", str(fixtures_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    try:
        url = _read_url_line(proc, STARTUP_TIMEOUT)
        yield FixtureWebServer(url, model)
    finally:
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.close()  # the server exits when its stdin closes
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        proc.stdout.close()
