"""Skip, failure and close reasons: short snake_case constants used in stats and logs."""

from __future__ import annotations

# Download failures (stats: failure/reason_count/<reason>).
DNS_FAILURE = "dns_failure"
CONNECTION_REFUSED = "connection_refused"
TIMEOUT = "timeout"
TLS_ERROR = "tls_error"
CONNECTION_LOST = "connection_lost"
PRIVATE_ADDRESS = "private_address_refused"
HTTP_ERROR = "http_error"
DOWNLOAD_ERROR = "download_error"
# Crawls replayed from an archive: the URL has no capture there.
NOT_IN_ARCHIVE = "not_in_archive"

# Requests not sent on purpose (stats: skip/reason_count/<reason>).
ROBOTS_FORBIDDEN = "robots_forbidden"
OFFSITE = "offsite"
IGNORED = "ignored"
# The host served BLOCKED_BACKOFF_MAX_PAGES blocked pages in a row (crawler/politeness.py).
HOST_BLOCKED = "host_blocked"
# Spider traps (crawler/traps.py): per-host page cap and URL-pattern rules.
HOST_PAGE_LIMIT = "host_page_limit"
CALENDAR_TRAP = "calendar_trap"
REPEATED_SEGMENTS = "repeated_path_segments"
TRAP_DENIED = "trap_denied"
# Incremental crawls (crawler/incremental.py): an archived article inside its recrawl interval.
RECRAWL_NOT_DUE = "recrawl_not_due"
# A conditional request answered 304: archived, and no Document added.
NOT_MODIFIED = "not_modified"

#: Failures that mean the host could not be reached at all.
NETWORK_FAILURES = frozenset({DNS_FAILURE, CONNECTION_REFUSED, TIMEOUT, TLS_ERROR, CONNECTION_LOST, PRIVATE_ADDRESS})

# Close reasons.
CLOSE_WARC_WRITE_ERROR = "warc_write_error"
CLOSE_SINK_WRITE_ERROR = "sink_write_error"
