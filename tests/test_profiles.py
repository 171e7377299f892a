"""Site profiles: bundled ones load, bad ones are rejected with the file and key named."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.profiles import (
    ProfileError,
    all_profiles,
    load_profile_file,
    profile_for_url,
)


def test_bundled_profiles() -> None:
    assert [p.slug for p in all_profiles() if p.spider] == ["gov", "netease", "news", "wechat"]
    extraction_only = [p.slug for p in all_profiles() if not p.spider]
    assert extraction_only == ["baijiahao", "huanqiu", "people", "qq", "sina", "thepaper", "toutiao", "xinhua"]


def test_extraction_only_profiles_have_no_spider() -> None:
    import crawler.spiders

    spiders = {getattr(value, "name", None) for value in vars(crawler.spiders).values() if isinstance(value, type)}
    assert {"gov", "netease", "news", "wechat"} <= spiders
    assert not spiders & {"sina", "qq", "people", "toutiao"}


@pytest.mark.parametrize(
    ("url", "slug"),
    [
        ("http://kjt.hunan.gov.cn/kjt/x.html", "gov"),
        ("https://hubei.news.163.com/", "netease"),
        ("https://mp.weixin.qq.com/s?__biz=x", "wechat"),
        ("https://news.sina.com.cn/c/x.shtml", "sina"),
        ("https://www.example.org/x.html", "news"),
    ],
)
def test_profile_for_url(url: str, slug: str) -> None:
    assert profile_for_url(url).slug == slug


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('slug = "x"\ndescription = "d"\nallowed_domains = ["a.cn"]\nspeed = 3\n', "unknown key.*speed"),
        ('slug = "x"\ndescription = "d"\n', "missing required key 'allowed_domains'"),
        ('slug = "x"\ndescription = "d"\nallowed_domains = "a.cn"\n', "'allowed_domains' must be a list"),
        ('slug = "x"\ndescription = "d"\nallowed_domains = ["a.cn"]\ndeny = ["("]\n', "bad regex"),
        ('slug = "x"\ndescription = "d"\nallowed_domains = ["a.cn"]\n[extract]\nprune_xpaths = ["//div["]\n',
         "invalid XPath"),
        ('slug = "x"\ndescription = "d"\nallowed_domains = ["a.cn"]\n[extract]\nfoo = []\n', r"\[extract\].*foo"),
        ('slug = "x"\ndescription = "d"\nallowed_domains = ["a.cn"]\ndepth = "2"\n', "'depth' must be int"),
        ('slug = "y"\ndescription = "d"\nallowed_domains = ["a.cn"]\n', "must equal the file name"),
        ("slug = \n", "not valid TOML"),
    ],
)
def test_bad_profiles_are_rejected_naming_file_and_key(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "x.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ProfileError, match=message) as info:
        load_profile_file(path)
    assert str(path) in str(info.value)


def test_missing_profile(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="not found"):
        load_profile_file(tmp_path / "none.toml")
