"""Training data for the block model: every labelled page's blocks, features and per-block labels.

Pages: zh-news (labelled text), evaldata-dev (with/without snippets), pages.json articles
(snippets) and the seed articles (expected text), all from ../shared/fixtures. Each page is
read by the same ``analyse`` that extraction runs, with the page's own site profile (what
production sees); zh-news pages are read a second time with the generic profile only, the
view a site nobody tuned for gets, to score the held-out folds.

Block labels:
- labelled text: a block is main text when its key (NFKC, case-folded, letters and
  digits) is found in the label's key at or after the previous match (short keys only
  near it, so a two-character menu link is not "found" inside a paragraph); a longer
  block the label holds only partly (labels sometimes cut a paragraph) is main text when
  60 % of its character 4-grams are in the label, chrome below 25 %, unlabelled between;
- snippets: a block holding a ``with`` snippet (or held by one, from 15 characters) is
  main text, one holding a ``without`` snippet is chrome, the others are unlabelled.
The headline block is never labelled: extraction drops it by rule (the title is a field).
"""

from __future__ import annotations

import re
import unicodedata
import warnings
import zlib
from dataclasses import dataclass, field
from multiprocessing import Pool
from pathlib import Path
from urllib.parse import urlsplit

import devsets
from quality_metrics import fixtures_dir, load_cases

#: Site of each zh-news fold, so fixture pages of the same site leave its training set too.
FOLD_DOMAINS = {"wangyi": "163.com", "sina": "sina.com.cn", "hexun": "hexun.com", "jjgc": "eeo.com.cn", "qq": "qq.com"}
EVAL_FOLDS = ("evalA", "evalB")
SHORT_KEY = 8
NEAR = 20


@dataclass
class PageData:
    """One labelled page as the model sees it."""

    kind: str  # "zh-news", "evaldata", "pages", "seed"
    name: str
    fold: str  # zh-news site, evalA/evalB, or "fixtures"
    url: str
    texts: list[str] = field(default_factory=list)
    rows: list[list[float]] = field(default_factory=list)
    labels: list[int | None] = field(default_factory=list)
    headline: int = -1
    generic: bool = False  # read with the generic profile only


def evaldata_fold(name: str) -> str:
    """evaldata-dev's documented two-way split: the CRC-32 of the file name, even or odd."""
    return EVAL_FOLDS[zlib.crc32(name.encode("utf-8")) % 2]


def _key(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())


def _grams(text: str, size: int = 4) -> set[str]:
    return {text[i : i + size] for i in range(len(text) - size + 1)}


def text_labels(texts: list[str], label: str) -> list[int | None]:
    """Per-block labels against a labelled main text (see the module docstring)."""
    wanted = _key(label)
    grams = _grams(wanted)
    labels: list[int | None] = []
    cursor = 0
    for text in texts:
        block = _key(text)
        if not block:
            labels.append(None)
            continue
        position = wanted.find(block, cursor)
        if position >= 0 and (len(block) >= SHORT_KEY or position - cursor <= NEAR):
            labels.append(1)
            cursor = position + len(block)
        elif len(block) < SHORT_KEY:
            labels.append(None if block in wanted else 0)
        elif block in wanted:
            labels.append(1)
        else:
            own = _grams(block)
            cover = len(own & grams) / len(own) if own else 0.0
            labels.append(1 if cover >= 0.6 else 0 if cover <= 0.25 else None)
    return labels


_SPACE = re.compile(r"\s+")


def _flat(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def snippet_labels(texts: list[str], with_snippets: tuple[str, ...], without: tuple[str, ...]) -> list[int | None]:
    """Per-block labels from with/without snippets (see the module docstring)."""
    wanted = [_flat(s) for s in with_snippets if _flat(s)]
    unwanted = [_flat(s) for s in without if _flat(s)]
    labels: list[int | None] = []
    for text in texts:
        flat = _flat(text)
        label: int | None = None
        if any(s in flat or (len(flat) >= 15 and flat in s) for s in wanted):
            label = 1
        if any(s in flat for s in unwanted):
            label = 0 if label is None else None
        labels.append(label)
    return labels


def _job(task: tuple) -> PageData | None:
    kind, name, fold, path, url, content_type, label, with_snippets, without, generic = task
    from crawler.extract.analysis import analyse
    from crawler.extract.decode import decode_body
    from crawler.extract.hints import merged_hints
    from crawler.extract.repair import parse_html
    from crawler.profiles import GENERIC_SLUG, load_profile, profile_for_url

    body = Path(path).read_bytes()
    headers = {"Content-Type": content_type} if content_type else None
    profile = load_profile(GENERIC_SLUG) if generic else profile_for_url(url)
    page = PageData(kind, name, fold, url, generic=generic)
    tree = parse_html(decode_body(body, headers).text)
    if tree is None:
        return page
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        analysis = analyse(tree, url, merged_hints(profile))
    page.texts = [analysis.blocks[i].text for i in analysis.scored]
    page.rows, page.headline = analysis.rows, analysis.scored_headline
    page.labels = text_labels(page.texts, label) if label is not None else snippet_labels(page.texts, with_snippets, without)
    if 0 <= page.headline < len(page.labels):
        page.labels[page.headline] = None
    return page


def tasks(root: Path | None = None) -> list[tuple]:
    """Every page to read: (kind, name, fold, path, url, content type, label, with, without, generic)."""
    root = root or fixtures_dir()
    found = []
    for page in devsets.load_zh_news(root):
        for generic in (False, True):
            found.append(("zh-news", page.name, page.fold, str(page.path), page.url, None, page.label, (), (), generic))
    for page in devsets.load_evaldata(root):
        found.append(("evaldata", page.name, evaldata_fold(page.name), str(page.path), page.url, None, None,
                      page.with_snippets, page.without, False))
    for case in load_cases(root):
        if case.kind != "article":
            continue
        label = case.expected_text if case.group == "seed" else None
        found.append((case.group, case.file, "fixtures", str(case.path), case.url, case.content_type, label,
                      case.with_snippets, case.without, False))
    return found


def collect(processes: int = 2, root: Path | None = None) -> list[PageData]:
    """Read every labelled page (in parallel); pages that fail to parse come back empty."""
    with Pool(processes) as pool:
        return [page for page in pool.map(_job, tasks(root), chunksize=4) if page is not None]


def same_site(page: PageData, fold: str) -> bool:
    """True when ``page`` is of the held-out ``fold``'s site (its own pages or a fixture of the same domain)."""
    if page.fold == fold:
        return True
    domain = FOLD_DOMAINS.get(fold)
    host = (urlsplit(page.url).hostname or "").lower()
    return bool(domain) and (host == domain or host.endswith("." + domain))
