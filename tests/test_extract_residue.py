"""List residue and line rules of the post-clean, on hand-written line lists."""

from __future__ import annotations

import pytest

from crawler.extract.feeds import is_clock, is_more_heading
from crawler.extract.westernlines import is_paywall_teaser, is_subscription_prompt, is_wire_credit
from crawler.extract.postclean import is_meta_line, postclean
from crawler.extract.widgettables import is_quote_row
from crawler.extract.residue import drop_list_residue, is_heading, is_labelled_lead, is_stamped, repeated_lead_flags

BODY = [
    "5月27日，我国首个深远海漂浮式风电项目在海南万宁海域实现全容量并网发电。",
    "专家表示，发展漂浮式风电对于推动能源结构转型具有重要意义。",
]


def test_headline_source_time_triples_are_dropped() -> None:
    triples = ["全国夏粮收获进度过三成", "新华网", "2024-05-28 07:51", "多地发布高温预警", "中国气象局", "2024-05-28 07:30",
               "嫦娥六号完成月背采样", "央视新闻", "2024-05-27 19:40"]
    assert drop_list_residue(BODY + ["热点推荐"] + triples) == BODY


def test_one_line_items_with_stamps_are_dropped() -> None:
    items = ["- 新华网2024-05-28 07:51", "- 国家统计局2024-05-27 21:12", "- 中国新闻网 3小时前", "- 经济日报 876跟贴"]
    assert drop_list_residue(BODY + items) == BODY


def test_a_signature_date_and_a_table_stay() -> None:
    lines = BODY + ["券种 额度上限", "研发服务券 20万元", "增长率 3.5", "示范市科学技术局", "2024年3月12日"]
    assert drop_list_residue(lines) == lines


def test_headed_block_stops_at_prose() -> None:
    lines = ["往期推荐", "抽水蓄能电站建设提速", "氢能产业链全景解读", *BODY]
    assert drop_list_residue(lines) == BODY
    assert is_heading("【相关文章】") and is_heading("大家都在看") and not is_heading("相关文章指出，改革仍需深化。")
    assert is_stamped("央视新闻 05-27 19:40") and not is_stamped("2024年3月12日，会议召开。")


def test_meta_lines_promos_footers_and_credits() -> None:
    assert is_meta_line("发布时间：2024-03-12 10:30 来源：市科技局 浏览次数：1234 【字体：大 中 小】")
    assert is_meta_line("2024-05-28 08:15:02 来源：科技日报")
    assert not is_meta_line("时间：2024年3月15日上午，地点：市民中心。")
    lines = [
        "点击蓝字 关注我们",
        BODY[0],
        BODY[1] + "（来源：示例日报）",
        "END",
        "长按识别二维码 关注我们",
        "点个“在看”，分享给更多朋友",
        "Copyright © 2024 示例新闻网 All Rights Reserved",
        "示ICP备12345678号 网站标识码：4300000001",
        "1/4",
    ]
    assert postclean(lines) == BODY


def test_headline_repeated_atop_the_body_is_dropped() -> None:
    assert postclean(["风电项目全容量并网", *BODY], "风电项目全容量并网") == BODY
    assert postclean([*BODY, "风电项目全容量并网"], "风电项目全容量并网")[-1] == "风电项目全容量并网"


def test_a_subheading_starting_with_share_stays() -> None:
    lines = [BODY[0], "分享经验：如何申报科技型中小企业", BODY[1]]
    assert postclean(lines) == lines
    assert postclean([*BODY, "分享到：微信 微博 QQ空间"]) == BODY


def test_a_review_sentence_stays_and_a_reviewer_credit_goes() -> None:
    sentence = "审核：经审核，该项目符合申报条件，同意推荐。"
    assert postclean([BODY[0], sentence, BODY[1]]) == [BODY[0], sentence, BODY[1]]
    assert postclean([*BODY, "（编辑：赵敏 审核：刘强）"]) == BODY


def test_an_organiser_line_inside_a_notice_stays_and_one_below_it_goes() -> None:
    organiser = "主办单位：市科学技术局"
    lines = [BODY[0], organiser, "承办单位：市科技创新服务中心", BODY[1]]
    assert postclean(lines) == lines
    assert postclean([*BODY, "主办单位：示例市人民政府办公室"]) == BODY


def test_a_statement_goes_below_the_text_and_stays_inside_it() -> None:
    statement = "特别声明：本文为网易号作者上传并发布，仅代表该作者观点。"
    assert postclean([*BODY, statement]) == BODY
    assert postclean([BODY[0], statement, BODY[1]]) == [BODY[0], statement, BODY[1]]


def test_preformatted_lines_are_kept_verbatim() -> None:
    code = "for x in items:\n    print(x)  # 分享到"
    assert postclean([BODY[0], code, BODY[1]]) == [BODY[0], code, BODY[1]]


def test_forum_edit_stamps_go_anywhere_and_a_sentence_about_editing_stays() -> None:
    discuz = "本帖最后由 老猫不吃鱼 于 2013-5-13 08:12 编辑"
    phpwind = "[ 此帖被版主小王在2013-05-13 08:12重新编辑 ]"
    assert postclean([discuz, BODY[0], phpwind, BODY[1]]) == BODY
    sentence = "本帖最后由于版主疏忽，2013-5-13 08:12 编辑的内容丢失了。"
    assert postclean([BODY[0], sentence, BODY[1]]) == [BODY[0], sentence, BODY[1]]


def test_share_prompts_and_bracketed_share_bars_go_and_sentences_about_sharing_stay() -> None:
    prompts = ["用微信  “扫一扫”", "将文章分享到朋友圈。", "【分享到】", "分享至 微信 · 微博 · QQ好友 · 复制链接"]
    assert postclean([BODY[0], *prompts, BODY[1]]) == BODY
    sentences = ["分享到朋友圈的十种方法", "文章分享到朋友圈后，阅读量一周涨了十倍。", "本文分享给大家，请收藏。"]
    assert postclean([BODY[0], *sentences, BODY[1]]) == [BODY[0], *sentences, BODY[1]]


def test_app_calls_to_action_go_and_a_back_link_goes_below_the_text() -> None:
    calls = ["打开凤凰新闻，查看更多高清图片", "下载示例新闻客户端，阅读更多精彩内容"]
    assert postclean([BODY[0], *calls, BODY[1]]) == BODY
    assert postclean([*BODY, "返回搜狐，查看更多"]) == BODY
    sentence = "民警打开纸团，查看更多线索后立即赶往现场。"
    assert postclean([BODY[0], sentence, BODY[1]]) == [BODY[0], sentence, BODY[1]]


def test_app_and_account_prompts_for_what_they_bring_go_around_the_text() -> None:
    prompts = ["关注示例财经（demo518），获取更多机会",
               "下载“示例时报”官方APP，或关注官方微信公众号，即可随时了解股市动态，洞察政策信息，把握财富机会。",
               "欢迎关注示例科技公众号，第一时间获取行业资讯！"]
    for prompt in prompts:
        assert postclean([*BODY, prompt]) == BODY
        assert postclean([prompt, *BODY]) == BODY
        assert postclean([BODY[0], prompt, BODY[1]]) == [BODY[0], prompt, BODY[1]]
    sentences = ["下载该APP的用户中，有六成来自三四线城市。", "关注公众号的用户数量已超过一千万，同比增长两成。"]
    for sentence in sentences:
        assert postclean([*BODY, sentence]) == [*BODY, sentence]


def test_disclosure_fields_are_meta_lines_and_go_above_the_text() -> None:
    rows = ["索 引 号：\t001234567/2012-00089\t发布机构：\t县政府办公室", "生成日期：\t2012-05-08\t文 号：\t青府办字〔2012〕31号",
            "主题分类：\t防汛抗旱\t公开方式：\t主动公开", "发文字号：国办发〔2024〕7号"]
    assert all(map(is_meta_line, rows))
    assert postclean([*rows, *BODY]) == BODY
    sentence = "有效性：经评估，该文件继续有效"
    assert not is_meta_line(sentence)
    assert postclean([sentence, *BODY]) == [sentence, *BODY]


def test_a_bare_post_time_goes_above_the_text_and_stays_below_it() -> None:
    for stamp in ("(2012-04-08 20:51:36)", "2024-03-05 10:21", "【2024年3月5日 10:21】"):
        assert postclean([stamp, *BODY]) == BODY
        assert postclean([*BODY, stamp]) == [*BODY, stamp]
    dated = "2024年3月5日10时，会议在市民中心召开。"
    assert postclean([dated, *BODY]) == [dated, *BODY]


def test_an_unlabelled_byline_with_a_post_time_goes_above_the_text() -> None:
    for byline in ("陈屿 第一财经 2024-05-21 06:45:18", "2024-05-28 08:15 新华社", "张三 2024年5月21日 06:45"):
        assert postclean([byline, *BODY]) == BODY
        assert postclean([*BODY, byline]) == [*BODY, byline]
    sentence = "2024-05-21 06:45，第一趟列车驶出车站，标志着新线开通运营。"
    assert postclean([sentence, *BODY]) == [sentence, *BODY]


def test_a_lone_source_credit_goes_around_the_text_and_a_caption_credit_stays() -> None:
    for credit in ("来源：人民日报", "【来源：新华社】", "（来源：示例日报）"):
        assert postclean([credit, *BODY]) == BODY
        assert postclean([*BODY, credit]) == BODY
        assert postclean([BODY[0], credit, BODY[1]]) == [BODY[0], credit, BODY[1]]
    for kept in ("图片来源：未来科学大奖官网", "来源：经调查，该报道属实。"):
        assert postclean([*BODY, kept]) == [*BODY, kept]


def test_bylines_go_around_the_text_and_photo_credits_and_captions_stay() -> None:
    for byline in ("文｜张三", "编辑｜李四", "（文/赵一鸣 图/受访者提供）", "责任编辑：", "撰文| 方芳 摄影|贾同军"):
        assert postclean([byline, *BODY]) == BODY
        assert postclean([*BODY, byline]) == BODY
    inside = "文｜张三"
    assert postclean([BODY[0], inside, BODY[1]]) == [BODY[0], inside, BODY[1]]
    for kept in ("图/视觉中国", "图：游客在公园赏花", "审核：经审核，该项目符合申报条件"):
        assert postclean([*BODY, kept]) == [*BODY, kept]


def test_a_bare_statement_goes_below_the_text_and_stays_inside_it() -> None:
    statement = "声明：本文内容仅供参考，不构成医疗建议。如有侵权请联系删除。"
    assert postclean([*BODY, statement]) == BODY
    assert postclean([BODY[0], statement, BODY[1]]) == [BODY[0], statement, BODY[1]]
    quoted = "声明称，公司将依法维权。"
    assert postclean([*BODY, quoted]) == [*BODY, quoted]


def test_a_reprint_credit_goes_around_the_text_and_a_sentence_about_the_article_stays() -> None:
    for credit in ("本文来自微信公众号“智能涌现”（ID：AIEmergence），作者：何涛，36氪经授权发布。", "本文转载自新华网",
                   "本文首发于微信公众号：示例财经。文章内容属作者个人观点，不代表本网立场。"):
        assert postclean([credit, *BODY]) == BODY
        assert postclean([*BODY, credit]) == BODY
        assert postclean([BODY[0], credit, BODY[1]]) == [BODY[0], credit, BODY[1]]
    study = "本文来自于对300家企业的调研，发现多数企业面临融资难题。"
    assert postclean([study, *BODY]) == [study, *BODY]
    assert postclean([*BODY, "本文来自虎嗅，原文链接：https://www.huxiu.com/article/2900000.html"]) == BODY


def test_the_text_opens_below_a_labelled_lead_box() -> None:
    note = "编者按：过去一年，大模型的竞争焦点从云端逐渐延伸到终端。本文作者走访了多家手机厂商和芯片企业。"
    credit = "本文来自微信公众号“示例观察”（ID：demo-guancha），作者：陆思远，36氪经授权发布。"
    assert postclean([note, credit, *BODY]) == [note, *BODY]
    assert postclean([note, BODY[0], credit, BODY[1]]) == [note, BODY[0], credit, BODY[1]]


def test_copyright_terms_go_below_the_text_and_a_sentence_about_copyright_stays() -> None:
    for terms in ("本文版权归作者和博客园共有，欢迎转载，但未经作者同意必须保留此段声明，且在文章页面明显位置给出原文连接。",
                  "本文版权归示例网所有，未经授权不得转载。", "（文章版权归作者所有，如需转载请联系作者。）",
                  "未经正式授权严禁转载本文，侵权必究。", "版权所有，未经授权不得以任何形式转载及使用，违者必究。", "本文版权属于示例网（example.com），禁止转载。如有需要，请联系我们。"):
        assert postclean([*BODY, terms]) == BODY
        assert postclean([BODY[0], terms, BODY[1]]) == [BODY[0], terms, BODY[1]]
    for kept in ("本文版权归出版社所有。", "法院认定，该作品的著作权归原告所有，被告应停止侵权。"):
        assert postclean([*BODY, kept]) == [*BODY, kept]


LEAD = [
    "9月23日至24日，我校2011年秋季田径运动会在学校田径场隆重举行。全校三十六个班级的一千二百余名运动员参加了十八个项目的角逐。",
    "开幕式上，各班代表队依次入场，口号响亮，步伐整齐，展现了我校学生积极向上的精神风貌。",
    "比赛中，运动员们奋勇拼搏，你追我赶，赛场上加油声此起彼伏。",
]


def test_an_intro_box_repeating_the_lead_goes() -> None:
    assert postclean(["摘要：" + LEAD[1], LEAD[1], LEAD[2]]) == LEAD[1:]
    intro = "9月23日至24日，我校2011年秋季田径运动会在学校田径场隆重举行。全校三十六个班级的一千二百余名运动员参加了十八个项目的角逐。 开幕式上，各班代表队依次入场"
    assert postclean([intro, "发布时间：2011-09-25 来源：校团委", *LEAD]) == LEAD
    assert repeated_lead_flags([intro, "作者：王老师", *LEAD]) == [True, False, False, False, False]


