"""Quality gate: zhengwen's extraction metrics on the shared fixtures never fall below tests/quality_floors.json.

The metrics are bench/quality_metrics.py's (the same code bench/quality.py prints).
``pytest tests/test_quality_gate.py --update-floors`` rewrites the floors with the
measured values, and refuses when that would loosen any of them.
"""

from __future__ import annotations

import importlib.util
import json
import math
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

FLOORS = Path(__file__).with_name("quality_floors.json")
METRICS = Path(__file__).resolve().parents[1] / "bench" / "quality_metrics.py"
#: Stored floors are rounded to this many decimals, towards the looser side.
DIGITS = 4


def _metrics_module() -> ModuleType:
    """bench/quality_metrics.py, imported by path (bench/ is not a package)."""
    module = sys.modules.get("quality_metrics")
    if module is not None:
        return module
    spec = importlib.util.spec_from_file_location("quality_metrics", METRICS)
    if spec is None or spec.loader is None:
        pytest.fail(f"cannot import {METRICS}", pytrace=False)
    module = importlib.util.module_from_spec(spec)
    sys.modules["quality_metrics"] = module
    spec.loader.exec_module(module)
    return module


@cache
def _measured() -> dict[str, float]:
    metrics = _metrics_module()
    try:
        root = metrics.fixtures_dir()
    except FileNotFoundError as exc:
        pytest.fail(str(exc), pytrace=False)
    scores = metrics.evaluate(metrics.zhengwen_extractor, metrics.load_cases(root), types_pages=True)
    print("\n" + metrics.TABLE_HEADER + "\n" + metrics.table_row("zhengwen", scores))
    return scores.as_floors()


def _rounded(name: str, value: float) -> float:
    """``value`` rounded to DIGITS decimals in the direction that keeps it attainable."""
    scale = 10**DIGITS
    if name.startswith("max_"):
        return math.ceil(value * scale - 1e-9) / scale
    return math.floor(value * scale + 1e-9) / scale


def _worse(name: str, measured: float, floor: float) -> bool:
    return measured > floor if name.startswith("max_") else measured < floor


def test_floors_file_names_every_metric() -> None:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    assert sorted(floors) == sorted(_measured())


@pytest.mark.parametrize("name", ["min_with_recall", "max_leak_rate", "min_seed_f1", "min_titles_exact", "min_non_articles_typed"])
def test_metric_holds_its_floor(name: str) -> None:
    floor = json.loads(FLOORS.read_text(encoding="utf-8"))[name]
    measured = _rounded(name, _measured()[name])
    assert not _worse(name, measured, floor), f"{name}: measured {measured} is worse than the floor {floor}"


def test_update_floors(request: pytest.FixtureRequest) -> None:
    """With --update-floors: tighten tests/quality_floors.json to the measured values, never loosen it."""
    if not request.config.getoption("--update-floors"):
        pytest.skip("pass --update-floors to rewrite tests/quality_floors.json")
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    measured = {name: _rounded(name, value) for name, value in _measured().items()}
    worse = [f"{n} ({measured[n]} vs floor {floors[n]})" for n in measured if n in floors and _worse(n, measured[n], floors[n])]
    if worse:
        pytest.fail("refusing to lower quality floors: " + ", ".join(worse), pytrace=False)
    FLOORS.write_text(json.dumps(dict(sorted(measured.items())), indent=2) + "\n", encoding="utf-8")
