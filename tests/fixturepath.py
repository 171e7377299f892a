"""Where the shared fixtures are: $ZHENGWEN_FIXTURES, else ``<repo>/../shared/fixtures``.

The one place the tests, tests/mockserver.py and bench/ resolve the folder (bench/ puts
tests/ on its path for this module).
"""

from __future__ import annotations

import os
from pathlib import Path

FIXTURES_ENV = "ZHENGWEN_FIXTURES"
__all__ = ["FIXTURES_ENV", "FixturesNotFoundError", "fixtures_dir"]


class FixturesNotFoundError(FileNotFoundError):
    """The shared fixture folder is missing or incomplete."""


def fixtures_dir() -> Path:
    """Return the shared fixtures folder: $ZHENGWEN_FIXTURES, else <repo>/../shared/fixtures.

    Raises:
        FixturesNotFoundError: the folder lacks pages.json or seedpages/seedpages.json.
    """
    env = os.environ.get(FIXTURES_ENV)
    if env:
        path, how = Path(env).expanduser(), f"from ${FIXTURES_ENV}"
    else:
        path, how = Path(__file__).resolve().parent.parent.parent / "shared" / "fixtures", "default"
    needed = [path / "pages.json", path / "seedpages" / "seedpages.json"]
    missing = [str(p) for p in needed if not p.is_file()]
    if missing:
        raise FixturesNotFoundError(
            f"fixture pages not found in {path} ({how}): missing {', '.join(missing)}; "
            f"set {FIXTURES_ENV}=/path/to/shared/fixtures to the folder holding pages.json"
        )
    return path
