"""Headline and source rules on small hand-written pages: suffixes, prefixes, spam clusters, bylines."""

from __future__ import annotations

from crawler.extract import extract_html
from crawler.extract.spamtitles import is_spam
from crawler.extract.titles import headline_prefix, headline_suffix, longest_segment_shown, strip_suffixes, tidy, unlabelled_heading

BODY = "".join(f"<p>第{i}段：各地区各部门要坚持稳中求进工作总基调，推动经济实现质的有效提升和量的合理增长。</p>" for i in range(4))


def _page(head: str, top: str) -> bytes:
    return f"<html><head>{head}</head><body>{top}<div class='article-content'>{BODY}</div></body></html>".encode()


def test_headline_prefix_cuts_a_column_or_site_tail() -> None:
    lines = ["首页", "中华人民共和国监察法", "正文"]
    assert headline_prefix("中华人民共和国监察法-纪检", lines) == "中华人民共和国监察法"
    assert headline_prefix("关于开展大赛的通知 某某医院", ["关于开展大赛的通知"]) == "关于开展大赛的通知"
    assert headline_prefix("全国人民代表大会常务委员会关于批准的决议", ["全国人民代表大会常务委员会"]) is None


def test_site_name_meta_is_stripped_from_the_title() -> None:
    assert strip_suffixes("市政府召开常务会议 示例市人民政府", ("示例市人民政府",)) == "市政府召开常务会议"
    html = _page("<title>市政府召开常务会议 示例市人民政府</title><meta property='og:site_name' content='示例市人民政府'>", "")
    assert extract_html(html, "https://www.example.gov.cn/a.html", {}).title == "市政府召开常务会议"


def test_page_line_confirms_the_headline_before_the_site_tail() -> None:
    html = _page("<title>我院举办2019年专业技能大赛 某某省中医院</title>", "<div class='title'>我院举办2019年专业技能大赛</div>")
    assert extract_html(html, "https://www.example.org/a.html", {}).title == "我院举办2019年专业技能大赛"


def test_spam_keyword_cluster_is_a_hijacked_title() -> None:
    assert is_spam("澳门百家乐真人娱乐城", "关于做好防汛工作的通知")
    assert is_spam("最新电视剧全集在线观看", None)
    assert not is_spam("关于加强电视剧行业管理的通知", "关于加强电视剧行业管理的通知")


def test_number_unit_space_is_dropped() -> None:
    assert tidy("调整2007　年末国债余额") == "调整2007年末国债余额"
    assert tidy("打造科技湘军 充沛创新动能") == "打造科技湘军 充沛创新动能"


def test_byline_account_beats_a_reprint_credit_in_the_body() -> None:
    top = "<h1>京沪高速部分路段封闭施工</h1><p class='byline'><span class='source'>城市报道</span></p>"
    html = _page("<title>京沪高速部分路段封闭施工</title>", top).replace(b"</div></body>", "<p>来源：无锡交警</p></div></body>".encode())
    assert extract_html(html, "https://www.example.org/a.html", {}).source == "城市报道"


def test_a_date_line_is_not_a_source_name() -> None:
    # the account name's class is Baijiahao's template (crawler/sites/baijiahao.toml)
    top = "<h1>加拿大留学生新政策解读</h1><div class='article-source'>发布时间：10-08 12:00</div><p class='author-name'>留学必读</p>"
    html = _page("<title>加拿大留学生新政策解读</title>", top)
    assert extract_html(html, "https://baijiahao.baidu.com/s?id=1", {}).source == "留学必读"


def test_a_title_tail_with_sentence_punctuation_is_not_a_site_name() -> None:
    assert strip_suffixes("五月书单｜这5本新书，值得放进你的假期书包") == "五月书单｜这5本新书，值得放进你的假期书包"
    assert strip_suffixes("五月书单｜读书频道") == "五月书单"


def test_a_whole_title_shown_as_a_line_is_the_headline() -> None:
    raw = "五月书单｜这5本新书，值得放进你的假期书包"
    html = _page(f"<title>{raw}</title>", f"<div class='hd'>{raw}</div>")
    assert extract_html(html, "https://www.example.org/a.html", {}).title == raw


def test_a_site_tail_on_the_og_title_gives_way_to_the_heading() -> None:
    head = "<title>月份牌里的老上海 - 哔哩哔哩</title><meta property='og:title' content='月份牌里的老上海 - 哔哩哔哩'>"
    html = _page(head, "<h1>月份牌里的老上海</h1>")
    assert extract_html(html, "https://www.example.org/a.html", {}).title == "月份牌里的老上海"


def test_a_blog_name_heading_is_a_title_tail_not_the_headline() -> None:
    head = "<title>重访老家的那条河_林间小径_新浪博客</title>"
    html = _page(head, "<h1 class='blogtitle'>林间小径</h1><h2 class='titName'>重访老家的那条河</h2>")
    assert extract_html(html, "https://blog.example.org/a.html", {}).title == "重访老家的那条河"
    # the site's name first: the heading is the headline
    head = "<title>林间小径 - 重访老家的那条河</title><meta property='og:site_name' content='林间小径'>"
    html = _page(head, "<div class='logo'>林间小径</div><h1>重访老家的那条河</h1>")
    assert extract_html(html, "https://blog.example.org/a.html", {}).title == "重访老家的那条河"


