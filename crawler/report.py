"""The end-of-crawl report: what was fetched, stored and what failed, per host, and the exit status."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from crawler import reasons

EXIT_OK = 0
EXIT_FAILED = 1


@dataclass
class SpiderOutcome:
    """What one spider's run left in its stats."""

    name: str
    finish_reason: str
    stats: dict[str, Any] = field(default_factory=dict)

    def count(self, key: str) -> int:
        return int(self.stats.get(key, 0) or 0)

    def failures_by_host(self) -> dict[str, dict[str, int]]:
        """{host: {reason: count}} of requests that failed after retries."""
        hosts: dict[str, dict[str, int]] = defaultdict(dict)
        for key, value in self.stats.items():
            if key.startswith("failure/host/"):
                host, _, reason = key[len("failure/host/"):].rpartition("/")
                hosts[host][reason] = int(value)
        return dict(hosts)

    def write_errors(self) -> int:
        return self.count("warc/write_error_count") + self.count("extract/write_error_count")

    def network_failures(self) -> int:
        return sum(self.count(f"failure/reason_count/{r}") for r in reasons.NETWORK_FAILURES)


def exit_status(outcomes: list[SpiderOutcome]) -> int:
    """1 when a spider did not finish, anything could not be written, or a host could not be reached."""
    for outcome in outcomes:
        if outcome.finish_reason != "finished" or outcome.write_errors() or outcome.network_failures():
            return EXIT_FAILED
    return EXIT_OK


def format_report(outcomes: list[SpiderOutcome], output_dir: str) -> str:
    """A short human summary: one block per spider, failures listed per host with their reasons."""
    lines = [f"zhengwen crawl → {output_dir}"]
    for o in outcomes:
        lines.append(
            f"{o.name}: {o.finish_reason}; {o.count('warc/records_written') // 2} responses archived, "
            f"{o.count('extract/documents_written')} documents, "
            f"{o.count('extract/page_type_count/article')} articles, {o.write_errors()} write errors"
        )
        for host, counts in sorted(o.failures_by_host().items()):
            detail = ", ".join(f"{reason} ×{n}" for reason, n in sorted(counts.items()))
            lines.append(f"  failed {host}: {detail}")
        skipped = {k.rpartition("/")[2]: v for k, v in o.stats.items() if k.startswith("skip/reason_count/")}
        if skipped:
            lines.append("  skipped: " + ", ".join(f"{k} ×{v}" for k, v in sorted(skipped.items())))
    status = exit_status(outcomes)
    lines.append("status: ok" if status == EXIT_OK else "status: FAILED (see the failures above)")
    return "\n".join(lines)