def test_an_editors_summary_a_later_quote_and_a_repeated_paragraph_inside_stay() -> None:
    summary = "导读：本届运动会共有一千二百余名运动员参加，一项保持九年的校运会纪录被打破。"
    assert postclean([summary, *LEAD]) == [summary, *LEAD]
    teaser = LEAD[2] + "大家都说这是最好的一届。"
    assert not any(repeated_lead_flags([teaser, *LEAD[:2], "运动员名单", teaser]))
    assert postclean([*LEAD, LEAD[0]]) == [*LEAD, LEAD[0]]
    alike = [f"第{n}段：科技创新是推动高质量发展的关键，要加强基础研究，夯实科技自立自强的根基。" for n in range(3)]
    assert postclean(alike) == alike


def test_cross_references_go_wherever_they_stand() -> None:
    body = ["El Gobierno anunció este martes un nuevo paquete de medidas para el sector agrícola del país.",
            "Los productores recibirán apoyo directo durante los próximos seis meses, según el ministerio."]
    crossrefs = ["Lea también: Impiden ingreso a Nicaragua a reportero y camarógrafo", "Lesen Sie hier: Spielabbruch in der Kreisliga",
                 "Related: What Is The Best Soil For Bougainvillea?", "Schon gelesen?", "延伸阅读：我国首个深远海漂浮式风电项目并网",
                 "VEA TAMBIÉN: Entre heces y guaricha", "MIRA: Madre se acerca a conocer los motivos", "Czytaj też: Były dowódca wojsk USA",
                 "Leia também: Governo anuncia pacote", "À lire aussi : la réforme des retraites", "Читайте также: новости",
                 "Das könnte Sie auch interessieren:", "Lees ook: Kabinet valt"]
    for line in crossrefs:
        assert postclean([body[0], line, body[1]]) == body, line


def test_lines_that_merely_start_like_a_cross_reference_stay() -> None:
    lines = ["Related to the budget, the ministry said spending would rise by three percent next year.",
             "Lea el informe completo en el sitio del ministerio.", "相关新闻发布会于5月27日在北京举行，多位专家出席。",
             "Mira lo que tiene nuestro ministerio para el próximo año.", "Zobacz, jak wygląda nowy budynek ministerstwa.",
             "Lire aussi les conclusions du rapport, publiées mardi, permet de comprendre la décision."]
    assert postclean(lines) == lines


def test_list_headings_in_european_languages() -> None:
    for heading in ("Related articles", "You may also like", "Das Thema könnte dich auch interessieren:", "NOTAS RELACIONADAS",
                    "Czytaj też", "Lo más leído", "Sur le même sujet", "Articoli correlati", "Meistgelesen"):
        assert is_heading(heading), heading
    for line in ("Related articles were published in Nature last year.", "Empfehlungen der Kommission", "Trending upward",
                 "Te puede interesar saber que el plazo vence el lunes."):
        assert not is_heading(line), line
    tail = ["Lo más leído", "El Congreso aprueba la reforma", "Nueva Constitución: los plazos"]
    assert postclean([*[f"Párrafo {n}: el Gobierno anunció este martes un nuevo paquete de medidas." for n in range(2)], *tail])[-1].startswith("Párrafo")


FLASH = "【示例科技：签订4.8亿元储能系统采购合同】财联社5月20日电，示例科技公告，公司子公司签订储能系统采购合同，合同总金额约4.8亿元。"
ENTRIES = [
    ("09:31", "【沪指低开0.12%】财联社5月20日电，沪指低开0.12%，深成指跌0.21%，创业板指跌0.35%。"),
    ("09:27", "财联社5月20日电，国家统计局数据显示，4月份全国规模以上工业增加值同比增长6.4%。"),
    ("09:20", "【央行开展逆回购操作】财联社5月20日电，央行今日以利率招标方式开展了20亿元7天期逆回购操作。"),
]


def test_a_feed_of_clock_stamped_entries_under_a_section_heading_goes() -> None:
    feed = ["24小时电报查看更多 >"] + [line for clock, text in ENTRIES for line in (clock, text, "阅读 35.2W 分享")]
    assert postclean([FLASH, *feed]) == [FLASH]
    assert postclean([FLASH, "相关阅读", *feed[1:]]) == [FLASH]


def test_a_live_blog_and_a_short_run_of_stamped_entries_stay() -> None:
    live = [line for clock, text in ENTRIES for line in (clock, text)]
    assert postclean([FLASH, *live]) == [FLASH, *live]
    short = ["滚动新闻 更多>>"] + [line for clock, text in ENTRIES[:2] for line in (clock, text)]
    assert postclean([FLASH, *short]) == [FLASH, *short]


def test_feed_shapes() -> None:
    assert all(map(is_clock, ["09:31", "05-20 09:31", "2024-05-20 09:31:05", "3分钟前", "刚刚"]))
    assert not is_clock("09:31 沪指低开")
    assert all(map(is_more_heading, ["24小时电报 查看更多 >", "滚动新闻 更多>>", "要闻更多"]))
    assert not is_more_heading("了解更多信息请访问官网。")


def test_site_notices_and_prompts_go_around_the_text_and_stay_inside_it() -> None:
    for notice in ("特别提醒：如果我们使用了您的图片，请作者与本站联系索取稿酬。如您不希望作品出现在本站，可联系我们要求撤下您的作品。",
                   "本站部分文章来源于网络，版权归原作者所有，如有侵权请联系我们删除。", "如有侵权，请联系删除。",
                   "本文仅代表作者个人观点，不代表本站立场。", "（本文为作者原创，转载请注明出处）", "扫码关注经济观察报",
                   "开通智通VIP，解锁港股实时行情与独家研报",
                   "经济观察报记者，关注债券市场、地方财政与城投转型。联系邮箱：zhoumingyuan@example.com",
                   "市场有风险，投资需谨慎。本文不构成个人投资建议，也未考虑到个别用户特殊的投资目标、财务状况或需要。",
                   "以上内容与示例财经立场无关。相关内容不对各位读者构成任何投资建议，据此操作，风险自担。",
                   "风险提示：本文所提及的观点仅代表个人的意见，所涉及标的不作推荐，据此买卖，风险自负。",
                   "更多精彩内容，关注示例媒体微信号（ID：shili），或者下载示例媒体App", "（下载示例新闻，报料有奖！）",
                   "【如果您有新闻线索，欢迎向我们报料，一经采纳有费用酬谢。报料微信关注：shili】", "转载请联系本公众号获得授权",
                   "投稿或寻求报道：content@example.com", "《中国科学报》 (2024-05-23 第3版 综合)", "《人民日报》（2018年06月11日 10 版）",
                   "编辑 郭宇 责编 邓阳", "文 | 示例媒体APP，作者 | 周舟，编辑 | 林夕", "审校：孙医生 ｜ 编辑：王蕊",
                   "示例新闻编辑 | 许明哲", "关注示例经济网微信公众号（shili21），每天为您推送最有价值的财经报道。",
                   "本文仅代表作者个人观点，与示例网无关。其原创性以及文中陈述文字和内容未经本站证实，对本文以及其中全部或者部分内容、"
                   "文字的真实性、完整性、及时性本站不作任何保证或承诺，请读者仅作参考，并请自行核实相关内容。",
                   "楼主 发表于：2008-01-28 20:14:36 只看该作者",
                   "示例网版权说明：凡注明来源为“示例网”的作品，未经允许禁止转载，违者必究。"):
        assert postclean([*BODY, notice]) == BODY
        assert postclean([notice, *BODY]) == BODY
        assert postclean([BODY[0], notice, BODY[1]]) == [BODY[0], notice, BODY[1]]
    for kept in ("该平台表示，如发现侵权内容，用户可联系平台删除。", "市民可扫码关注公众号进行预约。", "报道称，多家银行已开通会员服务，即可享受优惠。",
                 "原创内容是平台的核心竞争力。", "他代表作者协会发言。",
                 "分析人士认为，市场有风险，投资需谨慎，投资者应理性看待短期波动。",
                 "据《人民日报》报道，2018年06月11日第10版刊发了这篇评论。", "更多精彩内容将在下周的发布会上公布。",
                 "警方表示，如有线索请拨打110。", "转载率是衡量文章影响力的指标之一。",
                 "截止时间：2024年6月30日17:00",
                 "风险提示：下游晶圆厂资本开支不及预期；原材料价格大幅波动；新产品研发进度不及预期。"):
        assert postclean([*BODY, kept]) == [*BODY, kept]


def test_a_signature_under_a_drawn_rule_closes_the_text() -> None:
    rule = "----------------------------------------"
    assert postclean([*BODY, rule, "骑车上班第三年，争取今年骑满五千公里。"]) == BODY
    sections = [BODY[0], rule, BODY[1], "项目全部建成后，年发电量可达二十亿千瓦时。", "当地还将建设配套的运维基地。"]
    assert postclean(sections) == sections  # a rule between sections stays with the text
    long_tail = "Meinungen in Beiträgen auf dieser Seite entsprechen jeweils den persönlichen Einschätzungen der Autorin oder des Autors."
    assert postclean([*BODY, rule, long_tail]) == [*BODY, rule, long_tail]


def test_an_end_mark_closes_the_text() -> None:
    tail = ["版权所有，未经授权不得以任何形式转载及使用，违者必究。", "关注我们，第一时间获知前沿科技动态"]
    assert postclean([*BODY, "— 完 —", *tail]) == BODY
    assert postclean([*BODY, "（完）", tail[1]]) == [*BODY, "（完）"]  # the bracketed mark is the text's last line
    # more text after the mark than a page's tail: the mark goes, the text stays
    rest = [f"第{n}部分：项目建成后，当地还将建设配套的运维基地和海上风电装备产业园。" for n in "一二三四五"]
    assert postclean([*BODY, "-END-", *rest]) == [*BODY, *rest]
    # a line that ends in 完 is no mark
    assert postclean([*BODY, "这项工作至今仍未完"]) == [*BODY, "这项工作至今仍未完"]


def test_a_table_headed_as_a_related_list_goes_wherever_it_stands() -> None:
    quotes = ["相关股票", "华硅股份\t600891\t8.76\t+3.42%", "晶源新能\t688512\t21.05\t+2.18%"]
    assert postclean([BODY[0], *quotes, BODY[1]]) == BODY
    data = ["券种\t额度上限", "研发服务券\t20万元"]
    assert postclean([BODY[0], *data, BODY[1]]) == [BODY[0], *data, BODY[1]]


def test_the_disclosure_tables_rows_go_above_the_text() -> None:
    rows = ["名称：\t深圳市科技创新委员会关于发布申请指南的通知", "主题词：\t高新技术企业;培育资助;申请指南", "索引号：\t11440300/2022-00387\t分类：\t通知公告"]
    assert postclean([*rows, *BODY]) == BODY
    data = ["企业上年度研发投入\t资助金额上限", "1000万元（含）以上\t50万元"]
    assert postclean([*BODY, *data]) == [*BODY, *data]


def test_a_name_glued_to_a_dateline_above_the_text_goes() -> None:
    assert postclean(["示例经济新闻2018-03-20 22:51:07", *BODY]) == BODY


def test_app_and_editor_credits_go_anywhere() -> None:
    for line in ("海量资讯、精准解读，尽在示例财经APP", "（编辑 王瑞）"):
        assert postclean([BODY[0], line, BODY[1]]) == BODY
    assert postclean([BODY[0], "（编辑部）", BODY[1]]) == [BODY[0], "（编辑部）", BODY[1]]


def test_a_summary_label_before_a_bracketed_title_is_a_lead() -> None:
    assert is_labelled_lead("摘要【半年报披露进入高峰期】截至8月21日，共有1562家公司披露半年报。")
    assert not is_labelled_lead("摘要显示，共有1562家公司披露半年报。")


def test_a_video_players_status_and_counters_go_and_sentences_about_video_stay() -> None:
    player = ["视频加载中，请稍候…", "时长 01:56 | 播放 6239次", "时长 01:48播放：3.2万次视频来源：山东广播电视台"]
    assert postclean([BODY[0], *player, BODY[1]]) == BODY
    sentence = "播放量高达300万次的视频让他一夜走红。"
    assert postclean([BODY[0], sentence, BODY[1]]) == [BODY[0], sentence, BODY[1]]


def test_an_inline_bracketed_cross_reference_goes_and_a_bare_bracketed_label_stays() -> None:
    assert postclean([BODY[0], "【相关阅读】济南首个5G智慧公交站亮相泉城路", BODY[1]]) == BODY
    assert postclean([BODY[0], "【相关日志】抓虾、鲜果、看天下，三个在线阅读器横评", BODY[1]]) == BODY
    for line in ("【报告推荐】《2013-2017年中国光伏逆变器行业投资分析及前景预测报告》", "出版日期：2013年8月 报告页码：186页 订购热线：0755-82571522",
                 "相关报告：智研咨询发布的《2020-2026年中国锂电池隔膜行业市场运营格局及发展战略研究报告》 免费获取报告目录",
                 "延伸阅读 生成式人工智能对学术出版的影响及应对", "视频：走进“小小工程师”课后服务课堂", "【求是微视频】创新，中国式现代化的鲜明底色",
                 "掌上高考：查大学、查专业、测位次，一站式志愿填报助手，免费下载"):
        assert postclean([BODY[0], line, BODY[1]]) == BODY, line
    # a sentence after the label, or a long line, is text
    assert postclean([*BODY, "本文采编：CY337"]) == BODY
    for line in ("相关报告显示，隔膜产量同比增长35.3%。", "订购热线开通后，每天接到上百个电话。", "相关新闻 报道称，该项目将于明年投产。", "视频直播平台的用户规模已超过七亿，免费下载的应用占了大多数。"):
        assert postclean([BODY[0], line, BODY[1]]) == [BODY[0], line, BODY[1]], line
    # alone, the label heads what follows (a related article printed in full): not a cross-reference
    assert postclean([BODY[0], "【相关阅读】", BODY[1]]) == [BODY[0], "【相关阅读】", BODY[1]]


