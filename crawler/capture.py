"""Turn a Scrapy request/response pair into an ``archive.HttpExchange`` (raw, as received)."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from archive.records import ArchivedResponse, HeaderList, HttpExchange, RecordPointer
from archive.warc.httpmsg import iri_to_uri, warc_date

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.http import Response
    from scrapy.http.headers import Headers as ScrapyHeaders


def header_pairs(headers: ScrapyHeaders) -> HeaderList:
    """Every header value as a (name, value) pair, repeated headers kept, in received order."""
    pairs: HeaderList = []
    for name in headers:
        key = name.decode("latin-1")
        for value in headers.getlist(name):
            pairs.append((key, value.decode("latin-1")))
    return pairs


def _host_header(url: str) -> str:
    parts = urlsplit(url)
    return parts.netloc.rpartition("@")[2]


def truncation(response: Response, max_payload: int) -> tuple[bytes, str | None]:
    """The payload to store and the WARC-Truncated reason, if the body is incomplete.

    A body longer than ``max_payload`` (the size cap stopped its download) is cut to
    exactly ``max_payload`` bytes (``length``); ``dataloss`` means the connection ended
    before the declared length (``disconnect``).
    """
    body = response.body
    if max_payload and len(body) > max_payload:
        return body[:max_payload], "length"
    if "dataloss" in response.flags:
        return body, "disconnect"
    return body, None


_NO_BODY_STATUS = frozenset({204, 304})


def reconstructed_framing(request: Request, response: Response, headers: HeaderList) -> HeaderList:
    """Headers with the Transfer-Encoding that Twisted consumed, where it can be inferred.

    Twisted de-chunks bodies and drops the Transfer-Encoding header, and Scrapy then
    adds Content-Length only for length-delimited bodies. An HTTP/1.1 response with a
    body and no Content-Length was therefore chunked (or, rarely, ended by closing the
    connection): it is recorded as chunked, and the writer stores that value as
    X-Orig-Transfer-Encoding beside a Content-Length that matches the stored payload.
    """
    if (response.protocol or "HTTP/1.1").upper() != "HTTP/1.1" or response.status in _NO_BODY_STATUS:
        return headers
    if response.status < 200 or not response.body or request.method == "HEAD":
        return headers
    if any(k.lower() in ("content-length", "transfer-encoding") for k, _ in headers):
        return headers
    return [*headers, ("Transfer-Encoding", "chunked")]


def exchange_from(request: Request, response: Response, max_payload: int = 0) -> HttpExchange:
    """Build the exchange to archive from what the downloader saw.

    The Host header is added by the download handler, not kept on the request, so it
    is restored here; headers the handler adds itself (Content-Length) are not known.
    """
    request_headers = header_pairs(request.headers)
    if not any(k.lower() == "host" for k, _ in request_headers):
        request_headers.insert(0, ("Host", _host_header(request.url)))
    payload, truncated = truncation(response, max_payload)
    return HttpExchange(
        url=request.url,
        method=request.method,
        request_headers=request_headers,
        request_body=request.body or b"",
        status=response.status,
        response_headers=reconstructed_framing(request, response, header_pairs(response.headers)),
        payload=payload,
        protocol=response.protocol or "HTTP/1.1",
        ip_address=str(response.ip_address) if response.ip_address is not None else None,
        truncated=truncated,
    )


def unarchived_response(request: Request, response: Response, max_payload: int = 0) -> ArchivedResponse:
    """The response as it would have been archived, for crawls with WARC_ENABLED off.

    Extraction then runs on the same input shape; the documents carry no WARC pointer
    (empty file name), and ``fetched_at`` is the time of this call.
    """
    exchange = exchange_from(request, response, max_payload)
    return ArchivedResponse(
        target_uri=iri_to_uri(exchange.url),
        status=exchange.status,
        headers=exchange.response_headers,
        payload=exchange.payload,
        warc_date=warc_date(datetime.now(timezone.utc)),
        pointer=RecordPointer(warc_file="", warc_offset=-1, warc_record_id=""),
        truncated=exchange.truncated,
    )
