"""zhengwen archive: WARC writing and reading, documents and their sinks."""