def test_a_quote_box_with_a_note_after_its_heading_and_a_footnote_goes() -> None:
    box = ["相关个股 （行情截至06-10 09:40）", "中兴通讯(000063)\t32.15\t+3.12%", "烽火通信(600498)\t29.40\t+1.87%"]
    assert postclean([BODY[0], *box, BODY[1]]) == BODY
    funds = ["相关基金净值 （4月23日）", "基金名称\t单位净值\t日增长率", "景泰成长股票\t1.0235\t+0.82%"]
    assert postclean([BODY[0], *funds, BODY[1]]) == BODY
    hk = ["相关股份", "比亚迪股份(01211.HK)\t285.400\t+2.150%", "报价延迟最少15分钟 · 更新时间：2022/08/16 11:50"]
    assert postclean([BODY[0], *hk, BODY[1]]) == BODY
    # the note after a space: the quotes' time, or what it says of them
    for heading in ("相关个股行情 2016-08-26 10:10", "相关个股 行情数据截至收盘", "相关股票 15:00"):
        rows = ["五粮液 000858\t33.82\t+1.29%", "泸州老窖 000568\t30.15\t+0.87%"]
        assert postclean([BODY[0], heading, *rows, BODY[1]]) == BODY, heading
    # a dated heading-like line over a data table of the text stays
    table = ["2016年上半年 川股业绩", "行业\t公司数\t增长家数", "食品饮料\t6\t5"]
    assert postclean([BODY[0], *table, BODY[1]]) == [BODY[0], *table, BODY[1]]


def test_reprint_terms_disclaimers_and_app_promos_of_blogs_and_platforms_go_below_the_text() -> None:
    for line in ("天涯问答手机版上线啦！用手机访问 wap.tianya.cn 随时随地提问回答", "用手机访问 3g.163.com 看新闻",
                 "本文为猎云网原创，作者：宋嘉，转载请注明出处，否则将追究法律责任。",
                 "原创作品，允许转载，转载时请务必以超链接形式标明文章 原始出处 、作者信息和本声明。否则将追究法律责任。http://x.blog.example.com/1/2",
                 "本文出自 “运维小屋” 博客，请务必保留此出处http://x.blog.example.com/1/2",
                 "本站是提供个人知识管理的网络存储空间，所有内容均由用户发布，不代表本站观点。如发现有害或侵权内容，请点击这里。",
                 "示例财经新闻免责声明：本网页所载新闻仅供参考用途。", "扫码下载示例财经APP，港股实时行情免费看"):
        assert postclean([*BODY, line]) == BODY, line
    # a headline naming a statement is no disclaimer, and a sentence about an app stays
    for line in ("营口港大跌9%后声明：相关债务报道当事方为控股股东 与公司无关", "下载该APP的用户中，有六成会免费试用。",
                 "《人民日报》手机报正式开通。", "手机版上线后，用户数增长了三倍。",
                 "（本文出自经济观察报2008年编著的《开放中国：改革的30年记忆》一书）"):
        assert postclean([*BODY, line]) == [*BODY, line], line


def test_a_signature_rule_may_carry_a_word() -> None:
    assert postclean([*BODY, "----sign----", "主板是拿来插显卡的，显卡是拿来等降价的。"]) == BODY


def test_folds_rewards_polls_app_buttons_and_job_ads_go_and_sentences_about_them_stay() -> None:
    widgets = ["展开全文 剩余60%未读", "展开阅读全部", "写文章不容易，打赏一下小编？", "已有 37 位差友打赏",
               "新智元招聘：主笔、编辑、运营，简历请投递 hr@example.com", "两会报道第一时间推送 立即下载 >", "人民政协报客户端",
               "【投票】您会考虑购买新能源汽车吗？", "视频加载中，请稍后...", "东南网视频：走进宁德锂电产业园 时长 03:12 播放次数：8,746",
               "点击阅读：福建出台新能源汽车产业发展三年行动计划", "已有 3208 人参与", "共有1,204位网友参与投票",
               "网上调查：您认为温州制造业走出困境最需要什么？", "技术创新 品牌建设 开拓内需市场 政府扶持 查看结果", "正在加载视频，请稍候……",
               "时长 02:35 播放次数：1286 来源：甘肃电视台", "<< 上一篇：中秋加班记，顺便吐槽一下公司的新考勤系统 | 下一篇：重装系统第三次 >>",
               "引用通告地址： http://nightowl.yculblog.com/trackback.1583421.html", "[引用] keso的博客：也说Web 2.0的盈利 (2006-09-19 10:12)"]
    assert postclean([BODY[0], *widgets, BODY[1]]) == BODY
    for sentence in ("已有3208人参与了这项研究。", "上一篇：我们讲了数据治理。本篇继续讨论。", "调查：超七成受访者认为房价偏高", "未成年人直播打赏将被禁止。", "招聘会现场，求职者纷纷投递简历。", "他在微信客户端上发布了消息。", "下载量突破一亿次。", "会议时长2小时。"):
        assert postclean([BODY[0], sentence, BODY[1]]) == [BODY[0], sentence, BODY[1]], sentence


def test_forum_signatures_ratings_and_moderator_notes_go_anywhere() -> None:
    marks = ["签名：买房如打仗，跑断腿才有好价钱。", "评分记录： 版主 秦论坛版主_阿峰 给予 精华 +1 金币 +50 “干货满满”",
             "【版主提示】本帖已收录进“二孩政策一站通”专题"]
    assert postclean([BODY[0], *marks, BODY[1]]) == BODY
    for line in ("评分：9分，值得一看。", "【温馨提示】请市民错峰出行。"):
        assert postclean([BODY[0], line, BODY[1]]) == [BODY[0], line, BODY[1]], line
    assert postclean([*BODY, "本游记著作权归 观星的阿哲 所有，任何形式转载请联系作者"]) == BODY


def test_players_media_links_follow_promises_and_official_text_caveats_go() -> None:
    widgets = ["视频加载中…时长 02:353.8万次播放", "3.8万次播放", "音频加载中……", "时长 02:35 下载收听", "点击收听：中国之声《新闻和报纸摘要》",
               "[视频] 探访世博园区智能电网调度中心", "觉得有用就点个赞吧", "第一时间获取商务部权威发布与政策解读", "点击图片查看原图 共4张",
               "参与投票：你最想对航天员说什么？", "【相关解读】一图读懂2022年度省级工业互联网平台创建工作"]
    assert postclean([BODY[0], *widgets, BODY[1]]) == BODY
    for line in ("说明：本网站发布的公告文本与正式印发文本如有不一致，以正式印发文本为准。", "本解读仅供参考，具体内容以政策原文为准。"):
        assert postclean([*BODY, line]) == BODY, line
    for sentence in ("我给他点个赞。", "监控视频显示，嫌疑人于凌晨3点进入小区。"):
        assert postclean([BODY[0], sentence, BODY[1]]) == [BODY[0], sentence, BODY[1]], sentence
    quotes = ["相关个股", "比亚迪(002594)\t265.00\t+1.2%", "行情数据仅供参考，以交易所公布为准"]
    assert postclean([BODY[0], *quotes, BODY[1]]) == BODY


def test_app_slogans_more_links_swipe_tips_and_sign_in_prompts_go_and_sentences_about_them_stay() -> None:
    widgets = ["下载海报新闻客户端 领略山东海洋之美", "下载Mysteel手机客户端，实时掌握全国钢材价格", "机锋市场客户端 4.2 正式版",
               "更多PTA报价>>", "查看更多新闻 >", "左右滑动查看更多图片", "点击查看大图",
               "赞一个(127) 收藏本帖(86) 觉得有用就点个赞吧，楼主会更有动力更新~", "回复帖子需要 登录，还没有丁香园帐号？立即注册",
               "提问者对于答案的评价：谢谢，这下明白了，原来是权重乘以涨幅。"]
    assert postclean([BODY[0], *widgets, BODY[1]]) == BODY
    for sentence in ("市民可下载“北京交通”APP，实时查询路况信息。", "更多企业将在年内投产。", "没有账号的老人可以到窗口注册办理。",
                     "手指在屏幕上左右滑动即可切换页面，这一设计后来被广泛采用。"):
        assert postclean([BODY[0], sentence, BODY[1]]) == [BODY[0], sentence, BODY[1]], sentence


def test_a_sites_claim_on_what_it_credits_to_itself_goes_below_the_text() -> None:
    claim = "凡注明来源“中国储能网：xxx（署名）”，除与中国储能网有特别约定外，其他任何媒体未经本网授权不得转载。如需转载请与本网联系。"
    assert postclean([*BODY, claim]) == BODY
    assert postclean([BODY[0], claim, BODY[1]]) == [BODY[0], claim, BODY[1]]


def test_glued_quote_rows_rating_logs_and_price_boxes_go_under_their_headings() -> None:
    quotes = ["相关个股", "天齐锂业 002466118.35+3.42%", "赣锋锂业 002460158.20+2.17%"]
    assert postclean([BODY[0], *quotes, BODY[1]]) == BODY
    ratings = ["本帖评分记录", "评分人\t专业分\t丁当\t理由", "版主 分子小马哥\t+3\t+10\t内容详实，鼓励原创经验"]
    assert postclean([BODY[0], *ratings, BODY[1]]) == BODY
    header_row = ["评分\t人数 6\t爱卡币 +60\t理由", "版主-沪A小马\t\t+20\t精华好帖，感谢分享"]
    assert postclean([BODY[0], *header_row, BODY[1]]) == BODY
    labelled = ["评分", "参与人数 3\t穷游币 +15\t理由", "萨瓦迪卡卡\t+5\t实用干货，已收藏", "北纬46度\t+5\tEasyRide讲得很清楚"]
    assert postclean([BODY[0], *labelled, BODY[1]]) == BODY
    # a bare 评分 over a table of the text's own scores stays
    scores = ["评分", "项目\t得分", "外观\t9"]
    assert postclean([BODY[0], *scores, BODY[1]]) == [BODY[0], *scores, BODY[1]]
    prices = ["相关商品价格 （单位：元/吨）", "商品\t03-01\t03-15\t涨跌幅", "PTA\t4360\t4580\t5.05%"]
    assert postclean([BODY[0], *prices, BODY[1]]) == BODY
    # a subheading over the article's own table, and a sentence ending in a change, stay
    table = ["表1 主要商品价格", "商品\t03-01\t03-15", "PTA\t4360\t4580"]
    assert postclean([BODY[0], *table, BODY[1]]) == [BODY[0], *table, BODY[1]]
    assert is_quote_row("天齐锂业 002466118.35+3.42%") and is_quote_row("PTA 4580 +5.05%")
    assert not is_quote_row("上证指数收于3021点，涨幅+0.8%") and not is_quote_row("增长+5%")


def test_a_paywalls_teaser_goes_below_the_text_and_a_sentence_about_subscriptions_stays() -> None:
    text = ["Le réacteur n° 1 de la doyenne des centrales françaises doit être déconnecté samedi.",
            "Pour EDF, l’opération est d’abord industrielle, et le démantèlement prendra vingt ans."]
    teaser = ["Il vous reste 58.4% de cet article à lire. La suite est réservée aux abonnés.", "Abonnez-vous pour lire la suite",
              "Accédez à tous nos contenus en illimité, sur le site et l’application.", "Subscribe to continue reading.",
              "Already a subscriber? Sign in", "Weiterlesen mit SZ Plus"]
    assert postclean([*text, *teaser]) == text
    assert is_paywall_teaser("This article is only available to subscribers. Subscribe now.")
    for sentence in ("Subscribers to the service rose by 12% in the quarter, the company said.", "Les abonnés ont reçu un courriel samedi."):
        assert not is_paywall_teaser(sentence), sentence
        assert postclean([*text, sentence]) == [*text, sentence]


def test_statement_labels_ads_give_aways_caveats_and_portal_sms_promos_go() -> None:
    assert postclean([*BODY, "风险及免责提示"]) == BODY
    assert postclean([BODY[0], "风险提示", BODY[1]]) == [BODY[0], "风险提示", BODY[1]]  # a subheading inside the text
    widgets = ["推广开通美股Level 2行情，首月免费体验立即领取", "自选股异动实时提醒，下载领取Level-2体验卡",
               "【搜狐短信】移动用户发送“IT”到8888，每天收到最新科技要闻", "新华短信：发送“XH”到9501，订阅新华网每日要闻，重大新闻第一时间知道",
               "★订阅新浪科技时代每日新闻邮件，业界大事一手掌握★", "东方宽频 时长 02:35 播放次数：1268 如无法观看，请下载RealPlayer播放器",
               "视频加载中… 时长 01:56 已播放 1204 次",
               "点击进入：中国软件产业发展专题 印度软件业的启示"]
    assert postclean([BODY[0], *widgets, BODY[1]]) == BODY
    for line in ("本网站发布的文件文本仅供参考，如与正式文本不一致，以正式文本为准。", "温馨提示：本公示内容以省科技厅正式发文为准"):
        assert postclean([*BODY, line]) == BODY, line
    for sentence in ("推广新能源汽车下乡活动，各地立即行动。", "用户发送短信到12315即可投诉。", "市民可编辑短信发送到12345反映问题。",
                     "广告投放收入同比增长两成。"):
        assert postclean([BODY[0], sentence, BODY[1]]) == [BODY[0], sentence, BODY[1]], sentence


def test_newsletter_and_registration_prompts_go_anywhere_and_wire_credits_below_the_text() -> None:
    text = ["LONDON, Nov 23 (Reuters) - Companies planning to refine battery metals in Europe said on Wednesday they may move.",
            "Europe currently refines almost none of the lithium its car industry will need, the developers said."]
    prompts = ["Register now for FREE unlimited access to Reuters.com", "Enjoying this post?",
               "Get new essays on open-source maintenance in your inbox, about twice a month.", "Sign up for our daily newsletter."]
    assert postclean([text[0], *prompts, text[1]]) == text
    credit = "Reporting by Alice Fenwick in London and Markus Weber in Berlin; Additional reporting by Tom Lee; Editing by Jan Harvey"
    assert postclean([*text, credit]) == text
    assert is_wire_credit("(Reporting by Jane Doe; editing by John Smith)")
    for sentence in ("Reporting by local media suggested the plant would close, but the company denied it.",
                     "Subscribers to the newsletter rose by a third after the launch, the company said."):
        assert not is_subscription_prompt(sentence) and not is_wire_credit(sentence), sentence
        assert postclean([*text, sentence]) == [*text, sentence]


