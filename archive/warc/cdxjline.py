"""The CDXJ line of one record, built as the record is written.

cdxj_indexer's own field logic applied to a single parsed record: the writer asks for
the line of each response or revisit it stores, so a crawl's index needs no second
pass over its files (archive/cdxj/index.py merges the lines; ``index_warcs`` over the
finished files gives the same lines, a test holds this).
"""

from __future__ import annotations

import io

from cdxj_indexer.main import CDXJIndexer  # type: ignore[import-untyped]


class _Position:
    """Where a record sits in its file, in the shape cdxj_indexer asks its iterator for."""

    def __init__(self, offset: int, length: int) -> None:
        self.offset, self.length = offset, length

    def get_record_offset(self) -> int:
        return self.offset

    def get_record_length(self) -> int:
        return self.length


class RecordIndexer:
    """CDXJ lines of records as they are written, by cdxj_indexer's own field logic.

    Indexing at write time avoids re-reading every WARC file when a crawl closes;
    ``index_warcs`` over the finished files gives the same lines (a test holds this).
    """

    def __init__(self) -> None:
        self._indexer = CDXJIndexer(io.StringIO(), [])

    def line(self, record: object, filename: str, offset: int, length: int) -> str:
        """The index line of a parsed response/revisit ``record`` stored at ``offset`` (``length`` bytes)."""
        out = io.StringIO()
        self._indexer.curr_filename = filename
        self._indexer.process_index_entry(_Position(offset, length), record, filename, out)
        return out.getvalue().rstrip("\n")
