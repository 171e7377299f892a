"""The keep rules on top of the block model: comments kept only barely, forum replies, a labelled lead, subheadings."""

from __future__ import annotations

from lxml import html

from crawler.extract.headings import with_inner_headings, with_series_headings
from crawler.extract.linkedtitles import without_linked_references
from crawler.extract.maintext import with_inner_attachments, with_labelled_lead, without_headed_tables
from crawler.extract.comments import COMMENT_MARGIN, without_dated_comments, without_marginal_comments, without_reply_lists
from crawler.extract.galleries import with_gallery_captions
from crawler.extract.replies import without_replies, without_signatures
from crawler.extract.segment import DATA_ROW, HEADING, Block
from crawler.extract.starterposts import with_starter_posts
from crawler.extract.tokens import COMMENT

PROSE = "研究团队在多个开源模型上验证了这一方法，显存占用下降四成，生成质量基本不变。"


def _blocks(*specs: tuple[str, str, int, int]) -> list[Block]:
    """Blocks from (text, parent id, category bits, flags); blocks with the same parent id share a parent element."""
    root = html.fromstring("<div></div>")
    parents: dict[str, html.HtmlElement] = {}
    blocks = []
    for index, (text, parent, bits, flags) in enumerate(specs):
        holder = parents.setdefault(parent, html.Element("div"))
        if holder.getparent() is None:
            root.append(holder)
        element = html.Element("h3" if flags & HEADING else "p")
        holder.append(element)
        block = Block(text, 0.0, element, element.tag, 2, bits, bits, flags)
        block.index = index
        blocks.append(block)
    return blocks


def test_a_reply_kept_only_barely_under_comment_markup_goes() -> None:
    blocks = _blocks((PROSE, "a", 0, 0), (PROSE, "a", 0, 0), ("写得真好，学习了。", "c", COMMENT, 0), ("顶一个。", "c", COMMENT, 0))
    keep = [True, True, True, True]
    assert without_marginal_comments(blocks, keep, [0.95, 0.9, 0.55, COMMENT_MARGIN + 0.2]) == [True, True, False, True]


def test_a_reply_below_a_comment_heading_goes_and_an_article_in_a_commentary_box_stays() -> None:
    blocks = _blocks((PROSE, "a", 0, 0), ("网友评论（共12条，显示最新3条）", "c", 0, 0), ("写得真好。", "c", 0, 0))
    assert without_marginal_comments(blocks, [True, False, True], [0.95, 0.1, 0.56]) == [True, False, False]
    # the lines kept right after a comment that went are more of it: the next commenter, the text under the name
    chain = _blocks((PROSE, "a", 0, 0), ("网友评论", "c", 0, 0), ("驱动之家网友[广东省深圳市]", "c", 0, 0), ("国产主控终于来了，先支持一下。", "c", 0, 0))
    assert without_marginal_comments(chain, [True, False, True, True], [0.95, 0.2, 0.55, 0.9]) == [True, False, False, False]
    # no heading and no comment markup: a paragraph kept barely stays
    assert without_marginal_comments(blocks[:1] + blocks[2:], [True, True], [0.95, 0.56]) == [True, True]
    # the article itself sits in a box classed 评论 (pinglun): nothing outside it, nothing goes
    pinglun = _blocks((PROSE, "a", COMMENT, 0), (PROSE, "a", COMMENT, 0))
    assert without_marginal_comments(pinglun, [True, True], [0.9, 0.55]) == [True, True]


def test_comments_with_their_commenter_and_time_below_a_comment_heading_go_however_likely() -> None:
    blocks = _blocks(
        (PROSE, "a", 0, 0),
        ("我来说两句 已有47人发表评论", "c", 0, 0),
        ("搜狐网友 2004-07-19 08:14", "c", 0, 0),
        ("这个技术挺好，希望我们小区也能用上，每年交暖气费太贵了。", "c", 0, 0),
        ("下半年新机组投产以后应该会好一些。", "c", 0, 0),
    )
    assert without_dated_comments(blocks, [True, False, False, True, True]) == [True, False, False, False, False]
    # without the section's heading a dated line above a paragraph decides nothing (a live blog's entries)
    live = blocks[:1] + blocks[2:]
    assert without_dated_comments(live, [True, False, True, True]) == [True, False, True, True]
    # a lone 回复 link is a reply button, not a comment section's heading
    button = _blocks((PROSE, "a", 0, 0), ("回复", "b", 0, 0), ("作者：老局长 时间：2015-06-03 20:40:02", "h", 0, 0), (PROSE, "p", 0, 0))
    button[1].link_density = 1.0
    assert without_dated_comments(button, [True, False, False, True]) == [True, False, False, True]
    # a reply table's rows start with the commenter and the time; the kept heading goes with two of them
    rows = _blocks(
        (PROSE, "a", 0, 0),
        ("回复列表 （共18条，本页显示1-6条）", "r", 0, 0),
        ("海雕之翼 2006-03-08 14:51\t支持楼主，分析得很全面。", "r", 0, 0),
        ("铁血老兵88 2006-03-08 15:07\t我觉得还是应该先搞运输机。", "r", 0, 0),
    )
    assert without_dated_comments(rows, [True] * 4) == [True, False, False, False]


def test_a_labelled_lead_above_the_text_is_kept() -> None:
    blocks = _blocks(("摘要：六大行上半年合计日赚超37亿元。", "a", 0, 0), ("图片来源：图虫创意", "a", 0, 0), (PROSE, "a", 0, 0))
    assert with_labelled_lead(blocks, [False, False, True], [True] * 3) == [True, False, True]
    split = _blocks(("摘要：", "a", 0, 0), ("六大行上半年合计日赚超37亿元。", "a", 0, 0), (PROSE, "a", 0, 0))
    assert with_labelled_lead(split, [False, False, True], [True] * 3) == [True, True, True]
    unlabelled = _blocks(("六大行上半年合计日赚超37亿元。", "a", 0, 0), (PROSE, "a", 0, 0))
    assert with_labelled_lead(unlabelled, [False, True], [True] * 2) == [False, True]


def test_a_subheading_between_kept_blocks_heading_the_next_paragraph_is_kept() -> None:
    blocks = _blocks(("重量\t约2.2kg", "t", 0, 0), ("外观设计：简洁耐看", "a", 0, HEADING), (PROSE, "a", 0, 0))
    assert with_inner_headings(blocks, [True, False, True], [True] * 3) == [True, True, True]
    # a heading over another element's text (a box after the article) stays out
    box = _blocks((PROSE, "a", 0, 0), ("相关阅读", "b", 0, HEADING), (PROSE, "c", 0, 0))
    assert with_inner_headings(box, [True, False, True], [True] * 3) == [True, False, True]
    # a line that is no heading stays out
    plain = _blocks((PROSE, "a", 0, 0), ("另外还有两个问题：", "a", 0, 0), (PROSE, "a", 0, 0))
    assert with_inner_headings(plain, [True, False, True], [True] * 3) == [True, False, True]
    # a short numbered line (a forum post's bold line between its <br> paragraphs) is one
    numbered = _blocks((PROSE, "a", 0, 0), ("二、立项依据：要有“问题链”", "a", 0, 0), (PROSE, "a", 0, 0))
    assert with_inner_headings(numbered, [True, False, True], [True] * 3) == [True, True, True]
    # ... but not a numbered sentence
    sentence = _blocks((PROSE, "a", 0, 0), ("二、加强流通领域监管。", "a", 0, 0), (PROSE, "a", 0, 0))
    assert with_inner_headings(sentence, [True, False, True], [True] * 3) == [True, False, True]