def test_a_series_or_column_note_goes_around_the_text() -> None:
    for note in ("【4G半年考】本文为网易科技“4G半年考”系列报道之二，点击查看专题全部报道>>",
                 "【数读】本文为网易新闻·数读栏目出品，数据均来自公开资料。如需转载，请联系datablog@example.com获得授权。"):
        assert postclean([note, *BODY]) == BODY, note
        assert postclean([*BODY, note]) == BODY, note
    assert postclean([BODY[0], "本文为该报“乡村振兴”系列报道之三的补充。", BODY[1]])[1] == "本文为该报“乡村振兴”系列报道之三的补充。"


def test_titled_cross_references_print_edition_notes_named_newsletters_and_wiki_edit_links() -> None:
    text = ["The bridge that carries Route 9 over the river was built in 1958 and inspected every two years.",
            "The inspection report that followed was not dramatic, but it described serious deterioration."]
    lines = ["Read: Why your city can’t fix its potholes", "Video: Why scientists are mapping the night sky over cities",
             "À lire aussi Bouclier tarifaire : ce que prévoit le gouvernement pour 2023", "Sign up for The Atlantic Daily newsletter."]
    assert postclean([text[0], *lines, text[1]]) == text
    prompts = ["If you enjoyed this post, you can follow along via RSS or get new posts by email through the newsletter. No spam, roughly one post a month.",
               "Did you like this article? Please accept our trial subscription offer to be able to see more content.", "(Log in to post comments)",
               "Login or register to post comments", "Featured Image: Getty Images", "Image Credits: Bryce Durbin / TechCrunch"]
    assert postclean([text[0], *prompts, text[1]]) == text
    assert postclean([*text, "Een versie van dit artikel verscheen ook in NRC Handelsblad van 12 maart 2019"]) == text
    assert postclean([*text, "A version of this article appears in print on March 14, 2019, Section B, Page 3."]) == text
    assert postclean(["How it works[edit]", *text]) == ["How it works", *text]
    for sentence in ("Read more about it in our guide to the new rules, published last week.", "See also the appendix for details.",
                     "If you enjoyed this post, you will like the next one too.", "Users must log in to post comments, the company said.",
                     "The photo: it was taken in 1958 by a local photographer who knew the bridge well.",
                     "Video footage shows the bridge deck in 1958."):
        assert postclean([text[0], sentence, text[1]]) == [text[0], sentence, text[1]], sentence


def test_wechat_swipe_tips_read_original_promos_polls_and_the_accounts_closing_matter_go() -> None:
    inside = ["◀ 左右滑动查看更多图片 ▶", "👈 左右滑动查看更多 👉", "（左右滑动查看会议评审现场图片）",
              "机器之心「AI 科技年会」报名通道已开启，点击阅读原文，锁定席位", "下载36氪APP，搜索“汽车芯片”，获取更多独家报道 >>",
              "投票 · 单选 · 已有1862人参与"]
    assert postclean([BODY[0], *inside, BODY[1]]) == BODY
    closing = ["【特别提示】本文为科技日报原创，转载请注明出处；如需授权，请在公众号后台留言。", "制版编辑 | 皮皮鱼",
               "本文系《知识分子》原创。欢迎个人转发到朋友圈，媒体或机构如需转载，请联系授权。", "— 推荐阅读 —",
               "知识分子 · 为更好的智趣生活 · ID：The-Intellectual", "本文受科普中国·星空计划项目扶持",
               "监制：中国科学技术出版社有限公司、北京中科星河文化传媒有限公司", "特 别 提 示",
               "2. 『返朴』提供按月检索文章功能。关注公众号，回复四位数组成的年份+月份，可获取文章索引。",
               "编辑：陈思源 初审：王蕾 复审：周建 终审：许文斌", "东吴证券研究所 · 扫码关注获取更多研究观点"]
    for line in closing:
        assert postclean([*BODY, line]) == BODY, line
    assert is_heading("— 推荐阅读 —") and is_heading("▽ 精彩推荐")
    for sentence in ("记者点击阅读原文后发现，链接已经失效。", "用户左右滑动屏幕即可切换不同的监测点位，这一功能很受欢迎。"):
        assert postclean([BODY[0], sentence, BODY[1]]) == [BODY[0], sentence, BODY[1]], sentence


def test_a_statement_under_its_heading_closes_the_text_and_a_subheading_of_that_name_stays() -> None:
    statement = ["法律声明", "本公众订阅号（微信号：dwzqyjs）为东吴证券股份有限公司研究所依法设立的订阅号。",
                 "本订阅号不是东吴研究所研究报告的发布平台，所载内容均来自已正式发布的研究报告。",
                 "本订阅号所载内容版权仅为东吴证券股份有限公司所有，未经书面许可，任何机构和个人不得转载。"]
    assert postclean([*BODY, *statement]) == BODY
    rules = ["法律声明", "第三方平台发布的内容须标明出处，新规将于明年一月起施行。"]
    assert postclean([*BODY, *rules]) == [*BODY, *rules]



def test_broadcast_notes_affiliate_disclosures_and_calls_for_donations_go_around_the_text() -> None:
    text = ["Intel will in Magdeburg zwei Chipfabriken bauen, die ab 2027 produzieren sollen.",
            "Die größte Sorge in der Region betrifft die Menschen, die in den Werken arbeiten sollen."]
    notes = ["Über dieses Thema berichtete die tagesschau am 15. März 2022 um 17:00 Uhr.",
             "Hinweis: Golem.de nimmt am Affiliate-Programm von Amazon teil. Wenn Sie Produkte über unsere Links kaufen, erhalten wir eine kleine Provision.",
             "This post contains affiliate links. If you buy through them, we earn a small commission.",
             "As an Amazon Associate I earn from qualifying purchases.",
             "Wir finanzieren uns zu fast 100 % aus Spenden von Leserinnen und Lesern.",
             "Unterstütze unsere Arbeit mit einer Spende oder einem Dauerauftrag, damit wir weiter unabhängig berichten können."]
    assert postclean([*text, *notes]) == text
    assert postclean([notes[2], *text]) == text
    # disclosures, sponsor reads and embeds' consent notices go anywhere; a call for membership around the text
    inside = ["*Hinweis: Dieser Beitrag enthält Affiliate-Links. Wenn ihr darüber etwas kauft, bekomme ich eine kleine Provision.",
              "This episode is brought to you by", "⚡ Grid Edge is listener-supported. If you get something out of the show, consider joining our Patreon.",
              "By playing it you accept YouTube's privacy policy.", "Mit dem Laden des Videos akzeptieren Sie die Datenschutzerklärung von YouTube.",
              "You are not reading the most recent version of this documentation. 1.0 is the latest version available.",
              "You might also like: Crispy Rosemary Sourdough Discard Crackers"]
    assert postclean([text[0], *inside, text[1]]) == text
    assert postclean([*text, "Jetzt Mitglied werden"]) == text
    # sentences about commissions and donations stay, inside the text or around it
    for sentence in ("The station is listener-supported, its manager said.", "The study was sponsored by the EU.",
                     "Amazon earns a commission on every sale made through its affiliate programme, the report says.",
                     "Die Organisation finanziert sich aus Spenden und Mitgliedsbeiträgen.", "Der Konzern nimmt am Förderprogramm der EU teil."):
        assert postclean([*text, sentence]) == [*text, sentence], sentence


def test_the_european_tests_word_searches_find_exactly_their_words() -> None:
    import random

    from crawler.extract import latinwords, westernlines

    words = latinwords.EVERY_WORD
    rng = random.Random(8)
    alphabet = "abcdeilmnoprstuvwyz éß"
    samples = [*words, *(w[:-1] for w in words), *("xx " + w + " yy" for w in words)]
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 60))) for _ in range(3000)]
    for sample in samples:  # the prefix tree searches as a plain alternation would
        assert (westernlines._ALL_WORDS.search(sample) is not None) == any(w in sample for w in words), sample
    assert westernlines.anywhere_kind("Subscribe to our weekly newsletter.") == "subscription_prompt"
    assert westernlines.anywhere_kind("Featured Image: Getty Images") == "image_credit"
    assert westernlines.anywhere_kind("This episode is brought to you by Acme Solar.") == "reader_appeal"
    assert westernlines.edge_kind("Subscribe to continue reading") == "paywall_teaser"
    assert westernlines.edge_kind("Reporting by Alice Fenwick in London; Editing by Jan Harvey") == "wire_credit"
    assert westernlines.edge_kind("Jetzt Mitglied werden!") == "reader_appeal"
    for line in ("The council will subscribe to the regional energy plan next year, the mayor said.", "新闻稿", "x" * 500):
        assert westernlines.anywhere_kind(line) is None and westernlines.edge_kind(line) is None


def test_log_in_walls_text_message_subscriptions_and_complaint_contacts_go() -> None:
    for line in ("剩余45%未读，登录后查看全文", "登录后查看全文", "舜网手机报全新改版，移动用户发送短信JNXW到10658000即可订阅，每天两期济南新闻早知道。",
                 "如对本稿件有异议或投诉，请联系 tougao@huxiu.com"):
        assert postclean([BODY[0], line, BODY[1]]) == BODY, line
    assert postclean([*BODY, "本内容为作者独立观点，不代表虎嗅立场。未经允许不得转载，授权事宜请联系 hezuo@huxiu.com"]) == BODY
    for line in ("记者登录后查看全文档发现，该公司早已注销。", "他发送短信到10086查询话费，却发现被扣了钱。",
                 "如对本稿件有异议，当事人可以在三十日内申请复议，复议机关应当依法处理。"):
        assert postclean([BODY[0], line, BODY[1]]) == [BODY[0], line, BODY[1]], line


def test_appeals_in_other_languages_go_below_the_text_and_spoiler_notices_and_affiliate_plugin_lines_anywhere() -> None:
    from crawler.extract.westernlines import anywhere_kind, edge_kind

    for line in ("Sostieni il Filo", "Il Filo è gratuito e vuole restarlo. Se ti piace quello che facciamo e pensi che serva, abbonati.",
                 "Soutenez notre journalisme : faites un don.", "Hazte socio de nuestro periódico.", "Support independent journalism today."):
        assert edge_kind(line) == "reader_appeal", line
    assert anywhere_kind("Spoiler warning! This article contains plot details about the main campaign.") == "page_notice"
    assert anywhere_kind("Last update on 2021-05-11 / Affiliate links / Images from Amazon Product Advertising API") == "reader_appeal"
    for line in ("Gli abbonati a Netflix sono cresciuti del 10% nel 2020.", "Sostieni il progetto di legge, ha detto il ministro, perché serve al paese.",
                 "Spoiler alert: the butler did it, and the detective knew from the first chapter.", "The last update on 2021-05-11 fixed the bug."):
        assert edge_kind(line) is None and anywhere_kind(line) is None, line



def test_batch_twenty_lines_around_the_text() -> None:
    from crawler.extract.boilerplate import boilerplate_kinds, rule_name

    # a video card's title with its length in brackets, an app promo that ends bidding the download,
    # an original compilation's reprint terms
    assert rule_name("会议视频：2024年普惠金融工作推进会（时长 03:48）") is not None
    assert rule_name("温馨提示：87%用户都在生物谷APP上阅读，扫码下载生物谷APP。") == "app_promo"
    assert any(boilerplate_kinds("本文系生物谷原创编译整理，欢迎转发，转载需授权！点击 获取授权。更多资讯请下载生物谷APP。"))
    for line in ("据统计，下载该APP的用户中，有六成来自三四线城市。", "会议时长约两个小时，与会代表围绕普惠金融展开讨论。",
                 "本文系统梳理了原创药研发的三个阶段，欢迎读者批评指正。"):
        assert not any(boilerplate_kinds(line)), line
    # quote boxes' headings
    for heading in ("相关合约行情", "实时行情", "延时行情", "相关指数", "相关期货行情"):
        assert is_heading(heading), heading
    assert not is_heading("行情分析")


def test_a_traditional_line_is_read_as_simplified_by_the_line_rules_and_keeps_its_characters() -> None:
    from crawler.extract.boilerplate import boilerplate_kinds, rule_name
    from crawler.extract.hans import simplified
    from crawler.extract.shapes import is_cross_reference

    assert simplified("【延伸閱讀】台積電第三季獲利創高") == "【延伸阅读】台积电第三季获利创高"
    for line in ("著作权归作者所有", "么", "The quick brown fox", "正常的简体句子。"):
        assert simplified(line) is line  # simplified and ASCII lines are passed over, never changed
    assert is_heading("相關股份報價") and is_heading("【延伸閱讀】")
    assert is_cross_reference("【延伸閱讀】台積電第三季獲利創高 全年營收成長上看24%")
    assert rule_name("※ 歡迎用「轉貼」或「分享」的方式轉傳文章連結；未經授權，請勿複製轉貼文章內容", edge=True) is not None
    assert rule_name("本文剩餘 45%，訂閱天下全閱讀，解鎖所有文章") is not None
    assert rule_name("影／貿易戰效應 台商回流潮帶動工業區擴建") is not None
    assert rule_name("【影音】三分鐘看懂碳費、碳稅與碳交易") is not None
    assert not any(any(boilerplate_kinds(line)) for line in ("台積電總裁魏哲家表示，此次赴日設廠是經過與客戶及日本政府多次討論後的決定。",))


def test_batch_twenty_one_lines() -> None:
    from crawler.extract.boilerplate import boilerplate_kinds, rule_name
    from crawler.extract.shapes import is_cross_reference
    from crawler.extract.westernlines import anywhere_kind

    for line in ("本视频已播放3216次", "剩余55%未读，登录会员可免费阅读全文", "此帖子已被 皖北小村官 在 2008-5-8 21:52:14 编辑过",
                 "扫码关注“中国冶金报”微信公众号，获取更多钢铁行业资讯"):
        assert rule_name(line) is not None, line
    for line in ("该视频发布后已播放超过百万次，引发网友热议。", "会员可免费阅读全文的做法，被不少媒体效仿。", "扫码关注的用户中，有六成来自三四线城市。"):
        assert not any(boilerplate_kinds(line)), line
    assert is_cross_reference("相关知识：空调一晚上大概用几度电？") and is_cross_reference("More: Social Security benefits will rise 1.6% in 2020.")
    assert not is_cross_reference("More than half of the respondents said they would switch.")
    for line in ("Opinions expressed by Forbes Contributors are their own.", "Views are my own and not those of my employer.",
                 "Hier finden Sie Inhalte aus Twitter.", "When you buy through our links, Insider may earn an affiliate commission."):
        assert anywhere_kind(line) is not None, line
    for line in ("The views of the residents are mixed.", "Many opinions expressed at the hearing were critical of the plan."):
        assert anywhere_kind(line) is None, line


