"""langdetect's detector with its hot loops made fast, answers unchanged.

langdetect spends most of its time in pure-Python loops over characters and languages:
reading the text into n-grams one character at a time (a Unicode-block lookup per
character), cleaning it character by character, and for every sampled n-gram multiplying
the probabilities of all languages one index at a time. ``FastDetector`` does the same
arithmetic in the same order, so every probability and every answer is the one langdetect
gives (tests/test_language.py compares them on every labelled development text): a
character's normalised form is computed once and applied with ``str.translate``, the
n-grams are read word by word, the cleaning is done with regular expressions, and each
update is one comprehension. numpy would be faster still, but importing it slows the rest
of the extracting process (docs/benchmarks.md).
"""

from __future__ import annotations

import re

from langdetect.detector import Detector
from langdetect.lang_detect_exception import ErrorCode, LangDetectException
from langdetect.utils.ngram import NGram

_SPACE_RUN = re.compile(" {2,}")
#: langdetect's "Latin" test: ``"A" <= ch <= "z"`` (the six signs between Z and a included).
_ASCII_LETTER = re.compile("[A-z]")
_FROM_U0300 = re.compile("[\u0300-\U0010ffff]")
#: A character → its langdetect-normalised form (a pure function of the character).
_NORMALISED: dict[str, str] = {}
#: str.translate's table: the characters whose normalised form differs.
_TABLE: dict[int, str] = {}


def _normalise(text: str) -> str:
    """``text`` with every character replaced by ``NGram.normalize`` of it."""
    for ch in set(text).difference(_NORMALISED):
        normalised = _NORMALISED[ch] = NGram.normalize(ch)
        if normalised != ch:
            _TABLE[ord(ch)] = normalised
    return text.translate(_TABLE)


class FastDetector(Detector):
    """A langdetect ``Detector`` whose n-gram reading and probability updates are fast."""

    def append(self, text: str) -> None:
        """langdetect's ``append``: URLs and e-mail addresses out, runs of spaces made one."""
        text = NGram.normalize_vi(self.MAIL_RE.sub(" ", self.URL_RE.sub(" ", text)))
        self.text += _SPACE_RUN.sub(" ", text[: self.max_text_length])

    def cleaning_text(self) -> None:
        """langdetect's ``cleaning_text``: ASCII letters out of text mostly in other scripts.

        langdetect counts as non-Latin every character from U+0300 on (its test for the
        Latin Extended Additional block compares a block number with a name, so never holds).
        """
        latin = len(_ASCII_LETTER.findall(self.text))
        if latin * 2 < len(_FROM_U0300.findall(self.text)):
            self.text = _ASCII_LETTER.sub("", self.text)

    def _extract_ngrams(self) -> list[str]:
        """langdetect's ``_extract_ngrams``, word by word: the same n-grams in the same order.

        langdetect's NGram buffer restarts after every space, so a word's n-grams are those
        of the word with a space before it (and after it, unless the text ends there): its
        letters, its 2-grams and 3-grams; a letter that continues a capitalised run (it and
        the one before both upper case) gives none.
        """
        known = self.word_lang_prob_map  # holds neither " " nor ""
        result: list[str] = []
        words = _normalise(self.text).split(" ")
        last = len(words) - 1
        for number, word in enumerate(words):
            if not word:
                continue
            padded = " " + word + " " if number < last else " " + word
            positions = range(1, len(padded))
            if sum(map(str.isupper, word)) > 1:  # maybe a capitalised run, whose letters give none
                positions = [k for k in positions if not (padded[k].isupper() and padded[k - 1].isupper())]
            result += [
                gram
                for k in positions
                for gram in (padded[k], padded[k - 1 : k + 1], padded[k - 2 : k + 1] if k >= 2 else "")
                if gram in known
            ]
        return result

    def _detect_block(self) -> None:
        """langdetect's ``_detect_block``, each update one comprehension: the same arithmetic in the same order."""
        self.cleaning_text()
        ngrams = self._extract_ngrams()
        if not ngrams:
            raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
        known = self.word_lang_prob_map
        langprob = [0.0] * len(self.langlist)
        self.random.seed(self.seed)
        choose = self.random.choice
        for _ in range(self.n_trial):
            prob = self._init_probability()
            alpha = self.alpha + self.random.gauss(0.0, 1.0) * self.ALPHA_WIDTH
            weight = alpha / self.BASE_FREQ
            i = 0
            while True:
                prob = [p * (weight + q) for p, q in zip(prob, known[choose(ngrams)])]
                if i % 5 == 0:
                    total = sum(prob)
                    prob = [p / total for p in prob]
                    if max(prob) > self.CONV_THRESHOLD or i >= self.ITERATION_LIMIT:
                        break
                i += 1
            langprob = [sofar + p / self.n_trial for sofar, p in zip(langprob, prob)]
        self.langprob = langprob
