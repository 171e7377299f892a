"""Language of the cleaned text: langdetect, seeded, on a capped prefix.

The detector is langdetect's with its hot loops made fast (crawler/extract/langfast.py):
the same answers, in about half the time.
"""

from __future__ import annotations

import json
import re
from array import array
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from langdetect.detector_factory import DetectorFactory

#: langdetect samples n-grams at random; a fixed seed makes the answer a pure function
#: of the text. The prefix cap bounds the cost on very long documents.
SEED = 0
PREFIX_CHARS = 500
#: Chinese text needs less: zh-cn and zh-tw differ in most common characters, and
#: langdetect's cost grows with every character it reads.
CHINESE_PREFIX_CHARS = 300
#: langdetect's random restarts (its default is 7): 3 gave the same language as 7 on all
#: 497 non-Chinese texts of the development sets, in 60 % of the time.
TRIALS = 3
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")
_LATIN = re.compile(r"[A-Za-z]")
#: Han-script text without kana or hangul is Chinese; langdetect alone calls some
#: traditional-character news Korean (its ko profile is full of hanja), so the choice is
#: narrowed to the two Chinese profiles. A Han character weighs as much as two letters.
_CHINESE_PROFILES = ("zh-cn", "zh-tw")


@cache
def _factory(chinese_only: bool = False) -> DetectorFactory:
    """A seeded detector factory: every langdetect profile, or only zh-cn and zh-tw.

    Han-script text is only ever told apart between the two Chinese profiles, so its
    factory holds just those two: each sampled n-gram then updates two probabilities
    instead of 55.
    """
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    directory = Path(PROFILES_DIRECTORY)
    names = _CHINESE_PROFILES if chinese_only else sorted(path.name for path in directory.iterdir())
    factory = DetectorFactory()
    factory.langlist, factory.word_lang_prob_map = _profile_tables([directory / name for name in names])
    factory.seed = SEED
    return factory


def _profile_tables(paths: list[Path]) -> tuple[list[str], dict[str, array[float]]]:
    """langdetect's language list and n-gram table, as ``DetectorFactory.add_profile`` builds them.

    Two departures, neither changing a value: the profiles are read in name order
    (langdetect takes ``os.listdir``'s, which differs between file systems, and the order
    of the sum that normalises the probabilities can then change an answer), and each
    n-gram's probabilities are one packed array of doubles instead of a list of float
    objects (read from a few cache lines instead of one object per language, and nothing
    for a forked worker's reference counting to copy).
    """
    languages: list[str] = []
    table: dict[str, array[float]] = {}
    zeros = array("d", [0.0]) * len(paths)
    for index, path in enumerate(paths):
        profile = json.loads(path.read_text(encoding="utf-8"))
        languages.append(profile["name"])
        n_words = profile["n_words"]
        for word, count in profile["freq"].items():
            probabilities = table.get(word)
            if probabilities is None:
                probabilities = table[word] = array("d", zeros)
            if 1 <= len(word) <= 3:
                probabilities[index] = 1.0 * count / n_words[len(word) - 1]
    return languages, table


def _is_chinese(sample: str) -> bool:
    han = len(_HAN.findall(sample))
    if not han or _KANA.search(sample) or _HANGUL.search(sample):
        return False
    return 2 * han >= len(_LATIN.findall(sample))


def detect_language(text: str | None) -> str | None:
    """Return a langdetect code (``zh-cn``, ``zh-tw``, ``en`` …) or None for no letters."""
    if not text or not any(ch.isalpha() for ch in text):
        return None
    from langdetect.lang_detect_exception import LangDetectException

    from crawler.extract.langfast import FastDetector

    sample = text[:PREFIX_CHARS]
    chinese = _is_chinese(sample)
    detector = FastDetector(_factory(chinese))
    detector.n_trial = TRIALS
    detector.append(sample[:CHINESE_PREFIX_CHARS] if chinese else sample)
    try:
        return str(detector.detect())
    except LangDetectException:
        return None
