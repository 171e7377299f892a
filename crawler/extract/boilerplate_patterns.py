"""The data of whole-line boilerplate: the strict and edge patterns of page tools and editors, and their names."""

from __future__ import annotations

#: Whole-line patterns of page-tool and editor boilerplate inside article containers on
#: Chinese news CMSs, dropped wherever they stand. Each is anchored to the full line and
#: bounded in length, and a name-taking label takes a name (no sentence punctuation), so
#: a body sentence that merely mentions the words is kept (``审核：经审核，该项目…`` and a
#: sub-heading ``分享经验：…`` stay). Re-check with the ``without`` snippets of
#: ``../shared/fixtures/pages.json`` (kinds ``editor_boilerplate``, ``share_widget``).
_NAME = r"[^。！？!?，,；;：:]{1,24}"
#: A date and clock time as forum and blog software stamps them (``2013-5-13 08:12``).
_STAMP_TIME = r"(19|20)\d{2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}\s+\d{1,2}:\d{2}(:\d{2})?(\s*[AaPp][Mm])?"
STRICT_PATTERNS = [
    # 责任编辑：X / (责编：X) / 【编辑：X】 / [責任編輯:X] / 本文来源：X 责任编辑：Y
    rf"[（(【\[]?\s*(本文来源[:：]{_NAME}\s*)?(责任编辑|责编|編輯|编辑|責任編輯|责任校对|审核|校对)\s*[:：]\s*{_NAME}[）)】\]]?",
    rf"[（(【\[]\s*((编辑|作者|记者|通讯员|供稿|摄影|审核|校对|责编)(\s*[:：]|\s)\s*{_NAME}\s*[；;]?\s*)+[）)】\]]",
    # share / print / window tools: a share bar names platforms, nothing else
    r"[【\[]?\s*(分享到|分享至|分享)\s*[】\]]?\s*[:：]?\s*((微信|朋友圈|微博|新浪微博|腾讯微博|QQ空间|QQ好友|QQ|人人网|豆瓣|易信|钉钉|好友|"
    r"复制链接|更多|手机|[\s|｜/、,，·])*)",
    # a share prompt naming what to share where (``将文章分享到朋友圈。``, under a QR code)
    r"(点击.{0,6})?(将|把)?(本文|文章|此文|本页|网页|页面)(一键)?(分享|转发)(到|至|给)(你的|您的)?(微信|QQ)?(朋友圈|好友|朋友|群聊|微信群|微博|QQ空间)\s*[。！!]?",
    r"([【\[]?\s*(打印本页|打印|关闭窗口|关闭|收藏本页|收藏|返回顶部|纠错|我要纠错)\s*[】\]]?\s*)+",
    r"字号\s*[:：]?\s*[大中小\s|]{0,12}",
    r"[+＋]\d{1,4}",                                       # like/vote counters
    r".{0,20}扫一扫.{0,30}",
    r".{0,20}扫描二维码.{0,40}",
    r"(用微信|微信)扫描.{0,20}",
    r"网友评论仅供.{0,60}",
    r"[【\[]?\s*(举报|我要举报|举报/反馈|投诉/举报)\s*[】\]]?",
    # forum software's edit stamp in a post (Discuz!, phpwind): the editor, a date and a time
    rf"[【\[]?\s*(本帖最后由\s*\S.{{0,30}}?\s*于\s*{_STAMP_TIME}\s*编辑|此帖子?已?被\s*\S.{{0,30}}?\s*在\s*{_STAMP_TIME}\s*(重新)?编辑过?)\s*[】\]]?",
    # English-language pages (en.* / english.* gov and news sites)
    rf"(Editor|Editors|Edited by|Chief Editor|Responsible editor)\s*[:：]\s*{_NAME}",
    # app and WeChat account promos around a body
    r"[（(]?\s*本文来自.{0,30}(APP|app|App|客户端)\s*[）)]?",
    # (a sentence about an app goes on: ``下载该APP的用户中，有六成…`` stays)
    r".{0,20}下载.{0,10}(客户端|APP|app|App)"
    r"(\s*[，,:：]?\s*(阅读|查看|观看|收看|收听|获取|了解|看|体验|领取|享受|随时|第一时间|更多|参与|抢|免费|[>》]).{0,20}"
    r"|\s*[，,:：]\s*[^。！？，,]{1,8}(阅读|查看|观看|收看|获取|了解|体验|领取|享受|免费|[>》]).{0,20})?"
    # ... and a line that bids the reader download it, with its slogan (``下载X客户端，实时掌握全国钢材价格``)
    r"|[【\[]?\s*(立即|点击|扫码|马上)?下载[^。！？，,\s]{1,14}(客户端|APP|App|app)(\s*[，,:：\s]\s*[^。！？，,]{2,20}){1,2}\s*[>》»]*[。！!~]?\s*[】\]]?"
    # ... or what it gives away (``自选股异动实时提醒，下载领取Level-2体验卡``)
    r"|[^。！？]{0,24}[，,\s]\s*(立即|马上)?下载(即可)?(领取|获取|解锁|免费领)[^。！？]{1,20}[。！!]?",
    # an inline ad by its label, ending in its button (``推广开通美股Level 2行情，首月免费体验立即领取``)
    r"[【\[]?\s*(推广|广告|赞助)\s*[】\]]?\s*[^。！？]{2,40}(立即|马上|点击)(领取|下载|开通|购买|体验|抢购|报名|查看|了解)\s*[>》»]*",
    r".{0,10}打开.{0,8}(客户端|APP|app|App|网易新闻).{0,20}",
    r".{0,30}尽在\S{0,12}(客户端|APP|app|App)\s*[。！!]?",
    r".{0,10}打开\S{1,10}[，,\s]*(查看|阅读|观看|浏览|看)(更多|全文|完整|原文|高清)[^\s。！？，,]{0,12}[…\.]*",  # 打开凤凰新闻，查看更多高清图片
    r".{0,10}点击.{0,4}(蓝字|上方).{0,20}",
    r".{0,10}长按.{0,6}(识别|扫描|关注)?.{0,4}(二维码|图片).{0,20}",
    r".{0,10}(点个?|点亮|点一下)\s*[“\"「]?在看.{0,20}",
    r".{0,10}(分享|转发).{0,2}(点赞|收藏).{0,2}在看.{0,20}",
    r"[-—\s]*(END|End|end|完)[-—\s]*",
    # copyright and licence lines
    r"(Copyright|COPYRIGHT|copyright|©|版权所有)[^。！？]{0,100}",
    r"[^。！？]{0,40}(版权所有|Copyright|©)[^。！？]{0,60}",     # 制作单位：… 版权所有：…
    r"[^。！？]{0,60}(ICP备|ICP证|公网安备|网站标识码|新闻信息服务许可证)[^。！？]{0,60}",
    # image galleries and pagers: counters and slide or page controls
    r"\d{1,3}\s*/\s*\d{1,3}",
    r"((上一张|下一张|(点击图片)?查看原图|共\s*\d{1,3}\s*张|自动播放|全屏|上一篇|下一篇|返回列表"
    r"|[◀▶◁▷←→⇦⇨👈👉<>«»（(\s]*(左右|向左|向右|上下)?滑动(即可)?(查看|浏览)[^。！？，,◀▶◁▷←→⇦⇨👈👉<>«»()（）]{0,14}[◀▶◁▷←→⇦⇨👈👉<>«»）)\s]*"
    r"|点击(图片)?(查看|放大)?大图)\s*[:：]?\s*)+",
    # a post's previous/next links (``<< 上一篇：中秋加班记 | 下一篇：重装系统第三次 >>``) and a blog's
    # trackbacks (``引用通告地址： http://…``, ``[引用] keso的博客：也说Web 2.0的盈利 (2006-09-19 10:12)``)
    r"[<«《\s]*(上一篇|下一篇|上篇|下篇|前一篇|后一篇)\s*[:：][^。！？\n]{1,80}?(\s*[|｜]\s*(上一篇|下一篇|上篇|下篇|前一篇|后一篇)\s*[:：][^。！？\n]{1,80}?)?[>»》\s]*"
    r"|引用通告(地址)?\s*[:：]\s*\S{5,200}"
    r"|[\[【]引用[\]】]\s*[^。！？\n]{1,80}[(（]\s*(19|20)\d{2}-\d{1,2}-\d{1,2}(\s+\d{1,2}:\d{2}(:\d{2})?)?\s*[)）]",
    # a link to more of a list (``更多PTA报价>>``, ``查看更多新闻 >``)
    r"(点击)?(查看)?更多[^。！？，,\s]{0,12}\s*[>》»]{1,3}",
    # multi-page pagers: 【1】【2】下一页 / 上一页 1 2 3 下一页 尾页 / 共3页
    r"(?=.*(上一页|下一页|尾页|末页|[【\[]\d{1,3}[】\]]|共\s*\d{1,3}\s*页))"
    r"((上一页|下一页|首页|尾页|末页|[【\[]\d{1,3}[】\]]|共\s*\d{1,3}\s*页|第\s*\d{1,3}\s*页|\d{1,3})\s*)+",
    # a video player's status and its counters (``视频加载中，请稍候…``, ``时长 01:56 | 播放 6239次``)
    r"((视频|音频|内容|图片|播放器)?(正在)?加载中|正在加载(视频|音频|内容|播放器))\s*[.…。，,！!]*\s*(请稍候|请稍后|请稍等|请耐心等待)?\s*[.…。！!]*"
    # ... a video card's title with its length (``东南网视频：走进宁德锂电产业园 时长 03:12 播放次数：8,746``)
    r"|[^。！？]{0,40}\s*时长\s*[:：]?\s*\d{1,2}:\d{2}(:\d{2})?\s*[）)]?(\s*[|｜/·]?\s*((已?播放|观看)(次数|量)?\s*[:：]?\s*[\d.,]+\s*万?\s*次?|[\d.,]+\s*万?\s*次播放))?(\s*(下载|在线|点击)?收听)?"
    r"(\s*(视频)?(来源|制作|编辑)\s*[:：]\s*[^。！？|｜]{1,30})?"
    # ... and the player's help (``如无法观看，请下载RealPlayer播放器``)
    r"(\s*[^。！？]{0,4}(无法|不能)(观看|播放|收听)[，,]?\s*请?(下载|安装|升级)[^。！？]{0,30})?"
    r"|[^。！？]{0,4}(无法|不能)(观看|播放|收听)[，,]?\s*请?(下载|安装|升级)[^。！？]{0,20}(播放器|插件|Player|player|Flash|flash)[^。！？]{0,10}"
    r"|[\d.,]+\s*万?\s*次播放|(本视频|该视频)?已播放\s*[\d.,]+\s*万?\s*次|(点击|在线|下载)收听\s*[:：]?[^。！？]{0,40}"
    # a link to a video or a gallery, by its bracketed label (``[视频] 探访世博园区智能电网调度中心``, ``【求是微视频】…``)
    r"|([【\[]\s*[^【】\[\]\s]{0,6}?(视频|图集|组图|音频|影音|影片)\s*[】\]]|影[／/])\s*[^。！？]{2,40}[？?]?(\s*时长\s*[:：]?\s*\d{1,2}:\d{2}(:\d{2})?)?(\s*[|｜/·]?\s*(已?播放|观看)(次数|量)?\s*[:：]?\s*[\d.,]+\s*万?\s*次?)?",
    # an app's download button and its name on a line of its own (``两会报道第一时间推送 立即下载 >``, ``X客户端``),
    # a poll's bracketed label (``【投票】您会考虑购买新能源汽车吗？``)
    r"[^。！？]{0,30}(立即|马上|点击|扫码)下载\s*[>》]*|[^。！？]{0,40}(点我|点此|按我|按此)下载[^。！？，,\s]{0,14}(客户端|APP|App|app)(\s+[^。！？\s]{2,12}){0,3}|[^\s。！？，,]{2,12}(客户端|APP|App|app)(\s*[Vv]?\d{1,2}(\.\d{1,3}){1,3}\s*(正式版|测试版|版)?)?",
    r"[【\[]\s*(投票|调查|网友调查|民意调查)\s*[】\]][^。！？]{0,60}[？?]?|(参与投票|我要投票)\s*[:：][^。！？]{0,60}[？?]?"
    r"|(网上调查|网友调查|网络调查|在线调查|民意调查)\s*[:：][^。！？]{2,60}[？?]"
    r"|投票\s*[·•|｜]\s*(单选|多选)[^。！？]{0,20}"
    # ... and its count of voters on a line of its own (``已有 3208 人参与``)
    r"|(已有|共有|共)\s*[\d,]{1,9}\s*(人|位网友|位)\s*(参与|投票|参与投票|参与调查)",
    # a follow prompt's promise under the QR code (``第一时间获取商务部权威发布与政策解读``), or with its bid (``X提示：关注@X微博，第一时间获取…``);
    # a channel's link with its promise (``点击进入黄河新闻网晋城频道 看更多晋城新闻``)
    r"([^。！？，,]{0,12}(提示|提醒)\s*[:：]\s*)?((关注|订阅|收听)@?[^。！？，,]{1,24}[，,]\s*)?[^。！？，,]{0,6}第一时间(获取|了解|掌握|获悉|知晓)[^。！？，,]{2,30}"
    r"|点击进入[^。！？，,\s]{2,20}(频道|专题|栏目|专区)(\s*[^。！？，,\s]{2,16})?",
    # a fold's button (``展开全文 剩余60%未读``, ``展开阅读全部``)
    r"([【\[]?\s*((继续|点击|打开[^\s。！？，,]{0,8})?((展开|阅读|查看|显示)(全文|全部|剩余\s*\d{1,3}\s*%)|展开阅读全部)"
    r"|剩余\s*\d{1,3}\s*%\s*(未读|内容已折叠|已折叠)?"
    # ... and its log-in wall (``剩余45%未读，登录后查看全文``)
    r"|(登录|注册)(会员)?(后|即可|可)\s*(免费)?\s*(查看|阅读)(全文|全部|剩余内容|完整内容)"
    # ... or its subscribers' wall (``本文剩余 45%，订阅天下全阅读，解锁所有文章``, read from traditional characters)
    r"|(本文)?剩余\s*\d{1,3}\s*%\s*[，,]\s*(订阅|登录|注册|购买|开通)[^。！？]{0,24}(解锁|阅读|查看|继续)[^。！？]{0,16}"
    r"|继续阅读|点击展开)\s*[】\]]?\s*[>»∨﹀⌄▼↓]*\s*[，,]?\s*)+",
    # a reward widget (``写文章不容易，打赏一下小编？``, ``已有 37 位差友打赏``)
    r"[^。！？]{0,16}(打赏|赞赏)(一下|作者|小编|支持)[^。！？]{0,10}[？?！!。]?|(已有|共有)?\s*\d+\s*(人|位)\S{0,4}\s*(打赏|赞赏)(了?(作者|小编))?"
    r"|(打赏|赞赏|赞赏作者|打赏作者)|(觉得有用|觉得不错|喜欢的话|喜欢)[^。！？]{0,6}(点个赞|点赞)(吧|支持一下|鼓励一下)?[！!。~]?"
    # ... and a bar of counted buttons with that prompt (``赞一个(127) 收藏本帖(86) 觉得有用就点个赞吧，楼主会更有动力更新~``)
    r"|((赞一个|点赞|赞|顶一下|顶|踩|收藏本帖|收藏|喜欢)\s*[（(]\s*\d{1,6}\s*[）)]\s*)+"
    r"((觉得有用|觉得不错|喜欢的话|喜欢)[^。！？]{0,6}(点个赞|点赞)[^。！？\n]{0,20})?",
    # a forum member's labelled signature, wherever it stands; ratings (``评分记录：…``), a moderator's note (``【版主提示】…``)
    r"(个性)?签名\s*[:：][^\n]{1,150}",
    r"(本帖最近)?评分记录\s*[:：][^\n]{0,200}|[【\[]\s*(版主提示|版主提醒|管理提示|系统提示)\s*[】\]][^\n]{0,100}"
    # ... a Q&A asker's verdict (``提问者评价：谢谢！``), a hidden post's notice (``游客，如果您要查看本帖隐藏内容请回复``), an attachment's counts
    r"|提问者(对于?答案的)?评价\s*[:：][^\n]{0,100}|(游客|亲爱的游客)?[，,]?\s*(如果您要|如需|要)?查看本帖隐藏内容请?\s*(回复|登录|注册)[^。！？\n]{0,10}"
    r"|[^\s。！？，,]{1,60}\.[A-Za-z0-9]{2,4}\s*[（(]\s*[\d.]+\s*[KMG]B?\s*[,，]\s*下载次数\s*[:：]\s*\d+\s*[）)]",
    # a job ad with its address (``新智元招聘：主笔、编辑、运营，简历请投递 hr@x.com``)
    r"[【\[]?\s*\S{0,12}(招聘|诚聘|招募|加入我们)\s*[】\]]?\s*[:：][^\n]{0,80}[\w.+-]+@[\w.-]+[^\n]{0,20}",
    r"(时长|已?播放(次数|量)?)\s*[:：]?\s*\d[\d:.,]*\s*万?\s*次?"
    r"(\s*[|｜/·]?\s*(时长\s*[:：]?\s*\d{1,2}:\d{2}(:\d{2})?|已?播放(次数|量)?\s*[:：]?\s*[\d.,]+\s*万?\s*次?|视频(来源|制作|编辑)\s*[:：]\s*[^。！？|｜]{1,40}))*",
    # a WeChat post's prompt to its 阅读原文 link (``…报名通道已开启，点击阅读原文，锁定席位``)
    r"[^。！？\n]{0,60}点击(文末|下方|左下角)?[“\"「]?阅读原文[”\"」]?([，,]\s*[^。！？\n]{0,20})?[。！!]?",
    # a portal's SMS or mail subscription promo (``【搜狐短信】移动用户发送“IT”到8888，每天…``, ``手机看新闻，X手机报每天只需0.1元！移动用户发送 TS 到 10658000…``, ``★订阅X每日新闻邮件，…★``)
    r"[^\n]{0,40}(手机报|短信|彩信)[^\n]{0,30}发送\s*[“\"「]?[A-Za-z0-9]{1,10}[”\"」]?\s*(到|至)\s*\d{4,12}[^\n]{0,80}"
    r"|[★■◆●]?\s*(免费)?订阅[^。！？]{1,20}(邮件|短信|电子报|手机报|新闻信)[^。！？]{0,30}[★■◆●]?",
    # a sign-in prompt (``回复帖子需要 登录，还没有X帐号？立即注册``)
    r"(?=.{4,60}$)[^。！]{0,20}(还没有|没有|尚无)[^。！？，,]{0,10}(帐号|账号)[？?，,]?\s*[^。！？]{0,4}(注册|登录)[^。！？]{0,10}",
]
#: The name of each strict pattern, in order: what the reason trail says removed a line
#: (crawler/extract/trail.py).
STRICT_NAMES = (
    "editor_credit", "editor_credit", "share_bar", "share_bar", "page_tools", "font_size", "vote_counter",
    "qr_promo", "qr_promo", "qr_promo", "comment_notice", "report_button", "forum_edit_stamp", "editor_credit",
    "app_promo", "app_promo", "ad_label", "app_promo", "app_promo", "app_promo", "wechat_promo", "qr_promo", "wechat_promo", "wechat_promo",
    "end_mark", "copyright", "copyright", "icp_licence", "gallery_counter", "gallery_pager", "post_navigation", "more_link", "pager",
    "video_player", "app_promo", "poll", "follow_prompt", "fold_button", "reward_widget", "member_signature", "forum_notice", "job_ad", "video_player",
    "read_original_promo", "sms_promo", "login_prompt",
)
#: Strict patterns that open with a scan of any characters (or a look over the whole line), by
#: name and opening, with the words every match of them holds. crawler/extract/boilerplate.py
#: matches them only on lines holding one, like ``KEYED_PATTERNS``, not as alternatives of the
#: combined pattern: that one is tried on every candidate line, and with them in it took 2.7 times
#: as long (the scans cost most on the lines that hold none of their words).
SCAN_LED = (
    ("qr_promo", ".{0,20}扫一扫", ("扫一扫",)),
    ("qr_promo", ".{0,20}扫描二维码", ("扫描二维码",)),
    ("app_promo", ".{0,20}下载", ("下载",)),
    ("app_promo", ".{0,10}打开.{0,8}", ("打开",)),
    ("app_promo", ".{0,30}尽在", ("尽在",)),
    ("app_promo", ".{0,10}打开\\S", ("打开",)),
    ("wechat_promo", ".{0,10}点击", ("点击",)),
    ("qr_promo", ".{0,10}长按", ("长按",)),
    ("wechat_promo", ".{0,10}(点个?", ("在看",)),
    ("wechat_promo", ".{0,10}(分享|转发)", ("在看",)),
    ("copyright", "[^。！？]{0,40}(版权所有", ("版权所有", "Copyright", "©")),
    ("icp_licence", "[^。！？]{0,60}(ICP备", ("ICP备", "ICP证", "公网安备", "网站标识码", "新闻信息服务许可证")),
    ("pager", "(?=.*(上一页", ("页", "【", "[")),
    ("app_promo", "[^。！？]{0,30}(立即", ("下载", "客户端", "APP", "App", "app")),
    ("reward_widget", "[^。！？]{0,16}(打赏", ("赏", "赞", "顶", "踩", "收藏", "喜欢")),
    ("read_original_promo", "[^。！？\\n]{0,60}点击", ("阅读原文",)),
    ("login_prompt", "(?=.{4,60}$)", ("帐号", "账号")),
    ("sms_promo", "[^\\n]{0,40}(手机报", ("短信", "彩信", "手机报", "订阅")),
)


