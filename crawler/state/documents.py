"""The version rule of the crawl: archive/corpus/versions.py with its memory in the crawl state store."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from archive.corpus.versions import CaptureVersions, Decision
from crawler.state import open_state

if TYPE_CHECKING:
    from archive.records import ArchivedResponse

#: Stats of the version rule, per spider (runs/<id>.json sums them per site).
NEW = "incremental/new_count"
CHANGED = "incremental/changed_count"
UNCHANGED = "incremental/unchanged_count"


class CrawlVersions:
    """Decide, for each archived page of a crawl, whether it adds a Document and which version.

    The memory is the folder's state store, so the rule carries over from run to run
    exactly as replay carries it from one WARC file to the next.
    """

    def __init__(self, settings: Any, stats: Any) -> None:
        self.state = open_state(settings)
        self.rule = CaptureVersions(self.state)
        self.stats = stats

    def decide(self, archived: ArchivedResponse) -> Decision:
        decision = self.rule.decide(archived)
        key = UNCHANGED if decision.unchanged else NEW if decision.version == 1 else CHANGED
        if self.stats is not None:
            self.stats.inc_value(key)
        return decision

    def close(self) -> None:
        self.state.close()
