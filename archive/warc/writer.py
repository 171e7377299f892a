"""Write HTTP exchanges as WARC/1.1 request/response pairs, rotating and finalising files."""

from __future__ import annotations

import io
import os
import re
import socket
import threading
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, TYPE_CHECKING

from warcio.statusandheaders import StatusAndHeaders  # type: ignore[import-untyped]
from warcio.warcwriter import WARCWriter  # type: ignore[import-untyped]

from archive.errors import WarcWriteError
from archive.openfiles import hold
from archive.records import ArchivedResponse, HeaderList, HttpExchange, RecordPointer
from archive.safefile import OPEN_SUFFIX
from archive.warc.cdxjline import IndexEntry, index_entry, index_line
from archive.warc.digests import DedupEntry
from archive.warc.httpmsg import (
    clean_headers,
    header_block,
    http_version,
    iri_to_uri,
    one_line,
    reason_phrase,
    request_target,
    stored_response_headers,
    warc_date,
    warc_protocol,
)
from archive.warc.record import record_as_written, response_from_record
from archive.warc.recordbytes import (WARC_VERSION, HttpRecord, gzip_member, http_record, payload_digest_of,
                                      random_record_id)
from archive.warc.revisit import REVISIT_PROFILES, RevisitRef, sha1_digest

if TYPE_CHECKING:
    from types import TracebackType

    from archive.warc.digests import DigestStore

CONFORMS_TO = "http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"

_FIX_HINT = "check that the directory exists, is writable by this user and the disk has free space"


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


