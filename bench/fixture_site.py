"""A generated local site for benchmarks: listing pages and ≥ 2,000 article pages on 127.0.0.1.

Article pages are either generated (one template, ~10 KB) or, with ``real_pages``, the
real fixture articles of ../shared/fixtures (or $ZHENGWEN_FIXTURES) served in turn, each
copy made distinct by a trailing comment, so that extraction sees real Chinese pages.
``articles`` sizes the site (50 per listing column); pages are made on request, so a
10,000-article site costs the server no more memory than a small one.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PER_COLUMN = 50
ARTICLES = 2000  # 40 columns × 50

PARAGRAPH = (
    "为深入贯彻落实创新驱动发展战略，加快建设科技强省，省科技厅会同有关部门研究制定了关于推进关键核心技术攻关的若干措施，"
    "围绕产业链部署创新链，围绕创新链布局产业链，推动科技成果转化和产业化。"
)


def article_html(column: int, number: int) -> bytes:
    """A deterministic ~10 KB article page with ordinary chrome around the body."""
    seed = hashlib.sha1(f"{column}/{number}".encode()).hexdigest()
    paragraphs = "".join(f"<p>{PARAGRAPH}（{seed[i:i + 8]}）</p>" for i in range(0, 24))
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>科技政策 {column}-{number}_示例网</title></head>"
        f"<body><div class='nav'><a href='/'>首页</a> <a href='/col/{column}/index.html'>栏目</a></div>"
        f"<h1>关于推进关键技术攻关的通知 {column}-{number}</h1><div class='info'>来源：示例网 2024-03-0{column % 9 + 1}</div>"
        f"<div id='zoom'>{paragraphs}</div><div class='footer'>主办单位：示例网 ICP备00000000号</div></body></html>"
    ).encode("utf-8")


def article_path(column: int, number: int) -> str:
    return f"/col/{column}/article/{1000000 + column * 1000 + number}.html"


def listing_html(title: str, links: list[str]) -> bytes:
    items = "".join(f"<li><a href='{href}'>{href}</a></li>" for href in links)
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body><ul>{items}</ul></body></html>".encode()


UTF8_HTML = "text/html; charset=utf-8"


def fixture_articles() -> list[tuple[bytes, str]]:
    """(bytes, Content-Type) of every real fixture article page."""
    root = Path(os.environ.get("ZHENGWEN_FIXTURES") or Path(__file__).resolve().parents[2] / "shared" / "fixtures")
    if not (root / "pages.json").is_file():
        raise SystemExit(f"fixtures not found at {root}: set ZHENGWEN_FIXTURES")
    found = [((root / e["file"]).read_bytes(), f"text/html; charset={e['actual_charset']}")
             for e in json.loads((root / "pages.json").read_text(encoding="utf-8")) if e["kind"] == "article"]
    seed_root = root / "seedpages"
    found += [((seed_root / e["file"]).read_bytes(), e["content_type"])
              for e in json.loads((seed_root / "seedpages.json").read_text(encoding="utf-8")) if e["kind"] == "article"]
    return found


class Site:
    """The pages of a site of ``articles`` articles, made on request: path → (body, Content-Type)."""

    def __init__(self, real_pages: bool = False, articles: int = ARTICLES) -> None:
        self.real = fixture_articles() if real_pages else []
        self.columns = -(-articles // PER_COLUMN)
        self.articles = articles
        self.paths = {article_path(c, n): (c, n) for c in range(self.columns) for n in range(PER_COLUMN)
                      if c * PER_COLUMN + n < articles}

    def page(self, path: str) -> tuple[bytes, str] | None:
        if path == "/robots.txt":
            return b"User-agent: *\nDisallow: /private/\n", "text/plain"
        if path == "/":
            return listing_html("首页", [f"/col/{c}/index.html" for c in range(self.columns)]), UTF8_HTML
        if path.startswith("/col/") and path.endswith("/index.html"):
            column = path.split("/")[2]
            if column.isdigit() and int(column) < self.columns:
                c = int(column)
                links = [article_path(c, n) for n in range(PER_COLUMN) if c * PER_COLUMN + n < self.articles]
                return listing_html(f"栏目 {c}", links), UTF8_HTML
            return None
        found = self.paths.get(path)
        if found is None:
            return None
        c, n = found
        if not self.real:
            return article_html(c, n), UTF8_HTML
        body, ctype = self.real[(c * PER_COLUMN + n) % len(self.real)]
        return body + f"\n<!-- copy {c}-{n} -->\n".encode("ascii"), ctype


@contextmanager
def serve_site(real_pages: bool = False, articles: int = ARTICLES) -> Iterator[str]:
    """Serve the site on 127.0.0.1 (ephemeral port) in a thread; yield its root URL."""
    site = Site(real_pages, articles)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            found = site.page(self.path.split("?")[0])
            status = 200 if found is not None else 404
            body, ctype = found if found is not None else (b"not found", "text/plain")
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