def test_a_title_the_page_shows_is_not_a_hijacked_one() -> None:
    # a blog's <h1> names the blog in its own words: the <title> shares nothing with it,
    # but the page shows the <title>'s headline, so the <title> is the page's own
    head = "<title>科技成果转化的“最后一公里”_王教授_新浪博客</title>"
    html = _page(head, "<h1 class='blogtitle'>王教授的博客</h1><h2 class='titName'>科技成果转化的“最后一公里”</h2>")
    document = extract_html(html, "https://blog.example.org/a.html", {})
    assert (document.title, document.extra.get("spam_title")) == ("科技成果转化的“最后一公里”", None)
    # the site's name first, and a logo <h1>
    head = "<title>BMJV | Transparenz bei Preisanpassungen</title>"
    html = _page(head, "<h1>Bundesministerium der Justiz</h1><h2>Transparenz bei Preisanpassungen</h2>")
    document = extract_html(html, "https://www.example.de/a.html", {})
    assert (document.title, document.extra.get("spam_title")) == ("Transparenz bei Preisanpassungen", None)
    # a spam keyword cluster is caught even when the page shows a part of the <title> (the
    # site's name, longer than each spam part)
    head = "<title>百家乐真人娱乐城_在线投注_示例县科学技术局门户网站</title>"
    html = _page(head, "<div class='logo'>示例县科学技术局门户网站</div><h1>关于组织申报科技项目的通知</h1>")
    assert extract_html(html, "https://www.example.gov.cn/a.html", {}).extra.get("spam_title") is True
    # a hijacked <title> the page does not show is still caught
    head = "<title>某某科技有限公司专业生产各类工业阀门欢迎来电咨询</title>"
    html = _page(head, "<h1>王教授的博客</h1><h2>科技成果转化的“最后一公里”</h2>")
    assert extract_html(html, "https://blog.example.org/a.html", {}).extra.get("spam_title") is True


def test_longest_segment_shown() -> None:
    assert longest_segment_shown("BMJV | Transparenz bei Preisanpassungen", ["BMJV", "Transparenz bei Preisanpassungen"]) == (
        "Transparenz bei Preisanpassungen"
    )
    # a shorter part shown (the column's name) is not the headline
    assert longest_segment_shown("关于高校科研经费管理改革的几点看法 - 科研管理 - 科学网论坛", ["科研管理"]) is None
    assert longest_segment_shown("没有分隔的标题", ["没有分隔的标题"]) is None


def test_a_type_label_in_front_of_the_subject_is_not_the_headline() -> None:
    raw = "关于高校科研经费管理改革的几点看法 - 科研管理 - 科学网论坛 - Powered by Discuz!"
    assert unlabelled_heading(raw, ["[讨论] 关于高校科研经费管理改革的几点看法"]) == "关于高校科研经费管理改革的几点看法"
    assert unlabelled_heading(raw, ["【视频】关于高校科研经费管理改革的几点看法"]) == "关于高校科研经费管理改革的几点看法"
    # words, not a bracketed label, in front: the heading stays a heading
    assert unlabelled_heading(raw, ["再谈关于高校科研经费管理改革的几点看法"]) is None
    html = _page(f"<title>{raw}</title>", "<h1><a href='#'>[讨论]</a> <span>关于高校科研经费管理改革的几点看法</span></h1>")
    assert extract_html(html, "https://bbs.example.org/thread-1-1-1.html", {}).title == "关于高校科研经费管理改革的几点看法"


def test_a_source_glued_to_the_next_byline_field_ends_where_it_starts() -> None:
    top = "<h1>公募REITs扩募提速</h1><p><em>来源：中国证券报·中证网</em><em>作者：林书远</em><em>2024-05-20 07:15</em></p>"
    document = extract_html(_page("<title>公募REITs扩募提速</title>", top), "https://www.example.com.cn/a.html", {})
    assert (document.source, document.extra.get("author")) == ("中国证券报·中证网", "林书远")
    dotted = "<h1>AI PC元年</h1><div><span>作者：林一帆</span><span>·</span><span>来源：21世纪商业评论</span><span>·</span><time>2024-03-28 18:20</time></div>"
    document = extract_html(_page("<title>AI PC元年</title>", dotted), "https://www.example.com.cn/a.html", {})
    assert document.source == "21世纪商业评论"  # the dot before the next field is no part of the name


def test_the_headers_calendar_and_list_stamps_give_way_to_the_byline_time() -> None:
    calendar = "<div class='top'><span class='date'>2024年06月01日 星期六</span></div>"
    byline = "<h1>两融余额连续五周回升</h1><div class='info'><span>来源：证券时报网</span> <span>2024-05-20 08:30</span></div>"
    related = "<ul class='related'>" + "".join(
        f"<li><a href='/a/{i}.html'>相关新闻标题第{i}条</a><span class='time'>2024-05-1{i} 19:42</span></li>" for i in range(3)
    ) + "</ul>"
    html = f"<html><head><title>两融余额连续五周回升</title></head><body>{calendar}{byline}<div class='article-content'>{BODY}</div>{related}</body></html>"
    assert extract_html(html.encode(), "https://www.example.com.cn/a.html", {}).published == "2024-05-20T08:30:00+08:00"


def test_a_date_only_match_yields_to_a_time_on_the_same_day() -> None:
    top = "<h1>示例标题</h1><span class='date'>2024-05-20</span><p class='info'>示例日报 2024-05-20 08:30</p>"
    html = _page("<title>示例标题</title>", top)
    assert extract_html(html, "https://www.example.com.cn/a.html", {}).published == "2024-05-20T08:30:00+08:00"


def test_a_headline_that_asks_does_not_end_the_search_for_the_byline_time() -> None:
    title = "古籍数字化人才从哪里来？多所高校开设交叉课程探路"
    top = f"<h1>{title}</h1><div class='m-con-info'><span>来源：光明日报</span> <span>2024-05-20 05:30</span></div>"
    html = _page(f"<title>{title}</title><meta name='publishdate' content='2024-05-20'>", top)
    assert extract_html(html, "https://www.example.com.cn/a.html", {}).published == "2024-05-20T05:30:00+08:00"


