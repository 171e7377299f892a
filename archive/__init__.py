"""zhengwen archive: WARC writing, deduplication, reading and replay, CDXJ indexes, verification, documents."""

from __future__ import annotations

from archive.dedup import DedupEntry, DedupIndex, ImportStats
from archive.errors import (
    ArchiveError,
    DedupIndexError,
    IndexWriteError,
    SinkWriteError,
    WarcReadError,
    WarcWriteError,
)
from archive.export import JsonlSink, document_to_json, read_jsonl
from archive.httpmsg import iri_to_uri, warc_date
from archive.index import default_index_path, index_warcs, rebuild_index, update_index
from archive.reader import decoded_payload, iter_responses, read_response
from archive.records import ArchivedResponse, Document, Headers, HttpExchange, RecordPointer
from archive.replay import RevisitResolver, find_warcs, iter_archive
from archive.revisit import RevisitRef
from archive.verify import Problem, VerifyResult, verify_warc
from archive.writer import WarcWriter

__all__ = [
    "ArchiveError",
    "ArchivedResponse",
    "DedupEntry",
    "DedupIndex",
    "DedupIndexError",
    "Document",
    "Headers",
    "HttpExchange",
    "ImportStats",
    "IndexWriteError",
    "JsonlSink",
    "Problem",
    "RecordPointer",
    "RevisitRef",
    "RevisitResolver",
    "SinkWriteError",
    "VerifyResult",
    "WarcReadError",
    "WarcWriteError",
    "WarcWriter",
    "decoded_payload",
    "default_index_path",
    "document_to_json",
    "find_warcs",
    "index_warcs",
    "iri_to_uri",
    "iter_archive",
    "iter_responses",
    "read_jsonl",
    "read_response",
    "rebuild_index",
    "update_index",
    "verify_warc",
    "warc_date",
]
