"""Blocks and their evidence: tables, profile prunes, preformatted text, class words, notices, list pages, signatures."""

from __future__ import annotations

import pytest

from crawler.extract import extract_html
from crawler.extract.clean import prune_targets
from crawler.extract.density import totals_below
from crawler.extract.repair import parse_html
from crawler.extract.segment import DATA_ROW, PRE, is_data_table, segment
from crawler.extract.tokens import COMMENT, CONTENT, FOOTER, NAV, RELATED, SHARE, name_bits
from crawler.extract.trail import extract_trail

PROSE = "根据《某县科技计划项目管理办法》，经专家评审和公示，现将2024年度县级科技计划项目予以公布。"
CLOSING = "各项目承担单位要加强项目管理，确保资金使用规范，按期完成项目任务，推动成果转化落地见效。"


def _blocks(html: str):  # noqa: ANN202
    tree = parse_html(html)
    assert tree is not None
    return segment(tree)


def _gov_page(body: str, title: str = "关于公布2024年度科技计划项目的通知") -> bytes:
    """A county government page laid out in tables, with ``body`` as the article cell."""
    return (
        f"<html><head><meta charset='utf-8'><title>{title}_某县人民政府</title></head><body>"
        "<table><tr><td><a href='/'>首页</a></td><td><a href='/zwgk/'>政务公开</a></td><td><a href='/xw/'>新闻中心</a></td></tr></table>"
        "<table><tr><td width='200'><table><tr><td><a href='/a'>通知公告</a></td></tr><tr><td><a href='/b'>政策文件</a></td></tr></table></td>"
        f"<td width='800'><table><tr><td><h1>{title}</h1></td></tr><tr><td>发布时间：2024-05-12 来源：县科技局</td></tr>"
        f"<tr><td>{body}</td></tr></table></td></tr></table>"
        "<table><tr><td>主办单位：某县人民政府办公室 版权所有 ICP备12345678号</td></tr></table></body></html>"
    ).encode("utf-8")


GOV_URL = "http://www.mouxian.gov.cn/zwgk/202405/t20240512_123.html"
DATA_TABLE = (
    "<table border='1'><tr><th>序号</th><th>项目名称</th><th>资助金额（万元）</th></tr>"
    "<tr><td>1</td><td>智慧农业监测系统研发</td><td>20</td></tr><tr><td>2</td><td>新型建材工艺改进</td><td>15</td></tr></table>"
)


def test_a_data_table_gives_one_tab_separated_block_per_row() -> None:
    blocks = _blocks(f"<html><body><p>{PROSE}</p>{DATA_TABLE}</body></html>")
    rows = [block for block in blocks if block.flags & DATA_ROW]
    assert [row.text for row in rows] == ["序号\t项目名称\t资助金额（万元）", "1\t智慧农业监测系统研发\t20", "2\t新型建材工艺改进\t15"]


def test_a_layout_table_is_not_a_data_table() -> None:
    tree = parse_html(_gov_page(f"<p>{PROSE}</p>").decode("utf-8"))
    assert tree is not None
    assert not any(is_data_table(table) for table in tree.iter("table") if table.find(".//table") is not None)
    assert all("|" not in block.text for block in segment(tree))


def test_table_layout_page_keeps_the_article_and_its_data_table_without_cell_bars() -> None:
    document = extract_html(_gov_page(f"<p>{PROSE}</p>{DATA_TABLE}<p>{CLOSING}</p>"), GOV_URL)
    lines = (document.text or "").split("\n")
    assert lines[0] == PROSE and lines[-1] == CLOSING
    assert "1\t智慧农业监测系统研发\t20" in lines
    assert "|" not in document.text and "通知公告" not in document.text and "ICP备" not in document.text


def test_a_notice_keeps_its_signature() -> None:
    body = f"<p>{PROSE}</p><p>{CLOSING}</p><p>某县科学技术局</p><p>2024年5月12日</p>"
    lines = (extract_html(_gov_page(body), GOV_URL).text or "").split("\n")
    assert lines[-2:] == ["某县科学技术局", "2024年5月12日"]


TRS_URL = "https://www.example.gov.cn/xxgk/202405/t20240520_190123.html"


