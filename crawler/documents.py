"""Which archived responses become Documents, and how: one rule for the crawl and for replay."""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from archive.errors import ArchiveError
from archive.records import ArchivedResponse, Document
from archive.warc.payload import decoded_payload

logger = logging.getLogger(__name__)

#: Why an archived page gave no Document (stats: extract/failed_reason_count/<reason>).
BAD_PAYLOAD = "bad_payload"
EXTRACTION_ERROR = "exception"


def wants_document(resp: ArchivedResponse) -> bool:
    """True for the responses a crawl hands to its spider: 2xx, and not a robots.txt fetch.

    Redirects, errors and robots.txt are archived but never parsed, so they have no
    Document; replay applies the same rule to get the same documents.
    """
    return 200 <= resp.status < 300 and urlsplit(resp.target_uri).path != "/robots.txt"


def document_from(resp: ArchivedResponse) -> Document:
    """The Document of one archived response: Content-Encoding undone, then extraction.

    Raises:
        archive.errors.WarcReadError: the stored payload cannot be decoded.
    """
    from crawler.extract import extract_response  # the extractor loads where pages are extracted, not in `seed`

    return extract_response(resp, decoded_payload(resp))


def try_document(resp: ArchivedResponse) -> tuple[Document | None, str | None]:
    """``(document, None)``, or ``(None, reason)`` when the page cannot be extracted (logged).

    The crawl and replay both skip such a page, so their outputs stay identical.
    """
    try:
        return document_from(resp), None
    except ArchiveError as exc:
        logger.warning("extract: cannot decode the payload of %s: %s", resp.target_uri, exc)
        return None, BAD_PAYLOAD
    except Exception:  # a bug in extraction must cost one page, not the crawl or the replay
        logger.exception("extract: extraction failed for %s", resp.target_uri)
        return None, EXTRACTION_ERROR