def test_a_threads_replies_go_and_the_starters_later_posts_stay() -> None:
    blocks = _blocks(
        ("楼主 发表于：2008-01-28 20:14:36 只看该作者", "h", 0, 0), (PROSE, "p1", 0, 0),
        ("沙发 发表于：2008-01-28 20:31:05", "h", 0, 0), ("顶一个！我们那边也是这样。", "p2", 0, 0),
        ("楼主 发表于：2008-01-29 09:02:11", "h", 0, 0), (PROSE, "p3", 0, 0),
        ("江南小雨 2008-01-29 10:47 5楼", "h", 0, 0), ("看了楼主的帖子想起我外婆，她也这样蒸馍。", "p4", 0, 0),
    )
    keep = [False, True, False, True, False, True, False, True]
    assert without_replies(blocks, keep) == [False, True, False, False, False, True, False, False]
    # one reply header is no thread; a floor inside a sentence is no header
    assert without_replies(blocks[:4], keep[:4]) == keep[:4]
    # floors glued to 发表于, and a kept counter line above the starter's header (headers still stand above their posts)
    glued = _blocks(
        ("查看：28416|回复：63|收藏：1127", "s", 0, 0), ("楼主发表于 2024-03-18 22:05IP属地：上海", "h", 0, 0), (PROSE, "p1", 0, 0),
        ("沙发发表于 2024-03-18 22:41IP属地：北京", "h", 0, 0), ("请问楼主，半价卡是在App里直接买吗？", "p2", 0, 0),
        ("楼主4楼发表于 2024-03-21 20:33IP属地：上海", "h", 0, 0), (PROSE, "p3", 0, 0),
        ("5楼发表于 2024-03-22 09:17IP属地：广东", "h", 0, 0), ("这个太真实了，建议大家上山带充电宝。", "p4", 0, 0),
    )
    keep = [True, False, True, False, True, False, True, False, True]
    assert without_replies(glued, keep) == [True, False, True, False, False, False, True, False, False]
    notice = _blocks((PROSE, "a", 0, 0), ("地点：3楼 时间：2024-05-20 14:30", "a", 0, 0), (PROSE, "a", 0, 0),
                     ("地点：5楼 时间：2024-05-21 14:30", "a", 0, 0), (PROSE, "a", 0, 0))
    assert without_replies(notice, [True] * 5) == [True] * 5


def test_a_notices_attachments_inside_its_text_are_kept() -> None:
    blocks = _blocks(
        (PROSE, "a", 0, 0), ("附件：", "a", 0, 0), ("1.2021年度申报指南.docx", "a", 0, 0), ("2.承诺书.pdf", "a", 0, 0),
        ("上海市科学技术委员会", "a", 0, 0),
    )
    keep = [True, True, False, False, True]
    assert with_inner_attachments(blocks, keep, [True] * 5) == [True] * 5
    one_line = _blocks((PROSE, "a", 0, 0), ("附件：1.2020年新型研发机构申请书.docx", "a", 0, 0), ("广东省科学技术厅", "a", 0, 0))
    assert with_inner_attachments(one_line, [True, False, True], [True] * 3) == [True] * 3
    # no label: a numbered line between kept blocks stays the model's call
    unlabelled = _blocks((PROSE, "a", 0, 0), ("1.2021年度申报指南.docx", "a", 0, 0), (PROSE, "a", 0, 0))
    assert with_inner_attachments(unlabelled, [True, False, True], [True] * 3) == [True, False, True]


def test_headers_below_their_posts_and_the_starter_writing_again() -> None:
    # CSDN: each post's header closes it; the starter's own later post (same panel) stays
    panel = [("hello_lzw", "u1", 0, 0), ("结帖率：85.71%", "u1", 0, 0)]
    blocks = _blocks(
        *panel, (PROSE, "p1", 0, 0), ("发表于： 2012-08-14 10:25:37 楼主", "h", 0, 0),
        ("大海", "u2", 0, 0), ("结帖率：60.00%", "u2", 0, 0), ("另外也可以注册一个消息转换器。", "p2", 0, 0), ("#2 得分：20 回复于： 2012-08-14 10:41:09", "h", 0, 0),
        *panel, ("结贴了，果然是 lib 里混着旧包。", "p3", 0, 0), ("#3 得分：0 回复于： 2012-08-14 14:06:12", "h", 0, 0),
        ("小王", "u3", 0, 0), ("结帖率：0.00%", "u3", 0, 0), ("mark 一下，学习了。", "p4", 0, 0), ("#4 得分：0 回复于： 2012-08-14 16:32:50", "h", 0, 0),
    )
    keep = [bool(spec_parent.startswith("p")) for spec_parent in ("u1", "u1", "p1", "h", "u2", "u2", "p2", "h", "u1", "u1", "p3", "h", "u3", "u3", "p4", "h")]
    out = without_replies(blocks, keep)
    assert [blocks[i].text for i, flag in enumerate(out) if flag] == [PROSE, "结贴了，果然是 lib 里混着旧包。"]


def test_a_floor_label_on_its_own_line_opens_a_post_header() -> None:
    blocks = _blocks(
        ("楼主", "h", 0, 0), ("发表于 2013-10-22 21:16|只看该作者", "h", 0, 0), (PROSE, "p1", 0, 0),
        ("沙发", "h", 0, 0), ("发表于 2013-10-22 21:29|只看该作者", "h", 0, 0), ("沙发！抱抱楼主。", "p2", 0, 0),
        ("板凳", "h", 0, 0), ("发表于 2013-10-22 22:05|只看该作者", "h", 0, 0), ("我是过来人，女儿今年上学了。", "p3", 0, 0),
    )
    keep = [False, False, True, False, False, True, False, False, True]
    assert without_replies(blocks, keep) == [False, False, True] + [False] * 6


def test_a_signature_under_a_rule_the_model_left_out_goes() -> None:
    rule = "----------------------------------------"
    blocks = _blocks((PROSE, "p", 0, 0), (rule, "s", 0, 0), ("一日当兵，终生是兵。", "s", 0, 0), ("老炮兵1976", "u", 0, 0))
    assert without_signatures(blocks, [True, False, True, False]) == [True, False, False, False]
    # a rule between sections, with text after it, stays
    sections = _blocks((PROSE, "p", 0, 0), (rule, "p", 0, 0), (PROSE, "p", 0, 0), (PROSE, "p", 0, 0), (PROSE, "p", 0, 0))
    assert without_signatures(sections, [True, False, True, True, True]) == [True, False, True, True, True]


def test_numbered_comments_below_an_article_leave_the_article() -> None:
    blocks = _blocks(
        (PROSE, "a", 0, 0), (PROSE, "a", 0, 0),
        ("2楼 网友 [广东省广州市] 2008-11-05 10:42", "c", 0, 0), ("写得好，支持一下。", "c1", 0, 0),
        ("3楼 网友 [江苏省南京市] 2008-11-05 11:02", "c", 0, 0), ("同感，我们那边也是这样。", "c2", 0, 0),
    )
    keep = [True, True, False, True, False, True]
    assert without_replies(blocks, keep) == [True, True, False, False, False, False]


def test_a_comment_with_its_time_below_it_goes_under_a_counted_heading() -> None:
    blocks = _blocks(
        (PROSE, "a", 0, 0),
        ("网友评论 46条评论 1287人参与", "c", 0, 0),
        ("泉州网友 [福建省泉州市]", "c", 0, 0),
        ("我在晋江鞋厂干了十年，车间里确实越来越多机器了。", "c", 0, 0),
        ("2016-08-16 09:12 顶(132)", "c", 0, 0),
    )
    assert without_dated_comments(blocks, [True, False, False, True, False]) == [True] + [False] * 4


def test_a_list_of_named_comments_answering_one_another_goes_and_an_interview_stays() -> None:
    comments = [
        "小黄灯：灯板显色这一段太有用了。", "雾里看山 回复 小黄灯：我也是折腾了一个多月。",
        "北国时光：请问那个补光灯是什么型号？", "雾里看山 回复 北国时光：就是一块平板补光灯。",
    ]
    blocks = _blocks((PROSE, "a", 0, 0), *((c, "n", 0, 0) for c in comments))
    assert without_reply_lists(blocks, [True] * 5) == [True] + [False] * 4
    interview = ["记者：这项技术什么时候能用上？", "王教授：预计三年内进入临床试验。", "记者：成本会很高吗？", "王教授：量产之后会降下来。"]
    talk = _blocks((PROSE, "a", 0, 0), *((line, "a", 0, 0) for line in interview))
    assert without_reply_lists(talk, [True] * 5) == [True] * 5