#: A byline: a role, a separator (``文｜X``, ``编辑：X``, ``文/X``; 文 and 图 take no colon, ``图：…`` opens a caption) and a
#: name, which an empty editor field may lack (``责任编辑：``). A line must credit the writing or editing: a photo credit
#: alone (``图/X``, ``摄影：X``) is a caption's, and captions are text.
_CREDIT_VALUE = r"[^。！？!?，,；;：:｜|/（）()【】\[\]]{0,24}([（(][^（）()]{1,30}[）)])?(、[^。！？!?，,；;：:｜|/（）()【】\[\]、]{1,24}){0,3}"
_WRITER_ROLE = (
    r"(文\s*[｜|/]|(撰文|文字|作者|记者|编辑|责编|责任编辑|采写|采编|统筹|校对|审核|审校|出品|策划|排版|美编|设计|整理|翻译|编译|实习生|通讯员|主编"
    r"|监制|制作|初审|复审|终审|制版编辑|美术编辑|视觉|剪辑)\s*[:：｜|/])"
)
_PHOTO_ROLE = r"(图\s*[｜|/]|(图片|摄影)\s*[:：｜|/])"
#: Credits on one line are set apart by a space, a comma or a bar (``文 | X，作者 | Y``, ``审校：X ｜ 编辑：Y``).
_CREDIT_GAP = r"([，,；;｜|]\s*)?"
_WRITER = rf"{_WRITER_ROLE}\s*{_CREDIT_VALUE}\s*{_CREDIT_GAP}"
_ANY_CREDIT = rf"({_WRITER_ROLE}|{_PHOTO_ROLE})\s*{_CREDIT_VALUE}\s*{_CREDIT_GAP}"
#: Boilerplate that is also the shape of real text in some articles (a notice names its
#: 主办单位, a reprint states its terms): dropped only around the text, before its first
#: sentence or after its last, never between paragraphs.
EDGE_PATTERNS = [
    rf"[（(【\[]?\s*([^\s。！？，,：:｜|/]{{2,8}}(?=记者|编辑|作者|撰文|责编|采编))?({_ANY_CREDIT})*{_WRITER}({_ANY_CREDIT})*[）)】\]]?",
    r"[【\[]?\s*(特别声明|免责声明|版权声明|本网声明|本站声明|郑重声明|\S{0,6}声明|\S{0,12}免责(声明|条款)|\S{0,6}版权说明|免责说明)\s*([】\]]\s*[:：]?|[:：]).*"
    # ... and such a label alone on its line, over the statement (``风险及免责提示``)
    r"|[【\[]?\s*(特别声明|免责声明|版权声明|本网声明|本站声明|郑重声明|免责条款|免责说明|免责提示|风险提示|风险揭示|风险及免责提示"
    r")\s*[】\]]?\s*[:：]?"
    # ... and an account's instructions for its readers (``『返朴』提供按月检索文章功能。关注公众号，回复…``)
    r"|([^。！？\n]{0,40}[。！？])?[^。！？\n]{0,40}(公众号|订阅号)[^。！？\n]{0,40}(菜单|回复|后台|置顶|星标)[^\n]{0,160}",
    r".{0,20}报料\s*[:：].{0,60}",
    # a reprint credit: where the article first ran, with the terms that may follow it
    r"[（(【\[]?\s*(本文|文章|此文)(经授权)?(来自于?|来源于?|转载自|转自|首发于|选自|摘自|原载于?|原发于|授权转载自?)\s*[:：]?"
    r"(?=[^。！？]{0,40}(公众号|微信|微博|头条|百家号|客户端|APP|app|App|网|报|刊|杂志|社|ID|授权|作者|原文链接|原文地址))"
    r"[^。！？]{1,80}([。！？][^。！？]{0,60}){0,3}",
    r".{0,40}未经.{0,4}(授权|许可|允许|同意)[，,\s]*(任何.{0,8})?(不得|禁止|严禁|谢绝|请勿)(以?任何(形式|方式)|擅自)?(转载|转贴|使用|复制|摘编|转发).{0,20}"
    # whose copyright it is, then the terms (a blog's footer: 本文版权归作者所有，欢迎转载，但…)
    r"|[（(【\[]?\s*(本文|文章|此文|本帖|本游记|本篇|本日志)?的?(版权|著作权)(归|属于?|为)[^。！？，,]{1,30}(所有|共有)?[，,。；;\s]*"
    r"(欢迎|如需|未经|转载|请勿|禁止|谢绝|严禁|任何)[^\n]{0,150}"
    # a series or column note (``【4G半年考】本文为网易科技“4G半年考”系列报道之二，点击查看专题全部报道>>``,
    # ``本文为网易新闻·数读栏目出品，…如需转载，请联系…``)
    r"|([【\[][^】\]]{1,10}[】\]]\s*)?(本文|此文|本篇)(为|是|系|由)[^。！？]{1,40}(系列报道|系列文章|专题报道|栏目|团队|工作室)[^。！？]{0,12}"
    r"(之[一二三四五六七八九十\d]{1,3}|出品|制作)[^\n]{0,120}"
    # a site's claim on what it credits to itself (``凡注明来源“X网”的作品，版权均属X网，未经授权不得转载``)
    r"|[（(【\[]?\s*凡(本网|本站)?(注明|标明|标注|署名)[^\n]{0,150}(转载|版权|授权)[^\n]{0,150}"
    # an original-work statement (``本文为作者原创，转载请注明出处``), maybe naming its author
    r"|([【\[][^】\]]{1,8}[】\]]\s*)?[（(【\[]?\s*(本文|文章|此文|本帖)?(为|系|是|属)?(作者|本站|本号|本网|[^，,。；;！？\s]{2,12}?)?(独家)?原创(文章|作品|内容|稿件)?(编译整理|编译|整理|撰写|首发)?[，,。；;\s]*"
    r"((作者|文|编辑)\s*[:：|｜]\s*[^，,。；;！？]{1,12}[，,。；;\s]*)?"  # ``本文为X原创，作者：宋嘉，转载请注明出处``
    r"(转载|如需转载|未经|欢迎转载|允许转载|禁止转载|谢绝转载|欢迎(个人)?(转发|分享))([^。！？]{0,60}[。！]?){0,3}(\s*https?://\S+)?\s*[）)】\]]?",
    r"(主办单位|主办|承办单位|承办|技术支持|联系电话|联系我们)\s*[:：][^。！？]{0,60}",
    r".{0,10}(点击进入|点击查看|点击阅读).{0,30}(>>|》)?",
    r".{0,10}点击.{0,4}关注.{0,20}",
    # download the app / follow the account, for what it brings (``关注X（ID），获取更多机会``)
    r"[【\[]?\s*(欢迎|请|敬请)?(扫码|扫描二维码)?(下载|关注|订阅)[^。！？，,]{0,20}"
    r"(APP|app|App|客户端|公众号|微信号|微博|视频号|[（(][A-Za-z][\w-]{2,19}[）)])"
    r"[^。！？]{0,60}(获取|了解|获得|第一时间|随时|把握|查看|阅读|更多|精彩|福利|资讯|推送)[^。！？]{0,40}[。！!]?\s*[】\]]?",
    # a bare scan-to-follow prompt under a QR code (``扫码关注经济观察报``)
    r"[【\[]?[^。！？\n]{0,16}?\s*(请|欢迎)?(扫码|扫描二维码|扫一扫)\s*(关注|订阅|下载|加入)[^。！？，,:：]{1,20}[】\]]?"
    # ... and an account's card (``知识分子 · 为更好的智趣生活 · ID：The-Intellectual``)
    r"|[^。！？\n]{0,40}(ID|微信号|公众号)\s*[:：]\s*[A-Za-z][\w-]{2,30}[^。！？\n]{0,30}"
    # ... and the programme that funded the piece (``本文受科普中国·星空计划项目扶持``)
    r"|(本文|本栏目|本项目|本作品)(受|由|获)[^。！？]{1,40}(扶持|资助|支持)[^。！？]{0,10}[。]?",
    # a membership upsell (``开通智通VIP，解锁港股实时行情与独家研报``)
    r"[【\[]?\s*(立即|马上|点击)?(开通|成为|升级|加入|订阅)[^。！？，,]{0,10}(VIP|vip|会员|Plus|PLUS|Pro|PRO)[^。！？，,]{0,6}[，,\s]*"
    r"(解锁|享受|畅享|获取|免费|查看|阅读|尊享|即可)[^。！？]{0,30}[。！!]?\s*[】\]]?",
    # a site's notice to rights holders (``如有侵权，请联系本站删除``, ``如果我们使用了您的图片，请作者与本站联系索取稿酬``)
    r"[【\[]?\s*(\S{0,4}(提醒|提示|说明|申明)\s*[:：】\]]\s*)?"
    r"((?=[^。！？]{0,80}(侵权|版权|著作权|稿酬|稿费))(?=[^。！？]{0,80}(联系|告知|通知))(?=[^。！？]{0,80}(本站|本网|我们|小编|本号|本平台))"
    r"[^。！？]{4,80}|(如有|若有|如涉及|若涉及|如存在)(侵权|版权问题)[^。！？]{0,10}(联系|告知)[^。！？]{0,10}(删除|处理))"
    r"[。！!]?([^。！？]{0,60}[。！!]){0,2}\s*[】\]]?",
    # the opinion disclaimer (``本文仅代表作者个人观点，不代表本站立场``)
    r"[（(【\[]?\s*(注|声明)?[:：]?\s*(本文|文章|此文|该文|本内容|以上内容|上述内容)?(内容|观点)?(仅|只)?(代表|系|为|属)(作者|原作者|笔者|撰稿人)"
    r"(个人|本人|独立)?(的)?(观点|看法|立场|意见)[^。！？]{0,50}[。！!]?([^。！？]{0,120}[。！!]){0,3}([^。！？]{1,80})?\s*[）)】\]]?"
    # ... and a user-content platform's (``本站是提供个人知识管理的网络存储空间，所有内容均由用户发布，不代表本站观点。…``)
    r"|[^。！？]{0,40}(所有|全部)?(内容|文章|信息|作品)(均|都|皆)?(由|为)(用户|网友|会员)(自行)?(发布|上传|提供|转载)[^\n]{0,200}"
    # ... a government page's (``说明：…如有不一致，以正式印发文本为准。``), a site's reminder (``X提醒：…请以官方发布为准，谨防…``)
    r"|[（(【\[]?\s*((说明|注|提示|声明|温馨提示|[^。！？，,：:\s]{0,6}提醒)\s*[:：])?[^。！？]{0,80}以[^。！？，,]{0,12}((正式印发|正式|政策原|文件原|原)(文本|文件|版本|发文|文)|官方(发布|公布|公告|通知|信息))为准([，,；;][^。！？]{0,40})?[。！]?\s*[）)】\]]?",
    # an author card's bio under the text (``经济观察报记者，关注债券市场、地方财政。联系邮箱：…``)
    r"[^。！？，,\s]{0,16}(记者|编辑|作者|主笔|撰稿人|研究员|分析师)[，,]\s*(长期|主要|专注|重点)?(关注|专注于?|负责|跟踪|报道)"
    r"[^。！？]{2,60}[。.]?(\s*(联系邮箱|邮箱|E-?mail|电子邮箱|投稿邮箱|联系方式)\s*[:：]\s*\S{3,60})?",
    # a finance site's risk warning (``市场有风险，投资需谨慎。本文不构成个人投资建议…``, ``以上内容与X立场无关…``)
    r"[【\[]?\s*(风险提示|投资提示|风险揭示|风险警示)\s*([】\]]\s*[:：]?|[:：])"
    r"(?=[^\n]{0,200}(投资建议|风险自担|风险自负|责任自负|谨慎|仅供参考|不构成|不作为|推荐))[^\n]{0,240}"
    r"|[【\[（(]?\s*((提示|注)\s*[:：])?\s*"
    r"((?=[^\n]{0,120}(投资建议|投资依据|投资参考|风险自担|风险自负|责任自负|投资需谨慎|入市需谨慎|投资须谨慎|入市须谨慎))"
    r"(市场有风险|股市有风险|投资有风险|(本文|文章|此文|以上内容|上述内容|相关内容|本内容|本页内容|本报告)[^。！？]{0,40}"
    r"(不构成|不作为|并不构成|仅供参考|不对))"
    r"|(以上|上述|本文|文章)?内容与[^。！？，,]{1,16}(立场|观点)无关)[^\n]{0,240}",
    # the editors' byline without a colon (``编辑 郭宇 责编 邓阳``)
    r"((责任编辑|责编|编辑|校对|审核|审校|主编|监制)\s+[^\s。！？，,：:]{2,5}\s*){1,4}",
    # a follow/download prompt for more (``更多精彩内容，关注钛媒体微信号（ID：taimeiti），或者下载钛媒体App``)
    r"[（(【\[]?\s*(更多精彩(内容|资讯|报道|文章)?|了解更多(资讯|内容|信息)?|想了解更多[^。！？，,]{0,8})[，,\s]*(请|欢迎|敬请)?"
    r"(关注|下载|订阅|搜索)[^。！？]{1,60}[。！!]?\s*[）)】\]]?",
    # a call for news tips (``（下载红星新闻，报料有奖！）``, ``【如果您有新闻线索，欢迎向我们报料…】``, a series' ``【编者按】…欢迎读者来信来稿…``)
    r"[（(【\[]?[^。！？]{0,20}报料有奖[^。！？]{0,20}[。！!]?\s*[）)】\]]?|[（(【\[]?\s*(如果您|如您|若您|您如)?有新闻线索[^\n]{0,150}"
    r"|[【\[]?\s*编者按\s*[】\]]?\s*[:：]?\s*[^。！？]{0,60}(系列|专栏|栏目)[^\n]{0,60}(欢迎[^。！？]{0,8}(来信|来稿|投稿|报料|提供线索)|报料邮箱|投稿邮箱)[^\n]{0,80}",
    # a reprint request and a contribution address (``转载请联系本公众号获得授权``, ``投稿或寻求报道：x@y.com``)
    r"[（(【\[]?\s*(如需转载|转载请|转载需|欢迎转载)[^。！？]{0,30}(授权|联系|注明|后台|留言)[^。！？]{0,30}[。！!]?\s*[）)】\]]?"
    # ... and a blog's (``本文出自 “X” 博客，请务必保留此出处http://…``)
    r"|(本文|文章|此文)出自[^。！？]{1,40}[，,]\s*(请务必|请|务必)?(保留|注明)(此|本文)?出处[^\n]{0,80}",
    r"[（(【\[]?\s*(投稿|合作|商务合作|寻求报道|内容合作|广告合作|转载|联系)([及和或与、/]\s*(投稿|合作|寻求报道|商务合作|转载|爆料))*"
    r"\s*(请)?(联系|发送至|发至|邮箱)?\s*[:：]?\s*[\w.+-]+@[\w.-]+\s*[）)】\]]?",
    # the print edition a text ran in (``《中国科学报》 (2024-05-23 第3版 综合)``, ``《人民日报》（2018年06月11日 10 版）``)
    r"[（(]?\s*((来源|原载|刊于|摘自|载)\s*[:：]?)?\s*《[^》]{2,20}》\s*[（(]?\s*(19|20)\d{2}\s*[-年./]\s*\d{1,2}\s*[-月./]\s*\d{1,2}\s*日?"
    r"\s*(第\s*[\d一二三四五六七八九十]{1,3}\s*版|\d{1,2}\s*版)[^）)]{0,20}[）)]?\s*[）)]?",
    r"返回\S{1,10}?(首页)?[，,\s]*(查看|阅读|浏览)更多\S{0,6}",      # 返回搜狐，查看更多
    r"All [Rr]ights [Rr]eserved.{0,200}",
    r"\d{1,4}",                                            # a bare counter (likes, shares)
    r"(高清)?(图集|组图|多图|图片|视频|专题)",                  # gallery and section labels
]
#: The name of each edge pattern, in order.
EDGE_NAMES = (
    "byline", "statement", "tip_off", "reprint_credit", "reprint_terms", "organiser", "click_through", "follow_prompt",
    "follow_prompt",
    "follow_prompt", "paywall_promo", "rights_notice", "opinion_disclaimer", "author_bio", "risk_warning",
    "byline", "follow_prompt", "tip_off", "reprint_terms", "contribution_address", "edition_credit",
    "back_link", "all_rights_reserved", "bare_counter", "gallery_label",
)