class WarcWriter:
    """Append request/response pairs to gzip-per-record WARC/1.1 files in one directory.

    Files are named ``{prefix}-{timestamp17}-{serial:05d}-{hostname}-{pid}.warc.gz``, are
    written as ``NAME.open`` and renamed on :meth:`close` or rotation. Each file starts
    with a ``warcinfo`` record. Thread-safe.

    Args:
        directory: where WARC files go; created if missing.
        prefix: first part of every file name.
        warcinfo: fields of each file's warcinfo record (software, spider, settings …).
        max_bytes: rotate to a new file once the current one has reached this size.
        clock: returns aware UTC datetimes; injected for deterministic tests.
        record_id_factory: returns ``<urn:uuid:…>`` record ids.
        dedup: where originals are remembered; with it, a 2xx response whose
            (URL, payload digest) is already stored is written as a ``revisit``
            record (identical-payload-digest profile) instead. Originals become
            visible to other writers only once their file is finished, so a
            revisit never refers into an unfinished ``.open`` file.
    """

    def __init__(
        self,
        directory: str | Path,
        *,
        prefix: str = "zhengwen",
        warcinfo: dict[str, str] | None = None,
        max_bytes: int = 1_000_000_000,
        clock: Callable[[], datetime] | None = None,
        record_id_factory: Callable[[], str] | None = None,
        dedup: DigestStore | None = None,
    ) -> None:
        self.directory = Path(directory)
        self.prefix = prefix
        self.warcinfo = dict(warcinfo or {})
        self.max_bytes = max_bytes
        self._clock = clock or _utc_now
        self._new_id = record_id_factory or random_record_id
        self._hostname = re.sub(r"[^A-Za-z0-9._-]+", "_", socket.gethostname()) or "localhost"
        self._serial = 0
        self._file: IO[bytes] | None = None
        self._final_path: Path | None = None
        self._closed_files: list[Path] = []
        self._closed = False
        self._lock = threading.Lock()
        self.dedup = dedup
        # Originals in the open file, published to ``dedup`` when the file is finished.
        self._pending: dict[tuple[str, str], DedupEntry] = {}
        # What the CDXJ line of each record needs, by file name; lines are built when asked for.
        self._index_entries: dict[str, list[IndexEntry]] = {}

    @property
    def closed_files(self) -> list[Path]:
        """Final paths of the files finished so far, in order."""
        return list(self._closed_files)

    @property
    def current_path(self) -> Path | None:
        """The ``.open`` path being written, or None when no file is open."""
        return None if self._final_path is None else self._final_path.with_name(self._final_path.name + OPEN_SUFFIX)

    def write_exchange(self, exchange: HttpExchange) -> ArchivedResponse:
        """Write ``exchange`` as a response (or revisit) record followed by its request record.

        Returns:
            The response exactly as :func:`archive.warc.reader.read_response` will read it
            back; for a revisit, with the (identical) payload and ``revisit_of``
            pointing at the original.

        Raises:
            WarcWriteError: the file cannot be created or written, or the writer is closed.
        """
        with self._lock:
            if self._closed:
                raise WarcWriteError(f"WarcWriter for {self.directory} is closed; create a new writer")
            if self._file is not None and self._file.tell() >= self.max_bytes:
                self._finish()
            handle, final = self._open_next() if self._file is None or self._final_path is None else (
                self._file, self._final_path)
            uri = iri_to_uri(exchange.url)
            digest = sha1_digest(exchange.payload)
            original = self._original(uri, digest) if self._dedup_applies(exchange) else None
            response, request = self._serialise_pair(exchange, uri, original, digest)
            response_member = response.gzip_member()
            offset = handle.tell()
            # The record as the reader will parse it (HTTP head parsed by the reader's own
            # parser), built from the parts in hand instead of read back from the file.
            record = record_as_written(WARC_VERSION, response.fields, response.http_head, response.payload)
            self._index_entries.setdefault(final.name, []).append(index_entry(record, offset, len(response_member)))
            known = None if original is None else _KnownOriginal(exchange.payload, original)
            archived = response_from_record(record, final.name, offset, resolver=known)
            self._append(handle, offset, response_member, request.gzip_member())
            if original is None and self._dedup_applies(exchange):
                self._pending[(uri, digest)] = DedupEntry(
                    archived.warc_date, archived.pointer.warc_record_id, final.name, offset)
            return archived

    def take_index_lines(self) -> dict[str, list[str]]:
        """CDXJ lines of the records in finished files (file name → lines), handed over once."""
        with self._lock:
            done = {p.name for p in self._closed_files}
            taken = {name: entries for name, entries in self._index_entries.items() if name in done}
            for name in taken:
                del self._index_entries[name]
        return {name: [index_line(entry, name) for entry in entries] for name, entries in taken.items()}

    def close(self) -> None:
        """Finish the current file (rename ``.open`` to its final name). Idempotent."""
        with self._lock:
            self._closed = True
            self._finish()

    def __enter__(self) -> WarcWriter:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _open_next(self) -> tuple[IO[bytes], Path]:
        """Create the next unused file name exclusively and write its warcinfo record."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WarcWriteError(f"cannot create WARC directory {self.directory}: {exc.strerror}; {_FIX_HINT}") from exc
        opened = self._clock()
        date = warc_date(opened)
        stamp = opened.astimezone(timezone.utc).strftime("%Y%m%d%H%M%S%f")[:17]
        while True:
            name = f"{self.prefix}-{stamp}-{self._serial:05d}-{self._hostname}-{os.getpid()}.warc.gz"
            final = self.directory / name
            temp = self.directory / (name + OPEN_SUFFIX)
            self._serial += 1
            try:
                # O_EXCL: two writers sharing a directory never write into one file.
                fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                continue
            except OSError as exc:
                raise WarcWriteError(f"cannot create WARC file {temp}: {exc.strerror}; {_FIX_HINT}") from exc
            if final.exists():
                os.unlink(temp)
                continue
            # Held until the file is finished: a crash drops it, which tells repair the file is a leftover.
            hold(fd)
            break
        self._file = handle = os.fdopen(fd, "wb")
        self._final_path = final
        self._append(handle, 0, self._warcinfo_record(name, date))
        return handle, final

    def _warcinfo_record(self, name: str, date: str) -> bytes:
        fields = dict(self.warcinfo)
        fields.setdefault("format", "WARC File Format 1.1")
        fields.setdefault("conformsTo", CONFORMS_TO)
        body = "".join(f"{key}: {one_line(value)}\r\n" for key, value in fields.items() if value)
        rec_headers = StatusAndHeaders("", [], protocol=WARC_VERSION)
        rec_headers.add_header("WARC-Type", "warcinfo")
        rec_headers.add_header("WARC-Record-ID", self._new_id())
        rec_headers.add_header("WARC-Date", date)
        rec_headers.add_header("WARC-Filename", name)
        payload = body.encode("utf-8")
        buffer = io.BytesIO()
        writer = WARCWriter(buffer, gzip=False, warc_version=WARC_VERSION)
        record = writer.create_warc_record(
            "", "warcinfo", payload=io.BytesIO(payload), length=len(payload), warc_headers=rec_headers
        )
        writer.write_record(record)
        return gzip_member(buffer.getvalue())

    def _dedup_applies(self, exchange: HttpExchange) -> bool:
        """Only complete, non-empty 2xx payloads are deduplicated: errors and empty bodies always stay whole."""
        return (self.dedup is not None and 200 <= exchange.status < 300 and bool(exchange.payload)
                and not exchange.truncated)

    def _original(self, uri: str, digest: str) -> DedupEntry | None:
        pending = self._pending.get((uri, digest))
        if pending is not None or self.dedup is None:
            return pending
        return self.dedup.lookup(uri, digest)

    def _serialise_pair(
        self, exchange: HttpExchange, uri: str, original: DedupEntry | None, digest: str
    ) -> tuple[HttpRecord, HttpRecord]:
        """Return the response (or revisit) record and its request record.

        ``uri`` is the exchange's URL as a URI, ``digest`` its payload digest.
        """
        date = warc_date(self._clock())
        response_id = self._new_id()
        version = http_version(exchange.protocol)
        kind = "response" if original is None else "revisit"
        fields = [("WARC-Type", kind), ("WARC-Record-ID", response_id), ("WARC-Date", date),
                  ("WARC-Target-URI", uri)]
        if exchange.ip_address:
            fields.append(("WARC-IP-Address", exchange.ip_address))
        protocol = warc_protocol(exchange.protocol)
        if protocol:
            fields.append(("WARC-Protocol", protocol))
        if exchange.truncated:
            fields.append(("WARC-Truncated", exchange.truncated))
        if original is not None:
            fields += [("WARC-Profile", REVISIT_PROFILES[0]), ("WARC-Refers-To-Target-URI", uri),
                       ("WARC-Refers-To-Date", original.warc_date), ("WARC-Refers-To", original.record_id),
                       ("WARC-Payload-Digest", digest)]
        # A revisit keeps the headers, Content-Length included, of the payload it stands for.
        headers = stored_response_headers(clean_headers(exchange.response_headers), len(exchange.payload))
        head = header_block(f"{version} {exchange.status} {reason_phrase(exchange.status)}", headers)
        if original is None:
            response = http_record(fields, "response", head, exchange.payload, digest)
        else:  # the original's payload digest is among the revisit's fields already
            response = http_record(fields, "response", head, b"", None)
        request_fields = [("WARC-Type", "request"), ("WARC-Record-ID", self._new_id()), ("WARC-Date", date),
                          ("WARC-Target-URI", uri), ("WARC-Concurrent-To", response_id)]
        request_head = header_block(f"{exchange.method.upper()} {request_target(uri)} {version}",
                                    clean_headers(exchange.request_headers))
        body = exchange.request_body
        request = http_record(request_fields, "request", request_head, body, payload_digest_of(body))
        return response, request

    def _append(self, handle: IO[bytes], offset: int, *members: bytes) -> None:
        """Write ``members`` at the end of the open file (at ``offset``) and flush; undo a partial write on error."""
        try:
            for member in members:
                handle.write(member)
            handle.flush()
        except OSError as exc:
            try:
                handle.truncate(offset)
            except OSError:
                pass  # the error below is what matters; the file stays .open, never finished
            raise WarcWriteError(f"cannot write to WARC file {self.current_path}: {exc.strerror}; {_FIX_HINT}") from exc

    def _finish(self) -> None:
        """Flush, fsync and rename the open file to its final name."""
        if self._file is None or self._final_path is None:
            return
        final = self._final_path
        temp = final.with_name(final.name + OPEN_SUFFIX)
        try:
            self._file.flush()
            os.fsync(self._file.fileno())
            self._file.close()
            os.rename(temp, final)
        except OSError as exc:
            raise WarcWriteError(f"cannot finalise WARC file {temp} as {final.name}: {exc.strerror}; {_FIX_HINT}") from exc
        finally:
            self._file = None
            self._final_path = None
        self._closed_files.append(final)
        pending, self._pending = self._pending, {}
        if self.dedup is not None and pending:
            self.dedup.add_many((uri, digest, entry) for (uri, digest), entry in pending.items())


class _KnownOriginal:
    """The writer's answer to "where is this revisit's original": it has the payload in hand."""

    def __init__(self, payload: bytes, entry: DedupEntry) -> None:
        self.payload = payload
        self.entry = entry

    def resolve(self, ref: RevisitRef) -> ArchivedResponse:
        entry = self.entry
        return ArchivedResponse(
            target_uri=ref.refers_to_uri, status=200, headers=[], payload=self.payload, warc_date=entry.warc_date,
            pointer=RecordPointer(warc_file=entry.warc_file, warc_offset=entry.offset, warc_record_id=entry.record_id),
        )
