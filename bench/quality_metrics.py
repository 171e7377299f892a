"""Extraction quality metrics on the shared labelled pages, shared by bench/quality.py and the pytest gate.

The measure follows ``../shared/fixtures/README.md``: an extractor's text is normalised
(every whitespace run to one space) and each labelled snippet is a substring match.

- ``with`` recall: share of the article pages' ``with`` snippets found (pages.json);
- leak rate: share of all ``without`` snippets found (pages.json articles and every
  seed page: text an extractor returns for a deleted or blocked page leaks too);
- seed F1: mean character F1 of the seed articles' text against ``expected_text``
  (both whitespace-normalised);
- titles exact: seed articles whose title equals the labelled headline;
- non-article pages typed: seed pages of kind ``deleted``/``blocked`` given that type
  (None for extractors that do not type pages).

This module needs only the standard library; extractors are plain callables.
"""

from __future__ import annotations

import difflib
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from fixturepath import FIXTURES_ENV, fixtures_dir  # noqa: E402, F401  (tests/fixturepath.py resolves the folder)

#: A seed page whose F1 is below this is listed as a failure.
F1_FAILURE = 0.99


@dataclass(frozen=True)
class Case:
    """One labelled page: where it is, how it was served and what a clean extraction holds."""

    group: str  # "pages" or "seed"
    file: str
    path: Path
    url: str
    content_type: str
    kind: str
    with_snippets: tuple[str, ...] = ()
    without: tuple[str, ...] = ()
    without_kinds: tuple[str, ...] = ()
    expected_text: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Output:
    """What an extractor returned for a page; ``page_type`` None when it does not type pages."""

    text: str | None
    title: str | None = None
    page_type: str | None = None


#: An extractor: (body bytes, url, Content-Type header value) → Output.
Extractor = Callable[[bytes, str, str], Output]


@dataclass
class Scores:
    """The quality table's row for one extractor, with its per-page failures."""

    with_found: int = 0
    with_total: int = 0
    leaked: int = 0
    noise_total: int = 0
    f1_values: list[float] = field(default_factory=list)
    titles_exact: int = 0
    titles_total: int = 0
    typed: int | None = 0
    typed_total: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def with_recall(self) -> float:
        """Share of ``with`` snippets found."""
        return self.with_found / self.with_total if self.with_total else 0.0

    @property
    def leak_rate(self) -> float:
        """Share of ``without`` snippets found."""
        return self.leaked / self.noise_total if self.noise_total else 0.0

    @property
    def seed_f1(self) -> float:
        """Mean character F1 over the seed articles."""
        return sum(self.f1_values) / len(self.f1_values) if self.f1_values else 0.0

    def as_floors(self) -> dict[str, float]:
        """The gated numbers, named as in tests/quality_floors.json."""
        return {
            "min_with_recall": self.with_recall,
            "max_leak_rate": self.leak_rate,
            "min_seed_f1": self.seed_f1,
            "min_titles_exact": float(self.titles_exact),
            "min_non_articles_typed": float(self.typed or 0),
        }


def load_cases(root: Path) -> list[Case]:
    """Every labelled page of pages.json and seedpages.json, in file order."""
    cases = []
    for entry in json.loads((root / "pages.json").read_text(encoding="utf-8")):
        cases.append(
            Case(
                group="pages",
                file=entry["file"],
                path=root / entry["file"],
                url=entry["url"],
                content_type="text/html; charset=" + entry["actual_charset"],
                kind=entry["kind"],
                with_snippets=tuple(entry["with"]),
                without=tuple(entry["without"]),
                without_kinds=tuple(entry["without_kinds"]),
                title=entry["title"],
            )
        )
    for entry in json.loads((root / "seedpages" / "seedpages.json").read_text(encoding="utf-8")):
        cases.append(
            Case(
                group="seed",
                file="seedpages/" + entry["file"],
                path=root / "seedpages" / entry["file"],
                url=entry["url"],
                content_type=entry["content_type"],
                kind=entry["kind"],
                without=tuple(entry["without"]),
                expected_text=entry["expected_text"],
                title=entry["title"],
            )
        )
    return cases


