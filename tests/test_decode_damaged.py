"""Decoding pages whose bytes are not quite well formed in their charset: no mojibake."""

from __future__ import annotations

import pytest

from crawler.extract import extract_html
from crawler.extract.decode import CJK_META_OVER_WESTERN_HEADER, decode_body

PARAGRAPH = "科技创新是推动高质量发展的关键，要加强基础研究，夯实科技自立自强的根基。"
TRADITIONAL = "科技創新是推動高質量發展的關鍵，要加強基礎研究，夯實科技自立自強的根基。"


def _page(text: str, meta: str = "", paragraphs: int = 40) -> str:
    head = f"<meta charset='{meta}'>" if meta else ""
    body = "".join(f"<p>第{i}段：{text}</p>" for i in range(paragraphs))
    return f"<html><head>{head}<title>{text[:4]}</title></head><body>{body}</body></html>"


def _damaged(body: bytes, junk: bytes) -> bytes:
    """``body`` with ``junk`` put in before the ``<p>`` nearest its middle."""
    middle = body.index(b"<p>", len(body) // 2)
    return body[:middle] + junk + body[middle:]


@pytest.mark.parametrize("meta", ["", "utf-8", "gb2312"])
def test_a_stray_byte_in_a_utf8_page_leaves_it_utf8(meta: str) -> None:
    body = _damaged(_page(PARAGRAPH, meta).encode("utf-8"), b"M\xe4scot")  # one Latin-1 byte
    decoded = decode_body(body, {})
    assert (decoded.charset, decoded.replaced) == ("utf-8", 1)
    assert decoded.text.count(PARAGRAPH) == 40 and "M\ufffdscot" in decoded.text


@pytest.mark.parametrize(("meta", "codec", "text"), [("gb2312", "gb18030", PARAGRAPH), ("big5", "big5hkscs", TRADITIONAL)])
def test_half_a_character_in_a_declared_cjk_page_is_replaced_not_redetected(meta: str, codec: str, text: str) -> None:
    # a CMS cut a title at a byte count: a lead byte, then the end tag
    body = _damaged(_page(text, meta).encode(codec), f"<a>{text[:4]}".encode(codec) + b"\x81</a>")
    decoded = decode_body(body, {})
    assert (decoded.charset, decoded.replaced) == (codec, 1)
    assert decoded.text.count(text) == 40


@pytest.mark.parametrize(("codec", "text"), [("gb18030", PARAGRAPH), ("big5hkscs", TRADITIONAL)])
def test_an_undeclared_cjk_page_with_a_stray_byte_is_detected_on_its_clean_prefix(codec: str, text: str) -> None:
    body = _damaged(_page(text).encode(codec), b"\xff")
    decoded = decode_body(body, {})
    assert decoded.charset == codec and decoded.replaced >= 1
    assert decoded.text.count(text) == 40


def test_a_damaged_gb_page_served_as_latin1_is_read_by_its_meta() -> None:
    body = _damaged(_page(PARAGRAPH, "gb2312").encode("gb18030"), b"\x81</a>")
    decoded = decode_body(body, {"Content-Type": "text/html; charset=ISO-8859-1"})
    assert (decoded.charset, decoded.rule, decoded.replaced) == ("gb18030", CJK_META_OVER_WESTERN_HEADER, 1)


def test_the_replaced_sequences_are_recorded_in_the_document() -> None:
    body = _damaged(_page(PARAGRAPH, "gb2312").encode("gb18030"), b"\x81</a>")
    document = extract_html(body, "http://www.example.cn/a/2011/0925/156.html")
    assert (document.extra["charset"], document.extra["charset_replaced"]) == ("gb18030", 1)
    assert PARAGRAPH in (document.text or "")
    clean = extract_html(_page(PARAGRAPH, "gb2312").encode("gb18030"), "http://www.example.cn/a/2011/0925/156.html")
    assert "charset_replaced" not in clean.extra


def test_a_gbk_page_declared_utf8_is_not_read_as_damaged_utf8() -> None:
    decoded = decode_body(_page(PARAGRAPH, "utf-8").encode("gb18030"), {})
    assert (decoded.charset, decoded.replaced) == ("gb18030", 0)


def test_a_western_page_with_curly_quotes_is_not_damaged_utf8() -> None:
    text = "“Un café au lait”, s’il vous plaît — à l’hôtel. " * 40
    body = f"<html><body><p>{text}</p></body></html>".encode("cp1252")
    decoded = decode_body(body, {"Content-Type": "text/html; charset=windows-1252"})
    assert (decoded.charset, decoded.replaced, decoded.text.count("café")) == ("cp1252", 0, 40)
    assert decode_body(body, {}).text.count("café") == 40


def test_detection_never_reads_half_a_character_at_its_window_end() -> None:
    # an undeclared GB18030 page longer than the detection window, whose 65,536th byte is
    # the lead byte of a character: the window ends before a tag instead
    filler = "<p>" + "科技创新是推动高质量发展的关键" * 3 + "</p>"
    text = "<html><body>" + "x" + filler * 2000 + "</body></html>"
    body = text.encode("gb18030")
    with pytest.raises(UnicodeDecodeError):  # a character spans the window's edge
        body[:65536].decode("gb18030")
    decoded = decode_body(body, {})
    assert (decoded.charset, decoded.replaced) == ("gb18030", 0)
