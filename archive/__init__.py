"""zhengwen archive: WARC writing, deduplication, reading and replay, CDXJ indexes, verification, documents, export."""

from __future__ import annotations

from archive.cdxj.seed import ImportStats
from archive.dedup import DedupEntry, DedupIndex
from archive.duplicates import group_duplicates, normalise_text
from archive.errors import (
    ArchiveError,
    DedupIndexError,
    IndexWriteError,
    SinkWriteError,
    WarcReadError,
    WarcWriteError,
)
from archive.export import JsonlSink, document_from_dict, document_to_json, read_jsonl
from archive.exporters import FORMATS, ExportRow, export_documents, parquet_schema
from archive.httpmsg import iri_to_uri, warc_date
from archive.index import default_index_path, index_warcs, rebuild_index, update_index
from archive.progress import progress
from archive.reader import iter_responses, read_response
from archive.records import (
    ArchivedResponse,
    Document,
    HeaderList,
    HttpExchange,
    RecordPointer,
)
from archive.replay import RevisitResolver, iter_archive
from archive.revisit import RevisitRef
from archive.selection import Selection, select
from archive.verify import Problem, VerifyResult, verify_warc
from archive.warc.files import find_warcs
from archive.warc.payload import decoded_payload
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
    "select",
    "update_index",
    "verify_warc",
    "warc_date",
]
