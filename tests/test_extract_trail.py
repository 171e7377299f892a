"""The reason trail: every visible line's fate, exactly the decision extraction made, without touching the Document."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fixtureweb import FixtureWeb

from archive.corpus.jsonl import document_to_json
from crawler.extract import extract_html
from crawler.extract.trail import extract_trail
from crawler.extract.trailkinds import REASONS

QQ = "https://new.qq.com/omn/20190907/20190907A081B0.html"
PAGES = [p for p in FixtureWeb.load().articles if p.content_type.startswith("text/html")]


@pytest.mark.parametrize("page", PAGES, ids=[p.url[:60] for p in PAGES])
def test_the_kept_lines_are_the_documents_text(page) -> None:  # noqa: ANN001
    body = page.body
    document = extract_html(body, page.url)
    trail = extract_trail(body, page.url)
    assert trail.page_type == document.page_type
    assert trail.text == document.text
    assert all(fate.reason in REASONS for fate in trail.removed)
    assert all(fate.path.startswith("/html") for fate in trail.blocks)


def _qq_body() -> bytes:
    return next(p for p in PAGES if p.url == QQ).body


def test_a_recommendation_list_is_named_and_scored() -> None:
    trail = extract_trail(_qq_body(), QQ)
    heading = next(f for f in trail.blocks if f.text == "相关推荐")
    assert not heading.kept and heading.kind == "recommendation list"
    assert heading.score is not None and heading.score < trail.threshold
    assert heading.path.endswith("/h2")
    line = trail.report_line(heading.index)
    assert line.startswith(QQ) and "相关推荐" in line and "recommendation list" in line and heading.path in line


def test_the_headline_is_removed_as_the_title_field_and_post_clean_rules_are_named() -> None:
    trail = extract_trail(_qq_body(), QQ)
    assert [f.reason for f in trail.blocks].count("headline") == 1
    ruled = [f for f in trail.removed if f.reason in ("boilerplate", "edge_boilerplate")]
    assert all(f.rule for f in ruled)


def test_profile_prunes_name_their_xpath() -> None:
    page = next(p for p in PAGES if "toutiao.com" in p.url)
    pruned = [f for f in extract_trail(page.body, page.url).removed if f.reason == "profile_prune"]
    assert pruned and all(f.rule and f.rule.startswith(("/", ".")) for f in pruned)


def test_the_trail_is_plain_data_and_stays_out_of_the_document() -> None:
    trail = extract_trail(_qq_body(), QQ)
    data = json.loads(json.dumps(trail.to_dict(), ensure_ascii=False))
    assert data["url"] == QQ and len(data["blocks"]) == len(trail.blocks)
    assert "trail" not in json.loads(document_to_json(extract_html(_qq_body(), QQ)))


def test_a_notice_page_keeps_nothing_and_says_why(fixtures_path: Path) -> None:
    page = next(p for p in FixtureWeb.load(fixtures_path).articles if "wechat-deleted" in str(p.file))
    trail = extract_trail(page.body, page.url)
    assert trail.page_type == "deleted" and trail.text is None
    assert {f.reason for f in trail.blocks} == {"not_article"}


def test_replies_kept_only_barely_under_comment_markup_are_named_in_the_trail() -> None:
    unseen = Path(__file__).resolve().parent / "fixtures" / "unseen"
    entry = next(e for e in json.loads((unseen / "MANIFEST.json").read_text(encoding="utf-8")) if e["file"] == "hupu2016-bbs-thread.html")
    trail = extract_trail((unseen / entry["file"]).read_bytes(), entry["url"], {"Content-Type": entry["content_type"]})
    replies = [fate for fate in trail.blocks if fate.reason == "comment_section"]
    assert replies and all(fate.kind == "comments" and (fate.score or 0) >= trail.threshold for fate in replies)
    assert any("靠墙静蹲" in fate.text for fate in replies)
