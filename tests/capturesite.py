"""The capture host of the fixture web: one fake site whose routes test WARC capture fidelity.

Every route lives on `CAPTURE_HOST` (http, a few on https too) and is linked from the
host's root listing, which `FixtureWeb.seed_urls_by_site()["news"]` includes. None of these
pages is an article (short lines, no prose), and none is in pages.json.

The model holds the exact bytes the server sends: `Route.body` is the payload on the wire
after de-chunking (for the gzip route: the compressed bytes), and `Route.mode` names what
tests/mockserver.py does beyond writing headers and body:

- ``gzip``: body is `gzip_module.compress(identity_body, mtime=0)`, sent only when the request's
  Accept-Encoding allows gzip; otherwise `identity_body` is sent without Content-Encoding.
- ``chunked``: body is sent in `CHUNK_SIZE` chunks with Transfer-Encoding: chunked.
- ``truncated``: Content-Length says `TRUNCATED_DECLARED`, the body has fewer bytes and the
  connection is closed after it.
- ``echo``: the body is JSON of the request as received: method, target, headers in order.
"""

from __future__ import annotations

import gzip as gzip_module
import html
import json
from dataclasses import dataclass
from urllib.parse import quote

CAPTURE_HOST = "capture.zhengwen-fixtures.cn"
HTTP_ROOT = f"http://{CAPTURE_HOST}"
HTTPS_ROOT = f"https://{CAPTURE_HOST}"
CHUNK_SIZE = 1000
TRUNCATED_DECLARED = 20_000
TRUNCATED_SENT = 5_000
LARGE_SIZE = 3 * 1024 * 1024
GBK_CONTENT_TYPE = "text/html; charset=gbk"
HTML_UTF8 = "text/html; charset=utf-8"
NON_ASCII_PATH = "/新闻/政策解读.html"


def _page(title: str, lines: list[str], charset: str = "utf-8") -> str:
    """A small HTML page of short lines without sentence punctuation (never an article)."""
    items = "\n".join(f"<li>{html.escape(line)}</li>" for line in lines)
    return (
        f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="{charset}"><title>{html.escape(title)}</title>'
        f"</head>\n<body>\n<h1>{html.escape(title)}</h1>\n<ul>\n{items}\n</ul>\n</body></html>\n"
    )


