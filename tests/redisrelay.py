"""A relay in front of the tests' redis-server that fails a worker at one exact Redis command.

A worker given the relay's URL as REDIS_URL talks to the real Redis through it, byte for
byte, until it sends a command that carries one of the trigger strings (say, the URL of a
link being queued). Then, before that command reaches Redis, the relay either SIGKILLs the
worker and forwards nothing more (``KILL``), or answers the command with a Redis error
once and goes on relaying (``REFUSE``). The worker fails at the same point of its work on
every run, which a kill from outside at a moment chosen by the clock cannot do.
"""

from __future__ import annotations

import os
import signal
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from urllib.parse import urlsplit

KILL = "kill"
REFUSE = "refuse"
#: Bytes of one read kept to match a trigger split between two reads.
_OVERLAP = 512


class RedisRelay:
    """Relay 127.0.0.1 connections to ``redis_url``; fail the first command that carries a trigger.

    Args:
        redis_url: the real server, ``redis://127.0.0.1:PORT/0``.
        triggers: byte strings, any of which in a command from the worker fires the fault.
        fault: KILL (process ``pid``, set before it connects) or REFUSE.
    """

    def __init__(self, redis_url: str, triggers: list[bytes], fault: str):
        parts = urlsplit(redis_url)
        self.upstream = (parts.hostname or "127.0.0.1", parts.port or 6379)
        self.triggers = triggers
        self.fault = fault
        self.pid: int | None = None
        self.fired: bytes | None = None  # the trigger that fired
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"redis://127.0.0.1:{self._listener.getsockname()[1]}/0"

    def serve(self) -> None:
        """Accept connections until the listener is closed (run in a thread)."""
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:  # closed
                return
            upstream = socket.create_connection(self.upstream)
            with self._lock:
                self._sockets += [client, upstream]
            threading.Thread(target=self._commands, args=(client, upstream), daemon=True).start()
            threading.Thread(target=self._replies, args=(upstream, client), daemon=True).start()

    def close(self) -> None:
        self._listener.close()
        with self._lock:
            for sock in self._sockets:
                sock.close()

    def _commands(self, client: socket.socket, upstream: socket.socket) -> None:
        tail = b""
        with suppress(OSError):
            while data := client.recv(65536):
                window = tail + data
                tail = window[-_OVERLAP:]
                with self._lock:
                    if self.fired is not None and self.fault == KILL:
                        return
                    hit = None if self.fired else next((t for t in self.triggers if t in window), None)
                    if hit is None:
                        upstream.sendall(data)
                        continue
                    self.fired = hit
                    if self.fault == KILL:
                        if self.pid is not None:  # the test checks the worker's exit status
                            os.kill(self.pid, signal.SIGKILL)
                        return
                    client.sendall(b"-ERR refused by the test relay\r\n")  # one command per read: redis-py awaits each reply
        upstream.close()

    def _replies(self, upstream: socket.socket, client: socket.socket) -> None:
        with suppress(OSError):
            while data := upstream.recv(65536):
                client.sendall(data)
        client.close()


@contextmanager
def redis_relay(redis_url: str, triggers: list[bytes], fault: str) -> Iterator[RedisRelay]:
    """A running RedisRelay, closed when the block ends."""
    relay = RedisRelay(redis_url, triggers, fault)
    thread = threading.Thread(target=relay.serve, daemon=True)
    thread.start()
    try:
        yield relay
    finally:
        relay.close()
        thread.join(5)
