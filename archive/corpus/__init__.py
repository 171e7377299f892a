"""The corpus layer: documents — the JSONL sink, export formats, selection, near-duplicate groups, WACZ packages."""
