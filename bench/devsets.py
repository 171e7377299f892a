"""The extraction development sets, their scores and a held-out split, shared by bench/ and the tests.

Two sets from ``../shared/fixtures`` (or ``$ZHENGWEN_FIXTURES``), each scored exactly as its
README defines:

- ``zh-news``: 523 Chinese news pages of five sites with hand-labelled text. Score: the
  character-bag F1 of each page (NFKC, casefold, alphanumeric characters only, multiset
  overlap), macro-averaged; an empty output scores 0.
- ``evaldata-dev``: 490 general web pages with ``with``/``without`` snippets. Score: a found
  ``with`` snippet is a true positive, a missing one a false negative; a found ``without``
  snippet a false positive; precision, recall and F1 from the sums over all pages.

Every page carries a ``fold``: its site on zh-news (``wangyi``, ``sina`` …), ``evaldata`` on
evaldata-dev. A held-out figure scores each fold with a model fitted without it.

A third, small set is scored like evaldata-dev: the synthetic pages of tests/fixtures/unseen
(layouts the shared fixtures lack), whose ``fold`` is the page type they should get.

Only the standard library is needed here.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from quality_metrics import fixtures_dir

ZH_NEWS = "zh-news"
EVALDATA = "evaldata-dev"
#: Sites of zh-news, by file-name prefix (its README's table).
ZH_SITES = ("wangyi", "sina", "hexun", "jjgc", "qq")


@dataclass(frozen=True)
class DevPage:
    """One page of a development set and its labels."""

    dataset: str
    name: str
    fold: str
    path: Path
    url: str
    label: str | None = None  # zh-news: the labelled main text
    with_snippets: tuple[str, ...] = ()  # evaldata-dev
    without: tuple[str, ...] = ()

    def body(self) -> bytes:
        """The saved page bytes."""
        return self.path.read_bytes()


def load_zh_news(root: Path | None = None) -> list[DevPage]:
    """The 523 zh-news pages, sorted by name."""
    folder = (root or fixtures_dir()) / ZH_NEWS
    urls = json.loads((folder / "urls.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(urls):
        label = (folder / "cleaned" / f"{page_id}.txt").read_text(encoding="utf-8")
        fold = page_id.split("-", 1)[0]
        pages.append(DevPage(ZH_NEWS, page_id, fold, folder / "original" / f"{page_id}.html", urls[page_id], label=label))
    return pages


def load_evaldata(root: Path | None = None) -> list[DevPage]:
    """The 490 evaldata-dev pages, sorted by file name."""
    folder = (root or fixtures_dir()) / EVALDATA
    entries = json.loads((folder / "evaldata.json").read_text(encoding="utf-8"))
    pages = [
        DevPage(
            EVALDATA,
            entry["file"],
            "evaldata",
            folder / "pages" / entry["file"],
            url,
            with_snippets=tuple(entry.get("with") or ()),
            without=tuple(entry.get("without") or ()),
        )
        for url, entry in entries.items()
    ]
    return sorted(pages, key=lambda page: page.name)


def char_bag(text: str) -> Counter[str]:
    """zh-news normal form: NFKC, casefold, alphanumeric characters only, as a multiset."""
    return Counter(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())


@dataclass(frozen=True)
class PageScore:
    """One page's outcome. zh-news: overlap and bag sizes; evaldata-dev: snippet counts."""

    name: str
    fold: str
    empty: bool
    overlap: int = 0
    got: int = 0
    want: int = 0
    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0

    @property
    def precision(self) -> float:
        """Character precision (zh-news)."""
        return self.overlap / self.got if self.got else 0.0

    @property
    def recall(self) -> float:
        """Character recall (zh-news)."""
        return self.overlap / self.want if self.want else 0.0

    @property
    def f1(self) -> float:
        """Character F1 (zh-news); 0 for an empty output."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def snippet_f1(self) -> float:
        """This page's own snippet F1 (evaldata-dev), to rank the worst pages."""
        return _f1(self.tp, self.fp, self.fn)


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


_SPACE = re.compile(r"\s+")


def score_page(page: DevPage, text: str | None) -> PageScore:
    """Score one extraction of ``page`` by its set's rule."""
    text = text or ""
    empty = not text.strip()
    if page.dataset == ZH_NEWS:
        got, want = char_bag(text), char_bag(page.label or "")
        overlap = sum((got & want).values())
        return PageScore(page.name, page.fold, empty, overlap, sum(got.values()), sum(want.values()))
    flat = _SPACE.sub(" ", text).strip()
    tp = sum(1 for s in page.with_snippets if _SPACE.sub(" ", s).strip() in flat)
    fp = sum(1 for s in page.without if _SPACE.sub(" ", s).strip() in flat)
    return PageScore(page.name, page.fold, empty, tp=tp, fn=len(page.with_snippets) - tp, fp=fp, tn=len(page.without) - fp)


@dataclass(frozen=True)
class SetScore:
    """A set's totals: P/R/F1 as its README defines them, and the empty outputs."""

    pages: int
    precision: float
    recall: float
    f1: float
    empty: int


def summarize(scores: list[PageScore], dataset: str) -> SetScore:
    """Macro char P/R/F1 (zh-news) or micro snippet P/R/F1 (evaldata-dev) of ``scores``."""
    empty = sum(score.empty for score in scores)
    if not scores:
        return SetScore(0, 0.0, 0.0, 0.0, 0)
    if dataset == ZH_NEWS:
        n = len(scores)
        return SetScore(
            n,
            sum(s.precision for s in scores) / n,
            sum(s.recall for s in scores) / n,
            sum(s.f1 for s in scores) / n,
            empty,
        )
    tp, fp, fn = (sum(getattr(s, k) for s in scores) for k in ("tp", "fp", "fn"))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return SetScore(len(scores), precision, recall, _f1(tp, fp, fn), empty)


UNSEEN = "unseen"
UNSEEN_DIR = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "unseen"


def load_unseen(folder: Path = UNSEEN_DIR) -> list[DevPage]:
    """The synthetic pages of layouts the shared fixtures lack (tests/fixtures/unseen), scored by snippets."""
    manifest = json.loads((folder / "MANIFEST.json").read_text(encoding="utf-8"))
    return [
        DevPage(UNSEEN, entry["file"], entry.get("kind") or "article", folder / entry["file"], entry["url"],
                with_snippets=tuple(entry.get("with") or ()), without=tuple(entry.get("without") or ()))
        for entry in manifest
    ]