def test_a_galleries_captions_between_kept_blocks_are_kept_and_its_counters_are_not() -> None:
    gallery = [("1/3", "g", 0, 0), ("整套系统：倒挂的三脚架和下方的灯板", "g", 0, 0), ("2/3", "g", 0, 0), ("两层磨砂亚克力之间用垫片隔开", "g", 0, 0)]
    blocks = _blocks((PROSE, "a", 0, 0), *gallery, (PROSE, "a", 0, 0))
    keep = [True, False, False, False, False, True]
    assert with_gallery_captions(blocks, keep, [True] * 6) == [True, False, True, False, True, True]
    # a slideshow after the text keeps nothing
    after = _blocks((PROSE, "a", 0, 0), *gallery)
    assert with_gallery_captions(after, [True] + [False] * 4, [True] * 5) == [True] + [False] * 4


def test_the_rows_of_a_quote_box_go_when_the_model_dropped_its_heading() -> None:
    blocks = _blocks((PROSE, "a", 0, 0), ("相关股份", "q", 0, 0), ("比亚迪股份(01211.HK)\t285.400\t+2.150%", "q", 0, DATA_ROW), (PROSE, "a", 0, 0))
    assert without_headed_tables(blocks, [True, False, True, True]) == [True, False, False, True]
    data = _blocks((PROSE, "a", 0, 0), ("表1 各月收益", "q", 0, 0), ("1月\t-2.1%\t-1.6%", "q", 0, DATA_ROW), (PROSE, "a", 0, 0))
    assert without_headed_tables(data, [True, True, True, True]) == [True, True, True, True]


def test_a_left_out_heading_of_a_series_the_model_kept_goes_back() -> None:
    blocks = _blocks(
        ("顾虑一：投入高、见效慢", "a", 0, 0), (PROSE, "a", 0, 0), ("相关阅读", "r", 0, 0), ("委员热议制造业高质量发展", "r", 0, 0),
        ("顾虑二：数据安全心里没底", "a", 0, 0), (PROSE, "a", 0, 0),
    )
    keep = [True, True, False, False, False, True]
    assert with_series_headings(blocks, keep, [True] * 6) == [True, True, False, False, True, True]
    # no kept member of the series: nothing comes back
    assert with_series_headings(blocks, [False, True, False, False, False, True], [True] * 6) == [False, True, False, False, False, True]


def test_captions_glued_to_their_counters_are_kept_inside_the_text() -> None:
    glued = [("1/2海上养殖平台配备风光互补发电设备", "g", 0, 0), ("2/2技术人员在平台上检查传感器探头", "g", 0, 0)]
    blocks = _blocks((PROSE, "a", 0, 0), *glued, (PROSE, "a", 0, 0))
    assert with_gallery_captions(blocks, [True, False, False, True], [True] * 4) == [True] * 4
    recipe = _blocks((PROSE, "a", 0, 0), ("1/2 tsp coconut oil", "g", 0, 0), ("1/2 cup peanuts", "g", 0, 0), (PROSE, "a", 0, 0))
    assert with_gallery_captions(recipe, [True, False, False, True], [True] * 4) == [True, False, False, True]


def test_a_starters_header_kept_by_the_model_still_opens_the_first_post() -> None:
    blocks = _blocks(
        ("楼主 发表于：2012-7-23 10:48:26 只看该作者", "h", 0, 0), (PROSE, "p1", 0, 0),
        ("2楼 发表于：2012-7-23 11:02:15", "h2", 0, 0), ("太实用了！楼主能不能私信一下？", "p2", 0, 0),
        ("3楼 发表于：2012-7-23 11:35:40", "h3", 0, 0), ("说得太对了，去年我卖房的时候贷款拖了三个月。", "p3", 0, 0),
    )
    assert without_replies(blocks, [True, True, False, True, False, True]) == [True, True, False, False, False, False]


LATER = "更新一下：今天带着审批决定书去社区卫生服务中心约了孕前检查，护士说现在来问的人特别多。"


def test_the_starters_later_post_under_a_header_naming_the_starter_comes_back() -> None:
    blocks = _blocks(
        ("楼主 发表于 2016-10-12 13:26", "h1", 0, 0), (PROSE, "p1", 0, 0),
        ("小安 5楼 发表于 2016-10-12 13:40", "h2", 0, 0), ("请问楼主，户口在闵行、人在市区上班，材料要交到哪里？", "p2", 0, 0),
        ("楼主 6楼 发表于 2016-10-14 21:08", "h3", 0, 0), ("回复 5楼 小安：请问楼主，户口在闵行、人在市区上班，材料要交到哪里？", "p3", 0, 0),
        (LATER, "p3", 0, 0), ("宝宝1岁4个月", "p3", 0, 0),
    )
    keep = [False, True, False, False, False, False, False, False]
    assert with_starter_posts(blocks, keep) == [False, True, False, False, False, False, True, False]
    # a board that badges only the later posts: the first 楼主 header carries a reply's floor
    badged = blocks[1:2] + blocks[4:]
    assert with_starter_posts(badged, [True, False, False, False, False]) == [True, False, False, True, False]
    # CSDN: a 楼主 header without a floor below the first post closes it; nothing comes back
    closing = _blocks((PROSE, "p1", 0, 0), ("#1 得分：0 回复于：2012-05-14 10:21:33 楼主", "h1", 0, 0), (LATER, "p2", 0, 0))
    assert with_starter_posts(closing, [True, False, False]) == [True, False, False]
    # a later post addressed to one reader alone on its first line (Discuz!'s ``回复 5# X``) answers him: it stays out
    answer = _blocks(
        ("楼主 发表于 2016-10-12 13:26", "h1", 0, 0), (PROSE, "p1", 0, 0),
        ("小安 5楼 发表于 2016-10-12 13:40", "h2", 0, 0), ("请问楼主，户口在闵行、人在市区上班，材料要交到哪里？", "p2", 0, 0),
        ("楼主 6楼 发表于 2016-10-14 21:08", "h3", 0, 0), ("回复 5# 小安", "p3", 0, 0), (LATER, "p3", 0, 0),
    )
    assert with_starter_posts(answer, [False, True, False, False, False, False, False]) == [False, True] + [False] * 5


def test_a_two_line_signature_under_a_rule_goes_and_a_dash_led_one_closing_a_post_on_a_thread() -> None:
    rule = "__________________"
    blocks = _blocks(
        (PROSE, "p", 0, 0), (rule, "s", 0, 0), ("D700 / D90 / 24-70 2.8 / 50 1.8 / SB-800", "s", 0, 0),
        ("我的无忌影展：http://photo.example.com/user/guangnian", "s", 0, 0), ("阿土仔", "u", 0, 0),
    )
    assert without_signatures(blocks, [True, False, True, True, False]) == [True, False, False, False, False]
    # three short lines under the rule are text
    three = _blocks((PROSE, "p", 0, 0), (rule, "s", 0, 0), ("一", "s", 0, 0), ("二", "s", 0, 0), ("三", "s", 0, 0), ("阿土仔", "u", 0, 0))
    assert without_signatures(three, [True, False, True, True, True, False]) == [True, False, True, True, True, False]
    thread = _blocks(
        ("楼主 发表于 2012-10-21 20:35", "h1", 0, 0), (PROSE, "p1", 0, 0), ("—— 苏州小蜂鸟摄影群 欢迎同城约拍", "p1", 0, 0),
        ("2楼 发表于 2012-10-21 20:52", "h2", 0, 0), ("沙发！讲原理讲得很清楚。", "p2", 0, 0),
        ("3楼 发表于 2012-10-21 21:10", "h3", 0, 0), ("补充一下转接环的情况。", "p3", 0, 0),
    )
    keep = [False, True, True, False, False, False, False]
    assert without_signatures(thread, keep) == [False, True, False, False, False, False, False]
    # on an article, a dash-led line closing the text (an attribution) stays
    article = _blocks((PROSE, "p1", 0, 0), ("——摘自《科技日报》", "p1", 0, 0), ("相关新闻", "r", 0, 0))
    assert without_signatures(article, [True, True, False]) == [True, True, False]


