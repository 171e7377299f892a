"""The fast language detector on packed tables gives langdetect's own probabilities, float for float."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import devsets  # bench/ is on sys.path (tests/conftest.py)
import pytest
from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

from crawler.extract import language
from crawler.extract.langfast import FastDetector

#: Texts that reach every branch of langdetect's reading: capitalised runs, URLs and
#: e-mail addresses, Vietnamese combining marks, kana, hangul, Arabic, Romanian commas,
#: runs of spaces, one-letter words, a trailing space, Latin inside mostly-Han text.
EDGE_TEXTS = [
    "NASA and the ESA said THE MISSION is GO. OK? A b C dd EEe fFF",
    "Visit https://example.com/a?b=1 or mail me@example.org  now   please ",
    "Tiếng Việt có dấu: Viê\u0323t Nam, ca\u0301c ba\u0323n",
    "ひらがなとカタカナ、漢字も。한국어 문장입니다. ㄅㄆㄇ",
    "العربية ی فارسی  şi ţară și țară",
    "中国科学技术部发布《关于加快推进科技创新的意见》，提出到2025年 R&D 投入强度达到2.5%。",
    "Python code: def f(x): return x**2 # 中文注释 很多 中文 字符 在 这里",
    "a b c d e f g h i j k l m n o p q r s t u v w x y z ",
    "x",
    "  leading spaces and ÀÉÎÕÜ àéîõü ßøæ ‘quoted’ — dash… ",
]


@cache
def _langdetect_factory(chinese_only: bool) -> DetectorFactory:
    """langdetect's own factory built by its own code (lists of floats), profiles in zhengwen's order."""
    directory = Path(PROFILES_DIRECTORY)
    names = ("zh-cn", "zh-tw") if chinese_only else sorted(path.name for path in directory.iterdir())
    factory = DetectorFactory()
    factory.load_json_profile([(directory / name).read_text(encoding="utf-8") for name in names])
    factory.seed = language.SEED
    return factory


def _probabilities(detector_class: type | None, text: str) -> list[float] | str:
    """zhengwen's detector on ``text`` (its factory), or langdetect's own (None) on langdetect's own factory."""
    sample = text[: language.PREFIX_CHARS]
    chinese = language._is_chinese(sample)
    if detector_class is None:
        detector = _langdetect_factory(chinese).create()
    else:
        detector = detector_class(language._factory(chinese))
    detector.n_trial = language.TRIALS
    detector.append(sample[: language.CHINESE_PREFIX_CHARS] if chinese else sample)
    try:
        detector.detect()
    except Exception as exc:  # noqa: BLE001 - the same failure is the expected answer
        return type(exc).__name__
    return detector.langprob


@pytest.mark.parametrize("text", EDGE_TEXTS)
def test_fast_detector_equals_langdetect_on_edge_texts(text: str) -> None:
    assert _probabilities(FastDetector, text) == _probabilities(None, text)


def test_fast_detector_equals_langdetect_on_every_labelled_text(fixtures_path) -> None:
    texts = [page.label for page in devsets.load_zh_news(fixtures_path)]
    texts += ["\n".join(page.with_snippets) for page in devsets.load_evaldata(fixtures_path)]
    texts = [text for text in texts if text.strip()]
    assert len(texts) > 900
    differ = [text[:60] for text in texts if _probabilities(FastDetector, text) != _probabilities(None, text)]
    assert differ == []


def test_tables_equal_langdetects_own() -> None:
    """The packed tables hold langdetect's values; only the profile order is fixed (by name)."""
    for chinese_only in (False, True):
        ours, reference = language._factory(chinese_only), _langdetect_factory(chinese_only)
        assert ours.langlist == reference.langlist
        assert ours.word_lang_prob_map.keys() == reference.word_lang_prob_map.keys()
        assert all(list(values) == reference.word_lang_prob_map[word] for word, values in ours.word_lang_prob_map.items())
    assert language._factory(False).langlist == sorted(language._factory(False).langlist)


def test_detect_language_answers() -> None:
    assert language.detect_language(EDGE_TEXTS[5]) == "zh-cn"
    assert language.detect_language("The ministry published its annual report on research funding today.") == "en"
    assert language.detect_language("1234 5678 !!") is None
