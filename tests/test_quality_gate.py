"""Quality gate: zhengwen's extraction never falls below tests/quality_floors.json.

Two groups of figures, each computed as bench/ computes it:

- the fixtures (bench/quality_metrics.py): pages.json and the seed pages, extracted by
  the bundled model;
- the development sets, held out (bench/heldout.py): every zh-news page extracted by the
  model fitted without its site and with the generic profile only, every evaldata-dev
  page by the model fitted without its half; trafilatura's defaults on the same
  evaldata-dev pages for the margin. These are the figures on pages the weights never saw.

trafilatura's figure for the margin is read from tests/quality_baseline.json when the
installed trafilatura, the libraries that shape its output and the evaldata-dev pages are
those it was measured with (they fix its output); otherwise it is measured, and
``--update-floors`` stores it.

``pytest tests/test_quality_gate.py --update-floors`` rewrites the floors with the
measured values, and refuses when that would loosen any of them.
"""

from __future__ import annotations

import hashlib
import json
import math
from functools import cache
from importlib.metadata import version
from pathlib import Path

import devsets  # bench/ is on sys.path (tests/conftest.py)
import heldout
import pytest
import quality_metrics as metrics

FLOORS = Path(__file__).with_name("quality_floors.json")
BASELINE = Path(__file__).with_name("quality_baseline.json")
#: trafilatura and the libraries its output depends on: a change in any of them measures the baseline again.
BASELINE_LIBRARIES = ["trafilatura", "lxml", "lxml_html_clean", "htmldate", "justext", "courlan", "charset-normalizer"]
#: Stored floors are rounded to this many decimals, towards the looser side.
DIGITS = 4


@cache
def _fixture_figures() -> dict[str, float]:
    try:
        root = metrics.fixtures_dir()
    except FileNotFoundError as exc:
        pytest.fail(str(exc), pytrace=False)
    scores = metrics.evaluate(metrics.zhengwen_extractor, metrics.load_cases(root), types_pages=True)
    print("\n" + metrics.TABLE_HEADER + "\n" + metrics.table_row("zhengwen", scores))
    return scores.as_floors()


@cache
def _held_out_figures() -> dict[str, float]:
    try:
        zh_news, evaldata = devsets.load_zh_news(), devsets.load_evaldata()
    except FileNotFoundError as exc:
        pytest.fail(f"{exc}: the development sets live in ../shared/fixtures (or $ZHENGWEN_FIXTURES)", pytrace=False)
    outputs = heldout.run_held_out(zh_news + evaldata, processes=2)
    zh_scores = [devsets.score_page(page, outputs[page.name][0]) for page in zh_news]
    zh = devsets.summarize(zh_scores, devsets.ZH_NEWS)
    sites = {site: devsets.summarize([s for s in zh_scores if s.fold == site], devsets.ZH_NEWS).f1 for site in devsets.ZH_SITES}
    ev = devsets.summarize([devsets.score_page(page, outputs[page.name][0]) for page in evaldata], devsets.EVALDATA)
    traf = _trafilatura_f1(evaldata)
    typed = sum(1 for page in zh_news + evaldata if outputs[page.name][1] != "article")
    print(f"\nheld-out: zh-news F1 {zh.f1:.4f} (sites {sites}); evaldata-dev F1 {ev.f1:.4f}, "
          f"trafilatura {traf:.4f}; articles typed otherwise {typed}")
    return {
        "min_zh_news_f1": zh.f1,
        "min_zh_news_site_f1": min(sites.values()),
        "min_evaldata_f1": ev.f1,
        "min_evaldata_margin_over_trafilatura": ev.f1 - traf,
        "max_articles_typed_non_article": float(typed),
    }


def _baseline_key(evaldata: list[devsets.DevPage]) -> dict[str, object]:
    """What trafilatura's output on evaldata-dev depends on: library versions and the pages (URL and bytes)."""
    pages = hashlib.sha256()
    for page in evaldata:
        pages.update(f"{page.name}\0{page.url}\0".encode() + hashlib.sha256(page.body()).digest())
    return {"libraries": {name: version(name) for name in BASELINE_LIBRARIES}, "pages_sha256": pages.hexdigest()}


