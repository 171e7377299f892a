"""Extraction acceptance on the shared labelled pages (pages.json) and seed pages (seedpages.json)."""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from quality_metrics import char_f1, flat

from archive.records import Document
from crawler.extract import extract_html

FIXTURES_ENV = "ZHENGWEN_FIXTURES"
#: Quality floors; raise them when extraction improves, never lower them silently.
MIN_WITH_RECALL = 1.0
MAX_WITHOUT_LEAK = 0.02
MIN_SEED_F1 = 0.99


def _fixtures() -> Path:
    """$ZHENGWEN_FIXTURES, else <repo>/../shared/fixtures; fails clearly when absent."""
    env = os.environ.get(FIXTURES_ENV)
    path = Path(env) if env else Path(__file__).resolve().parents[2] / "shared" / "fixtures"
    if not (path / "pages.json").is_file() or not (path / "seedpages" / "seedpages.json").is_file():
        pytest.fail(f"fixture pages not found in {path}: set {FIXTURES_ENV} to the folder holding pages.json")
    return path


def _load(name: str) -> list[dict[str, Any]]:
    try:
        return json.loads((_fixtures() / name).read_text(encoding="utf-8"))
    except pytest.fail.Exception:
        return []


def _params(name: str, *kinds: str) -> list[Any]:
    entries = [e for e in _load(name) if e["kind"] in kinds]
    if not entries:
        return [pytest.param(None, id="fixtures-missing")]
    return [pytest.param(e, id=e["file"]) for e in entries]


@cache
def _page(file: str) -> Document:
    entry = next(e for e in _load("pages.json") if e["file"] == file)
    body = (_fixtures() / file).read_bytes()
    return extract_html(body, entry["url"], {"Content-Type": "text/html; charset=" + entry["actual_charset"]})


@cache
def _seed(file: str) -> Document:
    entry = next(e for e in _load("seedpages/seedpages.json") if e["file"] == file)
    body = (_fixtures() / "seedpages" / file).read_bytes()
    return extract_html(body, entry["url"], {"Content-Type": entry["content_type"]})


@pytest.mark.parametrize("entry", _params("pages.json", "article"))
def test_article_page_type(entry: dict[str, Any] | None) -> None:
    _fixtures()
    assert _page(entry["file"]).page_type == "article"


@pytest.mark.parametrize("entry", _params("pages.json", "article"))
def test_article_contains_every_with_snippet(entry: dict[str, Any] | None) -> None:
    _fixtures()
    text = flat(_page(entry["file"]).text)
    assert [s for s in entry["with"] if s not in text] == []


@pytest.mark.parametrize("entry", _params("pages.json", "list"))
def test_list_page(entry: dict[str, Any] | None) -> None:
    _fixtures()
    document = _page(entry["file"])
    assert (document.page_type, document.text) == ("list", None)


@pytest.mark.parametrize("entry", _params("seedpages/seedpages.json", "article", "deleted", "blocked"))
def test_seed_page_type_and_language(entry: dict[str, Any] | None) -> None:
    _fixtures()
    document = _seed(entry["file"])
    assert (document.page_type, document.language) == (entry["kind"], entry["language"])


@pytest.mark.parametrize("entry", _params("seedpages/seedpages.json", "article"))
def test_seed_title(entry: dict[str, Any] | None) -> None:
    _fixtures()
    document = _seed(entry["file"])
    assert document.title == entry["title"]
    assert bool(document.extra.get("spam_title")) == bool(entry["spam_title"])
    if entry["spam_title"]:
        assert document.extra["title_raw"] == entry["spam_title"]


@pytest.mark.parametrize("entry", _params("seedpages/seedpages.json", "article"))
def test_seed_text_f1(entry: dict[str, Any] | None) -> None:
    _fixtures()
    assert char_f1(_seed(entry["file"]).text or "", entry["expected_text"]) >= MIN_SEED_F1


@pytest.mark.parametrize("entry", _params("seedpages/seedpages.json", "article"))
def test_seed_date_and_source(entry: dict[str, Any] | None) -> None:
    _fixtures()
    document = _seed(entry["file"])
    expected = entry["date"].replace(" ", "T")
    assert document.published is not None and document.published.startswith(expected)
    assert document.source == entry["source"]


@pytest.mark.parametrize("entry", _params("seedpages/seedpages.json", "deleted", "blocked"))
def test_notice_pages_have_no_text(entry: dict[str, Any] | None) -> None:
    _fixtures()
    document = _seed(entry["file"])
    assert (document.title, document.text) == (None, None)


def test_quality_summary() -> None:
    """Recall of `with`, leak rate of `without` and mean seed F1 stay within the floors."""
    articles = [e for e in _load("pages.json") if e["kind"] == "article"]
    seeds = [e for e in _load("seedpages/seedpages.json") if e["kind"] == "article"]
    if not articles:
        _fixtures()
    found = total = leaked = noise = 0
    for entry in articles:
        text = flat(_page(entry["file"]).text)
        found += sum(s in text for s in entry["with"])
        total += len(entry["with"])
        leaked += sum(s in text for s in entry["without"])
        noise += len(entry["without"])
    for entry in seeds:
        text = flat(_seed(entry["file"]).text)
        leaked += sum(s in text for s in entry["without"])
        noise += len(entry["without"])
    f1 = sum(char_f1(_seed(e["file"]).text or "", e["expected_text"]) for e in seeds) / len(seeds)
    print(f"\nextract quality: with-recall {found}/{total}, without-leak {leaked}/{noise}, seed F1 {f1:.4f}")
    assert found / total >= MIN_WITH_RECALL
    assert leaked / noise <= MAX_WITHOUT_LEAK
    assert f1 >= MIN_SEED_F1


@pytest.mark.parametrize("file", ["pages/163/9.html", "pages/wechat/1.html", "pages/other/1.html"])
def test_extraction_is_deterministic(file: str) -> None:
    entry = next(e for e in _load("pages.json") if e["file"] == file)
    body = (_fixtures() / file).read_bytes()
    first = extract_html(body, entry["url"], {"Content-Type": "text/html"})
    assert extract_html(body, entry["url"], {"Content-Type": "text/html"}) == first
