"""SiteSpider scope: profile domains plus seed hosts, compared on host names (ports ignored)."""

from __future__ import annotations

from pathlib import Path

from scrapy.utils.test import get_crawler

from crawler.spiders import GovSpider, NewsSpider


def _spider(cls, tmp_path: Path, seeds: str, **kwargs):
    path = tmp_path / "seeds.txt"
    path.write_text(seeds, encoding="utf-8")
    crawler = get_crawler(cls)
    return cls.from_crawler(crawler, seeds=str(path), **kwargs)


def test_seed_host_with_port_is_in_scope(tmp_path: Path) -> None:
    spider = _spider(NewsSpider, tmp_path, "http://127.0.0.1:8123/\n", seeds_only_scope="1")
    assert spider.allowed_domains == ["127.0.0.1"]
    assert spider.in_scope("http://127.0.0.1:8123/col/1/index.html")
    assert not spider.in_scope("http://127.0.0.2:8123/")


def test_named_spider_keeps_profile_domains_and_adds_seed_hosts(tmp_path: Path) -> None:
    spider = _spider(GovSpider, tmp_path, "https://www.sxmu.edu.cn/\n")
    assert spider.in_scope("http://kjt.hunan.gov.cn/x.html")
    assert spider.in_scope("http://news.sxmu.edu.cn/a.htm")
    assert not spider.in_scope("https://www.163.com/")


def test_article_urls_are_not_expanded(tmp_path: Path) -> None:
    spider = _spider(GovSpider, tmp_path, "https://www.hunan.gov.cn/\n")
    assert spider.is_article_url("https://www.hunan.gov.cn/hnszf/szf/zfld/mwm/mwmhd/202302/t20230224_29256497.html")
    assert not spider.is_article_url("https://www.hunan.gov.cn/hnszf/szf/zfld/mwm/mwmhd/index.html")
