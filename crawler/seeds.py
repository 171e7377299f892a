"""Seed lists: plain text, one URL per line, ``#`` comments."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

# A comment starts a line, or follows whitespace: `#rd` fragments inside URLs stay.
_COMMENT = re.compile(r"(^|\s)#.*$")


class SeedError(ValueError):
    """A seed file is missing or holds a line that is not an http(s) URL."""


@dataclass(frozen=True)
class Seed:
    """One seed URL and where it was read from."""

    url: str
    source: str
    line: int


def parse_seeds(text: str, source: str = "<seeds>") -> list[Seed]:
    """Parse seed-list text; blank lines and comments are skipped, duplicates kept once.

    Raises:
        SeedError: a line that is not an absolute http(s) URL, naming source and line.
    """
    seeds: list[Seed] = []
    seen: set[str] = set()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = _COMMENT.sub("", raw).strip()
        if not line:
            continue
        parts = urlsplit(line)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise SeedError(f"{source}:{number}: not an http(s) URL: {line!r}")
        if line not in seen:
            seen.add(line)
            seeds.append(Seed(line, source, number))
    return seeds


def read_seeds(path: str | Path) -> list[Seed]:
    """Read a seed file (UTF-8, BOM allowed).

    Raises:
        SeedError: the file is missing, unreadable, not UTF-8, holds a line that is not an
            http(s) URL, or holds no URL at all.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise SeedError(f"{path}: seed file not found") from None
    except IsADirectoryError:
        raise SeedError(f"{path}: is a folder, not a seed file") from None
    except UnicodeDecodeError as exc:
        raise SeedError(f"{path}: not UTF-8 text ({exc})") from None
    except OSError as exc:
        raise SeedError(f"{path}: cannot read the seed file: {exc.strerror or exc}") from None
    seeds = parse_seeds(text, str(path))
    if not seeds:
        raise SeedError(f"{path}: no seed URL in the file (one http(s) URL per line; # starts a comment)")
    return seeds
