"""Seed list parsing, and the project's own seed lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.seeds import SeedError, parse_seeds, read_seeds
from crawler.urls import canonicalize

ROOT = Path(__file__).resolve().parents[1]


def test_comments_blank_lines_and_fragments() -> None:
    text = "# header\n\nhttps://a.cn/x#rd  # note\n  http://b.cn/ \nhttps://a.cn/x#rd\n"
    seeds = parse_seeds(text, "s.txt")
    assert [s.url for s in seeds] == ["https://a.cn/x#rd", "http://b.cn/"]
    assert seeds[0].line == 3


@pytest.mark.parametrize("bad", ["ftp://a.cn/x", "www.hunan.gov.cn/", "not a url"])
def test_bad_line_names_file_and_line(bad: str) -> None:
    with pytest.raises(SeedError, match=r"s\.txt:2"):
        parse_seeds(f"https://ok.cn/\n{bad}\n", "s.txt")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SeedError, match="not found"):
        read_seeds(tmp_path / "nope.txt")


def test_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    path.write_bytes("\ufeffhttps://a.cn/\n".encode())
    assert [s.url for s in read_seeds(path)] == ["https://a.cn/"]


@pytest.mark.parametrize("name", ["gov", "netease", "wechat", "news"])
def test_project_seed_lists_parse_and_say_where_they_come_from(name: str) -> None:
    path = ROOT / "seeds" / f"{name}.txt"
    assert read_seeds(path)
    assert "notebook" in path.read_text(encoding="utf-8").split("http")[0]


def test_project_seeds_hold_the_notebook_urls() -> None:
    urls = {s.url for name in ("gov", "netease", "wechat", "news") for s in read_seeds(ROOT / "seeds" / f"{name}.txt")}
    assert "https://www.hunan.gov.cn/hnszf/szf/zfld/mwm/mwmhd/202302/t20230224_29256497.html" in urls
    assert "https://www.hunan.gov.cn/hnszf/szf/zfld/mwm/mwmhd/index.html" in urls
    assert "http://kjt.hunan.gov.cn/kjt/xxgk/gzdt/mtgz/index.html" in urls
    assert "https://hubei.news.163.com/" in urls
    assert "https://www.hynews.net/" in urls
    wechat = [u for u in urls if "weixin" in u]
    assert len(wechat) == 5 and any("chksm=" in u and u.endswith("#rd") for u in wechat)
    assert len({canonicalize(u) for u in wechat}) == 5
