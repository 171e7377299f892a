"""Servers the tests start on 127.0.0.1: a free port for them, and stopping them cleanly."""

from __future__ import annotations

import socket
import subprocess

STOP_TIMEOUT = 10  # seconds a stopped server has before it is killed


def free_port() -> int:
    """A port of 127.0.0.1 that nothing listens on (free a moment ago; connections to it are refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def stop(proc: subprocess.Popen) -> None:  # type: ignore[type-arg]
    """Terminate ``proc``; kill it when it has not ended within STOP_TIMEOUT."""
    proc.terminate()
    try:
        proc.wait(STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
