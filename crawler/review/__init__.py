"""``zhengwen review``: a static site, one page per document, showing what extraction removed (crawler/commands/review.py).

``build`` chooses the documents and writes the site, ``snapshot`` makes the archived page
safe to open and highlights the removed lines from the reason trail
(crawler/extract/trail.py), ``pages`` lays out the document pages and the index.
"""
