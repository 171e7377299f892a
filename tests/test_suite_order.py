"""The suite's schedule: the slow modules tests/conftest.py starts first exist and start first."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SLOW_MODULES_FIRST

TESTS = Path(__file__).resolve().parent


def test_every_slow_module_named_exists() -> None:
    assert [name for name in SLOW_MODULES_FIRST if not (TESTS / f"{name}.py").is_file()] == []
    assert len(set(SLOW_MODULES_FIRST)) == len(SLOW_MODULES_FIRST)


def test_the_slow_modules_are_collected_first(request: pytest.FixtureRequest) -> None:
    modules = list(dict.fromkeys(item.path.stem for item in request.session.items))
    collected = [name for name in SLOW_MODULES_FIRST if name in modules]
    assert modules[: len(collected)] == collected
