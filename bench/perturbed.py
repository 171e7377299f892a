"""Benchmark: held-out extraction on the development sets with their templates rewritten.

    .venv/bin/python bench/perturbed.py [--sets zh-news evaldata-dev] [--variants ...] [--workers 2]

Sites nobody tuned for differ from the development sets in template, not in text. Each
variant rewrites every page's markup the way other sites' templates differ, leaving its
text alone, and the held-out extraction (bench/heldout.py) is scored on it with the set's
own measure:

- ``plain``: the page as saved;
- ``hashed``: every class and id replaced by a hash (CSS-in-JS sites: ``css-1x2y3z``), so
  no class word (comment, share, footer …) is evidence;
- ``noattr``: no class or id at all;
- ``divsoup``: every ``<p>`` a ``<div>`` (paragraphs as bare divisions);
- ``br``: paragraphs joined into ``<br><br>``-separated text (older portals, forums);
- ``brline``: paragraphs ended by a single ``<br>`` (blogs, forum posts);
- ``table``: the body wrapped in a two-column layout table with a navigation cell.

A variant that empties an article or costs much more than the others points at a fault
of the kind the hidden sets hold. Printed: P/R/F1 as the set's README defines them, empty
outputs and articles typed otherwise; with ``--others``, trafilatura's and
readability-lxml's char F1 on the same rewritten zh-news pages (bench/extractors.py).
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import warnings
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import devsets
import heldout
from blockdata import FOLD_DOMAINS

_CLASS_OR_ID = re.compile(rb"""\s(class|id)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", re.I)
_P_OPEN = re.compile(rb"(?i)<p(\s[^>]*)?>")
_P_CLOSE = re.compile(rb"(?i)</p\s*>")
_BODY_OPEN = re.compile(rb"(?i)<body([^>]*)>")
_BODY_CLOSE = re.compile(rb"(?i)</body\s*>")


def _hashed(match: re.Match[bytes]) -> bytes:
    return b" " + match.group(1) + b'="css-' + hashlib.md5(match.group(2)).hexdigest()[:6].encode() + b'"'


VARIANTS = {
    "plain": lambda body: body,
    "hashed": lambda body: _CLASS_OR_ID.sub(_hashed, body),
    "noattr": lambda body: _CLASS_OR_ID.sub(b"", body),
    "divsoup": lambda body: _P_CLOSE.sub(b"</div>", _P_OPEN.sub(rb"<div\1>", body)),
    "br": lambda body: _P_CLOSE.sub(b"<br><br>", _P_OPEN.sub(b"", body)),
    "brline": lambda body: _P_CLOSE.sub(b"<br>", _P_OPEN.sub(b"", body)),
    "table": lambda body: _BODY_CLOSE.sub(
        b"</td></tr></table></body>",
        _BODY_OPEN.sub(rb"<body\1><table width=960><tr><td width=200><a href=/>home</a></td><td>", body, count=1),
        count=1,
    ),
}


def _others(task: tuple[devsets.DevPage, str]) -> tuple[str, float, float]:
    """(variant, trafilatura's F1, readability's F1) of one rewritten page (zh-news)."""
    import extractors

    page, variant = task
    body = VARIANTS[variant](page.body())
    return (variant, *(devsets.score_page(page, fn(body, page.url, "").text).f1
                       for fn in (extractors.trafilatura, extractors.readability)))


def _job(task: tuple[devsets.DevPage, str]) -> tuple[str, devsets.PageScore, bool]:
    from crawler.extract import extract_html
    from crawler.profiles import GENERIC_SLUG, load_profile

    page, variant = task
    model = heldout.fold_models()[heldout.fold_of(page)]
    profile = load_profile(GENERIC_SLUG) if page.fold in FOLD_DOMAINS else None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        document = extract_html(VARIANTS[variant](page.body()), page.url, None, profile=profile, model=model)
    article = document.page_type == "article"
    return variant, devsets.score_page(page, document.text if article else None), article


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=[devsets.ZH_NEWS, devsets.EVALDATA],
                        choices=[devsets.ZH_NEWS, devsets.EVALDATA])
    parser.add_argument("--variants", nargs="+", default=list(VARIANTS), choices=list(VARIANTS))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--others", action="store_true", help="zh-news: trafilatura's and readability's F1 beside")
    args = parser.parse_args(argv)
    loaders = {devsets.ZH_NEWS: devsets.load_zh_news, devsets.EVALDATA: devsets.load_evaldata}
    print(f"{'set':<14}{'variant':<10}{'P':>7}{'R':>7}{'F1':>7}{'empty':>7}{'non-article':>13}"
          + ("  trafilatura F1  readability F1" if args.others else ""))
    with Pool(args.workers) as pool:
        for name in args.sets:
            pages = loaders[name]()
            tasks = [(page, variant) for variant in args.variants for page in pages]
            results = pool.map(_job, tasks, chunksize=8)
            others = pool.map(_others, tasks, chunksize=8) if args.others and name == devsets.ZH_NEWS else []
            for variant in args.variants:
                mine = [(score, article) for kind, score, article in results if kind == variant]
                total = devsets.summarize([score for score, _ in mine], name)
                typed = sum(1 for _, article in mine if not article)
                line = (f"{name:<14}{variant:<10}{total.precision:>7.3f}{total.recall:>7.3f}{total.f1:>7.3f}"
                        f"{total.empty:>7}{typed:>13}")
                theirs = [(t, r) for kind, t, r in others if kind == variant]
                if theirs:
                    line += f"{sum(t for t, _ in theirs) / len(theirs):>16.3f}{sum(r for _, r in theirs) / len(theirs):>16.3f}"
                print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
