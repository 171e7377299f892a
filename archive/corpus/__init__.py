"""The corpus layer: documents — the crawl's JSONL sink (``jsonl``), export formats
(``formats``, ``rows``, ``txttree``), selection, near-duplicate groups
(``nearduplicates``) and WACZ packages (``wacz``).

May import every layer below: the foundation modules of archive/, warc, cdxj, replay.
"""
