"""``zhengwen report``: one self-contained HTML page about a crawl folder (crawler/commands/report.py).

``facts`` reads the folder (WARC captures, documents), ``summary`` counts, ``plots`` draws
with matplotlib to inline SVG, ``render`` lays out the page, ``htmlkit`` holds what every
static page zhengwen writes shares (strict CSP, sortable tables without a CDN).
"""
