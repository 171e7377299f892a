"""Paragraphs written with ``<br>``: wrapped in ``<p>`` before extraction reads the page."""

from __future__ import annotations

import re

import pytest
from fixtureweb import FixtureWeb
from lxml import html as lxml_html

from crawler.extract import extract_html
from crawler.extract.breaks import paragraphs_from_breaks
from crawler.extract.repair import parse_html
from crawler.extract.trail import extract_trail

PARAGRAPHS = [
    "近日，某县科技局印发《关于加快推进科技创新平台建设的实施意见》，提出到2026年建成省级以上创新平台二十家。",
    "意见明确，对新认定的国家级重点实验室、工程技术研究中心，县财政给予一次性奖励，并在用地、人才引进等方面予以支持。",
    "县科技局有关负责人表示，下一步将会同相关部门做好政策宣传解读，推动各项措施落地见效，切实增强企业创新能力。",
    "据了解，该县去年研发投入强度达到百分之二点六，高新技术企业数量较上年增长三成，创新主体队伍不断壮大。",
]


def _body(html: str) -> str:
    tree = parse_html(f"<html><body>{html}</body></html>")
    assert tree is not None
    paragraphs_from_breaks(tree)
    body = tree.find("body")
    assert body is not None
    return lxml_html.tostring(body, encoding="unicode")


def test_runs_between_double_breaks_become_paragraphs_and_the_breaks_stay() -> None:
    assert _body("<div>one <b>bold</b> end<br><br>two<br>two b<br> <br>\n<br>three</div>") == (
        "<body><div><p>one <b>bold</b> end</p><br><br><p>two<br>two b</p><br> <br>\n<br><p>three</p></div></body>"
    )


def test_block_elements_end_a_paragraph_too() -> None:
    assert _body("<div><h2>Title</h2>after the heading<br><br>second<div>block</div>tail text</div>") == (
        "<body><div><h2>Title</h2><p>after the heading</p><br><br><p>second</p><div>block</div><p>tail text</p></div></body>"
    )


def test_single_breaks_links_lines_and_paragraphs_own_breaks_are_left_alone() -> None:
    for html in (
        "<div>one line<br>another line</div>",  # a line break, not a paragraph break
        "<p>first<br><br>second</p>",  # a paragraph's own breaks
        "<li>item<br><br>more</li>",
    ):
        assert _body(html) == f"<body>{html}</body>"
    # a line that is mostly link text is no paragraph: it stays as it was
    assert _body("<div>lead text<br><br><a href='/x'>a line of links</a> |<br><br>end</div>") == (
        '<body><div><p>lead text</p><br><br><a href="/x">a line of links</a> |<br><br><p>end</p></div></body>'
    )


def test_long_lines_between_single_breaks_are_paragraphs_and_short_ones_stay_lines() -> None:
    prose = "<br>".join(PARAGRAPHS)
    assert _body(f"<td>{prose}</td>") == "<body><td>" + "<br>".join(f"<p>{text}</p>" for text in PARAGRAPHS) + "</td></body>"
    address = "某县人民政府办公室<br>地址：某县人民路1号<br>邮编：123456<br>电话：0123-4567890"
    assert _body(f"<div>{address}</div>") == f"<body><div>{address}</div></body>"
    assert _body(f"<div>{PARAGRAPHS[0]}<br>{PARAGRAPHS[1]}</div>") == f"<body><div>{PARAGRAPHS[0]}<br>{PARAGRAPHS[1]}</div></body>"


def test_a_holder_named_chrome_is_left_alone() -> None:
    footer = f"<div class='footer'>{PARAGRAPHS[0]}<br><br>{PARAGRAPHS[1]}</div>"
    assert _body(footer) == f'<body><div class="footer">{PARAGRAPHS[0]}<br><br>{PARAGRAPHS[1]}</div></body>'


def test_a_font_or_span_holding_the_text_holds_the_paragraphs() -> None:
    assert _body("<td><font size='3'>one<br><br>two</font></td>") == '<body><td><font size="3"><p>one</p><br><br><p>two</p></font></td></body>'


