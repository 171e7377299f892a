"""Firebird BBS posts (水木社区 and its family): the first post's text, without headers, signature or replies."""

from __future__ import annotations

from crawler.extract import extract_html
from crawler.extract.bbsposts import first_post, post_verdicts
from crawler.extract.dates import parse_ctime
from crawler.extract.postclean import postclean, postclean_verdicts
from crawler.extract.titles import labelled_subjects

HEADER = [
    "发信人: lakeside (湖边), 信区: Science",
    "标  题: 实验室换了新的离心机，说说使用体会",
    "发信站: 水木社区 (Tue Apr  7 21:05:44 2015), 站内",
]
POST = [
    "上周实验室终于把用了十二年的老离心机换掉了，新机器转速高，噪音小了一大半。",
    "最明显的变化是预冷快，以前要等二十分钟，现在不到八分钟就能到四度。",
    "唯一的问题是转子比以前重，师妹一个人搬起来有点吃力。",
]
SIGN_OFF = ["--", "实验做不完，论文写不完。", "※ 来源:·水木社区 http://www.newsmth.net·[FROM: 166.111.*.*]"]
REPLY = [
    "发信人: oldhand (老手), 信区: Science",
    "标  题: Re: 实验室换了新的离心机，说说使用体会",
    "发信站: 水木社区 (Tue Apr  7 21:30:02 2015), 站内",
    "转子记得定期做平衡检查，重的转子出问题更麻烦，我们组就吃过亏，最后返厂修了一个月。",
    "【 在 lakeside (湖边) 的大作中提到: 】",
    ": 上周实验室终于把用了十二年的老离心机换掉了",
    "※ 来源:·水木社区 http://www.newsmth.net·[FROM: 59.66.*.*]",
]


def test_the_first_post_stays_without_its_header_signature_and_replies() -> None:
    thread = [*HEADER, *POST, *SIGN_OFF, *REPLY]
    assert postclean(thread) == POST
    reasons = [reason for _, reason in postclean_verdicts(thread)]
    assert reasons == ["bbs_header"] * 3 + [None] * 3 + ["signature"] * 3 + ["bbs_reply"] * len(REPLY)


def test_a_post_stamp_without_a_signature_ends_the_post() -> None:
    thread = [*HEADER, *POST, SIGN_OFF[-1], *REPLY]
    assert postclean(thread) == POST


def test_text_that_does_not_open_with_a_post_header_is_untouched() -> None:
    quoted = [*POST, HEADER[0], "--", POST[0]]  # an article that quotes a header further down
    assert post_verdicts(quoted) is None
    assert postclean(quoted) == quoted
    assert post_verdicts(["发信人：我们收到一封来信，信区：不详"]) is None  # no id and nickname


def test_a_preformatted_thread_is_cut_to_its_first_post() -> None:
    block = "\n".join([*HEADER, "", *POST, *SIGN_OFF, *REPLY])
    assert first_post(block) == "\n".join(POST)
    assert postclean([block]) == ["\n".join(POST)]
    code = "def main():\n    return 0"
    assert first_post(code) is None and postclean([code]) == [code]


def test_the_header_gives_the_time_and_the_subject_gives_the_title() -> None:
    assert parse_ctime(HEADER[2]) == "2015-04-07T21:05:44+08:00"
    assert parse_ctime("Tue Feb 30 10:00:00 2015") is None
    assert labelled_subjects(["首页", HEADER[1], "帖子主题：周末爬山"]) == ["实验室换了新的离心机，说说使用体会", "周末爬山"]
    assert labelled_subjects(["Auteur", "Sujet : [Undervolting] i5-3570K : baisse de conso", "Betreff: Re: Heizung"]) == [
        "[Undervolting] i5-3570K : baisse de conso", "Re: Heizung"]