def test_batch_twenty_two_lines() -> None:
    from crawler.extract.boilerplate import boilerplate_kinds, rule_name
    from crawler.extract.widgettables import headed_table_flags
    from crawler.extract.shapes import is_cross_reference
    from crawler.extract.westernlines import anywhere_kind, edge_kind

    for line in ("【今周刊影音】升息來了，存股族該怎麼調整？ 時長 05:48 觀看次數 2.3萬", "不用抽 不用搶 現在用APP看新聞 保證天天中獎 點我下載APP 按我看活動辦法",
                 "游客，如果您要查看本帖隐藏内容请回复", "IMG_3351.JPG (86.32 KB, 下载次数: 3)", "东南网视频：走进宁德锂电产业园 时长 03:12 观看次数：8,746"):
        assert rule_name(line) is not None, line
    for line in ("如何下载APP？", "他说查看本帖隐藏内容请回复是骗人的。", "附件IMG_3351.JPG拍的是水电验收的现场。"):
        assert not any(boilerplate_kinds(line)), line
    assert is_quote_row("00388香港交易所282.600+4.200（+1.51%）") and is_quote_row("HSI恒生指數17,206.35+292.08（+1.73%）")
    assert not is_quote_row("恒生指数收报17,206点，涨1.73%。") and not is_quote_row("")
    assert headed_table_flags(["相关基金 净值日期：06-17", "华安科技动力混合 040025\t2.3410\t+1.26%", BODY[0]]) == [True, True, False]
    assert headed_table_flags(["相关股项", "马银行（MAYBANK，1155）\t8.10令吉\t-0.02", BODY[0]]) == [True, True, False]
    for line in ("Explore further: Artificial leaf makes fuel from sunlight more efficiently", "Passend dazu: Was ein Betriebsrat bewirken kann",
                 "A lire aussi : Donald Trump signe un décret", "Vidéo : notre test complet du Huawei P30 Pro"):
        assert is_cross_reference(line), line
    assert not is_cross_reference("Explore the data further in the appendix.")
    for line in ("This document is subject to copyright. Apart from any fair dealing for the purpose of private study, no part may be reproduced.",
                 "Materials provided by Northern Plains University. Note: Content may be edited for style and length.",
                 "Don’t have time to keep up with climate news? Get our weekly environment newsletter. Each Wednesday, our editor writes a short email."):
        assert anywhere_kind(line) is not None, line
    for line in ("Unabhängiger Journalismus ist nicht umsonst. Die taz verzichtet auf eine Paywall, damit alle ihn lesen können.",
                 "Dieser Artikel war interessant, hilfreich oder beides? Die Redaktion freut sich über jede Unterstützung.",
                 "Soutenez une rédaction indépendante et profitez de Numerama sans publicité.",
                 "At HuffPost, we believe that everyone needs high-quality journalism, but we understand that not everyone can afford it.",
                 "Dieser Artikel wurde mit maschineller Unterstützung erstellt und von der Redaktion geprüft."):
        assert edge_kind(line) == "reader_appeal" or edge_kind(line) == "wire_credit", line
    for line in ("The grant was provided by the national science foundation over five years, the university said.",
                 "Independent journalism has a long history in the region.", "The newsletter reached 40,000 readers within a year."):
        assert anywhere_kind(line) is None and edge_kind(line) is None, line


def test_batch_twenty_three_lines() -> None:
    from crawler.extract.boilerplate import boilerplate_kinds, rule_name
    from crawler.extract.shapes import is_cross_reference
    from crawler.extract.westernlines import anywhere_kind, edge_kind

    for line in ("打开海报新闻，看更多高清视频", "(记者 徐威 马莉娜；编辑 王兴亮)", "手机看新闻，天山手机报每天只需0.1元！移动用户发送 TS 到 10658000 即可订阅",
                 "点击进入黄河新闻网晋城频道 看更多晋城新闻", "扬子晚报网提示：关注@扬子晚报新浪微博，第一时间获取南京本地新闻"):
        assert rule_name(line) is not None, line
    for line in ("橙柿互动提醒：具体补贴标准及申领方式请以官方发布为准，谨防以“代领补贴”为名的诈骗。",
                 "【编者按】本报即日起推出“国企改革进行时”系列报道，欢迎读者来信来稿，提供线索。报料邮箱：zqb@zqcn.com.cn"):
        assert rule_name(line, edge=True) is not None, line
    for line in ("记者第一时间赶到现场。", "（记者 王强；这是一个句子。）", "编者按：今年是改革开放四十周年，本文回顾了特区的起步。"):
        assert not any(boilerplate_kinds(line)), line
    assert not boilerplate_kinds("企业点击进入申报系统频道后，按提示填写材料。")[0]  # an edge rule's business (click_through)
    for line in ("» Related post: Riding the Golden Circle on a budget", "Further Reading on SmashingMag:", "VIDÉO. Semi-conducteurs : pourquoi l’Europe",
                 "Don't miss: 10 things you should do right now after the Equifax hack"):
        assert is_cross_reference(line), line
    for line in ("[Ed. note: This article is part of our occasional series of deep dives from engineers. Want to write one?]",
                 "See the Pen Named grid lines for article layouts by Jonas Thiel (@jthiel) on CodePen.",
                 "All products linked here have been independently selected by our editors. We may earn a commission on purchases.",
                 "Äußerungen unserer Gesprächspartner geben deren eigene Auffassungen wieder. Der Deutschlandfunk macht sich diese nicht zu eigen.",
                 "Das Video wird nach der Werbung automatisch abgespielt. Werbung endet in 15 Sekunden.", "Il video partirà dopo la pubblicità"):
        assert anywhere_kind(line) is not None, line
    assert edge_kind("Sie haben Ihr Kontingent an kostenlosen Artikeln für diesen Monat aufgebraucht. Erhalten Sie unbeschränkten Zugang.") == "paywall_teaser"
    for line in ("The editors selected the winners independently.", "Related posts appeared on the forum within hours.", "The ad ran for two weeks."):
        assert anywhere_kind(line) is None and edge_kind(line) is None and not is_cross_reference(line), line


def test_batch_twenty_four_lines() -> None:
    from crawler.extract.boilerplate import boilerplate_kinds, rule_name
    from crawler.extract.widgettables import headed_table_flags
    from crawler.extract.shapes import is_cross_reference
    from crawler.extract.westernlines import anywhere_kind, edge_kind

    for line in ("本栏目数据仅对正式会员开放，请登录后查看", "非会员请致电 010-68391126 办理入会手续"):
        assert rule_name(line) is not None, line
    assert rule_name("和讯网发布此信息的目的在于传播更多信息，与本站立场无关。和讯网不保证该信息的准确性。", edge=True) is not None
    assert not any(boilerplate_kinds("协会数据仅对会员单位开放的做法，引起了一些中小企业的不满。"))
    assert headed_table_flags(["今日化工报价 更多>>", "对二甲苯(PX)\t6850\t-100", "单位：元/吨 更新于07-08 15:30", BODY[0]]) == [True, True, True, False]
    for line in ("Sign up for Climate Fwd:", "Your privacy is important to us", "We welcome your comments at ideas@qz.com.",
                 "CNET may get a commission from retail offers.", "ADVERTISEMENT", "Last medically reviewed on August 27, 2020",
                 "TechRadar is supported by its audience. When you purchase through links on our site, we may earn an affiliate commission.",
                 "Healthline has strict sourcing guidelines and relies on peer-reviewed studies.", "Press play to listen to this article",
                 "Voiced by artificial intelligence."):
        assert anywhere_kind(line) is not None, line
    assert edge_kind("This article is part of POLITICO Pro") == "paywall_teaser"
    assert is_cross_reference("SEE: GDPR security pack: Policies to protect data (Tech Pro Research)")
    for line in ("Advertisement revenue fell by a third.", "Sign up for the course opens in May.", "Listen to this: the council voted no.",
                 "See what happens when the grid fails.", "Editor's note: This story was updated on June 16 to correct the number of cycles."):
        assert anywhere_kind(line) is None and edge_kind(line) is None and not is_cross_reference(line), line


def test_forum_rating_rows_labelled_disclaimers_and_attachment_lines_go_anywhere() -> None:
    from crawler.extract.boilerplate import boilerplate_kinds, rule_name

    for line in ("威望 +5 温州老徐 2011-10-05 10:33 好帖，说出了大家的心声", "铜币 +20 鹿城老陈 2011-10-05 10:12 原创内容，鼓励",
                 "免责声明：本帖为网友原创，仅代表作者个人观点，不构成任何投资或借贷建议。", "附件(58.4KB) api_1015_1031.png"):
        assert rule_name(line) is not None, line
    for line in ("威望和积分是论坛的激励机制，2011年起改为按月结算。", "免责声明这一制度源于合同法，法院通常会审查其效力。"):
        assert not any(boilerplate_kinds(line)), line


def test_german_disclosures_trial_offers_wiki_boxes_and_pin_buttons() -> None:
    from crawler.extract.shapes import is_cross_reference
    from crawler.extract.westernlines import anywhere_kind, edge_kind

    for line in ("Transparenz: In diesem Artikel sind Partnerlinks enthalten. Solltet ihr euch dort für einen Kauf entscheiden, erhalten wir eine kleine Provision.",
                 "Werbung / Affiliate-Hinweis: Dieser Artikel enthält Affiliate-Links. Wenn du über diese Links buchst, erhalten wir eine kleine Provision.",
                 "Spektrum der Wissenschaft im Digitalabo – Lesen Sie alle Ausgaben als PDF, App und online. Jetzt 30 Tage kostenlos testen!",
                 "Pin it!", "Hinweis: Dieser Beitrag dient der allgemeinen Information und ersetzt keine steuerliche oder rechtliche Beratung.",
                 "Dieses Kapitel muss überarbeitet werden. Es fehlen Abbildungen. Hilf mit, es zu verbessern!"):
        assert anywhere_kind(line) is not None, line
    assert is_cross_reference("Lies auch: Interrail mit über 50: Unsere 12 besten Tipps")
    for line in ("Die Beratung ersetzt keine Planung vor Ort.", "Das Kapitel über Solarzellen wurde 2016 überarbeitet.", "Pin it on the wall."):
        assert anywhere_kind(line) is None and edge_kind(line) is None, line


def test_batch_twenty_five_lines() -> None:
    from crawler.extract.boilerplate import boilerplate_kinds, rule_name
    from crawler.extract.westernlines import anywhere_kind, edge_kind

    for line in ("展开全文（剩余45%）", "搜狐视频 视频加载中，请稍候...", "腾讯视频 正在加载…"):
        assert rule_name(line) is not None, line
    for line in ("本文为澎湃号作者或机构在澎湃新闻上传并发布，仅代表该作者或机构观点，不代表澎湃新闻的观点或立场。",
                 "本网站所刊载信息，不代表中新社和中新网观点。 刊用本网站稿件，务经书面授权。"):
        assert rule_name(line, edge=True) is not None, line
    assert not any(boilerplate_kinds("系统正在加载数据，请耐心等待后再操作。"))
    for line in ("Sign up for the Fortune Features email list so you don't miss our biggest features.",
                 "Read the latest financial and business news from Yahoo Finance", "Follow us on Twitter.",
                 "Follow Yahoo Finance on Twitter, Facebook, Instagram, Flipboard, LinkedIn, and YouTube",
                 "Disclosure: I am/we are long NVDA. I wrote this article myself, and it expresses my own opinions.",
                 "Additional disclosure: This article is not investment advice."):
        assert anywhere_kind(line) is not None, line
    assert edge_kind("Continue reading your article with a WSJ membership") == "paywall_teaser"
    for line in ("Follow these steps on Twitter to verify.", "Read the latest report from the agency.", "Follow the money.",
                 "Disclosure rules for analysts changed in 2019."):
        assert anywhere_kind(line) is None and edge_kind(line) is None, line


def test_batch_twenty_six_lines() -> None:
    from crawler.extract.boilerplate import boilerplate_kinds, rule_name

    for line in ("视频加载失败，请刷新重试", "< 1/3 > 查看原图", "百度APP看高清大图"):
        assert rule_name(line) is not None, line
    for line in ("作者丨何宛苓", "编辑丨赵磊", "题图丨视觉中国", "二审 周鹏", "三审 王林", "编辑 何欣 二审 周鹏 三审 王林",
                 "爆料、投稿请拨打极目新闻热线：027-86777777，或登录极目新闻客户端“我要爆料”",
                 "更多房产资讯，请关注中房网官方微信：fangchanwang"):
        assert rule_name(line, edge=True) is not None, line
    assert is_heading("相关研报：")
    for line in ("记者拨打了该公司的投诉热线，电话一直无人接听。", "二审判决维持原判，周鹏当庭表示不再上诉。",
                 "图为工作人员在车间检查产品。", "数据加载失败的原因是服务器过载。"):
        assert not any(boilerplate_kinds(line)), line


def test_short_lines_that_are_no_sentence_after_an_end_mark_go_as_a_press_releases_contacts() -> None:
    body = ["NASA has selected eight university-led teams to develop technologies that keep abrasive dust away.",
            "The awards are managed by the Space Technology Mission Directorate, which develops new tools."]
    contacts = ["Clare Dunmore", "Headquarters, Washington", "202-358-1604", "clare.m.dunmore@nasa.gov",
                "Owen Fairleigh", "Langley Research Center, Hampton, Va.", "757-864-2290", "owen.fairleigh@nasa.gov"]
    assert postclean([*body, "-end-", *contacts]) == body
    assert postclean([*body, "###", *contacts[:4]]) == body
    assert postclean([*body, "# # #", *contacts[4:]]) == body
    # six sentences after the mark are text
    rest = [f"Part {n} of the program funds a second year of tests in vacuum chambers." for n in range(6)]
    assert postclean([*body, "-end-", *rest]) == [*body, *rest]