def _large_body() -> bytes:
    """About 3 MB of HTML, almost all of it one comment (cheap to parse and extract)."""
    head = _page("大页面 large page", ["容量上限测试页"]).encode("utf-8")
    line = b"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde\n"  # 64 bytes
    filler = line * ((LARGE_SIZE - len(head)) // len(line))
    return b"<!-- filler\n" + filler + b"-->\n" + head


def _truncated_body() -> bytes:
    text = _page("截断的响应 truncated", ["本页声明的长度大于实际发送的字节"]).encode("utf-8")
    return (text + b"<!--" + b"x" * TRUNCATED_SENT)[:TRUNCATED_SENT]


@dataclass(frozen=True)
class CaptureSpec:
    """One capture route before it becomes a `Route` (see fixtureweb.FixtureWeb)."""

    url: str
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    kind: str
    mode: str = "plain"
    identity_body: bytes | None = None


class CaptureSite:
    """The URLs and exact bytes of the capture host (class attributes: a pure function of code)."""

    host = CAPTURE_HOST
    root = f"{HTTP_ROOT}/"
    plain = f"{HTTP_ROOT}/plain.html"
    gzip = f"{HTTP_ROOT}/gzip.html"
    gzip_https = f"{HTTPS_ROOT}/secure/gzip.html"
    chunked = f"{HTTP_ROOT}/chunked.html"
    headers = f"{HTTP_ROOT}/headers.html"
    non_ascii = f"{HTTP_ROOT}{NON_ASCII_PATH}"  # as linked (IRI)
    non_ascii_uri = f"{HTTP_ROOT}{quote(NON_ASCII_PATH)}"  # as sent and archived
    truncated = f"{HTTP_ROOT}/truncated.html"
    redirect_start = f"{HTTP_ROOT}/redirect/start"  # 302 →
    redirect_middle = f"{HTTPS_ROOT}/redirect/middle"  # 301 →
    redirect_final = f"{HTTPS_ROOT}/redirect/final.html"  # 200
    echo = f"{HTTP_ROOT}/echo?from=listing&n=1"
    gbk = f"{HTTP_ROOT}/gbk.html"
    large = f"{HTTP_ROOT}/large.html"

    gzip_identity = _page("压缩页面 gzip page", ["本页以 gzip 编码传送", "内容编码测试"]).encode("utf-8")
    gzip_bytes = gzip_module.compress(gzip_identity, compresslevel=9, mtime=0)
    gzip_https_identity = _page("加密压缩页面", ["经 TLS 隧道以 gzip 编码传送"]).encode("utf-8")
    gzip_https_bytes = gzip_module.compress(gzip_https_identity, compresslevel=9, mtime=0)
    gbk_text = "国务院关于科技创新政策的解读"
    gbk_body = _page(gbk_text, ["政策解读", "科技创新 国家战略"], charset="gbk").encode("gbk")
    chunked_body = _page("分块传输 chunked", [f"第 {n} 行 分块传输编码测试" for n in range(120)]).encode("utf-8")
    repeated_headers: tuple[tuple[str, str], ...] = (
        ("Set-Cookie", "first=1; Path=/"),
        ("X-Dup", "alpha"),
        ("Set-Cookie", "second=2; Path=/; HttpOnly"),
        ("Link", "</plain.html>; rel=preload"),
        ("X-Dup", "beta"),
        ("Link", "</gbk.html>; rel=alternate"),
    )
    large_body = _large_body()
    truncated_body = _truncated_body()

    @classmethod
    def listed(cls) -> list[tuple[str, str]]:
        """(href, text) of every link on the root listing, in order."""
        return [
            (cls.plain, "普通页面"), (cls.gzip, "gzip 页面"), (cls.gzip_https, "https gzip 页面"),
            (cls.chunked, "分块传输"), (cls.headers, "重复的响应头"), (cls.non_ascii, "中文路径"),
            (cls.truncated, "截断的响应"), (cls.redirect_start, "重定向链"), (cls.echo, "请求头回显"),
            (cls.gbk, "GBK 页面"), (cls.large, "大页面"),
        ]

    @classmethod
    def specs(cls, root_listing: bytes) -> list[CaptureSpec]:
        """Every route of the capture host except robots.txt (added like every host's)."""
        def plain(url: str, body: bytes, content_type: str = HTML_UTF8, kind: str = "capture",
                  extra: tuple[tuple[str, str], ...] = ()) -> CaptureSpec:
            headers = (("Content-Type", content_type), *extra, ("Content-Length", str(len(body))))
            return CaptureSpec(url, 200, headers, body, kind)

        def redirect(url: str, status: int, location: str) -> CaptureSpec:
            body = f'<a href="{html.escape(location)}">moved</a>\n'.encode()
            headers = (("Content-Type", HTML_UTF8), ("Location", location), ("Content-Length", str(len(body))))
            return CaptureSpec(url, status, headers, body, "redirect")

        def gzipped(url: str, identity: bytes, compressed: bytes) -> CaptureSpec:
            headers = (("Content-Type", HTML_UTF8), ("Content-Encoding", "gzip"), ("Vary", "Accept-Encoding"),
                       ("Content-Length", str(len(compressed))))
            return CaptureSpec(url, 200, headers, compressed, "capture", "gzip", identity)

        return [
            plain(cls.root, root_listing, kind="listing"),
            plain(cls.plain, _page("普通页面 plain", ["对照页面", "无特殊传输"]).encode("utf-8")),
            gzipped(cls.gzip, cls.gzip_identity, cls.gzip_bytes),
            gzipped(cls.gzip_https, cls.gzip_https_identity, cls.gzip_https_bytes),
            CaptureSpec(cls.chunked, 200, (("Content-Type", HTML_UTF8), ("Transfer-Encoding", "chunked")),
                        cls.chunked_body, "capture", "chunked"),
            plain(cls.headers, _page("重复的响应头", ["两个 Set-Cookie", "两个 Link 和 X-Dup"]).encode("utf-8"),
                  extra=cls.repeated_headers),
            plain(cls.non_ascii, _page("政策解读 非 ASCII 路径", ["路径含有中文"]).encode("utf-8")),
            CaptureSpec(cls.truncated, 200, (("Content-Type", HTML_UTF8), ("Content-Length", str(TRUNCATED_DECLARED))),
                        cls.truncated_body, "capture", "truncated"),
            redirect(cls.redirect_start, 302, cls.redirect_middle),
            redirect(cls.redirect_middle, 301, cls.redirect_final),
            plain(cls.redirect_final, _page("重定向终点", ["经过 302 和 301 到达"]).encode("utf-8")),
            CaptureSpec(cls.echo, 200, (("Content-Type", "application/json"),), b"", "capture", "echo"),
            plain(cls.gbk, cls.gbk_body, GBK_CONTENT_TYPE),
            plain(cls.large, cls.large_body),
        ]


def echo_body(method: str, target: str, headers: list[tuple[str, str]]) -> bytes:
    """The echo route's answer: the request line parts and headers as received, in order."""
    doc = {"method": method, "target": target, "headers": [[k, v] for k, v in headers]}
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")


def accepts_gzip(accept_encoding: str | None) -> bool:
    """True when an Accept-Encoding value allows gzip (q=0 forbids it)."""
    for part in (accept_encoding or "").split(","):
        coding, _, params = part.strip().partition(";")
        if coding.strip().lower() in ("gzip", "x-gzip", "*"):
            q = params.strip().lower()
            return not (q.startswith("q=") and float(q[2:] or 0) == 0)
    return False
