"""zhengwen archive: WARC writing, deduplication, reading and replay, CDXJ indexes, verification, documents, export."""

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
from archive.duplicates import group_duplicates, normalise_text
from archive.export import JsonlSink, document_from_dict, document_to_json, read_jsonl
from archive.exporters import FORMATS, ExportRow, export_documents, parquet_schema
from archive.httpmsg import iri_to_uri, warc_date
from archive.index import default_index_path, index_warcs, rebuild_index, update_index
from archive.progress import progress
from archive.reader import decoded_payload, iter_responses, read_response
from archive.records import ArchivedResponse, Document, Headers, HttpExchange, RecordPointer
from archive.replay import RevisitResolver, find_warcs, iter_archive
from archive.revisit import RevisitRef
from archive.selection import Selection, select
from archive.verify import Problem, VerifyResult, verify_warc
from archive.writer import WarcWriter

__all__ = [
    "ArchiveError",
    "ArchivedResponse",
    "DedupEntry",
    "DedupIndex",
    "DedupIndexError",
    "Document",
    "ExportRow",
    "FORMATS",
    "Headers",
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
    "select",
    "update_index",
    "verify_warc",
    "warc_date",
]
