"""Held-out extraction on the development sets: each page extracted by a model fitted without its fold.

- zh-news: each site's pages are extracted with the model fitted without that site
  (bench/weights/folds.json) and with the generic profile only, as a site nobody tuned
  for is: leave-one-site-out, five folds.
- evaldata-dev: each half (bench/blockdata.py ``evaldata_fold``) with the model fitted
  without it; pages get the profile their URL selects (the generic one for all of them).

The full extraction runs (``extract_html``: post-clean and page type included), so these
are the figures a user gets on pages of sites the weights never saw. Used by
bench/quality.py and by the quality gate (tests/test_quality_gate.py).
"""

from __future__ import annotations

import json
import warnings
from functools import cache
from multiprocessing import Pool
from pathlib import Path

import devsets
from blockdata import FOLD_DOMAINS, evaldata_fold

FOLDS_FILE = Path(__file__).resolve().parent / "weights" / "folds.json"


@cache
def fold_models() -> dict:
    """The held-out models of bench/weights/folds.json, by fold name."""
    from crawler.extract.model import parse_model

    folds = json.loads(FOLDS_FILE.read_text(encoding="utf-8"))["folds"]
    return {name: parse_model(table, f"{FOLDS_FILE} fold {name}") for name, table in folds.items()}


def fold_of(page: devsets.DevPage) -> str:
    """The held-out fold a development page belongs to."""
    return page.fold if page.dataset == devsets.ZH_NEWS else evaldata_fold(page.name)


def extract_held_out(page: devsets.DevPage) -> tuple[str | None, str]:
    """(text, page type) of ``page`` extracted by the model of its fold."""
    from crawler.extract import extract_html
    from crawler.profiles import GENERIC_SLUG, load_profile

    model = fold_models()[fold_of(page)]
    profile = load_profile(GENERIC_SLUG) if page.fold in FOLD_DOMAINS else None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        document = extract_html(page.body(), page.url, None, profile=profile, model=model)
    return document.text, document.page_type


def _job(page: devsets.DevPage) -> tuple[str, str | None, str]:
    text, page_type = extract_held_out(page)
    return page.name, text, page_type


def run_held_out(pages: list[devsets.DevPage], processes: int = 2) -> dict[str, tuple[str | None, str]]:
    """Held-out (text, page type) of every page, by page name."""
    if processes <= 1:
        return {name: (text, kind) for name, text, kind in map(_job, pages)}
    with Pool(processes) as pool:
        return {name: (text, kind) for name, text, kind in pool.imap(_job, pages, chunksize=8)}


def _trafilatura_job(page: devsets.DevPage) -> tuple[str, str | None]:
    import trafilatura

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return page.name, trafilatura.extract(page.body(), url=page.url)


def run_trafilatura(pages: list[devsets.DevPage], processes: int = 2) -> dict[str, str | None]:
    """trafilatura 2.3.1's defaults on every page (raw bytes in), by page name: the baseline."""
    with Pool(processes) as pool:
        return dict(pool.imap_unordered(_trafilatura_job, pages, chunksize=8))