def test_batch_twenty_seven_lines() -> None:
    from crawler.extract.boilerplate import rule_name
    from crawler.extract.shapes import is_cross_reference
    from crawler.extract.westernlines import anywhere_kind, edge_kind

    assert rule_name("和讯期货官方微信：hexunqihuo") is not None or rule_name("和讯期货官方微信：hexunqihuo", edge=True) is not None
    assert is_meta_line("天文小组|2009-07-23 22:14阅读(1873)|评论(14)")
    assert not is_meta_line("2009年7月22日的日全食，我们在武汉阅读了大量资料后才出发。")
    for line in ("Ahora puedes recibir notificaciones de BBC Mundo. Descarga la nueva versión de nuestra app y actívalas.",
                 "¿Ya conoces nuestro canal de YouTube? ¡Suscríbete!",
                 "Apoie o jornalismo independente. Assine o PÚBLICO a partir de 1€ no primeiro mês.",
                 "Dziękujemy, że przeczytałaś/eś nasz artykuł do końca.", "Folgst du schon 20 Minuten Wirtschaft auf LinkedIn?",
                 "Your information is being handled in accordance with the ABC Privacy Collection Statement.",
                 "Derechos de autor de la imagen Getty Images", "Image copyright Getty Images"):
        assert anywhere_kind(line) is not None, line
    assert is_cross_reference("Quizás también te interese") and is_heading("Quizás también te interese")
    for line in ("Los bancos pueden recibir notificaciones de la AFIP cada mes.", "Assine o contrato antes do fim do mês, disse o ministro.",
                 "Dziękujemy lekarzom za ich pracę.", "Folgst du dem Rat der Experten, sparst du Geld."):
        assert anywhere_kind(line) is None and edge_kind(line) is None, line


def test_batch_twenty_eight_lines() -> None:
    from crawler.extract.bbsposts import first_post
    from crawler.extract.boilerplate import is_boilerplate, is_edge_boilerplate
    from crawler.extract.westernlines import anywhere_kind

    assert is_heading("【热门信用卡推荐】") and is_heading("精选基金推荐") and not is_heading("热门城市推荐的落户政策有哪些变化")
    for line in ("（成果转化处）", "（办公室供稿）", "(科技厅规划处)"):
        assert is_edge_boilerplate(line), line
    for line in ("（图为实验中心）", "（下同）", "（详见附件2，由各市科技局报送）"):
        assert not is_edge_boilerplate(line), line
    for line in ("最后编辑: 栈上行者; 2012-09-15 于 10:02.", "Last edited by jdoe; 09-15-2012 at 10:02 AM."):
        assert is_boilerplate(line), line
    assert not is_boilerplate("最后编辑这份报告的是栈上行者，他在2012年加入团队。")
    assert is_meta_line("查看( 1286 ) / 评论( 8 ) / 评分( 12 : 0 )") and is_meta_line("2010-06-08 09:15:32 / 个人分类：宏观经济")
    assert not is_meta_line("评论(8)条中，多数读者认为价格还会上涨。")
    for line in ("Source: ADATA", "This article has been viewed 212,417 times.", "Did this article help you?",
                 "Did this summary help you?YesNo", "Thanks for submitting a tip for review!",
                 "Include your email address to get a message when this question is answered."):
        assert anywhere_kind(line) is not None, line
    for line in ("Source: the agency said the figures were revised twice.", "The software helped you track prices."):
        assert anywhere_kind(line) is None, line
    pre = "\n".join(["【 以下文字转载自 WuHan 讨论区 】", "发信人: hustecon (经济系), 信区: HUST_Economy",
                     "标  题: 武汉城市圈试验区获批后的几点思考", "发信站: 白云黄鹤 (Sat May 10 21:32:11 2008), 站内", "",
                     "    去年年底，国务院批准武汉城市圈为综合配套改革试验区。", "--", "※ 来源:・白云黄鹤 bbs.whnet.edu.cn・[FROM: 202.114.0.1]"])
    assert first_post(pre) == "    去年年底，国务院批准武汉城市圈为综合配套改革试验区。"


def test_batch_twenty_nine_lines() -> None:
    from crawler.extract.boilerplate import is_boilerplate, is_edge_boilerplate
    from crawler.extract.westernlines import anywhere_kind, edge_kind

    for line in ("（供稿：业务发展部）", "[本帖已被 南村阿强 于 2007-10-18 21:52 编辑过]", "本帖已被红网百姓呼声栏目受理，并转交长沙市城市管理部门办理",
                 "此帖已被设为精华"):
        assert is_boilerplate(line), line
    for line in ("本帖讨论的问题已被多家媒体报道，引起了有关部门的重视。", "供稿单位应在每月5日前报送材料。"):
        assert not is_boilerplate(line), line
    for line in ("特别提示：本文内容仅供参考，不构成任何投资建议。基金有风险，投资需谨慎。",
                 "温馨提示：留言板仅供网友向地方领导反映问题、提出建议。留言内容仅代表网友个人观点，不代表人民网立场。"):
        assert is_edge_boilerplate(line), line
    assert not is_edge_boilerplate("温馨提示：请申报单位于5月20日前提交材料，逾期不予受理。")
    for line in ("Sign up for Business Today, our daily business newsletter, here.",
                 "Get news and reviews on technology, gadgets and gaming in our Technology newsletter every Friday. Sign up here.",
                 "Scroll down for video"):
        assert anywhere_kind(line) is not None, line
    assert edge_kind("Liam Dwyer is a technology reporter for The Sydney Morning Herald and The Age, covering telecommunications.") == "author_bio"
    for line in ("The new model is a writer's dream, the company says.", "Get the facts before you sign up for any plan.",
                 "Scroll down the page to see the full list of winners."):
        assert anywhere_kind(line) is None and edge_kind(line) is None, line


def test_batch_thirty_lines() -> None:
    from crawler.extract.boilerplate import is_boilerplate, is_edge_boilerplate
    from crawler.extract.westernlines import anywhere_kind, edge_kind

    for line in ("扫描下方二维码，获取完整调研报告", ">>>更多科创板资讯请点击进入证券时报网科创板频道",
                 "【进入中华网军事论坛，与网友一起讨论陆航部队建设】", "对不起，您还没有登录，不能发表回复。请 登录 或 注册新用户。"):
        assert is_boilerplate(line), line
    for line in ("来源：内容由半导体行业观察（ID：icbank）编译自semiengineering，谢谢。",
                 "*免责声明：本文由作者原创。文章内容系作者个人观点，不代表半导体行业观察对该观点赞同或支持。",
                 "今天是《半导体行业观察》为您分享的第3741期内容，欢迎关注。", "本文引用地址：https://www.eepw.com.cn/article/202409/463218.htm"):
        assert is_edge_boilerplate(line), line
    for line in ("更多科创板公司在会上介绍了研发进展。", "您还没有登录过这个系统的用户需要先注册。", "今天是我们为您分享的第一个案例。"):
        assert not is_boilerplate(line), line
    assert is_meta_line("http://military.china.com 2008-07-15 09:27:18 来源：解放军报 网友评论 238 条 进入论坛")
    assert not is_meta_line("截止时间：2024年6月30日17:00")
    for line in ("Geld-Tipps direkt ins Postfach: Jetzt den kostenlosen BILD-Geld-Newsletter abonnieren!",
                 "Alles Wichtige aus Wirtschaft und Finanzen: Unser kostenloser Merkur-Wirtschafts-Newsletter erscheint jeden Freitag. Hier anmelden",
                 "Der Wirtschafts-Newsletter von RP ONLINE: Jeden Morgen die wichtigsten Nachrichten aus der Wirtschaft in NRW – jetzt kostenlos anmelden.",
                 "Sie interessieren sich für Wirtschaftsthemen aus Bayern? Dann abonnieren Sie den BR24-Newsletter – jeden Werktag die wichtigsten Nachrichten.",
                 "Mit meiner Anmeldung stimme ich der Werbevereinbarung zu.", "Bildrechte: MDR/Torsten Lehmann",
                 "*Merkur.de ist ein Angebot von IPPEN.MEDIA.", "Wir freuen uns über Ihren Kommentar!", "Hier finden Sie die BR24-Netiquette."):
        assert anywhere_kind(line) is not None, line
    for line in ("hb/ul (rtr, dpa)", "RND/dpa", "Über dieses Thema berichtet: BR24 im Radio am 12.02.2021 um 11:00 Uhr."):
        assert edge_kind(line) == "wire_credit", line
    for line in ("Der Newsletter der Bank erreichte im Mai 40.000 Leser, sagte ein Sprecher.", "Die Anmeldung ist bis Freitag möglich.",
                 "Das Foto zeigt den Hafen von Hamburg im Jahr 1962."):
        assert anywhere_kind(line) is None and edge_kind(line) is None, line


def test_a_bare_comments_heading_element_opens_the_comment_section() -> None:
    from lxml import html

    from crawler.extract.comments import without_dated_comments
    from crawler.extract.segment import HEADING, Block

    root = html.fromstring("<div><p>a</p><h2>Kommentare</h2><p>b</p><p>c</p><p>d</p><p>e</p></div>")
    texts = ["Die Brauerei setzt nun auf den Sommer, sagte der Chef am Freitag in Aichach.", "Kommentare",
             "Bergfex_71 19.05.2021, 16:12", "Jahrzehntelang hat man alles nach Asien verlagert, jetzt wundert man sich.",
             "Heidi K. 19.05.2021, 17:40", "Kauft bei euren kleinen Brauereien vor Ort, die brauchen uns jetzt mehr denn je."]
    blocks = [Block(text, 0.0, element, element.tag, 2, 0, 0, HEADING if element.tag == "h2" else 0) for element, text in zip(root, texts)]
    for index, block in enumerate(blocks):
        block.index = index
    keep = [True, False, False, True, False, True]
    assert without_dated_comments(blocks, keep) == [True, False, False, False, False, False]


def test_batch_thirty_one_lines() -> None:
    from crawler.extract.boilerplate import is_edge_boilerplate
    from crawler.extract.westernlines import anywhere_kind, edge_kind

    for line in ("*Affiliate-Link: Wir erhalten beim Kauf eine Provision. Der Preis bleibt für Sie gleich.",
                 "*Affiliate-Link: Wenn Sie über diesen Link einkaufen, erhält netzwelt eine kleine Provision.",
                 "Kostenloser Börsenbrief: Erhalten Sie jeden Donnerstag die aktuellen Einschätzungen direkt in Ihr Postfach.",
                 "Welche Aktien haben zuverlässig Gewinne erzielt? Fordern Sie jetzt die Champions-Analyse kostenlos an!",
                 "Risikohinweis: Die in diesem Artikel enthaltenen Informationen stellen keine Anlageberatung dar.",
                 "Have a tip? Get in touch securely via WhatsApp | Signal at +447700 900 318",
                 "Join us on November 9 to learn how to scale citizen developers at the Low-Code/No-Code Summit. Register here.",
                 "Like this column? Sign up to subscribe to email alerts and you'll never miss a post.",
                 "The opinions expressed here by Inc.com columnists are their own, not those of Inc.com.", "Masthead credit: Christian Vogt"):
        assert anywhere_kind(line) is not None, line
    for line in ("Jan-Philipp Ahrens ist Redakteur bei boerse.de und schreibt über Anlagestrategien.", "Redaktion finanzen.net"):
        assert edge_kind(line) in ("author_bio", "wire_credit"), line
    for line in ("Die Bank erhält für die Vermittlung eine Provision von zwei Prozent, sagte der Sprecher.",
                 "Die Bank erhält beim Kauf von Aktien eine Provision von einem Prozent.",
                 "Die Verbraucherzentrale betonte, das Gespräch sei keine Anlageberatung.",
                 "Das Deutschlandticket ist ein Angebot der Verkehrsverbünde, das seit Mai gilt.",
                 "Der Minister ist Autor mehrerer Bücher über die Energiewende.", "Join us in welcoming the new members."):
        assert anywhere_kind(line) is None and edge_kind(line) is None, line
    assert is_meta_line("PUBLISHED ON: JUN 9, 2020")
    assert is_heading("Zugehörige Wertpapiere") and is_heading("Erwähnte Werte") and is_heading("Previous and related coverage")
    for line in ("封面图片来源：视觉中国", "题图来源：站酷海洛",
                 "如需转载请与《每日经济新闻》报社联系。未经《每日经济新闻》报社授权，严禁转载或镜像，违者必究。"):
        assert is_edge_boilerplate(line), line


def test_the_lines_of_a_small_box_under_an_ads_label_go() -> None:
    from lxml import html

    from crawler.extract.adboxes import without_labelled_ads
    from crawler.extract.segment import Block

    page = html.fromstring(
        "<div><p>Der Umsatz stieg im zweiten Quartal um 41 Prozent auf 1,07 Milliarden Euro, wie das Unternehmen mitteilte.</p>"
        "<div class='box'><div>Werbung</div><h3>Ausgewählte Hebelprodukte auf Voltara</h3>"
        "<p>Mit Knock-outs können spekulative Anleger überproportional an Kursbewegungen partizipieren.</p></div>"
        "<p>Besonders gefragt waren Steuergeräte für das Batteriemanagement von Elektroautos, hieß es weiter.</p></div>")
    elements = [page[0], page[1][0], page[1][1], page[1][2], page[2]]
    blocks = [Block(" ".join(e.text_content().split()), 0.0, e, e.tag, 2, 0, 0, 0) for e in elements]
    for index, block in enumerate(blocks):
        block.index = index
    assert without_labelled_ads(blocks, [True, False, True, True, True]) == [True, False, False, False, True]
    # a label standing in the text's own container (large) takes nothing
    assert without_labelled_ads(blocks[:1] + blocks[4:], [True, True]) == [True, True]