def test_text_lxml_refuses_through_its_api_is_wrapped_without_it() -> None:
    tree = parse_html("<html><body><div>bell\x07 and text<br><br>next</div></body></html>")
    assert tree is not None
    assert paragraphs_from_breaks(tree) == 1
    assert [p.text for p in tree.iter("p")] == ["bell and text", "next"]


def _county_page(body: str) -> bytes:
    """A county government page of the older kind: layout tables, ``<font>`` text, ``<br>`` lines."""
    return (
        "<html><head><meta charset='utf-8'><title>某县出台科技创新平台建设实施意见_某县人民政府</title></head><body>"
        "<table width='1000'><tr><td><a href='/'>首页</a> <a href='/zwgk/'>政务公开</a> <a href='/xwzx/'>新闻中心</a>"
        " <a href='/hdjl/'>互动交流</a> <a href='/bsfw/'>办事服务</a></td></tr></table>"
        "<table width='1000'><tr><td width='220'><font>热点新闻<br>县委常委会召开会议，研究部署近期重点工作任务<br>"
        "县政府召开常务会议<br>全县安全生产工作会议召开</font></td>"
        "<td width='780'><h1>某县出台科技创新平台建设实施意见</h1><font>发布时间：2024-05-12　来源：县科技局</font><br>"
        f"<font size='3'>{body}</font></td></tr></table>"
        "<table width='1000'><tr><td><font>主办单位：某县人民政府办公室　地址：某县人民路1号　版权所有 ICP备12345678号<br>"
        "技术支持：某某网络科技有限公司　建议使用1024×768分辨率浏览本站</font></td></tr></table></body></html>"
    ).encode()


@pytest.mark.parametrize("breaks", ["<br><br>", "<br>"], ids=["double", "single"])
def test_an_older_county_page_gives_its_paragraphs_and_no_sidebar(breaks: str) -> None:
    # Read as lines of a <font>, the article's paragraphs weighed no more than the sidebar's
    # headline lines, and three of those came out with the text.
    document = extract_html(_county_page(breaks.join(f"　　{text}" for text in PARAGRAPHS)),
                            "http://www.mouxian.gov.cn/xwzx/202405/t20240512_456.html")
    assert document.page_type == "article"
    assert document.text == "\n".join(PARAGRAPHS)


ARTICLES = [p for p in FixtureWeb.load().articles if p.content_type.startswith("text/html")]
_P_OPEN = re.compile(rb"(?i)<p(\s[^>]*)?>")
_P_CLOSE = re.compile(rb"(?i)</p\s*>")


def _with_breaks(body: bytes, breaks: bytes = b"<br><br>") -> bytes:
    """The page as an older template writes it: no ``<p>``, each paragraph ended by ``breaks``."""
    return _P_CLOSE.sub(breaks, _P_OPEN.sub(b"", body))


@pytest.mark.parametrize("breaks", [b"<br><br>", b"<br>"], ids=["double", "single"])
@pytest.mark.parametrize("page", ARTICLES, ids=[p.url[:60] for p in ARTICLES])
def test_an_article_written_with_breaks_gives_the_text_it_gives_in_paragraphs(page, breaks: bytes) -> None:
    # Read without the rewrite, seven of these pages come out otherwise each way (lines lost
    # or gained): trafilatura and the block features take text and breaks for less than paragraphs.
    written = extract_html(page.body, page.url)
    rewritten = extract_html(_with_breaks(page.body, breaks), page.url)
    assert rewritten.page_type == written.page_type
    assert rewritten.text == written.text


def test_the_trail_names_the_holder_of_a_wrapped_paragraph() -> None:
    page = next(p for p in ARTICLES if p.url.startswith("https://english.voc.com.cn/"))
    trail = extract_trail(_with_breaks(page.body), page.url)
    kept = [fate for fate in trail.blocks if fate.kept]
    assert kept and all(fate.path.startswith("/html") for fate in kept)
    # the paragraphs exist only in extraction's copy of the page: a kept line's path is
    # an element of the page as written, which holds the line
    tree = parse_html(_with_breaks(page.body).decode("utf-8"))
    assert tree is not None
    root = tree.getroottree()
    for fate in kept:
        (element,) = root.xpath(fate.path)
        assert fate.text[:20] in " ".join(element.text_content().split())