def test_headers_worded_alike_above_the_first_post_make_the_starters_badged_post_a_later_one() -> None:
    blocks = _blocks(
        ("发表于 2009-03-08 21:14 IP: 已记录 编辑 引用", "h1", 0, 0), (PROSE, "p1", 0, 0),
        ("发表于 2009-03-08 22:31 IP: 已记录", "h2", 0, 0), ("楼主能不能把对比图贴出来？光说不练假把式。", "p2", 0, 0),
        ("发表于 2009-03-09 20:52 IP: 已记录 [楼主]", "h3", 0, 0), ("引用:", "q", 0, 0), ("最初由 D300的怨念 发布", "q", 0, 0),
        ("另外读出噪声那块能不能再展开讲讲", "q", 0, 0), (LATER, "p3", 0, 0),
    )
    keep = [False, True, False, False, False, False, False, True, False]
    assert with_starter_posts(blocks, keep) == [False, True, False, False, False, False, False, False, True]


def test_a_discuz_post_header_ends_the_starters_later_post_and_a_quoted_post_inside_it_does_not() -> None:
    blocks = _blocks(
        ("楼主", "h1", 0, 0), ("发表于 2012-4-10 23:06|只看该作者", "h1", 0, 0), (PROSE, "p1", 0, 0),
        ("4#", "h4", 0, 0), ("发表于 2012-4-11 21:50 楼主", "h4", 0, 0), ("MIUI铁粉 发表于 2012-4-10 23:37", "q", 0, 0),
        ("楼主能不能推荐一下有root和没root分别怎么管理自启动？", "q", 0, 0), (LATER, "p4", 0, 0),
        ("5#", "h5", 0, 0), ("发表于 2012-4-11 22:14", "h5", 0, 0), ("按楼主的方法装了检测工具，发现是某个天气插件每五分钟唤醒一次。", "p5", 0, 0),
    )
    keep = [False, False, True] + [False] * 8
    assert with_starter_posts(blocks, keep) == [False, False, True, False, False, False, False, True, False, False, False]


def test_an_english_threads_replies_go_and_the_posts_of_the_poster_the_first_header_names_stay() -> None:
    later = "After the discussion here and a long thread on devel, I’ve turned this into a formal Change proposal."
    blocks = _blocks(
        ("jlindqvist (Johan Lindqvist) June 3, 2020, 2:12pm #1", "h1", 0, 0), (PROSE, "p1", 0, 0),
        ("mvalente (Marta Valente) June 3, 2020, 4:48pm #2", "h2", 0, 0), ("Speaking as one of the Rust SIG people: the rebuild is automated.", "p2", 0, 0),
        ("kpetrakis (Kostas Petrakis) June 4, 2020, 8:05am #3", "h3", 0, 0), ("From the security side: the Provides are not sufficient.", "p3", 0, 0),
        ("jlindqvist (Johan Lindqvist) July 14, 2020, 10:31am #5", "h5", 0, 0), (later, "p5", 0, 0),
    )
    keep = [False, True, False, True, False, False, False, False]
    assert without_replies(blocks, keep) == [False, True] + [False] * 6
    assert with_starter_posts(blocks, [False, True] + [False] * 6) == [False, True] + [False] * 5 + [True]
    # headers that all name the same words (a label, not a poster) make no one the starter
    labelled = _blocks(
        ("Posted June 3, 2020, 2:12pm", "h1", 0, 0), (PROSE, "p1", 0, 0),
        ("Posted June 3, 2020, 4:48pm #2", "h2", 0, 0), ("A reply that agrees with the proposal in full.", "p2", 0, 0),
        ("Posted June 4, 2020, 8:05am #3", "h3", 0, 0), ("Another reply, with a question about licences.", "p3", 0, 0),
    )
    assert without_replies(labelled, [False, True, False, True, False, True]) == [False, True, False, False, False, False]


def test_a_boards_replies_labelled_by_their_time_go_and_the_starters_own_later_post_stays() -> None:
    later = "接着昨天的写，说说我们村的三户人家。第一户是我二叔家，他现在打算把窑口改成养殖场，正在跑手续。"
    blocks = _blocks(
        ("作者：黄土坡上的老三 提交日期：2008-9-16 21:37:00 访问：38762 回复：412", "h1", 0, 0), (PROSE, "p1", 0, 0),
        ("作者：拿铁不加糖2008 回复日期：2008-9-16 21:52:18 回复此发言", "h2", 0, 0), ("我们那边也一样，一个乡原来三十多个窑口，现在只剩两个大矿。", "p2", 0, 0),
        ("作者：吕梁山下 回复日期：2008-9-16 22:05:41 回复此发言", "h3", 0, 0), ("说得好，资源型城镇转型，全世界都是难题。", "p3", 0, 0),
        ("作者：黄土坡上的老三 回复日期：2008-9-17 22:10:35 回复此发言", "h4", 0, 0), (later, "p4", 0, 0),
    )
    keep = [False, True, False, True, False, True, False, True]
    assert with_starter_posts(blocks, without_replies(blocks, keep)) == [False, True, False, False, False, False, False, True]


def test_comments_whose_kept_stamp_lines_stand_alone_go_under_a_comment_heading() -> None:
    for heading in ("网友评论（共15条）", "新浪网友对此评论（共 37 条，查看全部）", "网友评论 共有 1206 位网友发表评论 查看所有评论",
                    "网友评论（共18条，显示最新12条） 查看全部", "网友评论 已有18条评论，1275人参与"):
        blocks = _blocks(
            (PROSE, "a", 0, 0), (heading, "c", 0, 0),
            ("沙集人在苏州 2017-09-26 11:02", "c1", 0, 0), ("在外打工十年了，看到家乡变化这么大真心高兴。", "c1", 0, 0),
            ("睢宁网友1988 2017-09-26 11:37", "c2", 0, 0), ("园区建得是挺好，就是不知道租金多少。", "c2", 0, 0),
        )
        assert without_dated_comments(blocks, [True, False, True, True, True, True]) == [True] + [False] * 5, heading


def test_a_line_all_in_bold_between_kept_paragraphs_is_a_subheading() -> None:
    root = html.fromstring("<div><p>　　第一段。</p><p>　　<b>配套服务全面升级</b></p><p>　　第二段。</p>"
                           "<p><span style='font-weight: bold'>The numbers</span></p><p>　　第三段。</p><p><b>相关阅读</b></p><p>　　第四段。</p></div>")
    texts = [PROSE, "配套服务全面升级", PROSE, "The numbers", PROSE, "相关阅读", PROSE]
    blocks = []
    for index, (element, text) in enumerate(zip(root, texts)):
        block = Block(text, 0.0, element, "p", 2, 0, 0, 0)
        block.index = index
        blocks.append(block)
    keep = [True, False, True, False, True, False, True]
    assert with_inner_headings(blocks, keep, [True] * 7) == [True, True, True, True, True, False, True]


def test_linked_headlines_under_a_cross_reference_label_go_wherever_they_stand() -> None:
    blocks = _blocks((PROSE, "a", 0, 0), ("Read more:", "a", 0, 0), ("EU ministers clash over response to U.S. green subsidies", "a", 0, 0),
                     ("Lithium prices hit record as Chinese EV demand holds up", "a", 0, 0), (PROSE, "a", 0, 0))
    for block in blocks[2:4]:
        block.link_density = 1.0
    assert without_linked_references(blocks, [True, False, True, True, True]) == [True, False, False, False, True]
    # a related article printed in full under the label is no link
    printed = _blocks((PROSE, "a", 0, 0), ("【相关阅读】", "a", 0, 0), (PROSE, "a", 0, 0))
    assert without_linked_references(printed, [True, False, True]) == [True, False, True]
    # the label goes with its links, also when the model dropped the links and kept it (``【热门信用卡推荐】`` over apply-now rows)
    boxed = _blocks((PROSE, "a", 0, 0), ("【热门信用卡推荐】", "a", 0, 0), ("交通银行Y-POWER信用卡 立即申请", "a", 0, 0),
                    ("浦发银行梦卡精英版 立即申请", "a", 0, 0), (PROSE, "a", 0, 0))
    for block in boxed[2:4]:
        block.link_density = 1.0
    assert without_linked_references(boxed, [True, True, False, False, True]) == [True, False, False, False, True]


