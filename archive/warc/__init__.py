"""The warc layer: WARC records in and out.

The writer (``writer``, ``recordbytes``, ``httpmsg``, ``cdxjline``), the reader (``reader``, ``record``,
``payload``, ``files``), revisit records and their digest store (``revisit``,
``digests``, ``originals``), and checking and mending files (``damage``, ``verify``,
``repair``). May import only the foundation modules of archive/ (errors, records,
safefile, openfiles, progress), warcio, cdxj_indexer and isal.
"""
