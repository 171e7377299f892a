"""Hijacked <title>s: unrelated to the headline, or a cluster of piracy, porn and gambling keywords."""

from __future__ import annotations

import re

#: Keyword clusters of hijacked titles: piracy/streaming, porn, gambling. Two hits (of
#: different words) in a <title> the headline does not share mark it as spam.
_SPAM_WORDS = re.compile(
    r"在线观看|免费观看|免费看|高清|全集|电视剧|影院|无码|成人|色情|av|AV|黄色|激情|"
    r"彩票|博彩|赌场|赌博|娱乐城|棋牌|百家乐|时时彩|六合彩|开奖|投注|下注|真人|澳门|威尼斯人|葡京|老虎机"
)
#: A headline shares at least this share of its character pairs with an honest <title>.
_SPAM_OVERLAP = 0.2
#: Shorter <title>s that do not match the headline are site names, not spam.
_MIN_SPAM_TITLE = 12


def _bigrams(text: str) -> set[str]:
    text = re.sub(r"\W", "", text.lower())
    return {text[i : i + 2] for i in range(len(text) - 1)}


def overlap(headline: str, other: str) -> float:
    """Share of the headline's character pairs found in ``other``."""
    pairs = _bigrams(headline)
    return len(pairs & _bigrams(other)) / len(pairs) if pairs else 0.0


def is_spam(raw: str, headline: str | None, *, shown: bool = False) -> bool:
    """True when ``raw`` (a <title>) is a hijacked one: unrelated to the headline or a spam keyword cluster.

    ``shown``: the page shows the <title> (or its headline part) as a line, so a <title>
    merely unlike the headline candidate (often a logo ``<h1>``) is the page's own; a spam
    keyword cluster still marks it.
    """
    if not shown and headline and overlap(headline, raw) < _SPAM_OVERLAP and len(raw) >= _MIN_SPAM_TITLE:
        return True
    words = {match.group(0).lower() for match in _SPAM_WORDS.finditer(raw)}
    if headline:
        words = {word for word in words if word not in headline.lower()}
    return len(words) >= 2
