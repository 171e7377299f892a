"""zhengwen archive: WARC files in and out, their indexes, replay, and the corpus of documents.

Layers, each importing only the ones above it in this list (tests/test_boundaries.py
holds it), and never Scrapy, trafilatura or the crawler:

- foundation (this folder): ``errors``, ``records`` (the data that crosses layers:
  HttpExchange, ArchivedResponse, Document), ``safefile`` (output files written
  beside their name and renamed), ``openfiles`` (locks on files being written),
  ``progress``.
- ``warc/``: WARC records in and out — the writer, the reader and the record parse,
  HTTP message shaping, revisit records and their digest store, the originals scan,
  payload decoding, damage, verify and repair.
- ``cdxj/``: CDXJ indexes — build, parse, merge — and seeding the digest store from one.
- ``replay/``: a set of WARC files read in a fixed order with every revisit resolved
  (digest store, CDXJ index, scan), and URL lookup over them.
- ``corpus/``: documents — the JSONL sink, export formats, selection, near-duplicate
  groups, the plain-text tree, WACZ packages.

``import archive`` loads nothing but this file: the names below are imported from their
module on first use (PEP 562), so a process that needs only ``Document`` does not load
warcio or the CDXJ indexer.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

#: Public name → the module that defines it.
_EXPORTS = {
    "ArchiveError": "archive.errors",
    "DedupIndexError": "archive.errors",
    "IndexWriteError": "archive.errors",
    "SinkWriteError": "archive.errors",
    "WarcReadError": "archive.errors",
    "WarcWriteError": "archive.errors",
    "ArchivedResponse": "archive.records",
    "Document": "archive.records",
    "HeaderList": "archive.records",
    "HttpExchange": "archive.records",
    "RecordPointer": "archive.records",
    "progress": "archive.progress",
    "WarcWriter": "archive.warc.writer",
    "iter_responses": "archive.warc.reader",
    "read_response": "archive.warc.reader",
    "decoded_payload": "archive.warc.payload",
    "find_warcs": "archive.warc.files",
    "iri_to_uri": "archive.warc.httpmsg",
    "warc_date": "archive.warc.httpmsg",
    "RevisitRef": "archive.warc.revisit",
    "DedupEntry": "archive.warc.digests",
    "DedupIndex": "archive.warc.digests",
    "DigestStore": "archive.warc.digests",
    "Problem": "archive.warc.verify",
    "VerifyResult": "archive.warc.verify",
    "verify_warc": "archive.warc.verify",
    "default_index_path": "archive.cdxj.index",
    "index_warcs": "archive.cdxj.index",
    "rebuild_index": "archive.cdxj.index",
    "update_index": "archive.cdxj.index",
    "ImportStats": "archive.cdxj.seed",
    "seed_digests": "archive.cdxj.seed",
    "RevisitResolver": "archive.replay.ordered",
    "iter_archive": "archive.replay.ordered",
    "JsonlSink": "archive.corpus.jsonl",
    "document_from_dict": "archive.corpus.jsonl",
    "document_to_json": "archive.corpus.jsonl",
    "read_jsonl": "archive.corpus.jsonl",
    "FORMATS": "archive.corpus.formats",
    "export_documents": "archive.corpus.formats",
    "parquet_schema": "archive.corpus.formats",
    "ExportRow": "archive.corpus.rows",
    "Selection": "archive.corpus.selection",
    "select": "archive.corpus.selection",
    "group_duplicates": "archive.corpus.nearduplicates",
    "normalise_text": "archive.corpus.nearduplicates",
}

__all__ = [
    "ArchiveError",
    "ArchivedResponse",
    "DedupEntry",
    "DedupIndex",
    "DedupIndexError",
    "DigestStore",
    "Document",
    "ExportRow",
    "FORMATS",
    "HeaderList",
    "HttpExchange",
    "ImportStats",
    "IndexWriteError",
    "JsonlSink",
    "Problem",
    "RecordPointer",
    "RevisitRef",
    "RevisitResolver",
    "Selection",
    "SinkWriteError",
    "VerifyResult",
    "WarcReadError",
    "WarcWriteError",
    "WarcWriter",
    "decoded_payload",
    "default_index_path",
    "document_from_dict",
    "document_to_json",
    "export_documents",
    "find_warcs",
    "group_duplicates",
    "index_warcs",
    "iri_to_uri",
    "iter_archive",
    "iter_responses",
    "normalise_text",
    "parquet_schema",
    "progress",
    "read_jsonl",
    "read_response",
    "rebuild_index",
    "seed_digests",
    "select",
    "update_index",
    "verify_warc",
    "warc_date",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'archive' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


if TYPE_CHECKING:  # what type checkers and IDEs see; nothing is imported at run time
    from archive.cdxj.index import (
        default_index_path,
        index_warcs,
        rebuild_index,
        update_index,
    )
    from archive.cdxj.seed import ImportStats, seed_digests
    from archive.corpus.formats import FORMATS, export_documents, parquet_schema
    from archive.corpus.jsonl import (
        JsonlSink,
        document_from_dict,
        document_to_json,
        read_jsonl,
    )
    from archive.corpus.nearduplicates import group_duplicates, normalise_text
    from archive.corpus.rows import ExportRow
    from archive.corpus.selection import Selection, select
    from archive.errors import (
        ArchiveError,
        DedupIndexError,
        IndexWriteError,
        SinkWriteError,
        WarcReadError,
        WarcWriteError,
    )
    from archive.progress import progress
    from archive.records import (
        ArchivedResponse,
        Document,
        HeaderList,
        HttpExchange,
        RecordPointer,
    )
    from archive.replay.ordered import RevisitResolver, iter_archive
    from archive.warc.digests import DedupEntry, DedupIndex, DigestStore
    from archive.warc.files import find_warcs
    from archive.warc.httpmsg import iri_to_uri, warc_date
    from archive.warc.payload import decoded_payload
    from archive.warc.reader import iter_responses, read_response
    from archive.warc.revisit import RevisitRef
    from archive.warc.verify import Problem, VerifyResult, verify_warc
    from archive.warc.writer import WarcWriter