def _trs_notice(after: str) -> bytes:
    """A TRS notice: the editor's div (the generic profile's container), then ``after`` in a box of its own."""
    body = (f"<p>各有关单位：</p><p>{PROSE}</p><p>{CLOSING}</p><p>特此通知。</p>"
            "<p style='text-align:right'>某市科学技术局</p><p style='text-align:right'>2024年5月16日</p>")
    return (
        "<html><head><meta charset='utf-8'><title>关于公布2024年度科技计划项目的通知</title></head><body>"
        "<div class='nav'><a href='/'>首页</a> <a href='/xxgk/'>信息公开</a></div>"
        f"<div id='Zoom'><div class='trs_editor_view TRS_UEDITOR'>{body}</div>{after}</div>"
        "<div class='footer'><p>主办单位：某市科学技术局</p></div></body></html>"
    ).encode()


def test_a_notice_keeps_its_attachments_below_the_editors_box() -> None:
    box = ("<div class='xxgk_fj'><p>附件：<a href='./P0202405.pdf'>1. 项目清单.pdf</a></p>"
           "<p><a href='./P0202406.docx'>2. 项目任务书模板.docx</a></p></div>")
    lines = (extract_html(_trs_notice(box), TRS_URL).text or "").split("\n")
    assert lines[-4:] == ["某市科学技术局", "2024年5月16日", "附件：1. 项目清单.pdf", "2. 项目任务书模板.docx"]


def test_a_link_list_or_a_sentence_without_the_attachment_label_is_not_kept() -> None:
    box = ("<div class='xgwj'><p>相关文件</p><p><a href='./a.pdf'>关于2023年度项目的通知.pdf</a></p>"
           "<p><a href='./b.pdf'>关于2022年度项目的通知.pdf</a></p></div>")
    text = extract_html(_trs_notice(box), TRS_URL).text or ""
    assert text.endswith("2024年5月16日") and "相关文件" not in text and ".pdf" not in text
    sentence = ("<div class='tz'><p>附件管理系统将于下月上线，请各单位提前做好准备</p>"
                "<p><a href='./c.pdf'>1. 系统操作手册.pdf</a></p></div>")
    text = extract_html(_trs_notice(sentence), TRS_URL).text or ""
    assert "附件管理系统" not in text and "操作手册" not in text


def test_a_table_with_a_panel_of_lines_in_a_cell_is_layout() -> None:
    # a forum reply: the member's panel (等级/发帖/注册时间, one per line) beside the reply
    panel = "<td>老刀骑行<br>等级：版主<br>发帖：4582<br>注册时间：2002-3-6<br></td><td>写得很详细，加精了。</td>"
    tree = parse_html(f"<html><body><table><tr><td colspan=2>1楼 发表于 2007-5-12</td></tr><tr>{panel}</tr></table></body></html>")
    assert tree is not None
    assert not is_data_table(tree.find(".//table"))
    assert not any(block.flags & DATA_ROW for block in segment(tree))


def test_a_table_with_a_definition_list_in_a_cell_is_layout() -> None:
    # Discuz! 7: the member's panel is a <dl> of fields (UID, 帖子, 积分) beside the post
    panel = "<td><dl><dt>UID</dt><dd>1152086</dd><dt>帖子</dt><dd>12085</dd><dt>注册时间</dt><dd>2004-3-2</dd></dl></td>"
    rows = f"<tr>{panel}<td>提问之前请先看置顶帖，描述清楚你的环境和需求。</td></tr><tr><td></td><td>引用 报告 TOP</td></tr>"
    tree = parse_html(f"<html><body><table>{rows}</table></body></html>")
    assert tree is not None
    assert not is_data_table(tree.find(".//table"))
    data = "<table><tr><th>券种</th><th>额度上限</th></tr><tr><td>研发服务券</td><td><ul><li>20万元</li></ul></td></tr></table>"
    data_tree = parse_html(f"<html><body>{data}</body></html>")
    assert data_tree is not None and is_data_table(data_tree.find(".//table"))  # a list in a cell is still data


def test_a_table_with_a_member_panel_of_labelled_items_is_layout() -> None:
    panel = "<td>老炮兵1976<ul><li>等级：上士</li><li>经验：3310</li><li>帖子：1204</li><li>注册：2006-03-15</li></ul></td>"
    tree = parse_html(f"<html><body><table><tr>{panel}<td>2楼 发表于：2009-08-21 15:02:11</td></tr><tr><td colspan=2>看得我热血沸腾。</td></tr></table></body></html>")
    assert tree is not None and not is_data_table(tree.find(".//table"))


def test_a_code_blocks_copy_button_is_not_code() -> None:
    code = "const a = 1;\n  return a;"
    blocks = _blocks(f"<html><body><p>{PROSE}</p><pre><code>{code}\n<span class='copy-code-btn'>复制代码</span></code></pre></body></html>")
    assert [block.text for block in blocks if block.flags & PRE] == [code]