def test_a_thread_page_gives_the_first_post_its_time_and_its_title() -> None:
    cells = "".join(
        f"<table class='article'><tr><td class='a-content'><p>{'<br />'.join(post)}</p></td></tr></table>"
        for post in ([*HEADER, *POST, *SIGN_OFF], REPLY)
    )
    html = (
        "<html><head><meta charset='utf-8'><title>实验室换了新的离心机，说说使用体会-科学-水木社区</title></head><body>"
        "<div id='nav'><a href='/'>首页</a> <a href='/board'>科学</a></div>"
        "<div class='b-head'>文章主题: 实验室换了新的离心机，说说使用体会</div>"
        f"{cells}<div id='footer'>关于我们 | 京ICP备10035406号-1</div></body></html>"
    )
    document = extract_html(html.encode(), "http://www.newsmth.net/nForum/article/Science/123", {})
    assert document.title == "实验室换了新的离心机，说说使用体会"
    assert document.published == "2015-04-07T21:05:44+08:00"
    assert document.source == "水木社区"
    assert document.text == "\n".join(POST)


def test_the_starters_later_post_under_a_subject_of_its_own_continues_the_text() -> None:
    more = ["发信人: lakeside (湖边), 信区: Science", "标  题: [补充] 离心机用了一个月的新体会", "发信站: 水木社区 (Tue May  5 20:01:10 2015), 站内",
            "用了一个月，转子平衡检查做了两次，都没问题，噪音依旧很小。", "--", "※ 来源:·水木社区 http://www.newsmth.net·[FROM: 166.111.*.*]"]
    answer = ["发信人: lakeside (湖边), 信区: Science", "标  题: Re: 实验室换了新的离心机，说说使用体会",
              "发信站: 水木社区 (Tue Apr  7 22:01:10 2015), 站内", "谢谢提醒，我们下周就做一次平衡检查。"]
    lines = HEADER + POST + SIGN_OFF + REPLY + more + answer
    verdicts = post_verdicts(lines)
    kept = [line for line, reason in zip(lines, verdicts) if reason is None]
    assert kept == POST + ["用了一个月，转子平衡检查做了两次，都没问题，噪音依旧很小。"]  # not the reply, nor the starter's answer to it


def test_a_sender_lines_id_is_read_whatever_its_colons() -> None:
    from crawler.extract.bbsposts import _sender_id

    for line in ("发信人: stargazer (追星的人), 信区: Astronomy", "发信人：stargazer(追星的人)，信区: Astronomy", "寄信人: a.b (x), 版面: y"):
        assert _sender_id(line) in ("stargazer", "a.b"), line


def test_a_thread_set_one_pre_per_post_keeps_the_starters_posts_and_drops_the_replies_and_the_boards_title() -> None:
    from crawler.extract.bbsposts import thread_opening
    from crawler.extract.postclean import postclean

    def post(sender: str, subject: str, *text: str) -> str:
        return "\n".join([f"发信人: {sender}, 信区: Economics", f"标  题: {subject}", "发信站: 南京大学小百合站 (Tue Jul 18 12:03:43 2006)", "",
                          *text, "--", "※ 来源:．南京大学小百合站 bbs.nju.edu.cn．[FROM: 218.94.142.*]"])

    story = "    暑假在常州武进一家做出口坯布和色织布的厂里实习了三个星期，跟着财务科和外贸部转了一圈。"
    more = ("    淘汰这个说法我部分同意。厂里的老师傅说，2000年前后武进这一片做坯布的有上百家，现在剩下的大概一半，活下来的多半上了无梭织机，"
            "一个工人能看十几台。升值对他们是压力，也是逼着换设备的一个理由。")
    lines = [
        "南京大学小百合站 - 同主题文章阅读 [讨论区: Economics]",
        post("cloudfish (鱼在云上)", "汇改一年：在常州一家出口纺织厂实习的见闻", story),
        post("econ2004 (老马识途)", "Re: 汇改一年：在常州一家出口纺织厂实习的见闻", "mark一下，好文。楼主的老板有没有考虑过去越南建厂？"),
        post("cloudfish (鱼在云上)", "Re: 汇改一年：在常州一家出口纺织厂实习的见闻", "    补充几点，顺便回复一下楼上。",
             "【 在 econ2004 (老马识途) 的大作中提到: 】", ": 3%的升值就吃掉一半利润，说明这些企业本来就该被淘汰吧。", "", more),
        post("cloudfish (鱼在云上)", "Re: 汇改一年：在常州一家出口纺织厂实习的见闻", "    谢谢推荐！"),
    ]
    text = "\n".join(postclean(lines))
    assert story.strip() in text and more.strip() in text
    for gone in ("同主题文章阅读", "mark一下", "大作中提到", "本来就该被淘汰", "谢谢推荐", "发信人", "※ 来源"):
        assert gone not in text, gone
    assert thread_opening(lines) == ("汇改一年：在常州一家出口纺织厂实习的见闻", "发信站: 南京大学小百合站 (Tue Jul 18 12:03:43 2006)")