def test_a_forum_members_sign_up_date_is_not_the_posts_time() -> None:
    top = ("<h1>周末骑车去江浦老山</h1><table><tr><td>楼主 紫金山下骑驴 发表于 2007-5-12 22:31:04</td></tr>"
           "<tr><td>等级：一品带刀<br>注册时间：2004-8-19</td></tr></table>")
    html = _page("<title>周末骑车去江浦老山</title>", top)
    assert extract_html(html, "http://www.example.net/d1.htm", {}).published == "2007-05-12T22:31:04+08:00"


def test_the_author_is_a_name_not_the_start_of_a_comment_or_a_sentence() -> None:
    comments = "<div class='comments'><p>林间小径 作者：哈哈，我以前也是，文件夹建了几十个。</p><p>记者：看到一些观点认为中国财富管理行业即将进入新阶段</p></div>"
    html = f"<html><head><title>示例标题</title></head><body><h1>示例标题</h1><div class='article-content'>{BODY}</div>{comments}</body></html>"
    assert extract_html(html.encode(), "https://www.example.com/a.html", {}).extra.get("author") is None
    byline = "<p>（作者：张三，中国人民大学教授）</p>"
    html = _page("<title>示例标题</title>", f"<h1>示例标题</h1>{byline}")
    assert extract_html(html, "https://www.example.com/a.html", {}).extra.get("author") == "张三"


def test_the_json_ld_author_comes_before_a_label_in_the_comments() -> None:
    ld = '<script type="application/ld+json">{"@type": "BlogPosting", "author": [{"@type": "Person", "name": "前端小鹿"}]}</script>'
    comments = "<div class='comments'><p>前端小鹿作者：哈哈，大家都踩过</p></div>"
    html = f"<html><head><title>示例标题</title>{ld}</head><body><h1>示例标题</h1><div class='article-content'>{BODY}</div>{comments}</body></html>"
    assert extract_html(html.encode(), "https://www.example.com/a.html", {}).extra.get("author") == "前端小鹿"


def test_a_captions_picture_or_data_credit_is_not_the_source() -> None:
    caption = "<p>上海一处商圈内的新式茶饮门店。图片来源：全景视觉</p><p>数据来源：Wind</p>"
    html = f"<html><head><title>示例标题</title></head><body><h1>示例标题</h1><div class='article-content'>{BODY}{caption}</div></body></html>"
    assert extract_html(html.encode(), "https://www.example.com/a.html", {}).source is None
    credited = _page("<title>示例标题</title>", "<h1>示例标题</h1><p>来源：经济观察网</p>")
    assert extract_html(credited, "https://www.example.com/a.html", {}).source == "经济观察网"


def test_a_chuchu_label_names_the_source() -> None:
    top = "<h1>示例标题</h1><div class='info'>2015-08-12 10:32:18 出处：<a href='/'>驱动之家</a> 作者：宋江涛</div>"
    document = extract_html(_page("<title>示例标题</title>", top), "https://www.example.com/a.html", {})
    assert (document.source, document.extra.get("author")) == ("驱动之家", "宋江涛")


def test_a_site_name_in_front_of_the_headline_is_cut_when_the_page_shows_the_rest() -> None:
    assert headline_suffix("光明日报：一把剪刀剪出的传承路", ["一把剪刀剪出的传承路"]) == "一把剪刀剪出的传承路"
    assert headline_suffix("商务部：中方已做好充分准备", ["中方已做好充分准备"]) == "中方已做好充分准备"
    assert headline_suffix("我国首个深远海漂浮式风电项目全容量并网", ["全容量并网"]) is None  # no separator
    assert headline_suffix("央视国际－我国沙尘暴监测网基本建成", ["我国沙尘暴监测网基本建成"]) == "我国沙尘暴监测网基本建成"  # a full-width hyphen
    html = _page("<title>光明日报：一把剪刀剪出的传承路</title>", "<table><tr><td class='font_title'>一把剪刀剪出的传承路</td></tr></table>")
    assert extract_html(html, "https://www.example.com.cn/a.html", {}).title == "一把剪刀剪出的传承路"


def test_a_time_after_a_bar_and_a_byline_under_a_breadcrumb_that_ends_with_the_headline() -> None:
    top = "<h2>老菜市场里的慢时光</h2><div class='item-info'>分类：旅行笔记　2008-05-12 | 21:34</div>"
    html = _page("<title>老菜市场里的慢时光</title>", top)
    assert extract_html(html, "https://www.example.com.cn/a.html", {}).published == "2008-05-12T21:34:00+08:00"
    title = "结果怎么按次数排序？"
    crumb = f"<div class='nav'>论坛首页 » Shell编程 » 用awk统计日志中每个IP的访问次数，{title}</div>"
    top = f"{crumb}<h1>用awk统计日志中每个IP的访问次数，{title}</h1><em>楼主 发表于 2009-3-16 10:23</em>"
    html = _page(f"<title>用awk统计日志中每个IP的访问次数，{title}</title>", top)
    assert extract_html(html, "https://www.example.com.cn/a.html", {}).published == "2009-03-16T10:23:00+08:00"
    # a greeting menu above the headline is no sentence: the byline under the headline still counts
    menu = "<div class='top'>欢迎来到示例网！登录 | 免费注册 | 产品库 | 论坛 | 博客</div>"
    top = f"{menu}<h1>三网融合试点两个多月</h1><div class='detailInfo'>2010年09月13日 07:38　作者：李晓</div>"
    html = _page("<title>三网融合试点两个多月</title>", top)
    assert extract_html(html, "https://www.example.com.cn/a.html", {}).published == "2010-09-13T07:38:00+08:00"


def test_a_time_labelled_as_posted_below_the_text_is_read() -> None:
    html = _page("<title>示例标题</title>", "<h1>示例标题</h1>").replace(b"</body>", "<div class='ContentItem-time'>发布于 2024-03-18 21:47・IP 属地北京</div></body>".encode())
    assert extract_html(html, "https://www.example.com/question/1/answer/2", {}).published == "2024-03-18T21:47:00+08:00"


