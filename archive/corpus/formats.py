"""Write documents as JSONL, CSV (RFC 4180), Parquet or a plain-text tree, atomically.

Every format carries the Document's fields in their declared order (the WARC pointer
``warc_file``, ``warc_offset``, ``warc_record_id`` and ``fetched_at`` included) and, when
duplicates were grouped, a last field ``duplicate_of`` (archive/corpus/nearduplicates.py). That field
belongs to exports only: a crawl's text.jsonl never has it.

- **jsonl**: ``document_to_json`` lines, ``duplicate_of`` appended as the last key.
- **csv**: a header row, then one row per document; ``\\r\\n`` line ends, minimal quoting;
  ``extractor`` and ``extra`` as compact JSON strings; an empty cell is null. ``excel``
  writes a UTF-8 byte order mark first so that Excel reads the file as UTF-8.
- **parquet**: the explicit schema of ``parquet_schema``: strings, ``http_status`` and
  ``warc_offset`` as int64, ``extractor`` and ``extra`` as JSON strings (their keys vary by
  page, a map or struct type would not round-trip ``extra``'s mixed values); zstd-compressed.
- **txt**: a directory tree ``<site>/<yyyy-mm>/<id>.txt`` (archive/corpus/txttree.py).

Files are written as ``OUT.open`` and renamed over ``OUT`` when complete (archive/safefile.py:
a symlink is written through, a FIFO or device written to directly); the txt tree is built in
``OUT.open/`` and renamed to ``OUT``. A failed export removes its ``.open`` output and leaves
an existing ``OUT`` as it was.

pyarrow is imported on first use, so JSONL and CSV exports do not load it.
"""

from __future__ import annotations

import csv
import dataclasses
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from archive.corpus.jsonl import document_to_json
from archive.corpus.rows import ExportRow
from archive.corpus.txttree import check_tree_output, write_tree
from archive.errors import SinkWriteError
from archive.records import Document
from archive.safefile import is_stream_node, open_path, replacing, resolved_target, sync

FORMATS = ("jsonl", "csv", "parquet", "txt")
DUPLICATE_FIELD = "duplicate_of"
#: Document fields in export column order (the dataclass's field order).
DOCUMENT_COLUMNS = tuple(f.name for f in dataclasses.fields(Document))
#: Dict-valued fields, stored as JSON strings in CSV and Parquet.
JSON_COLUMNS = ("extractor", "extra")
INT_COLUMNS = ("http_status", "warc_offset", "version")
#: Fields every Document has a value for (non-nullable in Parquet).
REQUIRED_COLUMNS = ("url", "canonical_url", "site", "page_type", "extractor", "extra")
PARQUET_BATCH_ROWS = 1000
_FIX_HINT = "check that the directory exists, is writable and the disk has free space"


def columns(grouped: bool) -> list[str]:
    """Export column names: the Document's fields, then ``duplicate_of`` when ``grouped``."""
    return [*DOCUMENT_COLUMNS, DUPLICATE_FIELD] if grouped else list(DOCUMENT_COLUMNS)


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def jsonl_line(row: ExportRow, grouped: bool) -> str:
    """The JSON line of ``row`` (no newline): ``document_to_json`` plus ``duplicate_of`` when grouped."""
    line = document_to_json(row.document)
    if not grouped:
        return line
    # Splice rather than re-serialise: the document part stays byte-identical to text.jsonl.
    return f'{line[:-1]},"{DUPLICATE_FIELD}":{_json(row.duplicate_of)}}}'


def flat_record(row: ExportRow, grouped: bool) -> dict[str, str | int | None]:
    """``row`` as one flat record for CSV and Parquet: ``extractor`` and ``extra`` as JSON strings.

    Raises:
        SinkWriteError: ``extra`` holds a value JSON cannot represent.
    """
    record: dict[str, Any] = row.document.to_dict()
    for name in JSON_COLUMNS:
        try:
            record[name] = _json(record[name])
        except (TypeError, ValueError) as exc:
            raise SinkWriteError(f"{name} of {row.document.url} cannot be serialised as JSON: {exc}") from exc
    if grouped:
        record[DUPLICATE_FIELD] = row.duplicate_of
    return record


def write_jsonl(rows: Iterable[ExportRow], stream: IO[str], *, grouped: bool) -> int:
    """Write one JSON line per row to ``stream``; return the number of rows."""
    count = 0
    for row in rows:
        stream.write(jsonl_line(row, grouped) + "\n")
        count += 1
    return count