def test_a_linked_card_between_two_sentences_goes_and_a_linked_paragraph_stays() -> None:
    from crawler.extract.linkedtitles import without_linked_cards

    card = "China’s July exports beat expectations, but Delta variant clouds outlook for second half"
    blocks = _blocks((PROSE, "a", 0, 0), (card, "c", 0, 0), (PROSE, "a", 0, 0))
    blocks[1].link_density, blocks[1].tag = 1.0, "div"
    assert without_linked_cards(blocks, [True, True, True]) == [True, False, True]
    # a linked point of the text's list, in its own paragraph, stays
    blocks[1].tag = "p"
    assert without_linked_cards(blocks, [True, True, True]) == [True, True, True]


def test_a_sign_up_card_inside_the_text_goes_and_a_page_wrapped_in_a_form_keeps_its_text() -> None:
    from crawler.extract.formcards import without_form_cards
    from crawler.extract.segment import segment
    from crawler.extract.tagindex import TagIndex

    def forms(page: html.HtmlElement) -> list[html.HtmlElement]:
        return TagIndex.of(page).forms

    card = ("<div class='Newsletter_card__2Qe8r'><p class='Newsletter_title__1Ab3c'>订阅福布斯中国每日简报</p>"
            "<p class='Newsletter_desc__3Kd0f'>每天早上8点，获取最值得关注的商业新闻</p><button>立即订阅</button></div>")
    page = html.fromstring(f"<html><body><div class='article'><p>{PROSE}</p>{card}<p>{PROSE}</p></div></body></html>")
    blocks = segment(page)
    texts = [block.text for block in blocks]
    keep = without_form_cards(blocks, [True] * len(blocks), forms(page))
    assert [text for text, flag in zip(texts, keep) if flag] == [PROSE, PROSE]
    # a card without a control is a heading's box, and the whole page in one form is no card
    page = html.fromstring(f"<html><body><p>{PROSE}</p>{card.replace('<button>立即订阅</button>', '')}<p>{PROSE}</p></body></html>")
    blocks = segment(page)
    assert without_form_cards(blocks, [True] * len(blocks), forms(page)) == [True] * len(blocks)
    # a prompt beside its form in a small box (ConvertKit), and a recipe's portion calculator that stays
    kit = ("<div class='ck_form'><div class='ck_form_content'><h3>Never waste discard again!</h3><p>Get my free printable with 12 recipes.</p></div>"
           "<form class='ck_subscribe_form'><input type='email' name='email'/><button>Send me the printable</button></form></div>")
    calculator = "<form class='portions'><ul><li>450 g weiche Butter</li><li>5 Eier</li></ul><input type='number' name='n'/></form>"
    prose = ("The loaf tastes even better on the second day, toasted and buttered, with a cup of strong tea; it keeps for three days "
             "in an airtight tin and freezes well for a month, sliced, so that you can toast it straight from the freezer.")
    page = html.fromstring(f"<html><body><div class='entry'><p>{prose}</p>{kit}{calculator}<p>{prose}</p></div></body></html>")
    blocks = segment(page)
    keep = without_form_cards(blocks, [True] * len(blocks), forms(page))
    assert [block.text for block, flag in zip(blocks, keep) if flag] == [prose, "450 g weiche Butter", "5 Eier", prose]
    wrapped = html.fromstring("<html><body><form id='aspnetForm'><input type='hidden' name='v'/><div>"
                              + f"<p>{PROSE}</p>" * 12 + "</div></form></body></html>")
    blocks = segment(wrapped)
    assert without_form_cards(blocks, [True] * len(blocks), forms(wrapped)) == [True] * len(blocks)


def test_a_subheading_after_an_inline_box_comes_back_when_its_sibling_headings_were_kept() -> None:
    from crawler.extract.headings import with_sibling_headings

    root = html.fromstring("<div><p>a</p><h3>政策支持</h3><p>b</p><div><a>延伸阅读</a></div><h3>海外仓成为“新基建”</h3><p>c</p>"
                           "<h3>相关阅读</h3><p>d</p><h3>—</h3><p>e</p></div>")
    texts = [PROSE, "政策支持", PROSE, "延伸阅读：商务部：一季度跨境电商进出口逆势增长", "海外仓成为“新基建”", PROSE, "相关阅读", PROSE, "—", PROSE]
    blocks = []
    for index, (element, text) in enumerate(zip(root, texts)):
        block = Block(text, 1.0 if element.tag == "div" else 0.0, element, element.tag, 2, 0, 0, HEADING if element.tag == "h3" else 0)
        block.index = index
        blocks.append(block)
    keep = [True, True, True, False, False, True, False, True, False, True]
    want = [True, True, True, False, True, True, False, True, False, True]
    assert with_sibling_headings(blocks, keep, [True] * 10) == want
    # without a kept heading element beside it, the element's two kept sentences or more (a locked part below a paywall's box) do
    keep[1] = False
    assert with_sibling_headings(blocks, keep, [True] * 10) == want
    # ... and a box holding one kept sentence under its heading does not
    box = html.fromstring("<div><p>a</p><div><h3>Newsletter</h3><p>b</p></div></div>")
    pairs = ((box[0], PROSE, 0), (box[1][0], "Unser Newsletter", HEADING), (box[1][1], PROSE, 0))
    blocks = [Block(text, 0.0, element, element.tag, 2, 0, 0, flags) for element, text, flags in pairs]
    assert with_sibling_headings(blocks, [True, False, True], [True] * 3) == [True, False, True]


def test_a_later_post_whose_author_panel_repeats_the_starters_figures_comes_back() -> None:
    from crawler.extract.panelposts import with_panel_posts

    def panel(name: str, uid: str, posts: str, since: str) -> list[tuple[str, str, int, int]]:
        return [(name, "u", 0, 0), ("UID", "u", 0, 0), (uid, "u", 0, 0), ("帖子", "u", 0, 0), (posts, "u", 0, 0),
                ("注册时间", "u", 0, 0), (since, "u", 0, 0)]

    starter = panel("西溪老猫", "284193", "2317", "2006-8-14")
    blocks = _blocks(
        *starter, ("发表于 2009-9-14 21:37 | 只看该作者", "h", 0, 0), (PROSE, "p1", 0, 0),
        *panel("巷口阿毛", "10233", "15602", "2004-3-2"), ("2#", "h", 0, 0), ("发表于 2009-9-14 21:52 | 只看该作者", "h", 0, 0),
        ("楼主有心了，数据做得很细，已经加精推荐到首页。", "p2", 0, 0),
        *panel("拱墅小刀", "95172", "1120", "2005-11-23"), ("3#", "h", 0, 0), ("发表于 2009-9-15 07:48 | 只看该作者", "h", 0, 0),
        ("刹车松这个问题我也碰到过，借车前检查一下真的很有必要。", "p3", 0, 0),
        *starter, ("4#", "h", 0, 0), ("发表于 2009-9-15 19:26 | 只看该作者", "h", 0, 0),
        ("原帖由 拱墅小刀 于 2009-9-15 07:48 发表", "q", 0, 0), ("押金退的时候要不要排很久？ ...", "q", 0, 0),
        ("补充一下今天的新情况：退押金当场就能办，人不多，十分钟就好了。", "p4", 0, 0),
        ("调度的事我也问了，调度车早上六点半就开始往居民区补车。", "p4", 0, 0), ("引用 报告 TOP", "a", 0, 0),
        ("Powered by Discuz! 7.0.0, processed in 0.048 second(s).", "f", 0, 0),
    )
    blocks[-2].link_density = 1.0
    keep = [block.text == PROSE for block in blocks]
    out = with_panel_posts(blocks, keep)
    story = ["补充一下今天的新情况：退押金当场就能办，人不多，十分钟就好了。", "调度的事我也问了，调度车早上六点半就开始往居民区补车。"]
    assert [block.text for block, flag in zip(blocks, out) if flag] == [PROSE, *story]
    # one sentence is the thread's talk (his thanks, an answer to one reader), not the story
    talk = [block for block in blocks if block.text != story[1]]
    assert with_panel_posts(talk, [block.text == PROSE for block in talk]) == [block.text == PROSE for block in talk]