def test_a_post_whose_sender_line_was_left_out_still_loses_its_header_and_signature() -> None:
    from crawler.extract.bbsposts import post_verdicts

    prose = "本月初国务院常务会议出台了扩大内需、促进经济增长的十项措施，到2010年底约需投资4万亿元。"
    lines = ["标 题: 四万亿投资计划的几点粗浅理解", "发信站: 日月光华 (2008年11月28日21:35:17 星期五)", prose, "--", "北冥有鱼，其名为鲲",
             "※ 来源:·日月光华 bbs.fudan.edu.cn·HTTP [FROM: 10.85.33.*]"]
    assert post_verdicts(lines) == ["bbs_header", "bbs_header", None, "signature", "signature", "signature"]
    assert post_verdicts(["标 题: 四万亿", prose]) is None  # a subject line alone opens no post


def test_the_starters_later_post_under_re_stays_when_it_tells_more_and_goes_when_it_answers_in_a_line() -> None:
    header = ["发信人: greenleaf (一片叶子), 信区: GreenLife", "标  题: 亚运倒计时：这半个月广州的空气质量数据整理", "发信站: 木棉 (Mon Nov  1 20:13:45 2010), 站内"]
    story = "亚运会还有十一天开幕。最近宿舍楼下经常能看到蓝天，我把这半个月的数据整理了一下，和大家分享。"
    later = ["今天是单双号第一天，补充一点数据。中午12点市监测站的API是62，昨天同一时间是85，上周同期在90上下。",
             "也欢迎有兴趣的同学一起做，特别是环境学院的同学，可以在北区多放几个点，数据我会一直更新到亚残运会结束。"]
    lines = [*header, "", story, "--", "※ 来源:·木棉 bbs.scut.edu.cn·[FROM: 222.201.*.*]",
             "发信人: greenleaf (一片叶子), 信区: GreenLife", "标  题: Re: 亚运倒计时：这半个月广州的空气质量数据整理",
             "发信站: 木棉 (Tue Nov  2 12:06:20 2010), 站内", "", *later, "【 在 envi2007 (环境小白鼠) 的大作中提到: 】", ": 有空可以一起在北区测一测",
             "发信人: greenleaf (一片叶子), 信区: GreenLife", "标  题: Re: 亚运倒计时：这半个月广州的空气质量数据整理",
             "发信站: 木棉 (Tue Nov  2 13:50:00 2010), 站内", "", "谢谢，会继续记录的。"]
    kept = [line for line, reason in zip(lines, post_verdicts(lines)) if reason is None and line]
    assert kept == [story, *later]


def test_the_starters_signature_goes_again_under_his_later_post_whose_rule_was_left_out() -> None:
    lines = ["发信人: xihu_yu (西湖的鱼), 信区: Economy", "标  题: 阿里巴巴今天香港上市", "发信站: 飘渺水云间 (Tue Nov  6 18:41:18 2007)",
             "今天阿里巴巴的B2B业务在香港联交所挂牌，开盘价三十港元，收盘涨了一倍多。", "--", "断桥不断，长桥不长，孤山不孤",
             "发信人: xihu_yu (西湖的鱼), 信区: Economy", "标  题: [补充] 阿里巴巴今天香港上市", "发信站: 飘渺水云间 (Wed Nov  7 12:33:47 2007)",
             "按招股书的口径，它的付费会员加起来不到三万家，和平台上几百万的注册企业比，还只是一小部分。", "断桥不断，长桥不长，孤山不孤"]
    assert post_verdicts(lines)[-1] == "signature" and post_verdicts(lines)[-2] is None
