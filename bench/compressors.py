"""Benchmark: CPU and size of one gzip member per real page, by compressor and level (issue #11).

    .venv/bin/python bench/compressors.py [--repeat 5]

Compresses every real fixture article (../shared/fixtures, or $ZHENGWEN_FIXTURES) the way
archive/warc/writer.py writes a record (one gzip member, wbits 31) with zlib at levels 1, 6
and 9, ISA-L (`isal`, a dependency) at levels 0–3 and zlib-ng (`zlib-ng`, bench extra)
at 1, 6 and 9; prints CPU ms per page and the output size as a share of the input, and
checks that the standard library's zlib reads every member back.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
import zlib
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fixture_site import fixture_articles  # noqa: E402


def compressors() -> list[tuple[str, ModuleType, list[int]]]:
    found: list[tuple[str, ModuleType, list[int]]] = [("zlib", zlib, [1, 6, 9])]
    from isal import isal_zlib

    found.append(("isal", isal_zlib, [0, 1, 2, 3]))
    try:
        from zlib_ng import zlib_ng
    except ImportError:
        print("zlib-ng not installed (pip install -e '.[bench]'): skipped")
    else:
        found.append(("zlib-ng", zlib_ng, [1, 6, 9]))
    return found


def measure(module: ModuleType, level: int, pages: list[bytes], repeat: int) -> tuple[float, float]:
    """(CPU ms per page, output bytes ÷ input bytes), each member checked with zlib."""
    started, out = time.process_time(), []
    for _ in range(repeat):
        out = []
        for page in pages:
            compressor = module.compressobj(level, module.DEFLATED, module.MAX_WBITS + 16)
            out.append(compressor.compress(page) + compressor.flush())
    cpu = time.process_time() - started
    for page, member in zip(pages, out):
        if zlib.decompress(member, zlib.MAX_WBITS + 16) != page:
            raise SystemExit(f"{module.__name__} level {level}: member does not read back")
    return 1000 * cpu / (repeat * len(pages)), sum(map(len, out)) / sum(map(len, pages))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    pages = [body for body, _ in fixture_articles()]
    print(f"{len(pages)} real pages, {sum(map(len, pages)) / len(pages) / 1024:.0f} KiB on average")
    print(f"{'compressor':>10} {'level':>5} {'cpu ms/page':>12} {'size':>6}")
    for name, module, levels in compressors():
        for level in levels:
            cpu, ratio = measure(module, level, pages, args.repeat)
            print(f"{name:>10} {level:>5} {cpu:>12.3f} {100 * ratio:>5.1f}%", flush=True)
    started = time.process_time()
    for _ in range(args.repeat):
        for page in pages:
            hashlib.sha1(page).digest()
    print(f"for scale, one SHA-1 of the page: {1000 * (time.process_time() - started) / (args.repeat * len(pages)):.3f} ms")


if __name__ == "__main__":
    main()
