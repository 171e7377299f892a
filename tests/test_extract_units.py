"""Extraction components on small hand-written inputs, the response wrapper and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fixturepath import fixtures_dir

from archive.records import ArchivedResponse, RecordPointer
from crawler.cli import main
from crawler.extract import extract_html, extract_response
from crawler.extract.dates import parse_date
from crawler.extract.decode import CJK_META_OVER_WESTERN_HEADER, decode_body
from crawler.extract.model import default_model
from crawler.extract.postclean import postclean
from crawler.extract.repair import drop_stray_end_tags, parse_html

ARTICLE = (
    "<html><head><title>{title}</title></head><body><div class='nav'>首页 > 新闻</div>"
    "<h1>{title}</h1><div class='info'>发布时间：2023-02-24 20:16　来源：华声在线</div>"
    "<div id='zoom'>{body}</div><div class='footer'>湘ICP备05005094号</div></body></html>"
)
PARAGRAPHS = "".join(f"<p>第{i}段：科技创新是推动高质量发展的关键，要加强基础研究，夯实科技自立自强的根基。</p>" for i in range(5))


def _article(title: str = "科技创新高地建设取得新进展", body: str = PARAGRAPHS) -> str:
    return ARTICLE.format(title=title, body=body)


def test_decode_overrules_a_lying_gb2312_declaration() -> None:
    body = _article().replace("<head>", "<head><meta charset='gb2312'>").encode("utf-8")
    decoded = decode_body(body, {})
    assert (decoded.charset, decoded.overruled) == ("utf-8", True)


def test_decode_reads_gb2312_as_gb18030() -> None:
    body = _article().encode("gb18030")
    decoded = decode_body(body, {"Content-Type": "text/html; charset=GB2312"})
    assert (decoded.charset, decoded.overruled) == ("gb18030", False)
    assert "科技创新高地" in decoded.text


def test_decode_big5_from_meta_and_bom() -> None:
    body = "<meta charset='big5'><p>衡陽新聞網 科技創新</p>".encode("big5")
    assert decode_body(body).charset == "big5hkscs"
    assert decode_body(b"\xef\xbb\xbf<p>\xe4\xb8\xad</p>").text == "<p>中</p>"


@pytest.mark.parametrize("header", ["ISO-8859-1", "latin1", "windows-1252", "us-ascii"])
@pytest.mark.parametrize(("meta", "text"), [("gb2312", "科技创新高地"), ("big5", "科技創新高地"), ("shift_jis", "技術革新の拠点"), ("euc-kr", "과학 기술 혁신")])
def test_decode_a_cjk_meta_overrides_a_western_header(header: str, meta: str, text: str) -> None:
    body = f"<html><head><meta http-equiv='Content-Type' content='text/html; charset={meta}'></head><p>{text}</p>".encode(meta)
    decoded = decode_body(body, {"Content-Type": f"text/html; charset={header}"})
    assert text in decoded.text
    assert (decoded.overruled, decoded.rule) == (True, CJK_META_OVER_WESTERN_HEADER)


def test_a_gb2312_page_served_as_latin1_is_read_as_gb2312() -> None:
    body = _article().replace("<head>", "<head><meta charset='gb2312'>").encode("gb18030")
    document = extract_html(body, "http://www.example.cn/a/2011/0925/156.html", {"Content-Type": "text/html; charset=ISO-8859-1"})
    assert document.title == "科技创新高地建设取得新进展" and "第0段：科技创新" in (document.text or "")
    assert (document.extra["charset"], document.extra["charset_rule"]) == ("gb18030", CJK_META_OVER_WESTERN_HEADER)


@pytest.mark.parametrize(
    ("body", "charset"),
    [
        (b"<meta charset='gb2312'><p>Plain ASCII news page.</p>", "cp1252"),
        ("<meta charset='gb2312'><p>Un café au lait à l'hôtel.</p>".encode("latin-1"), "cp1252"),
    ],
    ids=["ascii", "latin-1"],
)
def test_decode_a_western_header_stands_when_the_bytes_are_not_cjk(body: bytes, charset: str) -> None:
    decoded = decode_body(body, {"Content-Type": "text/html; charset=ISO-8859-1"})
    assert (decoded.charset, decoded.rule) == (charset, None)
    assert decoded.text == body.decode("latin-1")


def test_decode_detects_undeclared_gbk() -> None:
    body = _article().encode("gbk")
    decoded = decode_body(body, {})
    assert "科技创新高地" in decoded.text


def test_stray_end_tags_are_dropped_except_the_last() -> None:
    text = "<html><body><p>a</p></html><p>b</p></body></html>"
    assert drop_stray_end_tags(text) == "<html><body><p>a</p><p>b</p></body></html>"
    tree = parse_html("<html><body><div>head</div></html><div id='zoom'><p>after</p></div></body></html>")
    assert tree is not None and "after" in tree.text_content()


def test_postclean_drops_boilerplate_keeps_body_lines() -> None:
    lines = [
        "正文第一段提到责任编辑这个词，但这是正文。",
        "责任编辑：杨倩_NF4425",
        "【编辑：姚昊】",
        "分享到：",
        "【打印本页】【关闭窗口】",
        "(本文来自澎湃新闻，更多原创资讯请下载“澎湃新闻”APP)",
        "最后一段正文。返回腾讯网首页>>",
    ]
    assert postclean(lines) == ["正文第一段提到责任编辑这个词，但这是正文。", "最后一段正文。"]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("发布时间：2023-02-24 20:16", "2023-02-24T20:16:00+08:00"),
        ("2019年09月07日 13:42:05", "2019-09-07T13:42:05+08:00"),
        ("2019-09-07T13:43:45+08:00", "2019-09-07T13:43:45+08:00"),
        ("2016/11/22", "2016-11-22"),
        ("no date", None),
    ],
)
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


def test_generic_article_metadata_and_text() -> None:
    document = extract_html(_article().encode("utf-8"), "https://www.example.org/2023/a.html", {})
    assert document.page_type == "article"
    assert document.title == "科技创新高地建设取得新进展"
    assert (document.published, document.source, document.language) == ("2023-02-24T20:16:00+08:00", "华声在线", "zh-cn")
    assert document.text is not None and document.text.splitlines()[0].startswith("第0段")
    assert "ICP" not in document.text and "首页" not in document.text
    assert document.extractor["zhengwen"] and document.extractor["trafilatura"] and document.extractor["profiles"]
    assert document.extractor["model"] == default_model().version  # the weights that decided


def test_wechat_hidden_body_is_unhidden_and_dated_from_ct() -> None:
    html = (
        "<html><head><title>t</title></head><body><h1 id='activity-name'>基础研究十年</h1>"
        "<a id='js_name'>科技前沿观察</a><div id='js_content' style='visibility: hidden;'>"
        f"{PARAGRAPHS}</div><script>var ct = \"1677022200\";</script></body></html>"
    )
    document = extract_html(html.encode(), "https://mp.weixin.qq.com/s?__biz=x&mid=1&idx=1&sn=y", {})
    assert (document.site, document.page_type, document.title) == ("wechat", "article", "基础研究十年")
    assert (document.published, document.source) == ("2023-02-22T07:30:00+08:00", "科技前沿观察")
    assert document.text is not None and document.text.count("\n") == 4


def test_spam_title_is_recorded() -> None:
    html = _article().replace(
        "<title>科技创新高地建设取得新进展</title>",
        "<title>玉女心经在线观看免费版电视剧全集_国产在线观看_连环套电视剧全集免费观看</title>",
    )
    document = extract_html(html.encode(), "https://www.example.org/a.html", {})
    assert document.title == "科技创新高地建设取得新进展"
    assert document.extra["spam_title"] is True
    assert document.extra["title_raw"].startswith("玉女心经")


def test_soft_404_is_an_error_page() -> None:
    html = "<html><head><title>404</title></head><body><h1>抱歉，您访问的页面不存在</h1><a href='/'>返回首页</a></body></html>"
    document = extract_html(html.encode(), "https://www.example.org/x.html", {})
    assert (document.page_type, document.text) == ("error", None)


def test_non_html_is_an_attachment() -> None:
    document = extract_html(b"%PDF-1.7 ...", "https://www.gov.cn/a.pdf", {"content-type": "application/pdf"})
    assert (document.page_type, document.text, document.extra["content_type"]) == ("attachment", None, "application/pdf")


def test_extract_response_adds_warc_provenance() -> None:
    body = _article().encode("gb18030")
    response = ArchivedResponse(
        target_uri="https://www.hunan.gov.cn/a/t20230224_1.html",
        status=200,
        headers=[("content-type", "text/html; charset=gbk"), ("Content-Type", "text/html; charset=utf-8")],
        payload=body,
        warc_date="2026-01-01T00:00:00Z",
        pointer=RecordPointer("crawl-00000.warc.gz", 1234, "<urn:uuid:1>"),
    )
    document = extract_response(response, body)
    assert (document.site, document.http_status, document.fetched_at) == ("gov", 200, "2026-01-01T00:00:00Z")
    assert (document.warc_file, document.warc_offset, document.warc_record_id) == ("crawl-00000.warc.gz", 1234, "<urn:uuid:1>")
    assert document.extra["charset"] == "gb18030"


def _jiandao() -> Path:
    path = fixtures_dir() / "seedpages" / "netease-hubei-jiandao.html"
    if not path.is_file():
        pytest.fail(f"fixture page {path} not found in the shared fixtures folder")
    return path


def test_cli_prints_one_json_line_per_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(_jiandao())]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    document = json.loads(lines[0])
    assert document["text"].startswith("10月16日上午")
    assert document["url"].startswith("file://") and document["site"] == "news"


def test_cli_url_selects_the_profile(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(_jiandao()), "--url", "https://www.163.com/dy/article/KDC4R1VB0514R9P4.html"]) == 0
    assert json.loads(capsys.readouterr().out)["site"] == "netease"


def test_cli_missing_file_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(tmp_path / "nope.html")]) == 2
    assert f"zhengwen extract: error: HTML file not found: {tmp_path / 'nope.html'}" in capsys.readouterr().err


def test_cli_bad_arguments_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract"]) == 2
    assert main(["extract", "--bogus", "x.html"]) == 2


@pytest.mark.parametrize("box", ["vsb_content", "vsb_content_2", "vsb_content_100"])
def test_a_vsb_article_box_is_the_container_whatever_its_number(box: str) -> None:
    aside = "<div class='intro'><p>学校简介：本校始建于1952年，是一所以工为主、多学科协调发展的省属重点大学，办学历史悠久。</p></div>"
    body = f"{aside}<div id='{box}'><div class='v_news_content'>{PARAGRAPHS}</div></div>"
    document = extract_html(_article(body=body).encode(), "https://news.example.edu.cn/info/1011/2345.htm", {})
    assert document.text is not None and "学校简介" not in document.text and document.text.count("第") == 5
