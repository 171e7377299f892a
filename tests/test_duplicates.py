"""Duplicate grouping: exact and near-duplicate reposts grouped, unrelated articles apart, order-free."""

from __future__ import annotations

import dataclasses
import random

import pytest
from exporthelpers import fixture_article, fixture_documents, reposts, with_provenance

from archive.corpus.nearduplicates import (
    document_key,
    group_duplicates,
    normalise_text,
    shingles,
)
from archive.records import Document


def doc(n: int, text: str | None, fetched_at: str | None = None, **changes: object) -> Document:
    base = Document(url=f"https://www.gov.cn/zhengce/{n}.htm", canonical_url=f"https://www.gov.cn/zhengce/{n}.htm",
                    site="gov", page_type="article", title=f"通知 {n}", published="2024-01-01", source=None,
                    language="zh-cn", text=text)
    return dataclasses.replace(with_provenance(base, n, fetched_at), **changes)


def test_normalise_text_folds_width_and_drops_spacing_and_punctuation() -> None:
    folded = normalise_text("ＡＢＣ１２３，　科技\u200b部：“通知”。\n第 2 条")
    assert folded == "ABC123科技部通知第2条"


def test_shingles_are_five_character_substrings() -> None:
    assert shingles("一二三四五六") == {"一二三四五".encode(), "二三四五六".encode()}
    assert shingles("短文") == {"短文".encode()}


def test_exact_duplicates_differing_in_spacing_and_punctuation_are_grouped() -> None:
    text = fixture_article().text or ""
    copies = [doc(1, text), doc(2, text.replace("。", ". ").replace("\n", "\n\n")), doc(3, text)]
    assert group_duplicates(copies) == [None, copies[0].warc_record_id, copies[0].warc_record_id]


def test_near_duplicate_reposts_in_other_chrome_are_grouped_under_the_earliest_fetch() -> None:
    original = fixture_article()
    wechat, gov = reposts()
    assert {wechat.site, gov.site, original.site} == {"wechat", "gov", "netease"}
    # Really near, not exact: the reposts add a credit line, the WeChat one drops a paragraph.
    assert len({normalise_text(d.text or "") for d in (original, wechat, gov)}) == 3
    assert group_duplicates([wechat, gov, original]) == [original.warc_record_id, original.warc_record_id, None]


def test_representative_is_the_earliest_fetched_whatever_the_site() -> None:
    original = fixture_article()
    wechat, gov = reposts()
    early_gov = dataclasses.replace(gov, fetched_at="2000-01-01T00:00:00Z")
    assert group_duplicates([original, wechat, early_gov]) == [gov.warc_record_id, gov.warc_record_id, None]


def test_fetch_times_compare_as_times_not_strings() -> None:
    # "…00.5Z" sorts before "…00Z" as a string, but is half a second later.
    late, early = doc(1, "同一篇文章的正文内容"), doc(2, "同一篇文章的正文内容")
    late = dataclasses.replace(late, fetched_at="2024-01-01T00:00:00.500000Z")
    early = dataclasses.replace(early, fetched_at="2024-01-01T00:00:00Z")
    assert group_duplicates([late, early]) == [early.warc_record_id, None]


def test_ties_and_missing_record_ids_fall_back_to_url() -> None:
    a = doc(2, "一模一样的正文内容", fetched_at="2024-01-01T00:00:00Z", warc_record_id=None)
    b = doc(1, "一模一样的正文内容", fetched_at="2024-01-01T00:00:00Z", warc_record_id=None)
    undated = doc(0, "一模一样的正文内容", fetched_at=None)
    assert group_duplicates([a, b, undated]) == [b.url, None, b.url]
    assert document_key(b) == b.url


def test_unrelated_fixture_articles_are_not_grouped() -> None:
    assert group_duplicates(list(fixture_documents())) == [None] * len(fixture_documents())


def test_documents_without_text_are_never_grouped() -> None:
    assert group_duplicates([doc(1, None), doc(2, None), doc(3, "，。 ")]) == [None, None, None]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_grouping_does_not_depend_on_input_order(seed: int) -> None:
    original = fixture_article()
    text = original.text or ""
    docs = [*fixture_documents(), *reposts(), doc(90, text, fetched_at="2025-01-01T00:00:00Z"),
            doc(91, text, fetched_at="2030-01-01T00:00:00Z")]
    expected = dict(zip(map(document_key, docs), group_duplicates(docs)))
    shuffled = docs[:]
    random.Random(seed).shuffle(shuffled)
    assert dict(zip(map(document_key, shuffled), group_duplicates(shuffled))) == expected
    assert sum(v == original.warc_record_id for v in expected.values()) == 4


def test_threshold_must_be_a_similarity() -> None:
    with pytest.raises(ValueError, match="threshold"):
        group_duplicates([], threshold=0)
