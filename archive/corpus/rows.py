"""One document to export, with the representative of its duplicate group when grouped."""

from __future__ import annotations

from dataclasses import dataclass

from archive.records import Document


@dataclass(frozen=True)
class ExportRow:
    """One document to export and, when duplicates were grouped, its group's representative."""

    document: Document
    duplicate_of: str | None = None