def test_an_update_time_yields_to_the_bylines_time() -> None:
    top = ("<h1>储能需求爆发</h1><div class='info'>2022/08/16 11:52 示例财经新闻</div>"
           "<table><tr><td>报价延迟最少15分钟 · 更新时间：2022/08/16 11:50</td></tr></table>")
    html = _page("<title>储能需求爆发</title>", top)
    assert extract_html(html, "https://www.example.com/a.html", {}).published == "2022-08-16T11:52:00+08:00"
    only = _page("<title>储能需求爆发</title>", "<h1>储能需求爆发</h1><p>更新时间：2022-08-16 11:50</p>")
    assert extract_html(only, "https://www.example.com/a.html", {}).published == "2022-08-16T11:50:00+08:00"


def test_a_confirmed_title_loses_the_site_name_the_page_shows_it_without() -> None:
    head = "<title>个税汇算退了2360元，手把手教你每一步 - 小红书</title><meta name='og:title' content='个税汇算退了2360元，手把手教你每一步 - 小红书'>"
    html = _page(head, "<div class='title'>个税汇算退了2360元，手把手教你每一步</div>")
    assert extract_html(html, "https://www.example.com/a.html", {}).title == "个税汇算退了2360元，手把手教你每一步"
    # a subtitle of several words after the bar is no site name
    head = "<title>Durch die Gegend | Mit Musiker Voodoo Jürgens in Wien</title><meta property='og:title' content='Durch die Gegend | Mit Musiker Voodoo Jürgens in Wien'>"
    html = _page(head, "<div class='kicker'>Durch die Gegend</div>")
    assert extract_html(html, "https://www.example.com/a.html", {}).title == "Durch die Gegend | Mit Musiker Voodoo Jürgens in Wien"


def test_a_comments_reply_date_is_not_the_posts() -> None:
    top = "<h1>神七出舱的几个细节</h1><div class='info'>发表于：2009-06-18 22:41 分类：行业观察</div>"
    comment = "<div class='comment'>作者：深蓝鲸鱼 回复日期：2009-6-18 23:05:17</div>"
    html = _page("<title>神七出舱的几个细节</title>", top + comment)
    assert extract_html(html, "https://www.example.com/a.html", {}).published == "2009-06-18T22:41:00+08:00"


def test_a_yymmddhh_folder_in_the_url_is_no_date_before_1990() -> None:
    top = "<h1>上半年建筑钢材市场回顾</h1><div class='info'><span class='date'>2019-07-10 09:12</span></div>"
    html = _page("<title>上半年建筑钢材市场回顾</title>", top)
    assert extract_html(html, "https://news.example.com/a/19071009/3D5C8A1E.html", {}).published == "2019-07-10T09:12:00+08:00"


def test_a_forum_threads_first_post_time_follows_its_posted_label() -> None:
    top = "<h1>安卓手机为什么待机也掉电？</h1><p>公告：本版严禁发布广告帖，违者封号处理，请大家互相监督。</p>"
    panel = "<table><tr><td>注册时间</td></tr><tr><td>2010-9-27</td></tr><tr><td>发表于 2012-4-10 23:06|只看该作者</td></tr></table>"
    html = _page("<title>安卓手机为什么待机也掉电？</title>", top + panel)
    assert extract_html(html, "http://bbs.example.com/thread-1-1.html", {}).published == "2012-04-10T23:06:00+08:00"


def test_a_text_blogs_posted_at_line_under_the_post_gives_its_time() -> None:
    body = "<p>最近在实验室的两张 A100 上部署了 Qwen-14B-Chat，对外提供和 OpenAI 兼容的接口，记录一下踩过的坑和解决办法。</p>" * 3
    tail = "<div class='postDesc'>posted @ <span>2023-11-09 21:47</span>&nbsp;<a href='/u/'>木石前盟</a>&nbsp; 阅读(1532)</div>"
    html = _page("<title>用 vLLM 部署 Qwen - 木石前盟 - 博客园</title>", f"<h1>用 vLLM 部署 Qwen</h1>{body}{tail}")
    assert extract_html(html, "https://www.cnblogs.com/u/p/17823.html", {}).published == "2023-11-09T21:47:00+08:00"


def test_a_questions_resolution_time_is_not_its_asking_time() -> None:
    top = ("<h1>CPI是怎么算出来的？</h1><div>悬赏分：10 - 解决时间：2008-03-13 16:20</div>"
           "<div>提问者：小城故事多 提问时间：2008-03-12 09:35</div>")
    html = _page("<title>CPI是怎么算出来的？</title>", top)
    assert extract_html(html, "http://iask.example.com/b/1.html", {}).published == "2008-03-12T09:35:00+08:00"


def test_the_json_ld_articles_publication_time_and_a_marked_time_element_are_read() -> None:
    ld = '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-12-08T17:45:00-06:00"}</script>'
    html = _page("<title>示例标题</title>" + ld, "<h1>示例标题</h1>")
    assert extract_html(html, "https://www.example.com/a.html", {}).published == "2021-12-08T17:45:00-06:00"
    marked = _page("<title>示例标题</title>", "<h1>示例标题</h1><time itemprop='datePublished' datetime='2017-08-23T15:35:08+00:00'>8/23/2017</time>")
    assert extract_html(marked, "https://www.example.com/a.html", {}).published == "2017-08-23T15:35:08+00:00"
    # a review's date in JSON-LD is not the page's
    review = '<script type="application/ld+json">{"@type":"Review","datePublished":"2001-01-01T00:00:00Z"}</script>'
    html = _page("<title>示例标题</title>" + review, "<h1>示例标题</h1><div class='info'>2021-12-08 17:45</div>")
    assert extract_html(html, "https://www.example.com/a.html", {}).published == "2021-12-08T17:45:00+08:00"