def test_a_quote_box_headed_by_its_own_first_row_goes_with_its_footnote() -> None:
    # the heading is the table's first row, one cell wide (网易论坛's 相关个股), and the caveat under it goes too
    blocks = _blocks((PROSE, "a", 0, 0), ("相关个股", "q", 0, DATA_ROW), ("中国石油\t601857\t36.18\t-3.52%", "q", 0, DATA_ROW),
                     ("行情数据延时15分钟，仅供参考 进入网易行情中心>>", "q", 0, 0), (PROSE, "a", 0, 0))
    assert without_headed_tables(blocks, [True, True, True, True, True]) == [True, False, False, False, True]
    # a futures exchange's box (相关合约行情), a money market's (实时行情 with its data time), an index box's stamp
    for heading, footnote in (("相关合约行情", "行情延时15分钟，仅供参考"), ("实时行情 数据时间：2021-09-24 16:30", "更多行情数据>>"),
                              ("相关指数", "行情截至2018-07-13收盘"), ("相关基金", "净值日期：2022-04-15 基金过往业绩不代表未来表现")):
        box = _blocks((PROSE, "a", 0, 0), (heading, "q", 0, 0), ("DR001\t1.9063%\t-8.37BP", "q", 0, DATA_ROW), (footnote, "q", 0, 0))
        flags = without_headed_tables(box, [True, True, True, True])
        assert flags[:3] == [True, False, False], heading
        assert flags[3] is ("更多" in footnote), footnote  # a link to more quotes is the line rules' (not a footnote)
    # an article's own table under a sentence introducing it stays
    data = _blocks((PROSE, "a", 0, 0), ("本周主要回购利率变动情况如下表所示：", "a", 0, 0), ("DR001\t1.9900\t1.9063\t-8.37", "t", 0, DATA_ROW))
    assert without_headed_tables(data, [True, True, True]) == [True, True, True]


def test_under_a_starters_header_the_first_floor_is_a_reply() -> None:
    blocks = _blocks(
        ("楼主 发表于：2007-11-26 21:10:44 IP：121.33.*.*", "h", 0, 0), (PROSE, "p1", 0, 0),
        ("1楼 发表于：2007-11-26 21:52:04 IP：218.18.*.*", "h", 0, 0), ("说得太对了，我就是48块站岗的那个。", "p2", 0, 0),
        ("2楼 发表于：2007-11-26 22:17:41 IP：61.144.*.*", "h", 0, 0), ("楼主太保守了，A股和H股本来就是两个市场。", "p3", 0, 0),
        ("3楼 [楼主] 发表于：2007-11-27 20:48:12", "h", 0, 0), (PROSE, "p4", 0, 0),
    )
    keep = [False, True, False, True, False, True, False, True]
    assert without_replies(blocks, keep) == [False, True, False, False, False, False, False, True]
    # without a 楼主 header above it, 1楼 decides nothing (it is the first post on some boards)
    first = _blocks(("1楼 发表于：2007-11-26 21:10:44", "h", 0, 0), (PROSE, "p1", 0, 0),
                    ("2楼 发表于：2007-11-26 22:17:41", "h", 0, 0), ("顶一个。", "p2", 0, 0),
                    ("3楼 发表于：2007-11-26 22:19:41", "h", 0, 0), ("支持。", "p3", 0, 0))
    assert without_replies(first, [False, True, False, True, False, True]) == [False, True, False, False, False, False]


def test_an_app_promos_slogan_goes_with_its_box_and_a_subheading_after_a_promo_stays() -> None:
    from lxml import html as lxml_html

    from crawler.extract.promoboxes import without_promo_slogans
    from crawler.extract.segment import segment

    text = "即便技术和生态问题逐步解决，高性能RISC-V芯片仍需要找到愿意买单的客户，服务器市场的客户对兼容性要求极高。"
    page = (f"<html><body><div class='article'><p>{text}</p><div class='app-promo'><img src='qr.png'><div><p>下载与非网APP</p>"
            f"<p>随时随地查看芯片行业资讯、器件参数与替代料</p></div></div><p>{text}</p>"
            f"<p>扫码下载与非网APP</p><h3>第三道坎：商业闭环</h3><p>{text}</p></div></body></html>")
    blocks = segment(lxml_html.fromstring(page))
    texts = [block.text for block in blocks]
    keep = [True] * len(blocks)
    out = without_promo_slogans(blocks, keep)
    assert not out[texts.index("随时随地查看芯片行业资讯、器件参数与替代料")]
    assert out[texts.index("第三道坎：商业闭环")]  # shares only the article's container with the promo above it
    assert [flag for flag, line in zip(out, texts) if line == text] == [True, True, True]


def test_a_posters_signature_kept_under_their_later_post_goes_when_it_was_left_out_under_the_first() -> None:
    signature = "一机一镜走天下，拍到就是赚到。我的相册：http://photo.55bbs.com/u/8812"
    blocks = _blocks(
        ("楼主 发表于 2009-6-12 21:03", "h", 0, 0), (PROSE, "p1", 0, 0), (signature, "s1", 0, 0),
        ("沙发 发表于 2009-6-12 22:08", "h", 0, 0), ("请问楼主，LX3和G10哪个适合女生？", "p2", 0, 0),
        ("板凳 发表于 2009-6-12 22:30", "h", 0, 0), ("支持一下。", "p3", 0, 0),
        ("地板 发表于 2009-6-13 08:51 | 楼主", "h", 0, 0), (PROSE, "p4", 0, 0), (signature, "p4", 0, 0), ("路过的风", "u", 0, 0),
    )
    keep = [False, True, False, False, False, False, False, False, True, True, False]
    assert without_signatures(blocks, keep) == [False, True] + [False] * 6 + [True, False, False]
    # a line that repeats one left out, but inside the text (a kept block follows), stays
    inside = list(keep)
    inside[10] = True
    assert without_signatures(blocks, inside) == inside


def test_a_sign_up_boxs_pitch_goes_with_its_button_and_a_paragraph_beside_a_subscribe_link_stays() -> None:
    from lxml import html as lxml_html

    from crawler.extract.promoboxes import without_promo_slogans
    from crawler.extract.segment import segment

    text = "Two council members voted against the resolution, arguing that automatic enrollment puts the burden on residents."
    pitch = "Find out what's happening in Montclair with free, real-time updates from Patch."
    page = (f"<html><body><article><p>{text}</p><div class='styles_InlinePromo__2qS9t'><p>{pitch}</p>"
            f"<a class='btn' href='/subscribe'>Subscribe</a></div><h2>Who is affected</h2><p>{text}</p>"
            f"<div class='note'><p>{pitch}</p><a href='/subscribe'>Subscribe</a></div></article></body></html>")
    blocks = segment(lxml_html.fromstring(page))
    out = without_promo_slogans(blocks, [True] * len(blocks))
    pitches = [flag for flag, block in zip(out, blocks) if block.text == pitch]
    assert pitches == [False, True]  # the second box is classed as neither an ad nor a form
    assert all(flag for flag, block in zip(out, blocks) if block.text in (text, "Who is affected"))


