"""The end-of-crawl report: what was fetched, stored and what failed, per host, and the exit status."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from crawler import reasons

EXIT_OK = 0
EXIT_FAILED = 1
#: A spider was stopped by Ctrl-C or SIGTERM (Scrapy's graceful shutdown): ``crawl --resume`` continues it.
EXIT_INTERRUPTED = 130
#: CRAWL_MAX_ERROR_RATE's default, for callers without settings.
DEFAULT_MAX_ERROR_RATE = 0.2


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

    def errors(self) -> int:
        """Requests that failed, less HTTP 4xx answers (archived, and reported, but not errors of the run)."""
        return sum(int(v) for k, v in self.stats.items()
                   if k.startswith("failure/reason_count/") and not k.rpartition("/")[2].startswith("http_4"))

    def error_rate(self) -> float:
        """Errors per request sent: responses received plus requests that received none."""
        received = self.count("response_received_count") or self.count("warc/records_written") // 2
        errors = self.errors()
        return errors / (received + self.network_failures()) if errors else 0.0

    def all_seeds_failed(self) -> bool:
        seeds = self.count("seed/count")
        return seeds > 0 and self.count("seed/failure_count") >= seeds


def failure_reasons(outcomes: list[SpiderOutcome], max_error_rate: float = DEFAULT_MAX_ERROR_RATE) -> list[str]:
    """Why the run fails, one short phrase per spider and cause (empty: it did not)."""
    found = []
    for o in outcomes:
        if o.finish_reason != "finished":
            found.append(f"{o.name} did not finish ({o.finish_reason})")
        if o.write_errors():
            found.append(f"{o.name}: {o.write_errors()} write error(s)")
        if o.all_seeds_failed():
            found.append(f"{o.name}: every seed failed")
        if o.error_rate() > max_error_rate:
            found.append(f"{o.name}: error rate {o.error_rate():.0%} > CRAWL_MAX_ERROR_RATE {max_error_rate:.0%}")
    return found


def exit_status(outcomes: list[SpiderOutcome], max_error_rate: float = DEFAULT_MAX_ERROR_RATE) -> int:
    """1 when a spider did not finish, anything could not be written, every seed of a spider
    failed, or the error rate passed ``max_error_rate``; 130 when a spider was shut down (resumable)."""
    if any(o.finish_reason == "shutdown" for o in outcomes):
        return EXIT_INTERRUPTED
    return EXIT_FAILED if failure_reasons(outcomes, max_error_rate) else EXIT_OK


def format_report(outcomes: list[SpiderOutcome], output_dir: str, max_error_rate: float = DEFAULT_MAX_ERROR_RATE) -> str:
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
    status = exit_status(outcomes, max_error_rate)
    if status == EXIT_OK:
        lines.append("status: ok")
    elif status == EXIT_INTERRUPTED:
        lines.append("status: INTERRUPTED (zhengwen crawl --resume continues it)")
    else:
        lines.append("status: FAILED: " + "; ".join(failure_reasons(outcomes, max_error_rate)))
    return "\n".join(lines)
