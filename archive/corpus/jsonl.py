"""Export documents as JSON Lines, written atomically and in a deterministic order."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from archive.corpus.runmerge import merge_runs
from archive.errors import ArchiveError, SinkWriteError
from archive.openfiles import hold
from archive.records import Document
from archive.safefile import OPEN_SUFFIX

if TYPE_CHECKING:
    from types import TracebackType

_FIX_HINT = "check that the directory exists, is writable by this user and the disk has free space"


def document_to_json(doc: Document) -> str:
    """Serialise ``doc`` as one compact JSON line (no newline): the canonical export form.

    Raises:
        SinkWriteError: the document holds a value JSON cannot represent (NaN, an object).
    """
    try:
        return json.dumps(doc.to_dict(), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise SinkWriteError(f"document for {doc.url} cannot be serialised as JSON: {exc}") from exc


def _sort_key(doc: Document) -> tuple[int, str, int]:
    """Order by WARC pointer; documents without one go last (ties keep arrival order)."""
    return _pointer_key(doc.warc_file, doc.warc_offset)


def _pointer_key(warc_file: str | None, warc_offset: int | None) -> tuple[int, str, int]:
    if warc_file is None:
        return (1, "", 0)
    return (0, warc_file, -1 if warc_offset is None else warc_offset)


def _line_key(line: bytes) -> tuple[int, str, int]:
    """The sort key of a line this sink wrote (it is a document's canonical JSON)."""
    data = json.loads(line)
    return _pointer_key(data.get("warc_file"), data.get("warc_offset"))


class JsonlSink:
    """Append documents to a JSONL file through ``PATH.open``, renamed to ``PATH`` on close.

    Lines already in ``PATH`` are kept; this session's documents follow them, sorted by
    ``(warc_file, warc_offset)`` so the output does not depend on arrival order. Each line
    reaches ``PATH.open`` when written (a crash leaves it there, ``PATH`` untouched).
    Documents written in order are renamed into place as they are; otherwise the sorted
    runs of ``PATH.open`` are merged on disk at close (memory: one offset per run).
    Thread-safe: spiders sharing one process may share one sink.

    Raises:
        SinkWriteError: ``PATH.open`` already exists (another sink, or a crashed run),
            or the file cannot be written.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.open_path = self.path.with_name(self.path.name + OPEN_SUFFIX)
        self._lock = threading.Lock()
        # Where each sorted run of this session's lines starts in .open, and the last key written.
        self._runs: list[int] = []
        self._last_key: tuple[int, str, int] | None = None
        self._closed = False
        try:
            # Exclusive create: two sinks on one path would interleave and lose lines.
            self._file: IO[bytes] = open(self.open_path, "xb")  # closed in close()
            hold(self._file.fileno())  # a crash drops the lock: the leftover is known dead
        except FileExistsError:
            raise SinkWriteError(
                f"{self.open_path} exists: another sink is writing {self.path}, or an earlier run crashed; "
                "finish that run, or recover the lines you need from it and delete it"
            ) from None
        except OSError as exc:
            raise SinkWriteError(f"cannot create {self.open_path}: {exc.strerror}; {_FIX_HINT}") from exc
        try:
            if self.path.exists():
                with self.path.open("rb") as old:
                    shutil.copyfileobj(old, self._file)
                if self._file.tell() and not self._ends_with_newline():
                    self._file.write(b"\n")
            self._file.flush()
        except OSError as exc:
            self._file.close()
            raise SinkWriteError(f"cannot copy {self.path} into {self.open_path}: {exc.strerror}; {_FIX_HINT}") from exc
        self._prefix_length = self._file.tell()
        self._runs.append(self._prefix_length)

    def _ends_with_newline(self) -> bool:
        with self.path.open("rb") as old:
            old.seek(-1, os.SEEK_END)
            return old.read(1) == b"\n"

    def write(self, doc: Document) -> None:
        """Append ``doc`` to ``PATH.open`` (flushed at once).

        Raises:
            SinkWriteError: the sink is closed, the document is not serialisable or the write failed.
        """
        try:
            line = (document_to_json(doc) + "\n").encode("utf-8")
        except UnicodeEncodeError as exc:
            raise SinkWriteError(f"document for {doc.url} holds unencodable text ({exc.reason}); fix the extractor") from exc
        with self._lock:
            if self._closed:
                raise SinkWriteError(f"JsonlSink for {self.path} is closed; {doc.url} was not written")
            offset = self._file.tell()
            try:
                self._file.write(line)
                self._file.flush()
            except OSError as exc:
                raise SinkWriteError(f"cannot write {doc.url} to {self.open_path}: {exc.strerror}; {_FIX_HINT}") from exc
            key = _sort_key(doc)
            if self._last_key is not None and key < self._last_key:
                self._runs.append(offset)
            self._last_key = key

    def close(self) -> None:
        """Merge this session's sorted runs on disk and atomically replace ``PATH``. Idempotent.

        Raises:
            SinkWriteError: the final file cannot be written or renamed.
        """
        with self._lock:
            if self._closed:
                return
            self._closed = True
            try:
                self._finish()
            except OSError as exc:
                raise SinkWriteError(f"cannot finalise {self.open_path} as {self.path}: {exc.strerror}; {_FIX_HINT}") from exc

    def _finish(self) -> None:
        self._file.flush()
        end = self._file.tell()
        if len(self._runs) == 1:
            os.fsync(self._file.fileno())
            self._file.close()
            os.replace(self.open_path, self.path)
            return
        self._file.close()
        runs = list(zip(self._runs, [*self._runs[1:], end]))
        sorted_path = self.path.with_name(self.path.name + ".sorting" + OPEN_SUFFIX)
        with self.open_path.open("rb") as source, sorted_path.open("wb") as target:
            _copy_prefix(source, target, self._prefix_length)
            merge_runs(self.open_path, runs, target, _line_key)
            target.flush()
            os.fsync(target.fileno())
        os.replace(sorted_path, self.path)
        os.unlink(self.open_path)

    def __enter__(self) -> JsonlSink:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def _copy_prefix(source: IO[bytes], target: IO[bytes], length: int) -> None:
    """Copy the first ``length`` bytes of ``source`` (earlier runs' lines) in bounded chunks."""
    while length > 0:
        chunk = source.read(min(length, 1 << 20))
        if not chunk:
            return
        target.write(chunk)
        length -= len(chunk)


def read_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    """Yield each JSON object of a JSONL file; blank lines are skipped.

    Lines are split on ``\\n`` only (text may hold U+2028 and other Unicode line breaks).

    Raises:
        ArchiveError: the file cannot be read, or a line is not a JSON object
            (the message names the file and line number).
    """
    source = Path(path)
    try:
        handle = source.open("rb")
    except OSError as exc:
        raise ArchiveError(f"cannot open JSONL file {source}: {exc.strerror}") from exc
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                value = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise ArchiveError(f"{source} line {number}: not valid UTF-8 JSON ({exc})") from exc
            if not isinstance(value, dict):
                raise ArchiveError(f"{source} line {number}: expected a JSON object, found {type(value).__name__}")
            yield value


#: Exact value types of each Document field as JSON gives them back (None allowed where the
#: field is optional). ``bool`` is excluded from ``int`` fields explicitly below.
_FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "url": (str,), "canonical_url": (str,), "site": (str,), "page_type": (str,),
    "title": (str, type(None)), "published": (str, type(None)), "source": (str, type(None)),
    "language": (str, type(None)), "text": (str, type(None)), "fetched_at": (str, type(None)),
    "http_status": (int, type(None)), "warc_file": (str, type(None)), "warc_offset": (int, type(None)),
    "warc_record_id": (str, type(None)), "extractor": (dict,), "extra": (dict,),
    "version": (int,), "previous_fetched_at": (str, type(None)),
}
#: Keys an exported record may carry besides the Document's own (see archive/corpus/formats.py).
EXPORT_ONLY_FIELDS = frozenset({"duplicate_of"})


def document_from_dict(data: dict[str, Any]) -> Document:
    """Rebuild a Document from its JSON form (a line of text.jsonl or of an export).

    Keys missing from the dict take the Document's defaults when it has one; export-only
    keys (``duplicate_of``) are ignored.

    Raises:
        ArchiveError: a required key is missing, a key is unknown, or a value has the wrong type
            (the message names the document's URL and the key).
    """
    where = data.get("url") if isinstance(data.get("url"), str) else "a document without a url"
    unknown = sorted(set(data) - set(_FIELD_TYPES) - EXPORT_ONLY_FIELDS)
    if unknown:
        raise ArchiveError(f"{where}: unknown key(s) {', '.join(unknown)}; is this a zhengwen JSONL file?")
    fields: dict[str, Any] = {}
    for key, types in _FIELD_TYPES.items():
        if key not in data:
            continue
        value = data[key]
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            expected = " or ".join("null" if t is type(None) else t.__name__ for t in types)
            raise ArchiveError(f"{where}: {key} must be {expected}, found {type(value).__name__}")
        fields[key] = value
    missing = [f.name for f in dataclasses.fields(Document)
               if f.name not in fields and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
    if missing:
        raise ArchiveError(f"{where}: incomplete document, missing {', '.join(missing)}")
    return Document(**fields)