def test_a_double_hyphen_separates_the_title_and_tool_buttons_may_follow_the_shown_headline() -> None:
    raw = "色影无忌 -- 器材讨论 -- 像素密度与高感噪点：写给纠结APS-C还是全画幅的朋友"
    lines = ["作者", "像素密度与高感噪点：写给纠结APS-C还是全画幅的朋友 [打印] [推荐给朋友] [浏览: 6518]"]
    assert longest_segment_shown(raw, lines) == "像素密度与高感噪点：写给纠结APS-C还是全画幅的朋友"
    assert longest_segment_shown(raw, ["像素密度与高感噪点：写给纠结APS-C还是全画幅的朋友一文的读后感"]) is None


def test_an_svg_icons_title_is_not_the_documents() -> None:
    head = "<title>Nationale Wasserstoffstrategie: Regierung will Elektrolyse-Ziel anheben - DER SPIEGEL</title><meta property='og:site_name' content='DER SPIEGEL'>"
    top = "<a href='/'><svg><title>DER SPIEGEL</title></svg></a><h2>Nationale Wasserstoffstrategie: Regierung will Elektrolyse-Ziel anheben</h2>"
    html = _page(head, top)
    assert extract_html(html, "https://www.example.de/a.html", {}).title == "Nationale Wasserstoffstrategie: Regierung will Elektrolyse-Ziel anheben"


def test_a_forums_name_as_its_heading_gives_way_to_the_subject_the_title_ends_with() -> None:
    head = "<title>Solar Power Forum UK &bull; View topic - Our 3.92kWp east/west install – questions and results</title>"
    top = "<h1>Solar Power Forum UK</h1><h2><a href='/t/1'>Our 3.92kWp east/west install – questions and results</a></h2>"
    html = _page(head, top)
    assert extract_html(html, "https://forum.example.co.uk/viewtopic.php?t=1", {}).title == "Our 3.92kWp east/west install – questions and results"


def test_a_source_ends_where_a_writers_or_photographers_field_starts() -> None:
    top = "<h1>水稻育种取得新进展</h1><div class='info'>来源：农业与生物技术学院撰稿：林舒婷发布时间：2018-05-23浏览次数：4219</div>"
    html = _page("<title>水稻育种取得新进展</title>", top)
    assert extract_html(html, "https://www.example.edu.cn/a.html", {}).source == "农业与生物技术学院"
    slash = "<h1>快递下乡</h1><div class='art-info'><em>2012-08-24 10:32</em><em>来源：看天下</em><em>文/ 孙晓蕾</em></div>"
    html = _page("<title>快递下乡</title>", slash)
    assert extract_html(html, "https://www.example.com/a.html", {}).source == "看天下"  # a writer's credit written with a slash


def test_a_blogs_hatom_publication_time_beats_a_url_that_only_looks_dated() -> None:
    top = ("<h2 class='date-header'><span>Sunday, March 14, 2010</span></h2><h3>A 30m WSPR beacon from junk-box parts</h3>"
           "<span class='post-timestamp'>at <abbr class='published' title='2010-03-14T20:15:00-05:00'>8:15 PM</abbr></span>")
    html = _page("<title>Bench notes: A 30m WSPR beacon from junk-box parts</title>", top)
    url = "http://bench.example.com/2010/03/30m-wspr-beacon-from-junk-box-parts.html"
    assert extract_html(html, url, {}).published == "2010-03-14T20:15:00-05:00"



def test_a_title_classed_box_gives_the_headline_when_the_title_is_only_the_sites_name() -> None:
    body = "<p>新华社北京6月25日电　6月25日14时7分，嫦娥六号返回器准确着陆于内蒙古四子王旗预定区域，工作正常。</p>" * 3
    page = ("<html><head><title>学习强国</title></head><body><a class='share-title'>学习强国</a>"
            "<div class='render-detail-article-title'><div class='render-detail-title'>嫦娥六号返回器携带月背样品安全着陆</div></div>"
            f"<div class='render-detail-content'>{body}</div></body></html>")
    assert extract_html(page.encode(), "https://www.xuexi.cn/lgpage/detail/index.html?id=1", None).title == "嫦娥六号返回器携带月背样品安全着陆"
    # a <title> of two parts names the entry first: it stays
    entry = page.replace("<title>学习强国</title>", "<title>蔡健雅_百度百科</title>")
    assert extract_html(entry.encode(), "https://baike.baidu.com/item/x", None).title != "嫦娥六号返回器携带月背样品安全着陆"


def test_a_spelled_date_above_the_text_gives_the_day_when_nothing_else_does() -> None:
    from crawler.extract.spelleddates import spelled_day

    for line, day in (("March 4, 2015", "2015-03-04"), ("20. Juni 2017, 12:47 Uhr", "2017-06-20"), ("August 26, 2020 4:07 PM ET", "2020-08-26"),
                      ("Published: Mar. 4, 2015", "2015-03-04"), ("jeudi 4 mars 2015 à 10h30", "2015-03-04"),
                      ("Publicado: Jueves, 21 Abril 2022 04:45", "2022-04-21"), ("Donnerstag, 16. Februar 2012", "2012-02-16")):
        assert spelled_day(line) == day, line
    # an update, a sidebar's creation date, a sentence, a month without its day
    for line in ("Updated March 5, 2015", "Created Jan 25, 2008", "In March 2015 the plant opened.", "Mai 2015", "May 32, 2015"):
        assert spelled_day(line) is None, line
    body = "<p>Nonvolatile memory technologies have been just around the corner for years, and now they are here.</p>" * 3
    page = f"<html><head><title>DAX and persistent memory</title></head><body><h1>DAX and persistent memory</h1><p>By Nadia Kerr</p><p>March 4, 2015</p>{body}</body></html>"
    assert extract_html(page.encode(), "https://lwn.net/Articles/634199/", None).published == "2015-03-04"


