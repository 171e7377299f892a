"""Canonicalisation of seed and link URLs."""

from __future__ import annotations

import pytest

from crawler.urls import canonicalize

WECHAT_SEEDS = [
    (
        "https://mp.weixin.qq.com/s?__biz=MjM5NjQ1NjY4MQ==&mid=2663614937&idx=1&sn=3547ed3b37b66936f3cce3a5cb885272"
        "&chksm=bddfd85f8aa851494604b1f5c43fa0b96a60a928636ac3d5c8e4ae62046fe442abb564b53d1e&mpshare=1&scene=1"
        "&srcid=02222i4P8Vy7QNqH63TX4O9L#rd",
        "https://mp.weixin.qq.com/s?__biz=MjM5NjQ1NjY4MQ==&mid=2663614937&idx=1&sn=3547ed3b37b66936f3cce3a5cb885272",
    ),
    (
        "https://mp.weixin.qq.com/s?__biz=MzA3MDk2MzM4Mw==&mid=2651686950&idx=1&sn=117224c8156443d55ee2836f60fe5f30"
        "&chksm=84cdf1feb3ba78e80bd20e30f276ee1975f9cdd094648196528756e8e55c7ec079d5c735d085&mpshare=1&scene=1"
        "&srcid=0222ocZFBpXDTkt6lX3adbOV#rd",
        "https://mp.weixin.qq.com/s?__biz=MzA3MDk2MzM4Mw==&mid=2651686950&idx=1&sn=117224c8156443d55ee2836f60fe5f30",
    ),
    (
        "https://mp.weixin.qq.com/s?__biz=MjM5MjA4MjA4MA==&mid=2655075325&idx=1&sn=cd021bd27762ff1b48eab6cfc275c8c8&scene=1#rd",
        "https://mp.weixin.qq.com/s?__biz=MjM5MjA4MjA4MA==&mid=2655075325&idx=1&sn=cd021bd27762ff1b48eab6cfc275c8c8",
    ),
    (
        "https://mp.weixin.qq.com/s?__biz=MzUzOTEyNzYyMw==&mid=2247567989&idx=1&sn=b6d99fb71a17678c604bff1602216361&scene=1#rd",
        "https://mp.weixin.qq.com/s?__biz=MzUzOTEyNzYyMw==&mid=2247567989&idx=1&sn=b6d99fb71a17678c604bff1602216361",
    ),
    (
        "https://mp.weixin.qq.com/s?__biz=MjM5MjAxNDM4MA==&mid=2666636358&idx=2&sn=2d77d86d78e775ddaf23356fb3180c74&scene=1#rd",
        "https://mp.weixin.qq.com/s?__biz=MjM5MjAxNDM4MA==&mid=2666636358&idx=2&sn=2d77d86d78e775ddaf23356fb3180c74",
    ),
]


@pytest.mark.parametrize(("raw", "expected"), WECHAT_SEEDS)
def test_wechat_seed_keeps_only_article_identity(raw: str, expected: str) -> None:
    assert canonicalize(raw) == expected


@pytest.mark.parametrize(
    "param", ["chksm=ab", "mpshare=1", "scene=1", "srcid=x", "sharer_sharetime=1", "sharer_shareid=2",
              "exportkey=k", "acctmode=0", "pass_ticket=p", "wx_header=1"]
)
def test_wechat_tracking_parameters_dropped(param: str) -> None:
    url = f"https://mp.weixin.qq.com/s?{param}&__biz=QQ==&mid=1&idx=1&sn=abc"
    assert canonicalize(url) == "https://mp.weixin.qq.com/s?__biz=QQ==&mid=1&idx=1&sn=abc"


def test_wechat_short_link_untouched() -> None:
    assert canonicalize("https://mp.weixin.qq.com/s/AbCdEf#x") == "https://mp.weixin.qq.com/s/AbCdEf"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("HTTP://WWW.Hunan.GOV.cn/a/B.html", "http://www.hunan.gov.cn/a/B.html"),
        ("http://kjt.hunan.gov.cn:80/x.html", "http://kjt.hunan.gov.cn/x.html"),
        ("https://www.163.com:443/", "https://www.163.com/"),
        ("https://example.cn:8443/a", "https://example.cn:8443/a"),
        ("https://hubei.news.163.com", "https://hubei.news.163.com/"),
        ("https://a.cn/p?z=1&a=2#frag", "https://a.cn/p?z=1&a=2"),
        ("https://a.cn/p?b=&a=1", "https://a.cn/p?b=&a=1"),
    ],
)
def test_general_rules(raw: str, expected: str) -> None:
    assert canonicalize(raw) == expected


def test_idempotent() -> None:
    for raw, _ in WECHAT_SEEDS:
        once = canonicalize(raw)
        assert canonicalize(once) == once