def flat(text: str | None) -> str:
    """The fixtures' normal form: every whitespace run collapsed to one space."""
    return re.sub(r"\s+", " ", text or "").strip()


def char_f1(got: str, expected: str) -> float:
    """Character-level F1 of the longest matching blocks of two texts."""
    if not got and not expected:
        return 1.0
    matcher = difflib.SequenceMatcher(None, got, expected, autojunk=False)
    same = sum(block.size for block in matcher.get_matching_blocks())
    if not same:
        return 0.0
    precision, recall = same / len(got), same / len(expected)
    return 2 * precision * recall / (precision + recall)


def _score_snippets(case: Case, text: str, scores: Scores, problems: list[str]) -> None:
    missing = [s for s in case.with_snippets if s not in text] if case.kind == "article" else []
    leaked = [(s, k) for s, k in zip(case.without, case.without_kinds or ("",) * len(case.without)) if s in text]
    if case.kind == "article":
        scores.with_found += len(case.with_snippets) - len(missing)
        scores.with_total += len(case.with_snippets)
    scores.leaked += len(leaked)
    scores.noise_total += len(case.without)
    problems += [f"missing {s!r}" for s in missing]
    problems += [f"leaked {s!r}" + (f" ({k})" if k else "") for s, k in leaked]


def score_case(case: Case, output: Output, scores: Scores, types_pages: bool) -> None:
    """Add one page's outcome to ``scores`` and record its failures."""
    text = flat(output.text)
    problems: list[str] = []
    _score_snippets(case, text, scores, problems)
    if case.group == "seed" and case.kind == "article":
        f1 = char_f1(text, flat(case.expected_text))
        scores.f1_values.append(f1)
        if f1 < F1_FAILURE:
            problems.append(f"F1 {f1:.3f}")
        scores.titles_total += 1
        if output.title == case.title:
            scores.titles_exact += 1
        else:
            problems.append(f"title {output.title!r} != {case.title!r}")
    if case.group == "seed" and case.kind != "article":
        scores.typed_total += 1
        if types_pages and output.page_type == case.kind and scores.typed is not None:
            scores.typed += 1
        elif types_pages:
            problems.append(f"typed {output.page_type!r} != {case.kind!r}")
    if case.group == "pages" and case.kind == "list" and types_pages and output.page_type != "list":
        problems.append(f"typed {output.page_type!r} != 'list'")
    if problems:
        scores.failures.append(f"{case.file}: " + "; ".join(problems))


def evaluate(extractor: Extractor, cases: list[Case], types_pages: bool) -> Scores:
    """Run ``extractor`` over ``cases`` and score it; an exception counts as empty output."""
    scores = Scores(typed=0 if types_pages else None)
    for case in cases:
        body = case.path.read_bytes()
        try:
            output = extractor(body, case.url, case.content_type)
        except Exception as exc:  # a crashing extractor scores as extracting nothing
            scores.failures.append(f"{case.file}: raised {type(exc).__name__}: {exc}")
            output = Output(None)
        score_case(case, output, scores, types_pages)
    return scores


def zhengwen_extractor(body: bytes, url: str, content_type: str) -> Output:
    """zhengwen's extract_html as a metrics extractor."""
    from crawler.extract import extract_html

    document = extract_html(body, url, {"Content-Type": content_type})
    return Output(document.text, document.title, document.page_type)


def table_row(name: str, scores: Scores) -> str:
    """One line of the quality table."""
    typed = "n/a" if scores.typed is None else f"{scores.typed}/{scores.typed_total}"
    return (
        f"{name:<12} {scores.with_recall:6.3f} ({scores.with_found}/{scores.with_total})"
        f"  {scores.leak_rate:6.3f} ({scores.leaked}/{scores.noise_total})"
        f"  {scores.seed_f1:6.3f}  {scores.titles_exact}/{scores.titles_total}  {typed}"
    )


TABLE_HEADER = "extractor    with-recall        leak rate          seed F1  titles  non-article typed"