def test_a_day_first_date_in_figures_gives_the_day_where_it_cannot_be_month_first() -> None:
    from crawler.extract.spelleddates import spelled_day

    for line, day in (("10.11.2021", "2021-11-10"), ("01.11.2023 11:35", "2023-11-01"), ("Datum: 01.02.2020, 12:47 Uhr", "2020-02-01"),
                      ("Posté le 09-04-2013 à 22:14:37", "2013-04-09"), ("Publié le 09/04/2013 à 22h14", "2013-04-09"),
                      ("Pubblicato il 12/11/2021 alle 10:32", "2021-11-12"), ("Veröffentlicht am 3.5.2019", "2019-05-03")):
        assert spelled_day(line) == day, line
    # slashes or dashes without a European label may be month first; no month 13; an update; a version number
    for line in ("04/09/2013", "Posted 04/09/2013", "09-04-2013", "31.13.2012", "Aktualisiert am 09.04.2013", "1.2.3.2013"):
        assert spelled_day(line) is None, line


def test_a_date_only_meta_yields_to_the_time_the_page_states_as_data_for_that_day() -> None:
    body = "<p>California is betting on batteries to keep the lights on after the blackouts of August.</p>" * 3
    ld = '{"@context":"http://schema.org","@type":"NewsArticle","datePublished":"2020-08-26T16:07:00-04:00"}'
    page = (f"<html><head><title>Batteries</title><meta name='date' content='2020-08-26'><script type='application/ld+json'>{ld}</script>"
            f"</head><body><h1>Batteries</h1>{body}</body></html>")
    assert extract_html(page.encode(), "https://www.npr.org/2020/08/26/x", None).published == "2020-08-26T16:07:00-04:00"
    # a structured time of another day does not replace the meta's day
    other = page.replace("2020-08-26T16:07", "2020-08-24T16:07")
    assert extract_html(other.encode(), "https://www.npr.org/2020/08/26/x", None).published.startswith("2020-08-26")


def test_a_forums_title_with_its_site_and_board_in_front_gives_the_subject_its_page_labels() -> None:
    raw = "ChinaRen社区 - 高考志愿 - 大四学长说几句实话：报计算机专业之前要想清楚的几件事"
    body = "<p>我是计算机系大四的学生，最近看到很多学弟学妹在问要不要报计算机专业，说几句实话。</p>" * 3
    page = (f"<html><head><title>{raw}</title></head><body><table><tr><td><b>主题：大四学长说几句实话：报计算机专业之前要想清楚的几件事</b>"
            f" <font>[浏览：6214 回复：93]</font></td></tr></table>{body}</body></html>")
    assert extract_html(page.encode("gbk"), "http://club.chinaren.com/b/x.html", {"Content-Type": "text/html; charset=gbk"}).title == (
        "大四学长说几句实话：报计算机专业之前要想清楚的几件事")


def test_a_quote_boxs_data_time_is_not_the_pages_and_a_glued_counter_is_no_part_of_a_name() -> None:
    from crawler.extract.dates import labelled_dates
    from crawler.extract.metadata import _SOURCE, _value
    from crawler.extract.titles import headline_suffix

    assert labelled_dates(["实时行情 数据时间：2021-09-24 16:30", "发布时间：2021-09-24 17:45"])[0] == "2021-09-24T17:45:00+08:00"
    assert labelled_dates(["净值日期：2022-04-15 基金过往业绩不代表未来表现"]) == (None, None)
    for line, name in (("来源：动脉网阅读 6,247", "动脉网"), ("来源：咪咕阅读", "咪咕阅读"), ("来源：QQ阅读 作者：林", "QQ阅读")):
        assert _value(_SOURCE.search(line)) == name, line
    # a BBS's <title>: the station and the view before the subject, with two-dash separators
    subject = "[讨论]3月19日那个肉眼可见的伽马暴GRB 080319B"
    assert headline_suffix(f"北大未名站 -- 同主题阅读 -- {subject}", [subject]) == subject


def test_a_bylines_day_beats_a_side_lists_date_and_a_value_ends_at_a_glued_analysts_label() -> None:
    from crawler.extract.dates import opening_day
    from crawler.extract.metadata import _SOURCE, _value

    assert opening_day(["上半年债券基金回顾", "2017-07-12 | 作者：晨星（中国）研究中心 陈思远"]) == "2017-07-12"
    assert opening_day(["2017年07月12日 星期三", "上半年债券基金回顾"]) is None  # a header's calendar
    assert opening_day(["上半年债券基金回顾", "作者：陈思远"]) is None
    assert _value(_SOURCE.search("2023-07-28 16:05来源：卓创资讯分析师：孙立娜产品：PP")) == "卓创资讯"


def test_a_blogs_posted_by_line_and_an_update_label_give_their_times() -> None:
    from crawler.extract.dates import labelled_dates, posted_date

    assert posted_date(["posted by 半瓶墨水 @ 2007-06-23 01:14 | 永久链接 | 阅读(1247)", "路过的猫 发表于 2007-06-23 09:12"]) == "2007-06-23T01:14:00+08:00"
    # the CSDN blog of 2008: the post's ``发表于 @`` stamp under the text, before the comments' own
    assert posted_date(["发表于 @ 2008年10月15日 14:32:00 | 评论( 3 )", "#1楼 网友 发表于2008-10-15 16:05:12 IP: 211.100.*.*"]) == (
        "2008-10-15T14:32:00+08:00")
    assert labelled_dates(["更新于2019年4月18日 06:21"]) == (None, "2019-04-18T06:21:00+08:00")
    assert labelled_dates(["更新于2019年4月18日 06:21", "发布时间：2019-04-17 22:10"])[0] == "2019-04-17T22:10:00+08:00"


def test_a_source_is_no_sentence_and_ends_before_the_font_buttons() -> None:
    from crawler.extract.metadata import _SOURCE, _bare_name, _value

    assert _bare_name("未经正式授权严禁转载本文，侵权必究。") is None and _bare_name("界面新闻") == "界面新闻"
    assert _value(_SOURCE.search("来源：央视新闻客户端A+A-打印")) == "央视新闻客户端"


