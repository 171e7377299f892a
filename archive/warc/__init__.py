"""The warc layer: WARC records in and out — writer, reader, HTTP message shaping, revisits and their digest store, verify and repair."""