def test_a_press_releases_notes_to_editors_and_its_contact_box_close_the_text() -> None:
    body = ["The catalyst turns crude glycerol from biodiesel plants into hydrogen at a tenth of the usual cost.",
            "The team cautions that further work is needed on the long-term stability of the catalyst."]
    notes = ["Notes to editors:", "The paper 'Impurity-tolerant iron oxide catalysts' is published in Nature Catalysis.",
             "For more information, please contact the News Office on +44 (0)1865 280000."]
    assert postclean([*body, *notes]) == body
    contacts = ["Kontakt:", "Dr. Hendryk Bockelmann", "Deutsches Klimarechenzentrum, DKRZ", "E-Mail: bockelmann@dkrz.de",
                "Prof. Bjorn Stevens", "Max-Planck-Institut für Meteorologie", "E-Mail: bjorn.stevens@mpimet.mpg.de"]
    assert postclean([*body, *contacts]) == body
    assert postclean([*body, "Media contact", "Rachel Okafor", "press@arcadiathermal.com", "+1 216 555 0143"]) == body
    # a contact heading over a sentence is a subheading; a contact box with a paragraph under it stays
    section = ["Contact", "Residents with questions can call the council's energy desk, which opens on Monday."]
    assert postclean([*body, *section]) == [*body, *section]


def test_batch_thirty_two_lines() -> None:
    from crawler.extract.boilerplate import is_boilerplate, is_edge_boilerplate
    from crawler.extract.shapes import is_cross_reference
    from crawler.extract.spelleddates import spelled_day
    from crawler.extract.westernlines import anywhere_kind, edge_kind

    for line in ("We independently review everything we recommend. When you buy through our links, we may earn a commission. Learn more›",
                 "This article is for general information purposes only and does not constitute legal advice. Specialist advice should be sought.",
                 "Temps de lecture : 3 min.", "5 min read", "Lesezeit: ca. 4 Minuten", "Estimated reading time: 6 minutes",
                 "Ładowanie odtwarzacza…", "Loading...", "Video wird geladen …"):
        assert anywhere_kind(line) is not None, line
    assert edge_kind("Daniel Okafor can be reached at daniel.okafor@globe.com. Follow him on Twitter @dokaforglobe.") == "author_bio"
    for line in ("The Company can be reached at its offices in Boston, the spokesman said.", "The lecture lasted 5 min.", "Loading the data took hours.",
                 "The information was published for the first time in 2019, the ministry said."):
        assert anywhere_kind(line) is None and edge_kind(line) is None, line
    for line in ("Per approfondire", "Notre dossier: Les start-up suisses face à la crise", "Zie ook: Kabinet wil kinderopvang bijna gratis maken"):
        assert is_cross_reference(line), line
    assert spelled_day("Public Release: 15-Sep-2020") == "2020-09-15"
    for line in ("本文刊登于《计算机世界》2009年第18期，转载请注明出处。", "（本文刊于《新周刊》第283期，转载请注明出处）"):
        assert is_boilerplate(line) or is_edge_boilerplate(line), line
    assert not is_boilerplate("本文刊登的数据来自国家统计局。") and not is_edge_boilerplate("本文刊登的数据来自国家统计局。")


def test_a_comment_heading_with_its_link_to_all_comments_opens_the_comment_section() -> None:
    from lxml import html

    from crawler.extract.comments import without_dated_comments
    from crawler.extract.segment import Block

    root = html.fromstring("<div><p>a</p><div>b</div><dt>c</dt><dd>d</dd><dt>e</dt><dd>f</dd></div>")
    texts = ["据了解，信息产业部正在会同有关部门研究制定新一轮鼓励软件产业发展的政策措施。", "网友评论 查看全部评论(27条)",
             "雅虎网友 [61.135.*.*] 2006-08-23 11:02", "收入是涨了，可我们做外包的程序员工资三年没动过，利润都让中间商拿走了。",
             "yjs_2004 [202.112.*.*] 2006-08-23 10:31", "核心技术缺乏才是要命的，光靠给日本人写代码做不成大产业。"]
    blocks = [Block(text, 0.0, element, element.tag, 2, 0, 0, 0) for element, text in zip(root, texts)]
    for index, block in enumerate(blocks):
        block.index = index
    assert without_dated_comments(blocks, [True, False, False, True, False, True]) == [True, False, False, False, False, False]


@pytest.mark.parametrize("button", ["Donate today", "Werde jetzt Mitglied", "Jetzt Mitglied werden", "Become a member"])
def test_a_donation_or_membership_boxs_heading_and_pitch_go_beside_its_button(button: str) -> None:
    from lxml import html

    from crawler.extract.promoboxes import without_promo_slogans
    from crawler.extract.segment import Block

    page = html.fromstring(
        "<div><p>Nearly two-thirds of the sites tested showed signs of nutrient pollution from farms and sewage.</p>"
        "<div class='cta'><h3>Help us bring our rivers back to life</h3>"
        "<p>Your donation could help restore rivers and wetlands for the wildlife that depends on them.</p>"
        f"<a href='/join'>{button}</a></div>"
        "<p>None of this will surprise the anglers and river groups who have been raising the alarm for years.</p></div>")
    elements = [page[0], page[1][0], page[1][1], page[1][2], page[2]]
    blocks = [Block(" ".join(e.text_content().split()), 1.0 if e.tag == "a" else 0.0, e, e.tag, 2, 0, 0, 0) for e in elements]
    assert without_promo_slogans(blocks, [True, True, True, False, True]) == [True, False, False, False, True]


def test_a_press_releases_profile_publication_and_contacts_close_the_text_one_under_another() -> None:
    body = ["Der Sensor erkennt Eis auf Rotorblättern, bevor es die Leistung der Windenergieanlage mindert.",
            "Erste Feldtests sollen im Winter an zwei Standorten in Niedersachsen beginnen."]
    publication = ["Originalveröffentlichung:", "L. Zhao, B. Hallström, Y. Chen: Abrupt decadal-scale weakening. Nature Geoscience (2020)."]
    contacts = ["Kontakt:", "Dr. Anna Meier", "Telefon +49 421 2246-0", "E-Mail: anna.meier@example.de"]
    profile = ["Über die Beispiel AG:", "Die Beispiel AG ist ein international führendes Technologieunternehmen mit 4.000 Beschäftigten.",
               "Weitere Informationen unter www.beispiel.de"]
    assert postclean([*body, *publication, *contacts, *profile]) == body
    about = ["About the College of Computer, Mathematical, and Natural Sciences",
             "The College at the University of Maryland educates more than 9,000 future scientific leaders."]
    assert postclean([*body, "###", "Media Relations Contact: Thomas Kerrigan, 301-405-0872, tkerrigan@umd.edu", "2300 Symons Hall",
                      "College Park, Md. 20742", *about]) == body
    assert postclean([*body, "V.i.S.d.P.", "Jan Jurczyk", "ver.di-Bundesvorstand", "Paula-Thiede-Ufer 10, 10179 Berlin"]) == body
    assert postclean([*body, "Zitiervorschlag", "LG Osnabrück: Fitnessstudio muss erstatten. In: Legal Tribune Online, 14.06.2021"]) == body
    # a profile sentence alone closing a report is the report's own
    coalition = "Stop Killer Robots ist ein globaler Zusammenschluss von mehr als 180 Nichtregierungsorganisationen."
    assert postclean([*body, coalition]) == [*body, coalition]


def test_batch_thirty_three_and_thirty_four_lines() -> None:
    from crawler.extract.boilerplate import is_boilerplate, is_edge_boilerplate
    from crawler.extract.shapes import is_cross_reference
    from crawler.extract.westernlines import anywhere_kind, edge_kind

    for line in ("Have a question about money? Send it to our advice columnist and we may answer it in a future post.",
                 "This story was co-published with The Valley Ledger, a member of ProPublica’s Local Reporting Network.",
                 "Do you have access to information about hospital billing that should be public? Email tips@example.org.",
                 "Disclosure: The Texas Electric Cooperatives has been a financial supporter of The Texas Tribune, a nonprofit.",
                 "Join us for conversations that matter with newly announced speakers at the 2021 Texas Tribune Festival.",
                 "The Spruce uses only high-quality sources, including peer-reviewed studies, to support the facts within our articles.",
                 "Gastro Obscura covers the world’s most wondrous food and drink. Sign up for our email, delivered twice a week.",
                 "Have You Been Sued by a Hospital? We Want to Hear From You.", "We’re investigating medical debt lawsuits. Tell us about your experience.",
                 "Pressemitteilung Nr. 479 vom 8. Oktober 2021", "PM 078/19/LFG Wald", "Seiten-ID: 3891", "Inhaltsverzeichnis",
                 "Wie hilfreich war dieser Artikel?", "Vielen Dank für Ihre Bewertung!", "Pressemitteilung zum Download (PDF, 184 KB)",
                 "Mittwoch, 24. März 2021 3 Min. Lesedauer", "Jun 18, 2017 • Daniel Okafor • 6 min read", "Letzte Änderung: 01.06.2021",
                 "Zeichen: 3 084", "Schlagworte: Fahrerassistenz, Sensorik, Winter, Sicherheit", "Zukunftsgerichtete Aussagen und Prognosen",
                 "Diese Mitteilung enthält zukunftsgerichtete Aussagen. Diese Aussagen basieren auf den gegenwärtigen Erwartungen.",
                 "Dieser Inhalt wurde im Rahmen des Projekts „Verbraucherrechte“ erstellt.", "Enthält Affiliate-Links / unbezahlte Werbung durch Markennennung",
                 "*Die mit Sternchen gekennzeichneten Links sind Affiliate-Links. Wenn du darüber etwas kaufst, erhalte ich eine Provision.",
                 "Sie müssen sich anmelden, um einen Kommentar zu verfassen.", "Donate now", "Published: Friday, 27 November 2020",
                 "Posted by Parish Office on Thursday 11th June 2020", "Tell us what you think of this page"):
        assert anywhere_kind(line) is not None, line
    for line in ("Listen to CYBER, Motherboard’s new weekly podcast about hacking and cybersecurity.",
                 "SOURCES: Naomi Feld, MD, geriatrician; Peter Okonkwo, MD, cardiologist.",
                 "Presse- und Informationsamt der Stadt Münster, Telefon 02 51/4 92-13 01, E-Mail: presse@stadt-muenster.de",
                 "Die schriftlichen Stellungnahmen der Sachverständigen finden Sie im Dokumentenarchiv.",
                 "Dieser Text ist eine überarbeitete Fassung eines Vortrags, den der Autor im Mai 2015 gehalten hat.",
                 "CARTA unterstützen: Unabhängige Debatten kosten Zeit und Geld.", "Mit Dank an Carolin S. und Martin für die Hinweise!",
                 "New York State | Executive Chamber | press.office@exec.ny.gov | 518.474.8418", "Additional news available at www.governor.ny.gov",
                 "Tobias Reinhardt ist Arbeitssoziologe und forscht an der Universität Kassel.", "Jane Doe is a professor of economics at MIT.",
                 "Veröffentlicht in der gedruckten Ausgabe der BZ vom Do, 15. März 2018: Zur Startseite", "tap/LTO-Redaktion"):
        assert edge_kind(line) is not None, line
    for line in ("Loading the data took hours.", "Call 555-1234 or write to me@x.com and we will help you.",
                 "Im Jahr 2021 wurden 479 Pressemitteilungen veröffentlicht.", "We have a question: why did the council wait?",
                 "Listen to the podcast here.", "Der Minister ist Autor mehrerer Bücher über die Energiewende."):
        assert anywhere_kind(line) is None and edge_kind(line) is None, line
    for line in ("Lesetipp: Die perfekte Kita-Tasche: Unsere Packliste", "Auch auf CARTA: Uber und die Politik der Disruption",
                 "Mehr auf LTO.de: Gutscheinlösung für Freizeiteinrichtungen"):
        assert is_cross_reference(line), line
    for line in ("00:00 / 02:36当前网络环境较差，已为您切换至标清全屏", "*本文中所涉数据来源于小米内部统计，功能以实际上线版本为准。"):
        assert is_boilerplate(line) or is_edge_boilerplate(line), line
    for line in ("媒体联系：pr@bytedance.com", "注：文中续航及充电数据均为理想汽车内部测试结果，实际表现受环境温度影响。"):
        assert is_edge_boilerplate(line), line
    assert not is_boilerplate("文中提到的数据显示，一季度出口增长了5%。") and not is_edge_boilerplate("文中提到的数据显示，一季度出口增长了5%。")


def test_batch_thirty_five_lines() -> None:
    from crawler.extract.westernlines import anywhere_kind, edge_kind

    for line in ("Wichtiger Hinweis: Dieser Artikel enthält nur allgemeine Hinweise und darf nicht zur Selbstdiagnose verwendet werden.",
                 "** mit ** markierte oder orange unterstrichene Links zu Bezugsquellen sind teilweise Partner-Links.",
                 "Du willst mit uns die Verkehrswende voranbringen? Werde jetzt Mitglied!",
                 "We pay for your stories! Do you have a story for The Sun Online Money team? Email us at money@the-sun.co.uk",
                 "First published on June 9, 2020 / 10:05 AM", "WANT MORE STORIES ABOUT SCIENCE? SIGN UP FOR THE MACH NEWSLETTER.",
                 "GET FOX BUSINESS ON THE GO BY CLICKING HERE", "CLICK HERE TO READ MORE ON FOX BUSINESS",
                 "The Seattle Times is making stories about the coronavirus pandemic free to access so that readers stay informed.",
                 "Unser brandneuer München-Newsletter informiert Sie täglich über alle wichtigen Geschichten aus der Isar-Metropole.",
                 "Mehr Nachrichten aus München lesen Sie immer bei uns.", "*tz.de ist Teil des bundesweiten Ippen-Digital-Redaktionsnetzwerks.",
                 "Den Autor erreichen Sie unter autor@example.de", "MZ+ jetzt testen: Alle Artikel aus Ihrer Region für 0,99 € im ersten Monat.",
                 "Du hast einen Hinweis für uns? Schreib uns an hinweis@example.at", "Nichts mehr verpassen!"):
        assert anywhere_kind(line) is not None, line
    for line in ("msorensen@chicagotribune.com", "Twitter @MayaSorensenCT",
                 "Lauren Whitaker: 206-464-2170 or lwhitaker@seattletimes.com; on Twitter: @laurenwhitakerST.",
                 "Sendung am Do., 16.7.2020 19:30 Uhr, SWR Aktuell Baden-Württemberg, SWR Fernsehen BW"):
        assert edge_kind(line) is not None, line
    for line in ("Haben Sie einen Hinweis? Dann melden Sie sich bei der Polizei, sagte der Sprecher.",
                 "Die Mitglieder stimmten am Abend für den neuen Vorstand.", "Click the button twice, the manual says."):
        assert anywhere_kind(line) is None and edge_kind(line) is None, line
    body = ["Das Forschungszentrum Jülich baut eine Demonstrationsanlage für eine neue Form der Wasserstoffspeicherung.",
            "Die Testanlage soll bis Ende 2023 auf einem Gelände am Rand des Forschungszentrums entstehen."]
    # a byline goes wherever it stands; an English ``By …`` only around the text (``By The Numbers`` is a subheading)
    assert postclean([body[0], "Von Miriam Beckers", body[1]]) == body
    assert postclean(["By Lauren Whitfield and Tom Ruiz", *body]) == body
    assert postclean([body[0], "By The Numbers", body[1]]) == [body[0], "By The Numbers", body[1]]