def test_a_later_post_under_the_starters_name_comes_back_where_panels_show_only_a_name_and_a_rank() -> None:
    from crawler.extract.panelposts import with_panel_posts

    story = ["更新一下。这两天又打电话问了我叔，他家七亩地已经浇完了，前后用了三个晚上。", "村里这回统一排了轮流用井的顺序，按地块远近排，没再为抢水吵架。"]
    blocks = _blocks(
        ("沙颍河边人", "u", 0, 0), ("大河中坚", "u", 0, 0), ("楼主", "h", 0, 0), ("发表于 2010-12-18 21:07 | 只看该作者", "h", 0, 0),
        (PROSE, "p1", 0, 0),
        ("牧野老张", "u", 0, 0), ("大河新秀", "u", 0, 0), ("沙发", "h", 0, 0), ("发表于 2010-12-18 21:40", "h", 0, 0),
        ("周口那边都这样了？我们新乡也旱，俺村前年打的井今年水位下降了两米多，泵得往下放。", "p2", 0, 0),
        # a poster of the starter's rank (大河中坚) is not the starter
        ("豫西牧羊人", "u", 0, 0), ("大河中坚", "u", 0, 0), ("板凳", "h", 0, 0), ("发表于 2010-12-19 08:52", "h", 0, 0),
        ("这个想法好。俺们洛阳那边山区更难，根本没有井，全靠天。", "p3", 0, 0), ("要是有服务队，哪怕多掏点钱也愿意，关键是家里没人能干这活了。", "p3", 0, 0),
        ("沙颍河边人", "u", 0, 0), ("大河中坚", "u", 0, 0), ("4#", "h", 0, 0), ("发表于 2010-12-22 22:15 | 只看该作者", "h", 0, 0),
        (story[0], "p4", 0, 0), (story[1], "p4", 0, 0),
        ("郑漂一族", "u", 0, 0), ("注册会员", "u", 0, 0), ("5#", "h", 0, 0), ("发表于 2010-12-23 09:10", "h", 0, 0),
        ("顶一个，希望早点下雪。", "p5", 0, 0),
    )
    keep = [block.text == PROSE for block in blocks]
    assert [block.text for block, flag in zip(blocks, with_panel_posts(blocks, keep)) if flag] == [PROSE, *story]


def test_posts_headed_by_dated_lines_alike_bring_back_the_starters_later_post_and_not_the_next_floors_title() -> None:
    from crawler.extract.panelposts import with_panel_posts

    def post(floor: str, name: str, rank: str, count: str, when: str, *text: str) -> list[tuple[str, str, int, int]]:
        return [(f"{floor}回复：猪肉十三蚊一斤！我跑了三个菜市场，讲下见闻", "t", 0, 0), (name, "u", 0, 0), (f"级别：{rank}", "u", 0, 0),
                (f"帖子：{count}", "u", 0, 0), (f"发表于：{when}", "h", 0, 0), *[(line, "p", 0, 0) for line in text]]

    story = ["补充一下。昨日统计局公布了八月份的物价数据，居民消费价格总水平比去年同期涨了6.5%。", "今早再去农林下路市场，前腿肉还是十三蚊，档主话下礼拜可能会回落少少。"]
    blocks = _blocks(
        ("东山老街坊", "u", 0, 0), ("级别：大洋常客", "u", 0, 0), ("帖子：1,306", "u", 0, 0), ("发表于：2007-09-10 10:18", "h", 0, 0),
        (PROSE, "p1", 0, 0), ("本帖最近评分记录：大洋币 +20 版主 2007-9-10 10:30", "r", 0, 0),
        *post("2楼", "海珠小师奶", "大洋新丁", "88", "2007-09-10 10:41", "江南西那边前腿肉13块5，比你那边还贵，真系食唔起。"),
        *post("3楼", "天河打工仔", "大洋常客", "2,511", "2007-09-10 11:27", "一头母猪从配种到生出的小猪养成肉猪，起码要十个月。", "所以讲，短期内降不了。"),
        *post("4楼", "东山老街坊", "大洋常客", "1,307", "2007-09-12 09:36", *story),
        *post("5楼", "荔湾陈伯", "大洋新丁", "12", "2007-09-12 10:14", "大家不用太恐慌，也不用囤冻肉。"),
    )
    keep = [block.text == PROSE for block in blocks]
    assert [block.text for block, flag in zip(blocks, with_panel_posts(blocks, keep)) if flag] == [PROSE, *story]
    # the same page without the starter's panel on the later post: nothing comes back
    other = [block for block in blocks if block.text != "东山老街坊" or block.index < 4]
    assert with_panel_posts(other, [block.text == PROSE for block in other]) == [block.text == PROSE for block in other]


def test_a_signature_kept_closing_two_posts_goes() -> None:
    signature = "一个住在东山几十年的老广，钟意行街市、饮早茶"
    blocks = _blocks(
        ("楼主 发表于 2007-9-10 10:18", "h", 0, 0), (PROSE, "p1", 0, 0), ("本帖最近评分记录：大洋币 +20", "r", 0, 0), (signature, "s1", 0, 0),
        ("2楼 发表于 2007-9-10 10:41", "h", 0, 0), ("江南西那边前腿肉13块5，比你那边还贵。", "p2", 0, 0),
        ("3楼 发表于 2007-9-10 11:27", "h", 0, 0), ("所以讲，短期内降不了。", "p3", 0, 0),
        ("4楼 发表于 2007-9-12 09:36 楼主", "h", 0, 0), (PROSE, "p4", 0, 0), (signature, "s4", 0, 0),
    )
    keep = [False, True, False, True, False, False, False, False, False, True, True]
    assert without_signatures(blocks, keep) == [False, True, False, False] + [False] * 5 + [True, False]
    # once, it stays
    assert without_signatures(blocks[:9], keep[:9]) == keep[:9]


def test_european_comments_under_a_counted_heading_go_by_their_day_first_or_worded_stamps() -> None:
    text = "Seit Donnerstag dürfen ältere Diesel zwei Hamburger Straßen nicht mehr befahren, die Stadt setzt damit ein Urteil um."
    comment = "Ich wohne zwei Straßen weiter. Seit heute morgen fahren die Lieferwagen durch unsere kleine Einbahnstraße."
    blocks = _blocks(
        (text, "a", 0, 0), ("Kommentare: 9", "c", 0, 0),
        ("Wolfgang Leiberg", "c", 0, 0), (comment, "c", 0, 0), ("31.05.2018, 19:02", "c", 0, 0),
        ("Hanseat66", "c", 0, 0), ("@Wolfgang Leiberg Das stimmt, aber irgendwo muss man ja mal anfangen.", "c", 0, 0),
        ("May 31, 2018 at 7:20 pm", "c", 0, 0),
    )
    keep = [True, False, False, True, False, False, True, False]
    assert without_dated_comments(blocks, keep) == [True] + [False] * 7
    # a bare ``Comments`` button is no heading
    bare = _blocks((text, "a", 0, 0), ("Comments", "b", 0, 0), ("Wolfgang Leiberg", "c", 0, 0), (comment, "c", 0, 0), ("31.05.2018, 19:02", "c", 0, 0))
    assert without_dated_comments(bare, [True, False, False, True, False]) == [True, False, False, True, False]


def test_a_fields_label_over_its_figure_names_no_one() -> None:
    from crawler.extract.panelposts import with_panel_posts

    def panel(name: str, posts: str, since: str) -> list[tuple[str, str, int, int]]:
        return [(name, "u", 0, 0), ("帖子", "u", 0, 0), (posts, "u", 0, 0), ("注册时间", "u", 0, 0), (since, "u", 0, 0)]

    reply = ["双倍边距这个太经典了，每个新人都要被它坑一次。加精，推荐到首页。", "另外楼主可以考虑把产品参数表加上caption和th。"]
    blocks = _blocks(
        *panel("aoqi_w", "3621", "2004-8-19"), ("楼主 发表于 2008-5-14 21:37", "h", 0, 0), (PROSE, "p1", 0, 0),
        *panel("cloudgamer", "8914", "2002-3-2"), ("沙发 发表于 2008-5-14 22:03", "h", 0, 0), *[(line, "p2", 0, 0) for line in reply],
        ("lemon_css", "u", 0, 0), ("新手上路", "u", 0, 0), ("板凳 发表于 2008-5-14 22:41", "h", 0, 0), ("学习了。", "p3", 0, 0),
        ("aoqi_w", "u", 0, 0), ("版主", "u", 0, 0), ("4# 发表于 2008-5-14 23:10", "h", 0, 0), ("谢谢支持。", "p4", 0, 0),
    )
    keep = [block.text == PROSE for block in blocks]
    assert with_panel_posts(blocks, keep) == keep


