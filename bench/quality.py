"""Extraction quality, side by side: zhengwen, trafilatura, readability-lxml and GNE on the shared fixtures.

Run: ``.venv/bin/python bench/quality.py [--only NAME ...] [--no-failures]``.
Prints the quality table (with-snippet recall, noise leak rate, seed char F1, seed titles
exact, non-article pages typed) and each extractor's per-page failures. Metrics are
defined in bench/quality_metrics.py, which the pytest quality gate uses too.

Inputs: trafilatura gets the raw bytes (it decodes them itself, as with its defaults);
readability-lxml and GNE, which decode poorly, get the text decoded with the page's true
charset, so they are not penalised for decoding. Only zhengwen types pages.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from quality_metrics import (  # noqa: E402
    TABLE_HEADER,
    Extractor,
    Output,
    evaluate,
    fixtures_dir,
    load_cases,
    table_row,
    zhengwen_extractor,
)


def _charset(content_type: str) -> str:
    return content_type.partition("charset=")[2].strip() or "utf-8"


def trafilatura_extractor(body: bytes, url: str, content_type: str) -> Output:
    """trafilatura 2.3.1 with its defaults: ``extract`` for the text, ``extract_metadata`` for the title."""
    import trafilatura

    text = trafilatura.extract(body, url=url)
    metadata = trafilatura.extract_metadata(body, default_url=url)
    return Output(text, metadata.title if metadata else None)


def readability_extractor(body: bytes, url: str, content_type: str) -> Output:
    """readability-lxml: ``Document(html).summary()`` serialised to block lines; ``short_title()``."""
    from lxml import html as lxml_html
    from readability import Document

    from crawler.extract.blocks import block_lines

    document = Document(body.decode(_charset(content_type), "replace"), url=url)
    summary = document.summary()
    text = "\n".join(line.text for line in block_lines(lxml_html.document_fromstring(summary))) if summary.strip() else ""
    return Output(text, document.short_title())


def gne_extractor(body: bytes, url: str, content_type: str) -> Output:
    """GNE: ``GeneralNewsExtractor().extract(html)`` → ``content`` and ``title``."""
    from gne import GeneralNewsExtractor

    result = GeneralNewsExtractor().extract(body.decode(_charset(content_type), "replace"))
    return Output(result.get("content"), result.get("title"))


EXTRACTORS: dict[str, tuple[Extractor, bool]] = {
    "zhengwen": (zhengwen_extractor, True),
    "trafilatura": (trafilatura_extractor, False),
    "readability": (readability_extractor, False),
    "gne": (gne_extractor, False),
}


def main(argv: list[str] | None = None) -> int:
    """Print the quality table and per-page failures; exit 1 if the fixtures are missing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=sorted(EXTRACTORS), help="extractors to run (default: all)")
    parser.add_argument("--no-failures", action="store_true", help="print the table only")
    args = parser.parse_args(argv)
    try:
        root = fixtures_dir()
    except FileNotFoundError as exc:
        print(f"bench/quality.py: {exc}", file=sys.stderr)
        return 1
    cases = load_cases(root)
    rows, failures = [], []
    for name in args.only or list(EXTRACTORS):
        extractor, types_pages = EXTRACTORS[name]
        started = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            scores = evaluate(extractor, cases, types_pages)
        rows.append(table_row(name, scores) + f"   ({time.perf_counter() - started:.1f} s)")
        failures.append((name, scores.failures))
    print(f"fixtures: {root} ({len(cases)} pages)")
    print(TABLE_HEADER)
    print("\n".join(rows))
    if not args.no_failures:
        for name, lines in failures:
            print(f"\n{name}: {len(lines)} page(s) with failures")
            for line in lines:
                print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
