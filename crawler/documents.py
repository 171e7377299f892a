"""Which archived responses become Documents, and how: one rule for the crawl and for replay."""

from __future__ import annotations

from urllib.parse import urlsplit

from archive.reader import decoded_payload
from archive.records import ArchivedResponse, Document
from crawler.extract import extract_response


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
    return extract_response(resp, decoded_payload(resp))