def write_csv(rows: Iterable[ExportRow], stream: IO[str], *, grouped: bool, excel: bool = False) -> int:
    """Write an RFC 4180 CSV (header row first) to ``stream``, opened with ``newline=""``.

    Args:
        excel: write a UTF-8 byte order mark first (Excel otherwise guesses a legacy code page).

    Returns:
        The number of data rows.
    """
    if excel:
        stream.write("\ufeff")
    names = columns(grouped)
    writer = csv.writer(stream, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(names)
    count = 0
    for row in rows:
        record = flat_record(row, grouped)
        writer.writerow(["" if record[name] is None else record[name] for name in names])
        count += 1
    return count


def parquet_schema(grouped: bool) -> Any:
    """The ``pyarrow.Schema`` of a Parquet export (see the module docstring)."""
    import pyarrow as pa  # type: ignore[import-untyped]

    fields = [
        pa.field(name, pa.int64() if name in INT_COLUMNS else pa.string(), nullable=name not in REQUIRED_COLUMNS)
        for name in columns(grouped)
    ]
    return pa.schema(fields, metadata={b"zhengwen:json_columns": ",".join(JSON_COLUMNS).encode()})


def _batches(rows: Iterable[ExportRow], grouped: bool) -> Iterator[list[dict[str, str | int | None]]]:
    batch = []
    for row in rows:
        batch.append(flat_record(row, grouped))
        if len(batch) == PARQUET_BATCH_ROWS:
            yield batch
            batch = []
    if batch:
        yield batch


def write_parquet(rows: Iterable[ExportRow], path: Path, *, grouped: bool) -> int:
    """Write ``rows`` to the Parquet file ``path`` in row groups of ``PARQUET_BATCH_ROWS``; return the count."""
    import pyarrow as pa
    import pyarrow.parquet as pq  # type: ignore[import-untyped]

    schema = parquet_schema(grouped)
    count = 0
    with pq.ParquetWriter(str(path), schema, compression="zstd") as writer:
        for batch in _batches(rows, grouped):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
        if count == 0:  # an empty table still carries the schema
            writer.write_table(schema.empty_table())
    return count


def check_output(fmt: str, output: Path | None) -> None:
    """Fail early, before any document is read, when ``output`` cannot receive a ``fmt`` export.

    Raises:
        SinkWriteError: unknown format, no output for parquet/txt, a txt output that exists
            and is not an empty directory, or a leftover ``OUT.open`` from a crashed export.
    """
    if fmt not in FORMATS:
        raise SinkWriteError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if output is None:
        if fmt in ("parquet", "txt"):
            raise SinkWriteError(f"a {fmt} export needs an output {'directory' if fmt == 'txt' else 'file'} (-o)")
        return
    if fmt == "txt":
        check_tree_output(output)
        return
    if output.is_dir():
        raise SinkWriteError(f"{output} is a directory; a {fmt} export writes a file")
    if not is_stream_node(output):
        _check_no_leftover(output)


def _check_no_leftover(output: Path) -> None:
    leftover = open_path(resolved_target(output))
    if leftover.exists():
        raise SinkWriteError(f"{leftover} exists: another export is writing there, or one crashed; "
                             "wait for it, or delete it if no export is running")


def _write_text_file(fmt: str, rows: Iterable[ExportRow], path: Path, *, grouped: bool, excel: bool) -> int:
    with path.open("w", encoding="utf-8", newline="") as stream:
        count = _write_stream(fmt, rows, stream, grouped=grouped, excel=excel)
        stream.flush()
        sync(stream)
    return count


def _write_stream(fmt: str, rows: Iterable[ExportRow], stream: IO[str], *, grouped: bool, excel: bool) -> int:
    if fmt == "csv":
        return write_csv(rows, stream, grouped=grouped, excel=excel)
    return write_jsonl(rows, stream, grouped=grouped)


def export_documents(rows: Iterable[ExportRow], fmt: str, output: Path | None, *, grouped: bool,
                     excel: bool = False, stdout: IO[str] | None = None) -> int:
    """Write ``rows`` in format ``fmt`` to ``output`` (a file; a directory for ``txt``).

    Args:
        rows: the documents, in output order.
        fmt: one of ``FORMATS``.
        output: where to write; None writes jsonl or csv to ``stdout``.
        grouped: add the ``duplicate_of`` field/column.
        excel: csv only: start with a UTF-8 byte order mark.
        stdout: the text stream for ``output=None`` (opened with ``newline=""``).

    Returns:
        The number of documents written.

    Raises:
        SinkWriteError: see ``check_output``; or the output cannot be written (nothing is left behind).
    """
    check_output(fmt, output)
    try:
        if output is None:
            if stdout is None:
                raise SinkWriteError(f"a {fmt} export to standard output needs a stream")
            return _write_stream(fmt, rows, stdout, grouped=grouped, excel=excel)
        if fmt == "txt":
            return write_tree(rows, output, grouped=grouped)
        with replacing(output) as path:
            if fmt == "parquet":
                return write_parquet(rows, path, grouped=grouped)
            return _write_text_file(fmt, rows, path, grouped=grouped, excel=excel)
    except UnicodeEncodeError as exc:
        raise SinkWriteError(f"a document holds text that is not valid Unicode ({exc.reason}); "
                             "re-extract it from its WARC record") from exc
    except BrokenPipeError:  # the reader of standard output went away (| head): not a disk problem
        raise
    except OSError as exc:
        raise SinkWriteError(f"cannot write {output or 'standard output'}: {exc.strerror or exc}; {_FIX_HINT}") from exc