def test_preformatted_text_keeps_its_indentation() -> None:
    code = "def main():\n    for item in items:\n        print(item)\n"
    blocks = _blocks(f"<html><body><p>{PROSE}</p><pre><code>{code}</code></pre></body></html>")
    pre = [block for block in blocks if block.flags & PRE]
    assert [block.text for block in pre] == [code.rstrip("\n")]


def test_a_line_break_in_preformatted_text_breaks_the_line() -> None:
    # Baidu Zhidao's best answer: a <pre> whose paragraphs are separated by <br />
    html = f"<html><body><p>{PROSE}</p><pre class='best-text'>第一段。<br /><br />第二段。<br/>第三段。</pre></body></html>"
    pre = [block for block in _blocks(html) if block.flags & PRE]
    assert [block.text for block in pre] == ["第一段。\n\n第二段。\n第三段。"]


@pytest.mark.parametrize(
    ("names", "bits"),
    [
        ("share-bar", SHARE),
        ("bdshare_t", SHARE),
        ("shareBox", SHARE),
        ("related-news", RELATED),
        ("hotNews", RELATED),
        ("main-nav", NAV),
        ("article-content", CONTENT),
        # pinyin names, as Chinese templates write them
        ("liuyan_list", COMMENT),
        ("daohang", NAV),
        ("banquan", FOOTER),
        ("fenxiang", SHARE),
        ("xiangguanWenzhang", RELATED),
        ("zhengwen", CONTENT),
        ("news_neirong", CONTENT),
    ],
)
def test_class_words_say_what_an_element_holds(names: str, bits: int) -> None:
    assert name_bits(names) & bits


@pytest.mark.parametrize("names", ["shareholder", "navigator-tips", "hottest", "commentator"])
def test_a_class_word_is_not_matched_as_a_substring(names: str) -> None:
    assert not name_bits(names) & (SHARE | RELATED | NAV)


COMMENTS = [
    "这个政策太好了，希望能够尽快落实到位，让我们企业真正享受到实惠，期待后续的具体细则出台。",
    "支持！县里这几年在科技创新方面确实下了功夫，去年我们公司也拿到了研发补贴，感谢政府。",
    "请问申报国家级重点实验室需要什么条件？有没有具体的申报指南可以参考，在哪里可以下载？",
    "希望奖励资金能够及时发放，不要像往年那样拖了大半年才到账，企业等不起啊，资金压力很大。",
]


@pytest.mark.parametrize("name", ["comment", "liuyan", "huifu"])
def test_readers_comments_named_in_english_or_pinyin_are_not_text(name: str) -> None:
    # without the pinyin words, the comments of a 'liuyan' box came out with the article
    comments = "".join(f"<div class='{name}_item'><span>网友{i}</span><div class='{name}_text'>{text}</div>"
                       f"<span>2024-05-1{i} 10:2{i}</span></div>" for i, text in enumerate(COMMENTS))
    page = (
        "<html><head><meta charset='utf-8'><title>县级科技计划项目公布</title></head><body>"
        f"<div class='x1'><h1>县级科技计划项目公布</h1><div class='x2'><p>{PROSE}</p><p>{CLOSING}</p></div></div>"
        f"<div class='{name}'><h3>网友留言</h3>{comments}</div></body></html>"
    )
    document = extract_html(page.encode(), GOV_URL)
    assert document.text == f"{PROSE}\n{CLOSING}"


def test_a_ranking_table_and_a_shareholder_list_inside_the_article_are_kept() -> None:
    table = DATA_TABLE.replace("<table border='1'>", "<table class='rank-table'>")
    holders = "<div class='shareholder'><p>前十大股东合计持股比例为百分之六十二点三，较上一报告期末略有上升。</p></div>"
    document = extract_html(_gov_page(f"<p>{PROSE}</p>{table}{holders}<p>{CLOSING}</p>"), GOV_URL)
    assert "2\t新型建材工艺改进\t15" in (document.text or "") and "前十大股东合计持股比例" in (document.text or "")


def test_an_article_quoting_a_deleted_marker_stays_an_article() -> None:
    body = f"<p>{PROSE}据悉，平台对违规账号进行了处理，相关内容已被删除，并将持续开展专项整治。</p><p>{CLOSING}</p>"
    document = extract_html(_gov_page(body), GOV_URL)
    assert document.page_type == "article" and "相关内容已被删除" in (document.text or "")


