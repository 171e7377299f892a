"""Scrapy request/response → archive exchange: headers, Host, protocol, flags."""

from __future__ import annotations

from scrapy import Request
from scrapy.http import HtmlResponse

from crawler.capture import exchange_from


def _pair(**response_kwargs):
    request = Request("https://www.gov.cn/a/b.html?x=1&y=2", headers={"User-Agent": "zw", "Accept-Encoding": "gzip"})
    response = HtmlResponse(request.url, request=request, **response_kwargs)
    return request, response


def test_repeated_headers_survive_in_order() -> None:
    request, response = _pair(status=200, body=b"\x1f\x8b raw", headers=[("Set-Cookie", "a=1"), ("Set-Cookie", "b=2"),
                                                                         ("Content-Encoding", "gzip")])
    exchange = exchange_from(request, response)
    cookies = [v for k, v in exchange.response_headers if k.lower() == "set-cookie"]
    assert cookies == ["a=1", "b=2"]
    assert exchange.payload == b"\x1f\x8b raw"


def test_host_header_restored_and_query_kept() -> None:
    request, response = _pair(status=200, body=b"")
    exchange = exchange_from(request, response)
    assert exchange.request_headers[0] == ("Host", "www.gov.cn")
    assert exchange.url.endswith("?x=1&y=2")
    assert exchange.method == "GET"


def test_protocol_and_dataloss() -> None:
    request, response = _pair(status=200, body=b"<p>cut", protocol="h2", flags=["dataloss"])
    exchange = exchange_from(request, response)
    assert exchange.protocol == "h2"
    assert exchange.truncated == "disconnect"


def test_chunked_framing_is_reconstructed_for_http11_bodies_without_length() -> None:
    request, response = _pair(status=200, body=b"<p>x</p>", headers=[("Content-Type", "text/html")])
    assert ("Transfer-Encoding", "chunked") in exchange_from(request, response).response_headers


def test_length_delimited_and_http10_bodies_keep_their_headers() -> None:
    request, response = _pair(status=200, body=b"<p>x</p>", headers=[("Content-Length", "8")])
    assert not any(k == "Transfer-Encoding" for k, _ in exchange_from(request, response).response_headers)
    request, response = _pair(status=200, body=b"<p>x</p>", protocol="HTTP/1.0")
    assert not any(k == "Transfer-Encoding" for k, _ in exchange_from(request, response).response_headers)
    request, response = _pair(status=304, body=b"")
    assert not any(k == "Transfer-Encoding" for k, _ in exchange_from(request, response).response_headers)


def test_size_cap_cuts_payload_and_marks_length() -> None:
    request, response = _pair(status=200, body=b"a" * 50, headers=[("Content-Length", "50")])
    exchange = exchange_from(request, response, max_payload=20)
    assert exchange.payload == b"a" * 20
    assert exchange.truncated == "length"
