"""The replay layer: a set of WARC files read in a fixed order with every revisit resolved
through the digest store, a CDXJ index or a scan (``ordered``), and the latest capture
of a URL (``lookup``, for ``crawl --from-archive``).

May import the foundation modules of archive/, the warc and cdxj layers.
"""