#: The baseline as measured in this session, when BASELINE did not hold it (written by --update-floors).
_measured_baseline: dict[str, object] = {}


def _trafilatura_f1(evaldata: list[devsets.DevPage]) -> float:
    """trafilatura's evaldata-dev F1: stored in BASELINE for the same libraries and pages, else measured."""
    key = _baseline_key(evaldata)
    stored = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.is_file() else {}
    if stored.get("key") == key:
        return float(stored["evaldata_dev_f1"])
    baseline = heldout.run_trafilatura(evaldata, processes=2)
    f1 = devsets.summarize([devsets.score_page(page, baseline[page.name]) for page in evaldata], devsets.EVALDATA).f1
    print(f"\ntrafilatura's baseline measured: {BASELINE.name} holds it for other libraries or pages")
    _measured_baseline.update(key=key, evaldata_dev_f1=f1)
    return f1


def _measured() -> dict[str, float]:
    return {**_fixture_figures(), **_held_out_figures()}


def _rounded(name: str, value: float) -> float:
    """``value`` rounded to DIGITS decimals in the direction that keeps it attainable."""
    scale = 10**DIGITS
    if name.startswith("max_"):
        return math.ceil(value * scale - 1e-9) / scale
    return math.floor(value * scale + 1e-9) / scale


def _worse(name: str, measured: float, floor: float) -> bool:
    return measured > floor if name.startswith("max_") else measured < floor


def _floors() -> dict[str, float]:
    return json.loads(FLOORS.read_text(encoding="utf-8"))


FIXTURE_FIGURES = ["min_with_recall", "max_leak_rate", "min_seed_f1", "min_titles_exact", "min_non_articles_typed"]
HELD_OUT_FIGURES = [
    "min_zh_news_f1",
    "min_zh_news_site_f1",
    "min_evaldata_f1",
    "min_evaldata_margin_over_trafilatura",
    "max_articles_typed_non_article",
]


def test_floors_file_names_every_figure() -> None:
    assert sorted(_floors()) == sorted(FIXTURE_FIGURES + HELD_OUT_FIGURES)


@pytest.mark.parametrize("name", FIXTURE_FIGURES)
def test_fixture_figure_holds_its_floor(name: str) -> None:
    floor = _floors()[name]
    measured = _rounded(name, _fixture_figures()[name])
    assert not _worse(name, measured, floor), f"{name}: measured {measured} is worse than the floor {floor}"


@pytest.mark.parametrize("name", HELD_OUT_FIGURES)
def test_held_out_figure_holds_its_floor(name: str) -> None:
    floor = _floors()[name]
    measured = _rounded(name, _held_out_figures()[name])
    assert not _worse(name, measured, floor), f"{name}: measured {measured} is worse than the floor {floor}"


def test_update_floors(request: pytest.FixtureRequest) -> None:
    """With --update-floors: tighten tests/quality_floors.json to the measured values, never loosen it;
    store trafilatura's baseline when it was measured."""
    if not request.config.getoption("--update-floors"):
        pytest.skip("pass --update-floors to rewrite tests/quality_floors.json")
    floors = _floors()
    measured = {name: _rounded(name, value) for name, value in _measured().items()}
    worse = [f"{n} ({measured[n]} vs floor {floors[n]})" for n in measured if n in floors and _worse(n, measured[n], floors[n])]
    if worse:
        pytest.fail("refusing to lower quality floors: " + ", ".join(worse), pytrace=False)
    FLOORS.write_text(json.dumps(dict(sorted(measured.items())), indent=2) + "\n", encoding="utf-8")
    if _measured_baseline:
        BASELINE.write_text(json.dumps(_measured_baseline, indent=2, sort_keys=True) + "\n", encoding="utf-8")
