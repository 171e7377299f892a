"""Extraction on synthetic pages of layouts the shared fixtures lack (tests/fixtures/unseen/MANIFEST.json).

Each page imitates a template common on the target sites: TRS, Hanweb, www.gov.cn policy
documents, 163 mobile, WeChat promos, headline/source/time lists, editor lines in the
body, soft 404s, column lists, photo galleries, Discuz! and Tianya forum threads, Sina,
cnblogs and CSDN blog posts, a Zhihu column post; finance news (财联社, Eastmoney, 华尔街见闻
and 36氪 flash pages, a 新浪财经 live blog, Eastmoney and its 股吧, 10jqka, STCN, cnstock,
cs.com.cn, Yicai, Sina, Sohu, chinanews); 2024 news templates (IT之家, 36氪, 虎嗅, 观察者网,
央视网, 光明网, 中国日报网, 界面, 新京报); and 2010–2016 pages of Sina, Tencent, ifeng, Xinhua,
百度贴吧, 豆瓣小组, 网易博客 and 百度知道; science-policy pages of 科技部 (a notice with its
attachments), 基金委, 中国科学院 and 科技日报; more finance news (21世纪经济报道, 每日经济新闻,
经济观察网, 中国经济网, 金融界, 证券日报, 财经网, 雪球, 智通财经, 证监会); more 2024 templates
(百家号, 腾讯新闻, 环球网, 澎湃, 上观, 少数派, 掘金, 简书, 哔哩哔哩专栏, 新华网); and 2006–2013 pages of
人民网, 新华网, 搜狐, 中华网, 21CN, 凯迪社区, 西祠胡同, 百度空间, 和讯博客 and a county government
site; finance (财新, 中国基金报, 金融时报, 中国经营报, 经济参考报, 中新经纬, 凤凰网财经, 腾讯财经 2016,
格隆汇, 新华财经, 上交所, 人民银行) and S&T policy sites (发改委, 工信部, 教育部, a 科技厅 and a 科技局,
a university, a CAS institute, 人民日报 数字报, 中国政府网 图解, a county on 开普云); and 2010–2015
pages of 猫扑, 强国论坛, 铁血, cnBeta, 驱动之家, 中关村在线, 果壳 and 南方周末, and 水木社区 and 虎扑 threads; and a
fourth batch: 2006–2012 pages of 科学网, 天极网, 太平洋电脑网, 博客中国, 搜狐博客, 千龙网, 东方网, ChinaUnix
and 光明网, 2024 pages of 钛媒体, 机器之心, 红星新闻, 南方都市报, 封面新闻, 开源中国, InfoQ, 汽车之家, 丁香园
and 科学网, and finance pages of 华尔街见闻, 新浪财经, 和讯, 证券之星, 全景网, 时代财经, 北京商报, 华夏时报,
上海证券报 and 亿欧; and a fifth: 2017–2018 finance pages (东方财富, 凤凰网财经, 中国经济网, 证券时报网, 金融界,
中金在线, 新华网财经, 人民网财经, 中国网财经, 国际金融报, 第一财经, 21经济网, 每日经济新闻, 界面, 华尔街见闻, 证券日报,
上海证券报, 央视网财经, 中国证券报, 新浪财经) and 2003–2010 pages (网易新闻, 腾讯新闻, 新浪新闻, 人民网, 中国新闻网,
中青在线, 大河网, 网易论坛, 新浪论坛, 豆瓣日记); and a sixth: 2024 pages (知乎, 微博, 网易号, 搜狐号, 人民网, 央广网,
中国青年网, 新京报, 大众网, 中国科学院), S&T policy pages (科技部, 基金委, 北京市科委, 上海市科委, 广东省科技厅,
江苏省科技厅, 深圳市科技创新委, 潍坊市政府, 中国科协, 中国政府网) and 2011–2016 portals (网易, 新浪, 腾讯, 凤凰, 人民网,
新华网, 澎湃, 搜狐, 中国日报中文网, 环球网); and a seventh: threads and blogs of 2005–2015 (网易博客, QQ空间,
CSDN论坛, 19楼, 凤凰论坛, 中华网论坛, 人人网, 新浪博客, 百度贴吧, 知乎), 2024 news (凤凰网, 新浪, 网易, 中新网, 中国日报,
环球时报, 北京日报, 上游新闻, 潮新闻, 南方网) and finance pages of 2019–2024 (证券时报, 财联社, 第一财经, 经济日报,
21财经, 东方财富 研报, 同花顺, 天天基金, 和讯, 新浪财经). The manifest says why each exists. The rules that
pass them must be general: nothing in crawler/ may name these pages.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from archive.records import Document
from crawler.extract import extract_html

UNSEEN = Path(__file__).resolve().parent / "fixtures" / "unseen"
MANIFEST = json.loads((UNSEEN / "MANIFEST.json").read_text(encoding="utf-8"))


@cache
def _extract(file: str) -> Document:
    entry = next(e for e in MANIFEST if e["file"] == file)
    return extract_html((UNSEEN / file).read_bytes(), entry["url"], {"Content-Type": entry["content_type"]})


def _flat(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "")


def _params(*keys: str) -> list[Any]:
    return [pytest.param(e, id=e["file"]) for e in MANIFEST if all(e.get(k) for k in keys)]


def test_manifest_lists_every_page() -> None:
    assert sorted(e["file"] for e in MANIFEST) == sorted(p.name for p in UNSEEN.glob("*.html"))


@pytest.mark.parametrize("entry", _params("kind"))
def test_page_type(entry: dict[str, Any]) -> None:
    document = _extract(entry["file"])
    assert document.page_type == entry["kind"]
    assert (document.text is None) == (entry["kind"] != "article")


@pytest.mark.parametrize("entry", _params("with"))
def test_body_paragraphs_are_kept(entry: dict[str, Any]) -> None:
    text = _flat(_extract(entry["file"]).text)
    assert [s for s in entry["with"] if s not in text] == []


@pytest.mark.parametrize("entry", _params("without"))
def test_noise_is_dropped(entry: dict[str, Any]) -> None:
    text = _flat(_extract(entry["file"]).text)
    assert [s for s in entry["without"] if s in text] == []


@pytest.mark.parametrize("entry", _params("title"))
def test_title(entry: dict[str, Any]) -> None:
    assert _extract(entry["file"]).title == entry["title"]


@pytest.mark.parametrize("entry", _params("published"))
def test_published(entry: dict[str, Any]) -> None:
    published = _extract(entry["file"]).published or ""
    assert published.startswith(entry["published"]), published


@pytest.mark.parametrize("entry", _params("source"))
def test_source(entry: dict[str, Any]) -> None:
    assert _extract(entry["file"]).source == entry["source"]


@pytest.mark.parametrize("entry", _params("language"))
def test_language(entry: dict[str, Any]) -> None:
    assert _extract(entry["file"]).language == entry["language"]