def test_a_short_notice_page_is_deleted() -> None:
    page = "<html><head><title>微信公众平台</title></head><body><div><p>该内容已被发布者删除</p></div></body></html>"
    assert extract_html(page.encode("utf-8"), "https://mp.weixin.qq.com/s?__biz=x&mid=1&idx=1&sn=y").page_type == "deleted"


def _menu(count: int) -> str:
    return "".join(f"<li><a href='/c{i}/'>栏目{i}</a></li>" for i in range(count))


def test_a_short_article_inside_large_menus_is_an_article() -> None:
    page = (
        "<html><head><title>简讯</title></head><body>"
        f"<div class='nav'><ul>{_menu(250)}</ul></div><div class='main'><h1>简讯</h1><p>{PROSE}</p></div>"
        f"<div class='footer'><ul>{_menu(60)}</ul></div></body></html>"
    )
    document = extract_html(page.encode("utf-8"), "https://news.example.cn/2024/05/12/123.html")
    assert document.page_type == "article" and PROSE in (document.text or "")


def test_lyrics_among_an_archive_of_links_are_an_article() -> None:
    # the main text is short lines, not sentences, and most of the page links within the
    # site: still not a listing, because what the model chose as main text is not links
    lines = "<br>".join(f"{word} 想念你的夜 第{i}行" for i, word in enumerate(["只能", "想念", "你的", "温柔", "还在", "心里"] * 5))
    archive = "".join(f"<li><a href='/2011/{m:02d}/song-{i}.html'>歌词 {m}月 第{i}首</a></li>" for m in range(1, 13) for i in range(8))
    page = (f"<html><head><title>只能想念你 歌词</title></head><body><table><tr><td><ul>{archive}</ul></td>"
            f"<td><h1>只能想念你 歌词</h1><div>{lines}</div></td></tr></table></body></html>")
    document = extract_html(page.encode("utf-8"), "http://www.example-lyrics.com/2011/07/zhi-neng.html")
    assert document.page_type == "article" and "只能 想念你的夜 第0行" in (document.text or "")


def test_a_column_listing_is_a_list() -> None:
    items = "".join(f"<li><a href='/zwgk/2024{i:02d}/t2024{i:02d}01_{i}.html'>关于第{i}批项目的公示</a> 2024-{i:02d}-01</li>"
                    for i in range(1, 9))
    page = f"<html><head><title>通知公告</title></head><body><h1>通知公告</h1><ul class='list'>{items}</ul></body></html>"
    assert extract_html(page.encode("utf-8"), "http://www.mouxian.gov.cn/zwgk/tzgg/").page_type == "list"


def test_a_post_collecting_links_to_other_sites_is_an_article() -> None:
    items = "".join(f"<p><a href='https://site{i}.example.org/story'>Story number {i} on energy policy</a></p>"
                    f"<p>via Site {i} <a href='https://site{i}.example.org/'>https://site{i}.example.org</a></p>" for i in range(20))
    page = f"<html><head><title>Links of the week</title></head><body><h1>Links of the week</h1>{items}</body></html>"
    assert extract_html(page.encode("utf-8"), "https://blog.example.com/2024/01/23/links/").page_type == "article"


def test_a_chinese_article_with_code_is_chinese() -> None:
    code = "\n".join(f"    result_{i} = compute_value(input_data, threshold={i})" for i in range(30))
    page = (
        "<html><head><title>用Python处理数据</title></head><body><h1>用Python处理数据</h1>"
        "<p>本文介绍如何使用Python进行数据处理，包括读取、清洗和统计分析等常见步骤，适合初学者阅读参考。</p>"
        f"<pre>{code}</pre><p>以上代码展示了批量计算的写法，读者可以根据自己的需要调整参数，获得更好的效果。</p></body></html>"
    )
    document = extract_html(page.encode("utf-8"), "https://blog.example.cn/2024/05/12/python.html")
    assert document.language == "zh-cn"
    assert "    result_1 = compute_value" in (document.text or "")


def test_a_gallery_label_atop_the_text_is_dropped() -> None:
    page = (
        "<html><head><title>春日公园</title></head><body><h1>春日公园</h1><div class='content'>"
        f"<p>图集</p><p>{PROSE}</p><p>{CLOSING}</p></div></body></html>"
    )
    text = extract_html(page.encode("utf-8"), "https://news.example.cn/2024/05/12/456.html").text or ""
    assert text.split("\n")[0] == PROSE


