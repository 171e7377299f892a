"""What a crawl folder holds, read once for the report: every archived capture and every document.

Captures come from the WARC files (``response`` and ``revisit`` records, in file-name then
offset order); documents from ``text.jsonl``, else re-derived from the WARC files. A *run*
is one crawl process: its WARC files share the writer's host name and process id
(``{CRAWL_NAME}-{timestamp17}-{serial}-{host}-{pid}.warc.gz``) and follow one another in
name order; the run is named by its first file's timestamp.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from archive import document_from_dict, find_warcs, iter_responses, read_jsonl
from archive.warc.damage import DamageLog
from crawler.profiles import profile_for_url

if TYPE_CHECKING:
    from archive import Document

#: ``{prefix}-{timestamp17}-{serial}-{host}-{pid}.warc.gz``
_WARC_NAME = re.compile(r"^(?P<prefix>.*)-(?P<stamp>\d{17})-(?P<serial>\d{5})-(?P<host>.+)-(?P<pid>\d+)\.warc(\.gz)?$")


@dataclass(frozen=True)
class Capture:
    """One archived response or revisit."""

    run: str
    site: str
    host: str
    url: str
    status: int
    date: str  # WARC-Date
    revisit: bool
    html: bool


@dataclass
class CrawlFacts:
    """The captures and documents of one crawl folder, and the damage met reading it."""

    folder: Path
    captures: list[Capture] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    runs: list[str] = field(default_factory=list)  # in order
    damage: list[str] = field(default_factory=list)

    @property
    def sites(self) -> list[str]:
        """Every site seen, sorted."""
        return sorted({c.site for c in self.captures} | {d.site for d in self.documents})


def run_names(warcs: list[Path]) -> dict[Path, str]:
    """The run of each WARC file: consecutive files of one writer process form one run."""
    names: dict[Path, str] = {}
    current, writer = "", None
    for path in warcs:
        match = _WARC_NAME.match(path.name)
        key = (match["prefix"], match["host"], match["pid"]) if match else (path.name,)
        if key != writer:
            writer = key
            current = _run_label(match["stamp"]) if match else path.stem
        names[path] = current
    return names


def _run_label(stamp: str) -> str:
    """``20241201093000123`` → ``2024-12-01 09:30:00``."""
    return f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]} {stamp[8:10]}:{stamp[10:12]}:{stamp[12:14]}"


def _site_of(url: str, cache: dict[str, str]) -> str:
    host = (urlsplit(url).hostname or "").lower()
    if host not in cache:
        cache[host] = profile_for_url(url).slug
    return cache[host]


def read_facts(folder: Path, *, workers: int = 1) -> CrawlFacts:
    """Read a crawl folder (its ``warc/`` and ``text.jsonl``) into ``CrawlFacts``.

    Raises:
        ArchiveError: ``text.jsonl`` cannot be read, or a revisit cannot be resolved.
    """
    facts = CrawlFacts(folder)
    warc_dir = folder / "warc" if (folder / "warc").is_dir() else folder
    warcs = find_warcs([warc_dir]) if any(warc_dir.glob("*.warc*")) else []
    runs = run_names(warcs)
    facts.runs = list(dict.fromkeys(runs.values()))
    damage = DamageLog()
    sites: dict[str, str] = {}
    for path in warcs:
        for resp in iter_responses(path, damage=damage):
            content_type = (resp.header("Content-Type") or "").lower()
            facts.captures.append(Capture(
                run=runs[path], site=_site_of(resp.target_uri, sites), host=(urlsplit(resp.target_uri).hostname or ""),
                url=resp.target_uri, status=resp.status, date=resp.warc_date, revisit=resp.revisit_of is not None,
                html="html" in content_type))
    facts.damage = [str(item) for item in damage]
    jsonl = folder / "text.jsonl"
    if jsonl.is_file():
        facts.documents = [document_from_dict(row) for row in read_jsonl(jsonl)]
    elif warcs:
        from crawler.rederive import replay_documents

        facts.documents = list(replay_documents([warc_dir], workers=workers, damage=DamageLog()))
    return facts