def test_batch_thirty_six_lines() -> None:
    from crawler.extract.boilerplate import is_boilerplate, is_edge_boilerplate
    from crawler.extract.pressappendix import appendix_tail
    from crawler.extract.westernlines import anywhere_kind, edge_kind

    for line in ("Text: S. Wagner, Fachschaft Erdkunde / Fotos: privat", "Text: Pfarrerin Claudia Rehm · Fotos: Martin Ebeling",
                 ">> Alle Berichte aus der Rubrik Wettbewerbe",
                 "Lesen Sie mehr im neuen Gemeindebrief, der ab dem 28. September in der Kirche ausliegt.",
                 "Sendung: hr-iNFO, 22.09.2020, 17.00 Uhr", "Quelle: dpa, Reuters", "Veröffentlicht am: 12.10.2022",
                 "A version of this article appears in the May 8, 2021 issue of Science News.",
                 "Questions or comments on this article? E-mail us at feedback@sciencenews.org | Reprints FAQ",
                 "Wenn Sie inhaltliche Anmerkungen zu diesem Artikel haben, können Sie die Redaktion per E-Mail informieren. "
                 "Wir lesen Ihre Zuschrift, bitten jedoch um Verständnis, dass wir nicht jede beantworten können.",
                 "Commentary is produced by the Center for Strategic and International Studies (CSIS), a private institution. "
                 "Accordingly, all views, positions, and conclusions expressed in this publication should be understood to be "
                 "solely those of the author(s).",
                 "This work is licensed under a Creative Commons Attribution-NoDerivatives 4.0 International License.",
                 "You are free to republish our articles online or in print.",
                 "Want to help us make developers' lives easier? We're hiring! Apply now", "What did you think of today's edition?",
                 "Refer 3 friends and get our Guide to Home Electrification for free. You currently have 0 referrals."):
        assert edge_kind(line) is not None, line
    for line in ("Ende des Audiobeitrags", "Pressemitteilung Nr. 412/2022 · Brand- und Katastrophenschutz",
                 "Die wichtigsten News zu ERP und Enterprise-Software jeden Dienstag kostenlos in Ihr Postfach"):
        assert anywhere_kind(line) is not None, line
    for line in ("Text messages were sent to every resident.", "Alle Schüler der Klasse nahmen an dem Wettbewerb teil.",
                 "Die Quelle des Flusses liegt in den Alpen.", "We are hiring more nurses, the hospital said.",
                 "The views of residents were mixed, the survey found."):
        assert anywhere_kind(line) is None and edge_kind(line) is None, line
    text = ["Die Forscher beschreiben das Signalpeptid in einer neuen Studie.", "Die Ergebnisse könnten die Züchtung verbessern."]
    appendix = ["Inhaltlicher Kontakt:", "Prof. Dr. Anna Berg", "Institut für Pflanzenwissenschaften", "Zur Publikation:",
                "https://doi.org/10.1038/s41477-021-00871-4"]
    assert appendix_tail(text + appendix) == len(text)
    for line in ("供稿：学术发展办公室 撰稿：陈思远 摄影：王一鸣 审核：李强", "（文/图：心血管外科 李明 编辑：张晓 审核：王磊）",
                 "（撰稿：标准化工作委员会 审核：学会办公室）", "更多精彩用车知识，请关注太平洋汽车网养护频道，或加入车友QQ群：58213760"):
        assert is_edge_boilerplate(line), line
    assert is_boilerplate("进入新浪2008北京奥运会专题")
    assert not is_edge_boilerplate("撰稿人在报告中指出，供稿渠道正在变化。") and not is_boilerplate("进入新阶段后，改革继续推进。")


def test_batch_thirty_seven_lines() -> None:
    from crawler.extract.boilerplate import is_edge_boilerplate
    from crawler.extract.westernlines import anywhere_kind, edge_kind

    for line in ("Bildmaterial: dpa", "Autor: MARTINA STEGMAIER | 14.06.2013", "CNN's Peter Alvarado contributed to this report.",
                 "Follow @nytimesscience for science news.", "Follow Mara Kessler on Twitter: www.twitter.com/marakessler",
                 "This entry was posted on Tuesday, March 3rd, 2009 at 9:14 pm and is filed under Calculators. You can follow "
                 "any responses to this entry through the RSS 2.0 feed.", "As of 4:02pm EDT May 22, 2012",
                 "CHICAGO | Tue May 22, 2012 4:17pm EDT", "August 17, 2010 -- Updated 1432 GMT (2232 HKT)",
                 "SPIEGEL ONLINE ist nicht verantwortlich für die Inhalte externer Internetseiten.",
                 "Vervielfältigung nur mit Genehmigung der SPIEGEL ONLINE GmbH", "Quelle: n-tv.de, ddi/rts/dpa"):
        assert edge_kind(line) is not None, line
    for line in ("Das Video kann leider nicht abgespielt werden.", "Ist diese Seite verständlich?",
                 "Vielen Dank für Ihr Feedback! Ihre Rückmeldung hilft uns, diese Seite zu verbessern.",
                 "Dieser Artikel ist hilfreich. 214 Nutzer finden das hilfreich.",
                 "Sign up to Telegraph Money's free weekly newsletter for the latest news on savings. Click here to register"):
        assert anywhere_kind(line) is not None, line
    for line in ("Follow the money, the lawyers said.", "Die Quelle: unbekannt und sehr alt, sagt er.",
                 "Several reporters contributed to the investigation over two years, she said.",
                 "The entry was posted to the registry on Tuesday."):
        assert anywhere_kind(line) is None and edge_kind(line) is None, line
    for line in ("个人微信公众号：chenmo-guancha，欢迎交流", "图片由作者拍摄。欢迎关注凤凰号“冀中观察”",
                 "（本文为百度百家原创，作者陈默，个人微信公众号：chenmo-guancha，欢迎交流。未经授权谢绝转载。）"):
        assert is_edge_boilerplate(line), line
    assert not is_edge_boilerplate("本文为读者提供了三种思路。")


def test_batch_thirty_eight_lines() -> None:
    from crawler.extract.boilerplate import is_boilerplate
    from crawler.extract.tails import END_MARK
    from crawler.extract.westernclosings import is_outlet_signoff
    from crawler.extract.westernlines import anywhere_kind, edge_kind

    for line in ("Have you got a story to tell? Email newstips@stuff.co.nz or contact the Timaru Herald newsroom on 03 687 1444.",
                 "Have a brewing question? Reply to any of our emails or message us on Instagram @kettleandleaf.",
                 "This post is part of our Brewing Basics series. New to loose leaf? Start with Loose Leaf 101.",
                 "You are receiving this email because you signed up on our website or at a Creek Day event.",
                 "Diffusion du mardi 8 juin 2021", "Wil je meer nieuws uit Rotterdam en omgeving? Volg AD Rotterdam dan op Facebook.",
                 "Heb jij een tip of iets gezien in jouw buurt? Mail ons op rotterdam@ad.nl of stuur een WhatsApp.",
                 "IBAN: DE12 7735 0110 0038 4412 90", "Verwendungszweck: Katzen Waischenfeld",
                 "Spenden an den Tierschutzverein Hollfeld und Umgebung e.V. sind steuerlich absetzbar.",
                 "Bitte teilen Sie diesen Beitrag, damit möglichst viele Menschen davon erfahren. Vielen Dank!",
                 "Sostieni ilfattoquotidiano.it: mai come in questo momento abbiamo bisogno di te."):
        assert anywhere_kind(line) is not None, line
    for line in ("KQED's coverage of the coronavirus pandemic is made possible by members. Become a member today.",
                 "Every $25 buys ten plants. Friends of Mill Creek is a 501(c)(3) nonprofit, and your gift is tax-deductible.",
                 "Ready to try it? Shop our full oolong collection and use code BREWBASICS for 10% off your first order.",
                 "Solo con tu apoyo podemos seguir haciendo periodismo independiente",
                 "Recibe nuestra newsletter de Arousa: las noticias de la comarca, cada mañana en tu correo.",
                 "Sie interessieren sich für eine Ausbildung als Industriemechaniker/in? Alle offenen Stellen finden Sie hier."):
        assert edge_kind(line) is not None, line
    assert is_outlet_signoff("- The Timaru Herald") and is_outlet_signoff("— Reuters")
    assert not is_outlet_signoff("- Olive Oil") and not is_outlet_signoff("The Timaru Herald reported it first.")
    assert END_MARK.fullmatch("ENDS") and is_boilerplate("ENDS")
    for line in ("Do you have a story about the flood, the mayor asked.", "The series of storms is part of a wider pattern.",
                 "Use the code on the back of the card to activate it.", "Spenden an die Tafel sind gestiegen, sagt sie.",
                 "Volg de gemeente op de voet, zei de wethouder."):
        assert anywhere_kind(line) is None and edge_kind(line) is None, line
    for line in ("审读：刘丹", "打开云财经APP，第一时间获取涨停揭秘、龙虎榜解读和盘中异动提醒。"):
        assert is_boilerplate(line), line
    assert not is_boilerplate("审读工作由专家委员会负责。")
    from crawler.extract.boilerplate import is_edge_boilerplate

    for line in ("本视频来源：山东电视台齐鲁频道《每日新闻》", "江西手机报：编辑短信JX发送到10658000"):
        assert is_boilerplate(line), line
    assert is_edge_boilerplate("东北网新闻热线：0451-82627000 新闻爆料邮箱：news@dbw.cn")
    assert not is_boilerplate("视频来源于网友拍摄，记者已向当地核实。") and not is_edge_boilerplate("新闻热线接到的投诉中，七成涉及物业。")


def test_batch_thirty_nine_lines() -> None:
    from crawler.extract.shapes import CROSS_REFERENCE, is_cross_reference
    from crawler.extract.westernlines import anywhere_kind, edge_kind

    for line in ("READ | Eastern Cape drought: Farmers sell off livestock as grazing disappears",
                 "Also Read | Karnataka Bans Protests, Rallies In Bengaluru As Covid Cases Rise", "MIRA | Kenji Fujimori: juicio"):
        assert is_cross_reference(line), line
    assert CROSS_REFERENCE.match("read: the full report") and not CROSS_REFERENCE.match("reading the report was hard")
    for line in ("(Except for the headline, this story has not been edited by NDTV staff and is published from a syndicated feed.)",
                 "Did you know you can comment on this article? Subscribe to News24 and add your voice to the conversation.",
                 "Subscribe to INQUIRER PLUS to get access to The Philippine Daily Inquirer & other 70+ titles.",
                 "Interview language(s): English (Moriarty), Hindi (Lal)",
                 "This client alert is provided for general informational purposes only and does not constitute legal advice."):
        assert anywhere_kind(line) is not None, line
    for line in ("Join ST's Telegram channel here and get the latest breaking news delivered to you.",
                 "If you have questions about how the Act may affect your business, please contact the authors or your regular X attorney.",
                 "Love the show? Become a member on Patreon for ad-free episodes and bonus calls.",
                 "The Hive Mind Podcast is produced and edited by Sam Ortega. Music by Lumen Drift, used under licence."):
        assert edge_kind(line) is not None, line
    for line in ("The film is produced by a small studio in Lagos.", "Subscribe to the idea that less is more, she said.",
                 "Readers who love the show will find the book familiar."):
        assert anywhere_kind(line) is None and edge_kind(line) is None, line
    from crawler.extract.boilerplate import is_edge_boilerplate

    for line in ("赣云新闻热线：0791-88528110，欢迎提供新闻线索。", "新黄河爆料通道",
                 "您身边有什么新鲜事？欢迎拨打新黄河热线0531-85193700爆料，或扫描二维码下载新黄河客户端，一经采用即有奖励。",
                 "广西云客户端原创作品，版权归广西云所有。未经授权，任何媒体和个人不得转载、链接、转贴或以其他方式使用。"
                 "已经本网授权使用的，应在授权范围内使用，并注明“来源：广西云”。"):
        assert is_edge_boilerplate(line), line
    assert not is_edge_boilerplate("欢迎拨打热线的市民，大多反映的是供暖问题，工作人员逐一登记。")
    for line in ("Haben Sie Fragen oder Anregungen zu diesem Thema? Schreiben Sie an red.wuerzburg@mainpost.de.",
                 "Mit Material von dpa", "Mehr Nachrichten aus Gera:",
                 "Nichts mehr verpassen: Die wichtigsten Nachrichten aus Ravensburg gibt es jetzt auch per WhatsApp und Telegram.",
                 "Aufgerufen am 15.10.2021 um 08:12 auf https://www.sn.at/salzburg/politik/obus-111482936",
                 "Sie haben bereits ein Abo? Hier anmelden. Testen Sie KN+ jetzt einen Monat gratis."):
        assert edge_kind(line) is not None, line
    for line in ("Mit Material aus dem Stadtarchiv hat die Forscherin die Chronik ergänzt.",
                 "Haben Sie Fragen, wollte der Richter wissen. Die Zeugin schwieg."):
        assert edge_kind(line) is None, line