def test_a_later_posts_subheading_and_its_short_closing_sentence_come_back_and_a_signature_after_its_index_does_not() -> None:
    from crawler.extract.starterposts import post_lines

    blocks = _blocks(
        ("5楼 发表于 2011-04-23 21:05 只看楼主", "h", 0, 0), ("【4月23日更新】水电验收通过了", "p", 0, 0),
        ("物业来人用兆欧表测了每一路的绝缘电阻，都在标准以内，打压试验也一次通过。", "p", 0, 0), ("下周开始泥工，到时候接着更。", "p", 0, 0),
        ("日记目录：拆旧篇 | 水电篇 | 泥工篇（待更）", "s", 0, 0), ("老房子也能住得舒服，慢慢来。", "s", 0, 0),
        ("6楼 发表于 2011-04-24 08:10", "h", 0, 0),
    )
    assert post_lines(blocks, 0) == ([1, 2, 3], [])


def test_a_signature_kept_alone_under_a_left_out_disclaimer_goes_when_it_was_left_out_under_another_post() -> None:
    signature = "样本只在虚拟机里跑，快照是最好的朋友。"
    blocks = _blocks(
        ("楼主 发表于 2018-8-15 21:37", "h", 0, 0), (PROSE, "p1", 0, 0), ("免责声明：本站所发布的一切资源仅限用于学习和研究目的", "d", 0, 0),
        (signature, "s1", 0, 0), ("回复", "a", 0, 0),
        ("沙发 发表于 2018-8-15 22:03", "h", 0, 0), ("请问楼主，在VirtualAlloc下断之后怎么判断？", "p2", 0, 0),
        ("板凳 发表于 2018-8-15 22:30", "h", 0, 0), ("看申请的大小和保护属性。", "p3", 0, 0), (signature, "s3", 0, 0),
    )
    keep = [False, True, False, True, False, False, False, False, False, False]
    assert without_signatures(blocks, keep) == [False, True] + [False] * 8


def test_a_media_cards_title_goes_with_its_label_and_length_and_a_subheading_stays() -> None:
    from lxml import html as lxml_html

    from crawler.extract.promoboxes import without_promo_slogans
    from crawler.extract.segment import segment

    text = "Las restricciones afectan ya a los regantes, que en algunas zonas solo pueden usar la mitad del agua habitual."
    page = (f"<html><body><article><p>{text}</p><div class='media'><span>Vídeo</span><h4>Así funciona por dentro la desalinizadora del Llobregat</h4>"
            f"<span>01:47</span></div><p>{text}</p><h2>Un agua más cara</h2><p>{text}</p></article></body></html>")
    blocks = segment(lxml_html.fromstring(page))
    texts = [block.text for block in blocks]
    out = without_promo_slogans(blocks, [True] * len(blocks))
    assert not out[texts.index("Así funciona por dentro la desalinizadora del Llobregat")]
    assert out[texts.index("Un agua más cara")]


def test_a_questions_labelled_addition_under_the_question_is_kept() -> None:
    from crawler.extract.maintext import with_question_supplement

    blocks = _blocks(
        ("笔记本电池是不是要用完再充？", "h", 0, 0), (PROSE, "q", 0, 0), ("问题补充：电池是6芯的锂电池，说明书上也没写清楚。", "q", 0, 0),
        ("推广链接：360安全卫士 电脑体检", "ad", 0, 0), ("最佳答案", "a", 0, 0), (PROSE, "a", 0, 0),
        ("问题补充：这是另一个问题的。", "x", 0, 0),
    )
    keep = [False, True, False, False, False, True, False]
    scored = [True] * len(blocks)
    assert with_question_supplement(blocks, keep, scored) == [False, True, True, False, False, True, True]
    far = [False, True, False, False, False, False, False]
    assert with_question_supplement(blocks, far, scored)[6] is False


def test_a_mini_program_frameworks_view_elements_are_blocks() -> None:
    from lxml import html as lxml_html

    from crawler.extract.segment import segment

    page = ("<html><body><uni-view class='head'><uni-text>橙柿互动</uni-text><uni-view>打开APP</uni-view></uni-view>"
            f"<uni-view class='title'>家电以旧换新补贴上线首周 杭州卖场客流涨了三成</uni-view><uni-view>{PROSE}</uni-view></body></html>")
    texts = [block.text for block in segment(lxml_html.fromstring(page))]
    assert "家电以旧换新补贴上线首周 杭州卖场客流涨了三成" in texts and PROSE in texts


def test_a_comment_heading_with_a_bare_count_opens_the_comment_rules() -> None:
    comment = "半夜美日一根大阴线，空单直接爆仓，太刺激了。"
    blocks = _blocks((PROSE, "a", 0, 0), ("评论 5", "c", 0, 0), ("天眼用户88212022-09-23 09:40", "c", 0, 0), (comment, "c", 0, 0),
                     ("FX老韭菜2022-09-23 10:02", "c", 0, 0), ("干预只能管几天，利差不收窄日元还得跌。", "c", 0, 0))
    assert without_dated_comments(blocks, [True, False, False, True, True, True]) == [True] + [False] * 5


def test_a_video_cards_asking_title_goes_beside_its_players_status() -> None:
    from lxml import html as lxml_html

    from crawler.extract.promoboxes import without_promo_slogans
    from crawler.extract.segment import segment

    text = "国土资源部日前正式发布公告，启动第二轮页岩气探矿权招标，本轮招标首次向符合条件的民营企业开放。"
    page = (f"<html><body><div id='article'><div id='qqvideo'><p>腾讯视频 正在加载…</p><p>【专家解读】页岩气开发的技术难点在哪里？</p>"
            f"<p>时长 04:18 已播放 23,581 次</p></div><p>{text}</p><p>{text}</p></div></body></html>")
    blocks = segment(lxml_html.fromstring(page))
    texts = [block.text for block in blocks]
    out = without_promo_slogans(blocks, [True] * len(blocks))
    assert not out[texts.index("【专家解读】页岩气开发的技术难点在哪里？")]
    assert all(flag for flag, line in zip(out, texts) if line == text)


def test_comments_under_a_heading_counting_them_in_words_go_by_their_long_stamp_headers() -> None:
    text = "So yesterday was the big day. At midnight the stations around here finally switched off their analog signals."
    comment = "The masking tape labels are genius. I am stealing that for my grandmother."
    blocks = _blocks(
        (text, "a", 0, 0), ("Comments (6 comments)", "c", 0, 0),
        ("quietcartographer 2009-06-13 10:02 pm (UTC) Re: The great converter box saga ( Link )", "c", 0, 0), (comment, "c", 0, 0),
        ("hollis_and_hound 2009-06-14 03:25 pm (UTC) signal meter ( Link )", "c", 0, 0),
        ("Seconding the signal strength meter. Also worth knowing that some stations moved back to VHF.", "c", 0, 0),
    )
    assert without_dated_comments(blocks, [True, False, False, True, False, True]) == [True] + [False] * 5


def test_posts_marked_as_schema_org_items_after_the_first_are_replies() -> None:
    from lxml import html as lxml_html

    from crawler.extract.postings import without_later_postings
    from crawler.extract.segment import segment

    question = "I am porting a small finite-volume solver from Fortran and the inner loop allocates on every call."
    reply = "Almost certainly. A quick way to find them is to run with allocation tracking and look at the files."
    item = "<div itemscope itemtype='http://schema.org/DiscussionForumPosting'><div class='post' itemprop='articleBody'><p>{}</p></div></div>"
    page = f"<html><body>{item.format(question)}{item.format(question + ' Again.')}{item.format(reply)}</body></html>"
    blocks = segment(lxml_html.fromstring(page))
    texts = [block.text for block in blocks]
    out = without_later_postings(blocks, [True] * len(blocks))
    assert out[texts.index(question)] and not out[texts.index(reply)] and not out[texts.index(question + " Again.")]
    # a Q&A page's answers are its text: an Answer item is no reply
    answers = f"<html><body>{item.format(question)}<div itemscope itemtype='https://schema.org/Answer'><p>{reply}</p></div></body></html>"
    blocks = segment(lxml_html.fromstring(answers))
    assert without_later_postings(blocks, [True] * len(blocks)) == [True] * len(blocks)
