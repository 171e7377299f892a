"""Documents for the export and duplicate tests: real fixture articles, and reposts of one in other chrome."""

from __future__ import annotations

import dataclasses
import functools
import html
import json

from fixtureweb import fixtures_dir

from archive.records import Document
from crawler.extract import extract_html

#: The article reposted by the near-duplicate tests: long enough (≈2,500 characters) that an
#: added editor's note and a dropped closing paragraph leave most of its 5-grams shared.
REPOSTED = "pages/163/3.html"
WECHAT_URL = "https://mp.weixin.qq.com/s?__biz=MzA3MDM3NjE5NQ==&mid=2650&idx=1&sn=5e0b"
GOV_URL = "https://www.hunan.gov.cn/hnszf/hnyw/zwdt/201909/t20190909_10000001.html"


def record_id(n: int) -> str:
    return f"<urn:uuid:00000000-0000-4000-8000-{n:012d}>"


def with_provenance(doc: Document, n: int, fetched_at: str | None = None) -> Document:
    """``doc`` stamped as the n-th record of one WARC file, fetched at second n of a day."""
    return dataclasses.replace(
        doc, fetched_at=fetched_at or f"2024-03-01T08:00:{n:02d}.000001Z", http_status=200,
        warc_file="test-20240301080000000-00000-host-1.warc.gz", warc_offset=1000 * n, warc_record_id=record_id(n))


@functools.cache
def fixture_documents() -> tuple[Document, ...]:
    """Every fixture page of pages.json extracted (articles and two list pages), with provenance."""
    root = fixtures_dir()
    docs = []
    for n, entry in enumerate(json.loads((root / "pages.json").read_text("utf-8"))):
        body = (root / entry["file"]).read_bytes()
        doc = extract_html(body, entry["url"], {"Content-Type": f"text/html; charset={entry['actual_charset']}"})
        docs.append(with_provenance(doc, n))
    return tuple(docs)


@functools.cache
def english_document() -> Document:
    """The English seed page (an English-language news template), extracted, with provenance."""
    root = fixtures_dir() / "seedpages"
    entry = next(e for e in json.loads((root / "seedpages.json").read_text("utf-8")) if e["language"] == "en")
    doc = extract_html((root / entry["file"]).read_bytes(), entry["url"], {"Content-Type": entry["content_type"]})
    return with_provenance(doc, 103, fetched_at="2024-03-05T00:00:00Z")


def fixture_article(file: str = REPOSTED) -> Document:
    """The extracted Document of one fixture page, by its pages.json ``file``."""
    root = fixtures_dir()
    entries = json.loads((root / "pages.json").read_text("utf-8"))
    return fixture_documents()[next(i for i, e in enumerate(entries) if e["file"] == file)]


def _paragraphs(lines: list[str]) -> str:
    return "\n".join(f"<p>{html.escape(line)}</p>" for line in lines)


def wechat_repost(original: Document) -> bytes:
    """The original's paragraphs in a WeChat account's chrome, with an editor's note first
    and without the closing paragraph: a near-duplicate, not an exact one."""
    lines = ["编者按：未来科学大奖获奖名单揭晓，本号转载全文，供读者参考。", *(original.text or "").split("\n")[:-1]]
    title = html.escape(original.title or "")
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:title" content="{title}"></head><body>
<div id="js_article" class="rich_media"><div class="rich_media_inner">
<h1 class="rich_media_title" id="activity-name">{title}</h1>
<div id="meta_content" class="rich_media_meta_list"><a id="js_name">科技前沿观察</a>
<em id="publish_time" class="rich_media_meta rich_media_meta_text">2019-09-08 10:00</em></div>
<div class="rich_media_content" id="js_content">{_paragraphs(lines)}</div>
<div class="rich_media_tool" id="js_toobar3"><a id="js_share">分享</a> <span>在看</span> <span>赞</span></div>
<div class="qr_code_pc"><p>微信扫一扫<br>关注该公众号</p></div>
</div></div></body></html>""".encode()


def gov_repost(original: Document) -> bytes:
    """The original's paragraphs, whole, in a provincial government portal's chrome
    (navigation, breadcrumb, share/print bar, footer) with a 转自 credit line first."""
    lines = ["（转自每日经济新闻）", *(original.text or "").split("\n")]
    title = html.escape(original.title or "")
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}_湖南省人民政府门户网站</title></head>
<body><div class="header"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/hdjl/">互动交流</a></div>
<div class="crumb">当前位置：首页 &gt; 要闻动态 &gt; 转载</div>
<div class="article"><h1>{title}</h1><div class="info">来源：每日经济新闻 发布时间：2019-09-09 08:00</div>
<div class="TRS_Editor">{_paragraphs(lines)}</div></div>
<div class="share">分享到：<a>微信</a><a>微博</a> 【打印本页】【关闭窗口】</div>
<div class="footer">主办：湖南省人民政府办公厅 版权所有 湘ICP备05004837号</div></body></html>""".encode()


def reposts(first: int = 100) -> tuple[Document, Document]:
    """The WeChat and the government repost of ``REPOSTED``, extracted, fetched after the original."""
    original = fixture_article()
    headers = {"Content-Type": "text/html; charset=utf-8"}
    wechat = with_provenance(extract_html(wechat_repost(original), WECHAT_URL, headers), first,
                             fetched_at="2024-03-02T09:00:00Z")
    gov = with_provenance(extract_html(gov_repost(original), GOV_URL, headers), first + 1,
                          fetched_at="2024-03-03T09:00:00Z")
    return wechat, gov