def test_a_phpwind_posts_posted_label_gives_the_threads_time_not_the_members_sign_up_day() -> None:
    panel = "<div>长安老周<br>级别: 论坛游民<br>注册时间: 2006-09-14<br>最后登录: 2008-07-02</div>"
    post = "<div>上周六趁天气不算太热，和老婆带着孩子去了趟刚开放没多久的曲江池遗址公园，整体感觉很不错。</div>" * 3
    footer = "<div>顶端 引用 编辑 举报 [楼 主] | Posted: 2008-07-02 10:25</div>"
    html = _page("<title>实地走访：曲江池遗址公园开放后，周边的变化</title>", f"<h1>实地走访：曲江池遗址公园开放后，周边的变化</h1>{panel}{post}{footer}")
    assert extract_html(html, "http://bbs.hsw.cn/read-htm-tid-1283641.html", {}).published == "2008-07-02T10:25:00+08:00"


def test_a_zoned_time_element_gives_the_clock_time_of_the_day_found_and_a_numeric_media_id_is_no_source() -> None:
    head = "<title>Ender 3 layer shift after firmware update</title><meta name='mediaid' content='6105713761'>"
    post = ("<h1>Ender 3 layer shift after firmware update</h1><div>kestrel_prints · Jun 12, 2018</div>"
            "<div><time datetime='2018-06-12T14:23:51-0400'>Jun 12, 2018</time></div>"
            + "<p>After flashing the new firmware my prints shift along the Y axis about halfway up every part.</p>" * 3)
    document = extract_html(_page(head, post), "https://forum.example.org/threads/ender-3-layer-shift.51377/", {})
    assert document.published == "2018-06-12T14:23:51-04:00"
    assert document.source is None


def test_a_date_tile_of_day_over_year_and_month_gives_the_day() -> None:
    from crawler.extract.spelleddates import tile_day

    assert tile_day(["当前位置：首页 > 清华新闻 > 正文", "03", "2024.06", "清华大学举办论坛"]) == "2024-06-03"
    assert tile_day(["2023-11", "28"]) == "2023-11-28"
    assert tile_day(["第3页", "2024.06"]) is None and tile_day(["40", "2024.06"]) is None


def test_a_weekday_between_day_and_time_and_vbulletins_comma_keep_the_clock_time() -> None:
    from crawler.extract.dates import parse_date

    assert parse_date("2016年 9月 7日 星期三 14:32 BJT") == "2016-09-07T14:32:00+08:00"
    assert parse_date("2012-09-14, 22:05") == "2012-09-14T22:05:00+08:00"
    # a header's clock after a weekday and a one-digit hour (ucoz: ``Samstag, 2016-10-08, 0:26 AM``) gives no time
    assert parse_date("Samstag, 2016-10-08, 0:26 AM") == "2016-10-08"
    assert parse_date("2016年9月7日 星期三") == "2016-09-07"


def test_a_greeting_beside_the_sign_in_links_is_no_sentence_above_the_byline() -> None:
    from crawler.extract.dates import head_lines

    lines = ["您好，欢迎来到我爱卡！ 登录 | 免费注册", "多家银行收紧信用卡积分规则", "2016-08-23 10:15　来源：我爱卡", "进入8月以来，已有多家银行陆续发布公告。"]
    assert head_lines(lines) == lines[:3]
    # a sentence that welcomes (it ends with its full stop) is the text
    assert head_lines(["欢迎符合条件的科技型中小企业登录服务平台注册并在线提交申报材料。", "2016-08-23 10:15"]) == []


def test_a_blogs_creation_day_and_a_comments_published_label_do_not_beat_the_byline() -> None:
    from crawler.extract.dates import labelled_dates, posted_date

    assert labelled_dates(["建立时间：2007-03-12", "创建时间：2007-03-12"]) == (None, None)
    assert labelled_dates(["zhangsan_jj 发布于 2010-06-08 10:32"]) == (None, None)  # a post's stamp: posted_date's
    assert posted_date(["zhangsan_jj 发布于 2010-06-08 10:32"]) == "2010-06-08T10:32:00+08:00"
    assert posted_date(["发布于 2014-03-12", "编辑于 2014-03-20"]) == "2014-03-12"  # an answer's day
    body = "<p>今年以来，大蒜、绿豆等小宗农产品价格轮番上涨，网友们用“蒜你狠”来调侃。</p>" * 3
    top = "<h2>蒜你狠背后</h2><div>2010-06-08 09:15:32 / 个人分类：宏观经济</div>"
    tail = "<dl><dt>zhangsan_jj 发布于 2010-06-08 10:32</dt><dd>说得好。</dd></dl><ul><li>建立时间：2007-03-12</li></ul>"
    html = f"<html><head><title>蒜你狠背后</title></head><body>{top}<div class='entry'>{body}</div>{tail}</body></html>"
    assert extract_html(html.encode(), "http://blog.ce.cn/html/63/106163-501234.html", {}).published == "2010-06-08T09:15:32+08:00"


def test_a_byline_stating_its_day_after_on_gives_the_day() -> None:
    from crawler.extract.spelleddates import byline_day

    assert byline_day(["Ask HN: How do you keep a small SaaS alive?", "412 points by throwaway_ops on Mar 14, 2020 | hide | past"]) == "2020-03-14"
    assert byline_day(["Posted by admin on March 3, 2020 in News"]) == "2020-03-03"
    assert byline_day(["The plant opened on March 3, 2020 after years of delays and a long fight over the permits."]) == "2020-03-03"
    assert byline_day(["Rated on a scale of 1 to 10"]) is None


