"""The cdxj layer: CDXJ indexes of WARC files — build, parse, merge (``index``) — and
seeding the revisit digest store from an earlier crawl's index (``seed``).

May import the foundation modules of archive/ and the warc layer.
"""