NOTICE = [
    "各乡镇人民政府，县直各单位：",
    "经县政府同意，现就做好今年防汛工作通知如下：",
    "一、落实防汛责任",
    "各乡镇要严格落实防汛责任制，把责任落实到人。",
    "二、加强值班值守",
    "汛期实行24小时值班和领导带班制度。",
    "遇有重大情况要第一时间报告，不得迟报、漏报。",
    "某县人民政府办公室",
    "2024年5月8日",
]
#: The same notice as older editors write it: lines between ``<br>``, one ``<div>`` a line, ``<p>``s too short
#: (under 30 characters) to protect their table as the article's.
NOTICE_BODIES = {
    "br": "<br>".join(NOTICE) + "<br>",
    "div": "".join(f"<div>{line}</div>" for line in NOTICE),
    "short-p": "".join(f"<p>{line}</p>" for line in NOTICE),
}
#: The notice's sentences (its short headings are the model's to judge, not the prune's).
SENTENCES = [line for line in NOTICE if line.endswith(("。", "："))]
FOOTER = "主办单位：某县人民政府办公室　地址：城关镇人民路1号　赣ICP备05004567号　网站标识码：3601230001"


def _county_page(body: str, footer: str = f"<td>{FOOTER}</td>") -> bytes:
    """A county page laid out in one outer table whose last row is the footer (gov.toml prunes ICP备 tables)."""
    title = "关于做好2024年防汛工作的通知"
    return (
        f"<html><head><meta charset='utf-8'><title>{title}-某县人民政府</title></head><body><table>"
        "<tr><td><a href='/'>首页</a>　|　<a href='/zwgk/'>政务公开</a>　|　<a href='/xxgk/'>信息公开</a></td></tr>"
        "<tr><td><table><tr><td width='200'><table><tr><td><a href='/a'>通知公告</a></td></tr>"
        "<tr><td><a href='/b'>政策文件</a></td></tr></table></td>"
        f"<td width='770'><table><tr><td><font size='4'><b>{title}</b></font></td></tr>"
        f"<tr><td>发布时间：2024-05-08　浏览次数：356</td></tr><tr><td>{body}</td></tr></table></td></tr></table></td></tr>"
        f"<tr>{footer}</tr></table></body></html>"
    ).encode("utf-8")


@pytest.mark.parametrize("layout", NOTICE_BODIES)
def test_a_prune_match_holding_the_article_is_not_removed(layout: str) -> None:
    trail = extract_trail(_county_page(NOTICE_BODIES[layout]), GOV_URL)
    assert not any(f.reason == "profile_prune" for f in trail.blocks if f.text in NOTICE)
    text = trail.text or ""
    assert all(line in text for line in SENTENCES) and "ICP备" not in text


def test_a_footer_table_inside_the_refused_match_is_still_pruned() -> None:
    page = _county_page(NOTICE_BODIES["br"], footer=f"<td><table><tr><td>{FOOTER}</td></tr></table></td>")
    trail = extract_trail(page, GOV_URL)
    assert next(f for f in trail.blocks if "ICP备" in f.text).reason == "profile_prune"
    assert all(f.kept for f in trail.blocks if f.text in SENTENCES)


def test_a_large_match_of_any_profile_is_not_a_target() -> None:
    tree = parse_html(f"<html><body><div class='comment-wrap'><h1>标题</h1><p>{PROSE}</p><p>{CLOSING}</p>"
                      "<div class='comment'>网友评论：说得好，支持！</div></div></body></html>")
    assert tree is not None
    targets = prune_targets(tree, ["//*[contains(@class, 'comment')]"])
    assert [target.get("class") for target in targets] == ["comment"]


def test_totals_below_sum_every_blocks_values_into_each_of_its_ancestors() -> None:
    tree = parse_html(
        "<html><body><div id='a'><p>one line</p><div id='b'><p>two</p><span>three<br>four words</span></div></div>"
        "<table><tr><td>x</td><td>cell y</td></tr><tr><td>z</td><td>w</td></tr></table></body></html>"
    )
    assert tree is not None
    blocks = segment(tree)
    sizes = [float(len(block.text)) for block in blocks]
    odd = [float(i % 2) for i in range(len(blocks))]  # a column with zeros: those blocks add nothing
    by_size, by_odd = totals_below(blocks, sizes, odd)
    for column, totals in ((sizes, by_size), (odd, by_odd)):
        expected: dict = {}
        for value, block in zip(column, blocks):
            for node in [block.element, *block.element.iterancestors()]:
                if value:
                    expected[node] = expected.get(node, 0.0) + value
        assert totals == expected
    # listed in the order a walk up from each block, in page order, first meets them
    assert list(by_size) == list(dict.fromkeys(n for b in blocks for n in [b.element, *b.element.iterancestors()]))