def test_a_title_of_site_and_column_names_yields_to_the_title_classed_box() -> None:
    body = "<p>9月1日，招商银行“金融知识普及月”主题宣传活动正式启动，活动将覆盖客户及社会公众超过1000万人次。</p>" * 3
    page = ("<html><head><title>招商银行 -- 招行新闻</title></head><body><ul><li><a href='/news/'>招行新闻</a></li></ul>"
            "<div class='newsTitle'><span>招商银行“金融知识普及月”活动启动</span></div>"
            f"<div class='newsDate'>发布日期：2021-09-15</div><div class='newsContent'>{body}</div></body></html>")
    assert extract_html(page.encode(), "http://www.cmbchina.com/cmbinfo/news/newsinfo.aspx?guid=1", None).title == "招商银行“金融知识普及月”活动启动"


def test_a_logos_heading_that_is_the_titles_tail_is_no_headline_and_a_title_classed_link_is() -> None:
    headline = "I spent two years failing to reproduce a published CRISPR screen"
    body = "<div class='md'><p>When I started my postdoc I was handed a project built on a screen published in a good journal.</p></div>" * 3
    page = (f"<html><head><title>{headline} : labrats</title></head><body><h1 class='redditname'><a>labrats</a></h1>"
            f"<p class='title'><a class='title' href='/r/labrats/comments/1/'>{headline}</a> <span>(self.labrats)</span></p>{body}</body></html>")
    assert extract_html(page.encode(), "https://old.reddit.com/r/labrats/comments/1/", None).title == headline


def test_a_shown_heading_opening_the_og_title_is_the_headline() -> None:
    body = "<p>Starting seeds indoors gives your garden a head start of several weeks and lets you grow rare varieties.</p>" * 3
    page = ("<html><head><title>How to Start Seeds Indoors (with Pictures) - wikiHow</title>"
            "<meta property='og:title' content='How to Start Seeds Indoors (with Pictures) - wikiHow'></head>"
            f"<body><h1><a href='/Start-Seeds-Indoors'>How to Start Seeds Indoors</a></h1>{body}</body></html>")
    assert extract_html(page.encode(), "https://www.wikihow.com/Start-Seeds-Indoors", None).title == "How to Start Seeds Indoors"


def test_a_glued_counters_label_ends_a_source_and_short_names_before_a_headline_are_the_sites() -> None:
    from crawler.extract.metadata import _SOURCE, _value
    from crawler.extract.titles import headline_suffix

    assert _value(_SOURCE.search("2020-07-06 09:30来源：嘉实基金阅读量：--")) == "嘉实基金"
    headline = "2020年“7·8全国保险公众宣传日”系列活动在线举行"
    assert headline_suffix(f"中国保险行业协会 行业动态 {headline}", [headline]) == headline
    assert headline_suffix("观察 中国经济的韧性从何而来", ["中国经济的韧性从何而来"]) is None  # a kicker of two characters


def test_a_side_lists_date_stamps_give_way_to_the_articles_date() -> None:
    side = "<table class='left'>" + "".join(
        f"<tr><td><a href='/n/{i}.htm'>关于调整期货交割升贴水的公告第{i}号</a><br><span class='date'>2020-09-0{i}</span></td></tr>" for i in (7, 4, 2)
    ) + "</table>"
    top = side + "<div class='wz_title'>郑商所赴新疆开展棉花期货服务产业调研</div><div>发布时间：2020-09-10　来源：郑州商品交易所</div>"
    html = _page("<title>郑州商品交易所</title>", top)
    assert extract_html(html, "http://www.example.com.cn/cn/a.htm", {}).published == "2020-09-10"
    # the byline's own stamp of that class still counts
    byline = "<h1>郑商所赴新疆开展棉花期货服务产业调研</h1><p><span class='date'>2020-09-10</span> 来源：郑商所</p>"
    assert extract_html(_page("<title>调研</title>", byline), "http://www.example.com.cn/cn/a.htm", {}).published == "2020-09-10"


def test_a_cookie_banner_above_the_header_does_not_end_the_head_of_the_page() -> None:
    top = ("<div class='cookie'>本網站使用cookies以改善閣下的瀏覽體驗。繼續瀏覽本網站即表示閣下同意我們使用cookies。</div>"
           "<h1>香港交易所推出全新可持續金融網上學習平台</h1><div class='meta'><span class='d'>2021年6月28日</span></div>")
    html = _page("<title>香港交易所推出全新可持續金融網上學習平台</title>", top)
    assert extract_html(html, "https://www.example.com.hk/News/a", {}).published == "2021-06-28"


def test_a_bare_title_the_page_names_as_its_source_yields_to_the_title_classed_heading() -> None:
    top = ("<h2 class='detail_title'>中金所在京举办国债期货服务商业银行专题培训</h2>"
           "<div class='detail_info'><span>时间：2019-11-08</span> <span>来源：中国金融期货交易所</span></div>")
    html = _page("<title>中国金融期货交易所</title>", top)
    assert extract_html(html, "http://www.example.com.cn/jysdt/a.html", {}).title == "中金所在京举办国债期货服务商业银行专题培训"


def test_microdata_on_a_span_gives_the_time_and_an_image_source_is_no_source() -> None:
    body = "".join(f"<p>The pantry gave out {n} parcels this week, volunteers said, and expects more next week.</p>" for n in range(6))
    html = (
        "<html><head><title>Pantry demand triples</title></head><body><article><h1>Pantry demand triples</h1>"
        '<span class="byline-date" itemprop="datePublished" content="2019-06-18T05:00:00+12:00">05:00, Jun 18 2019</span>'
        f"{body}<p><em>Image Source: Really Good Emails</em></p></article>"
        '<ul><li><span itemprop="datePublished" content="2019-05-01T10:00:00+12:00">May 1</span> Older story</li></ul>'
        "</body></html>"
    ).encode()
    document = extract_html(body=html, url="https://www.example.co.nz/news/1", headers={})
    assert document.published == "2019-06-18T05:00:00+12:00"
    assert document.source is None
