"""A real redis-server for the distributed-crawl tests: 127.0.0.1, a free port, no persistence.

Debian's ``redis-server`` is installed by .ci/install-test-deps when missing.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import redis
from localprocs import free_port, stop

STARTUP_TIMEOUT = 10.0  # seconds until the server answers PING


@contextmanager
def redis_server(workdir: Path) -> Iterator[str]:
    """Run redis-server until the block ends; yield its URL (``redis://127.0.0.1:PORT/0``)."""
    binary = shutil.which("redis-server")
    if binary is None:
        raise FileNotFoundError("redis-server is not installed: `make test` installs it (.ci/install-test-deps)")
    port = free_port()
    cmd = [binary, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no",
           "--dir", str(workdir), "--protected-mode", "yes", "--loglevel", "warning"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"redis://127.0.0.1:{port}/0"
    try:
        client = redis.Redis.from_url(url)
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"redis-server did not start: {proc.stderr.read().decode() if proc.stderr else ''}")
                time.sleep(0.05)
        client.close()
        yield url
    finally:
        stop(proc)
        if proc.stderr is not None:
            proc.stderr.close()
