"""Hostile payloads served as text/html: binaries, random bytes, huge bodies (issue #9)."""

from __future__ import annotations

import gzip
import io
import random
import sys
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from crawler.extract import extract_html
from crawler.extract.sniff import MAX_PARSE_BYTES, is_binary_junk, magic_kind

HTML = {"Content-Type": "text/html; charset=utf-8"}
URL = "http://www.example.org/news/2024/page.html"
PARAGRAPHS = "".join(f"<p>第{i}段：科技创新是推动高质量发展的关键，要加强基础研究，夯实科技自立自强的根基。</p>" for i in range(8))
ARTICLE = f"<html><head><title>科技创新</title></head><body><h1>科技创新</h1><div id='zoom'>{PARAGRAPHS}</div></body></html>"


def _random(size: int, seed: int = 9) -> bytes:
    return random.Random(seed).randbytes(size)


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "科技创新 " * 100)
    return buffer.getvalue()


BINARIES = {
    # The running interpreter: an ELF binary on Linux, Mach-O on macOS.
    "executable": Path(sys.executable).resolve().read_bytes()[:200_000],
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + _random(4000),
    "pdf_after_newlines": b"\r\n\r\n%PDF-1.4\n" + _random(2000),
    "png": b"\x89PNG\r\n\x1a\n" + _random(3000),
    "gzip": gzip.compress(ARTICLE.encode("utf-8"), mtime=0),
    "zip": _zip(),
}


@pytest.mark.parametrize("name", sorted(BINARIES))
def test_binary_format_served_as_html_is_an_attachment(name: str) -> None:
    document = extract_html(BINARIES[name], URL, HTML)
    assert (document.page_type, document.text, document.title, document.language) == ("attachment", None, None, None)
    assert document.extra["content_type"] == HTML["Content-Type"]


def test_elf_binary_is_named_in_extra() -> None:
    elf = b"\x7fELF\x02\x01\x01\x00" + bytes(56) + b"/lib64/ld-linux-x86-64.so.2\x00GLIBC_2.34 the quick brown fox " * 50
    document = extract_html(elf, URL, HTML)
    assert (document.page_type, document.extra.get("sniffed")) == ("attachment", "elf")


@pytest.mark.parametrize("size", [1, 100, 5000, 300_000])
def test_random_bytes_are_an_error_page(size: int) -> None:
    body = _random(size)
    if size == 1:
        body = b"\x00"
    document = extract_html(body, URL, HTML)
    assert document.page_type == "error"
    assert (document.text, document.language, document.extra["reason"]) == (None, None, "binary_payload")


def test_fifty_megabytes_of_random_bytes_are_typed_fast_with_bounded_memory() -> None:
    body = _random(50 * 1024 * 1024)
    tracemalloc.start()
    try:
        started = time.perf_counter()
        document = extract_html(body, URL, HTML)
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert document.page_type == "error"
    assert elapsed < 1.0, f"took {elapsed:.2f} s"
    assert peak < 4 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB beyond the body"


def test_huge_html_body_is_parsed_up_to_the_cap_only() -> None:
    filler = b"<!-- " + b"x" * (MAX_PARSE_BYTES + 1000) + b" -->"
    body = ARTICLE.encode("utf-8").replace(b"</body>", b"</body>" + filler)
    document = extract_html(body, URL, HTML)
    assert document.page_type == "article"
    assert "科技创新是推动高质量发展的关键" in (document.text or "")
    assert 0 < document.extra["parsed_bytes"] <= MAX_PARSE_BYTES


@pytest.mark.parametrize("name", ["executable", "pdf", "random", "huge"])
def test_same_bytes_give_the_same_document(name: str) -> None:
    body = {"random": _random(10_000), "huge": ARTICLE.encode() + b" " * (MAX_PARSE_BYTES + 10)}.get(name) or BINARIES[name]
    assert extract_html(body, URL, HTML) == extract_html(bytes(body), URL, HTML)


@pytest.mark.parametrize(
    "body",
    [
        ARTICLE.encode("utf-8"),
        ARTICLE.encode("gb18030"),
        ARTICLE.encode("utf-16"),  # BOM + NUL bytes: still text
        b"\n\n\t" + ARTICLE.encode("utf-8"),
        ARTICLE.encode("utf-8").replace(b"<p>", b"<p>\x0c", 3),  # a stray form feed is text
    ],
)
def test_text_is_never_taken_for_binary(body: bytes) -> None:
    assert (magic_kind(body), is_binary_junk(body)) == (None, False)
    assert extract_html(body, URL, HTML).page_type == "article"


def test_invisible_characters_are_dropped_only_where_they_occur() -> None:
    """visible.py searches for the zero-width characters before translating: with and without them, the same words."""
    from crawler.extract.visible import normalize_space, visible_words

    assert visible_words("a\u200bb \ufeffc\u2060 d") == ["ab", "c", "d"]
    assert normalize_space(" 中文\u200c\u200d 正文 \n") == "中文 正文"
    assert visible_words("plain  words\n") == ["plain", "words"] and normalize_space("") == ""
