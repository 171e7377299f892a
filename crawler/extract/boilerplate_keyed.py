"""Whole-line boilerplate patterns that open with a scan of any characters, each tried only on a line holding one of
its keys (crawler/extract/boilerplate.py): mobile-site and text-message promos, complaint contacts, sales lines, app and
QR promos, polls; and which patterns of boilerplate_patterns.py are so tried (``SCAN_LED``)."""

#: Strict patterns that open with a scan of any characters, tried only on a line holding one of
#: their keys (in the combined pattern each would cost every candidate line the scan): (keys,
#: name, pattern).
KEYED_PATTERNS = (
    # a mobile site's promo (``天涯问答手机版上线啦！用手机访问 wap.tianya.cn 随时随地提问回答``)
    (("手机",), "sms_promo", r"[^。！？]{0,20}手机(版|报|网)\s*(正式)?(上线|开通)(啦|了)?\s*[！!]?[^。！？]{0,60}"
     r"|[^。！？]{0,30}手机(访问|登录|上网|浏览)\s*[:：]?\s*(wap|3g|m)\.[\w.]+[^。！？]{0,30}"),
    # a text-message subscription (``舜网手机报全新改版，移动用户发送短信JNXW到10658000即可订阅，每天两期…``)
    (("短信",), "sms_promo", r"[^。！？]{0,40}(发送|编辑|回复)短信\s*[“\"]?[A-Za-z0-9]{1,12}[”\"]?\s*(到|至)\s*\d{5,}[^。！？]{0,40}[。！!]?([^。！？]{0,40}[。！!])?"),
    # a complaint contact under the text (``如对本稿件有异议或投诉，请联系 tougao@huxiu.com``)
    (("联系",), "complaint_contact", r"[（(【\[]?\s*(如|若)(对|您对)(本稿件|本文|本文内容|该文|文章内容|本篇文章)(有|存在)?(任何)?(异议|疑问|投诉|版权问题)"
     r"[^。！？]{0,20}(请)?(联系|致电|发邮件至|发送邮件至)[^。！？\n]{0,60}[。！!]?\s*[）)】\]]?"),
    # a report's or a product's sales line (``出版日期：2013年8月 报告页码：186页 订购热线：0755-82571522``)
    (("订购",), "sales_line", r"[^。！？]{0,60}(订购热线|订购电话|订购专线)\s*[:：]\s*[\d\-－—()（） ]{7,24}[^。！？]{0,30}"),
    # an app promo ending in its free download (``掌上高考：查大学、查专业、测位次，一站式志愿填报助手，免费下载``)
    (("免费下载",), "app_promo", r"[^。！？]{2,60}[，,]\s*免费下载\s*[>》]*"),
    # a scan-to-follow prompt with what following brings, anywhere (``扫码关注“X”微信公众号，获取更多钢铁行业资讯``)
    (("扫码", "扫描二维码", "扫一扫"), "qr_promo", r"[【\[]?[^。！？\n]{0,16}?\s*(请|欢迎)?(扫码|扫描二维码|扫一扫)\s*(关注|订阅|下载|加入)[^。！？，,:：]{1,20}"
     r"[，,]\s*(获取|了解|第一时间|查看|阅读|获得)[^。！？，,]{1,20}[。！!]?[】\]]?"),
    # a line that ends bidding the reader scan or tap to download the app (``温馨提示：87%用户都在X APP上阅读，扫码下载X APP。``)
    (("下载",), "app_promo", r"[^。！？]{2,40}[，,]\s*(请|欢迎)?(扫码|扫描二维码|立即|马上|点击)下载[^。！？，,\s]{1,14}(客户端|APP|App|app)\s*[。！!]?"),
    # a poll's options over its button (``技术创新 品牌建设 开拓内需市场 政府扶持 查看结果``)
    (("查看结果", "投票", "提交"), "poll", r"([^\s。！？，,]{1,12}\s+){1,8}(查看结果|投票|提交)"),
)

#: Strict patterns of boilerplate_patterns.py that open with a scan of any characters (or a look over the whole line),
#: by name and opening, with the words every match of them holds. crawler/extract/boilerplate.py
#: matches them only on lines holding one, like ``KEYED_PATTERNS``, not as alternatives of the
#: combined pattern: that one is tried on every candidate line, and with them in it took 2.7 times
#: as long (the scans cost most on the lines that hold none of their words).
SCAN_LED = (
    ("qr_promo", ".{0,20}扫一扫", ("扫一扫",)),
    ("qr_promo", ".{0,20}扫描(下方", ("二维码",)),
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
